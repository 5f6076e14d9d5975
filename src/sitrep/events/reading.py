"""One article as the events layer sees it: its parsed text, mentions and dates, indexed by sentence."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span

from sitrep.events.dates import A_YEAR, DateMention
from sitrep.lexicons import Lexicon
from sitrep.nlp.components import ACTORS, CUES, DATELINE, PLACES, TRIGGERS
from sitrep.nlp.terms import TermMatcher
from sitrep.normalize import fold
from sitrep.records import Article

if TYPE_CHECKING:
    from sitrep.events.scope import Layout

_HEADLINE_WORDS = 25
#: A live-blog post's time stamp and its dash: "18h05 —", "9 h 40 -", "21:40 –".
_POST_TIME = re.compile(r"\d{1,2} ?[hH:] ?\d{2} *[-–—]")


def split_paragraphs(doc: Doc) -> list[Span]:
    """The parser's sentences, cut again at line breaks: a headline or a dateline is its own sentence.

    (Cutting after the parse, not before it, leaves the parser free: preset sentence starts made the
    French model split names such as "Abu al-Hos" into pieces.)
    """
    out: list[Span] = []
    for sent in doc.sents:
        start = sent.start
        for tok in sent:
            breaks = (tok.is_space and "\n" in tok.text) or "\n" in tok.whitespace_
            if breaks and tok.i + 1 < sent.end:
                out.append(doc[start : tok.i + 1])
                start = tok.i + 1
        if start < sent.end:
            out.append(doc[start : sent.end])
    return _join_scraps([s for s in out if s.text.strip()])


#: A piece the parser cut off the sentence it opens has at most this many tokens.
_SCRAP_TOKENS = 6
#: The doers told again: "les mêmes assaillants".
_SAME_ONES = re.compile(r"\b(?:les|ces) m[êe]mes\b", re.IGNORECASE)
#: A sentence that opens on the region where it happened: "Dans l'État de Borno, …", "Le même jour, dans
#: la région de Mopti, …" (up to five words before "dans"). The area words are those of a state's parts.
_REGION_OPENING = re.compile(
    r"^\W*(?:[\w'’-]+,?\s+){0,5}?dans\s+(?:l['’]\s*[ÉéEe]tat|la\s+r[ée]gion|la\s+province|le\s+d[ée]partement"
    r"|le\s+gouvernorat|la\s+pr[ée]fecture)\s+(?:de\s+l['’]\s*|de\s+la\s+|du\s+|de\s+|d['’]\s*)?([\w-]+)",
    re.IGNORECASE,
)


def verbless(span: Span) -> bool:
    """No verb, not even an auxiliary: a scrap or a scene ("15h10 – À Eldoret,", "Drame à Pikine.")."""
    return not any(t.pos_ in ("VERB", "AUX") for t in span)


def _join_scraps(pieces: list[Span]) -> list[Span]:
    """ "15h10 – À Eldoret, | dans la vallée du Rift, des manifestants ont incendié ...", "BOSSO – Mardi
    | , quatre femmes ont été enlevées": the parser cuts a short verbless opening off the sentence it
    begins; the sentence goes on where it stopped (a comma, a hyphen, a small letter), on the same
    line. The two are one sentence: its place and its day are the rest's."""
    out: list[Span] = []
    for piece in pieces:
        if out:
            scrap = out[-1]
            opening = piece[0].text
            between = piece.doc.text[scrap.end_char : piece.start_char]
            same_line = "\n" not in between and "\n" not in scrap.text
            # "L'attentat | - | suicide": a hyphen with no space is inside a word; a spaced dash
            # ends a dateline ("Bangui, 12 juillet 2023 - Les équipes ...")
            hyphen = opening == "-" and scrap.end_char == piece.start_char
            short = len(scrap) <= _SCRAP_TOKENS and verbless(scrap)
            if same_line and (hyphen or (short and (opening in (",", ";") or opening[:1].islower()))):
                # (a glued hyphen goes on a word whatever came before: "selon l'état | -major.")
                out[-1] = piece.doc[scrap.start : piece.end]
                continue
        out.append(piece)
    return out


