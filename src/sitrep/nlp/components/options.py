"""Settings shared by the components (spaCy configs hold strings, not paths)."""

from __future__ import annotations

from pathlib import Path


def extra_dir_of(lexicon_dir: str) -> Path | None:
    """The analyst's extra lexicon folder from a component config ("" means none)."""
    return Path(lexicon_dir) if lexicon_dir else None
