"""Coding batches of articles, in this process or in a worker process with its own Pipeline.

A worker is handed a `CoderSpec` (what it needs to build its Pipeline: small and picklable) and
lists of articles; it answers with one `Outcome` per article. Workers never write to the store:
the process that reads the inputs stores every outcome, so SQLite has a single writer.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from sitrep.engines.prefilter import RelevancePrefilter
from sitrep.pipeline import Pipeline
from sitrep.records import Article, Event

#: Characters of an error message kept as the reason of a failed article.
MAX_REASON = 500
#: How often a worker checks that the run that started it is still there.
PARENT_CHECK_SECONDS = 0.5


@dataclass(frozen=True, kw_only=True)
class CoderSpec:
    """How to build a worker's Pipeline, and how to use it."""

    language: str = "fr"
    lexicon_dir: Path | None = None
    prefilter: bool = False
    batch_size: int = 8


@dataclass(frozen=True)
class Outcome:
    """What coding one article gave: its events, or why it failed, or that the prefilter passed it over."""

    article_id: str
    events: tuple[Event, ...] = ()
    error: str | None = None
    prefiltered: bool = False


class ArticleCoder:
    """Codes lists of articles with one Pipeline (built from `spec` unless one is given)."""

    def __init__(self, spec: CoderSpec, *, pipeline: Pipeline | None = None):
        self.spec = spec
        self.pipeline = pipeline or Pipeline(language=spec.language, lexicon_dir=spec.lexicon_dir)

    @cached_property
    def prefilter(self) -> RelevancePrefilter | None:
        return RelevancePrefilter.for_pipeline(self.pipeline) if self.spec.prefilter else None

    def warm_up(self) -> None:
        """Load the model, the gazetteer and the prefilter now rather than on the first article."""
        _ = self.pipeline.nlp, self.pipeline.gazetteer, self.prefilter

    def code(self, articles: Sequence[Article]) -> list[Outcome]:
        """One Outcome per article, in order; a failing article never takes the others with it."""
        outcomes: dict[str, Outcome] = {}
        to_parse: list[Article] = []
        focused: dict[str, str] = {}
        for article in articles:
            if self.prefilter is None:
                to_parse.append(article)
                continue
            text = self.prefilter.focus(article.text)
            if text is None:
                outcomes[article.id] = Outcome(article.id, prefiltered=True)
            else:
                focused[article.id] = text
                to_parse.append(article)
        readable = (lambda a: focused.get(a.id, a.text)) if focused else None
        try:
            for article, events in self.pipeline.extract_many(
                to_parse, batch_size=self.spec.batch_size, readable=readable
            ):
                outcomes[article.id] = Outcome(article.id, tuple(events))
        except Exception:  # noqa: BLE001 - find the culprit by coding the rest one at a time
            for article in to_parse:
                if article.id not in outcomes:
                    outcomes[article.id] = self._code_one(article, readable)
        return [outcomes[article.id] for article in articles]

    def _code_one(self, article: Article, readable: Callable[[Article], str] | None) -> Outcome:
        try:
            ((_, events),) = self.pipeline.extract_many([article], readable=readable)
            return Outcome(article.id, tuple(events))
        except Exception as exc:  # noqa: BLE001 - reported with its reason, never fatal
            return Outcome(article.id, error=f"{type(exc).__name__}: {exc}"[:MAX_REASON])


@lru_cache(maxsize=2)
def _worker_coder(spec: CoderSpec) -> ArticleCoder:
    """The coder of this worker process, built once per process (and per spec)."""
    return ArticleCoder(spec)


def start_worker(spec: CoderSpec) -> None:
    """Pool initializer: Ctrl-C is the parent's to handle; load the model, the gazetteer and the
    prefilter before the first batch."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    watcher = threading.Thread(target=_exit_with, args=(os.getppid(),), name="parent-watch", daemon=True)
    watcher.start()
    _worker_coder(spec).warm_up()


def _exit_with(parent: int) -> None:
    """End this worker when the run that started it is gone (killed with kill -9, say): its task
    queue stays open in every worker, so nothing else would ever tell it to stop."""
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK_SECONDS)
    os._exit(1)


def code_in_worker(spec: CoderSpec, articles: list[Article]) -> list[Outcome]:
    return _worker_coder(spec).code(articles)


class InProcessCoders:
    """Coding in this process: one worker, no start-up, no pickling (and a given Pipeline reused)."""

    def __init__(self, coder: ArticleCoder):
        self._coder = coder

    def submit(self, articles: list[Article]) -> Future[list[Outcome]]:
        future: Future[list[Outcome]] = Future()
        future.set_result(self._coder.code(articles))
        return future

    def close(self, *, cancel: bool = False) -> None:
        del cancel  # nothing runs in the background


class ProcessCoders:
    """Coding in `workers` processes, each with its own Pipeline.

    The workers load the model themselves, after they start: this process, which reads and stores,
    never loads it. (A model loaded here and inherited by forked workers would be shared, but every
    process's resident size counts it again, and this one would hold it without using it: three
    copies on the books for two that work.) On Linux the workers are forked, before any thread
    starts; elsewhere, where fork is unsafe, they are spawned.
    """

    def __init__(self, spec: CoderSpec, *, workers: int):
        self._spec = spec
        self._pool = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn"),
            initializer=start_worker,
            initargs=(spec,),
        )
        self._pool.submit(int).result()  # start the workers now, while this process has one thread

    def submit(self, articles: list[Article]) -> Future[list[Outcome]]:
        return self._pool.submit(code_in_worker, self._spec, articles)

    def close(self, *, cancel: bool = False) -> None:
        self._pool.shutdown(wait=not cancel, cancel_futures=cancel)
