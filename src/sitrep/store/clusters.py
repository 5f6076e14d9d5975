"""The event store's deduplication tables: clusters, their members, analysts' decisions, the audit trail.

`ClusterTables` is mixed into `EventStore`; it only reads and writes rows. Deciding what the clusters
are is `sitrep.dedup`'s job (see `sitrep.dedup.incremental`).
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Table, and_, delete, exists, func, insert, or_, select, union_all
from sqlalchemy.engine import Connection

from sitrep.errors import StoreError
from sitrep.records import Event
from sitrep.store import schema
from sitrep.store.connect import upserting
from sitrep.store.schema import DECISION_KINDS

#: rows per query page and per IN (...) list.
PAGE_SIZE = 500


@dataclass(frozen=True)
class ClusterDecision:
    """An analyst's decision about two events: `merge` (keep together) or `split` (keep apart)."""

    id: int
    kind: str
    event_a: str
    event_b: str
    decided_at: str
    note: str | None


@dataclass(frozen=True)
class ClusterWrite:
    """A cluster to store: its merged record (event_id == cluster id) and its member events."""

    merged: Event
    members: tuple[Event, ...]

    @property
    def cluster_id(self) -> str:
        return self.merged.event_id


class ClusterTables:
    """Cluster reads and writes of the event store (needs EventStore's `_reading`, `_writing`, `_filters`)."""

    def _reading(self, what: str) -> AbstractContextManager[Connection]:
        raise NotImplementedError

    def _writing(self, what: str) -> AbstractContextManager[Connection]:
        raise NotImplementedError

    def _filters(self, table: Table, **filters: Any) -> list[ColumnElement[bool]]:
        raise NotImplementedError

    def _now(self) -> str:
        raise NotImplementedError

    # -- reads ----------------------------------------------------------------------------------

    def unclustered_events(self) -> Iterator[Event]:
        """Stored events in no cluster yet (new since the last `sitrep dedup`), by date then id."""
        e, m = schema.events.c, schema.cluster_members.c
        alone = ~exists().where(m.event_id == e.event_id)
        yield from (Event.from_dict(json.loads(r.record)) for r, _ in self._pages(schema.events, [alone]))

    def clustered_events(self, *, since: str, until: str) -> Iterator[tuple[Event, str]]:
        """(event, its cluster id) for clustered events dated since..until (inclusive)."""
        e, m = schema.events.c, schema.cluster_members.c
        query = (
            select(e.event_id, e.record, m.cluster_id)
            .join_from(schema.events, schema.cluster_members, m.event_id == e.event_id)
            .where(e.event_date >= since, e.event_date <= until)
            .order_by(e.event_id)
        )
        after = ""
        while True:
            with self._reading("read clustered events") as conn:
                rows = conn.execute(query.where(e.event_id > after).limit(PAGE_SIZE)).all()
            yield from ((Event.from_dict(json.loads(r.record)), r.cluster_id) for r in rows)
            if len(rows) < PAGE_SIZE:
                return
            after = rows[-1].event_id

    def cluster_member_events(self, cluster_id: str) -> list[Event]:
        """The stored events of a cluster, by date then id (members whose event is gone are skipped)."""
        e, m = schema.events.c, schema.cluster_members.c
        query = (
            select(e.record)
            .join_from(schema.events, schema.cluster_members, m.event_id == e.event_id)
            .where(m.cluster_id == cluster_id)
            .order_by(e.event_date, e.event_id)
        )
        with self._reading(f"read the events of cluster {cluster_id!r}") as conn:
            return [Event.from_dict(json.loads(r.record)) for r in conn.execute(query)]

    def cluster_of(self, event_id: str) -> str | None:
        """The cluster holding `event_id`, if any."""
        m = schema.cluster_members.c
        with self._reading(f"look up the cluster of event {event_id!r}") as conn:
            return conn.execute(select(m.cluster_id).where(m.event_id == event_id)).scalar_one_or_none()

    def get_cluster(self, cluster_id: str) -> Event | None:
        """The merged event of a cluster."""
        c = schema.clusters.c
        with self._reading(f"read cluster {cluster_id!r}") as conn:
            record = conn.execute(select(c.record).where(c.cluster_id == cluster_id)).scalar_one_or_none()
        return Event.from_dict(json.loads(record)) if record is not None else None

    def stale_cluster_members(self) -> dict[str, list[str]]:
        """cluster id -> its member event ids no longer stored (their article was coded again)."""
        e, m = schema.events.c, schema.cluster_members.c
        gone = ~exists().where(e.event_id == m.event_id)
        with self._reading("look for stale cluster members") as conn:
            rows = conn.execute(select(m.cluster_id, m.event_id).where(gone).order_by(m.event_id)).all()
        stale: dict[str, list[str]] = {}
        for row in rows:
            stale.setdefault(row.cluster_id, []).append(row.event_id)
        return stale

    def cluster_decisions(self) -> list[ClusterDecision]:
        """Every analyst decision, oldest first."""
        d = schema.cluster_decisions.c
        with self._reading("read cluster decisions") as conn:
            rows = conn.execute(select(schema.cluster_decisions).order_by(d.id)).all()
        return [ClusterDecision(r.id, r.kind, r.event_a, r.event_b, r.decided_at, r.note) for r in rows]

    def cluster_history(self, cluster_id: str | None = None, *, limit: int = 50) -> list[dict[str, Any]]:
        """The latest audit entries (of one cluster, or all), newest first."""
        a = schema.cluster_audit.c
        query = select(schema.cluster_audit).order_by(a.id.desc()).limit(limit)
        if cluster_id is not None:
            query = query.where(a.cluster_id == cluster_id)
        with self._reading("read the cluster audit trail") as conn:
            rows = conn.execute(query).all()
        return [
            {"at": r.at, "action": r.action, "cluster_id": r.cluster_id, **json.loads(r.detail or "{}")}
            for r in rows
        ]

    def merged_events(
        self,
        *,
        country: str | None = None,
        since: date | None = None,
        until: date | None = None,
        event_type: str | None = None,
        sub_event_type: str | None = None,
        factuality: Collection[str] | None = None,
        article_id: str | None = None,
        limit: int | None = None,
    ) -> Iterator[Event]:
        """Like `events()`, but one merged event per cluster; events not yet clustered come as they are.

        `article_id` keeps the merged events that article reports.
        """
        filters = {
            "country": country, "since": since, "until": until, "event_type": event_type,
            "sub_event_type": sub_event_type, "factuality": factuality,
        }  # fmt: skip
        listing = self._merged_listing(filters, article_id)
        remaining = limit
        after: tuple[str, str] | None = None
        while remaining is None or remaining > 0:
            page = PAGE_SIZE if remaining is None else min(PAGE_SIZE, remaining)
            query = select(listing).order_by(listing.c.event_date, listing.c.key).limit(page)
            if after is not None:
                day, key = after
                query = query.where(
                    or_(listing.c.event_date > day, and_(listing.c.event_date == day, listing.c.key > key))
                )
            with self._reading("read merged events") as conn:
                rows = conn.execute(query).all()
            yield from (Event.from_dict(json.loads(row.record)) for row in rows)
            if len(rows) < page:
                return
            if remaining is not None:
                remaining -= len(rows)
            after = (rows[-1].event_date, rows[-1].key)

    def count_merged_events(
        self,
        *,
        country: str | None = None,
        since: date | None = None,
        until: date | None = None,
        event_type: str | None = None,
        sub_event_type: str | None = None,
        factuality: Collection[str] | None = None,
        article_id: str | None = None,
    ) -> int:
        """How many events `merged_events()` would yield with the same filters."""
        filters = {
            "country": country, "since": since, "until": until, "event_type": event_type,
            "sub_event_type": sub_event_type, "factuality": factuality,
        }  # fmt: skip
        listing = self._merged_listing(filters, article_id)
        with self._reading("count merged events") as conn:
            return int(conn.execute(select(func.count()).select_from(listing)).scalar_one())

    def _merged_listing(self, filters: dict[str, Any], article_id: str | None):
        c, e, m = schema.clusters.c, schema.events.c, schema.cluster_members.c
        merged_where = self._filters(schema.clusters, article_id=None, **filters)
        single_where = self._filters(schema.events, article_id=article_id, **filters)
        if article_id is not None:
            merged_where.append(c.cluster_id.in_(select(m.cluster_id).where(m.article_id == article_id)))
        merged = select(c.event_date.label("event_date"), c.cluster_id.label("key"), c.record.label("record"))
        singles = select(e.event_date, e.event_id, e.record).where(~exists().where(m.event_id == e.event_id))
        return union_all(merged.where(*merged_where), singles.where(*single_where)).subquery("listing")

    def _pages(self, table: Table, conditions: list[ColumnElement[bool]]) -> Iterator[tuple[Any, str]]:
        """Rows of `events` by (event_date, event_id), page by page; yields (row, event_id)."""
        t = table.c
        after: tuple[str, str] | None = None
        while True:
            query = select(t.event_date, t.event_id, t.record).where(*conditions)
            if after is not None:
                query = query.where(
                    or_(t.event_date > after[0], and_(t.event_date == after[0], t.event_id > after[1]))
                )
            with self._reading("read events") as conn:
                rows = conn.execute(query.order_by(t.event_date, t.event_id).limit(PAGE_SIZE)).all()
            yield from ((row, row.event_id) for row in rows)
            if len(rows) < PAGE_SIZE:
                return
            after = (rows[-1].event_date, rows[-1].event_id)

    # -- writes ---------------------------------------------------------------------------------

    def write_clusters(
        self,
        clusters: Sequence[ClusterWrite],
        *,
        removed: Collection[str] = (),
        decisions: Sequence[tuple[str, str, str]] = (),
        audit: Sequence[tuple[str, str | None, dict[str, Any]]] = (),
        note: str | None = None,
        clear: bool = False,
    ) -> None:
        """Store `clusters` (replacing any of the same id), drop `removed` ones, add analysts' `decisions`
        (kind, event a, event b) and `audit` entries (action, cluster id, detail), all or nothing.

        `clear` first empties the clusters and their members (for a rebuild; decisions and the audit
        trail are kept).
        """
        for kind, _, _ in decisions:
            if kind not in DECISION_KINDS:
                raise StoreError(
                    f"unknown cluster decision {kind!r}; use one of: {', '.join(DECISION_KINDS)}"
                )
        now = self._now()
        with self._writing("store clusters") as conn:
            if clear:
                conn.execute(delete(schema.cluster_members))
                conn.execute(delete(schema.clusters))
            moved = [event.event_id for write in clusters for event in write.members]
            replaced = [write.cluster_id for write in clusters]
            _delete_in(conn, schema.cluster_members.c.event_id, moved)
            _delete_in(conn, schema.cluster_members.c.cluster_id, [*replaced, *removed])
            _delete_in(conn, schema.clusters.c.cluster_id, [*replaced, *removed])
            if clusters:
                # Upserts: the rows were deleted above, but a writer that did not take the dedup lock
                # (see EventStore.exclusive) may have stored the same cluster meanwhile.
                rows = [_cluster_row(write, now) for write in clusters]
                upserting(conn, schema.clusters, rows, key=["cluster_id"])
                members = [
                    {
                        "event_id": event.event_id,
                        "cluster_id": write.cluster_id,
                        "article_id": event.article_id,
                    }
                    for write in clusters
                    for event in write.members
                ]
                upserting(conn, schema.cluster_members, members, key=["event_id"])
            if decisions:
                rows = [
                    {"kind": kind, "event_a": a, "event_b": b, "decided_at": now, "note": note}
                    for kind, a, b in decisions
                ]
                conn.execute(insert(schema.cluster_decisions), rows)
            if audit:
                rows = [
                    {
                        "at": now,
                        "action": action,
                        "cluster_id": cid,
                        "detail": json.dumps(detail, ensure_ascii=False),
                    }
                    for action, cid, detail in audit
                ]
                conn.execute(insert(schema.cluster_audit), rows)


