"""Date expressions in French text, resolved against the publication date.

Works on the raw article text (character offsets), driven by the `dates`
lexicon: weekdays, months, relative days and periods. Resolution follows ACLED:
time_precision 1 for a known day, 2 for a known week (coded mid-week), 3 for a
known month (coded mid-month).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from sitrep.normalize import fold


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    text: str
    #: the resolved day, or None when it cannot be resolved (e.g. a weekday with no publication date).
    value: date | None
    precision: int
    #: the expression names a year or a month clearly before the publication: background, not news.
    past: bool = False


@dataclass(frozen=True)
class _Patterns:
    explicit: re.Pattern[str]
    night: re.Pattern[str]
    weekday: re.Pattern[str]
    relative: re.Pattern[str]
    period: re.Pattern[str]
    month: re.Pattern[str]
    #: a month with its year, whatever comes before it: "le coup d'État de juillet 2023"
    month_year: re.Pattern[str]
    year: re.Pattern[str]
    weekdays: tuple[str, ...]
    months: Mapping[str, int]
    relative_days: Mapping[str, int]
    periods: Mapping[str, tuple[int, int]]
    past_markers: frozenset[str]
    overnight_first: bool
    #: "le lendemain" and the like: days after the date told just before them.
    following: re.Pattern[str] = re.compile(r"(?!x)x")
    following_days: Mapping[str, int] = field(default_factory=dict)
    #: "a indiqué mercredi": a day of telling just after these words, which no day is counted from.
    telling: re.Pattern[str] = re.compile(r"(?!x)x")
    #: "de cette année-là" right after a day or a month: the year named last before it.
    that_year: re.Pattern[str] = re.compile(r"(?!x)x")
    #: "de l'année dernière" right after a day or a month: the year before the publication's.
    last_year: re.Pattern[str] = re.compile(r"(?!x)x")
    #: "il y a trois jours": a count of units back from publication.
    ago: re.Pattern[str] = re.compile(r"(?!x)x")
    ago_units: Mapping[str, tuple[int, int]] = field(default_factory=dict)
    ago_numbers: Mapping[str, int] = field(default_factory=dict)
    ago_vague: frozenset[str] = frozenset()


#: Days after a month's end from which a month named with no day is the past, not the news.
_MONTH_GONE_DAYS = 21


def _alternation(words: Any) -> str:
    # Longest first, so "hier soir" wins over "hier"; matched against folded text.
    return "|".join(sorted({re.escape(fold(w)) for w in words}, key=len, reverse=True))


def _compile(lexicon: Mapping[str, Any]) -> _Patterns:
    weekdays = tuple(fold(w) for w in lexicon["weekdays"])
    months = {fold(k): int(v) for k, v in dict(lexicon["months"]).items()}
    relative_days = {fold(k): int(v) for k, v in dict(lexicon.get("relative_days", {})).items()}
    periods = {
        fold(k): (int(v["days"]), int(v["precision"]))
        for k, v in dict(lexicon.get("relative_periods", {})).items()
    }
    following = {fold(k): int(v) for k, v in dict(lexicon.get("following_days", {})).items()}
    wd, mo = _alternation(weekdays), _alternation(months)
    past = frozenset(fold(w) for w in lexicon.get("past_markers", ()))
    future = frozenset(fold(w) for w in lexicon.get("future_markers", ()))
    after = rf"(?:(?P<past>{_alternation(past)})|(?P<next>{_alternation(future) if future else '(?!x)x'}))"
    year = r"(?P<year>(?:19|20)\d\d)"
    # After a month, an older year too ("le 18 juin 1815", "en mars 1871"): a bare "de 1500" is a count
    dated_year = r"(?P<year>(?:1[5-9]|20)\d\d)"
    ago_units = {
        fold(k): (int(v["days"]), int(v["precision"])) for k, v in dict(lexicon.get("ago_units", {})).items()
    }
    ago_numbers = {fold(k): int(v) for k, v in dict(lexicon.get("ago_numbers", {})).items()}
    ago = re.compile(r"(?!x)x")
    if ago_units and lexicon.get("ago_openings"):
        count = rf"(?P<count>\d{{1,3}}|{_alternation(ago_numbers)})" if ago_numbers else r"(?P<count>\d{1,3})"
        ago = re.compile(
            rf"\b(?:{_alternation(lexicon['ago_openings'])})\s+(?:pres\s+d\W?|plus\s+d\W?|environ\s+)?"
            rf"{count}\s+(?P<unit>{_alternation(ago_units)})\b"
        )
    return _Patterns(
        ago=ago,
        ago_units=ago_units,
        ago_numbers=ago_numbers,
        ago_vague=frozenset(fold(w) for w in lexicon.get("ago_vague", ())),
        explicit=re.compile(
            rf"\b(?:(?P<wd>{wd})\s+)?(?P<day>\d{{1,2}}|1er)\s+(?P<month>{mo})(?:\s+{dated_year})?\b"
        ),
        night=re.compile(rf"\bnuit\s+(?:du|de)\s+(?P<wd1>{wd})\s+(?:au|a)\s+(?P<wd2>{wd})\b"),
        # not "dimanche 27 juin" (an explicit date), but "ont enlevé dimanche 27 habitants" is Sunday
        weekday=re.compile(rf"\b(?P<wd>{wd})(?:\s+{after})?\b(?!\s+(?:\d{{1,2}}|1er)\s+(?:{mo})\b)"),
        relative=re.compile(rf"\b(?:{_alternation(relative_days)})\b"),
        period=re.compile(rf"\b(?:{_alternation(periods)})\b") if periods else re.compile(r"(?!x)x"),
        month=re.compile(
            rf"\b(?:en|depuis|debut|fin|mi|courant|mois de|mois d|a partir de|des)\s+(?P<month>{mo})"
            rf"(?:\s+{dated_year})?\b"
        ),
        month_year=re.compile(rf"\b(?P<month>{mo})\s+{dated_year}\b"),
        # ("remonte à 2014", "de 2012 à 2014": "à" folded)
        year=re.compile(rf"\b(?:en|depuis|de|des|a|annee|annees)\s+{year}\b"),
        weekdays=weekdays,
        months=months,
        relative_days=relative_days,
        periods=periods,
        past_markers=past,
        overnight_first=str(lexicon.get("overnight_day", "first")) == "first",
        following=re.compile(rf"\b(?:{_alternation(following)})\b") if following else re.compile(r"(?!x)x"),
        following_days=following,
        telling=(
            re.compile(rf"\b(?:{_alternation(lexicon['telling_words'])})\s+$")
            if lexicon.get("telling_words")
            else re.compile(r"(?!x)x")
        ),
        that_year=(
            re.compile(rf"\s*,?\s*(?:{_alternation(lexicon['that_year'])})\b")
            if lexicon.get("that_year")
            else re.compile(r"(?!x)x")
        ),
        last_year=(
            re.compile(rf"\s*,?\s*(?:{_alternation(lexicon['last_year'])})\b")
            if lexicon.get("last_year")
            else re.compile(r"(?!x)x")
        ),
    )


def _last_weekday(published: date, weekday: int, *, strictly_before: bool) -> date:
    delta = (published.weekday() - weekday) % 7
    if delta == 0 and strictly_before:
        delta = 7
    return published - timedelta(days=delta)


def next_weekday(published: date, weekday: int) -> date:
    """The first such weekday after publication ("samedi prochain")."""
    return published + timedelta(days=(weekday - published.weekday()) % 7 or 7)


def _fold_keep_offsets(text: str) -> str:
    """fold() that keeps one character per input character, so offsets carry over."""
    return "".join(map(_fold_char, text))


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    f = fold(ch)
    return f[0] if f else (" " if not ch.isalnum() else ch.lower())


class DateReader:
    """Finds date expressions; built once from a `dates` lexicon, then used for every article."""

    def __init__(self, lexicon: Mapping[str, Any]):
        self._patterns = _compile(lexicon)

    def find(self, text: str, *, published: date | None, published_precision: int = 1) -> list[DateMention]:
        """Every date expression of `text`, resolved against `published` where possible."""
        return _find(self._patterns, text, published, published_precision)


def _find(p: _Patterns, text: str, published: date | None, published_precision: int) -> list[DateMention]:
    folded = _fold_keep_offsets(text)
    mentions: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def add(m: re.Match[str], value: date | None, precision: int, past: bool = False) -> None:
        s, e = m.span()
        if any(s < te and ts < e for ts, te in taken):
            return
        taken.append((s, e))
        mentions.append(DateMention(s, e, text[s:e], value, precision, past))

    day_known = published is not None and published_precision == 1
    # The latest day the article can have been written: its day, or the end of its month.
    latest = published
    if published is not None and published_precision != 1:
        latest = (published.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    for m in p.explicit.finditer(folded):
        if "-" in text[m.end("day") : m.start("month")]:
            continue  # "le stade du 28-Septembre", "le boulevard du 30-Juin": a name, not a day
        month_word = text[m.start("month") : m.end("month")]
        if month_word.istitle() and _OF_BEFORE.search(folded[max(0, m.start() - 4) : m.start()]):
            continue  # "l'avenue du 30 Juin", "la place du 2 Octobre": a capital month names a street
        day = 1 if m["day"] == "1er" else int(m["day"])
        month = p.months[m["month"]]
        named = m["year"] or _year_told_before(p, folded, m) or _last_year(p, folded, m, published)
        year = int(named) if named else (published.year if published else None)
        if year is None:
            add(m, None, 1)
            continue
        try:
            value = date(year, month, day)
        except ValueError:
            continue
        if not named and latest and value > latest + timedelta(days=7):
            value = value.replace(year=year - 1)  # "le 28 décembre" read in January
        add(m, value, 1, past=bool(latest and (latest - value).days > 60))
    for m in p.night.finditer(folded):
        value = None
        if day_known:
            # the later day of the night is on or before publication
            second = _last_weekday(published, p.weekdays.index(m["wd2"]), strictly_before=False)
            value = second - timedelta(days=1) if p.overnight_first else second
        add(m, value, 1 if value else 2)
    for m in p.weekday.finditer(folded):
        value = None
        if day_known and m["next"]:
            value = next_weekday(published, p.weekdays.index(m["wd"]))
        elif day_known:
            value = _last_weekday(published, p.weekdays.index(m["wd"]), strictly_before=bool(m["past"]))
        add(m, value, 1 if value else 2)
    for m in p.relative.finditer(folded):
        key = re.sub(r"\s+", " ", m.group(0))
        value = published + timedelta(days=p.relative_days[key]) if day_known else None
        add(m, value, 1 if value else 3)
    for m in p.ago.finditer(folded):
        # "enlevé il y a un an": so many days back from publication, as precise as its unit
        count = int(m["count"]) if m["count"].isdigit() else p.ago_numbers[m["count"]]
        days, precision = p.ago_units[m["unit"]]
        if m["count"] in p.ago_vague:
            precision = max(precision, 2)  # "il y a quelques jours": that week, not a day
        value = published - timedelta(days=count * days) if published else None
        add(m, value, precision if day_known or precision > 1 else 2, past=count * days > 60)
    for m in p.period.finditer(folded):
        days, precision = p.periods[re.sub(r"\s+", " ", m.group(0))]
        add(m, published + timedelta(days=days) if published else None, precision)
    for m in [*p.month.finditer(folded), *p.month_year.finditer(folded)]:
        month = p.months[m["month"]]
        named = m["year"] or _year_told_before(p, folded, m) or _last_year(p, folded, m, published)
        year = int(named) if named else (published.year if published else None)
        if year is None:
            continue
        value = date(year, month, 15)
        if not named and latest and value > latest + timedelta(days=31):
            value = value.replace(year=year - 1)
        # (past once the month ended three weeks before the news: "Kiev a lancé en août une incursion",
        # read on 27 September, recalls it)
        month_end = (value.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
        add(m, value, 3, past=bool(latest and (latest - month_end).days > _MONTH_GONE_DAYS))
    for m in p.year.finditer(folded):
        year = int(m["year"])
        past = bool(published and year < published.year)
        add(m, date(year, 7, 1), 3, past=past)
    mentions.sort(key=lambda d: d.start)
    return _following_days(p, folded, text, mentions, latest, published if day_known else None)


def _year_told_before(p: _Patterns, folded: str, m: re.Match[str]) -> str | None:
    """ "En 2019, ... Le 3 juin de cette année-là": the year named last before a day or a month
    that "de cette année-là" follows; None when no such words follow, or no year came before."""
    if not p.that_year.match(folded, m.end()):
        return None
    years = A_YEAR.findall(folded, 0, m.start())
    return years[-1] if years else None


def _last_year(p: _Patterns, folded: str, m: re.Match[str], published: date | None) -> str | None:
    """ "le 15 août de l'année dernière": the year before the publication's, when those words follow."""
    if published is None or not p.last_year.match(folded, m.end()):
        return None
    return str(published.year - 1)


