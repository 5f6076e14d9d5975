"""A relevance test run before parsing: can this article hold an event at all?

The pipeline codes an event only from a trigger of the trigger lexicon; an ambiguous trigger
("frapper", "attaque") only in a sentence that also names an armed actor or a conflict word. The
prefilter asks the same of the article as a bag of words, without parsing it:

- some clear trigger term has all its words in the article, or
- some ambiguous trigger term has, and so has a conflict word or an armed actor's alias.

A word of the article counts under its own form and under every lemma the spaCy lemmatizer could
give it (its lookup, exception and suffix-rule tables, for any part of speech), so the test only
ever says "no" to an article whose parse could not match either: it is a superset of what the
pipeline keeps, never a guess. Articles it rejects are stored as coded, with no events.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Mapping
from typing import Any

from sitrep.lexicons import Lexicon, Term
from sitrep.normalize import fold

#: A word, with the apostrophe of an elision ("s'", "jusqu'"): the lemmatizer's tables list those
#: forms with it ("s'" -> "se").
_WORD = re.compile(r"[^\W_]+['\u2019]?")
_GAP = "~"
_ACRONYM = "="
#: ACLED inter codes of armed actors: state forces, rebels, militias, external forces.
ARMED_INTER = frozenset({1, 2, 3, 4, 8})
#: "~" stands for up to two words in the pipeline; one more here absorbs tokenisation differences.
_MAX_GAP = 3
#: Distinct words remembered per prefilter; beyond it the memory starts again (long batch runs).
_MAX_REMEMBERED = 300_000


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
    """Terms indexed by their first word, matched in sequence against an article's word stream."""

    def __init__(self, terms: Iterable[Term]):
        self._by_first: dict[str, list[tuple[str, ...]]] = {}
        self._wild_first: list[tuple[str, ...]] = []
        for term in terms:
            words = tuple(w.removeprefix(_ACRONYM) for w in term.words)
            if words[0].endswith("*"):
                self._wild_first.append(words)
            else:
                self._by_first.setdefault(words[0], []).append(words)

    def found_in(self, stream: _Stream) -> bool:
        for first, terms in self._by_first.items():
            starts = stream.positions.get(first)
            if starts and any(stream.matches_at(term, at) for term in terms for at in starts):
                return True
        return any(
            stream.matches_at(term, at) for term in self._wild_first for at in stream.starts_of(term[0])
        )


class RelevancePrefilter:
    """`may_have_events(text)`: False only for articles the pipeline cannot code an event from."""

    def __init__(self, lexicon: Lexicon, lemmas: LemmaGuesser):
        self._clear = _Terms(t for e in lexicon.triggers if not e.ambiguous for t in e.terms)
        self._ambiguous = _Terms(t for e in lexicon.triggers if e.ambiguous for t in e.terms)
        armed = [e for e in (*lexicon.actors, *lexicon.generic_actors) if e.inter in ARMED_INTER]
        self._licences = _Terms(
            [t for e in armed for t in e.aliases] + list(lexicon.context.get("conflict_words", ()))
        )
        self._lemmas = lemmas
        self._folded: dict[str, frozenset[str]] = {}

    @classmethod
    def for_pipeline(cls, pipeline: Any) -> RelevancePrefilter:
        """The prefilter matching a sitrep Pipeline's lexicon and lemmatizer (loads its model)."""
        return cls(pipeline.lexicon, LemmaGuesser.of_pipeline(pipeline.nlp))

    def may_have_events(self, text: str) -> bool:
        stream = _Stream(self._word_stream(text))
        if self._clear.found_in(stream):
            return True
        return self._ambiguous.found_in(stream) and self._licences.found_in(stream)

    def _word_stream(self, text: str) -> list[frozenset[str]]:
        """For each word of the text, the folded forms and lemmas it may stand for."""
        stream: list[frozenset[str]] = []
        for word in _WORD.findall(text.lower()):
            if word[-1] in "'\u2019":
                word = word[:-1]
                options = self._folded_lemmas(word) | self._folded_lemmas(word + "'")
            else:
                options = self._folded_lemmas(word)
            if options:
                stream.append(options)
        return stream

    def _folded_lemmas(self, word: str) -> frozenset[str]:
        known = self._folded.get(word)
        if known is None:
            if len(self._folded) >= _MAX_REMEMBERED:
                self._folded.clear()
            known = frozenset(part for lemma in self._lemmas.lemmas(word) for part in fold(lemma).split())
            self._folded[word] = known
        return known


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
