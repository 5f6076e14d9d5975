"""A relevance test run before parsing: which articles, and which of their sentences, can hold an event.

The pipeline codes an event only from a trigger of the trigger lexicon; an ambiguous trigger
("frapper", "attaque") only in a sentence that also names an armed actor or a conflict word, or,
for terms with a licence of their own (triggers.yaml `licensed_by`: a crowd for "gaz lacrymogène"),
with a word of it in the sentence or the next or previous one. The prefilter asks the same of the
raw text, sentence by sentence, without parsing it. A sentence is a *candidate* when it holds a
clear trigger term, or an ambiguous one with a licence in it or one sentence further than the
pipeline looks (the parser may cut sentences elsewhere than this splitter does).

`focus(text)` answers None for an article without candidates (it is stored as coded, without
events, and never parsed) and otherwise the text with every sentence blanked out that is neither a
candidate, nor next to one in its paragraph, nor the headline or the first sentence of the body
(where the dateline and the lede give the date and place). Blanked characters become spaces and
line breaks stay, so every character offset (the evidence of events) and every paragraph is where it
was; the parser reads a run of spaces as one token, at almost no cost.

A word of the text counts under its own form and under every lemma the spaCy lemmatizer could give
it (its lookup, exception and suffix-rule tables, for any part of speech), so that no trigger the
parsed text would match is missed. Unlike the article-level test, leaving sentences out can change
what the events layer reads around a trigger (an earlier date, a place named far from it):
`sitrep eval` with and without the prefilter measures it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Mapping
from typing import Any

from sitrep.lexicons import Lexicon, Term, parse_term
from sitrep.nlp.terms import ACRONYM, TITLE_CASE_ACRONYM, term_words, title_case
from sitrep.normalize import fold
from sitrep.pipeline import ARMED_INTER

#: A word, with the apostrophe of an elision ("s'", "jusqu'"): the lemmatizer's tables list those
#: forms with it ("s'" -> "se").
_WORD = re.compile(r"[^\W_]+['\u2019]?")
#: The end of a sentence: a full stop, question or exclamation mark (and closing quotes or brackets)
#: before a space and a capital, a digit, an opening quote or a dash. A line break always ends one.
_SENTENCE_END = re.compile(r"[.!?…]+[»”\"')\]]*(?=\s+[\d«“\"'(\[\-–—A-ZÀ-ÖØ-Þ])")
#: "M.", "Mme.", "Gén.": a capitalised word this short before a full stop is taken for an
#: abbreviation (a sentence is then read longer than it is, which only keeps more text).
_ABBREVIATION = re.compile(r"(?:^|\W)[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]{0,2}\.$")
_GAP = "~"
#: "~" stands for up to two words in the pipeline; one more here absorbs tokenisation differences.
_MAX_GAP = 3
#: Distinct words remembered per prefilter; beyond it the memory starts again (long batch runs).
_MAX_REMEMBERED = 300_000
#: Sentences kept on each side of a candidate, within its paragraph.
CONTEXT_SENTENCES = 1


class LemmaGuesser:
    """Every lemma spaCy's rule lemmatizer could give a word, whatever its part of speech."""

    def __init__(self, lookups: Any):
        tables = {name: lookups.get_table(name, {}) for name in ("lemma_lookup", "lemma_rules", "lemma_exc")}
        self._lookup = tables["lemma_lookup"]
        rules: Mapping[str, list[list[str]]] = tables["lemma_rules"]
        exceptions: Mapping[str, Mapping[str, list[str]]] = tables["lemma_exc"]
        self._exceptions = [exceptions[pos] for pos in exceptions]
        self._by_suffix: dict[str, set[str]] = {}
        for pos in rules:
            for old, new in rules[pos]:
                self._by_suffix.setdefault(old, set()).add(new)
        self._longest = max((len(old) for old in self._by_suffix), default=0)

    @classmethod
    def of_pipeline(cls, nlp: Any) -> LemmaGuesser:
        """The guesser for a loaded spaCy pipeline (its "lemmatizer" component's tables)."""
        return cls(nlp.get_pipe("lemmatizer").lookups)

    def lemmas(self, word: str) -> set[str]:
        """`word` (lower case) and each lemma it may get."""
        found = {word}
        found.update(self._lookup.get(word, ()))
        for table in self._exceptions:
            found.update(table.get(word, ()))
        for size in range(min(self._longest, len(word)) + 1):
            ending = word[len(word) - size :]
            for new in self._by_suffix.get(ending, ()):
                stem = word[: len(word) - size] + new
                if stem:
                    found.add(stem)
        return found


