"""The API's reads of the event store, in SQLAlchemy Core with bound parameters only.

The listing is what `sitrep events` shows: one merged event per cluster (table `clusters`) plus the
events not clustered yet (table `events`), or every article's own records when `unmerged`. Both
tables carry the columns the filters need, so every filter is applied inside each branch (where the
indexes are) before the branches are joined.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    Subquery,
    Table,
    and_,
    exists,
    false,
    func,
    literal,
    or_,
    select,
    union_all,
)
from sqlalchemy.engine import Connection, Row

from sitrep.store import schema
from sitrep.web.params import BBox, Cursor, EventFilters
from sitrep.web.state import Scope

#: the columns every branch of the listing gives, under these names.
LISTED = (
    "key", "kind", "event_date", "event_type", "sub_event_type", "country", "iso2", "admin1", "location",
    "latitude", "longitude", "factuality", "fatalities", "actor1", "actor2", "article_id", "n_outlets",
)  # fmt: skip
#: the sort orders' columns.
SORT_COLUMNS = {"date": "event_date", "fatalities": "fatalities"}
#: up to this many unclustered events are listed by id; beyond, they are found with an anti-join.
MAX_LISTED_IDS = 500


@dataclass(frozen=True)
class Page:
    """One page of the listing: the stored records (as dicts) and the cursor of the next page."""

    records: list[dict[str, Any]]
    next_cursor: Cursor | None


def _branch(table: Table, *, with_record: bool = True) -> Select[Any]:
    c = table.c
    merged = table is schema.clusters
    columns = [
        (c.cluster_id if merged else c.event_id).label("key"),
        literal("merged" if merged else "record").label("kind"),
        *(c[name] for name in LISTED[2:-1]),
        (c.n_outlets if merged else literal(1)).label("n_outlets"),
    ]
    if with_record:
        columns.append(c.record)
    return select(*columns)


def branches(filters: EventFilters, scope: Scope, *, with_record: bool = True) -> list[Select[Any]]:
    """The filtered SELECTs whose union is the listing: the merged events and the events in no cluster
    yet (known from `scope`, so the usual case, none, costs nothing), or every record when unmerged."""
    events = _branch(schema.events, with_record=with_record).where(*conditions(schema.events, filters, scope))
    if filters.unmerged:
        return [events]
    merged = _branch(schema.clusters, with_record=with_record).where(
        *conditions(schema.clusters, filters, scope)
    )
    if not scope.unclustered:
        return [merged]
    if len(scope.unclustered) > MAX_LISTED_IDS:
        members = schema.cluster_members.c
        return [merged, events.where(~exists().where(members.event_id == schema.events.c.event_id))]
    return [merged, events.where(schema.events.c.event_id.in_(sorted(scope.unclustered)))]


def union(parts: list[Select[Any]]) -> Subquery:
    """One branch as a subquery, or the UNION ALL of several."""
    return parts[0].subquery() if len(parts) == 1 else union_all(*parts).subquery()


def conditions(table: Table, filters: EventFilters, scope: Scope) -> list[ColumnElement[bool]]:
    """WHERE clauses of `filters` on the `events` or `clusters` table."""
    c = table.c
    where: list[ColumnElement[bool]] = []
    if filters.country is not None:
        # The stored spellings of the country, matched exactly, so the (country, date) index serves.
        names = scope.country_names(filters.country)
        where.append(c.country.in_(names) if names else false())
    if filters.admin1 is not None:
        where.append(func.lower(c.admin1) == filters.admin1.lower())
    if filters.since is not None:
        where.append(c.event_date >= filters.since.isoformat())
    if filters.until is not None:
        where.append(c.event_date <= filters.until.isoformat())
    if filters.event_types:
        where.append(c.event_type.in_(filters.event_types))
    if filters.sub_event_types:
        where.append(c.sub_event_type.in_(filters.sub_event_types))
    if filters.factuality:
        where.append(c.factuality.in_(filters.factuality))
    if filters.actor is not None:
        where.append(or_(*(_contains(c[name], filters.actor) for name in ("actor1", "actor2"))))
    if filters.bbox is not None:
        where.append(_inside(table, filters.bbox))
    if filters.q is not None:
        searched = ("location", "admin1", "country", "actor1", "actor2", "sub_event_type")
        where.extend(or_(*(_contains(c[name], word) for name in searched)) for word in filters.q.split()[:8])
    return where


def _contains(column: Any, text: str) -> ColumnElement[bool]:
    """Case-insensitive substring match; the client's % and _ are literal characters."""
    escaped = text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return func.lower(column).like(f"%{escaped}%", escape="\\")


