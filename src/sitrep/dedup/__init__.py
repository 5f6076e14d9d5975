"""Deduplication: one happening told by many articles becomes one event with all its sources.

>>> from sitrep.dedup import cluster_events, merge_cluster
>>> merged = [merge_cluster(group) for group in cluster_events(events)]

Records are blocked by country, type group and date window (`blocking`), scored pair by pair
(`scoring`), clustered best pairs first with complete links (`clustering`) and merged into canonical
events with their sources and corroboration (`merge`). `incremental` keeps the clusters of an event
store up to date and records analysts' splits and merges, which later runs respect.
"""

from __future__ import annotations

from sitrep.dedup.clustering import Clustering, Constraints, cluster_events, find_clusters
from sitrep.dedup.evaluation import predicted_clusters
from sitrep.dedup.merge import FACTUALITY_RANK, cluster_id_for, merge_cluster
from sitrep.dedup.settings import DedupSettings

__all__ = [
    "FACTUALITY_RANK",
    "Clustering",
    "Constraints",
    "DedupSettings",
    "cluster_events",
    "cluster_id_for",
    "find_clusters",
    "merge_cluster",
    "predicted_clusters",
]
