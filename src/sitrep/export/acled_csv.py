"""ACLED-compatible CSV: ACLED's export columns in ACLED's order, then sitrep's own.

An analyst can load this file next to an ACLED extract. Events reported as
denied or hypothetical did not happen, so they are left out unless asked for.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import Any, TextIO

from sitrep.export.countries import CountryTable
from sitrep.records import Event
from sitrep.taxonomy import NOT_OCCURRED

ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)
SITREP_COLUMNS: tuple[str, ...] = (
    "factuality",
    "claimed_by",
    "source_url",
    "published",
    "confidence",
    "sitrep_event_id",
    "pipeline_version",
)
COLUMNS: tuple[str, ...] = ACLED_COLUMNS + SITREP_COLUMNS

_CIVILIANS = 7
_DISORDER_TYPES = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Protests": "Demonstrations",
    "Riots": "Demonstrations",
    "Strategic developments": "Strategic developments",
}


def write_acled_csv(events: Iterable[Event], out: TextIO, *, include_not_occurred: bool = False) -> int:
    """Write the header and one row per event to `out` (open it with newline=""); return the row count."""
    countries = CountryTable.load()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    count = 0
    for event in events:
        if event.factuality in NOT_OCCURRED and not include_not_occurred:
            continue
        row = acled_row(event, countries=countries)
        writer.writerow(_cell(row[column]) for column in COLUMNS)
        count += 1
    return count


def acled_row(event: Event, *, countries: CountryTable) -> dict[str, Any]:
    """The export row of one event, keyed by column name."""
    info = countries.lookup(iso2=event.iso2, country=event.country)
    return {
        "event_id_cnty": f"{info.iso3}{event.event_id}" if info and info.iso3 else event.event_id,
        "event_date": event.event_date,
        "year": _year(event.event_date),
        "time_precision": event.time_precision,
        "disorder_type": disorder_type(event.event_type, event.sub_event_type),
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "actor1": event.actor1,
        "assoc_actor_1": event.assoc_actor_1,
        "inter1": event.inter1,
        "actor2": event.actor2,
        "assoc_actor_2": event.assoc_actor_2,
        "inter2": event.inter2,
        "interaction": event.interaction,
        "civilian_targeting": civilian_targeting(event),
        "iso": info.isonumeric if info else None,
        "region": info.region if info else None,
        "country": event.country,
        "admin1": event.admin1,
        "admin2": event.admin2,
        "admin3": None,
        "location": event.location,
        "latitude": event.latitude,
        "longitude": event.longitude,
        "geo_precision": event.geo_precision,
        "source": _sources(event),
        "source_scale": None,
        "notes": event.notes,
        "fatalities": event.fatalities,
        "tags": None,
        # ACLED's timestamp is when its record last changed; sitrep does not track that.
        "timestamp": None,
        "factuality": event.factuality,
        "claimed_by": event.claimed_by,
        "source_url": event.source_url,
        "published": event.published,
        "confidence": event.confidence,
        "sitrep_event_id": event.event_id,
        "pipeline_version": event.pipeline_version,
    }


def disorder_type(event_type: str, sub_event_type: str) -> str:
    """ACLED's disorder type; lethal force on protesters counts as both, as ACLED codes it."""
    if sub_event_type == "Excessive force against protesters":
        return "Political violence; Demonstrations"
    return _DISORDER_TYPES.get(event_type, "")


def civilian_targeting(event: Event) -> str:
    """ACLED's civilian_targeting flag: set when civilians are the target of the event."""
    targets_civilians = event.inter2 == _CIVILIANS or (
        event.inter1 == _CIVILIANS and event.event_type == "Violence against civilians"
    )
    return "Civilian targeting" if targets_civilians else ""


def _year(event_date: str) -> int | None:
    head = (event_date or "")[:4]
    return int(head) if head.isdigit() else None


def _sources(event: Event) -> str | None:
    """Every publisher that reports the event, `; `-joined as in ACLED, first seen first."""
    names = [s.source for s in event.sources if s.source] or ([event.source] if event.source else [])
    return "; ".join(dict.fromkeys(names)) or None


def _cell(value: Any) -> Any:
    return "" if value is None else value
