"""The Dask engine: `sitrep run --engine dask [--scheduler tcp://HOST:8786]`.

    with EventStore.open(db) as store:
        summary = run_dask(["archives/"], store=store, options=DaskOptions(workers=2))

This process reads the inputs, stores each new article once and decides what needs coding, exactly
as the local engine does; partitions of `partition_size` articles are coded on `dask.distributed`
workers (a LocalCluster of single-threaded worker processes by default, or the cluster behind
`scheduler`), each with its own Pipeline, by the same `ArticleCoder` the local engine uses. A
worker sends its partition's outcomes back as JSON lines; this process writes them to a file in the
run folder, stores them (one transaction per partition) and deletes the file. A partition file
left behind (the run was killed, or the database refused the write) is stored by the next run,
without coding again. Resumable like the local engine: an article already coded by this pipeline
version is never coded again, so a run stopped at any point and started again ends with the store
an uninterrupted run gives.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import platformdirs
from tqdm import tqdm
from tqdm.contrib.logging import logging_redirect_tqdm

from sitrep.errors import SitrepError
from sitrep.records import Article, Event

if TYPE_CHECKING:
    from distributed import Client, Future

    from sitrep.engines.coder import ArticleCoder, CoderSpec, Outcome
    from sitrep.engines.local import RunSummary
    from sitrep.ingest import InputProblem
    from sitrep.pipeline import Pipeline
    from sitrep.store import EventStore

# The pipeline's modules (spaCy, lexicons) are imported where they are used, so that importing this
# module for `dask_client` (sitrep.dedup.partitioned does) stays cheap.

logger = logging.getLogger("sitrep.run")

#: the first line of a partition file says what wrote it.
PARTITION_FORMAT = "sitrep-partition/1"
#: how long to wait for a scheduler given by address before giving up, in seconds.
CONNECT_TIMEOUT = 30


@dataclass(frozen=True, kw_only=True)
class DaskOptions:
    """How a Dask run reads, codes and reports."""

    #: worker processes of the local cluster (ignored with `scheduler`: the cluster has its own).
    workers: int = 2
    #: address of a running Dask scheduler, e.g. tcp://10.0.0.5:8786; None starts a LocalCluster.
    scheduler: str | None = None
    published: date | None = None
    source: str | None = None
    language: str = "fr"
    lexicon_dir: Path | None = None
    prefilter: bool = False
    #: articles per nlp.pipe batch inside a worker.
    batch_size: int = 8
    #: articles per task (and per partition file).
    partition_size: int = 32
    #: where partition files are written; default: a folder per store in the user data directory.
    run_dir: Path | None = None
    progress: bool = False

    @property
    def spec(self) -> CoderSpec:
        from sitrep.engines.coder import CoderSpec

        return CoderSpec(
            language=self.language,
            lexicon_dir=self.lexicon_dir,
            prefilter=self.prefilter,
            batch_size=self.batch_size,
        )


@contextmanager
def dask_client(*, workers: int = 2, scheduler: str | None = None) -> Iterator[Client]:
    """A Dask client: of the scheduler at `scheduler`, or of a LocalCluster of `workers` processes
    with one thread each (spaCy parses in one thread; processes run side by side)."""
    from distributed import Client, LocalCluster

    if scheduler:
        try:
            client = Client(scheduler, timeout=CONNECT_TIMEOUT)
        except (OSError, TimeoutError) as err:
            raise SitrepError(
                f"cannot reach the Dask scheduler at {scheduler}: {err}; start it (`dask scheduler`, "
                "with `dask worker ADDRESS` on each machine) or leave out --scheduler for a local cluster"
            ) from err
        with _quiet("distributed", "dask"), client:
            yield client
        return
    if workers < 1:
        raise SitrepError(f"a local Dask cluster needs at least 1 worker (got {workers})")
    with _quiet("distributed", "dask"):
        cluster = LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",
            silence_logs=logging.ERROR,
        )
        with cluster, Client(cluster) as client:
            yield client


@contextmanager
def _quiet(*names: str) -> Iterator[None]:
    """Dask's own progress messages (scheduler started, worker registered...) stay out of sitrep's
    output, which is for the run's progress and problems; its warnings and errors still show."""
    loggers = [logging.getLogger(name) for name in names]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(max(logger.getEffectiveLevel(), logging.WARNING))
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


