"""Deduplication at scale: the clusters of `find_clusters`, computed country by country and month by
month on a Dask cluster.

    from sitrep.engines.dask import dask_client
    with dask_client(workers=2) as client:
        clustering = find_clusters_partitioned(events, client=client)

The result is exactly that of `find_clusters` on the same events, for two reasons:

1. Pairs. Blocking compares two records only when they share a country and lie within the wider of
   their date tolerances. A partition holds one country's records of one month (its own) and those of
   the days around it, as many as the widest tolerance of the input (the overlap): it finds every
   pair with at least one of its own records. Each pair is kept by one partition only, that of its
   record read first. Grid cells are as wide as the whole input makes them (the widest latitude of
   each block is measured over all records first), so a partition finds the same pairs with the same
   scores as the whole.
2. Groups. Clustering merges pairs best first and each merge looks only at the two clusters it joins:
   records that no chain of pairs (nor analysts' decision) connects never influence each other. The
   connected components of the pairs are clustered apart, in parallel, and together make the groups
   of the single process.

The driver reads the events once and keeps only their ids (and, back from the workers, their articles'
hashes); the workers build the features, find and score the pairs, and cluster the components.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, fields
from datetime import date
from typing import TYPE_CHECKING, Any, NamedTuple

import numpy as np

from sitrep.dedup.blocking import MAX_LATITUDE, candidate_pairs
from sitrep.dedup.clustering import Clustering, Constraints, cluster_links
from sitrep.dedup.features import EventFeatures, FeatureBuilder
from sitrep.dedup.knowledge import TypeMatching, folded, load_type_matching
from sitrep.dedup.scoring import pair_scores
from sitrep.dedup.settings import DedupSettings
from sitrep.errors import InputError
from sitrep.records import Event

if TYPE_CHECKING:
    from distributed import Client

#: clustering tasks per worker (more balance the load; fewer cost less in overhead), and the fewest
#: scored pairs worth a task. Components are never cut.
TASKS_PER_WORKER = 4
MIN_LINKS_PER_TASK = 20_000
#: rows the driver holds before sending them to the workers: bounds its memory, whatever the order of
#: the input.
SHIP_ROWS = 100_000
#: a day number beyond any real one, for blocks a partition has no record of.
_FAR = 1 << 40


class _Row(NamedTuple):
    """What deduplication reads of an event (the attributes FeatureBuilder.add reads, by the same
    names), with its place in the input, its day number and its block number."""

    index: int
    day: int
    block: int
    event_id: str
    article_id: str
    event_date: str
    time_precision: int
    sub_event_type: str
    factuality: str
    iso2: str | None
    country: str | None
    admin1: str | None
    location: str | None
    latitude: float | None
    longitude: float | None
    geo_precision: int
    actor1: str | None
    actor2: str | None
    fatalities: int
    inter1: int
    inter2: int


#: the features renumbered when partitions are joined (numbers of names), and those concatenated.
_NAMED = ("region", "place", "actors")
_ARRAYS = tuple(f.name for f in fields(EventFeatures) if f.name not in ("event_ids", "block", *_NAMED))


@dataclass
class _Input:
    """The events as the driver knows them: ids, rows by partition (those not yet sent to the workers,
    and futures of those sent), and the articles' hashes (as the features number them; filled in by
    the partitions)."""

    event_ids: list[str] = field(default_factory=list)
    article: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    parts: dict[tuple[str, int], list[_Row]] = field(default_factory=dict)
    shipped: dict[tuple[str, int], list[Any]] = field(default_factory=dict)
    held: int = 0
    blocks: dict[tuple[str, int, bool], int] = field(default_factory=dict)
    widest: list[float] = field(default_factory=list)
    tolerance: int = 0


@dataclass(frozen=True)
class _Parcel:
    """Data sent to a worker in one piece: Dask would serialize a bare list or tuple item by item,
    which costs more than the work on a partition of short records."""

    content: Any


@dataclass(frozen=True)
class _Part:
    """The features of one partition's own records, with what is needed to join them to others'."""

    index: np.ndarray  # int64: place of each record in the input
    block: np.ndarray  # int64: block number, the same in every partition
    features: EventFeatures
    names: list[object]  # what the numbers in `features` stand for


def find_clusters_partitioned(
    events: Iterable[Event],
    *,
    client: Client,
    settings: DedupSettings | None = None,
    constraints: Constraints | None = None,
    matching: TypeMatching | None = None,
) -> Clustering:
    """Cluster `events` on `client`'s workers; the same `Clustering` as `find_clusters` gives."""
    settings = settings or DedupSettings()
    matching = matching or load_type_matching()
    data = _read(events, settings, matching, client)
    if not data.event_ids:
        return Clustering(event_ids=[], groups=[], candidates=0, links=0)
    workers = max(1, len(client.scheduler_info().get("workers", {})))
    i, j, s, candidates = _links(client, data, settings, matching)
    groups = _cluster_components(client, data, i, j, s, settings, constraints or Constraints(), workers)
    return Clustering(event_ids=data.event_ids, groups=groups, candidates=candidates, links=len(s))


