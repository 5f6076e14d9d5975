"""The records sitrep passes between its stages: frozen, typed, JSON-ready.

`Event.to_dict()` gives exactly the event record of shared/docs/event-record.md §1.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field, fields
from datetime import date
from typing import Any


def content_id(text: str) -> str:
    """Stable id of an article's text: the same text always gets the same id."""
    return hashlib.sha256(text.strip().encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True, kw_only=True)
class Article:
    """One dated news article, as ingested."""

    id: str
    text: str
    published: date | None = None
    #: 1 when the day of publication is known; 3 when only the month is (the seed's "date YYYY-MM" format,
    #: stored as the 1st of the month).
    published_precision: int = 1
    source: str | None = None
    url: str | None = None
    language: str | None = None
    title: str | None = None
    #: where it was read from: a path, with ":LINE" for a JSONL line.
    origin: str | None = None

    @property
    def content_hash(self) -> str:
        return content_id(self.text)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["published"] = self.published.isoformat() if self.published else None
        return d


@dataclass(frozen=True, kw_only=True)
class Evidence:
    """The character span of an article that supports one coded field."""

    field: str
    article_id: str
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, kw_only=True)
class Place:
    """A gazetteer entry."""

    name: str
    iso2: str
    country: str
    latitude: float | None
    longitude: float | None
    admin1: str | None = None
    admin2: str | None = None
    geonameid: int | None = None
    #: GeoNames feature class/code: P.PPL (populated place), A.ADM1 (region), A.PCLI (country) ...
    feature_class: str = "P"
    feature_code: str = "PPL"
    population: int = 0

    @property
    def is_country(self) -> bool:
        return self.feature_class == "A" and self.feature_code.startswith("PCL")

    @property
    def is_region(self) -> bool:
        return self.feature_class == "A" and self.feature_code.startswith("ADM")


@dataclass(frozen=True, kw_only=True)
class Source:
    """One article that reports an event (the `sources` list of a merged event)."""

    article_id: str
    source: str | None
    source_url: str | None
    published: str | None
    factuality: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, kw_only=True)
class Event:
    """One coded event: the record of event-record.md §1."""

    event_id: str
    article_id: str
    event_date: str
    time_precision: int
    event_type: str
    sub_event_type: str
    actor1: str | None = None
    actor2: str | None = None
    assoc_actor_1: str | None = None
    assoc_actor_2: str | None = None
    inter1: int = 0
    inter2: int = 0
    interaction: int = 0
    country: str | None = None
    iso2: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int = 3
    geonameid: int | None = None
    fatalities: int = 0
    factuality: str = "asserted"
    claimed_by: str | None = None
    source: str | None = None
    source_url: str | None = None
    published: str | None = None
    sources: tuple[Source, ...] = ()
    notes: str = ""
    evidence: tuple[Evidence, ...] = ()
    language: str = "fr"
    confidence: float = 0.5
    pipeline_version: str = ""
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    def to_dict(self) -> dict[str, Any]:
        """The contract's JSON object (extra keys, if any, come last)."""
        out: dict[str, Any] = {}
        for f in fields(self):
            if f.name == "extra":
                continue
            value = getattr(self, f.name)
            if f.name in ("sources", "evidence"):
                value = [item.to_dict() for item in value]
            out[f.name] = value
        out.update(self.extra)
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        """Rebuild an event from its JSON object (as stored or exported)."""
        known = {f.name for f in fields(cls)} - {"extra"}
        kwargs = {k: v for k, v in data.items() if k in known}
        kwargs["sources"] = tuple(Source(**s) for s in data.get("sources") or ())
        kwargs["evidence"] = tuple(Evidence(**e) for e in data.get("evidence") or ())
        kwargs["extra"] = {k: v for k, v in data.items() if k not in known}
        return cls(**kwargs)
