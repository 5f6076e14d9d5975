"""Deduplication benchmark: clustering and merging synthetic event records at 100k, 300k and 1M.

    .venv/bin/python benchmarks/dedup.py [--sizes 100000 300000 1000000] [--per-day 750]

Each size runs in its own process (so peak memory is that size's own). The synthetic records imitate a
conflict dataset: about 30 countries weighted like a global event feed, a few dozen to a few hundred
towns per country with Zipf-like popularity, regions, a steady number of records per day (so a larger
n means a longer period, as in a real feed), and each happening told by 1 to 8 reports that differ
the way outlets differ: a day off, coded near the town or only to the region or country, a neighbouring
sub-event type, a vague actor, another toll, another factuality.

Reported per size: seconds to read the records into features and cluster them, seconds to read them
again and merge every cluster (the time spent generating records is measured apart and left out), peak
memory, candidate pairs, and pairwise precision/recall against the happenings the generator drew.
Writes benchmarks/results/dedup.json and prints it.
"""

from __future__ import annotations

import argparse
import json
import math
import platform
import resource
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import numpy as np

from sitrep.dedup import find_clusters
from sitrep.dedup.stream import merged_stream
from sitrep.records import Event
from sitrep.taxonomy import SUB_EVENT_TYPES

RESULTS = Path(__file__).resolve().parent / "results" / "dedup.json"
START = date(2019, 1, 1)

# (iso2, country, centre latitude, centre longitude, spread in degrees, share of records)
COUNTRIES = [
    ("SY", "Syria", 35.0, 38.5, 1.5, 0.10),
    ("UA", "Ukraine", 48.5, 34.0, 2.5, 0.10),
    ("MX", "Mexico", 22.0, -101.0, 4.0, 0.07),
    ("BR", "Brazil", -15.0, -48.0, 6.0, 0.06),
    ("IN", "India", 22.0, 79.0, 5.0, 0.06),
    ("MM", "Myanmar", 21.0, 96.0, 3.0, 0.05),
    ("NG", "Nigeria", 10.0, 8.0, 3.0, 0.04),
    ("CD", "Democratic Republic of Congo", -1.0, 28.0, 3.0, 0.04),
    ("PK", "Pakistan", 31.0, 70.0, 3.0, 0.04),
    ("YE", "Yemen", 15.0, 45.0, 2.0, 0.04),
    ("ML", "Mali", 15.0, -3.0, 2.5, 0.03),
    ("BF", "Burkina Faso", 12.5, -1.5, 1.5, 0.03),
    ("SD", "Sudan", 14.0, 30.0, 3.0, 0.03),
    ("IQ", "Iraq", 34.0, 43.5, 2.0, 0.03),
    ("SO", "Somalia", 4.0, 45.5, 2.5, 0.03),
    ("AF", "Afghanistan", 34.0, 66.0, 3.0, 0.03),
    ("CO", "Colombia", 5.0, -74.0, 3.0, 0.02),
    ("PH", "Philippines", 12.0, 122.0, 3.0, 0.02),
    ("NE", "Niger", 14.0, 5.0, 3.0, 0.02),
    ("CM", "Cameroon", 6.0, 12.5, 2.5, 0.02),
    ("ET", "Ethiopia", 9.0, 39.0, 3.0, 0.02),
    ("LY", "Libya", 29.0, 17.0, 3.0, 0.015),
    ("TD", "Chad", 13.0, 18.0, 3.0, 0.015),
    ("CF", "Central African Republic", 6.5, 20.5, 2.0, 0.015),
    ("LB", "Lebanon", 33.8, 35.8, 0.4, 0.015),
    ("PS", "Palestine", 31.8, 35.0, 0.3, 0.02),
    ("MZ", "Mozambique", -13.0, 39.0, 2.0, 0.01),
    ("HT", "Haiti", 18.8, -72.5, 0.5, 0.01),
    ("VE", "Venezuela", 8.0, -66.0, 3.0, 0.01),
    ("BD", "Bangladesh", 23.7, 90.3, 1.5, 0.01),
]
SUB_TYPE_SHARES = {
    "Armed clash": 0.22, "Attack": 0.16, "Shelling/artillery/missile attack": 0.12, "Air/drone strike": 0.08,
    "Remote explosive/landmine/IED": 0.05, "Abduction/forced disappearance": 0.03, "Peaceful protest": 0.17,
    "Protest with intervention": 0.03, "Violent demonstration": 0.04, "Mob violence": 0.03, "Arrests": 0.03,
    "Looting/property destruction": 0.02, "Disrupted weapons use": 0.01, "Grenade": 0.01,
}  # fmt: skip
# how outlets retell a type: the neighbouring types a report may carry instead
RETOLD = {
    "Armed clash": ["Attack", "Remote explosive/landmine/IED"], "Attack": ["Armed clash"],
    "Shelling/artillery/missile attack": ["Air/drone strike"],
    "Air/drone strike": ["Shelling/artillery/missile attack"],
    "Peaceful protest": ["Protest with intervention"], "Protest with intervention": ["Violent demonstration"],
    "Violent demonstration": ["Mob violence"], "Remote explosive/landmine/IED": ["Suicide bomb"],
}  # fmt: skip
FACTUALITY = (["asserted", "reported", "unconfirmed", "denied"], [0.4, 0.45, 0.12, 0.03])


