"""Keeping the store's clusters up to date: `sitrep dedup`.

An incremental run clusters only what is new: events in no cluster yet are compared with the stored
events around their dates, and either join an existing cluster or form new ones. Existing clusters
are not split or merged by it (only analysts do that, and their decisions are obeyed), so running it
again changes nothing. Members whose events disappeared (their article was coded again) are dropped
first, and their clusters re-merged.

A rebuild (`rebuild=True`) clusters every stored event from scratch, still obeying analysts'
decisions; it reads the events twice in date order and never holds all of them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from sitrep.dedup.clustering import cluster_events, find_clusters
from sitrep.dedup.decisions import constraints_from
from sitrep.dedup.merge import cluster_id_for, merge_cluster
from sitrep.dedup.settings import DedupSettings
from sitrep.dedup.stream import grouped_stream
from sitrep.records import Event
from sitrep.store import EventStore
from sitrep.store.clusters import ClusterWrite

#: clusters written per transaction during a rebuild.
REBUILD_BATCH = 2_000


@dataclass(frozen=True)
class DedupSummary:
    """What a run of `deduplicate` did."""

    new_events: int = 0
    created: int = 0
    grown: int = 0
    refreshed: int = 0
    removed: int = 0
    rebuilt: bool = False
    clusters: int = 0

    def describe(self) -> str:
        if self.rebuilt:
            return f"rebuilt: {self.new_events} events in {self.clusters} clusters"
        if not (self.new_events or self.refreshed or self.removed):
            return "nothing new to deduplicate"
        parts = [
            f"{self.new_events} new events",
            f"{self.created} new clusters",
            f"{self.grown} clusters grown",
        ]
        if self.refreshed or self.removed:
            parts.append(f"{self.refreshed} refreshed and {self.removed} removed after re-coding")
        return ", ".join(parts)


def deduplicate(
    store: EventStore, *, rebuild: bool = False, settings: DedupSettings | None = None
) -> DedupSummary:
    """Bring the store's clusters up to date (see the module docstring)."""
    settings = settings or DedupSettings()
    if rebuild:
        return _rebuild(store, settings)
    refreshed, removed = _drop_stale(store)
    # Undated events (an article with no date at all) cannot be placed in time: left unmerged.
    new = [e for e in store.unclustered_events() if e.event_date]
    if not new:
        return DedupSummary(refreshed=refreshed, removed=removed)
    context = _context(store, new, settings)
    existing: dict[str, list[str]] = {}
    for event, cluster_id in context:
        existing.setdefault(cluster_id, []).append(event.event_id)
    cluster_of = {event.event_id: cluster_id for event, cluster_id in context}
    constraints = constraints_from(store.cluster_decisions(), list(existing.values()), store=store)
    groups = cluster_events([event for event, _ in context] + new, settings=settings, constraints=constraints)
    writes, audit, removed_ids = [], [], []
    created = grown = 0
    for group in groups:
        fresh = [e for e in group if e.event_id not in cluster_of]
        if not fresh:
            continue
        owners = sorted({cluster_of[e.event_id] for e in group if e.event_id in cluster_of})
        if owners:
            # Only analysts' merges can bring two existing clusters into one group; the first id stays.
            members = [m for owner in owners for m in store.cluster_member_events(owner)] + fresh
            writes.append(_write(members, owners[0]))
            removed_ids += owners[1:]
            audit.append(("grown", owners[0], {"added": [e.event_id for e in fresh], "absorbed": owners[1:]}))
            grown += 1
        else:
            cluster_id = cluster_id_for(e.event_id for e in fresh)
            writes.append(_write(fresh, cluster_id))
            audit.append(("created", cluster_id, {"events": len(fresh)}))
            created += 1
    store.write_clusters(writes, removed=removed_ids, audit=audit)
    return DedupSummary(
        new_events=len(new), created=created, grown=grown, refreshed=refreshed, removed=removed
    )


def _context(store: EventStore, new: Sequence[Event], settings: DedupSettings) -> list[tuple[Event, str]]:
    """Clustered events close enough in date to meet a new one: the widest tolerance either side."""
    days = sorted(date.fromisoformat(e.event_date[:10]) for e in new if e.event_date)
    if not days:
        return []  # undated events (an article with no date at all) have no neighbours in time
    margin = timedelta(days=max(settings.day_tolerance))
    since, until = (days[0] - margin).isoformat(), (days[-1] + margin).isoformat()
    countries = {_country_key(e) for e in new}
    return [
        (e, c) for e, c in store.clustered_events(since=since, until=until) if _country_key(e) in countries
    ]


def _country_key(event: Event) -> str:
    return (event.iso2 or "").upper() or (event.country or "").lower()


def _drop_stale(store: EventStore) -> tuple[int, int]:
    """Forget members whose events are gone; re-merge or remove their clusters. (refreshed, removed)"""
    stale = store.stale_cluster_members()
    writes, removed = [], []
    for cluster_id in sorted(stale):
        members = store.cluster_member_events(cluster_id)
        if members:
            writes.append(_write(members, cluster_id))
        else:
            removed.append(cluster_id)
    if stale:
        audit = [("refreshed", w.cluster_id, {"dropped": stale[w.cluster_id]}) for w in writes]
        audit += [("removed", c, {"dropped": stale[c]}) for c in removed]
        store.write_clusters(writes, removed=removed, audit=audit)
    return len(writes), len(removed)


def _rebuild(store: EventStore, settings: DedupSettings) -> DedupSummary:
    decisions = store.cluster_decisions()
    constraints = constraints_from(decisions, store=store)
    clustering = find_clusters(store.events(), settings=settings, constraints=constraints)
    batch: list[ClusterWrite] = []
    first = True
    for members in grouped_stream(store.events(), clustering):
        batch.append(_write(members, cluster_id_for(e.event_id for e in members)))
        if len(batch) >= REBUILD_BATCH:
            store.write_clusters(batch, clear=first)
            batch, first = [], False
    audit = [("rebuilt", None, {"events": len(clustering.event_ids), "clusters": len(clustering.groups)})]
    store.write_clusters(batch, clear=first, audit=audit)
    return DedupSummary(new_events=len(clustering.event_ids), rebuilt=True, clusters=len(clustering.groups))


def _write(members: Sequence[Event], cluster_id: str) -> ClusterWrite:
    return ClusterWrite(merged=merge_cluster(members, event_id=cluster_id), members=tuple(members))
