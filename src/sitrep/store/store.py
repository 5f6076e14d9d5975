"""EventStore: articles and the events extracted from them, through SQLAlchemy Core.

Every write is one `engine.begin()` transaction, so a crash or an error leaves
the previous state intact. Reads page through results with keyset pagination,
so no connection is held while the caller consumes an iterator (and the caller
may write to the store between two items).

The same code runs on SQLite and PostgreSQL, and several processes may write one
store at once: an article is inserted-or-ignored (two runs meeting the same text
store it once), an article's events are replaced under the lock of its row (two
runs coding it leave one copy), and `exclusive()` serialises the work that reads,
decides and then writes (deduplication).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Collection, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from sqlalchemy import ColumnElement, Table, and_, delete, func, insert, or_, select, update
from sqlalchemy.engine import Connection, Engine, Row
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.sql.dml import Update

from sitrep.errors import StoreError
from sitrep.records import Article, Event
from sitrep.store import schema
from sitrep.store.clusters import ClusterTables
from sitrep.store.connect import (
    create_store_engine,
    exclusive,
    insert_ignoring,
    resolve_db_url,
    upgrade_to_head,
)
from sitrep.store.schema import ARTICLE_STATUSES

#: rows fetched per query while iterating.
PAGE_SIZE = 500


class EventStore(ClusterTables):
    """The event store. Make one with `EventStore.open(db)`; use it as a context manager.

    The deduplication tables (clusters, members, decisions, audit) are read and written through the
    methods of `ClusterTables`.
    """

    def __init__(self, engine: Engine) -> None:
        """Wrap an engine whose database is already migrated (prefer `EventStore.open`)."""
        self._engine = engine

    @classmethod
    def open(cls, db: str | Path | None = None) -> EventStore:
        """Open (creating or upgrading as needed) the store at `db`; see `resolve_db_url`."""
        engine = create_store_engine(resolve_db_url(db))
        try:
            upgrade_to_head(engine)
        except BaseException:
            engine.dispose()
            raise
        return cls(engine)

    @property
    def url(self) -> str:
        """The database URL, password masked."""
        return self._engine.url.render_as_string(hide_password=True)

    @property
    def dialect(self) -> str:
        """The kind of database: "sqlite" or "postgresql"."""
        return self._engine.dialect.name

    def exclusive(self, name: str) -> AbstractContextManager[None]:
        """A lock on this store shared by every process that opens it: `with store.exclusive("dedup"):`
        runs its block while no other process holds the lock of that name (they wait)."""
        return exclusive(self._engine, name)

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> EventStore:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"EventStore({self.url!r})"

    # -- articles -------------------------------------------------------------------------------

    def add_article(self, article: Article) -> bool:
        """Store `article`; False (and nothing written) when its id or its text is already stored,
        by this process or by another writing at the same moment."""
        with self._writing(f"store article {article.id!r}") as conn:
            return insert_ignoring(conn, schema.articles, [_article_row(article)]) == 1

    def stored_copy(self, article: Article) -> tuple[str, str, str | None] | None:
        """(id, status, pipeline_version) of the stored article with the same id or text, if any."""
        same = or_(schema.articles.c.id == article.id, schema.articles.c.content_hash == article.content_hash)
        a = schema.articles.c
        with self._reading(f"look up article {article.id!r}") as conn:
            row = conn.execute(select(a.id, a.status, a.pipeline_version).where(same).limit(1)).first()
        return (row.id, row.status, row.pipeline_version) if row is not None else None

    def get_article(self, article_id: str) -> Article | None:
        with self._reading(f"read article {article_id!r}") as conn:
            row = conn.execute(select(schema.articles).where(schema.articles.c.id == article_id)).first()
        return _article_from_row(row) if row is not None else None

    def articles(self, *, status: str | None = None) -> Iterator[Article]:
        """Stored articles in id order, optionally only those with `status`."""
        conditions = [] if status is None else [schema.articles.c.status == _checked_status(status)]
        after: str | None = None
        while True:
            query = select(schema.articles).where(*conditions).order_by(schema.articles.c.id).limit(PAGE_SIZE)
            if after is not None:
                query = query.where(schema.articles.c.id > after)
            with self._reading("read articles") as conn:
                rows = conn.execute(query).all()
            yield from (_article_from_row(row) for row in rows)
            if len(rows) < PAGE_SIZE:
                return
            after = rows[-1].id

    def set_article_status(
        self,
        article_id: str,
        status: str,
        *,
        reason: str | None = None,
        pipeline_version: str | None = None,
    ) -> None:
        values: dict[str, Any] = {"status": _checked_status(status), "status_reason": reason}
        if pipeline_version is not None:
            values["pipeline_version"] = pipeline_version
        with self._writing(f"set the status of article {article_id!r}") as conn:
            result = conn.execute(_article_update(article_id).values(values))
            if result.rowcount == 0:
                raise _missing_article(article_id)

    # -- events ---------------------------------------------------------------------------------

    def replace_events(self, article_id: str, events: Sequence[Event], *, pipeline_version: str) -> None:
        """Make `events` the article's events and mark it extracted, all or nothing."""
        rows = [_event_row(article_id, event, pipeline_version) for event in events]
        marked = {
            "status": "extracted",
            "status_reason": None,
            "pipeline_version": pipeline_version,
            "extracted_at": _utc_now(),
        }
        with self._writing(f"replace the events of article {article_id!r}") as conn:
            result = conn.execute(_article_update(article_id).values(marked))
            if result.rowcount == 0:
                raise _missing_article(article_id)
            conn.execute(delete(schema.events).where(schema.events.c.article_id == article_id))
            if rows:
                conn.execute(insert(schema.events), rows)

    def replace_events_many(
        self, coded: Sequence[tuple[str, Sequence[Event]]], *, pipeline_version: str
    ) -> None:
        """`replace_events` for many articles (article id, its events) in one transaction: all or none.

        Loading a whole partition of results at once costs one round trip to the database, not one
        per article.
        """
        by_article = dict(coded)  # an article given twice keeps its last events
        if not by_article:
            return
        rows = [
            _event_row(a, event, pipeline_version) for a, events in by_article.items() for event in events
        ]
        marked = {
            "status": "extracted",
            "status_reason": None,
            "pipeline_version": pipeline_version,
            "extracted_at": _utc_now(),
        }
        ids = sorted(by_article)
        a = schema.articles.c
        with self._writing(f"store the events of {len(ids)} articles") as conn:
            for start in range(0, len(ids), PAGE_SIZE):
                page = ids[start : start + PAGE_SIZE]
                # Updating the articles first locks their rows: a concurrent writer of the same
                # articles waits here, so their events are never stored twice.
                result = conn.execute(update(schema.articles).where(a.id.in_(page)).values(marked))
                if result.rowcount != len(page):
                    stored = set(conn.execute(select(a.id).where(a.id.in_(page))).scalars())
                    raise _missing_article(next(x for x in page if x not in stored))
                conn.execute(delete(schema.events).where(schema.events.c.article_id.in_(page)))
            if rows:
                conn.execute(insert(schema.events), rows)

    def article_states(self, ids: Collection[str]) -> dict[str, tuple[str, str | None]]:
        """article id -> (status, pipeline_version) for those of `ids` that are stored."""
        a = schema.articles.c
        wanted = sorted(set(ids))
        states: dict[str, tuple[str, str | None]] = {}
        with self._reading("look up articles") as conn:
            for start in range(0, len(wanted), PAGE_SIZE):
                query = select(a.id, a.status, a.pipeline_version).where(
                    a.id.in_(wanted[start : start + PAGE_SIZE])
                )
                states.update({row.id: (row.status, row.pipeline_version) for row in conn.execute(query)})
        return states

    def events(
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
        """Stored events matching every given filter, by event_date then event_id.

        `country` matches the country name (any case) or the ISO alpha-2 code; `since` and
        `until` are inclusive.
        """
        conditions = _event_conditions(
            country=country,
            since=since,
            until=until,
            event_type=event_type,
            sub_event_type=sub_event_type,
            factuality=factuality,
            article_id=article_id,
        )
        remaining = limit
        after: tuple[str, str] | None = None
        while remaining is None or remaining > 0:
            page = PAGE_SIZE if remaining is None else min(PAGE_SIZE, remaining)
            columns = schema.events.c
            query = select(columns.event_date, columns.event_id, columns.record).where(*conditions)
            if after is not None:
                query = query.where(_after(*after))
            query = query.order_by(columns.event_date, columns.event_id).limit(page)
            with self._reading("read events") as conn:
                rows = conn.execute(query).all()
            yield from (Event.from_dict(json.loads(row.record)) for row in rows)
            if len(rows) < page:
                return
            if remaining is not None:
                remaining -= len(rows)
            after = (rows[-1].event_date, rows[-1].event_id)

    def count_events(
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
        """How many events `events()` would yield with the same filters."""
        conditions = _event_conditions(
            country=country,
            since=since,
            until=until,
            event_type=event_type,
            sub_event_type=sub_event_type,
            factuality=factuality,
            article_id=article_id,
        )
        with self._reading("count events") as conn:
            query = select(func.count()).select_from(schema.events).where(*conditions)
            return int(conn.execute(query).scalar_one())

    def stats(self) -> dict[str, Any]:
        """Articles by status; events by type, country and factuality (largest first)."""
        with self._reading("compute statistics") as conn:
            by_status = _grouped(conn, schema.articles.c.status)
            by_type = _grouped(conn, schema.events.c.event_type)
            by_country = _grouped(conn, schema.events.c.country)
            by_factuality = _grouped(conn, schema.events.c.factuality)
        return {
            "articles": {
                "total": sum(by_status.values()),
                "by_status": {status: by_status.get(status, 0) for status in ARTICLE_STATUSES},
            },
            "events": {
                "total": sum(by_type.values()),
                "by_type": by_type,
                "by_country": by_country,
                "by_factuality": by_factuality,
            },
        }

    # -- transactions ---------------------------------------------------------------------------

    @contextmanager
    def _writing(self, what: str) -> Iterator[Connection]:
        try:
            with self._engine.begin() as conn:
                yield conn
        except SQLAlchemyError as err:
            raise self._error(what, err, rolled_back=True) from err

    @contextmanager
    def _reading(self, what: str) -> Iterator[Connection]:
        try:
            with self._engine.connect() as conn:
                yield conn
        except SQLAlchemyError as err:
            raise self._error(what, err) from err

    def _filters(self, table: Table, **filters: Any) -> list[ColumnElement[bool]]:
        return _event_conditions(table=table, **filters)

    def _now(self) -> str:
        return _utc_now()

    def _error(self, what: str, err: SQLAlchemyError, *, rolled_back: bool = False) -> StoreError:
        orig = getattr(err, "orig", None)
        reason = str(orig) if orig is not None else str(err).splitlines()[0]
        tail = "; nothing was changed" if rolled_back else ""
        return StoreError(f"could not {what} in the event store at {self.url}: {reason}{tail}")


# -- rows <-> records ---------------------------------------------------------------------------


def _utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _checked_status(status: str) -> str:
    if status not in ARTICLE_STATUSES:
        raise StoreError(f"unknown article status {status!r}; use one of: {', '.join(ARTICLE_STATUSES)}")
    return status


def _article_update(article_id: str) -> Update:
    return update(schema.articles).where(schema.articles.c.id == article_id)


def _missing_article(article_id: str) -> StoreError:
    return StoreError(f"no article {article_id!r} in the event store; store it with add_article first")


def _article_row(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "content_hash": article.content_hash,
        "text": article.text,
        "title": article.title,
        "published": article.published.isoformat() if article.published else None,
        "published_precision": article.published_precision,
        "source": article.source,
        "url": article.url,
        "language": article.language,
        "origin": article.origin,
        "status": "pending",
        "ingested_at": _utc_now(),
    }


def _article_from_row(row: Row[Any]) -> Article:
    return Article(
        id=row.id,
        text=row.text,
        published=date.fromisoformat(row.published) if row.published else None,
        published_precision=row.published_precision,
        source=row.source,
        url=row.url,
        language=row.language,
        title=row.title,
        origin=row.origin,
    )


def _event_row(article_id: str, event: Event, pipeline_version: str) -> dict[str, Any]:
    if event.article_id != article_id:
        raise StoreError(
            f"event {event.event_id!r} belongs to article {event.article_id!r}, not {article_id!r}; "
            "store each article's events under that article's id"
        )
    try:
        record = json.dumps(event.to_dict(), ensure_ascii=False)
    except (TypeError, ValueError) as err:
        raise StoreError(f"event {event.event_id!r} cannot be stored as JSON: {err}") from err
    return {
        "event_id": event.event_id,
        "article_id": article_id,
        "event_date": event.event_date,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "country": event.country,
        "iso2": event.iso2,
        "admin1": event.admin1,
        "location": event.location,
        "latitude": event.latitude,
        "longitude": event.longitude,
        "factuality": event.factuality,
        "fatalities": event.fatalities,
        "actor1": event.actor1,
        "actor2": event.actor2,
        "pipeline_version": pipeline_version,
        "record": record,
    }


# -- queries ------------------------------------------------------------------------------------


def _iso_day(value: date | str) -> str:
    if isinstance(value, datetime):
        value = value.date()
    return value.isoformat() if isinstance(value, date) else str(value)


def _event_conditions(
    *,
    table: Table = schema.events,
    country: str | None,
    since: date | None,
    until: date | None,
    event_type: str | None,
    sub_event_type: str | None,
    factuality: Collection[str] | None,
    article_id: str | None,
) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if country is not None:
        wanted = country.strip()
        conditions.append(or_(table.c.iso2 == wanted.upper(), func.lower(table.c.country) == wanted.lower()))
    if since is not None:
        conditions.append(table.c.event_date >= _iso_day(since))
    if until is not None:
        conditions.append(table.c.event_date <= _iso_day(until))
    if event_type is not None:
        conditions.append(table.c.event_type == event_type)
    if sub_event_type is not None:
        conditions.append(table.c.sub_event_type == sub_event_type)
    if factuality is not None:
        # A lone string would otherwise be read as a collection of letters.
        values = [factuality] if isinstance(factuality, str) else list(factuality)
        conditions.append(table.c.factuality.in_(values))
    if article_id is not None:
        conditions.append(table.c.article_id == article_id)
    return conditions


def _after(event_date: str, event_id: str) -> ColumnElement[bool]:
    """Rows after (event_date, event_id) in the listing order: the keyset of the next page."""
    return or_(
        schema.events.c.event_date > event_date,
        and_(schema.events.c.event_date == event_date, schema.events.c.event_id > event_id),
    )


def _grouped(conn: Connection, column: Any) -> dict[str, int]:
    rows = conn.execute(select(column, func.count()).group_by(column)).all()
    counts = Counter({(value if value is not None else "unknown"): int(n) for value, n in rows})
    return dict(counts.most_common())