class _Terms:
    """Terms indexed by their first two words, matched in sequence against an article's word stream."""

    def __init__(self, terms: Iterable[Term], *, acronyms: bool = False):
        """`acronyms`: an upper-case term ("ANS") matches upper-case words only, as the pipeline's
        trigger and actor matchers read it (its context words match in any case)."""
        # first word -> second word -> terms; one-word terms under "", a loose second word under "~".
        self._by_first: dict[str, dict[str, list[tuple[str, ...]]]] = {}
        self._wild_first: list[tuple[str, ...]] = []
        for term in terms:
            words = term_words(term.words, term.text) if acronyms else term.words
            if words[0].endswith("*"):
                self._wild_first.append(words)
                continue
            second = words[1] if len(words) > 1 else ""
            if second == _GAP or second.endswith("*"):
                second = _GAP
            self._by_first.setdefault(words[0], {}).setdefault(second, []).append(words)

    def starts(self, stream: _Stream) -> set[int]:
        """The positions of `stream` where one of the terms starts."""
        found: set[int] = set()
        for first in self._by_first.keys() & stream.positions.keys():
            by_second = self._by_first[first]
            if "" in by_second:  # a one-word term: its word is there
                found.update(stream.positions[first])
                continue
            loose = by_second.get(_GAP, ())
            for at in stream.positions[first]:
                if any(stream.matches_at(term, at) for term in loose) or any(
                    stream.matches_at(term, at)
                    for option in stream.options_at(at + 1)
                    for term in by_second.get(option, ())
                ):
                    found.add(at)
        for term in self._wild_first:
            found.update(at for at in stream.starts_of(term[0]) if stream.matches_at(term, at))
        return found


class RelevancePrefilter:
    """`focus(text)`: the part of an article worth parsing, or None; `may_have_events(text)`."""

    def __init__(self, lexicon: Lexicon, lemmas: LemmaGuesser):
        self._clear = _Terms((t for e in lexicon.triggers if not e.ambiguous for t in e.terms), acronyms=True)
        plain = [e for e in lexicon.triggers if e.ambiguous and not e.licensed_by]
        self._ambiguous = _Terms((t for e in plain for t in e.terms), acronyms=True)
        # Terms with a licence of their own, grouped by it: (terms, the words of their licence).
        by_licence: dict[tuple[str, ...], list[Term]] = {}
        for entry in lexicon.triggers:
            if entry.ambiguous and entry.licensed_by:
                by_licence.setdefault(entry.licensed_by, []).extend(entry.terms)
        self._own_licences = [
            (
                _Terms(terms, acronyms=True),
                _Terms(t for category in categories for t in lexicon.context.get(category, ())),
            )
            for categories, terms in sorted(by_licence.items())
        ]
        armed = [e for e in (*lexicon.actors, *lexicon.generic_actors) if e.inter in ARMED_INTER]
        self._armed = _Terms((t for e in armed for t in e.aliases), acronyms=True)
        self._named_armed = _Terms((t for e in armed if not e.generic for t in e.aliases), acronyms=True)
        self._death = _Terms(lexicon.fatalities.get("death", ()))
        day_words = [*lexicon.dates.get("weekdays", ()), *lexicon.dates.get("relative_days", {})]
        self._days = _Terms(parse_term(word, where="dates.yaml") for word in day_words)
        self._conflict = _Terms(lexicon.context.get("conflict_words", ()))
        self._non_conflict = _Terms(lexicon.context.get("non_conflict_words", ()))
        self._lemmas = lemmas
        self._folded: dict[str, frozenset[str]] = {}

    @classmethod
    def for_pipeline(cls, pipeline: Any) -> RelevancePrefilter:
        """The prefilter matching a sitrep Pipeline's lexicon and lemmatizer (loads its model)."""
        return cls(pipeline.lexicon, LemmaGuesser.of_pipeline(pipeline.nlp))

    def may_have_events(self, text: str) -> bool:
        """False only for an article none of whose sentences can hold an event."""
        return bool(_Reading(self, text).candidates())

    def focus(self, text: str) -> str | None:
        """`text` with what cannot hold or place an event blanked out (same length), or None."""
        reading = _Reading(self, text)
        candidates = reading.candidates()
        if not candidates:
            return None
        sentences = reading.sentences
        kept = _with_context(candidates, sentences) | reading.context_of(candidates)
        if len(kept) == len(sentences):
            return text
        parts: list[str] = []
        position = 0
        for index, (start, end, _) in enumerate(sentences):
            if index in kept:
                continue
            parts.append(text[position:start])
            parts.append(_blank(text[start:end]))
            position = end
        parts.append(text[position:])
        return "".join(parts)

    def word_stream(self, text: str) -> tuple[list[frozenset[str]], list[int]]:
        """For each word of the text, the folded forms and lemmas it may stand for, and where it starts."""
        stream: list[frozenset[str]] = []
        offsets: list[int] = []
        for match in _WORD.finditer(text):
            written = match.group()
            word = written.lower()
            if word[-1] in "'\u2019":
                word = word[:-1]
                options = self._folded_lemmas(word) | self._folded_lemmas(word + "'")
            else:
                options = self._folded_lemmas(word)
            if written.isupper() or (len(written) >= TITLE_CASE_ACRONYM and title_case(written)):
                # An acronym term ("=ANS") matches an upper-case word only, as in the pipeline:
                # "ANS" is an armed force, "ans" (years) is not; a long one its title case too
                # ("Monusco"). Over-matching "Paris" as "=paris" costs nothing: no such acronym.
                options = options | self._acronyms(word)
            if options:
                stream.append(options)
                offsets.append(match.start())
        return stream, offsets

    def _acronyms(self, word: str) -> frozenset[str]:
        return frozenset(ACRONYM + part for part in fold(word).split())

    def _folded_lemmas(self, word: str) -> frozenset[str]:
        known = self._folded.get(word)
        if known is None:
            if len(self._folded) >= _MAX_REMEMBERED:
                self._folded.clear()
            known = frozenset(part for lemma in self._lemmas.lemmas(word) for part in fold(lemma).split())
            self._folded[word] = known
        return known


