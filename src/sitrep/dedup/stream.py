"""Merging clusters of a stream too large to hold: each cluster is merged once its last record passes.

`find_clusters` reads the records once and keeps only their features; `merged_stream` reads them a
second time, in the same order, holding only the records of clusters still open. Records arriving in
date order keep that set small, since a cluster spans a few days at most.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import numpy as np

from sitrep.dedup.clustering import Clustering
from sitrep.dedup.merge import merge_cluster
from sitrep.errors import InputError
from sitrep.records import Event


def grouped_stream(events: Iterable[Event], clustering: Clustering) -> Iterator[list[Event]]:
    """The records of each cluster, as soon as the stream has passed its last member."""
    n = len(clustering.event_ids)
    group_of = np.empty(n, dtype=np.int64)
    last = np.empty(len(clustering.groups), dtype=np.int64)
    for number, members in enumerate(clustering.groups):
        group_of[members] = number
        last[number] = max(members)
    open_groups: dict[int, list[Event]] = {}
    position = -1
    for position, event in enumerate(events):
        if position >= n or event.event_id != clustering.event_ids[position]:
            raise InputError(
                f"record {position + 1} ({event.event_id!r}) is not the one clustered there; "
                "read the events again in the order they were clustered"
            )
        number = int(group_of[position])
        open_groups.setdefault(number, []).append(event)
        if last[number] == position:
            yield open_groups.pop(number)
    if position + 1 != n:
        raise InputError(
            f"the stream ended after {position + 1} of {n} clustered records; read them all again"
        )


def merged_stream(events: Iterable[Event], clustering: Clustering) -> Iterator[Event]:
    """The canonical event of every cluster (see `merge_cluster`), as each cluster completes."""
    for members in grouped_stream(events, clustering):
        yield merge_cluster(members)
