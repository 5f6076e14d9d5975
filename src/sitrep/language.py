"""Guessing an article's language when its input does not say (function-word counts).

Good enough to route news-length text to a pipeline or to mark it "not
supported yet"; a text with too few known words gets None.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import yaml

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_MIN_HITS = 3


@lru_cache(maxsize=1)
def _function_words() -> dict[str, frozenset[str]]:
    text = resources.files("sitrep.lexicons").joinpath("function_words.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    return {lang: frozenset(words) for lang, words in data.items() if lang != "version"}


def detect_language(text: str, *, sample_chars: int = 5000) -> str | None:
    """ISO 639-1 code of the most likely language of `text`, or None when unsure."""
    words = [w.lower() for w in _WORD.findall(text[:sample_chars])]
    if not words:
        return None
    scores = {lang: sum(w in vocab for w in words) for lang, vocab in _function_words().items()}
    best = max(scores, key=scores.__getitem__)
    ranked = sorted(scores.values(), reverse=True)
    if ranked[0] < _MIN_HITS or (len(ranked) > 1 and ranked[0] < 1.3 * ranked[1]):
        return None
    return best
