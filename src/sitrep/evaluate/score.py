"""Score predicted events against gold articles, exactly as event-record.md §3 says.

Per article, gold and predicted events are paired one to one, best pairs first; a
pair counts only when it *matches* (close enough in date and place). Detection is
scored over matched pairs, the coded fields over the matched pairs that have them.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime
from itertools import combinations
from math import isfinite
from types import MappingProxyType
from typing import Any

from sitrep.evaluate.gold import GoldArticle
from sitrep.evaluate.report import FIELD_LABELS, Confusion, Metric, Mismatch, Scorecard, SubTypeScore
from sitrep.geo.distance import haversine_km
from sitrep.normalize import fold, fold_actor
from sitrep.taxonomy import NOT_OCCURRED

DATE_WINDOW_DAYS = 3
MATCH_KM = 50.0
NEAR_KM = 10.0
#: cost of a missing or unlike place, in days: 50 km weighs as much as one day.
KM_PER_DAY = 50.0

Event = Mapping[str, Any]


def score(
    gold: Sequence[GoldArticle],
    predicted: Mapping[str, Sequence[Event]],
    *,
    predicted_clusters: Iterable[Collection[str]] | None = None,
) -> Scorecard:
    """Score `predicted` (article id -> event dicts) against `gold`.

    `predicted_clusters` groups article ids the system says report the same event; it is
    scored only when some gold article has a `cluster`, and None then means "nothing grouped".
    """
    counts: Counter[str] = Counter()
    trials: Counter[tuple[str, bool]] = Counter()
    by_sub: dict[str, Counter[str]] = defaultdict(Counter)
    errors: list[Mismatch] = []
    for article in gold:
        kept, ignored = _scored_predictions(article, predicted.get(article.id) or ())
        counts["ignored"] += ignored
        counts["predicted"] += len(kept)
        pairs = match_pairs(article.events, kept)
        counts["tp"] += len(pairs)
        if article.is_negative:
            counts["negative_articles"] += 1
            counts["negative_predictions"] += len(kept)
        for gi, pj in pairs:
            for name, agreed, gold_value, predicted_value, note in _trials(article.events[gi], kept[pj]):
                trials[name, agreed] += 1
                if not agreed:
                    errors.append(Mismatch(article.id, "wrong", name, gold_value, predicted_value, note))
        _count_sub_types(article.events, kept, pairs, by_sub)
        errors += _unpaired(article, kept, pairs)
    gold_events = sum(len(a.events) for a in gold)
    known = {a.id for a in gold}
    return Scorecard(
        articles=len(gold),
        negative_articles=counts["negative_articles"],
        gold_events=gold_events,
        predicted_events=counts["predicted"],
        ignored_predictions=counts["ignored"],
        detection=Confusion(counts["tp"], counts["predicted"] - counts["tp"], gold_events - counts["tp"]),
        fields=MappingProxyType(
            {
                name: Metric.rate(trials[name, True], trials[name, True] + trials[name, False])
                for name, _ in FIELD_LABELS
            }
        ),
        negatives=Metric.rate(counts["negative_predictions"], counts["negative_articles"]),
        clusters=_cluster_confusion(gold, predicted_clusters),
        by_sub_event_type=MappingProxyType(
            {
                sub: SubTypeScore(
                    sub, Metric.rate(c["found"], c["gold"]), Metric.rate(c["right"], c["found"])
                )
                for sub, c in sorted(by_sub.items())
            }
        ),
        errors=tuple(errors),
        unknown_article_ids=tuple(sorted(k for k, v in predicted.items() if k not in known and v)),
    )


def _scored_predictions(article: GoldArticle, raw: Sequence[Event]) -> tuple[list[Event], int]:
    """Predictions that take part in detection, and how many were set aside.

    A denied or hypothetical prediction is the extractor being careful, not a false
    alarm, unless the gold codes such events too: then it must be matched like any other.
    """
    events = list(raw)
    if any(g.get("factuality") in NOT_OCCURRED for g in article.events):
        return events, 0
    kept = [p for p in events if p.get("factuality") not in NOT_OCCURRED]
    return kept, len(events) - len(kept)


def match_pairs(gold_events: Sequence[Event], predictions: Sequence[Event]) -> list[tuple[int, int]]:
    """One-to-one (gold index, predicted index) pairs that match, cheapest first."""
    candidates = sorted(
        (_pair_key(g, p), gi, pj)
        for gi, g in enumerate(gold_events)
        for pj, p in enumerate(predictions)
        if events_match(g, p)
    )
    used_gold: set[int] = set()
    used_predicted: set[int] = set()
    pairs = []
    for _, gi, pj in candidates:
        if gi not in used_gold and pj not in used_predicted:
            used_gold.add(gi)
            used_predicted.add(pj)
            pairs.append((gi, pj))
    return pairs


def events_match(gold: Event, predicted: Event) -> bool:
    """The §3 match: close enough in date and in place."""
    return _dates_match(gold, predicted) and _places_match(gold, predicted)


def _dates_match(gold: Event, predicted: Event) -> bool:
    gold_day = _day(gold.get("event_date"))
    if gold_day is None:
        return True
    day = _day(predicted.get("event_date"))
    if day is None:
        return False
    if abs((day - gold_day).days) <= DATE_WINDOW_DAYS:
        return True
    # A gold event known only to the week or month cannot ask for more than that.
    precision = gold.get("time_precision")
    if precision == 2:
        return day.isocalendar()[:2] == gold_day.isocalendar()[:2]
    if precision == 3:
        return (day.year, day.month) == (gold_day.year, gold_day.month)
    return False


def _places_match(gold: Event, predicted: Event) -> bool:
    if not _has_place(gold):
        return True
    km = _distance(gold, predicted)
    if km is not None and km <= MATCH_KM:
        return True
    name = _place_name(gold)
    return bool(name) and name == _place_name(predicted)


def _pair_key(gold: Event, predicted: Event) -> tuple[float, bool, bool]:
    """Lower is better: date gap and distance, then same sub-type, then same type."""
    gold_day, day = _day(gold.get("event_date")), _day(predicted.get("event_date"))
    days = 0 if gold_day is None else abs((day - gold_day).days) if day else 10 * DATE_WINDOW_DAYS
    km = _distance(gold, predicted)
    if km is not None:
        place = km / KM_PER_DAY
    else:
        same_name = bool(_place_name(gold)) and _place_name(gold) == _place_name(predicted)
        place = 0.0 if same_name or not _has_place(gold) else 1.0
    return (
        days + place,
        gold.get("sub_event_type") != predicted.get("sub_event_type"),
        gold.get("event_type") != predicted.get("event_type"),
    )


def _trials(gold: Event, predicted: Event) -> Iterator[tuple[str, bool, Any, Any, str]]:
    """(metric, agreed, gold value, predicted value, note) for each field the gold codes."""
    for key in ("event_type", "sub_event_type", "factuality"):
        if gold.get(key) is not None:
            yield key, predicted.get(key) == gold[key], gold[key], predicted.get(key), ""
    if gold.get("event_date") is not None:
        same = _day(predicted.get("event_date")) == _day(gold["event_date"])
        yield "event_date", same, gold["event_date"], predicted.get("event_date"), ""
    km = _distance(gold, predicted)
    if km is not None:
        where = gold.get("location"), predicted.get("location"), f"{km:.1f} km apart"
        yield ("location_10km", km <= NEAR_KM, *where)
        yield ("location_50km", km <= MATCH_KM, *where)
    if gold.get("iso2") or gold.get("country"):
        yield (
            "country",
            _same_country(gold, predicted),
            gold.get("country") or gold.get("iso2"),
            predicted.get("country") or predicted.get("iso2"),
            "",
        )
    if gold.get("fatalities") is not None:
        same = _integer(predicted.get("fatalities")) == _integer(gold["fatalities"])
        yield "fatalities", same, gold["fatalities"], predicted.get("fatalities"), ""
    predicted_actors = {fold_actor(a) for a in (predicted.get("actor1"), predicted.get("actor2")) if a}
    for slot in ("actor1", "actor2"):
        if gold.get(slot):
            shown = [predicted.get("actor1"), predicted.get("actor2")]
            yield "actors", fold_actor(gold[slot]) in predicted_actors, gold[slot], shown, f"gold {slot}"
    if "claimed_by" in gold:
        agreed = claims_agree(gold["claimed_by"], predicted.get("claimed_by"))
        yield "claimed_by", agreed, gold["claimed_by"], predicted.get("claimed_by"), ""


def _same_country(gold: Event, predicted: Event) -> bool:
    if gold.get("iso2") and predicted.get("iso2"):
        return str(gold["iso2"]).upper() == str(predicted["iso2"]).upper()
    if gold.get("country") and predicted.get("country"):
        return fold(str(gold["country"])) == fold(str(predicted["country"]))
    return False


def claims_agree(gold: str | None, predicted: str | None) -> bool:
    """Same source of the claim: both absent, equal once folded, or the shorter's words all in the longer."""
    a, b = fold(gold or ""), fold(predicted or "")
    if not a or not b:
        return a == b
    if a == b:
        return True
    shorter, longer = sorted((a, b), key=len)
    content = {word for word in shorter.split() if len(word) > 2}
    # A short name with no content word ("EI") must not agree with everything vacuously.
    return bool(content) and content <= set(longer.split())


