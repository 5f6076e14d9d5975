"""Geocoding accuracy on places as French news writes them (eval/places/fr_news_places.tsv).

    .venv/bin/python benchmarks/geocoding.py [--geonames ../shared/data/geonames] [--misses 40]

Builds the default gazetteer in a temporary directory and resolves every listed name twice (its country as
the only hint, then no hint); then imports the GeoNames files found in --geonames (admin1/admin2 codes and
the country dumps) and resolves them again. Reports the share placed within 10 km and 50 km of the known
coordinates, per country, and the misses. Names whose coordinates could not be verified
(fr_news_places_unlocated.tsv) only count for coverage: is any place of that name known in the country?
Writes benchmarks/results/geocoding.json and prints a summary.
"""

from __future__ import annotations

import argparse
import json
import platform
import tempfile
import time
from pathlib import Path

from sitrep.geo.gazetteer import Gazetteer
from sitrep.geo.place_list import PlaceScore, read_place_list, score_places

ROOT = Path(__file__).resolve().parents[1]
PLACES = ROOT / "eval" / "places" / "fr_news_places.tsv"
UNLOCATED = ROOT / "eval" / "places" / "fr_news_places_unlocated.tsv"
RESULTS = ROOT / "benchmarks" / "results" / "geocoding.json"
DEFAULT_GEONAMES = ROOT.parent / "shared" / "data" / "geonames"
# Admin code files first, so the places of the country dumps get their admin names.
_FILE_ORDER = ("admin1CodesASCII.txt", "admin2Codes.txt")


def geonames_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    files = sorted(folder.glob("*.txt"), key=lambda p: (p.name not in _FILE_ORDER, p.name))
    return [p for p in files if p.name in _FILE_ORDER or len(p.stem) == 2]


def coverage(gazetteer: Gazetteer) -> dict:
    """For names without verified coordinates: the share with any place of that name in their country."""
    rows = [line.split("\t") for line in UNLOCATED.read_text(encoding="utf-8").splitlines()[1:] if line]
    known = [
        r
        for r in rows
        if gazetteer.lookup(r[0], countries=(r[1],))
        and any(p.iso2 == r[1] for p in gazetteer.lookup(r[0], countries=(r[1],)))
    ]
    return {"rows": len(rows), "known_in_country": round(len(known) / len(rows), 4) if rows else None}


def measure(gazetteer: Gazetteer, misses: int) -> dict:
    rows = read_place_list(PLACES)
    start = time.perf_counter()
    hinted = score_places(rows, gazetteer=gazetteer, with_country=True)
    seconds = time.perf_counter() - start
    bare = score_places(rows, gazetteer=gazetteer, with_country=False)
    return {
        "country_hint": {**hinted.summary(), "misses": _misses(hinted, misses)},
        "no_hint": {k: v for k, v in bare.summary().items() if k != "by_country"},
        "resolutions_per_second": round(len(rows) / seconds),
        "unlocated_coverage": coverage(gazetteer),
    }


def _misses(score: PlaceScore, limit: int) -> list[str]:
    return [
        f"{o.row.name} ({o.row.iso2}) -> {o.found or 'nothing'}"
        + (f" ({o.found_iso2}) {o.km} km" if o.km is not None else "")
        for o in score.misses[:limit]
    ]


def run(geonames: Path, misses: int) -> dict:
    with tempfile.TemporaryDirectory(prefix="sitrep-geocoding-") as tmp:
        gazetteer = Gazetteer.open(Path(tmp) / "gazetteer.sqlite", progress=False)
        base = measure(gazetteer, misses)
        files = geonames_files(geonames)
        start = time.perf_counter()
        for path in files:
            gazetteer.add_geonames_file(path, progress=False)
        import_s = time.perf_counter() - start
        full = measure(gazetteer, misses) if files else None
        info = gazetteer.info()
        gazetteer.close()
    return {
        "benchmark": "geocoding",
        "python": platform.python_version(),
        "list": str(PLACES.relative_to(ROOT)),
        "default_gazetteer": base,
        "geonames_files": [p.name for p in files],
        "import_seconds": round(import_s, 1),
        "places_after_import": info["places"],
        "with_geonames_files": full,
    }


def _line(label: str, result: dict) -> str:
    hinted, bare = result["country_hint"], result["no_hint"]
    return (
        f"{label}: {hinted['rows']} names, country hint: {hinted['within_10km']:.1%} within 10 km, "
        f"{hinted['within_50km']:.1%} within 50 km; no hint: {bare['within_10km']:.1%} / "
        f"{bare['within_50km']:.1%}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--geonames", type=Path, default=DEFAULT_GEONAMES)
    parser.add_argument("--misses", type=int, default=40, help="how many misses to list in the results")
    args = parser.parse_args()
    result = run(args.geonames, args.misses)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(_line("default gazetteer", result["default_gazetteer"]))
    if result["with_geonames_files"]:
        print(_line(f"+ {len(result['geonames_files'])} GeoNames files", result["with_geonames_files"]))
        for miss in result["with_geonames_files"]["country_hint"]["misses"]:
            print("  miss:", miss)
    print(f"results: {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
