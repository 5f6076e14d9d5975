"""What the API's query parameters mean, checked once: filters, bounding boxes, sort orders and cursors.

Every check raises `ParameterError` naming the parameter, which the app answers with a 422; nothing
a client sends reaches SQL other than as a bound parameter.
"""

from __future__ import annotations

import base64
import binascii
import json
import math
from dataclasses import dataclass
from datetime import date
from typing import Any

from sitrep.errors import SitrepError
from sitrep.taxonomy import EVENT_TYPES, FACTUALITY_VALUES, SUB_EVENT_TYPES

#: sort orders of /api/events: a column, descending when prefixed with "-".
SORTS: tuple[str, ...] = ("-date", "date", "-fatalities", "fatalities")
#: longest text a filter value may have (names and words, not documents).
MAX_TEXT = 200


class ParameterError(SitrepError):
    """A query parameter that cannot be used as given; `parameter` names it."""

    def __init__(self, parameter: str, message: str):
        super().__init__(f"invalid parameter {parameter!r}: {message}")
        self.parameter = parameter
        self.reason = message


@dataclass(frozen=True)
class BBox:
    """A bounding box in degrees; west > east means it crosses the antimeridian."""

    west: float
    south: float
    east: float
    north: float


@dataclass(frozen=True, kw_only=True)
class EventFilters:
    """The filters of /api/events, /api/map and /api/stats; empty means everything."""

    country: str | None = None
    admin1: str | None = None
    since: date | None = None
    until: date | None = None
    event_types: tuple[str, ...] = ()
    sub_event_types: tuple[str, ...] = ()
    factuality: tuple[str, ...] = ()
    actor: str | None = None
    bbox: BBox | None = None
    q: str | None = None
    #: every article's own records instead of one merged event per happening.
    unmerged: bool = False


@dataclass(frozen=True)
class Cursor:
    """Where the next page starts: after the row with this sort value and key."""

    sort: str
    value: Any
    key: str

    def encode(self) -> str:
        raw = json.dumps([self.sort, self.value, self.key], ensure_ascii=False).encode("utf-8")
        return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def event_filters(
    *,
    country: str | None = None,
    admin1: str | None = None,
    since: str | None = None,
    until: str | None = None,
    event_type: list[str] | None = None,
    sub_event_type: list[str] | None = None,
    factuality: list[str] | None = None,
    actor: str | None = None,
    bbox: str | None = None,
    q: str | None = None,
    unmerged: bool = False,
) -> EventFilters:
    """Checked filters from raw query values (ParameterError names the first bad one)."""
    first, last = checked_date("since", since), checked_date("until", until)
    if first is not None and last is not None and first > last:
        raise ParameterError("until", f"{last} is before since={first}; swap them")
    return EventFilters(
        country=checked_text("country", country),
        admin1=checked_text("admin1", admin1),
        since=first,
        until=last,
        event_types=checked_choices("event_type", event_type, tuple(EVENT_TYPES)),
        sub_event_types=checked_choices("sub_event_type", sub_event_type, tuple(SUB_EVENT_TYPES)),
        factuality=checked_choices("factuality", factuality, FACTUALITY_VALUES),
        actor=checked_text("actor", actor),
        bbox=checked_bbox("bbox", bbox),
        q=checked_text("q", q),
        unmerged=unmerged,
    )


def checked_text(name: str, value: str | None) -> str | None:
    """The value stripped; None when empty. Control characters and overlong values are refused."""
    if value is None:
        return None
    if len(value) > MAX_TEXT:
        raise ParameterError(name, f"longer than {MAX_TEXT} characters")
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in value):
        raise ParameterError(name, "contains a control character; send plain text")
    value = value.strip()
    return value or None


def checked_date(name: str, value: str | None) -> date | None:
    text = checked_text(name, value)
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ParameterError(name, f"{text!r} is not a date; use YYYY-MM-DD") from None


def checked_choices(name: str, values: list[str] | None, allowed: tuple[str, ...]) -> tuple[str, ...]:
    """The values, each one of `allowed` (repeat the parameter, or join values with commas)."""
    chosen: list[str] = []
    for raw in values or ():
        for part in raw.split(",") if raw not in allowed else [raw]:
            text = checked_text(name, part)
            if text is None:
                continue
            if text not in allowed:
                shown = text if len(text) <= 40 else text[:40] + "…"
                raise ParameterError(name, f"{shown!r} is not one of: {', '.join(allowed)}")
            if text not in chosen:
                chosen.append(text)
    return tuple(chosen)


def checked_bbox(name: str, value: str | None) -> BBox | None:
    """west,south,east,north in degrees."""
    text = checked_text(name, value)
    if text is None:
        return None
    parts = text.split(",")
    if len(parts) != 4:
        raise ParameterError(name, "give four numbers: west,south,east,north (degrees)")
    try:
        west, south, east, north = (float(part) for part in parts)
    except ValueError:
        raise ParameterError(name, "give four numbers: west,south,east,north (degrees)") from None
    if not all(math.isfinite(v) for v in (west, south, east, north)):
        raise ParameterError(name, "the numbers must be finite")
    if not (-90 <= south <= north <= 90):
        raise ParameterError(name, "south and north must be latitudes with south <= north")
    # Leaflet reports longitudes beyond ±180 when the map is panned round the world.
    if east - west >= 360:
        west, east = -180.0, 180.0
    west, east = _wrapped(west), _wrapped(east)
    return BBox(west, south, east, north)


def _wrapped(longitude: float) -> float:
    if -180 <= longitude <= 180:
        return longitude
    return (longitude + 180) % 360 - 180


def decode_cursor(value: str | None, *, sort: str) -> Cursor | None:
    """The cursor a previous page gave as `next_cursor`, checked against the sort order."""
    text = checked_text("cursor", value)
    if text is None:
        return None
    try:
        raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
        given_sort, sort_value, key = json.loads(raw.decode("utf-8"))
    except (binascii.Error, ValueError, TypeError, UnicodeDecodeError):
        raise ParameterError("cursor", "not a cursor given by this API; start again without it") from None
    if given_sort != sort:
        raise ParameterError("cursor", f"it was made for sort={given_sort!r}; keep the same sort order")
    wanted = int if sort.lstrip("-") == "fatalities" else str
    if not isinstance(key, str) or type(sort_value) is not wanted:
        raise ParameterError("cursor", "not a cursor given by this API; start again without it")
    return Cursor(sort, sort_value, key)
