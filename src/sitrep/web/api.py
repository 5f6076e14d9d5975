"""The read-only JSON API: events (json, geojson, csv), one event, one article, statistics, the map.

Every endpoint reads through `sitrep.web.queries` (SQLAlchemy Core, bound parameters); a bad
parameter is a 422 naming it, an unknown id a 404.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import JSONResponse, Response
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

from sitrep import __version__
from sitrep.errors import StoreError
from sitrep.export.csv_flat import COLUMNS, flat_row
from sitrep.export.geojson import feature
from sitrep.records import Event
from sitrep.taxonomy import EVENT_TYPES, FACTUALITY_VALUES
from sitrep.web import mapping, queries
from sitrep.web.params import SORTS, EventFilters, decode_cursor, event_filters
from sitrep.web.state import StoreState
from sitrep.web.stats import event_stats

#: the most events one page of /api/events returns.
MAX_LIMIT = 1000
#: above this many located events in view, /api/map counts them per cell instead of listing them.
MAX_POINTS = 3000
#: the longest id accepted in a path.
MAX_ID = 200


@dataclass(frozen=True)
class WebContext:
    """What the endpoints share: the store's engine, what is remembered of it, how the server was started."""

    engine: Engine
    state: StoreState = field(default_factory=StoreState)
    allow_edit: bool = False
    token: str | None = None
    tiles: str | None = None


def web_context(request: Request) -> WebContext:
    return request.app.state.sitrep


Context = Annotated[WebContext, Depends(web_context)]


@contextmanager
def reading(context: WebContext, what: str) -> Iterator[Connection]:
    """A connection for one request; database failures become StoreError (a 503), not a traceback."""
    try:
        with context.engine.connect() as conn:
            yield conn
    except SQLAlchemyError as err:
        url = context.engine.url.render_as_string(hide_password=True)
        raise StoreError(f"could not {what} in the event store at {url}: {err.__class__.__name__}") from err


def filter_params(
    country: Annotated[str | None, Query(description="Country name or ISO alpha-2 code.")] = None,
    admin1: Annotated[str | None, Query(description="First-level region, e.g. Mopti.")] = None,
    since: Annotated[
        str | None, Query(description="Events on or after this day.", examples=["2024-01-01"])
    ] = None,
    until: Annotated[
        str | None, Query(description="Events on or before this day.", examples=["2024-12-31"])
    ] = None,
    event_type: Annotated[
        list[str] | None, Query(description="ACLED event type; repeat for several (or join with commas).")
    ] = None,
    sub_event_type: Annotated[
        list[str] | None, Query(description="ACLED sub-event type; repeatable.")
    ] = None,
    factuality: Annotated[
        list[str] | None, Query(description=f"One of {', '.join(FACTUALITY_VALUES)}; repeatable.")
    ] = None,
    actor: Annotated[str | None, Query(description="Part of an actor's name (actor1 or actor2).")] = None,
    bbox: Annotated[
        str | None, Query(description="west,south,east,north in degrees.", examples=["-6,10,5,18"])
    ] = None,
    q: Annotated[
        str | None,
        Query(description="Words, each found in the place, region, country, actors or sub-event type."),
    ] = None,
    unmerged: Annotated[
        bool, Query(description="Every article's own records instead of one merged event per happening.")
    ] = False,
) -> EventFilters:
    return event_filters(
        country=country, admin1=admin1, since=since, until=until, event_type=event_type,
        sub_event_type=sub_event_type, factuality=factuality, actor=actor, bbox=bbox, q=q, unmerged=unmerged,
    )  # fmt: skip


Filters = Annotated[EventFilters, Depends(filter_params)]
router = APIRouter(prefix="/api")


@router.get("/events", summary="Events matching the filters, a page at a time")
def list_events(
    context: Context,
    filters: Filters,
    sort: Annotated[
        Literal[SORTS], Query(description="A column; '-' sorts newest or largest first.")
    ] = "-date",
    cursor: Annotated[str | None, Query(description="The next_cursor of the previous page.")] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Events per page.")] = 100,
    format: Annotated[Literal["json", "geojson", "csv"], Query(description="Response format.")] = "json",
    total: Annotated[
        bool,
        Query(
            description="Also count every matching event (a scan with some filters; /api/stats counts too)."
        ),
    ] = False,
) -> Any:
    after = decode_cursor(cursor, sort=sort)
    with reading(context, "list events") as conn:
        scope = context.state.scope(conn)
        page = queries.events_page(conn, filters, scope, sort=sort, cursor=after, limit=limit)
        counted = None
        if total:
            counted = context.state.cached(
                conn, ("total", filters), lambda c: queries.count(c, filters, scope)
            )
    following = page.next_cursor.encode() if page.next_cursor is not None else None
    if format == "csv":
        return _csv_response(page.records, following, counted)
    if format == "geojson":
        features = [feature(Event.from_dict(record)) for record in page.records]
        body = {"type": "FeatureCollection", "features": features, "total": counted, "next_cursor": following}
        return JSONResponse(body, media_type="application/geo+json")
    return {"events": page.records, "count": len(page.records), "total": counted, "next_cursor": following}


