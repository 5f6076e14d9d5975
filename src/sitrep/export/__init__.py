"""Exports of stored or extracted events.

    acled-csv  ACLED's columns in ACLED's order, then sitrep's; denied and hypothetical
               events left out unless include_not_occurred
    csv        every field of the event record, flat
    jsonl      one event record per line
    geojson    a FeatureCollection of points

Only acled-csv filters by factuality; the other formats keep every record.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from sitrep.errors import SitrepError
from sitrep.export.acled_csv import write_acled_csv
from sitrep.export.csv_flat import write_csv
from sitrep.export.geojson import write_geojson
from sitrep.export.jsonl import write_jsonl
from sitrep.records import Event

EXPORT_FORMATS: tuple[str, ...] = ("acled-csv", "csv", "jsonl", "geojson")

__all__ = [
    "EXPORT_FORMATS",
    "write_acled_csv",
    "write_csv",
    "write_events",
    "write_geojson",
    "write_jsonl",
]


def write_events(
    events: Iterable[Event], out: TextIO, *, format: str, include_not_occurred: bool = False
) -> int:
    """Write `events` to `out` in `format`; return how many were written.

    Open a file `out` with newline="" for the CSV formats (the csv module writes its own line ends).
    """
    if format == "acled-csv":
        return write_acled_csv(events, out, include_not_occurred=include_not_occurred)
    if format == "csv":
        return write_csv(events, out)
    if format == "jsonl":
        return write_jsonl(events, out)
    if format == "geojson":
        return write_geojson(events, out)
    raise SitrepError(f"unknown export format {format!r}; choose one of: {', '.join(EXPORT_FORMATS)}")
