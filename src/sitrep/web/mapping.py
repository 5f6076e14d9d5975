"""The map's data: the located events of a filter, kept in memory as arrays, so that panning and
zooming only slice them.

One scan per filter (and store version) reads each located event's key, position and type; a view
then takes the events inside its bounding box: the few fields a marker needs when there are at most
`max_points` of them, else counts per square cell sized for the zoom level.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from sqlalchemy import select
from sqlalchemy.engine import Connection

from sitrep.store import schema
from sitrep.taxonomy import EVENT_TYPES
from sitrep.web.params import BBox, EventFilters
from sitrep.web.queries import branches, union
from sitrep.web.state import Scope

_TYPES = tuple(EVENT_TYPES)
#: keys looked up per query when fetching the markers' fields.
_CHUNK = 500


@dataclass(frozen=True)
class Located:
    """The located events of one filter: keys, positions and event-type codes, as parallel arrays."""

    keys: np.ndarray
    merged: np.ndarray  # True for a merged event (clusters), False for an event record
    lat: np.ndarray
    lon: np.ndarray
    types: np.ndarray  # index in EVENT_TYPES, len(EVENT_TYPES) for anything else


def located(conn: Connection, filters: EventFilters, scope: Scope) -> Located:
    parts = [
        b.where(b.selected_columns.latitude.is_not(None), b.selected_columns.longitude.is_not(None))
        for b in branches(filters, scope, with_record=False)
    ]
    listing = union(parts)
    c = listing.c
    rows = conn.execute(select(c.key, c.kind, c.latitude, c.longitude, c.event_type)).all()
    code = {name: k for k, name in enumerate(_TYPES)}
    return Located(
        keys=np.array([r.key for r in rows], dtype=object),
        merged=np.array([r.kind == "merged" for r in rows], dtype=bool),
        lat=np.array([r.latitude for r in rows], dtype=float),
        lon=np.array([r.longitude for r in rows], dtype=float),
        types=np.array([code.get(r.event_type, len(_TYPES)) for r in rows], dtype=np.int16),
    )


def in_view(spots: Located, box: BBox | None) -> np.ndarray:
    """Indexes of the events inside `box` (all when None)."""
    if box is None:
        return np.arange(len(spots.keys))
    inside = (spots.lat >= box.south) & (spots.lat <= box.north)
    if box.west <= box.east:
        inside &= (spots.lon >= box.west) & (spots.lon <= box.east)
    else:  # across the antimeridian
        inside &= (spots.lon >= box.west) | (spots.lon <= box.east)
    return np.flatnonzero(inside)


def points(conn: Connection, spots: Located, chosen: np.ndarray) -> list[dict[str, Any]]:
    """The markers' fields of the chosen events, newest first."""
    found: list[dict[str, Any]] = []
    for table, is_merged in ((schema.clusters, True), (schema.events, False)):
        keys = [str(k) for k in spots.keys[chosen[spots.merged[chosen] == is_merged]]]
        key = table.c.cluster_id if is_merged else table.c.event_id
        outlets = table.c.n_outlets if is_merged else None
        c = table.c
        columns = [key.label("key"), c.latitude, c.longitude, c.event_date, c.event_type, c.sub_event_type,
                   c.factuality, c.location, c.fatalities]  # fmt: skip
        if outlets is not None:
            columns.append(outlets.label("n_outlets"))
        for start in range(0, len(keys), _CHUNK):
            for row in conn.execute(select(*columns).where(key.in_(keys[start : start + _CHUNK]))):
                found.append(_marker(row))
    found.sort(key=lambda p: (p["event_date"], p["id"]), reverse=True)
    return found


def _marker(row: Any) -> dict[str, Any]:
    return {
        "id": row.key,
        "lat": row.latitude,
        "lon": row.longitude,
        "event_date": row.event_date,
        "event_type": row.event_type,
        "sub_event_type": row.sub_event_type,
        "factuality": row.factuality,
        "location": row.location,
        "fatalities": row.fatalities,
        "outlets": getattr(row, "n_outlets", 1),
    }


def cells(spots: Located, chosen: np.ndarray, *, cell: float) -> list[dict[str, Any]]:
    """The chosen events counted per square of `cell` degrees: centre (mean position), count, by type."""
    lat, lon, types = spots.lat[chosen], spots.lon[chosen], spots.types[chosen]
    rows = np.floor((lat + 90.0) / cell).astype(np.int64)
    cols = np.floor((lon + 180.0) / cell).astype(np.int64)
    width = int(np.ceil(360.0 / cell)) + 1
    squares, which = np.unique(rows * width + cols, return_inverse=True)
    counts = np.bincount(which, minlength=len(squares))
    mean_lat = np.bincount(which, weights=lat, minlength=len(squares)) / counts
    mean_lon = np.bincount(which, weights=lon, minlength=len(squares)) / counts
    by_type = np.zeros((len(squares), len(_TYPES) + 1), dtype=np.int64)
    np.add.at(by_type, (which, types), 1)
    names = (*_TYPES, "other")
    return [
        {
            "lat": round(float(mean_lat[k]), 5),
            "lon": round(float(mean_lon[k]), 5),
            "count": int(counts[k]),
            "by_type": {names[t]: int(n) for t, n in enumerate(by_type[k]) if n},
        }
        for k in range(len(squares))
    ]