class _Reading:
    """One article as the prefilter reads it: sentences, words, and where each term set matches."""

    def __init__(self, prefilter: RelevancePrefilter, text: str):
        self._prefilter = prefilter
        self.sentences = sentence_spans(text)
        words, self._offsets = prefilter.word_stream(text)
        self._stream = _Stream(words)
        self._starts = [start for start, _, _ in self.sentences]

    def sentences_of(self, terms: _Terms) -> set[int]:
        """The sentences in which one of `terms` starts."""
        return {bisect.bisect_right(self._starts, self._offsets[at]) - 1 for at in terms.starts(self._stream)}

    def candidates(self) -> set[int]:
        """Indices of the sentences that may hold an event."""
        prefilter = self._prefilter
        found = self.sentences_of(prefilter._clear)
        # Terms with a licence of their own: a word of it in their sentence or the next or
        # previous one, which the parser may have cut elsewhere: one sentence further here.
        own_words: set[int] = set()
        for terms, licence in prefilter._own_licences:
            waiting = self.sentences_of(terms) - found
            if waiting:
                words = self.sentences_of(licence)
                own_words |= words
                found.update(index for index in waiting if words & self._near(index, reach=2))
        ambiguous = self.sentences_of(prefilter._ambiguous) - found
        if not ambiguous:
            return found
        armed_or_conflict = self.sentences_of(prefilter._armed) | self.sentences_of(prefilter._conflict)
        if not found and not armed_or_conflict and not own_words:
            # The pipeline parses an article with ambiguous triggers only when it names an armed
            # actor, a conflict word or a licence word somewhere (Pipeline.may_hold_events).
            return found
        # The other ambiguous terms: an armed actor, a conflict word or deaths after an ambiguous
        # noun in their sentence (or the next or previous one, for the parser's cuts).
        licensed = armed_or_conflict | self.sentences_of(prefilter._death)
        found.update(index for index in ambiguous if licensed & self._near(index))
        return found

    def context_of(self, candidates: set[int]) -> set[int]:
        """Sentences further away that the events layer reads for the candidates' events: those
        naming an armed group or force (it may give that name to the "insurgés" of the trigger's
        sentence); in a candidate's paragraph, those stating deaths (a competing, lower toll) or
        naming a day ("tournées mardi": the date of what the lede reports); and the topic test's
        evidence."""
        prefilter = self._prefilter
        paragraphs = {self.sentences[index][2] for index in candidates}
        if 0 in paragraphs:
            paragraphs.add(1)  # what a headline announces, the paragraph under it tells
        nearby = {
            i
            for i in self.sentences_of(prefilter._death) | self.sentences_of(prefilter._days)
            if self.sentences[i][2] in paragraphs
        }
        return self.sentences_of(prefilter._named_armed) | nearby | self.topic_evidence()

    def topic_evidence(self) -> set[int]:
        """The sentences the events layer's topic test needs: it drops the events of an article that
        names no armed actor and has several sport, economy or health words (a match report's
        "attaque"). In an article naming no armed actor every sentence with such a word is kept;
        otherwise the first sentence naming an armed actor, whose presence lifts the test."""
        prefilter = self._prefilter
        off_topic = self.sentences_of(prefilter._non_conflict)
        if not off_topic:
            return set()
        armed = self.sentences_of(prefilter._armed)
        return {min(armed)} if armed else off_topic

    def _near(self, index: int, *, reach: int = 1) -> set[int]:
        paragraph = self.sentences[index][2]
        return {
            i
            for i in range(index - reach, index + reach + 1)
            if 0 <= i < len(self.sentences) and self.sentences[i][2] == paragraph
        }


