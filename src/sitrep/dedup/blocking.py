"""Candidate pairs: only records of one country, one type group and one date window are compared.

Three sorted indexes answer "who is near this record in place and time?" with binary searches:

- a grid of cells about `far_km` wide, for records placed at (or near) a town: a record looks in its
  own cell and the eight around it;
- regions (country + admin1), for records known only to the region: they look at every record of
  their region;
- countries, for records with no place below the country: they look at every record of the country.

Each index is one sorted int64 array of (key << 20 | day) codes, so a look-up is two `searchsorted`
calls for a whole batch of records; total work is O(n log n) plus the number of pairs found, which
blocking keeps proportional to the local density of events, not to n.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from sitrep.dedup.features import COUNTRY, POINT, REGION, EventFeatures
from sitrep.dedup.settings import DedupSettings

_DAY_BITS = 20
_CELL_BITS = 12
_KM_PER_DEGREE = 111.2
#: lon cells are widened by 1/cos(latitude), up to this latitude (beyond it, cells stay this wide).
MAX_LATITUDE = 80.0


@dataclass(frozen=True)
class _Index:
    codes: np.ndarray  # sorted (key << _DAY_BITS) | day
    members: np.ndarray  # event index of each code


def candidate_pairs(
    features: EventFeatures, settings: DedupSettings, *, cell_latitude: np.ndarray | None = None
) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """Batches of (i, j) event indices worth scoring; each unordered pair comes once.

    `cell_latitude` (one per record) is the latitude that sets the width of the record's grid cells:
    by default the widest of its block among `features`. A part of a larger set (one month of one
    country, say) passes the widest of the whole set, so that it finds exactly the pairs the whole
    set would.
    """
    n = len(features)
    if n < 2:
        return
    margin = int(features.tolerance.max()) + 1
    day = features.day - features.day.min() + margin  # keeps day - tolerance >= 0 in the codes
    if int(day.max()) + margin >= 1 << _DAY_BITS:
        raise ValueError("event dates span more than 2,800 years; check the event_date values")
    cx, cy = _cells(features, settings.far_km, cell_latitude)
    cell_key = (features.block << (2 * _CELL_BITS)) | (cy << _CELL_BITS) | cx
    everyone = np.arange(n)
    region_key = _region_key(features)
    point = np.flatnonzero(features.scope == POINT)
    with_region = np.flatnonzero(features.region >= 0)
    searches = [
        # (index of whom, its keys, who asks, their keys)
        (point, cell_key[point], point, [_shifted(cell_key[point], dx, dy) for dx, dy in _NEIGHBOURS]),
        (with_region, region_key[with_region], *_askers(features, REGION, region_key)),
        (everyone, features.block, *_askers(features, COUNTRY, features.block)),
    ]
    for members, keys, askers, asker_keys in searches:
        if len(members) == 0 or len(askers) == 0:
            continue
        index = _build_index(members, keys, day)
        for query_keys in asker_keys:
            yield from _lookup(index, askers, query_keys, day, features, settings.batch_pairs)


_NEIGHBOURS = [(dx, dy) for dy in (-1, 0, 1) for dx in (-1, 0, 1)]


def _askers(features: EventFeatures, scope: int, keys: np.ndarray) -> tuple[np.ndarray, list[np.ndarray]]:
    askers = np.flatnonzero(features.scope == scope)
    return askers, [keys[askers]]


def _region_key(features: EventFeatures) -> np.ndarray:
    # Regions are numbered across countries already; the block keeps type groups apart. Renumbered
    # densely so that the key leaves room for the day bits.
    raw = features.block * (int(features.region.max()) + 2) + features.region + 1
    return np.unique(raw, return_inverse=True)[1].astype(np.int64)


def _cells(
    features: EventFeatures, far_km: float, cell_latitude: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Grid cell of every point record; cells at least `far_km` wide in both directions."""
    lat = np.nan_to_num(features.latitude, nan=0.0)
    lon = np.nan_to_num(features.longitude, nan=0.0)
    step = far_km / _KM_PER_DEGREE
    if cell_latitude is None:
        cell_latitude = block_latitudes(features)
    lon_step = step / np.cos(np.radians(cell_latitude))
    cy = np.floor((lat + 90.0) / step).astype(np.int64) + 1
    cx = np.floor((lon + 180.0) / lon_step).astype(np.int64) + 1
    return cx, cy


def block_latitudes(features: EventFeatures) -> np.ndarray:
    """For each record, the widest |latitude| of its block (nan as 0, at most 80 degrees).

    A lon cell must be far_km wide at the record's latitude; one width per block keeps cells of a
    block comparable, and the widest latitude of the block sets it.
    """
    lat = np.nan_to_num(features.latitude, nan=0.0)
    widest = np.zeros(int(features.block.max()) + 1)
    np.maximum.at(widest, features.block, np.minimum(np.abs(lat), MAX_LATITUDE))
    return widest[features.block]


def _shifted(keys: np.ndarray, dx: int, dy: int) -> np.ndarray:
    return keys + (dy << _CELL_BITS) + dx


def _build_index(members: np.ndarray, keys: np.ndarray, day: np.ndarray) -> _Index:
    codes = (keys << _DAY_BITS) | day[members]
    order = np.argsort(codes, kind="stable")
    return _Index(codes=codes[order], members=members[order])


def _lookup(
    index: _Index,
    askers: np.ndarray,
    keys: np.ndarray,
    day: np.ndarray,
    features: EventFeatures,
    batch_pairs: int,
) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    tolerance = features.tolerance[askers]
    lo = np.searchsorted(index.codes, (keys << _DAY_BITS) | (day[askers] - tolerance), side="left")
    hi = np.searchsorted(index.codes, (keys << _DAY_BITS) | (day[askers] + tolerance), side="right")
    counts = hi - lo
    ends = np.cumsum(counts)
    start = 0
    while start < len(askers):
        done = int(ends[start - 1]) if start else 0
        stop = max(int(np.searchsorted(ends, done + batch_pairs, side="right")), start + 1)
        c = counts[start:stop]
        total = int(c.sum())
        if total:
            asking = np.repeat(askers[start:stop], c)
            offsets = np.arange(total) - np.repeat(np.cumsum(c) - c, c)
            found = index.members[np.repeat(lo[start:stop], c) + offsets]
            keep = _owned(asking, found, features)
            yield asking[keep], found[keep]
        start = stop


def _owned(asking: np.ndarray, found: np.ndarray, features: EventFeatures) -> np.ndarray:
    """Keep a pair only on the side responsible for it, so each pair is scored once.

    A wider place scope sees the narrower records but not the other way round; in one scope, the
    record with the wider date window sees every pair the other sees.
    """
    scope_a, scope_b = features.scope[asking], features.scope[found]
    tol_a, tol_b = features.tolerance[asking], features.tolerance[found]
    same_scope = scope_a == scope_b
    return (asking != found) & (
        (scope_a > scope_b) | (same_scope & ((tol_a > tol_b) | ((tol_a == tol_b) & (asking < found))))
    )


__all__ = ["COUNTRY", "MAX_LATITUDE", "POINT", "REGION", "block_latitudes", "candidate_pairs"]
