"""One canonical event from the records of every article that reports a happening.

- date and place: the most precise among the reports (lowest time_precision / geo_precision), the
  value most reports give at that precision;
- type: the sub-event type most reports give (ties: the most factual report's);
- fatalities: ACLED's conservative rule, the lowest toll any report that happened gives, with the
  range kept in `fatalities_low` / `fatalities_high`;
- factuality: the strongest among the reports (asserted > reported > unconfirmed > denied >
  hypothetical): a rumour that another outlet states as fact is asserted;
- `sources`: every article with its outlet and its own factuality; `corroboration`: how many
  distinct outlets, how many of them independent of the parties to the conflict, and whether
  only parties tell it.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import replace
from typing import Any
from urllib.parse import urlsplit

from sitrep.dedup.knowledge import Parties, folded, folded_actor, load_parties, load_type_matching
from sitrep.records import Event, Source
from sitrep.taxonomy import SUB_EVENT_TYPES, interaction_code

#: strongest first; a merged event takes the strongest factuality of its sources.
FACTUALITY_RANK: tuple[str, ...] = ("asserted", "reported", "unconfirmed", "denied", "hypothetical")
_RANK_OF = {value: rank for rank, value in enumerate(FACTUALITY_RANK)}
_PLACE_FIELDS = ("country", "iso2", "admin1", "admin2", "location", "latitude", "longitude", "geonameid")
#: confidence gained per independent outlet beyond the first.
_CONFIDENCE_PER_OUTLET = 0.05
_MAX_CONFIDENCE = 0.99


def cluster_id_for(event_ids: Iterable[str]) -> str:
    """A stable id for the cluster of these events (the same set always gets the same id)."""
    digest = hashlib.sha256("\n".join(sorted(event_ids)).encode("utf-8")).hexdigest()
    return f"cl-{digest[:16]}"


def merge_cluster(
    events: Sequence[Event], *, event_id: str | None = None, parties: Parties | None = None
) -> Event:
    """The canonical event of records that report one happening (one record gives itself, with sources)."""
    if not events:
        raise ValueError("merge_cluster needs at least one event")
    parties = parties or load_parties()
    ranked = sorted(events, key=_strength)  # the strongest report first: it wins ties below
    lead = ranked[0]
    sources = _sources(ranked)
    first = sources[0]
    dated = _most_precise(ranked, lambda e: e.time_precision, lambda e: e.event_date)
    placed = _most_precise(
        [e for e in ranked if e.location or e.latitude is not None] or ranked,
        lambda e: e.geo_precision,
        lambda e: (e.location, e.latitude, e.longitude),
    )
    sub_event_type = _most_common(ranked, lambda e: e.sub_event_type)
    low, high = _fatality_range(events)
    factuality = min((s.factuality for s in sources), key=_factuality_rank)
    corroboration = _corroboration(events, sources, parties)
    return replace(
        lead,
        event_id=event_id or cluster_id_for(e.event_id for e in events),
        article_id=first.article_id,
        source=first.source,
        source_url=first.source_url,
        published=first.published,
        event_date=dated.event_date,
        time_precision=dated.time_precision,
        sub_event_type=sub_event_type,
        event_type=SUB_EVENT_TYPES.get(sub_event_type, lead.event_type),
        geo_precision=placed.geo_precision,
        fatalities=low,
        factuality=factuality,
        sources=tuple(sources),
        evidence=tuple(ev for e in events for ev in e.evidence),
        confidence=_confidence(events, corroboration["independent_outlets"]),
        **{name: getattr(placed, name) for name in _PLACE_FIELDS},
        **_actors(ranked, sub_event_type),
        extra={
            **lead.extra,
            "fatalities_low": low,
            "fatalities_high": high,
            "corroboration": corroboration,
            "member_event_ids": sorted(e.event_id for e in events),
        },
    )


def _factuality_rank(value: str) -> int:
    return _RANK_OF.get(value, len(FACTUALITY_RANK))


def _strength(event: Event) -> tuple[Any, ...]:
    """Sort key: the most factual, precise and confident report first."""
    return (
        _factuality_rank(event.factuality),
        event.time_precision,
        event.geo_precision,
        -event.confidence,
        event.published or "9999",
        event.event_id,
    )


def _sources(events: Sequence[Event]) -> list[Source]:
    """One source per article (its strongest factuality), in order of publication."""
    best: dict[str, Source] = {}
    for event in events:
        own = event.sources or (
            Source(
                article_id=event.article_id,
                source=event.source,
                source_url=event.source_url,
                published=event.published,
                factuality=event.factuality,
            ),
        )
        for source in own:
            known = best.get(source.article_id)
            if known is None or _factuality_rank(source.factuality) < _factuality_rank(known.factuality):
                best[source.article_id] = source
    return sorted(best.values(), key=lambda s: (s.published or "9999", s.article_id))


def _most_precise(
    ranked: Sequence[Event], precision: Callable[[Event], int], value: Callable[[Event], Hashable]
) -> Event:
    """Among the events of the best (lowest) precision, one giving the value most of them give."""
    best = min(precision(e) for e in ranked)
    candidates = [e for e in ranked if precision(e) == best]
    counts = Counter(value(e) for e in candidates)
    return max(candidates, key=lambda e: counts[value(e)])  # max keeps the first (strongest) of a tie


def _most_common(ranked: Sequence[Event], value: Callable[[Event], str]) -> str:
    """The value most events give; of a tie, the one the strongest report gives first."""
    counts = Counter(value(e) for e in ranked)
    return max(counts, key=counts.__getitem__)


def _fatality_range(events: Sequence[Event]) -> tuple[int, int]:
    """ACLED's conservative toll: the lowest reported figure; a report without deaths is no figure."""
    happened = [e for e in events if e.factuality not in ("denied", "hypothetical")] or list(events)
    tolls = [e.fatalities for e in happened if e.fatalities > 0]
    return (min(tolls), max(tolls)) if tolls else (0, 0)


