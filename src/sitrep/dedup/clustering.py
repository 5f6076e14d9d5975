"""Grouping event records into happenings: best pairs first, never a chain of half-likenesses.

Pairs are merged from the highest score down. Two clusters join only when the linking pair reaches
`threshold`, every pair across them reaches `floor` (complete link: A like B and B like C does not
put A with C unless A is like C too), they hold no two records of one article, and no analyst
decision keeps them apart. The order of the input does not change the result: ties are broken by
event id.

Analyst decisions and earlier runs enter as `Constraints`: groups kept together (manual merges),
pairs kept apart (manual splits), and existing clusters, which may grow but do not swallow each other.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from sitrep.dedup.blocking import candidate_pairs
from sitrep.dedup.features import EventFeatures, FeatureBuilder
from sitrep.dedup.knowledge import TypeMatching, load_type_matching
from sitrep.dedup.scoring import pair_scores
from sitrep.dedup.settings import DedupSettings
from sitrep.records import Event


@dataclass(frozen=True, kw_only=True)
class Constraints:
    """What clustering must respect, by event id; unknown ids are ignored."""

    #: groups of events an analyst merged: they end in one cluster.
    together: tuple[tuple[str, ...], ...] = ()
    #: pairs of events an analyst split: they never share a cluster (a later merge of the pair wins
    #: only if the caller leaves the pair out of here).
    apart: tuple[tuple[str, str], ...] = ()
    #: clusters from an earlier run: each stays whole and may take in new events, but two of them
    #: are not merged automatically.
    existing: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True)
class Clustering:
    """The result: `groups` of indices into the events as read (singletons included)."""

    event_ids: list[str]
    groups: list[list[int]]
    #: how many candidate pairs blocking produced, and how many scored at least `floor`.
    candidates: int
    links: int


def find_clusters(
    events: Iterable[Event],
    *,
    settings: DedupSettings | None = None,
    constraints: Constraints | None = None,
    matching: TypeMatching | None = None,
) -> Clustering:
    """Cluster `events` (any iterable: they are read once and not kept)."""
    settings = settings or DedupSettings()
    matching = matching or load_type_matching()
    features = FeatureBuilder(settings, matching).add_all(events).build()
    return cluster_features(features, settings=settings, constraints=constraints, matching=matching)


def cluster_features(
    features: EventFeatures,
    *,
    settings: DedupSettings,
    constraints: Constraints | None = None,
    matching: TypeMatching | None = None,
) -> Clustering:
    matching = matching or load_type_matching()
    i, j, s, candidates = _links(features, settings, matching)
    groups = cluster_links(
        features.event_ids, features.article, i, j, s, settings=settings, constraints=constraints
    )
    return Clustering(event_ids=features.event_ids, groups=groups, candidates=candidates, links=len(s))


def cluster_links(
    event_ids: list[str],
    article: np.ndarray,
    i: np.ndarray,
    j: np.ndarray,
    s: np.ndarray,
    *,
    settings: DedupSettings,
    constraints: Constraints | None = None,
) -> list[list[int]]:
    """Groups of record indices from the scored pairs (i, j, s) that reach `settings.floor`.

    `article` tells records of one article apart (any values compared for equality). The result
    depends only on the pairs and the ids, so records that no pair or constraint connects can be
    clustered apart from each other (sitrep.dedup.partitioned does) and give the same groups.
    """
    rank = _rank_by_id(event_ids)
    order = np.lexsort((np.maximum(rank[i], rank[j]), np.minimum(rank[i], rank[j]), -s))
    i, j, s = i[order], j[order], s[order]
    merger = _Merger(event_ids, article, i, j, s, floor=settings.floor)
    merger.apply(constraints or Constraints())
    strong = int(np.searchsorted(-s, -settings.threshold, side="right"))
    for a, b in zip(i[:strong].tolist(), j[:strong].tolist(), strict=True):
        merger.try_merge(a, b)
    return merger.groups(rank)


def cluster_events(
    events: Sequence[Event],
    *,
    settings: DedupSettings | None = None,
    constraints: Constraints | None = None,
) -> list[list[Event]]:
    """The events grouped by happening: every event in exactly one group.

    Groups come in order of their first date, then first event id; inside a group, events are in
    order of publication, then article id, then event id.
    """
    events = list(events)
    result = find_clusters(events, settings=settings, constraints=constraints)
    groups = [sorted((events[k] for k in group), key=_reading_order) for group in result.groups]
    return sorted(groups, key=lambda g: (min(e.event_date for e in g), min(e.event_id for e in g)))


def _reading_order(event: Event) -> tuple[str, str, str]:
    return (event.published or "9999", event.article_id, event.event_id)


def _links(
    features: EventFeatures, settings: DedupSettings, matching: TypeMatching
) -> tuple[np.ndarray, np.ndarray, np.ndarray, int]:
    """Every candidate pair scoring at least `floor`, with its score."""
    kept_i, kept_j, kept_s = [], [], []
    candidates = 0
    for i, j in candidate_pairs(features, settings):
        candidates += len(i)
        s = pair_scores(features, i, j, settings=settings, matching=matching)
        keep = s >= settings.floor
        kept_i.append(np.minimum(i, j)[keep])
        kept_j.append(np.maximum(i, j)[keep])
        kept_s.append(s[keep])
    if not kept_s:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, np.zeros(0), candidates
    return np.concatenate(kept_i), np.concatenate(kept_j), np.concatenate(kept_s), candidates


def _rank_by_id(event_ids: list[str]) -> np.ndarray:
    rank = np.empty(len(event_ids), dtype=np.int64)
    rank[sorted(range(len(event_ids)), key=event_ids.__getitem__)] = np.arange(len(event_ids))
    return rank


class _Merger:
    """Union-find over event indices, with the rules that stop a merge."""

    def __init__(
        self,
        event_ids: list[str],
        article: np.ndarray,
        i: np.ndarray,
        j: np.ndarray,
        s: np.ndarray,
        *,
        floor: float,
    ):
        self._n = len(event_ids)
        self._parent = list(range(self._n))
        self._members: dict[int, list[int]] = {}
        self._article = article.tolist()
        self._ids = event_ids
        self._score = dict(zip((i * self._n + j).tolist(), s.tolist(), strict=True))
        self._floor = floor
        self._apart: dict[int, set[int]] = {}
        self._existing: set[int] = set()
        # Events an analyst put together count as one for the complete link: a newcomer must be like
        # one of them, not like all (they may differ by the very mistake the analyst corrected).
        self._unit: dict[int, int] = {}

    def apply(self, constraints: Constraints) -> None:
        wanted = {x for group in constraints.together + constraints.existing for x in group}
        wanted |= {x for pair in constraints.apart for x in pair}
        index = {event_id: k for k, event_id in enumerate(self._ids) if event_id in wanted}
        for a, b in constraints.apart:
            if a in index and b in index:
                self._apart.setdefault(index[a], set()).add(index[b])
                self._apart.setdefault(index[b], set()).add(index[a])
        for group in constraints.existing:
            members = [index[x] for x in group if x in index]
            for k in members[1:]:
                self._join(members[0], k, forced=True)
            if members:
                self._existing.add(self._find(members[0]))
        for group in constraints.together:
            members = [index[x] for x in group if x in index]
            for k in members[1:]:
                self._join(members[0], k, forced=True)
        for k in {index[x] for group in constraints.together for x in group if x in index}:
            self._unit[k] = self._find(k)

    def try_merge(self, a: int, b: int) -> None:
        self._join(a, b, forced=False)

    def groups(self, rank: np.ndarray) -> list[list[int]]:
        by_root: dict[int, list[int]] = {}
        for k in range(self._n):
            by_root.setdefault(self._find(k), []).append(k)
        groups = [sorted(members, key=rank.__getitem__) for members in by_root.values()]
        return sorted(groups, key=lambda g: int(rank[g[0]]))

    def _find(self, k: int) -> int:
        parent = self._parent
        root = k
        while parent[root] != root:
            root = parent[root]
        while parent[k] != root:
            parent[k], k = root, parent[k]
        return root

    def _members_of(self, root: int) -> list[int]:
        return self._members.get(root) or [root]

    def _join(self, a: int, b: int, *, forced: bool) -> None:
        ra, rb = self._find(a), self._find(b)
        if ra == rb:
            return
        ma, mb = self._members_of(ra), self._members_of(rb)
        if self._kept_apart(ma, mb):
            return
        if not forced and not self._may_merge(ra, rb, ma, mb):
            return
        if len(ma) < len(mb):
            ra, rb, ma, mb = rb, ra, mb, ma
        self._parent[rb] = ra
        self._members[ra] = ma + mb
        self._members.pop(rb, None)
        if rb in self._existing:
            self._existing.discard(rb)
            self._existing.add(ra)

    def _kept_apart(self, ma: list[int], mb: list[int]) -> bool:
        if not self._apart:
            return False
        other = set(mb)
        return any(self._apart.get(x, set()) & other for x in ma)

    def _may_merge(self, ra: int, rb: int, ma: list[int], mb: list[int]) -> bool:
        if ra in self._existing and rb in self._existing:
            return False
        if {self._article[x] for x in ma} & {self._article[y] for y in mb}:
            return False
        n, score, floor = self._n, self._score, self._floor
        if not self._unit:
            return all(score.get(min(x, y) * n + max(x, y), -1.0) >= floor for x in ma for y in mb)
        units_a, units_b = self._units(ma), self._units(mb)
        return all(
            any(score.get(min(x, y) * n + max(x, y), -1.0) >= floor for x in ua for y in ub)
            for ua in units_a
            for ub in units_b
        )

    def _units(self, members: list[int]) -> list[list[int]]:
        units: dict[int, list[int]] = {}
        for k in members:
            units.setdefault(self._unit.get(k, -1 - k), []).append(k)
        return list(units.values())
