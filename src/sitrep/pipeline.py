"""The whole reading of articles into events, as one object: `Pipeline`."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from functools import cached_property
from pathlib import Path

from sitrep import __version__
from sitrep.events.assemble import EventExtractor
from sitrep.geo.gazetteer import Gazetteer
from sitrep.language import detect_language
from sitrep.lexicons import load_lexicon
from sitrep.nlp.build import build_pipeline, supported_languages
from sitrep.records import Article, Event, content_id

#: Articles longer than this are cut before parsing (spaCy's own limit is 1,000,000 characters,
#: and a news article is far shorter; what is cut is reported by the caller).
MAX_CHARS = 200_000


class Pipeline:
    """Reads articles and codes their events.

    >>> pipeline = Pipeline()                      # French, default gazetteer
    >>> events = pipeline.extract(article)         # list[Event]
    """

    def __init__(
        self,
        *,
        language: str = "fr",
        lexicon_dir: Path | None = None,
        gazetteer: Gazetteer | None = None,
        progress: bool = False,
    ):
        self.language = language
        self.lexicon = load_lexicon(language, extra_dir=lexicon_dir)
        self._lexicon_dir = lexicon_dir
        self._gazetteer = gazetteer
        self._progress = progress

    @property
    def version(self) -> str:
        """sitrep's version and the hash of the lexicons: what `pipeline_version` records."""
        return f"sitrep-{__version__}+{self.lexicon.version}"

    @cached_property
    def gazetteer(self) -> Gazetteer:
        return self._gazetteer or Gazetteer.open(progress=self._progress)

    @cached_property
    def nlp(self):
        return build_pipeline(self.language, lexicon_dir=self._lexicon_dir)

    @cached_property
    def _extractor(self) -> EventExtractor:
        return EventExtractor(lexicon=self.lexicon, gazetteer=self.gazetteer, pipeline_version=self.version)

    def language_of(self, article: Article) -> str | None:
        return article.language or detect_language(article.text)

    def supports(self, article: Article) -> bool:
        return self.language_of(article) in (self.language,)

    def extract(self, article: Article) -> list[Event]:
        """The events of one article (an empty list for an article in another language)."""
        return next(iter(self.extract_many([article])))[1]

    def extract_many(
        self, articles: Iterable[Article], *, batch_size: int = 16
    ) -> Iterator[tuple[Article, list[Event]]]:
        """(article, events) for each article, in order; parses in batches with nlp.pipe."""
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= batch_size:
                yield from self._run(batch)
                batch = []
        if batch:
            yield from self._run(batch)

    def _run(self, batch: list[Article]) -> Iterator[tuple[Article, list[Event]]]:
        readable = [a for a in batch if self.supports(a)]
        docs = iter(self.nlp.pipe(a.text[:MAX_CHARS] for a in readable))
        for article in batch:
            if not self.supports(article):
                yield article, []
                continue
            yield article, self._extractor.extract(next(docs), article)


def extract(
    text: str,
    *,
    published: date | None = None,
    source: str | None = None,
    url: str | None = None,
    language: str | None = None,
    pipeline: Pipeline | None = None,
) -> list[Event]:
    """Code the events of one article given as text: the shortest way in."""
    article = Article(
        id=content_id(text), text=text, published=published, source=source, url=url, language=language
    )
    return (pipeline or Pipeline()).extract(article)


__all__ = ["Pipeline", "extract", "supported_languages"]