def _count_sub_types(
    gold_events: Sequence[Event],
    kept: Sequence[Event],
    pairs: list[tuple[int, int]],
    by_sub: dict[str, Counter[str]],
) -> None:
    paired = dict(pairs)
    for gi, g in enumerate(gold_events):
        sub = g.get("sub_event_type")
        if sub is None:
            continue
        by_sub[sub]["gold"] += 1
        if gi in paired:
            by_sub[sub]["found"] += 1
            by_sub[sub]["right"] += kept[paired[gi]].get("sub_event_type") == sub


def _unpaired(article: GoldArticle, kept: Sequence[Event], pairs: list[tuple[int, int]]) -> list[Mismatch]:
    """Missed gold events (with why the nearest prediction did not match) and spurious predictions."""
    paired_gold = {gi for gi, _ in pairs}
    paired_predicted = {pj for _, pj in pairs}
    found: list[Mismatch] = []
    for gi, g in enumerate(article.events):
        if gi in paired_gold:
            continue
        nearest = min(kept, key=lambda p: _pair_key(g, p), default=None)
        note = "no prediction in this article" if nearest is None else _why_not(g, nearest)
        found.append(
            Mismatch(
                article.id,
                "missed",
                None,
                describe_event(g),
                describe_event(nearest) if nearest else None,
                note,
            )
        )
    for pj, p in enumerate(kept):
        if pj not in paired_predicted:
            note = "the gold codes no event in this article" if article.is_negative else ""
            found.append(Mismatch(article.id, "spurious", None, None, describe_event(p), note))
    return found


