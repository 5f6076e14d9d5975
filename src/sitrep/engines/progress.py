"""How many articles a run will read (for the progress bar's ETA), counted without parsing them."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path

from sitrep.errors import InputError
from sitrep.ingest import InputKind, ReadContext, find_inputs
from sitrep.ingest.streams import iter_raw_lines, open_input, read_whole

_ENTRY_END = re.compile(rb"</(?:[A-Za-z0-9_]+:)?(?:item|entry)\s*>")


def estimate_articles(paths: Iterable[str | Path]) -> int:
    """About how many articles `paths` hold: one per text or page, one per JSON line or array
    element, one per feed entry; feeds at http(s) addresses count 0 (they are fetched only once).

    Unreadable inputs count 0: reading them reports why. The count may be high (duplicates, bad
    lines) or low (addresses); the progress bar grows its total when it has to.
    """
    ctx = ReadContext(report=lambda problem: None)
    total = 0
    for path, kind in find_inputs(paths, ctx=ctx):
        if kind is InputKind.URL:
            continue
        try:
            total += _count(Path(path), kind)
        except (InputError, OSError, ValueError, RecursionError):
            continue
    return total


def _count(path: Path, kind: InputKind) -> int:
    if kind in (InputKind.TEXT, InputKind.HTML):
        return 1
    if kind is InputKind.FEED:
        return len(_ENTRY_END.findall(read_whole(path)))
    if kind is InputKind.JSON:
        try:
            value = json.loads(read_whole(path))
        except ValueError:  # JSON lines in a .json file
            return _count_lines(path)
        return len(value) if isinstance(value, list) else 1
    return _count_lines(path)


def _count_lines(path: Path) -> int:
    count = 0
    try:
        with open_input(path) as fh:
            for _, line in iter_raw_lines(fh):
                count += line is not None and bool(line.strip())
    except InputError:
        pass  # a damaged .gz: the lines before the damage are read
    return count
