"""Readers of the GeoNames dump files (https://download.geonames.org/export/dump/).

Each reader yields typed rows and raises GazetteerError naming the file and line of anything it cannot read,
so a truncated download or the wrong file is reported, never half-imported in silence.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from sitrep.errors import GazetteerError

DUMP_COLUMNS = 19


class FileKind(Enum):
    """What a GeoNames file holds, told by its name (GeoNames never changes these names)."""

    PLACES = "places"  # XX.txt, allCountries.txt, cities500.txt ...: the 19-column main table
    ADMIN1 = "admin1"  # admin1CodesASCII.txt
    ADMIN2 = "admin2"  # admin2Codes.txt
    ALTERNATE_NAMES = "alternate_names"  # alternateNamesV2.txt, alternateNames.txt, XX alternate names


@dataclass(frozen=True, slots=True)
class PlaceRow:
    """One row of the GeoNames main table (the columns sitrep keeps)."""

    geonameid: int
    name: str
    asciiname: str
    alternatenames: tuple[str, ...]
    latitude: float
    longitude: float
    feature_class: str
    feature_code: str
    iso2: str
    admin1_code: str
    admin2_code: str
    population: int


@dataclass(frozen=True, slots=True)
class AdminRow:
    """One row of admin1CodesASCII.txt or admin2Codes.txt (admin1_code is "" for an admin1 row)."""

    iso2: str
    admin1_code: str
    code: str
    name: str
    geonameid: int


@dataclass(frozen=True, slots=True)
class AlternateNameRow:
    """One kept row of alternateNamesV2.txt."""

    geonameid: int
    language: str
    name: str
    is_preferred: bool


# Alternate-name "languages" that are not names of the place: links, postcodes, airport and other codes.
_NOT_NAMES = frozenset({"link", "post", "iata", "icao", "faac", "tcid", "unlc", "abbr", "wkdt", "fr_1793"})
# The languages whose names French news uses: French, English, Arabic in Latin script, and names with no
# language (local names). Others add noise and size for little recall.
_KEPT_LANGUAGES = frozenset({"", "fr", "en", "ar"})
_MAX_NAME_LENGTH = 80


def file_kind(path: Path) -> FileKind:
    stem = path.name.lower()
    if stem.startswith("admin1codes"):
        return FileKind.ADMIN1
    if stem.startswith("admin2codes"):
        return FileKind.ADMIN2
    if stem.startswith("alternatenames") or "alternatenames" in stem:
        return FileKind.ALTERNATE_NAMES
    return FileKind.PLACES


def is_indexable_alternate(name: str) -> bool:
    """Whether an alternate name of GeoNames is worth indexing.

    GeoNames alternate names mix real spellings with airport codes ("DEZ") and machine romanisations of
    non-Latin names written all in lower case ("dyr alzwr"); both would make common words or letter
    groups look like places. A real name has a capital letter and is not a short all-capitals code.
    """
    if len(name) < 2 or len(name) > _MAX_NAME_LENGTH:
        return False
    if not any(c.isupper() for c in name):
        return False
    return not (name.isupper() and len(name) <= 4 and name.isalpha())


def line_count(path: Path) -> int | None:
    """Lines of a plain-text dump (for a progress bar's total); None for a zip or an unreadable file."""
    if path.suffix.lower() == ".zip":
        return None
    try:
        with path.open("rb") as handle:
            return sum(chunk.count(b"\n") for chunk in iter(lambda: handle.read(1 << 20), b""))
    except OSError:
        return None


@contextmanager
def _open_text(path: Path) -> Iterator[Iterable[str]]:
    """Open a GeoNames text file, or the .txt inside a GeoNames .zip download."""
    if not path.is_file():
        raise GazetteerError(
            f"{path}: no such file; give the path of a GeoNames dump (e.g. ML.txt or ML.zip)"
        )
    if path.suffix.lower() != ".zip":
        with path.open(encoding="utf-8", newline="\n") as handle:
            yield handle
        return
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile as exc:
        raise GazetteerError(f"{path}: not a readable zip file ({exc}); download it again") from exc
    with archive:
        members = [m for m in archive.namelist() if m.endswith(".txt") and not m.lower().startswith("readme")]
        if len(members) != 1:
            raise GazetteerError(f"{path}: expected one GeoNames .txt inside the zip, found {members}")
        with archive.open(members[0]) as raw:
            yield io.TextIOWrapper(raw, encoding="utf-8", newline="\n")


def _records(path: Path, *, columns: tuple[int, ...], what: str) -> Iterator[tuple[int, list[str]]]:
    """(line number, fields) of each data line; a wrong column count is an error naming file:line."""
    with _open_text(path) as lines:
        lineno = 0
        try:
            for lineno, line in enumerate(lines, start=1):
                line = line.rstrip("\r\n")
                if not line or line.startswith("#"):
                    continue
                fields = line.split("\t")
                if len(fields) not in columns:
                    expected = " or ".join(str(c) for c in columns)
                    raise GazetteerError(
                        f"{path}:{lineno}: expected {expected} tab-separated columns of {what}, found "
                        f"{len(fields)}; is this an unmodified GeoNames file?"
                    )
                yield lineno, fields
        except UnicodeDecodeError as exc:
            raise GazetteerError(
                f"{path}:{lineno + 1}: not UTF-8 ({exc.reason}); GeoNames files are UTF-8, download it again"
            ) from exc


def _number(text: str, cast: type, path: Path, lineno: int, column: str) -> int | float:
    try:
        return cast(text) if text else cast(0)
    except ValueError as exc:
        raise GazetteerError(f"{path}:{lineno}: column {column} is {text!r}, not a number") from exc


def read_places(path: Path) -> Iterator[PlaceRow]:
    """Rows of a GeoNames main-table file (country dump, allCountries, citiesNNN)."""
    for lineno, f in _records(path, columns=(DUMP_COLUMNS,), what="a GeoNames place dump"):
        yield PlaceRow(
            geonameid=int(_number(f[0], int, path, lineno, "geonameid")),
            name=f[1],
            asciiname=f[2],
            alternatenames=tuple(a for a in f[3].split(",") if is_indexable_alternate(a)),
            latitude=float(_number(f[4], float, path, lineno, "latitude")),
            longitude=float(_number(f[5], float, path, lineno, "longitude")),
            feature_class=f[6],
            feature_code=f[7],
            iso2=f[8],
            admin1_code=f[10],
            admin2_code=f[11],
            population=int(_number(f[14], int, path, lineno, "population")),
        )


def read_admin_codes(path: Path, *, level: int) -> Iterator[AdminRow]:
    """Rows of admin1CodesASCII.txt (level 1: "ML.04") or admin2Codes.txt (level 2: "ML.04.0401")."""
    for lineno, f in _records(path, columns=(4,), what=f"admin{level} codes"):
        parts = f[0].split(".")
        if len(parts) != level + 1:
            raise GazetteerError(
                f"{path}:{lineno}: code {f[0]!r} is not an admin{level} code (CC{'.X' * level}); "
                f"is this admin{level}Codes?"
            )
        yield AdminRow(
            iso2=parts[0],
            admin1_code=parts[1] if level == 2 else "",
            code=parts[-1],
            name=f[1],
            geonameid=int(_number(f[3], int, path, lineno, "geonameid")),
        )


def read_alternate_names(path: Path) -> Iterator[AlternateNameRow]:
    """Kept rows of alternateNamesV2.txt (10 columns) or the older alternateNames.txt (8 columns)."""
    for lineno, f in _records(path, columns=(8, 10), what="alternate names"):
        language = f[2]
        if language in _NOT_NAMES or language.split("-")[0] not in _KEPT_LANGUAGES:
            continue
        is_historic = len(f) > 7 and f[7] == "1"
        if is_historic or not is_indexable_alternate(f[3]):
            continue
        yield AlternateNameRow(
            geonameid=int(_number(f[1], int, path, lineno, "geonameid")),
            language=language,
            name=f[3],
            is_preferred=f[4] == "1",
        )
