"""Deduplication as the evaluation sees it: which articles the system says report one happening."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sitrep.dedup.clustering import cluster_events
from sitrep.dedup.settings import DedupSettings
from sitrep.records import Event


def predicted_clusters(
    per_article: Mapping[str, Sequence[Mapping[str, Any]]], *, settings: DedupSettings | None = None
) -> list[set[str]]:
    """Article ids grouped by merged event, from each article's predicted event dicts.

    Only groups of two or more articles are returned: the others say nothing about pairs. Feed the
    result to `sitrep.evaluate.score.score(gold, predicted, predicted_clusters=...)`.
    """
    events = [Event.from_dict(dict(record)) for records in per_article.values() for record in records]
    groups = ({event.article_id for event in group} for group in cluster_events(events, settings=settings))
    return [group for group in groups if len(group) > 1]