def _actors(ranked: Sequence[Event], sub_event_type: str) -> dict[str, Any]:
    """The lead report's actors, where vague made definite by another report of the same type.

    A vague actor takes the place of a definite one of its kind only ("armed men" may be the JNIM
    another outlet names, not the army it names).
    """
    matching = load_type_matching()
    lead = ranked[0]
    same_type = [e for e in ranked if e.sub_event_type == sub_event_type]
    chosen: dict[str, Any] = {}
    for slot, inter in (("actor1", "inter1"), ("actor2", "inter2")):
        name, code = getattr(lead, slot), getattr(lead, inter)
        vague = not name or folded_actor(name) in matching.vague_actors
        if vague:
            kind = matching.actor_kind(folded_actor(name), code) if name else 0
            definite = next((e for e in same_type if _may_name(e, slot, inter, kind)), None)
            if definite is not None:
                name, code = getattr(definite, slot), getattr(definite, inter)
        chosen[slot], chosen[inter] = name, code
    chosen["interaction"] = interaction_code(chosen["inter1"], chosen["inter2"])
    return chosen


def _may_name(event: Event, slot: str, inter: str, kind: int) -> bool:
    """Whether `event` names a definite actor in `slot` that a vague actor of `kind` may stand for."""
    matching = load_type_matching()
    name = getattr(event, slot)
    if not name or folded_actor(name) in matching.vague_actors:
        return False
    own = matching.actor_kind(folded_actor(name), getattr(event, inter))
    return kind == 0 or own == 0 or own == kind


def outlet_of(source: Source) -> str:
    """Who published it: the folded outlet name, else the URL's host, else the article itself."""
    if source.source and folded(source.source):
        return folded(source.source)
    host = urlsplit(source.source_url or "").hostname
    return host.removeprefix("www.") if host else f"article {source.article_id}"


def _corroboration(events: Sequence[Event], sources: Sequence[Source], parties: Parties) -> dict[str, Any]:
    claims = {e.article_id: e.claimed_by for e in events}
    outlets: dict[str, bool] = {}
    for source in sources:
        outlet = outlet_of(source)
        from_party = parties.is_party_outlet(source.source) or (
            source.factuality != "asserted" and parties.is_party_claimant(claims.get(source.article_id))
        )
        # An outlet is independent when at least one of its articles does not rest on a party.
        outlets[outlet] = outlets.get(outlet, False) or not from_party
    independent = sum(outlets.values())
    return {"outlets": len(outlets), "independent_outlets": independent, "parties_only": independent == 0}


def _confidence(events: Sequence[Event], independent_outlets: int) -> float:
    best = max(e.confidence for e in events)
    gained = _CONFIDENCE_PER_OUTLET * max(0, independent_outlets - 1)
    return round(min(_MAX_CONFIDENCE, best + gained), 3)
