"""What the server remembers about the store between requests, while the store does not change.

Some answers cost a scan of the whole store (which events are not clustered yet, the statistics, the
located events behind the map); they are kept, per app, until the store's version changes. The
version is a handful of index-only reads (row counts, the newest audit entries, SQLite's newest
rowid), so any write by `sitrep ingest`, `run`, `dedup` or an edit starts afresh. Entries also
expire after `ttl` seconds, which bounds staleness on a database whose writes the version could miss.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import exists, func, select, text
from sqlalchemy.engine import Connection

from sitrep.store import schema

T = TypeVar("T")


@dataclass(frozen=True)
class Scope:
    """What the listing queries need to know about the store: the events in no cluster yet, and the
    stored spellings of each country (by lower-case name and by ISO code), so that a country filter is
    an exact match the indexes serve."""

    unclustered: frozenset[str]
    countries: Mapping[str, tuple[str, ...]]

    def country_names(self, wanted: str) -> tuple[str, ...]:
        return self.countries.get(wanted.strip().lower(), ())


class StoreState:
    """A small cache of costly answers, valid for one version of the store (thread-safe)."""

    def __init__(self, *, ttl: float = 30.0, size: int = 32) -> None:
        self._ttl = ttl
        self._size = size
        self._lock = threading.Lock()
        self._version: tuple[Any, ...] | None = None
        self._entries: OrderedDict[Hashable, tuple[float, Any]] = OrderedDict()

    def cached(self, conn: Connection, key: Hashable, compute: Callable[[Connection], T]) -> T:
        """`compute(conn)`, or its remembered value for this version of the store."""
        version = store_version(conn)
        now = time.monotonic()
        with self._lock:
            if version != self._version:
                self._entries.clear()
                self._version = version
            found = self._entries.get(key)
            if found is not None and now - found[0] < self._ttl:
                self._entries.move_to_end(key)
                return found[1]
        value = compute(conn)
        with self._lock:
            if self._version == version:
                self._entries[key] = (now, value)
                while len(self._entries) > self._size:
                    self._entries.popitem(last=False)
        return value

    def scope(self, conn: Connection) -> Scope:
        return self.cached(conn, "scope", _scope)


def store_version(conn: Connection) -> tuple[Any, ...]:
    """Changes whenever events, clusters or edits are written (index-only reads, well under a ms)."""
    counts = [
        conn.execute(select(func.count()).select_from(table)).scalar_one()
        for table in (schema.events, schema.clusters, schema.cluster_members)
    ]
    newest = [
        conn.execute(select(func.max(table.c.id))).scalar_one()
        for table in (schema.cluster_audit, schema.edit_audit)
    ]
    if conn.engine.dialect.name == "sqlite":
        # Re-coding an article deletes and inserts its events: new rows get new rowids.
        newest.append(conn.execute(text("SELECT max(rowid) FROM events")).scalar_one())
    return (*counts, *newest)


def _scope(conn: Connection) -> Scope:
    e, m = schema.events.c, schema.cluster_members.c
    alone = select(e.event_id).where(~exists().where(m.event_id == e.event_id))
    unclustered = frozenset(conn.execute(alone).scalars())
    countries: dict[str, set[str]] = {}
    for table in (schema.clusters, schema.events):
        names = conn.execute(select(table.c.country).distinct().where(table.c.country.is_not(None))).scalars()
        for name in names:
            countries.setdefault(name.lower(), set()).add(name)
            # One row tells the country's code; reading them all would read every row of it.
            code = conn.execute(
                select(table.c.iso2).where(table.c.country == name, table.c.iso2.is_not(None)).limit(1)
            ).scalar_one_or_none()
            if code:
                countries.setdefault(code.lower(), set()).add(name)
    return Scope(unclustered, {key: tuple(sorted(names)) for key, names in countries.items()})
