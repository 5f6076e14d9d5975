"""Scoring the resolver against a list of places with known coordinates (eval/places/*.tsv).

A list row is a name as French news writes it, its country and the coordinates of the place meant:

    name<TAB>iso2<TAB>lat<TAB>lon<TAB>note

`score_places` resolves each name with the country as the only context (or with none) and reports how far
the chosen place lies from the known one: the share within 10 km and 50 km, per country, and the misses.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sitrep.errors import InputError
from sitrep.geo.distance import haversine_km
from sitrep.geo.gazetteer import Gazetteer
from sitrep.geo.resolve import resolve_place

NEAR_KM = 10.0
REGION_KM = 50.0
_COLUMNS = ("name", "iso2", "lat", "lon", "note")


@dataclass(frozen=True, kw_only=True)
class KnownPlace:
    """One row of a place list."""

    name: str
    iso2: str
    latitude: float
    longitude: float
    note: str = ""


@dataclass(frozen=True, kw_only=True)
class PlaceOutcome:
    """Where one listed name was resolved to (`km` is None when nothing was found)."""

    row: KnownPlace
    found: str | None
    found_iso2: str | None
    km: float | None


@dataclass(frozen=True, kw_only=True)
class PlaceScore:
    outcomes: tuple[PlaceOutcome, ...] = field(repr=False)

    def share_within(self, km: float, *, iso2: str | None = None) -> float:
        rows = [o for o in self.outcomes if iso2 is None or o.row.iso2 == iso2]
        if not rows:
            return 0.0
        return sum(1 for o in rows if o.km is not None and o.km <= km) / len(rows)

    @property
    def misses(self) -> list[PlaceOutcome]:
        """Rows placed farther than NEAR_KM from the known place, or not placed at all."""
        return [o for o in self.outcomes if o.km is None or o.km > NEAR_KM]

    def summary(self) -> dict[str, Any]:
        countries = sorted({o.row.iso2 for o in self.outcomes})
        return {
            "rows": len(self.outcomes),
            "within_10km": round(self.share_within(NEAR_KM), 4),
            "within_50km": round(self.share_within(REGION_KM), 4),
            "not_found": sum(1 for o in self.outcomes if o.km is None),
            "by_country": {
                c: {
                    "rows": sum(1 for o in self.outcomes if o.row.iso2 == c),
                    "within_10km": round(self.share_within(NEAR_KM, iso2=c), 4),
                    "within_50km": round(self.share_within(REGION_KM, iso2=c), 4),
                }
                for c in countries
            },
        }


def read_place_list(path: Path) -> list[KnownPlace]:
    """The rows of a place list; a malformed row raises InputError naming the file and line."""
    rows: list[KnownPlace] = []
    with Path(path).open(encoding="utf-8", newline="") as handle:
        for lineno, fields in enumerate(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE), 1):
            if not fields or fields[0].startswith("#") or (lineno == 1 and tuple(fields) == _COLUMNS):
                continue
            if len(fields) not in (4, 5):
                raise InputError(
                    f"expected 4 or 5 tab-separated columns {_COLUMNS}, found {len(fields)}",
                    source=str(path),
                    line=lineno,
                )
            try:
                lat, lon = float(fields[2]), float(fields[3])
            except ValueError as exc:
                raise InputError(
                    f"latitude/longitude are not numbers ({exc})", source=str(path), line=lineno
                ) from exc
            note = fields[4] if len(fields) == 5 else ""
            rows.append(
                KnownPlace(name=fields[0], iso2=fields[1].upper(), latitude=lat, longitude=lon, note=note)
            )
    return rows


def score_places(
    rows: Iterable[KnownPlace], *, gazetteer: Gazetteer, with_country: bool = True
) -> PlaceScore:
    """Resolve each row's name (with its country as the only hint, or with no hint) and measure the error."""
    outcomes = []
    for row in rows:
        hints: Sequence[str] = (row.iso2,) if with_country else ()
        found = resolve_place(row.name, gazetteer=gazetteer, country_hints=hints)
        place = found.place if found else None
        km = None
        if place is not None and place.latitude is not None and place.longitude is not None:
            km = round(haversine_km(row.latitude, row.longitude, place.latitude, place.longitude), 1)
        outcomes.append(
            PlaceOutcome(
                row=row, found=place.name if place else None, found_iso2=place.iso2 if place else None, km=km
            )
        )
    return PlaceScore(outcomes=tuple(outcomes))