def sentence_spans(text: str) -> list[tuple[int, int, int]]:
    """(start, end, paragraph) of each sentence of `text`, cut at line breaks and sentence ends."""
    spans: list[tuple[int, int, int]] = []
    paragraph, position = 0, 0
    for line in text.split("\n"):
        end_of_line = position + len(line)
        if line.strip():
            start = position
            for match in _SENTENCE_END.finditer(line):
                if _ABBREVIATION.search(line, max(0, match.end() - 5), match.end()):
                    continue
                spans.append((start, position + match.end(), paragraph))
                start = position + match.end()
            spans.append((start, end_of_line, paragraph))
            paragraph += 1
        position = end_of_line + 1
    return spans


def _with_context(candidates: set[int], sentences: list[tuple[int, int, int]]) -> set[int]:
    """The candidates, their neighbours in the same paragraph, the headline and the lede's first sentence."""
    kept = set()
    for index in candidates:
        paragraph = sentences[index][2]
        for near in range(index - CONTEXT_SENTENCES, index + CONTEXT_SENTENCES + 1):
            if 0 <= near < len(sentences) and sentences[near][2] == paragraph:
                kept.add(near)
    kept.add(0)  # the headline, or the lede of an article without one
    # The first sentence of the next paragraph: the dateline and lede under a headline.
    second = next((i for i, (_, _, paragraph) in enumerate(sentences) if paragraph == 1), None)
    if second is not None:
        kept.add(second)
    return kept


def _blank(text: str) -> str:
    """Spaces in place of every character but line breaks."""
    return "".join("\n" if ch == "\n" else " " for ch in text)


class _Stream:
    """An article's words as sets of possible folded words, indexed for the first word of a term.

    Matching is looser than the pipeline's (no punctuation breaks, a gap may be one word longer), so
    whatever the pipeline matches is matched here too.
    """

    def __init__(self, words: list[frozenset[str]]):
        self.words = words
        self.positions: dict[str, list[int]] = {}
        for at, options in enumerate(words):
            for option in options:
                self.positions.setdefault(option, []).append(at)
        self._sorted = sorted(self.positions)

    def starts_of(self, pattern: str) -> list[int]:
        if not pattern.endswith("*"):
            return self.positions.get(pattern, [])
        stem = pattern[:-1]
        found: list[int] = []
        at = bisect.bisect_left(self._sorted, stem)
        while at < len(self._sorted) and self._sorted[at].startswith(stem):
            found.extend(self.positions[self._sorted[at]])
            at += 1
        return found

    def options_at(self, at: int) -> frozenset[str]:
        return self.words[at] if at < len(self.words) else frozenset()

    def matches_at(self, term: tuple[str, ...], at: int) -> bool:
        if not term:
            return True
        head, rest = term[0], term[1:]
        if head == _GAP:
            return any(self.matches_at(rest, at + gap) for gap in range(_MAX_GAP + 1))
        if at >= len(self.words) or not _has(self.words[at], head):
            return False
        return self.matches_at(rest, at + 1)


def _has(options: frozenset[str], pattern: str) -> bool:
    if pattern.endswith("*"):
        stem = pattern[:-1]
        return any(option.startswith(stem) for option in options)
    return pattern in options
