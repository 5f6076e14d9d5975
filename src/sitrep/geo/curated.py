"""sitrep's own place knowledge, read from the YAML files in geo/data/.

countries_fr.yaml (French country names and demonyms), regions.yaml (admin1 divisions and named areas of
conflict news) and exonyms.yaml (French exonyms and press spellings). Each entry is checked on load; a bad
one raises GazetteerError naming the file and the entry, so an analyst who edits a file learns what to fix.
"""

from __future__ import annotations

import hashlib
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml

from sitrep.errors import GazetteerError
from sitrep.normalize import fold

DATA_FILES = ("countries_fr.yaml", "regions.yaml", "exonyms.yaml")
# Part of the data's fingerprint: bump it when the way curated data is written into the gazetteer changes,
# so existing gazetteers refresh their curated rows on the next opening.
WRITE_REVISION = 3
# The C loader when PyYAML has it: these files are read at every gazetteer opening.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True, kw_only=True)
class CuratedPlace:
    """A place made or named by our data: a region, an area, or a place an exonym points to."""

    geonameid: int
    name: str
    iso2: str
    latitude: float
    longitude: float
    feature_class: str
    feature_code: str
    admin1_code: str = ""
    population: int = 0
    names: tuple[str, ...] = ()
    #: for regions: the name of the region's capital, whose city is marked PPLA at build time.
    capital: str | None = None


@dataclass(frozen=True, kw_only=True)
class CuratedData:
    country_names: dict[str, tuple[str, ...]]
    acled_names: dict[str, str]  # ISO2 -> ACLED's English name where GeoNames spells it otherwise
    demonyms: dict[str, str]  # folded word -> ISO2
    regions: tuple[CuratedPlace, ...]
    areas: tuple[CuratedPlace, ...]
    exonyms: tuple[CuratedPlace, ...]
    sha256: str


def synthetic_id(iso2: str, name: str) -> int:
    """A stable negative id for a place GeoNames has no id for (negative ids never clash with GeoNames')."""
    return -(zlib.crc32(f"{iso2}:{name}".encode()) & 0x7FFFFFFF) - 1


def _read(file: str) -> tuple[Any, bytes]:
    raw = resources.files("sitrep.geo").joinpath("data", file).read_bytes()
    try:
        return yaml.load(raw, Loader=_YAML_LOADER), raw
    except yaml.YAMLError as exc:
        raise GazetteerError(f"geo/data/{file}: not valid YAML ({exc}); fix the file") from exc


def _field(entry: dict[str, Any], key: str, cast: type, where: str) -> Any:
    if key not in entry or entry[key] is None:
        raise GazetteerError(f"{where}: missing `{key}` in {entry!r}; add it")
    try:
        return cast(entry[key])
    except (TypeError, ValueError) as exc:
        raise GazetteerError(f"{where}: `{key}` is {entry[key]!r}, not a {cast.__name__}") from exc


def _names(entry: dict[str, Any], where: str) -> tuple[str, ...]:
    names = entry.get("names") or []
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        raise GazetteerError(f"{where}: `names` must be a list of strings in {entry!r}")
    return tuple(names)


def _inflections(masculine: str) -> tuple[str, ...]:
    """The regular feminine and plural forms of a French demonym given in the masculine singular."""
    if masculine.endswith(("ien", "éen")):
        suffixes = ("s", "ne", "nes")
    elif masculine.endswith(("ain", "in", "an", "ol", "and", "ot", "al")):
        suffixes = ("s", "e", "es")
    elif masculine.endswith(("s", "x")):
        suffixes = ("e", "es")
    elif masculine.endswith("i"):  # qatari, émirati: plural only ("émiraties" is rare and folds close)
        suffixes = ("s", "e", "es")
    else:  # -e (russe, belge, yéménite) and invariable forms such as burkinabè
        suffixes = ("s",)
    return (masculine, *(masculine + s for s in suffixes))