def _delete_in(conn: Connection, column: Any, values: Sequence[str]) -> None:
    unique = sorted(set(values))
    for start in range(0, len(unique), PAGE_SIZE):
        conn.execute(delete(column.table).where(column.in_(unique[start : start + PAGE_SIZE])))


def _cluster_row(write: ClusterWrite, now: str) -> dict[str, Any]:
    merged = write.merged
    try:
        record = json.dumps(merged.to_dict(), ensure_ascii=False)
    except (TypeError, ValueError) as err:
        raise StoreError(f"cluster {write.cluster_id!r} cannot be stored as JSON: {err}") from err
    corroboration = merged.extra.get("corroboration") or {}
    return {
        "cluster_id": write.cluster_id,
        "event_date": merged.event_date,
        "event_type": merged.event_type,
        "sub_event_type": merged.sub_event_type,
        "country": merged.country,
        "iso2": merged.iso2,
        "admin1": merged.admin1,
        "location": merged.location,
        "latitude": merged.latitude,
        "longitude": merged.longitude,
        "factuality": merged.factuality,
        "fatalities": merged.fatalities,
        "actor1": merged.actor1,
        "actor2": merged.actor2,
        "article_id": merged.article_id,
        "n_events": len(write.members),
        "n_outlets": int(corroboration.get("outlets", len(merged.sources) or 1)),
        "record": record,
        "updated_at": now,
    }