# -- the driver's single pass over the events ------------------------------------------------------


def _read(events: Iterable[Event], settings: DedupSettings, matching: TypeMatching, client: Client) -> _Input:
    data = _Input()
    days: dict[str, tuple[int, int, str]] = {}  # event_date -> (day, month number, one shared string)
    blocks: dict[tuple[str | None, str | None, str, bool], tuple[str, int]] = {}
    for index, event in enumerate(events):
        when = days.get(event.event_date)
        if when is None:
            when = days[event.event_date] = _when(event)
        key = (event.iso2, event.country, event.sub_event_type, event.factuality == "hypothetical")
        found = blocks.get(key)
        if found is None:
            found = blocks[key] = _block(data, key, matching)
        country, block = found
        if event.latitude is not None and not math.isnan(event.latitude):
            data.widest[block] = max(data.widest[block], min(abs(float(event.latitude)), MAX_LATITUDE))
        precision = event.time_precision if event.time_precision in (1, 2, 3) else 2
        data.tolerance = max(data.tolerance, settings.tolerance(precision))
        data.event_ids.append(event.event_id)
        row = _Row(
            index, when[0], block, event.event_id, event.article_id, when[2], event.time_precision,
            event.sub_event_type, event.factuality, event.iso2, event.country, event.admin1,
            event.location, event.latitude, event.longitude, event.geo_precision, event.actor1,
            event.actor2, event.fatalities, event.inter1, event.inter2,
        )  # fmt: skip
        part = data.parts.get((country, when[1]))
        if part is None:
            part = data.parts[(country, when[1])] = []
        part.append(row)
        data.held += 1
        if data.held >= SHIP_ROWS:
            _ship(client, data)
    _ship(client, data)
    return data


def _ship(client: Client, data: _Input) -> None:
    """Send the rows held to the workers, each partition's as one more piece of it."""
    keys = [key for key, rows in data.parts.items() if rows]
    if not keys:
        return
    futures = client.scatter([_Parcel(data.parts[key]) for key in keys], hash=False)
    for key, future in zip(keys, futures, strict=True):
        data.shipped.setdefault(key, []).append(future)
    data.parts.clear()
    data.held = 0


def _when(event: Event) -> tuple[int, int, str]:
    text = event.event_date or ""
    try:
        day = date.fromisoformat(text[:10])
    except ValueError:
        raise InputError(
            f"event {event.event_id!r} has event_date {text!r}; deduplication needs YYYY-MM-DD dates"
        ) from None
    return day.toordinal(), day.year * 12 + day.month - 1, event.event_date


def _block(
    data: _Input, key: tuple[str | None, str | None, str, bool], matching: TypeMatching
) -> tuple[str, int]:
    """(country key, block number) of records with these iso2, country, sub-event type, hypothetical."""
    iso2, name, sub_event_type, hypothetical = key
    country = (iso2 or "").upper() or folded(name or "")
    group = int(matching.groups[matching.index_of(sub_event_type)])
    block = data.blocks.setdefault((country, group, hypothetical), len(data.blocks))
    if block == len(data.widest):
        data.widest.append(0.0)
    return country, block


