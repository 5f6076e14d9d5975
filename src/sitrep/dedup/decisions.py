"""Analysts' corrections: split events out of a cluster, merge clusters; both survive later runs.

A decision is stored pair by pair (`cluster_decisions`): a split keeps every split-off event apart
from every event left behind, a merge keeps every event of one cluster with every event of the
others. For a pair decided twice the later decision holds, so a merge undoes an earlier split of the
same events and the other way round. `constraints_from` turns the stored decisions into the
`Constraints` that clustering obeys.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sitrep.dedup.clustering import Constraints
from sitrep.dedup.merge import cluster_id_for, merge_cluster
from sitrep.errors import SitrepError
from sitrep.records import Event
from sitrep.store import EventStore
from sitrep.store.clusters import ClusterDecision, ClusterWrite


class ClusterDecisionError(SitrepError):
    """A split or merge that cannot be done as asked (the message says why and what to do)."""


@dataclass(frozen=True)
class Correction:
    """What a split or merge changed: the clusters written and those removed."""

    kept: str
    created: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()


def constraints_from(
    decisions: Sequence[ClusterDecision], existing: Sequence[Sequence[str]] = ()
) -> Constraints:
    """The constraints of the stored decisions (the latest on each pair), plus `existing` clusters."""
    latest: dict[tuple[str, str], str] = {}
    for decision in decisions:
        latest[_pair(decision.event_a, decision.event_b)] = decision.kind
    return Constraints(
        together=tuple(pair for pair, kind in latest.items() if kind == "merge"),
        apart=tuple(pair for pair, kind in latest.items() if kind == "split"),
        existing=tuple(tuple(group) for group in existing),
    )


def split_events(store: EventStore, event_ids: Sequence[str], *, note: str | None = None) -> Correction:
    """Take `event_ids` out of their cluster into a new cluster of their own; later runs keep them apart."""
    if not event_ids:
        raise ClusterDecisionError("name at least one event to split off its cluster")
    cluster_id = _single_cluster(store, event_ids)
    members = store.cluster_member_events(cluster_id)
    leaving = set(event_ids)
    going = [e for e in members if e.event_id in leaving]
    staying = [e for e in members if e.event_id not in leaving]
    if not staying:
        raise ClusterDecisionError(
            f"the events named are all of cluster {cluster_id!r}; name only those to take out of it"
        )
    new_id = _fresh_id([e.event_id for e in going], taken={cluster_id})
    store.write_clusters(
        [_write(staying, cluster_id), _write(going, new_id)],
        decisions=[("split", *_pair(a.event_id, b.event_id)) for a in going for b in staying],
        audit=[("split", cluster_id, {"into": new_id, "events": sorted(leaving), "note": note})],
        note=note,
    )
    return Correction(kept=cluster_id, created=(new_id,))


def merge_clusters(store: EventStore, ids: Sequence[str], *, note: str | None = None) -> Correction:
    """Merge the clusters named by `ids` (cluster ids or event ids) into the first one; later runs keep it."""
    clusters: list[str] = []
    for given in ids:
        cluster_id = given if store.get_cluster(given) is not None else store.cluster_of(given)
        if cluster_id is None:
            raise ClusterDecisionError(
                f"{given!r} is neither a cluster nor a clustered event; run `sitrep dedup` first, "
                "or check the id with `sitrep events`"
            )
        if cluster_id not in clusters:
            clusters.append(cluster_id)
    if len(clusters) < 2:
        raise ClusterDecisionError(
            "the ids given are all in one cluster already; name events of two clusters"
        )
    groups = [store.cluster_member_events(c) for c in clusters]
    decisions = [
        ("merge", *_pair(a.event_id, b.event_id))
        for k, group in enumerate(groups)
        for other in groups[k + 1 :]
        for a in group
        for b in other
    ]
    kept, others = clusters[0], clusters[1:]
    store.write_clusters(
        [_write([e for group in groups for e in group], kept)],
        removed=others,
        decisions=decisions,
        audit=[
            ("merged", kept, {"from": others, "note": note}),
            *(("removed", c, {"into": kept}) for c in others),
        ],
        note=note,
    )
    return Correction(kept=kept, removed=tuple(others))


def _single_cluster(store: EventStore, event_ids: Sequence[str]) -> str:
    found = {}
    for event_id in event_ids:
        cluster_id = store.cluster_of(event_id)
        if cluster_id is None:
            raise ClusterDecisionError(
                f"event {event_id!r} is in no cluster; run `sitrep dedup` first, "
                "or check the id with `sitrep events`"
            )
        found[event_id] = cluster_id
    if len(set(found.values())) > 1:
        listing = ", ".join(f"{e} in {c}" for e, c in found.items())
        raise ClusterDecisionError(
            f"the events are in different clusters ({listing}); split one cluster at a time"
        )
    return next(iter(found.values()))


def _write(members: Sequence[Event], cluster_id: str) -> ClusterWrite:
    return ClusterWrite(merged=merge_cluster(members, event_id=cluster_id), members=tuple(members))


def _fresh_id(event_ids: Sequence[str], *, taken: set[str]) -> str:
    """The usual id of a cluster of these events, or a variant when that id is already in use."""
    candidate = cluster_id_for(event_ids)
    salt = 0
    while candidate in taken:
        salt += 1
        candidate = cluster_id_for([*event_ids, f"#{salt}"])
    return candidate


def _pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a <= b else (b, a)
