"""Guessing an article's language when its input does not say, from its function words.

Each language of `lexicons/function_words.yaml` scores the words of the text it lists; a word
listed by n languages adds 1/n to each, so words shared by French, Spanish and Italian ("de", "la")
never decide alone. The best language wins when it has enough evidence and clearly beats the
runner-up; otherwise the answer is None ("not sure"), which callers treat as unsupported rather
than guessing.

    >>> detect_language("Des hommes armés ont attaqué le village, selon un élu local.")
    'fr'
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from types import MappingProxyType
from typing import Any

import yaml

from sitrep.errors import LexiconError

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
#: Arabic short vowels, shadda, sukun, superscript alef and the tatweel stretch: ignored when reading,
#: so a vocalised word matches its bare spelling.
_ARABIC_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
FILE_NAME = "function_words.yaml"
#: Least weighted score for an answer: about three distinctive function words ...
MIN_SCORE = 2.5
#: ... or, in a text too short to hold three, this share of its words (never less than MIN_SHORT_SCORE),
#: so that "Deux soldats tués dans une embuscade près de Gao." is French.
MIN_SCORE_PER_WORD = 0.15
MIN_SHORT_SCORE = 1.5
#: How far the best language must be ahead of the runner-up.
MIN_LEAD = 1.4


@dataclass(frozen=True)
class FunctionWords:
    """word -> {language: weight}, built once from the YAML file."""

    weights: MappingProxyType[str, MappingProxyType[str, float]]
    languages: tuple[str, ...]

    @classmethod
    def from_mapping(cls, languages: dict[str, list[str]]) -> FunctionWords:
        owners: dict[str, set[str]] = {}
        for language, words in languages.items():
            for word in words:
                owners.setdefault(str(word).lower(), set()).add(language)
        weights = {
            word: MappingProxyType({lang: 1.0 / len(langs) for lang in sorted(langs)})
            for word, langs in owners.items()
        }
        return cls(MappingProxyType(weights), tuple(languages))

    def scores(self, words: list[str]) -> dict[str, float]:
        totals = dict.fromkeys(self.languages, 0.0)
        for word, count in Counter(words).items():
            for language, weight in self.weights.get(word, {}).items():
                totals[language] += weight * count
        return totals


@lru_cache(maxsize=1)
def function_words() -> FunctionWords:
    """The packaged function-word table (read once per process)."""
    text = resources.files("sitrep.lexicons").joinpath(FILE_NAME).read_text(encoding="utf-8")
    return FunctionWords.from_mapping(_checked(yaml.safe_load(text)))


def _checked(data: Any) -> dict[str, list[str]]:
    languages = data.get("languages") if isinstance(data, dict) else None
    if not isinstance(languages, dict) or not languages:
        raise LexiconError(f"{FILE_NAME}: expected a 'languages' mapping of language code -> word list")
    for code, words in languages.items():
        if not isinstance(words, list):
            raise LexiconError(f"{FILE_NAME}: language {code!r} needs a list of words, not {words!r}")
        odd = [w for w in words if not isinstance(w, str) or not w]
        if odd:
            raise LexiconError(
                f"{FILE_NAME}: language {code!r} has non-word entries {odd!r}; "
                'quote words YAML reads as booleans or numbers ("on", "no")'
            )
    return languages


def text_words(text: str, *, sample_chars: int = 5000) -> list[str]:
    """The lower-cased words of the start of `text` (Arabic vowel marks removed)."""
    sample = _ARABIC_MARKS.sub("", text[:sample_chars])
    return [word.lower() for word in _WORD.findall(sample)]


def language_scores(text: str, *, sample_chars: int = 5000) -> dict[str, float]:
    """Weighted function-word score of each known language for `text` (for diagnostics)."""
    return function_words().scores(text_words(text, sample_chars=sample_chars))


def detect_language(text: str, *, sample_chars: int = 5000) -> str | None:
    """ISO 639-1 code of the most likely language of `text`, or None when unsure."""
    words = text_words(text, sample_chars=sample_chars)
    scores = function_words().scores(words)
    ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
    if not ranked:
        return None
    best, best_score = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
    needed = min(MIN_SCORE, max(MIN_SHORT_SCORE, MIN_SCORE_PER_WORD * len(words)))
    if best_score < needed or best_score < MIN_LEAD * runner_up:
        return None
    return best
