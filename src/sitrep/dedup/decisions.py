"""Analysts' corrections: split events out of a cluster, merge clusters; both survive later runs.

A decision is stored pair by pair (`cluster_decisions`): a split keeps every split-off event apart
from every event left behind, a merge keeps every event of one cluster with every event of the
others. For a pair decided twice the later decision holds, so a merge undoes an earlier split of the
same events and the other way round. `constraints_from` turns the stored decisions into the
`Constraints` that clustering obeys.

Event ids carry the pipeline version, so coding an article again (a new lexicon, a new sitrep) gives
its events new ids. Each side of a decision is therefore stored as an `EventRef`: the event id, and
what finds the same event again among the article's new events (see `EventRef.find`).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
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


@dataclass(frozen=True, kw_only=True)
class EventRef:
    """One side of an analyst's decision: an event, and what finds it again once its article is re-coded.

    Stored as JSON in the decision's event column; a plain event id (decisions stored before) reads as
    a reference with nothing but the id.
    """

    event_id: str
    article_id: str | None = None
    sub_event_type: str | None = None
    #: character offset of the event's first trigger in the article: the word it was coded from.
    trigger: int | None = None
    event_date: str | None = None
    location: str | None = None

    @classmethod
    def of(cls, event: Event) -> EventRef:
        starts = [ev.start for ev in event.evidence if ev.field == "trigger"]
        return cls(
            event_id=event.event_id,
            article_id=event.article_id,
            sub_event_type=event.sub_event_type,
            trigger=min(starts) if starts else None,
            event_date=event.event_date,
            location=event.location,
        )

    @classmethod
    def parse(cls, text: str) -> EventRef:
        if not text.startswith("{"):
            return cls(event_id=text)
        try:
            data = json.loads(text)
            return cls(**{key: data.get(key) for key in _REF_FIELDS}, event_id=str(data["event_id"]))
        except (ValueError, KeyError, TypeError):
            return cls(event_id=text)  # not one of ours: an event id that happens to start with "{"

    def text(self) -> str:
        values = {key: getattr(self, key) for key in ("event_id", *_REF_FIELDS)}
        present = {key: value for key, value in values.items() if value is not None}
        return json.dumps(present, ensure_ascii=False, sort_keys=True)

    def find(self, events: Sequence[Event]) -> Event | None:
        """The event among `events` (its article's current events) this refers to, if one is clearly it.

        The clues of `_CLUES` are tried in turn; the first that singles out one event wins. An article
        coded again with other words in its lexicon mostly keeps its happenings, at the same words.
        """
        candidates = [(EventRef.of(event), event) for event in events]
        for clue in _CLUES:
            if any(getattr(self, name) is None for name in clue):
                continue
            found = [e for ref, e in candidates if all(getattr(ref, n) == getattr(self, n) for n in clue)]
            if len(found) == 1:
                return found[0]
        return None


_REF_FIELDS = ("article_id", "sub_event_type", "trigger", "event_date", "location")
#: what must be equal for a current event to be the one referred to, the most telling first: the same
#: id; the same trigger word and type; the same trigger word; the same type, date and place; the same
#: type; nothing (the article's only event).
_CLUES: tuple[tuple[str, ...], ...] = (
    ("event_id",),
    ("trigger", "sub_event_type"),
    ("trigger",),
    ("sub_event_type", "event_date", "location"),
    ("sub_event_type",),
    (),
)


def resolve_refs(
    texts: Iterable[str], events_of: Callable[[str], Iterable[Event]] | None
) -> Mapping[str, str]:
    """Stored reference text -> the current id of its event (the stored id when it cannot be found).

    `events_of(article_id)` gives an article's current events; without it, the stored ids are used.
    """
    refs = {text: EventRef.parse(text) for text in set(texts)}
    if events_of is None:
        return {text: ref.event_id for text, ref in refs.items()}
    articles = sorted({ref.article_id for ref in refs.values() if ref.article_id is not None})
    current = {article: list(events_of(article)) for article in articles}
    resolved = {}
    for text, ref in refs.items():
        found = ref.find(current[ref.article_id]) if ref.article_id is not None else None
        resolved[text] = found.event_id if found is not None else ref.event_id
    return resolved


def constraints_from(
    decisions: Sequence[ClusterDecision],
    existing: Sequence[Sequence[str]] = (),
    *,
    store: EventStore | None = None,
) -> Constraints:
    """The constraints of the stored decisions (the latest on each pair), plus `existing` clusters.

    With `store`, each decided event is looked for among its article's current events, so that
    decisions hold after the article is coded again (new event ids); without, by the stored ids.
    """
    events_of = (lambda article_id: store.events(article_id=article_id)) if store is not None else None
    current = resolve_refs((t for d in decisions for t in (d.event_a, d.event_b)), events_of)
    latest: dict[tuple[str, str], str] = {}
    for decision in decisions:
        a, b = current[decision.event_a], current[decision.event_b]
        if a != b:
            latest[_pair(a, b)] = decision.kind
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
        decisions=[("split", *_pair(_ref(a), _ref(b))) for a in going for b in staying],
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
        ("merge", *_pair(_ref(a), _ref(b)))
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


def _ref(event: Event) -> str:
    return EventRef.of(event).text()


def _pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a <= b else (b, a)
