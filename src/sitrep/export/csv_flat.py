"""Flat CSV: every field of the event record, one column each, all factuality values kept.

`sources` and `evidence` are JSON strings; keys beyond the contract (an event's
`extra`) go, as one JSON object, into the last column.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from dataclasses import fields
from typing import Any, TextIO

from sitrep.records import Event

RECORD_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Event) if f.name != "extra")
COLUMNS: tuple[str, ...] = RECORD_FIELDS + ("extra",)
_AS_JSON = frozenset({"sources", "evidence"})


def write_csv(events: Iterable[Event], out: TextIO) -> int:
    """Write the header and one row per event to `out` (open it with newline=""); return the row count."""
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    count = 0
    for event in events:
        writer.writerow(flat_row(event))
        count += 1
    return count


def flat_row(event: Event) -> list[Any]:
    """The cells of one event, in `COLUMNS` order."""
    record = event.to_dict()
    cells = [_cell(name, record[name]) for name in RECORD_FIELDS]
    extra = {key: value for key, value in record.items() if key not in RECORD_FIELDS}
    cells.append(json.dumps(extra, ensure_ascii=False) if extra else "")
    return cells


def _cell(name: str, value: Any) -> Any:
    if name in _AS_JSON:
        return json.dumps(value, ensure_ascii=False)
    return "" if value is None else value