#: A year written in a text ("le 3 août 2023", "En 2019"), as the date patterns read one.
A_YEAR = re.compile(r"\b(?:1[5-9]|20)\d\d\b")

#: How many characters before a day a word of telling may stand ("a indiqué mercredi").
_TELLING_REACH = 40

#: "du", "de" just before a day: with a capitalised month, the name of a street or a square.
_OF_BEFORE = re.compile(r"\b(?:du|de)\s+$")

_OF_SOMETHING = re.compile(r"\s+(?:de|du|des|d['’])(?=\W|$)", re.IGNORECASE)


def _following_days(
    p: _Patterns,
    folded: str,
    text: str,
    mentions: list[DateMention],
    latest: date | None,
    published: date | None,
) -> list[DateMention]:
    """ "Le lendemain, des frappes ont visé ...": a day counted from the day told just before. A day
    counted back ("la veille") may also count from the day its own sentence tells after it ("tués la
    veille, a annoncé mercredi l'armée"), or else from publication (the dateline's "la veille")."""
    found = list(mentions)

    def told(d: DateMention) -> bool:
        # "a indiqué mercredi": the day it was told (folded text, so the words match folded)
        return bool(p.telling.search(folded[max(0, d.start - _TELLING_REACH) : d.start]))

    for m in p.following.finditer(folded):
        s, e = m.span()
        if any(s < d.end and d.start < e for d in mentions) or _OF_SOMETHING.match(text, e):
            continue  # not "le lendemain de l'embuscade": that day counts from the embuscade's
        offset = p.following_days[m.group()]
        if offset < 0 and any(
            d.start >= e and d.value is not None and "." not in text[e : d.start] and not told(d)
            for d in mentions
        ):
            continue  # "La veille, dans la nuit de lundi à mardi, ...": the sentence's own day says it
        days_before = [d for d in found if d.end <= s and d.value is not None and d.precision == 1]
        before = [d for d in days_before if not told(d)]
        # a day of telling only when nothing else is told before ("a démenti mercredi les rumeurs ...
        # qui circulaient depuis la veille"), and never for a day counted forward
        telling_before = [d for d in days_before if told(d)]
        after = [
            d
            for d in found
            if d.start >= e and d.value is not None and d.precision == 1 and "." not in text[e : d.start]
        ]
        if before:
            base_day, past = _day_of(max(before, key=lambda d: d.end))
        elif offset < 0 and after:
            base_day, past = _day_of(min(after, key=lambda d: d.start))
        elif offset < 0 and telling_before:
            base_day, past = _day_of(max(telling_before, key=lambda d: d.end))
        elif offset < 0 and published is not None:
            base_day, past = published, False
        else:
            continue
        value = base_day + timedelta(days=offset)
        if latest is not None and value > latest:
            continue  # a day after the article was written is another reading
        found.append(DateMention(s, e, text[s:e], value, 1, past))
        found.sort(key=lambda d: d.start)
    return found


def _day_of(mention: DateMention) -> tuple[date, bool]:
    assert mention.value is not None
    return mention.value, mention.past


def mid_period(value: date, precision: int) -> date:
    """ACLED codes a week-only date mid-week and a month-only date mid-month."""
    if precision == 2:
        return value - timedelta(days=value.weekday()) + timedelta(days=2)  # Wednesday
    if precision == 3:
        return value.replace(day=15)
    return value
