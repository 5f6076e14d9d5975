"""sitrep: conflict news in, ACLED-compatible, geocoded, evidence-linked events out.

>>> import sitrep
>>> events = sitrep.extract("Des hommes armés ont attaqué ...", published=date(2024, 3, 5))
"""

from __future__ import annotations

__version__ = "0.1.0"

from sitrep.errors import GazetteerError, InputError, LexiconError, SitrepError, StoreError  # noqa: E402
from sitrep.records import Article, Event, Evidence, Place, Source  # noqa: E402


def __getattr__(name: str):
    # The pipeline pulls in spaCy: import it only when asked for.
    if name in ("Pipeline", "extract"):
        from sitrep import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'sitrep' has no attribute {name!r}")


__all__ = [
    "Article",
    "Event",
    "Evidence",
    "GazetteerError",
    "InputError",
    "LexiconError",
    "Pipeline",
    "Place",
    "SitrepError",
    "Source",
    "StoreError",
    "__version__",
    "extract",
]
