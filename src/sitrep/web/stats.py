"""Counts for the page's timeline and summaries: events by week and type, by country, by factuality.

Two grouped queries over the filtered listing (by day and type; by country, factuality and whether
the event has coordinates); weeks are formed in Python so the SQL stays the same on every database.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.engine import Connection

from sitrep.taxonomy import EVENT_TYPES
from sitrep.web.params import EventFilters
from sitrep.web.queries import branches, union
from sitrep.web.state import Scope

#: the longest run of weeks filled in with empty weeks; beyond it only weeks with events are listed.
MAX_FILLED_WEEKS = 1040


def event_stats(conn: Connection, filters: EventFilters, scope: Scope) -> dict[str, Any]:
    """Totals of the filtered listing, by week (Monday) and event type, country and factuality."""
    listing = union(branches(filters, scope, with_record=False))
    c = listing.c
    by_day = conn.execute(
        select(c.event_date, c.event_type, func.count()).group_by(c.event_date, c.event_type)
    ).all()
    located = case((c.latitude.is_(None), 0), (c.longitude.is_(None), 0), else_=1).label("located")
    by_place = conn.execute(
        select(c.country, c.factuality, located, func.count()).group_by(c.country, c.factuality, located)
    ).all()
    countries: Counter[str] = Counter()
    factuality: Counter[str] = Counter()
    unlocated = 0
    for country, fact, is_located, n in by_place:
        countries[country or "unknown"] += n
        factuality[fact or "unknown"] += n
        unlocated += 0 if is_located else n
    by_type: Counter[str] = Counter()
    for _, event_type, n in by_day:
        by_type[event_type] += n
    return {
        "total": sum(countries.values()),
        "unlocated": unlocated,
        "event_types": list(EVENT_TYPES),
        "by_week": _weeks(by_day),
        "by_type": dict(by_type.most_common()),
        "by_country": dict(countries.most_common()),
        "by_factuality": dict(factuality.most_common()),
    }


def week_of(day: date) -> date:
    """The Monday that starts the ISO week of `day`."""
    return day - timedelta(days=day.weekday())


def _weeks(by_day: list[Any]) -> list[dict[str, Any]]:
    """One entry per week from the first to the last with events: its Monday, total and types."""
    weeks: dict[date, Counter[str]] = {}
    for day, event_type, n in by_day:
        try:
            monday = week_of(date.fromisoformat(str(day)[:10]))
        except ValueError:
            continue  # an undated record has no week
        weeks.setdefault(monday, Counter())[event_type] += n
    if not weeks:
        return []
    first, last = min(weeks), max(weeks)
    span = (last - first).days // 7 + 1
    mondays = [first + timedelta(weeks=k) for k in range(span)] if span <= MAX_FILLED_WEEKS else sorted(weeks)
    return [
        {
            "week": monday.isoformat(),
            "total": sum(weeks.get(monday, Counter()).values()),
            "by_type": dict(weeks.get(monday, Counter())),
        }
        for monday in mondays
    ]
