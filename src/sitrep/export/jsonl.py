"""JSON Lines: one event record (event-record.md §1) per line, all factuality values kept."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TextIO

from sitrep.records import Event


def write_jsonl(events: Iterable[Event], out: TextIO) -> int:
    """Write one JSON object per event to `out`; return the count."""
    count = 0
    for event in events:
        out.write(json.dumps(event.to_dict(), ensure_ascii=False))
        out.write("\n")
        count += 1
    return count