class World:
    """Towns, regions and actors of every country, drawn once from a seed."""

    def __init__(self, rng: np.random.Generator) -> None:
        shares = np.array([c[5] for c in COUNTRIES])
        self.country_p = shares / shares.sum()
        self.towns: list[dict[str, np.ndarray]] = []
        for _iso2, _name, lat, lon, spread, share in COUNTRIES:
            count = int(200 + 20000 * share)
            regions = rng.normal([lat, lon], spread, size=(12, 2))
            points = rng.normal([lat, lon], spread, size=(count, 2))
            nearest = np.argmin(((points[:, None, :] - regions[None, :, :]) ** 2).sum(axis=2), axis=1)
            popularity = 1.0 / np.arange(1, count + 1) ** 0.9
            self.towns.append(
                {"points": points, "region": nearest, "regions": regions, "p": popularity / popularity.sum()}
            )
        self.sub_types = list(SUB_TYPE_SHARES)
        weights = np.array(list(SUB_TYPE_SHARES.values()))
        self.sub_p = weights / weights.sum()


def synthetic_events(n: int, *, per_day: int, seed: int = 7) -> Iterator[Event]:
    """Exactly n records, day by day; `event_id` is "<happening>-<report>"."""
    rng = np.random.default_rng(seed)
    world = World(rng)
    made = 0
    happening = 0
    day = 0
    mean_reports = 2.5
    while made < n:
        for _ in range(rng.poisson(per_day / mean_reports)):
            for event in _reports(world, rng, happening, START + timedelta(days=day)):
                yield event
                made += 1
                if made == n:
                    return
            happening += 1
        day += 1


def _reports(world: World, rng: np.random.Generator, happening: int, day: date) -> Iterator[Event]:
    c = int(rng.choice(len(COUNTRIES), p=world.country_p))
    iso2, country = COUNTRIES[c][0], COUNTRIES[c][1]
    towns = world.towns[c]
    town = int(rng.choice(len(towns["p"]), p=towns["p"]))
    lat, lon = (float(x) for x in towns["points"][town])
    region = int(towns["region"][town])
    sub = world.sub_types[int(rng.choice(len(world.sub_types), p=world.sub_p))]
    fatalities = int(rng.geometric(0.15)) - 1 if rng.random() < 0.5 else 0
    groups = [f"Armed Group {c}-{k}" for k in range(4)]
    actor1 = groups[int(rng.integers(4))]
    for report in range(min(8, int(rng.geometric(1 / 2.5)))):
        values = _place(rng, towns, town, region, lat, lon, iso2)
        shift = int(rng.choice([-1, 0, 1], p=[0.1, 0.8, 0.1]))
        precision = int(rng.choice([1, 2, 3], p=[0.96, 0.03, 0.01]))
        when = day + timedelta(days=shift)
        if precision == 2:
            when = when - timedelta(days=when.weekday()) + timedelta(days=2)
        elif precision == 3:
            when = when.replace(day=15)
        told = sub if rng.random() < 0.85 or sub not in RETOLD else str(rng.choice(RETOLD[sub]))
        draw = rng.random()
        named = actor1 if draw < 0.6 else f"Unidentified Armed Group ({country})" if draw < 0.9 else None
        toll = 0 if rng.random() < 0.2 else max(0, round(fatalities * rng.uniform(0.6, 1.5)))
        factuality = str(rng.choice(FACTUALITY[0], p=FACTUALITY[1]))
        yield Event(
            event_id=f"h{happening:09d}-{report}",
            article_id=f"a{happening:09d}-{report}",
            event_date=when.isoformat(),
            time_precision=precision,
            event_type=SUB_EVENT_TYPES[told],
            sub_event_type=told,
            actor1=named,
            actor2=f"Civilians ({country})" if told == "Attack" else None,
            country=country,
            iso2=iso2,
            fatalities=toll,
            factuality=factuality,
            source=f"Outlet {int(rng.integers(400))}",
            published=(day + timedelta(days=int(rng.integers(0, 3)))).isoformat(),
            **values,
        )