def _inside(table: Table, box: BBox) -> ColumnElement[bool]:
    lat, lon = table.c.latitude, table.c.longitude
    if box.west <= box.east:
        across = lon.between(box.west, box.east)
    else:  # the box crosses the antimeridian
        across = or_(lon >= box.west, lon <= box.east)
    return and_(lat.between(box.south, box.north), across)


# -- the listing ---------------------------------------------------------------------------------


def events_page(
    conn: Connection, filters: EventFilters, scope: Scope, *, sort: str, cursor: Cursor | None, limit: int
) -> Page:
    """`limit` records in `sort` order after `cursor`, and the cursor of the page after them."""
    descending = sort.startswith("-")
    name = SORT_COLUMNS[sort.lstrip("-")]
    parts = []
    for branch in branches(filters, scope):
        column, key = branch.selected_columns[name], branch.selected_columns.key
        if cursor is not None:
            branch = branch.where(_after(column, key, cursor, descending=descending))
        # Each branch stops after limit + 1 rows in index order, so only those few are merged and sorted.
        parts.append(select(branch.order_by(*_order(column, key, descending)).limit(limit + 1).subquery()))
    listing = union(parts)
    query = select(listing).order_by(*_order(listing.c[name], listing.c.key, descending)).limit(limit + 1)
    rows = conn.execute(query).all()
    records = [_record(row) for row in rows[:limit]]
    following = None
    if len(rows) > limit:
        last = rows[limit - 1]
        following = Cursor(sort, getattr(last, name), last.key)
    return Page(records=records, next_cursor=following)


def _order(column: Any, key: Any, descending: bool) -> tuple[Any, Any]:
    return (column.desc(), key.desc()) if descending else (column.asc(), key.asc())


def _after(column: Any, key: Any, cursor: Cursor, *, descending: bool) -> ColumnElement[bool]:
    if descending:
        return or_(column < cursor.value, and_(column == cursor.value, key < cursor.key))
    return or_(column > cursor.value, and_(column == cursor.value, key > cursor.key))


def _record(row: Row[Any]) -> dict[str, Any]:
    record = json.loads(row.record)
    record.setdefault("event_id", row.key)
    return record


def count(conn: Connection, filters: EventFilters, scope: Scope) -> int:
    """How many events the listing holds with these filters."""
    total = 0
    for branch in branches(filters, scope, with_record=False):
        total += int(conn.execute(select(func.count()).select_from(branch.subquery())).scalar_one())
    return total


# -- one event, one article ------------------------------------------------------------------------


def event_record(conn: Connection, event_id: str) -> tuple[str, dict[str, Any]] | None:
    """("merged", record) for a cluster id, ("record", record) for an event id, None when unknown."""
    c, e = schema.clusters.c, schema.events.c
    record = conn.execute(select(c.record).where(c.cluster_id == event_id)).scalar_one_or_none()
    if record is not None:
        return "merged", json.loads(record)
    record = conn.execute(select(e.record).where(e.event_id == event_id)).scalar_one_or_none()
    return ("record", json.loads(record)) if record is not None else None


def cluster_of(conn: Connection, event_id: str) -> str | None:
    m = schema.cluster_members.c
    return conn.execute(select(m.cluster_id).where(m.event_id == event_id)).scalar_one_or_none()


def article_summaries(conn: Connection, article_ids: Sequence[str]) -> list[dict[str, Any]]:
    """Title, outlet, date and URL of these articles (those still stored), in the order given."""
    a = schema.articles.c
    wanted = list(dict.fromkeys(article_ids))[:500]
    query = select(a.id, a.title, a.source, a.url, a.published, a.language).where(a.id.in_(wanted))
    found = {row.id: row._asdict() for row in conn.execute(query)}
    return [found[i] for i in wanted if i in found]


def article(conn: Connection, article_id: str) -> dict[str, Any] | None:
    """The stored article and the evidence spans of every event coded from it."""
    a, e = schema.articles.c, schema.events.c
    query = select(a.id, a.title, a.source, a.url, a.published, a.language, a.text).where(a.id == article_id)
    row = conn.execute(query).first()
    if row is None:
        return None
    spans = []
    for event_id, record in conn.execute(select(e.event_id, e.record).where(e.article_id == article_id)):
        for evidence in json.loads(record).get("evidence") or ():
            if evidence.get("article_id", article_id) == article_id:
                spans.append(
                    {"event_id": event_id, **{k: evidence[k] for k in ("field", "start", "end", "text")}}
                )
    spans.sort(key=lambda s: (s["start"], s["end"], s["field"]))
    return {**row._asdict(), "spans": spans}
