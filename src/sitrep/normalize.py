"""Text folding shared by lexicon matching, gazetteer look-ups and evaluation."""

from __future__ import annotations

import re
import unicodedata

_BRACKETED = re.compile(r"\s*\([^)]*\)")
_NON_WORD = re.compile(r"[^0-9a-z]+")


_LIGATURES = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss"})


def fold(text: str) -> str:
    """Lower-case, strip accents, turn punctuation and apostrophes into single spaces."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_LIGATURES))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _NON_WORD.sub(" ", stripped.lower()).strip()


def fold_actor(name: str) -> str:
    """An actor name as evaluation compares it: case, accents and the bracketed part folded."""
    return fold(_BRACKETED.sub("", name))
