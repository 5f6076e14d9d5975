"""Event records reduced to the numbers deduplication compares, one numpy array per feature.

A million `Event` objects take gigabytes; their features take tens of megabytes. `FeatureBuilder`
reads events one at a time (from a list, a store query or a generator), so clustering never needs
every record in memory at once.
"""

from __future__ import annotations

import hashlib
from array import array
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from sitrep.dedup.knowledge import TypeMatching, folded, folded_actor
from sitrep.dedup.settings import DedupSettings
from sitrep.errors import InputError
from sitrep.records import Event

#: place scopes: a point (a town, or near one), only a region (admin1), only a country.
POINT, REGION, COUNTRY = 0, 1, 2


@dataclass(frozen=True, kw_only=True)
class EventFeatures:
    """What clustering reads, index i describing the i-th event read."""

    event_ids: list[str]
    day: np.ndarray  # int64 day ordinal of event_date
    tolerance: np.ndarray  # int64 days of tolerance (from time_precision)
    block: np.ndarray  # int64: (country, type group, hypothetical or not), numbered
    scope: np.ndarray  # int8: POINT, REGION or COUNTRY
    latitude: np.ndarray  # float64, nan when unknown
    longitude: np.ndarray
    geo_precision: np.ndarray  # int8
    region: np.ndarray  # int64 (country, admin1) number, -1 when unknown
    place: np.ndarray  # int64 (country, location) number, -1 when unknown
    sub_type: np.ndarray  # int64 index in knowledge.SUB_TYPE_ORDER
    actors: np.ndarray  # int64 (n, 2) folded actor numbers, -1 for none
    vague: np.ndarray  # bool (n, 2): the actor is vague ("Unidentified Armed Group", "Civilians")
    kind: np.ndarray  # int8 (n, 2): the actor's kind (TypeMatching.actor_kind), 0 unknown
    fatalities: np.ndarray  # int64
    article: np.ndarray  # int64 hash of article_id

    def __len__(self) -> int:
        return len(self.event_ids)


@dataclass
class FeatureBuilder:
    """Collects the features of events read one by one; `build()` returns the arrays."""

    settings: DedupSettings
    matching: TypeMatching
    _ids: list[str] = field(default_factory=list)
    _columns: dict[str, array] = field(default_factory=dict)
    _names: dict[object, int] = field(default_factory=dict)
    _days: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        typecodes = {
            "day": "l", "precision": "b", "country": "l", "sub_type": "h", "hypothetical": "b",
            "latitude": "d", "longitude": "d", "geo_precision": "b", "region": "l", "place": "l",
            "actor1": "l", "actor2": "l", "vague1": "b", "vague2": "b", "kind1": "b", "kind2": "b",
            "fatalities": "l", "article": "q",
        }  # fmt: skip
        self._columns = {name: array(code) for name, code in typecodes.items()}

    def add_all(self, events: Iterable[Event]) -> FeatureBuilder:
        for event in events:
            self.add(event)
        return self

    def add(self, event: Event) -> None:
        c = self._columns
        country = (event.iso2 or "").upper() or folded(event.country or "")
        self._ids.append(event.event_id)
        c["day"].append(self._day(event))
        c["precision"].append(event.time_precision if event.time_precision in (1, 2, 3) else 2)
        c["country"].append(self._number(("country", country)))
        c["sub_type"].append(self.matching.index_of(event.sub_event_type))
        c["hypothetical"].append(event.factuality == "hypothetical")
        known = event.latitude is not None and event.longitude is not None
        c["latitude"].append(float(event.latitude) if known else float("nan"))  # type: ignore[arg-type]
        c["longitude"].append(float(event.longitude) if known else float("nan"))  # type: ignore[arg-type]
        c["geo_precision"].append(event.geo_precision if event.geo_precision in (1, 2, 3) else 3)
        c["region"].append(self._optional(("region", country), event.admin1))
        c["place"].append(self._optional(("place", country), event.location))
        for slot, name, inter in (("1", event.actor1, event.inter1), ("2", event.actor2, event.inter2)):
            actor = folded_actor(name) if name else ""
            c["actor" + slot].append(self._number(("actor", actor)) if actor else -1)
            c["vague" + slot].append(actor in self.matching.vague_actors)
            c["kind" + slot].append(self.matching.actor_kind(actor, inter) if actor else 0)
        c["fatalities"].append(max(0, int(event.fatalities or 0)))
        digest = hashlib.blake2b(event.article_id.encode("utf-8"), digest_size=8).digest()
        c["article"].append(int.from_bytes(digest, "little", signed=True))

    def build(self) -> EventFeatures:
        c = {name: np.frombuffer(column, dtype=column.typecode) for name, column in self._columns.items()}
        precision = c["precision"].astype(np.int64)
        tolerance = np.array([0, *(self.settings.tolerance(p) for p in (1, 2, 3))], dtype=np.int64)[precision]
        group = self.matching.groups[c["sub_type"]].astype(np.int64)
        raw_block = (c["country"] * (int(self.matching.groups.max()) + 1) + group) * 2 + c["hypothetical"]
        block = np.unique(raw_block, return_inverse=True)[1].astype(np.int64)
        has_point = ~np.isnan(c["latitude"]) & (c["geo_precision"] <= 2)
        scope = np.where(has_point, POINT, np.where(c["region"] >= 0, REGION, COUNTRY)).astype(np.int8)
        return EventFeatures(
            event_ids=self._ids,
            day=c["day"].astype(np.int64),
            tolerance=tolerance,
            block=block,
            scope=scope,
            latitude=c["latitude"].astype(np.float64),
            longitude=c["longitude"].astype(np.float64),
            geo_precision=c["geo_precision"].astype(np.int8),
            region=c["region"].astype(np.int64),
            place=c["place"].astype(np.int64),
            sub_type=c["sub_type"].astype(np.int64),
            actors=np.stack([c["actor1"], c["actor2"]], axis=1).astype(np.int64),
            vague=np.stack([c["vague1"], c["vague2"]], axis=1).astype(bool),
            kind=np.stack([c["kind1"], c["kind2"]], axis=1).astype(np.int8),
            fatalities=c["fatalities"].astype(np.int64),
            article=c["article"].astype(np.int64),
        )

    def names(self) -> list[object]:
        """What each number in the built features stands for (a country, region, place or actor key),
        by number: lets features built apart (one partition each) be numbered alike."""
        return list(self._names)

    def _number(self, key: object) -> int:
        return self._names.setdefault(key, len(self._names))

    def _optional(self, scope: tuple[str, str], name: str | None) -> int:
        key = folded(name) if name else ""
        return self._number((*scope, key)) if key else -1

    def _day(self, event: Event) -> int:
        text = event.event_date or ""
        day = self._days.get(text)
        if day is None:
            try:
                day = date.fromisoformat(text[:10]).toordinal()
            except ValueError:
                raise InputError(
                    f"event {event.event_id!r} has event_date {text!r}; deduplication needs YYYY-MM-DD dates"
                ) from None
            self._days[text] = day
        return day


def event_features(
    events: Iterable[Event], *, settings: DedupSettings, matching: TypeMatching
) -> EventFeatures:
    """The features of `events`, in their order."""
    return FeatureBuilder(settings, matching).add_all(events).build()