def _links(
    client: Client, data: _Input, settings: DedupSettings, matching: TypeMatching
) -> tuple[np.ndarray, np.ndarray, np.ndarray, int]:
    """Every scored pair of the input (global i < j, score >= floor), found partition by partition:
    first the features of each partition, then the pairs of each with its neighbours' records."""
    from distributed import as_completed

    keys = list(data.shipped)
    shared = client.scatter([settings, matching, np.asarray(data.widest)], broadcast=True, hash=False)
    parts = {key: client.submit(_part_features, data.shipped[key], *shared[:2], pure=False) for key in keys}
    data.shipped.clear()  # the pieces are released once their partition's features are built
    span = data.tolerance // 28 + 1  # months an overlap of `tolerance` days can reach
    tasks = []
    for country, month in keys:
        around = [
            parts[(country, m)]
            for m in range(month - span, month + span + 1)
            if m != month and (country, m) in parts
        ]
        first, last = _month_days(month)
        tasks.append(
            client.submit(_part_links, parts[(country, month)], around, first, last, *shared, pure=False)
        )
    del parts
    results = []
    data.article = np.zeros(len(data.event_ids), dtype=np.int64)
    for future in as_completed(tasks):
        *links, candidates, (own, article) = future.result()
        data.article[own] = article
        results.append((*links, candidates))
        future.release()
    i, j, s = _concatenated(results)
    return i, j, s, sum(int(r[3]) for r in results)