def _csv_response(records: list[dict[str, Any]], following: str | None, total: int | None) -> Response:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for record in records:
        writer.writerow(flat_row(Event.from_dict(record)))
    headers = {"Content-Disposition": 'attachment; filename="events.csv"'}
    if total is not None:
        headers["X-Total-Count"] = str(total)
    if following is not None:
        headers["X-Next-Cursor"] = following
    return Response(out.getvalue(), media_type="text/csv; charset=utf-8", headers=headers)


@router.get("/events/{event_id}", summary="One event: its record, sources, evidence and articles")
def get_event(context: Context, event_id: Annotated[str, Path(max_length=MAX_ID)]) -> dict[str, Any]:
    with reading(context, f"read event {event_id!r}") as conn:
        found = queries.event_record(conn, event_id)
        if found is None:
            raise HTTPException(404, f"no event or merged event {event_id!r}; list them with /api/events")
        kind, record = found
        cluster = event_id if kind == "merged" else queries.cluster_of(conn, event_id)
        sources = record.get("sources") or []
        article_ids = [s.get("article_id") for s in sources] or [record.get("article_id")]
        articles = queries.article_summaries(conn, [a for a in article_ids if isinstance(a, str)])
    return {
        "kind": kind,
        "cluster_id": cluster,
        "event": record,
        "sources": sources,
        "evidence": record.get("evidence") or [],
        "corroboration": record.get("corroboration"),
        "members": record.get("member_event_ids") or [record.get("event_id")],
        "articles": articles,
    }


@router.get("/articles/{article_id}", summary="One article: its text and the evidence spans coded from it")
def get_article(context: Context, article_id: Annotated[str, Path(max_length=MAX_ID)]) -> dict[str, Any]:
    with reading(context, f"read article {article_id!r}") as conn:
        found = queries.article(conn, article_id)
    if found is None:
        raise HTTPException(404, f"no article {article_id!r}; an event's sources name its articles")
    return found


@router.get("/stats", summary="Counts by week and event type, by country and by factuality")
def get_stats(context: Context, filters: Filters) -> dict[str, Any]:
    with reading(context, "compute statistics") as conn:
        scope = context.state.scope(conn)
        return context.state.cached(conn, ("stats", filters), lambda c: event_stats(c, filters, scope))


@router.get("/map", summary="The located events in view: points, or counts per cell when there are many")
def get_map(
    context: Context,
    filters: Filters,
    zoom: Annotated[int, Query(ge=0, le=22, description="The map's zoom level (cell size at low zoom).")] = 2,
) -> dict[str, Any]:
    whole = replace(filters, bbox=None)  # one scan per filter; the view is sliced from it in memory
    with reading(context, "read the map") as conn:
        scope = context.state.scope(conn)
        spots = context.state.cached(conn, ("located", whole), lambda c: mapping.located(c, whole, scope))
        chosen = mapping.in_view(spots, filters.bbox)
        if len(chosen) <= MAX_POINTS:
            return {
                "mode": "points",
                "count": int(len(chosen)),
                "points": mapping.points(conn, spots, chosen),
            }
    # About 48 screen pixels per cell: 256 px tiles span 360 / 2**zoom degrees.
    cell = 360.0 / 2**zoom * 48 / 256
    return {
        "mode": "cells",
        "count": int(len(chosen)),
        "cell_degrees": cell,
        "cells": mapping.cells(spots, chosen, cell=cell),
    }


@router.get("/config", summary="What the page needs to know: taxonomy, edit mode, optional tiles")
def get_config(context: Context) -> dict[str, Any]:
    return {
        "version": __version__,
        "event_types": {name: list(subs) for name, subs in EVENT_TYPES.items()},
        "factuality": list(FACTUALITY_VALUES),
        "allow_edit": context.allow_edit,
        "tiles": context.tiles,
    }
