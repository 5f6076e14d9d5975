"""Dask engine benchmark: `sitrep run --engine dask` on a LocalCluster of 2 workers against the local
engine with 2 (and 1) worker processes, on the same MasakhaNEWS articles.

    .venv/bin/python benchmarks/dask_engine.py [--limit 240] [--data ../shared/data/masakhanews-fra]

The articles (BBC Afrique news of five topics; read as benchmarks/throughput.py reads them, then every
k-th taken so that all topics are in the sample) are written to a JSON-lines file. Each configuration
runs in its own process, into a fresh SQLite store, timed from start to end: imports, model loading
and, for Dask, starting the cluster are included, as a user would wait for them. Every configuration
(Dask's worker processes too) imports sitrep from a copy of src/ taken at the start, so that edits
made to the working tree while the benchmark runs cannot make the engines disagree.

- local-1, local-2: `run_batch` with 1 or 2 worker processes (the local engine; with 1, the coding
  happens in the driver);
- dask-2: `run_dask` on a LocalCluster of 2 single-threaded worker processes (the scheduler runs in
  the driver process, whose CPU seconds are reported apart).

Reported per configuration: articles/s, CPU seconds of the whole process tree (steadier than wall time
on this shared machine) and articles per CPU second, peak memory (RSS and PSS, sampled), the load
average before the run; and whether each stored the same events as local-1. Each configuration runs
`--rounds` times in alternating order and keeps its fastest run (every round is listed). The figure
asked for is the ratio dask-2 / local-2 of articles/s. Writes benchmarks/results/dask_engine.json
and prints it.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import DATA, TreeMemory, load_articles  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "results" / "dask_engine.json"
SRC = Path(__file__).resolve().parents[1] / "src"
CONFIGS = ("local-1", "local-2", "dask-2")
BATCH_SIZE = 8
PARTITION_SIZE = 16
ROUND_KEYS = ("seconds", "articles_per_second", "cpu_seconds", "load_average_before")


def child(config: str, corpus: Path, db: Path, workdir: Path) -> dict[str, object]:
    started = time.perf_counter()
    from sitrep.store import EventStore

    engine, workers = config.split("-")
    with EventStore.open(db) as store:
        if engine == "dask":
            from sitrep.engines.dask import DaskOptions, run_dask

            options = DaskOptions(
                workers=int(workers),
                batch_size=BATCH_SIZE,
                partition_size=PARTITION_SIZE,
                run_dir=db.with_suffix(".parts"),
            )
            summary = run_dask([corpus], store=store, options=options)
        else:
            from sitrep.engines.batch import RunOptions, run_batch

            summary = run_batch(
                [corpus], store=store, options=RunOptions(workers=int(workers), batch_size=BATCH_SIZE)
            )
        events = store.count_events()
    import sitrep

    usage = resource.getrusage(resource.RUSAGE_SELF)
    return {
        "sitrep_from": str(Path(sitrep.__file__).parent),
        # This process alone: reading, storing, and for Dask the scheduler (a LocalCluster's runs here).
        "driver_cpu_seconds": round(usage.ru_utime + usage.ru_stime, 1),
        "articles": summary.articles,
        "coded": summary.extracted,
        "failed": summary.failed,
        "unsupported_language": summary.unsupported_language,
        "events": events,
        "seconds": time.perf_counter() - started,
    }


def stored_events(db: Path) -> list[tuple[str, str]]:
    import sqlite3

    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT event_id, record FROM events ORDER BY event_id").fetchall()


def measure(config: str, corpus: Path, workdir: Path, round_number: int) -> tuple[dict[str, object], list]:
    db = workdir / f"{config}-{round_number}.db"  # a fresh store each time: everything is coded
    command = [
        sys.executable,
        __file__,
        "--child",
        config,
        "--corpus",
        str(corpus),
        "--workdir",
        str(workdir),
        "--db",
        str(db),
    ]
    # The snapshot of src/ comes first on the path (the editable install only appends src/ to it).
    path = [str(workdir / "src"), os.environ.get("PYTHONPATH", "")]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, path))}
    load = os.getloadavg()[0]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=env)
    sampler = TreeMemory(process.pid)
    sampler.start()
    out, _ = process.communicate()
    sampler.stopped.set()
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if process.returncode != 0:
        raise SystemExit(f"{config} failed with status {process.returncode}")
    result = json.loads(out.strip().splitlines()[-1])
    used = result.pop("sitrep_from")
    assert used == str(workdir / "src" / "sitrep"), f"the snapshot was not used: sitrep came from {used}"
    # Every process of the tree (Dask's nanny and worker processes too) was waited for by its parent,
    # so the children's usage covers them all.
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    result["seconds"] = round(result["seconds"], 1)
    result["articles_per_second"] = round(result["articles"] / result["seconds"], 3)
    result["cpu_seconds"] = round(cpu, 1)
    result["articles_per_cpu_second"] = round(result["articles"] / cpu, 3)
    result["cpu_seconds_per_article"] = round(cpu / result["articles"], 3)
    result["load_average_before"] = round(load, 2)
    result["peak_rss_mb"] = round(sampler.peak_rss / 2**20)
    result["peak_pss_mb"] = round(sampler.peak_pss / 2**20)
    print(f"{config}: {result['articles_per_second']} articles/s, {cpu:.0f} CPU s", file=sys.stderr)
    return result, stored_events(db)


def sample(articles: list[dict], limit: int) -> list[dict]:
    step = max(1, len(articles) // limit)
    return articles[::step][:limit]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--limit", type=int, default=240, help="articles in the sample")
    parser.add_argument("--configs", nargs="+", choices=CONFIGS, default=list(CONFIGS))
    parser.add_argument(
        "--rounds", type=int, default=2, help="runs of each configuration, in alternating order (ABBA)"
    )
    parser.add_argument("--child", choices=CONFIGS, help=argparse.SUPPRESS)
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--workdir", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.corpus, args.db, args.workdir)))
        return
    if not args.data.is_dir():
        raise SystemExit(f"{args.data}: no MasakhaNEWS folder here; give it with --data")
    articles = sample(load_articles(args.data, None), args.limit)
    from sitrep.geo.gazetteer import Gazetteer

    Gazetteer.open(progress=False).close()  # built before timing, if this machine has none yet
    runs, events = {}, {}
    with tempfile.TemporaryDirectory(prefix="sitrep-dask-bench-") as tmp:
        workdir = Path(tmp)
        shutil.copytree(SRC, workdir / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        corpus = workdir / "masakhanews.jsonl"
        corpus.write_text(
            "".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles), encoding="utf-8"
        )
        # Alternating the order (local-2, dask-2, then dask-2, local-2) spreads the load other work
        # puts on this shared machine over both engines; each keeps its best (least disturbed) run.
        tried: dict[str, list[dict]] = {config: [] for config in args.configs}
        for round_number in range(args.rounds):
            order = args.configs if round_number % 2 == 0 else list(reversed(args.configs))
            for config in order:
                found, stored = measure(config, corpus, workdir, round_number)
                tried[config].append(found)
                events.setdefault(config, []).append(stored)
    for config, found in tried.items():
        best = max(found, key=lambda run: run["articles_per_second"])
        runs[config] = {**best, "all_rounds": [{k: r[k] for k in ROUND_KEYS} for r in found]}
    reference = events[args.configs[0]][0]
    result = {
        "benchmark": "dask_engine",
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
        "articles": len(articles),
        "mean_chars": round(sum(len(a["text"]) for a in articles) / len(articles)),
        "batch_size": BATCH_SIZE,
        "partition_size": PARTITION_SIZE,
        "runs": runs,
        # Every round of every configuration against the first run of the first: events that differ
        # (by id or record), 0 when the engines agree.
        f"same_events_as_{args.configs[0]}": {
            name: all(found == reference for found in stored) for name, stored in events.items()
        },
        f"events_differing_from_{args.configs[0]}": {
            name: max(len(set(found) ^ set(reference)) for found in stored) for name, stored in events.items()
        },
    }
    if {"dask-2", "local-2"} <= set(runs):
        dask, local = runs["dask-2"], runs["local-2"]
        result["ratio_dask_2_over_local_2"] = round(
            dask["articles_per_second"] / local["articles_per_second"], 3
        )
        result["cpu_ratio_dask_2_over_local_2"] = round(dask["cpu_seconds"] / local["cpu_seconds"], 3)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
