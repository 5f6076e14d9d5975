"""Batch runs: read many inputs, code every article not coded yet, store the events; resumable.

    with EventStore.open("sitrep.db") as store:
        summary = run_batch(["pages/", "feeds/"], store=store, options=RunOptions(workers=2))

This process reads the inputs, stores each new article, and writes every result: one writer, so a
SQLite store needs no locking between workers. Worker processes (`workers` > 1) only code. An
article is marked extracted in the same transaction that stores its events
(`EventStore.replace_events`), so after a crash, Ctrl-C or `kill -9` the store holds whole articles
only, and running the same command again codes just what is missing: the final store equals that
of an uninterrupted run. Articles coded by the same pipeline version are never coded twice.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from tqdm import tqdm
from tqdm.contrib.logging import logging_redirect_tqdm

from sitrep.engines.coder import ArticleCoder, CoderSpec, InProcessCoders, Outcome, ProcessCoders
from sitrep.engines.local import RunSummary
from sitrep.engines.progress import estimate_articles
from sitrep.errors import SitrepError
from sitrep.geo.gazetteer import Gazetteer
from sitrep.ingest import InputProblem, read_articles
from sitrep.pipeline import Pipeline
from sitrep.records import Article
from sitrep.store import EventStore

logger = logging.getLogger("sitrep.run")


@dataclass(frozen=True, kw_only=True)
class RunOptions:
    """How a batch run reads, codes and reports."""

    workers: int = 1
    published: date | None = None
    source: str | None = None
    language: str = "fr"
    lexicon_dir: Path | None = None
    #: before parsing, pass over articles whose words cannot make an event and blank out the
    #: sentences that neither can nor give context (engines.prefilter): much faster, and the events
    #: may differ where a left-out sentence held context (a place, a date).
    prefilter: bool = False
    #: articles per task handed to a worker (the parser's own batches are cut by characters).
    batch_size: int = 8
    progress: bool = False

    @property
    def spec(self) -> CoderSpec:
        return CoderSpec(
            language=self.language,
            lexicon_dir=self.lexicon_dir,
            prefilter=self.prefilter,
            batch_size=self.batch_size,
        )


def run_batch(
    paths: Iterable[str | Path],
    *,
    store: EventStore,
    options: RunOptions | None = None,
    pipeline: Pipeline | None = None,
    on_problem: Callable[[InputProblem], None] | None = None,
) -> RunSummary:
    """Ingest `paths` into `store` and code every article that needs it; return the counts.

    `pipeline` (optional) is used in this process: to code when there is one worker, and to
    decide what needs coding. Input problems go to `on_problem` (default: logged) and are counted.
    """
    options = options or RunOptions()
    if options.workers < 1 or options.batch_size < 1:
        raise SitrepError(
            f"workers and batch size must be at least 1 (got {options.workers} and {options.batch_size})"
        )
    paths = list(paths)
    pipeline = pipeline or Pipeline(language=options.language, lexicon_dir=options.lexicon_dir)
    summary = RunSummary()
    total = estimate_articles(paths) if options.progress else None
    # Workers start before the progress bar's thread does: a forked worker inherits no thread.
    with _coders(options, pipeline) as coders, _progress_bar(total, enabled=options.progress) as bar:
        run = _Run(store=store, pipeline=pipeline, summary=summary, bar=bar, coders=coders, options=options)
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
    return summary


@contextmanager
def _coders(options: RunOptions, pipeline: Pipeline) -> Iterator[InProcessCoders | ProcessCoders]:
    if options.workers == 1:
        coders: InProcessCoders | ProcessCoders = InProcessCoders(
            ArticleCoder(options.spec, pipeline=pipeline)
        )
    else:
        # Built here once, not by each worker at the same time; the workers load the model themselves.
        Gazetteer.open(progress=options.progress).close()
        coders = ProcessCoders(options.spec, workers=options.workers)
    try:
        yield coders
    except BaseException:
        coders.close(cancel=True)
        raise
    coders.close()


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


class _Run:
    """The state of one run: what is queued, what is in flight, what was counted."""

    def __init__(
        self,
        *,
        store: EventStore,
        pipeline: Pipeline,
        summary: RunSummary,
        bar: tqdm,
        coders: InProcessCoders | ProcessCoders,
        options: RunOptions,
    ):
        self.store, self.pipeline, self.summary, self.bar = store, pipeline, summary, bar
        self.options = options
        self._coders = coders
        self._batch: list[Article] = []
        self._queued: set[str] = set()
        self._in_flight: deque[tuple[list[Article], Future[list[Outcome]]]] = deque()
        # One worker codes in this process at once; several keep two tasks each ahead.
        self._max_in_flight = 0 if options.workers == 1 else 2 * options.workers
        self._skipped = 0

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
        self._batch.append(article)
        if len(self._batch) >= self.options.batch_size:
            self._submit()

    def finish(self) -> None:
        if self._batch:
            self._submit()
        while self._in_flight:
            self._collect()

    def _triage(self, article: Article) -> tuple[Article, bool]:
        """The article as stored, and whether it must be coded (counted when not)."""
        store, summary = self.store, self.summary
        stored = store.stored_copy(article)
        if stored is None:
            store.add_article(article)
            summary.new += 1
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
        batch, self._batch = self._batch, []
        self._in_flight.append((batch, self._coders.submit(batch)))
        while len(self._in_flight) > self._max_in_flight:
            self._collect()

    def _collect(self) -> None:
        batch, future = self._in_flight.popleft()
        try:
            outcomes = future.result()
        except BrokenProcessPool as exc:
            raise SitrepError(
                f"a worker process died ({exc}); what was coded before is stored: run the same command "
                "again to continue (with fewer --workers if memory is short)"
            ) from exc
        for article, outcome in zip(batch, outcomes, strict=True):
            self._store(article, outcome)
            self._queued.discard(article.id)
            self._tick()

    def _store(self, article: Article, outcome: Outcome) -> None:
        summary = self.summary
        if outcome.error is not None:
            logger.warning("%s: extraction failed: %s", article.origin or article.id, outcome.error)
            self.store.set_article_status(article.id, "failed", reason=outcome.error)
            summary.failed += 1
            return
        self.store.replace_events(article.id, outcome.events, pipeline_version=self.pipeline.version)
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
        }
        if self.options.prefilter:
            counts["prefiltered"] = summary.prefiltered
        bar.set_postfix(counts, refresh=False)
