"""The whole reading of articles into events, as one object: `Pipeline`.

An article is read in two passes. The first, cheap one tags and lemmatises it and finds its trigger
and actor words; only an article whose words can make an event (`may_hold_events`: the rule the
events layer applies to triggers, asked of the whole article) goes on to the dependency parser, the
entity recogniser and event extraction, which cost most. The result is the same as running every
component on every article: an article without such words gives no event either way.

spaCy's model, the events layer and the gazetteer are loaded on first use, so a process that only
reads and stores articles (the parent of a multi-process run) never holds the model.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import nullcontext
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sitrep import __version__
from sitrep.language import detect_language
from sitrep.lexicons import load_lexicon
from sitrep.records import Article, Event, content_id

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from sitrep.events.assemble import EventExtractor
    from sitrep.geo.gazetteer import Gazetteer
    from sitrep.nlp.build import Passes
    from sitrep.nlp.furniture import FurnitureBlanker
    from sitrep.nlp.links import LinkSeparator
    from sitrep.nlp.terms import TermMatcher

#: Articles longer than this are cut before parsing (spaCy's own limit is 1,000,000 characters,
#: and a news article is far shorter; what is cut is reported by the caller).
MAX_CHARS = 200_000
#: ACLED inter codes of armed actors (state forces, rebels, militias, external forces): naming one
#: licenses an ambiguous trigger ("frapper", "attaque") in the events layer.
ARMED_INTER = frozenset({1, 2, 3, 4, 8})
#: ACLED inter code of civilians: people "enlevés" are abducted, not removed.
CIVILIANS = 7
#: Characters of the first articles read outside a memory zone. spaCy's tokenizer caches how it
#: splits a word only outside one, so without this every batch splits "l'armée" anew (three times
#: the tokenizing time); the vocabulary keeps these first articles' words for good, a bounded cost.
WARM_UP_CHARS = 400_000
#: Characters parsed together in one nlp.pipe batch: the parser's and the entity recogniser's working
#: memory grows with the words of a batch (about 3 MB per 1,000 characters), not with its articles.
BATCH_CHARS = 20_000


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
        self._chars_read = 0

    @property
    def version(self) -> str:
        """sitrep's version and the hash of the lexicons: what `pipeline_version` records."""
        return f"sitrep-{__version__}+{self.lexicon.version}"

    @cached_property
    def gazetteer(self) -> Gazetteer:
        from sitrep.geo.gazetteer import Gazetteer

        return self._gazetteer or Gazetteer.open(progress=self._progress)

    @cached_property
    def nlp(self):
        from sitrep.nlp.build import build_pipeline

        return build_pipeline(self.language, lexicon_dir=self._lexicon_dir)

    @cached_property
    def _passes(self) -> Passes:
        from sitrep.nlp.build import passes

        return passes(self.nlp)

    @cached_property
    def _licence_words(self) -> TermMatcher[bool]:
        """Conflict words, and the words of every category a trigger is `licensed_by`."""
        from sitrep.nlp.terms import TermMatcher

        # (and political figures, whose arrest the events layer licenses: "L'opposant X a été arrêté")
        categories = {"conflict_words", "political_figures"} | {
            c for e in self.lexicon.triggers for c in e.licensed_by
        }
        return TermMatcher(
            (t.words, True) for category in sorted(categories) for t in self.lexicon.context.get(category, ())
        )

    @cached_property
    def _links(self) -> LinkSeparator:
        """Puts "Lire aussi : ..." links flattened into a paragraph back on lines of their own."""
        from sitrep.language import function_words
        from sitrep.nlp.links import LinkSeparator

        words = [w for w, owners in function_words().weights.items() if self.language in owners]
        markers = (t.words for t in self.lexicon.context.get("link_markers", ()))
        return LinkSeparator(markers, words, self.lexicon.dates.get("weekdays", ()))

    @cached_property
    def _furniture(self) -> FurnitureBlanker:
        """Blanks the lists of other stories, the captions and the tag lines of a scraped page."""
        from sitrep.nlp.furniture import FurnitureBlanker

        context = self.lexicon.context
        return FurnitureBlanker(
            (t.words for t in context.get("list_headings", ())),
            (t.words for t in context.get("caption_openings", ())),
        )

    @cached_property
    def _extractor(self) -> EventExtractor:
        from sitrep.events.assemble import EventExtractor

        return EventExtractor(lexicon=self.lexicon, gazetteer=self.gazetteer, pipeline_version=self.version)

    def language_of(self, article: Article) -> str | None:
        return article.language or detect_language(article.text)

    def supports(self, article: Article) -> bool:
        return self.language_of(article) in (self.language,)

    def extract(self, article: Article) -> list[Event]:
        """The events of one article (an empty list for an article in another language)."""
        return next(iter(self.extract_many([article])))[1]

    def extract_many(
        self,
        articles: Iterable[Article],
        *,
        batch_size: int = 16,
        readable: Callable[[Article], str] | None = None,
    ) -> Iterator[tuple[Article, list[Event]]]:
        """(article, events) for each article, in order; parses in batches with nlp.pipe.

        `readable` gives the text to parse for an article instead of its own (the relevance
        prefilter's, with what cannot hold an event blanked out): it must keep the article's
        character offsets, which the evidence of every event points to.
        """
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= batch_size:
                yield from self._run(batch, readable)
                batch = []
        if batch:
            yield from self._run(batch, readable)

    def _run(
        self, batch: list[Article], readable: Callable[[Article], str] | None
    ) -> list[tuple[Article, list[Event]]]:
        coded: dict[int, list[Event]] = {}
        readable_ones = [(i, a) for i, a in enumerate(batch) if self.supports(a)]
        texts = [
            self._furniture.blank(self._links.separate((readable(a) if readable else a.text)[:MAX_CHARS]))
            for _, a in readable_ones
        ]
        # Strings spaCy adds to its vocabulary for these articles are dropped afterwards: a long
        # run's memory stays flat. Events hold plain Python values only.
        warming_up = self._chars_read < WARM_UP_CHARS
        self._chars_read += sum(len(t) - t.count(" ") for t in texts)  # blanked text warms nothing
        with nullcontext() if warming_up else self.nlp.memory_zone():
            docs = self._read_words(texts)
            wanted = [k for k, doc in enumerate(docs) if self.may_hold_events(doc)]
            self._parse([docs[k] for k in wanted])
            for k in wanted:
                i, article = readable_ones[k]
                coded[i] = self._extractor.extract(docs[k], article)
        return [(article, coded.get(i, [])) for i, article in enumerate(batch)]

    def _read_words(self, texts: list[str]) -> list[Doc]:
        """The first pass: tags, lemmas, trigger and actor words."""
        docs: list[Doc] = []
        for chunk in _chunks(texts, BATCH_CHARS, key=len):
            docs.extend(self.nlp.pipe(chunk, batch_size=len(chunk), disable=self._passes.words_off))
        return docs

    def _parse(self, docs: list[Doc]) -> None:
        """The second pass, in place: sentences, dependencies, entities, cues and place names."""
        for chunk in _chunks(docs, BATCH_CHARS, key=_chars):
            for _ in self.nlp.pipe(chunk, batch_size=len(chunk), disable=self._passes.parse_off):
                pass

    def may_hold_events(self, doc: Doc) -> bool:
        """Whether the events layer can code an event from `doc` after its first pass.

        An event needs a trigger, and an ambiguous trigger ("frapper", "attaque") needs an armed
        actor, a conflict word or a word of its own licence (a crowd for "gaz lacrymogène") near
        it (events.happenings); asked of the whole article, so a "no" never loses an event.
        """
        from sitrep.events.happenings import family
        from sitrep.nlp.components import ACTORS, TRIGGERS
        from sitrep.nlp.components.triggers import AMBIGUOUS

        triggers = doc.spans[TRIGGERS]
        if any(t.kb_id_ != AMBIGUOUS for t in triggers):
            return True
        if not len(triggers):
            return False
        inters = {int(a.kb_id_.split("|", 1)[0]) for a in doc.spans[ACTORS]}
        if inters & ARMED_INTER:
            return True
        if CIVILIANS in inters and any(t.label_ == "Abduction/forced disappearance" for t in triggers):
            return True  # "trois commerçants ont été enlevés": people taken (the events layer checks how)
        if self._licence_words.find(doc):
            return True
        # (last: it looks up every proper name) "La Russie a bombardé", "Moscou a frappé": a state may
        # be the doer
        return any(family(t.label_) == "violence" for t in triggers) and self._names_a_state(doc)

    def _names_a_state(self, doc: Doc) -> bool:
        """A proper name that is a country, or a capital standing for one (gazetteer.state_named)."""
        return any(tok.pos_ == "PROPN" and self.gazetteer.state_named(tok.text) for tok in doc)


def _chars(doc: Doc) -> int:
    return doc[-1].idx + len(doc[-1]) if len(doc) else 0


def _chunks(items: list[Any], budget: int, *, key: Callable[[Any], int]) -> Iterator[list[Any]]:
    """`items` in order, cut into runs whose sizes add up to about `budget` (at least one each)."""
    chunk: list[Any] = []
    size = 0
    for item in items:
        if chunk and size + key(item) > budget:
            yield chunk
            chunk, size = [], 0
        chunk.append(item)
        size += key(item)
    if chunk:
        yield chunk


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


def supported_languages() -> tuple[str, ...]:
    from sitrep.nlp.build import supported_languages as languages

    return languages()


__all__ = ["Pipeline", "extract", "supported_languages"]