def _month_days(month: int) -> tuple[int, int]:
    """First and last day numbers of month number `month` (year * 12 + month - 1)."""
    following = month + 1
    first = date(month // 12, month % 12 + 1, 1).toordinal()
    return first, date(following // 12, following % 12 + 1, 1).toordinal() - 1


# -- partition tasks (run on the workers) ------------------------------------------------------------


def _part_features(pieces: list[_Parcel], settings: DedupSettings, matching: TypeMatching) -> _Part:
    rows: list[_Row] = [row for piece in pieces for row in piece.content]
    builder = FeatureBuilder(settings, matching)
    for row in rows:
        builder.add(row)  # type: ignore[arg-type]  # a _Row has every attribute add() reads
    index = np.fromiter((row.index for row in rows), dtype=np.int64, count=len(rows))
    block = np.fromiter((row.block for row in rows), dtype=np.int64, count=len(rows))
    return _Part(index=index, block=block, features=builder.build(), names=builder.names())


def _part_links(
    own: _Part,
    around: list[_Part],
    first: int,
    last: int,
    settings: DedupSettings,
    matching: TypeMatching,
    widest: np.ndarray,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, int, tuple[np.ndarray, np.ndarray]]:
    """The scored pairs this partition owns (global i < global j, score >= floor), how many candidate
    pairs it owns (those whose record read first is one of its own), and its own records' article
    hashes (their indices, their hashes)."""
    reach = _Reach(own, len(widest))
    neighbours = [_subset(part, reach.needed(part, first, last)) for part in around]
    features, index, block = _joined([own, *neighbours])
    is_own = np.zeros(len(index), dtype=bool)
    is_own[: len(own.index)] = True
    kept: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
    candidates = 0
    for i, j in candidate_pairs(features, settings, cell_latitude=widest[block]):
        mine = is_own[np.where(index[i] < index[j], i, j)]
        i, j = i[mine], j[mine]
        candidates += len(i)
        s = pair_scores(features, i, j, settings=settings, matching=matching)
        keep = s >= settings.floor
        gi, gj = index[i[keep]], index[j[keep]]
        kept.append((np.minimum(gi, gj), np.maximum(gi, gj), s[keep]))
    i, j, s = _concatenated(kept)
    return i, j, s, candidates, (own.index, own.features.article)


class _Reach:
    """How far, by block, a partition's own records reach in time: a neighbour's record can make a
    pair with one of them only if it lies within the wider of their two date tolerances."""

    def __init__(self, own: _Part, blocks: int):
        day, tolerance, block = own.features.day, own.features.tolerance, own.block
        self.first = np.full(blocks, _FAR, dtype=np.int64)
        self.last = np.full(blocks, -_FAR, dtype=np.int64)
        self.low = np.full(blocks, _FAR, dtype=np.int64)
        self.high = np.full(blocks, -_FAR, dtype=np.int64)
        np.minimum.at(self.first, block, day)
        np.maximum.at(self.last, block, day)
        np.minimum.at(self.low, block, day - tolerance)
        np.maximum.at(self.high, block, day + tolerance)

    def needed(self, part: _Part, first: int, last: int) -> np.ndarray:
        """Which of `part`'s records (all before `first` or after `last`) can pair with an own one."""
        day, tolerance, block = part.features.day, part.features.tolerance, part.block
        after = (day - self.last[block] <= tolerance) | (day <= self.high[block])
        before = (self.first[block] - day <= tolerance) | (day >= self.low[block])
        return np.where(day > last, after, np.where(day < first, before, True))


def _subset(part: _Part, keep: np.ndarray) -> _Part:
    f = part.features
    picked = {name: getattr(f, name)[keep] for name in (*_ARRAYS, *_NAMED, "block")}
    features = EventFeatures(event_ids=[f.event_ids[k] for k in np.flatnonzero(keep).tolist()], **picked)
    return _Part(index=part.index[keep], block=part.block[keep], features=features, names=part.names)


def _joined(parts: list[_Part]) -> tuple[EventFeatures, np.ndarray, np.ndarray]:
    """One EventFeatures of several partitions' records, their names numbered alike and their blocks
    numbered from the block numbers of the whole input."""
    numbers: dict[object, int] = {}
    named: dict[str, list[np.ndarray]] = {name: [] for name in _NAMED}
    for part in parts:
        keys = [numbers.setdefault(key, len(numbers)) for key in part.names]
        mapping = np.array(keys or [0], dtype=np.int64)
        for name in _NAMED:
            values = getattr(part.features, name)
            named[name].append(np.where(values >= 0, mapping[np.maximum(values, 0)], -1))
    block = np.concatenate([part.block for part in parts])
    features = EventFeatures(
        event_ids=[x for part in parts for x in part.features.event_ids],
        block=np.unique(block, return_inverse=True)[1].astype(np.int64),
        **{name: np.concatenate(values) for name, values in named.items()},
        **{name: np.concatenate([getattr(part.features, name) for part in parts]) for name in _ARRAYS},
    )
    return features, np.concatenate([part.index for part in parts]), block


def _cluster_chunk(parcel: _Parcel, settings: DedupSettings) -> _Parcel:
    """Groups (indices into the chunk's records) of some whole components."""
    event_ids, article, (i, j, s), constraints = parcel.content
    return _Parcel(cluster_links(event_ids, article, i, j, s, settings=settings, constraints=constraints))


# -- the driver: components, then groups ---------------------------------------------------------------


def _cluster_components(
    client: Client,
    data: _Input,
    i: np.ndarray,
    j: np.ndarray,
    s: np.ndarray,
    settings: DedupSettings,
    constraints: Constraints,
    workers: int,
) -> list[list[int]]:
    n = len(data.event_ids)
    ci, cj = _constraint_edges(data.event_ids, constraints)
    label = components(n, np.concatenate([i, ci]), np.concatenate([j, cj]))
    article = data.article
    link_label = label[i]
    order = np.argsort(link_label, kind="stable")
    i, j, s, link_label = i[order], j[order], s[order], link_label[order]
    connected = np.flatnonzero(np.bincount(label, minlength=n) > 1)  # labels of components, not singles
    tasks = []
    per_task = max(MIN_LINKS_PER_TASK, len(s) // (TASKS_PER_WORKER * workers) + 1)
    for chunk in _chunks(connected, link_label, per_task):
        nodes = np.flatnonzero(np.isin(label, chunk))
        lo, hi = np.searchsorted(link_label, chunk[0]), np.searchsorted(link_label, chunk[-1], side="right")
        local_i, local_j = np.searchsorted(nodes, i[lo:hi]), np.searchsorted(nodes, j[lo:hi])
        ids = [data.event_ids[k] for k in nodes.tolist()]
        payload = (ids, article[nodes], (local_i, local_j, s[lo:hi]), _restricted(constraints, set(ids)))
        tasks.append((nodes, payload))
    parcels = client.scatter([_Parcel(payload) for _, payload in tasks], hash=False) if tasks else []
    futures = [client.submit(_cluster_chunk, parcel, settings, pure=False) for parcel in parcels]
    groups: list[list[int]] = []
    for (nodes, _), found in zip(tasks, client.gather(futures), strict=True):
        groups.extend([int(nodes[k]) for k in group] for group in found.content)
    alone = np.ones(n, dtype=bool)
    alone[np.isin(label, connected)] = False
    groups.extend([k] for k in np.flatnonzero(alone).tolist())
    return _in_clustering_order(groups, data.event_ids)


def components(n: int, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """Connected components of the graph of n nodes with edges (i, j): each node's smallest member."""
    label = np.arange(n, dtype=np.int64)
    while True:
        a, b = label[i], label[j]
        differ = a != b
        if not differ.any():
            return label
        low, high = np.minimum(a[differ], b[differ]), np.maximum(a[differ], b[differ])
        np.minimum.at(label, high, low)  # hook the larger root under the smaller
        while True:  # then point every node at its root
            jumped = label[label]
            if np.array_equal(jumped, label):
                break
            label = jumped


def _chunks(labels: np.ndarray, link_label: np.ndarray, per_task: int) -> Iterator[np.ndarray]:
    """Runs of component labels holding about `per_task` pairs each."""
    if len(labels) == 0:
        return
    ends = np.searchsorted(link_label, labels, side="right")
    start = 0
    while start < len(labels):
        done = int(ends[start - 1]) if start else 0
        stop = max(int(np.searchsorted(ends, done + per_task, side="right")), start + 1)
        yield labels[start:stop]
        start = stop


def _constraint_edges(event_ids: Sequence[str], constraints: Constraints) -> tuple[np.ndarray, np.ndarray]:
    """Edges joining the events of each analysts' merge and existing cluster (they stay together)."""
    groups = [g for g in constraints.together + constraints.existing if len(g) > 1]
    if not groups:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    wanted = {x for g in groups for x in g}
    where = {event_id: k for k, event_id in enumerate(event_ids) if event_id in wanted}
    a, b = [], []
    for group in groups:
        found = [where[x] for x in group if x in where]
        a += found[:1] * (len(found) - 1)
        b += found[1:]
    return np.asarray(a, dtype=np.int64), np.asarray(b, dtype=np.int64)


def _restricted(constraints: Constraints, ids: set[str]) -> Constraints:
    """The constraints that concern the events `ids`, in their order (only those can act there)."""
    return Constraints(
        together=tuple(g for g in constraints.together if any(x in ids for x in g)),
        apart=tuple(p for p in constraints.apart if p[0] in ids and p[1] in ids),
        existing=tuple(g for g in constraints.existing if any(x in ids for x in g)),
    )


def _in_clustering_order(groups: list[list[int]], event_ids: list[str]) -> list[list[int]]:
    """Members by event id, groups by their first member's id: the order `find_clusters` gives."""
    rank = np.empty(len(event_ids), dtype=np.int64)
    rank[sorted(range(len(event_ids)), key=event_ids.__getitem__)] = np.arange(len(event_ids))
    ordered = [sorted(group, key=rank.__getitem__) for group in groups]
    return sorted(ordered, key=lambda g: int(rank[g[0]]))


def _concatenated(parts: Sequence[tuple]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    if not parts:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, np.zeros(0)
    return (
        np.concatenate([p[0] for p in parts]).astype(np.int64),
        np.concatenate([p[1] for p in parts]).astype(np.int64),
        np.concatenate([p[2] for p in parts]).astype(np.float64),
    )
