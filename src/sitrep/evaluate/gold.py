"""Gold articles (event-record.md §2): read and checked line by line.

A gold file is the yardstick of every score, so a mistake in it is rejected with
the file, the line and what to change, never silently scored.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sitrep.errors import GoldFormatError
from sitrep.taxonomy import EVENT_TYPES, FACTUALITY_VALUES, SUB_EVENT_TYPES


@dataclass(frozen=True)
class GoldArticle:
    """One hand-coded article: its text and the events an analyst coded in it."""

    id: str
    text: str
    published: str | None = None
    source: str | None = None
    url: str | None = None
    language: str | None = None
    #: the coded events; empty for a negative article (nothing in it should be coded).
    events: tuple[dict[str, Any], ...] = ()
    #: articles with the same value report the same events.
    cluster: str | None = None

    @property
    def is_negative(self) -> bool:
        return not self.events

    def to_input(self) -> dict[str, Any]:
        """The article as the extractor reads it: no gold events, no cluster."""
        return {
            "id": self.id,
            "text": self.text,
            "url": self.url,
            "source": self.source,
            "published": self.published,
            "language": self.language,
        }


def read_gold(path: str | Path) -> list[GoldArticle]:
    """Read a gold JSONL file; raise GoldFormatError at the first line that breaks the contract."""
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError as exc:
        raise GoldFormatError(f"{path}: no such gold file; give the path of a JSONL gold set") from exc
    except UnicodeDecodeError as exc:
        raise GoldFormatError(f"{path}: not UTF-8 text ({exc.reason}); save the gold file as UTF-8") from exc
    except OSError as exc:
        raise GoldFormatError(f"{path}: cannot be read ({exc.strerror})") from exc
    articles: list[GoldArticle] = []
    first_line: dict[str, int] = {}
    for number, line in enumerate(raw.splitlines(), start=1):
        if not line.strip():
            continue
        article = _parse_line(line, where=f"{path}:{number}")
        if article.id in first_line:
            raise GoldFormatError(
                f"{path}:{number}: article id {article.id!r} already used on line {first_line[article.id]}; "
                "give every gold article its own id"
            )
        first_line[article.id] = number
        articles.append(article)
    if not articles:
        raise GoldFormatError(f"{path}: no gold articles in the file; write one JSON object per line")
    return articles


def json_object(line: str, *, where: str) -> dict[str, Any]:
    """One line of a gold file: a JSON object, or a GoldFormatError naming `where`."""
    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        raise GoldFormatError(f"{where}: broken JSON ({exc.msg} at column {exc.colno})") from exc
    if not isinstance(data, dict):
        raise GoldFormatError(f"{where}: expected a JSON object per line, got {type(data).__name__}")
    return data


def _parse_line(line: str, *, where: str) -> GoldArticle:
    data = json_object(line, where=where)
    for key in ("id", "text"):
        if not isinstance(data.get(key), str) or not data[key].strip():
            raise GoldFormatError(f"{where}: missing {key!r}; every gold article needs a non-empty {key!r}")
    events = data.get("events")
    if not isinstance(events, list):
        # A missing list would score as a negative article, which is rarely what the author meant.
        raise GoldFormatError(
            f"{where}: 'events' must be a list; write \"events\": [] for an article that reports no event"
        )
    for index, event in enumerate(events, start=1):
        _check_event(event, where=f"{where}: event {index}")
    cluster = data.get("cluster")
    return GoldArticle(
        id=data["id"],
        text=data["text"],
        published=_optional_str(data.get("published")),
        source=_optional_str(data.get("source")),
        url=_optional_str(data.get("url")),
        language=_optional_str(data.get("language")),
        events=tuple(dict(event) for event in events),
        cluster=None if cluster is None or cluster == "" else str(cluster),
    )


def _check_event(event: Any, *, where: str) -> None:
    if not isinstance(event, dict):
        raise GoldFormatError(f"{where}: expected a JSON object, got {type(event).__name__}")
    event_type = event.get("event_type")
    sub_type = event.get("sub_event_type")
    if event_type is not None and event_type not in EVENT_TYPES:
        raise GoldFormatError(
            f"{where}: unknown event_type {event_type!r}; use one of {', '.join(EVENT_TYPES)}"
        )
    if sub_type is not None and sub_type not in SUB_EVENT_TYPES:
        raise GoldFormatError(
            f"{where}: unknown sub_event_type {sub_type!r}; spell it exactly as in event-record.md §1"
        )
    if event_type is not None and sub_type is not None and SUB_EVENT_TYPES[sub_type] != event_type:
        raise GoldFormatError(
            f"{where}: sub_event_type {sub_type!r} belongs to {SUB_EVENT_TYPES[sub_type]!r}, "
            f"not to {event_type!r}"
        )
    event_date = event.get("event_date")
    if event_date is not None and not _is_iso_day(event_date):
        raise GoldFormatError(f"{where}: bad event_date {event_date!r}; write a real day as YYYY-MM-DD")
    precision = event.get("time_precision")
    if precision is not None and (isinstance(precision, bool) or precision not in (1, 2, 3)):
        raise GoldFormatError(
            f"{where}: bad time_precision {precision!r}; use 1 (day), 2 (week) or 3 (month)"
        )
    factuality = event.get("factuality")
    if factuality is not None and factuality not in FACTUALITY_VALUES:
        raise GoldFormatError(
            f"{where}: unknown factuality {factuality!r}; use one of {', '.join(FACTUALITY_VALUES)}"
        )


def _is_iso_day(value: Any) -> bool:
    if not isinstance(value, str) or len(value) != 10:
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _optional_str(value: Any) -> str | None:
    return None if value is None else str(value)