def _countries(doc: Any) -> tuple[dict[str, tuple[str, ...]], dict[str, str]]:
    where = "geo/data/countries_fr.yaml"
    if not isinstance(doc, dict) or not isinstance(doc.get("countries"), dict):
        raise GazetteerError(f"{where}: expected a mapping with `countries:` and `demonyms:`")
    names = {str(iso): tuple(v) for iso, v in doc["countries"].items()}
    demonyms: dict[str, str] = {}
    for iso, forms in (doc.get("demonyms") or {}).items():
        if not isinstance(forms, list) or not forms:
            raise GazetteerError(f"{where}: demonyms of {iso} must be a non-empty list")
        for word in (*_inflections(forms[0]), *forms[1:]):
            demonyms.setdefault(fold(word), str(iso))
    return names, demonyms


def _acled_names(doc: Any) -> dict[str, str]:
    names = doc.get("acled_names") or {}
    if not isinstance(names, dict):
        raise GazetteerError("geo/data/countries_fr.yaml: `acled_names` must map ISO2 codes to names")
    return {str(iso): str(name) for iso, name in names.items()}


def _regions(doc: Any) -> Iterator[CuratedPlace]:
    for iso2, entries in (doc.get("regions") or {}).items():
        for i, entry in enumerate(entries):
            where = f"geo/data/regions.yaml: regions/{iso2}[{i}]"
            name = _field(entry, "name", str, where)
            code = entry.get("code")
            gid = entry.get("geonameid")
            yield CuratedPlace(
                geonameid=int(gid) if gid else synthetic_id(iso2, name),
                name=name,
                iso2=str(iso2),
                latitude=_field(entry, "lat", float, where),
                longitude=_field(entry, "lon", float, where),
                feature_class="A",
                feature_code="ADM1",
                admin1_code=str(code) if code else "",
                names=_names(entry, where),
                capital=entry.get("capital"),
            )


def _areas(doc: Any) -> Iterator[CuratedPlace]:
    for i, entry in enumerate(doc.get("areas") or []):
        where = f"geo/data/regions.yaml: areas[{i}]"
        name = _field(entry, "name", str, where)
        for iso2 in _field(entry, "iso2", list, where):
            yield CuratedPlace(
                geonameid=synthetic_id(iso2, name),
                name=name,
                iso2=str(iso2),
                latitude=_field(entry, "lat", float, where),
                longitude=_field(entry, "lon", float, where),
                feature_class="L",
                feature_code=str(entry.get("code") or "RGN"),
                names=_names(entry, where),
            )


def _exonyms(doc: Any) -> Iterator[CuratedPlace]:
    for i, entry in enumerate((doc or {}).get("places") or []):
        where = f"geo/data/exonyms.yaml: places[{i}]"
        yield CuratedPlace(
            geonameid=_field(entry, "geonameid", int, where),
            name=_field(entry, "name", str, where),
            iso2=_field(entry, "iso2", str, where),
            latitude=_field(entry, "lat", float, where),
            longitude=_field(entry, "lon", float, where),
            feature_class="P",
            feature_code=str(entry.get("feature_code") or "PPL"),
            admin1_code=str(entry.get("admin1") or ""),
            population=int(entry.get("population") or 0),
            names=_names(entry, where),
        )


def load_curated() -> CuratedData:
    """Read and check the three data files (a few milliseconds)."""
    digest = hashlib.sha256(f"revision {WRITE_REVISION}\n".encode())
    docs = {}
    for file in DATA_FILES:
        docs[file], raw = _read(file)
        digest.update(raw)
    names, demonyms = _countries(docs["countries_fr.yaml"])
    return CuratedData(
        country_names=names,
        acled_names=_acled_names(docs["countries_fr.yaml"]),
        demonyms=demonyms,
        regions=tuple(_regions(docs["regions.yaml"])),
        areas=tuple(_areas(docs["regions.yaml"])),
        exonyms=tuple(_exonyms(docs["exonyms.yaml"])),
        sha256=digest.hexdigest(),
    )