def run_dask(
    paths: Iterable[str | Path],
    *,
    store: EventStore,
    options: DaskOptions | None = None,
    pipeline: Pipeline | None = None,
    on_problem: Callable[[InputProblem], None] | None = None,
    client: Client | None = None,
) -> RunSummary:
    """Ingest `paths` into `store` and code, on Dask, every article that needs it; return the counts.

    `pipeline` (optional) decides in this process what needs coding; `client` (optional) is a Dask
    client to use instead of the one `options` describe.
    """
    from sitrep.engines.progress import estimate_articles
    from sitrep.ingest import read_articles
    from sitrep.pipeline import Pipeline

    options = options or DaskOptions()
    if options.partition_size < 1 or options.batch_size < 1:
        raise SitrepError(
            "partition and batch sizes must be at least 1 "
            f"(got {options.partition_size} and {options.batch_size})"
        )
    paths = list(paths)
    pipeline = pipeline or Pipeline(language=options.language, lexicon_dir=options.lexicon_dir)
    run_dir = options.run_dir or default_run_dir(store.url)
    run_dir.mkdir(parents=True, exist_ok=True)
    left = store_leftovers(run_dir, store=store, pipeline_version=pipeline.version)
    if left:
        logger.info("stored %d articles coded by an interrupted run", left)
    if client is None and options.scheduler is None:
        from sitrep.geo.gazetteer import Gazetteer

        Gazetteer.open(progress=options.progress).close()  # built here once, not by every worker
    total = estimate_articles(paths) if options.progress else None
    clients = (
        nullcontext(client)
        if client is not None
        else dask_client(workers=options.workers, scheduler=options.scheduler)
    )
    with clients as active, _progress_bar(total, enabled=options.progress) as bar:
        run = _DaskRun(
            store=store, pipeline=pipeline, client=active, options=options, run_dir=run_dir, bar=bar
        )
        report = on_problem or _log_problem

        def problem(found: InputProblem) -> None:
            run.note_problem(found)
            report(found)

        for article in read_articles(
            paths, published=options.published, source=options.source, on_problem=problem
        ):
            run.add(article)
        run.finish()
        if not bar.disable:
            bar.total = bar.n  # the estimate counted unreadable lines and files too
            bar.refresh()
    _remove_if_empty(run_dir)
    return run.summary


def default_run_dir(store_url: str) -> Path:
    """The run folder of a store: one per store URL, under $SITREP_DATA_DIR or the user data dir."""
    data_dir = os.environ.get("SITREP_DATA_DIR") or platformdirs.user_data_dir("sitrep")
    digest = hashlib.sha256(store_url.encode("utf-8")).hexdigest()[:16]
    return Path(data_dir) / "runs" / digest


# -- on the workers ---------------------------------------------------------------------------------


@lru_cache(maxsize=2)
def _coder(spec: CoderSpec) -> ArticleCoder:
    """The coder of this worker process, built on its first partition and kept for the next ones."""
    from sitrep.engines.coder import ArticleCoder

    return ArticleCoder(spec)


def code_partition(spec: CoderSpec, articles: list[Article]) -> str:
    """Code `articles` in this worker; their outcomes as a partition file's text."""
    coder = _coder(spec)
    header = {"format": PARTITION_FORMAT, "pipeline_version": coder.pipeline.version}
    lines = [json.dumps(header)]
    for outcome in coder.code(articles):
        lines.append(json.dumps(_outcome_record(outcome), ensure_ascii=False))
    return "\n".join(lines) + "\n"


