"""The local engine: read inputs, store each article once, code its events, store them.

Resumable by construction: an article is marked extracted in the same
transaction that stores its events, so a run killed halfway and started again
only codes what is missing (and what an older pipeline version coded).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from tqdm import tqdm

from sitrep.ingest import InputProblem, read_articles
from sitrep.pipeline import Pipeline
from sitrep.records import Article, Event
from sitrep.store import EventStore

logger = logging.getLogger("sitrep.run")


@dataclass
class RunSummary:
    articles: int = 0
    new: int = 0
    already_stored: int = 0
    extracted: int = 0
    reused: int = 0
    events: int = 0
    unsupported_language: int = 0
    failed: int = 0
    #: articles the relevance prefilter passed over (stored as coded, without events).
    prefiltered: int = 0
    problems: list[InputProblem] = field(default_factory=list)

    @property
    def skipped(self) -> int:
        return sum(1 for p in self.problems if p.skipped)

    def describe(self) -> str:
        parts = [
            f"{self.articles} articles read ({self.new} new, {self.already_stored} already stored)",
            f"{self.extracted} coded, {self.reused} unchanged since the last run",
            f"{self.events} events",
        ]
        if self.prefiltered:
            parts.insert(2, f"{self.prefiltered} without any trigger word (not parsed)")
        if self.unsupported_language:
            parts.append(f"{self.unsupported_language} in a language not supported yet")
        if self.failed:
            parts.append(f"{self.failed} failed")
        if self.problems:
            parts.append(f"{self.skipped} inputs skipped, {len(self.problems) - self.skipped} warnings")
        return "; ".join(parts)


def process(
    paths: Iterable[str | Path],
    *,
    store: EventStore,
    pipeline: Pipeline,
    published: date | None = None,
    source: str | None = None,
    progress: bool = False,
    on_problem: Callable[[InputProblem], None] | None = None,
    extract: bool = True,
) -> tuple[RunSummary, list[tuple[Article, list[Event]]]]:
    """Ingest `paths` into `store` and (unless `extract` is False) code every article.

    Returns the summary and, for each article read, its stored id's events.
    """
    summary = RunSummary()

    def problem(p: InputProblem) -> None:
        summary.problems.append(p)
        (on_problem or (lambda q: logger.warning("%s", q)))(p)

    articles = read_articles(paths, published=published, source=source, on_problem=problem)
    bar = tqdm(articles, desc="articles", unit="art", disable=not progress, leave=False)
    results: list[tuple[Article, list[Event]]] = []
    for article, events in _code(bar, store=store, pipeline=pipeline, summary=summary, extract=extract):
        results.append((article, events))
        bar.set_postfix(events=summary.events, failed=summary.failed, refresh=False)
    return summary, results


def _code(
    articles: Iterable[Article], *, store: EventStore, pipeline: Pipeline, summary: RunSummary, extract: bool
) -> Iterator[tuple[Article, list[Event]]]:
    for article in articles:
        summary.articles += 1
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
        if not extract:
            continue
        if status == "extracted" and version == pipeline.version:
            events = list(store.events(article_id=article.id))
            summary.reused += 1
        elif not pipeline.supports(article):
            store.set_article_status(
                article.id, "unsupported_language", reason=f"language {pipeline.language_of(article)!r}"
            )
            summary.unsupported_language += 1
            continue
        else:
            try:
                events = pipeline.extract(article)
            except Exception as exc:  # noqa: BLE001 - one bad article must not stop a batch
                logger.warning("%s: extraction failed: %s", article.origin or article.id, exc)
                store.set_article_status(article.id, "failed", reason=str(exc)[:500])
                summary.failed += 1
                continue
            store.replace_events(article.id, events, pipeline_version=pipeline.version)
            summary.extracted += 1
        summary.events += len(events)
        yield article, events
