"""API benchmark: /api/events, /api/stats and /api/map over 100,000 events in SQLite.

    .venv/bin/python benchmarks/api.py [--events 100000] [--repeat 30] [--db PATH]

Builds a store of synthetic events (bulk inserts of articles and events, then the real `sitrep dedup`
to make the merged events the API lists), then times requests in-process through FastAPI's
TestClient (routing, validation, SQL and JSON included; no network). Each query runs once to warm
the page cache, then `--repeat` times; p50 and p95 in milliseconds. The baseline, measured in the
same run, is the library reading the same first page (`EventStore.merged_events(limit=100)`), so
`ratio_to_library` says what the API adds. The goal: /api/events with filters at p95 < 200 ms.
With `--db PATH` the store is kept there and reused by later runs (it is rebuilt if absent).

Writes benchmarks/results/api.json and prints it.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import numpy as np
from sqlalchemy import func, insert, select

RESULTS = Path(__file__).resolve().parent / "results" / "api.json"
START = date(2021, 1, 1)
DAYS = 3 * 365
#: (iso2, country, admin1 names, centre latitude, centre longitude, spread in degrees, share)
COUNTRIES = [
    ("ML", "Mali", ("Mopti", "Gao", "Tombouctou", "Segou", "Kidal"), 15.5, -2.5, 2.5, 0.20),
    ("BF", "Burkina Faso", ("Sahel", "Est", "Nord", "Centre-Nord", "Mouhoun"), 12.5, -1.5, 1.5, 0.20),
    ("NE", "Niger", ("Tillaberi", "Tahoua", "Diffa", "Maradi"), 14.5, 4.0, 3.0, 0.15),
    ("NG", "Nigeria", ("Borno", "Zamfara", "Kaduna", "Plateau", "Benue"), 10.0, 8.0, 3.0, 0.15),
    ("CD", "Democratic Republic of Congo", ("Nord-Kivu", "Ituri", "Sud-Kivu"), -1.0, 28.5, 2.0, 0.10),
    ("SY", "Syria", ("Idlib", "Aleppo", "Deir ez-Zor", "Daraa"), 35.0, 38.5, 1.5, 0.10),
    ("CM", "Cameroon", ("Extreme-Nord", "Nord-Ouest", "Sud-Ouest"), 7.0, 12.5, 2.5, 0.05),
    ("TD", "Chad", ("Lac", "Ouaddai", "Tibesti"), 13.0, 18.0, 3.0, 0.05),
]  # fmt: skip
SUB_TYPES = [
    ("Battles", "Armed clash", 0.25), ("Violence against civilians", "Attack", 0.2),
    ("Violence against civilians", "Abduction/forced disappearance", 0.07),
    ("Explosions/Remote violence", "Remote explosive/landmine/IED", 0.08),
    ("Explosions/Remote violence", "Air/drone strike", 0.07), ("Protests", "Peaceful protest", 0.15),
    ("Riots", "Violent demonstration", 0.06), ("Strategic developments", "Arrests", 0.07),
    ("Strategic developments", "Looting/property destruction", 0.05),
]  # fmt: skip
ACTORS = [
    "JNIM: Group for Support of Islam and Muslims", "Islamic State (Sahel)", "Military Forces of Mali",
    "Military Forces of Burkina Faso", "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad",
    "Unidentified Armed Group (Niger)", "Civilians (Mali)", "Protesters (Nigeria)",
    "ADF: Allied Democratic Forces",
    "M23: March 23 Movement", "Hayat Tahrir al Sham", "Military Forces of Syria",
]  # fmt: skip
FACTUALITY = (
    ("asserted", 0.45),
    ("reported", 0.35),
    ("unconfirmed", 0.12),
    ("denied", 0.04),
    ("hypothetical", 0.04),
)
OUTLETS = [f"Outlet {k}" for k in range(40)]


def build_store(path: Path, n_events: int, *, seed: int = 11) -> dict[str, Any]:
    """A store at `path` with `n_events` synthetic events, deduplicated. Returns timings and counts."""
    from sitrep.dedup.incremental import deduplicate
    from sitrep.store import EventStore, schema

    started = time.perf_counter()
    with EventStore.open(path) as store:
        engine = store._engine  # bulk inserts: one transaction per batch instead of one per article
        articles, events = [], []
        for article_row, event_row in _synthetic_rows(n_events, np.random.default_rng(seed)):
            articles.append(article_row)
            events.append(event_row)
            if len(events) >= 5000:
                _insert(engine, schema, articles, events)
                articles, events = [], []
        _insert(engine, schema, articles, events)
        inserted = time.perf_counter() - started
        summary = deduplicate(store)
        with engine.connect() as conn:
            clusters = conn.execute(select(func.count()).select_from(schema.clusters)).scalar_one()
    return {
        "insert_seconds": round(inserted, 1),
        "dedup_seconds": round(time.perf_counter() - started - inserted, 1),
        "dedup": summary.describe(),
        "merged_events": int(clusters),
    }


def _insert(engine, schema, articles: list[dict], events: list[dict]) -> None:
    if events:
        with engine.begin() as conn:
            conn.execute(insert(schema.articles), articles)
            conn.execute(insert(schema.events), events)


def _synthetic_rows(n_events: int, rng: np.random.Generator) -> Iterator[tuple[dict, dict]]:
    """(article row, event row) pairs: happenings told by 1 to 3 outlets, a day or so apart."""
    from sitrep.records import Event, Evidence

    shares = np.array([c[-1] for c in COUNTRIES])
    type_shares = np.array([t[-1] for t in SUB_TYPES])
    fact_shares = np.array([f[1] for f in FACTUALITY])
    now = datetime.now(UTC).isoformat(timespec="seconds")
    made = happening = 0
    while made < n_events:
        happening += 1
        iso2, country, regions, lat0, lon0, spread, _ = COUNTRIES[
            rng.choice(len(COUNTRIES), p=shares / shares.sum())
        ]
        event_type, sub_type, _ = SUB_TYPES[rng.choice(len(SUB_TYPES), p=type_shares / type_shares.sum())]
        day = START + timedelta(days=int(rng.integers(DAYS)))
        lat, lon = lat0 + rng.normal(0, spread), lon0 + rng.normal(0, spread)
        region = regions[int(rng.integers(len(regions)))]
        town = f"Town {iso2}-{int(rng.integers(400))}"
        actor1, actor2 = ACTORS[int(rng.integers(len(ACTORS)))], ACTORS[int(rng.integers(len(ACTORS)))]
        toll = int(rng.poisson(3)) if event_type != "Protests" else 0
        for report in range(int(rng.choice(3, p=[0.75, 0.2, 0.05])) + 1):
            if made >= n_events:
                return
            made += 1
            article_id = f"bench-{happening}-{report}"
            text = (
                f"{town} : {sub_type.lower()} le {day.isoformat()}, {toll} morts selon des sources locales."
            )
            event = Event(
                event_id=f"ev-{happening}-{report}", article_id=article_id, event_date=day.isoformat(),
                time_precision=1, event_type=event_type, sub_event_type=sub_type,
                actor1=actor1, actor2=actor2,
                country=country, iso2=iso2, admin1=region, location=town, latitude=round(lat, 4),
                longitude=round(lon, 4), geo_precision=1, fatalities=toll,
                factuality=FACTUALITY[int(rng.choice(len(FACTUALITY), p=fact_shares))][0],
                source=OUTLETS[int(rng.integers(len(OUTLETS)))],
                published=(day + timedelta(days=report)).isoformat(),
                evidence=(
                    Evidence(field="location", article_id=article_id, start=0, end=len(town), text=town),
                ),
                pipeline_version="bench",
            )  # fmt: skip
            yield _article_row(article_id, text, event, now), _event_row(event)


def _article_row(article_id: str, text: str, event, now: str) -> dict[str, Any]:
    return {
        "id": article_id, "content_hash": article_id, "text": text, "title": None,
        "published": event.published, "published_precision": 1, "source": event.source, "url": None,
        "language": "fr", "origin": "benchmark",
        "status": "extracted", "pipeline_version": "bench", "ingested_at": now, "extracted_at": now,
    }  # fmt: skip


def _event_row(event) -> dict[str, Any]:
    columns = (
        "event_id",
        "article_id",
        "event_date",
        "event_type",
        "sub_event_type",
        "country",
        "iso2",
        "admin1",
        "location",
        "latitude",
        "longitude",
        "factuality",
        "fatalities",
        "actor1",
        "actor2",
        "pipeline_version",
    )
    return {
        **{c: getattr(event, c) for c in columns},
        "record": json.dumps(event.to_dict(), ensure_ascii=False),
    }


def timed(call: Callable[[], Any], repeat: int) -> dict[str, float]:
    call()  # warm the page cache and the query plans
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        call()
        samples.append((time.perf_counter() - started) * 1000)
    return _summary(samples)


def _summary(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    return {
        "p50_ms": round(statistics.median(ordered), 1),
        "p95_ms": round(ordered[max(0, int(round(0.95 * len(ordered))) - 1)], 1),
        "max_ms": round(ordered[-1], 1),
    }


def measure(path: Path, repeat: int) -> dict[str, Any]:
    from fastapi.testclient import TestClient

    from sitrep.store import EventStore
    from sitrep.web import create_app

    results: dict[str, Any] = {}
    all_event_samples: list[float] = []
    with TestClient(create_app(path)) as client:

        def get(url: str, params: dict[str, Any]) -> Callable[[], Any]:
            def call() -> Any:
                response = client.get(url, params=params)
                if response.status_code != 200:
                    raise RuntimeError(f"{url} {params}: {response.status_code} {response.text[:200]}")
                return response

            return call

        second_page = client.get("/api/events", params={"country": "ML"}).json()["next_cursor"]
        event_queries = {
            "no filter": {},
            "country": {"country": "ML"},
            "country + dates": {"country": "Burkina Faso", "since": "2022-01-01", "until": "2022-06-30"},
            "event_type": {"event_type": "Battles"},
            "sub_event_type + factuality": {"sub_event_type": "Attack",
                                            "factuality": ["asserted", "reported"]},
            "actor": {"actor": "jnim"},
            "admin1": {"admin1": "Borno"},
            "q": {"q": "town ml-12"},
            "bbox": {"bbox": "-4,13,-1,16"},
            "sort by fatalities": {"sort": "-fatalities"},
            "second page (cursor)": {"country": "ML", "cursor": second_page},
            "everything combined": {"country": "NE", "since": "2021-06-01",
                                    "event_type": "Violence against civilians",
                                    "factuality": "asserted", "bbox": "0,10,10,20"},
            "unmerged": {"unmerged": "true", "country": "SY"},
            "geojson": {"format": "geojson", "country": "CD"},
            "csv": {"format": "csv", "event_type": "Protests"},
        }  # fmt: skip
        events: dict[str, Any] = {}
        for name, params in event_queries.items():
            call = get("/api/events", params)
            call()
            samples = []
            for _ in range(repeat):
                started = time.perf_counter()
                call()
                samples.append((time.perf_counter() - started) * 1000)
            all_event_samples += samples
            events[name] = {"params": params, **_summary(samples)}
        results["events"] = events
        results["events_all_queries"] = _summary(all_event_samples)
        results["stats"] = {
            "no filter": timed(get("/api/stats", {}), repeat),
            "country": timed(get("/api/stats", {"country": "ML"}), repeat),
        }
        world = get("/api/map", {"zoom": 2})()
        region = get("/api/map", {"zoom": 8, "bbox": "-2.6,14.8,-1.6,15.6"})()
        results["map"] = {
            "world, zoom 2": {**timed(get("/api/map", {"zoom": 2}), repeat), "mode": world.json()["mode"],
                              "items": len(world.json().get("cells") or []), "bytes": len(world.content)},
            "region, zoom 8": {**timed(get("/api/map", {"zoom": 8, "bbox": "-2.6,14.8,-1.6,15.6"}), repeat),
                               "mode": region.json()["mode"], "items": len(region.json().get("points") or []),
                               "bytes": len(region.content)},
        }  # fmt: skip
    results["first_request"] = first_requests(path)
    with EventStore.open(path) as store:
        library = timed(lambda: list(store.merged_events(limit=100)), repeat)
    api_first_page = events["no filter"]["p50_ms"]
    results["baseline_library_first_page"] = library
    results["ratio_to_library"] = round(api_first_page / max(library["p50_ms"], 0.1), 2)
    return results


def first_requests(path: Path) -> dict[str, float]:
    """Milliseconds of the first request to a fresh server (nothing remembered yet), once each: what the
    page waits for when it opens, and what a filter never asked before costs."""
    from fastapi.testclient import TestClient

    from sitrep.web import create_app

    cases = {
        "/api/events (no filter)": ("/api/events", {}),
        "/api/events total=true": ("/api/events", {"total": "true"}),
        "/api/events total=true, actor": ("/api/events", {"total": "true", "actor": "jnim"}),
        "/api/stats (no filter)": ("/api/stats", {}),
        "/api/stats country": ("/api/stats", {"country": "ML"}),
        "/api/map world, zoom 2": ("/api/map", {"zoom": 2}),
        "/api/map region, zoom 8": ("/api/map", {"zoom": 8, "bbox": "-2.6,14.8,-1.6,15.6"}),
    }
    out = {}
    for name, (url, params) in cases.items():
        with TestClient(create_app(path)) as client:
            client.get("/api/config")
            started = time.perf_counter()
            response = client.get(url, params=params)
            out[name] = round((time.perf_counter() - started) * 1000, 1)
            if response.status_code != 200:
                raise RuntimeError(f"{url}: {response.status_code}")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--db", type=Path, help="keep the store here (reused when it exists)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        path = args.db or Path(scratch) / "api-bench.db"
        built = {"reused": True} if path.exists() else build_store(path, args.events)
        measured = measure(path, args.repeat)
    p95 = measured["events_all_queries"]["p95_ms"]
    report = {
        "benchmark": "api",
        "python": platform.python_version(),
        "machine": platform.machine(),
        "events": args.events,
        "repeat": args.repeat,
        "store": built,
        **measured,
        "goal": "p95 of /api/events with filters < 200 ms",
        "goal_met": p95 < 200,
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