def _outcome_record(outcome: Outcome) -> dict[str, Any]:
    return {
        "article_id": outcome.article_id,
        "events": [event.to_dict() for event in outcome.events],
        "error": outcome.error,
        "prefiltered": outcome.prefiltered,
    }


# -- partition files --------------------------------------------------------------------------------


def read_partition(text: str, *, origin: str) -> tuple[str, list[Outcome]]:
    """(pipeline version, outcomes) of a partition file's text."""
    lines = text.splitlines()
    try:
        header = json.loads(lines[0]) if lines else {}
        if header.get("format") != PARTITION_FORMAT:
            raise ValueError(f"first line is not a {PARTITION_FORMAT} header")
        outcomes = [_outcome(json.loads(line)) for line in lines[1:] if line.strip()]
    except (ValueError, KeyError, TypeError) as err:
        raise SitrepError(f"{origin}: not a partition file sitrep can read ({err}); delete it") from err
    return str(header.get("pipeline_version")), outcomes


def _outcome(record: dict[str, Any]) -> Outcome:
    from sitrep.engines.coder import Outcome

    events = tuple(Event.from_dict(event) for event in record["events"])
    return Outcome(record["article_id"], events, error=record["error"], prefiltered=record["prefiltered"])


def store_outcomes(store: EventStore, outcomes: list[Outcome], *, pipeline_version: str) -> None:
    """Store a partition's outcomes: events (one transaction for all), failures with their reason."""
    store.replace_events_many(
        [(o.article_id, o.events) for o in outcomes if o.error is None], pipeline_version=pipeline_version
    )
    for outcome in outcomes:
        if outcome.error is not None:
            store.set_article_status(outcome.article_id, "failed", reason=outcome.error)


def store_leftovers(run_dir: Path, *, store: EventStore, pipeline_version: str) -> int:
    """Store the partition files an earlier run left in `run_dir` (what is not stored yet, and was
    coded by this pipeline version); delete them. Returns how many articles were stored."""
    stored = 0
    for path in sorted(run_dir.glob("part-*.jsonl")):
        version, outcomes = read_partition(path.read_text(encoding="utf-8"), origin=str(path))
        if version == pipeline_version:
            states = store.article_states([o.article_id for o in outcomes])
            missing = [
                o
                for o in outcomes
                if o.article_id in states and states[o.article_id] != ("extracted", pipeline_version)
            ]
            store_outcomes(store, missing, pipeline_version=pipeline_version)
            stored += len(missing)
        path.unlink(missing_ok=True)
    return stored


def _write_atomically(path: Path, text: str) -> None:
    partial = path.with_suffix(".partial")
    partial.write_text(text, encoding="utf-8")
    partial.replace(path)  # a reader sees the whole file or none


def _remove_if_empty(folder: Path) -> None:
    try:
        folder.rmdir()
    except OSError:
        pass  # files left for the next run, or another run using it


# -- the driver ---------------------------------------------------------------------------------------


def _log_problem(problem: InputProblem) -> None:
    logger.warning("%s", problem)


@contextmanager
def _progress_bar(total: int | None, *, enabled: bool) -> Iterator[tqdm]:
    bar = tqdm(total=total or None, unit="art", desc="articles", disable=not enabled, dynamic_ncols=True)
    try:
        with logging_redirect_tqdm() if enabled else nullcontext():
            yield bar
    finally:
        bar.close()


