"""Partitioned deduplication benchmark: 2,000,000 synthetic records clustered on a Dask LocalCluster
(country x month partitions), against the single-process `find_clusters` on the same records.

    .venv/bin/python benchmarks/dedup_partitioned.py [--records 2000000] [--workers 2] [--no-baseline]

The records come from benchmarks/dedup.py's generator (the same world, the same seed), and the time
spent generating them is measured apart and left out. Each mode runs in its own process, so that its
peak memory is its own:

- single: `find_clusters` in one process;
- partitioned: `find_clusters_partitioned` on a LocalCluster of `--workers` single-threaded worker
  processes (cluster start-up included).

Reported per mode: seconds (wall, generation left out), CPU seconds of every process involved (driver
and workers), peak memory (driver, and each worker), candidate pairs, links, clusters, and a digest of
the groups: the two modes must give the same digest (the same clusters, record for record). Also the
machine's load average before each run, since the 2 cores are shared. Writes
benchmarks/results/dedup_partitioned.json and prints it.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from dedup import Timed, pairwise_quality, peak_rss_mb, synthetic_events  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "results" / "dedup_partitioned.json"


class TimedCpu(Timed):
    """Timed, also counting the CPU seconds spent making records (wall time overstates them when the
    machine is shared)."""

    def __init__(self, events) -> None:
        super().__init__(events)
        self.cpu_seconds = 0.0

    def __next__(self):
        start = time.process_time()
        try:
            return super().__next__()
        finally:
            self.cpu_seconds += time.process_time() - start


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def worker_usage() -> dict[str, float]:
    """Runs in each Dask worker: its CPU seconds and peak memory (self-contained: workers have no
    benchmarks/ on their path)."""
    import resource

    usage = resource.getrusage(resource.RUSAGE_SELF)
    return {"cpu_seconds": usage.ru_utime + usage.ru_stime, "peak_rss_mb": round(usage.ru_maxrss / 1024, 1)}


def digest(groups: list[list[int]]) -> str:
    text = "\n".join(",".join(map(str, group)) for group in groups)
    return hashlib.sha256(text.encode("ascii")).hexdigest()[:16]


def run_mode(mode: str, records: int, per_day: int, workers: int) -> dict:
    from sitrep.dedup import find_clusters

    stream = TimedCpu(synthetic_events(records, per_day=per_day))
    workers_used: dict = {}
    start_cpu = cpu_seconds()
    start = time.perf_counter()
    if mode == "single":
        clustering = find_clusters(stream)
    else:
        from sitrep.dedup.partitioned import find_clusters_partitioned
        from sitrep.engines.dask import dask_client

        with dask_client(workers=workers) as client:
            clustering = find_clusters_partitioned(stream, client=client)
            workers_used = client.run(worker_usage)
    seconds = time.perf_counter() - start - stream.seconds
    driver_cpu = cpu_seconds() - start_cpu - stream.cpu_seconds
    worker_cpu = sum(w["cpu_seconds"] for w in workers_used.values())
    return {
        "mode": mode,
        "records": len(clustering.event_ids),
        "workers": len(workers_used) or 1,
        "generate_seconds": round(stream.seconds, 1),
        "cluster_seconds": round(seconds, 1),
        "cpu_seconds": round(driver_cpu + worker_cpu, 1),
        "driver_cpu_seconds": round(driver_cpu, 1),
        "worker_cpu_seconds": round(worker_cpu, 1),
        "peak_rss_mb": peak_rss_mb(),
        "worker_peak_rss_mb": [w["peak_rss_mb"] for w in workers_used.values()],
        "candidate_pairs": clustering.candidates,
        "links_above_floor": clustering.links,
        "clusters": len(clustering.groups),
        "groups_digest": digest(clustering.groups),
        **pairwise_quality(clustering.event_ids, clustering.groups),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=2_000_000)
    parser.add_argument("--per-day", type=int, default=750, help="records per day in the synthetic feed")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--no-baseline", action="store_true", help="skip the single-process run")
    parser.add_argument("--mode", help=argparse.SUPPRESS)  # internal: run one mode, print JSON
    args = parser.parse_args()
    if args.mode:
        print(json.dumps(run_mode(args.mode, args.records, args.per_day, args.workers)))
        return
    modes = ["partitioned"] if args.no_baseline else ["single", "partitioned"]
    runs = {}
    for mode in modes:
        load = os.getloadavg()[0]
        command = [sys.executable, __file__, "--mode", mode, "--records", str(args.records)]
        command += ["--per-day", str(args.per_day), "--workers", str(args.workers)]
        done = subprocess.run(command, check=True, capture_output=True, text=True)
        runs[mode] = {
            **json.loads(done.stdout.strip().splitlines()[-1]),
            "load_average_before": round(load, 2),
        }
        print(json.dumps(runs[mode]), file=sys.stderr)
    result = {
        "benchmark": "dedup_partitioned",
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
        "records": args.records,
        "records_per_day": args.per_day,
        "runs": runs,
    }
    if "single" in runs:
        single, partitioned = runs["single"], runs["partitioned"]
        result["same_clusters"] = single["groups_digest"] == partitioned["groups_digest"] and (
            single["candidate_pairs"],
            single["links_above_floor"],
        ) == (partitioned["candidate_pairs"], partitioned["links_above_floor"])
        result["speed_ratio_partitioned_over_single"] = round(
            single["cluster_seconds"] / max(0.1, partitioned["cluster_seconds"]), 2
        )
        result["cpu_ratio_partitioned_over_single"] = round(
            partitioned["cpu_seconds"] / max(0.1, single["cpu_seconds"]), 2
        )
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