#: How far ahead a day with no year told in the future tense may lie.
_AHEAD_DAYS = 200


@dataclass
class Reading:
    article: Article
    doc: Doc
    lexicon: Lexicon
    dates: list[DateMention]
    sentences: list[Span] = field(init=False)
    #: sentence index -> spans of that kind in it.
    triggers: dict[int, list[Span]] = field(init=False)
    actors: dict[int, list[Span]] = field(init=False)
    cues: dict[int, list[Span]] = field(init=False)
    places: dict[int, list[Span]] = field(init=False)
    datelines: list[Span] = field(init=False)
    dates_by_sentence: dict[int, list[DateMention]] = field(init=False)
    #: sentence index -> paragraph index.
    paragraph_of: list[int] = field(init=False)
    #: The doc's text, built once: spaCy joins every token's text each time `doc.text` is read.
    text: str = field(init=False)

    def __post_init__(self) -> None:
        self.text = self.doc.text
        self.sentences = split_paragraphs(self.doc)
        starts = self._starts = [s.start for s in self.sentences]
        self._start_chars = [s.start_char for s in self.sentences]
        self.triggers = self._index(self.doc.spans[TRIGGERS], starts)
        self.actors = self._index(self.doc.spans[ACTORS], starts)
        self.cues = self._index(self.doc.spans[CUES], starts)
        # A dispatch's dateline ("JUBA, 6 mars (AFP) -") is where the news was filed: it tells the
        # article's country, never an event's place nor one happening from another.
        places = self.doc.spans[PLACES]
        self.places = self._index([p for p in places if p.label_ != DATELINE], starts)
        self.datelines = [p for p in places if p.label_ == DATELINE]
        self.dates = [self._told_ahead(mention) for mention in self.dates]
        self.dates_by_sentence = defaultdict(list)
        for mention in self.dates:
            self.dates_by_sentence[self.sentence_at_char(mention.start)].append(mention)
        paragraph, self.paragraph_of = 0, []
        for i, sent in enumerate(self.sentences):
            if i:
                between = self.text[self.sentences[i - 1].start_char : sent.start_char]
                if "\n" in between[len(between.rstrip()) :]:
                    paragraph += 1
            self.paragraph_of.append(paragraph)

    def set_aside(self, sentences: Iterable[int]) -> None:
        """Forget the triggers, actors and places of sentences that are not the story's own ("Lire
        aussi : Solhan : deux ans après ..."): no event, side or place is read from them."""
        for sentence in sentences:
            for index in (self.triggers, self.actors, self.places):
                index.pop(sentence, None)

    @staticmethod
    def _index(spans, starts: list[int]) -> dict[int, list[Span]]:
        out: dict[int, list[Span]] = defaultdict(list)
        for span in spans:
            out[bisect_right(starts, span.start) - 1].append(span)
        return out

    def sentence_of(self, span: Span) -> int:
        return bisect_right(self._starts, span.start) - 1

    def sentence_at_char(self, char: int) -> int:
        return max(0, bisect_right(self._start_chars, char) - 1)

    @cached_property
    def layout(self) -> Layout:
        """Orthographic sentences, paragraphs and quotations: built once, read by every event."""
        from sitrep.events.scope import Layout

        return Layout.of(self)

    @cached_property
    def paragraph_openings(self) -> dict[int, int]:
        """Paragraph index -> the index of its first sentence."""
        openings: dict[int, int] = {}
        for i, paragraph in enumerate(self.paragraph_of):
            openings.setdefault(paragraph, i)
        return openings

    @cached_property
    def live_posts(self) -> frozenset[int]:
        """The paragraphs that are posts of a live blog: each opens with its time ("18h05 — Le bilan
        s'alourdit ..."), and there are at least two of them."""
        posts = frozenset(
            p
            for p, i in self.paragraph_openings.items()
            if _POST_TIME.match(self.text, self.sentences[i].start_char)
        )
        return posts if len(posts) >= 2 else frozenset()

    @property
    def published(self) -> date | None:
        return self.article.published

    def opening(self, count: int) -> list[int]:
        """The first `count` sentences of the body, the headline left out: the lede."""
        return [s for s in range(len(self.sentences)) if not self.is_headline(s)][:count]

    @cached_property
    def incident_parts(self) -> list[tuple[int, int]]:
        """Each sentence's (paragraph, part): a paragraph's part changes where a sentence opens on
        another incident (context.yaml separate_openings: "Séparément, des hommes armés ont tué 21
        civils à Libiri" is not the ambush told before it; neither its doers nor its town are that one's)."""
        # the matcher built once per lexicon (happenings imports this module, hence here)
        from sitrep.events.happenings import context_matcher

        openings = context_matcher(self.lexicon, "separate_openings")
        parts: list[tuple[int, int]] = []
        part = 0
        region = None  # the region the paragraph's sentences last opened on
        for s, sent in enumerate(self.sentences):
            if s and self.paragraph_of[s] != self.paragraph_of[s - 1]:
                region = None
            opening = _REGION_OPENING.match(sent.text)
            named = fold(opening.group(1).lower()) if opening else None
            # ("Dans l'État de Zamfara, des bandits … Le même jour, dans l'État de Borno, des combattants
            # de l'Iswap …": a round-up moving to another region tells another incident)
            # (not "Dans l'État de Yobe voisin, les mêmes assaillants ont incendié …": the same doers)
            moved = named is not None and region is not None and named != region
            if any(m.span.start - sent.start <= 1 for m in openings.find(sent)) or (
                moved and not _SAME_ONES.search(sent.text)
            ):
                part += 1
            region = named or region
            parts.append((self.paragraph_of[s], part))
        return parts

    def is_headline(self, sentence: int) -> bool:
        """A short first paragraph with no final full stop, followed by others, is a headline
        (the parser may cut it in two at a colon or a comma)."""
        if self.paragraph_of[sentence] != 0 or self.paragraph_of[-1] == 0:
            return False
        first = [s for i, s in enumerate(self.sentences) if self.paragraph_of[i] == 0]
        text = self.text[first[0].start_char : first[-1].end_char].strip()
        return len(text.split()) <= _HEADLINE_WORDS and not text.endswith(".")

    def _told_ahead(self, mention: DateMention) -> DateMention:
        """ "Un cessez-le-feu qui entrera en vigueur le 3 août", read on 25 July: a day with no year
        that a verb in the future tense governs is the coming one, not last year's, which the date
        reader picks for a day with no year a little after publication."""
        published = self.article.published
        if mention.value is None or published is None or mention.value >= published:
            return mention
        if mention.precision != 1 or A_YEAR.search(mention.text):
            return mention
        try:
            ahead = mention.value.replace(year=mention.value.year + 1)
        except ValueError:
            return mention  # 29 February
        if (ahead - published).days > _AHEAD_DAYS:
            return mention
        words = self.words_of(mention)
        if words is None:
            return mention
        # (the day hangs on the verb itself: not "les funérailles des victimes de l'attaque du 2
        # février auront lieu vendredi", a past day on a noun)
        verb = words.root.head
        if not words.root.dep_.startswith("obl") or verb.pos_ not in ("VERB", "AUX"):
            return mention
        if "Fut" not in verb.morph.get("Tense"):
            return mention
        return replace(mention, value=ahead, past=False)

    def words_of(self, mention: DateMention) -> Span | None:
        """The tokens a date mention covers."""
        return self.doc.char_span(mention.start, mention.end, alignment_mode="expand")

    def dates_a_text(self, mention: DateMention, publication_words: frozenset[str]) -> bool:
        """The day right after a verb of publishing (context.yaml publication_verbs: "un communiqué
        diffusé mardi soir", "le documentaire diffusé mardi"): it dates a text, not what it tells."""
        words = self.words_of(mention)
        if words is None or words.start == 0:
            return False
        before = self.doc[words.start - 1]
        return fold(before.lemma_) in publication_words or before.lower_ in publication_words

    def has_term(self, sentence: int, matcher: TermMatcher) -> bool:
        return bool(matcher.find(self.sentences[sentence]))