class _DaskRun:
    """One run's state: the partition being filled, the partitions being coded, the counts."""

    def __init__(
        self,
        *,
        store: EventStore,
        pipeline: Pipeline,
        client: Client,
        options: DaskOptions,
        run_dir: Path,
        bar: tqdm,
    ):
        from distributed import as_completed

        from sitrep.engines.local import RunSummary

        self.store, self.pipeline, self.client, self.options = store, pipeline, client, options
        self.run_dir, self.bar = run_dir, bar
        self.summary = RunSummary()
        self._skipped = 0
        self._partition: list[Article] = []
        self._queued: set[str] = set()
        self._running = as_completed()
        self._articles: dict[str, list[Article]] = {}
        self._numbers = 0
        workers = len(client.scheduler_info().get("workers", {})) or options.workers
        self._max_running = 2 * workers + 1  # every worker busy, one more partition waiting each

    def note_problem(self, problem: InputProblem) -> None:
        self.summary.problems.append(problem)
        self._skipped += problem.skipped

    def add(self, article: Article) -> None:
        self.summary.articles += 1
        article, needed = self._triage(article)
        if not needed:
            self._tick()
            return
        self._queued.add(article.id)
        self._partition.append(article)
        if len(self._partition) >= self.options.partition_size:
            self._submit()

    def finish(self) -> None:
        if self._partition:
            self._submit()
        while self._articles:
            self._collect()

    def _triage(self, article: Article) -> tuple[Article, bool]:
        """The article as stored, and whether it must be coded (counted when not)."""
        store, summary = self.store, self.summary
        stored = store.stored_copy(article)
        if stored is None:
            summary.new += store.add_article(article)
            status, version = "pending", None
        else:
            summary.already_stored += 1
            stored_id, status, version = stored
            if stored_id != article.id:
                article = store.get_article(stored_id) or article
        if article.id in self._queued:
            return article, False  # the same article twice in this run: coded once
        if status == "extracted" and version == self.pipeline.version:
            summary.reused += 1
            summary.events += store.count_events(article_id=article.id)
            return article, False
        if not self.pipeline.supports(article):
            reason = f"language {self.pipeline.language_of(article)!r}"
            store.set_article_status(article.id, "unsupported_language", reason=reason)
            summary.unsupported_language += 1
            return article, False
        return article, True

    def _submit(self) -> None:
        partition, self._partition = self._partition, []
        future: Future = self.client.submit(code_partition, self.options.spec, partition, pure=False)
        self._articles[future.key] = partition
        self._running.add(future)
        while len(self._articles) >= self._max_running:
            self._collect()

    def _collect(self) -> None:
        future = next(self._running)
        partition = self._articles.pop(future.key)
        text = future.result()
        self._numbers += 1
        digest = hashlib.sha256("\n".join(a.id for a in partition).encode("utf-8")).hexdigest()[:12]
        path = self.run_dir / f"part-{os.getpid()}-{self._numbers:06d}-{digest}.jsonl"
        _write_atomically(path, text)
        version, outcomes = read_partition(text, origin=str(path))
        if version != self.pipeline.version:
            path.unlink(missing_ok=True)
            raise SitrepError(
                f"the Dask workers code with pipeline {version}, this process with {self.pipeline.version}: "
                "install the same sitrep and lexicons on every worker (and give the same --lexicon-dir)"
            )
        store_outcomes(self.store, outcomes, pipeline_version=version)
        path.unlink(missing_ok=True)
        for article, outcome in zip(partition, outcomes, strict=True):
            self._count(article, outcome)
            self._queued.discard(article.id)
            self._tick()

    def _count(self, article: Article, outcome: Outcome) -> None:
        summary = self.summary
        if outcome.error is not None:
            logger.warning("%s: extraction failed: %s", article.origin or article.id, outcome.error)
            summary.failed += 1
            return
        summary.events += len(outcome.events)
        if outcome.prefiltered:
            summary.prefiltered += 1
        else:
            summary.extracted += 1

    def _tick(self) -> None:
        bar, summary = self.bar, self.summary
        if bar.disable:
            return
        bar.update(1)
        if bar.total is not None and bar.n > bar.total:
            bar.total = bar.n
        counts = {
            "events": summary.events,
            "skipped": self._skipped,
            "unsupported": summary.unsupported_language,
            "failed": summary.failed,
            "coding": sum(len(p) for p in self._articles.values()),
        }
        if self.options.prefilter:
            counts["prefiltered"] = summary.prefiltered
        bar.set_postfix(counts, refresh=False)
