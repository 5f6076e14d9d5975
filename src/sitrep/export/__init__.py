"""Exports of stored or extracted events.

    acled-csv  ACLED's columns in ACLED's order, then sitrep's; denied and hypothetical
               events left out unless include_not_occurred
    csv        every field of the event record, flat
    jsonl      one event record per line
    geojson    a FeatureCollection of points
    parquet    a folder of Parquet files partitioned by country and year (hive style)

Only acled-csv filters by factuality; the other formats keep every record. The first four write
a stream (`write_events`); parquet writes a folder (`write_parquet`, or `export_to_path` for any).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from sitrep.errors import SitrepError
from sitrep.export.acled_csv import write_acled_csv
from sitrep.export.csv_flat import write_csv
from sitrep.export.geojson import write_geojson
from sitrep.export.jsonl import write_jsonl
from sitrep.export.parquet import write_parquet
from sitrep.records import Event

#: formats written to a stream (a file or stdout).
EXPORT_FORMATS: tuple[str, ...] = ("acled-csv", "csv", "jsonl", "geojson")
#: formats written as a folder of files.
FOLDER_FORMATS: tuple[str, ...] = ("parquet",)
ALL_FORMATS: tuple[str, ...] = EXPORT_FORMATS + FOLDER_FORMATS

__all__ = [
    "ALL_FORMATS",
    "EXPORT_FORMATS",
    "FOLDER_FORMATS",
    "export_to_path",
    "write_acled_csv",
    "write_csv",
    "write_events",
    "write_geojson",
    "write_jsonl",
    "write_parquet",
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
    if format in FOLDER_FORMATS:
        raise SitrepError(f"{format} is written to a folder, not a stream: give a folder (--out DIR)")
    raise SitrepError(f"unknown export format {format!r}; choose one of: {', '.join(ALL_FORMATS)}")


def export_to_path(
    events: Iterable[Event], out: str | Path, *, format: str, include_not_occurred: bool = False
) -> int:
    """Write `events` in `format` to the file `out` (stream formats) or into the folder `out`
    (parquet); return how many were written."""
    if format == "parquet":
        return write_parquet(events, out)
    with open(out, "w", encoding="utf-8", newline="") as handle:
        return write_events(events, handle, format=format, include_not_occurred=include_not_occurred)