def _why_not(gold: Event, predicted: Event) -> str:
    if not _dates_match(gold, predicted):
        gold_day, day = _day(gold.get("event_date")), _day(predicted.get("event_date"))
        return (
            f"nearest prediction is {abs((day - gold_day).days)} days off"
            if day and gold_day
            else "nearest prediction has no date"
        )
    if not _places_match(gold, predicted):
        km = _distance(gold, predicted)
        return (
            f"nearest prediction is {km:.0f} km away"
            if km is not None
            else "nearest prediction is at another place name"
        )
    return "nearest prediction was paired with another gold event"


def describe_event(event: Event) -> str:
    """A one-line view of an event for error lists: date, sub-type, place."""
    kind = event.get("sub_event_type") or event.get("event_type") or "?"
    return f"{event.get('event_date') or '?'} {kind} @ {event.get('location') or '?'}"


def _cluster_confusion(
    gold: Sequence[GoldArticle], predicted_clusters: Iterable[Collection[str]] | None
) -> Confusion | None:
    members: dict[str, list[str]] = defaultdict(list)
    for article in gold:
        if article.cluster is not None:
            members[article.cluster].append(article.id)
    if not members:
        return None
    known = {a.id for a in gold}
    gold_pairs = set().union(*(_id_pairs(ids) for ids in members.values()))
    predicted_pairs: set[tuple[str, str]] = set()
    for group in predicted_clusters or ():
        predicted_pairs |= _id_pairs(i for i in group if i in known)
    tp = len(gold_pairs & predicted_pairs)
    return Confusion(tp, len(predicted_pairs) - tp, len(gold_pairs) - tp)


def _id_pairs(ids: Iterable[str]) -> set[tuple[str, str]]:
    return set(combinations(sorted(set(ids)), 2))


def _day(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def _coords(event: Event) -> tuple[float, float] | None:
    try:
        lat, lon = float(event.get("latitude")), float(event.get("longitude"))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    if not (isfinite(lat) and isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    return lat, lon


def _distance(gold: Event, predicted: Event) -> float | None:
    a, b = _coords(gold), _coords(predicted)
    return None if a is None or b is None else haversine_km(*a, *b)


def _place_name(event: Event) -> str:
    name = event.get("location")
    return fold(name) if isinstance(name, str) else ""


def _has_place(event: Event) -> bool:
    return bool(_place_name(event)) or _coords(event) is not None


def _integer(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