def _place(rng: np.random.Generator, towns: dict, town: int, region: int, lat: float, lon: float, iso2: str):
    draw = rng.random()
    admin1 = f"Region {iso2}-{region}"
    if draw < 0.75:
        return {"location": f"Town {iso2}-{town}", "admin1": admin1, "latitude": lat, "longitude": lon,
                "geo_precision": 1}  # fmt: skip
    if draw < 0.90:
        near_lat, near_lon = lat + rng.normal(0, 0.08), lon + rng.normal(0, 0.08)
        return {"location": f"Town {iso2}-{town}", "admin1": admin1, "latitude": near_lat,
                "longitude": near_lon, "geo_precision": 2}  # fmt: skip
    if draw < 0.97:
        centre = towns["regions"][region]
        return {"location": admin1, "admin1": admin1, "latitude": float(centre[0]),
                "longitude": float(centre[1]), "geo_precision": 3}  # fmt: skip
    return {"location": None, "admin1": None, "latitude": None, "longitude": None, "geo_precision": 3}


def peak_rss_mb() -> float:
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(rss / (1024 * 1024 if sys.platform == "darwin" else 1024), 1)


def pairwise_quality(event_ids: list[str], groups: list[list[int]]) -> dict[str, float]:
    """Pairwise precision and recall of the clusters against the generator's happenings."""
    truth = np.array([int(e[1:10]) for e in event_ids])
    predicted_pairs = sum(len(g) * (len(g) - 1) // 2 for g in groups)
    correct = 0
    for g in groups:
        if len(g) > 1:
            _, counts = np.unique(truth[g], return_counts=True)
            correct += int((counts * (counts - 1) // 2).sum())
    _, sizes = np.unique(truth, return_counts=True)
    true_pairs = int((sizes * (sizes - 1) // 2).sum())
    return {
        "pair_precision": round(correct / max(1, predicted_pairs), 4),
        "pair_recall": round(correct / max(1, true_pairs), 4),
    }


class Timed:
    """Wraps the synthetic stream and counts the time spent making records, so it can be left out."""

    def __init__(self, events: Iterator[Event]) -> None:
        self._events = events
        self.seconds = 0.0
        self.last_day = START.isoformat()

    def __iter__(self) -> Timed:
        return self

    def __next__(self) -> Event:
        start = time.perf_counter()
        try:
            event = next(self._events)
        finally:
            self.seconds += time.perf_counter() - start
        self.last_day = max(self.last_day, event.event_date)
        return event


def run_one(n: int, per_day: int) -> dict:
    stream = Timed(synthetic_events(n, per_day=per_day))
    start = time.perf_counter()
    clustering = find_clusters(stream)
    cluster_s = time.perf_counter() - start - stream.seconds

    again = Timed(synthetic_events(n, per_day=per_day))
    start = time.perf_counter()
    merged = sum(1 for _ in merged_stream(again, clustering))
    merge_s = time.perf_counter() - start - again.seconds
    return {
        "records": len(clustering.event_ids),
        "days_covered": (date.fromisoformat(stream.last_day) - START).days,
        "generate_seconds": round(stream.seconds, 1),
        "cluster_seconds": round(cluster_s, 1),
        "merge_seconds": round(merge_s, 1),
        "total_seconds": round(cluster_s + merge_s, 1),
        "candidate_pairs": clustering.candidates,
        "links_above_floor": clustering.links,
        "clusters": len(clustering.groups),
        "merged_events": merged,
        "peak_rss_mb": peak_rss_mb(),
        **pairwise_quality(clustering.event_ids, clustering.groups),
    }


def growth(rows: list[dict]) -> dict:
    """Cost ratios between sizes, next to the n log n ratio: a ratio at or below it is n log n or better."""
    out = {}
    for small, large in zip(rows, rows[1:], strict=False):
        a, b = small["records"], large["records"]
        nlogn = (b * math.log(b)) / (a * math.log(a))
        ratio = large["total_seconds"] / max(0.1, small["total_seconds"])
        out[f"{a}->{b}"] = {"time_ratio": round(ratio, 2), "n_log_n_ratio": round(nlogn, 2)}
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 300_000, 1_000_000])
    parser.add_argument("--per-day", type=int, default=750, help="records per day in the synthetic feed")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # internal: run one size, print JSON
    args = parser.parse_args()
    if args.one is not None:
        print(json.dumps(run_one(args.one, args.per_day)))
        return
    rows = []
    for n in args.sizes:
        command = [sys.executable, __file__, "--one", str(n), "--per-day", str(args.per_day)]
        done = subprocess.run(command, check=True, capture_output=True, text=True)
        rows.append(json.loads(done.stdout.strip().splitlines()[-1]))
        print(json.dumps(rows[-1]), file=sys.stderr)
    result = {
        "benchmark": "dedup",
        "python": platform.python_version(),
        "machine": platform.machine(),
        "records_per_day": args.per_day,
        "sizes": rows,
        "growth": growth(rows),
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
