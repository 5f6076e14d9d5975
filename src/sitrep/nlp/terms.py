"""Matching lexicon terms against a parsed document.

A term is a tuple of folded words (see sitrep.lexicons). Each word matches a
token whose folded lemma or folded form equals it; "word*" matches a prefix and
"~" a gap of up to two words ("neutralisé dimanche un engin" matches
"neutraliser ~ engin"). Matching runs over a *word stream* rather than tokens, so a
hyphenated token ("attentat-suicide", "a-t-on") matches a two-word term, and a
punctuation token breaks a phrase (a hyphen or an apostrophe alone does not:
"al - Thourade" is one name). A term written as an acronym ("EI", "ANS") matches
only an upper-case token, so "ans" (years) is not the Syrian National Army.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from spacy.tokens import Doc, Span

from sitrep.normalize import fold

Payload = TypeVar("Payload")

_BREAK = "\x00"  # stands for punctuation: matches no word


_JOINERS = frozenset({"-", "'", "’", "‑", "/"})
_ACRONYM = "="  # a pattern word that must match an upper-case token


@dataclass(frozen=True)
class _Word:
    form: str
    lemma: str | None
    token: int
    upper: bool = False


def term_words(words: Sequence[str], text: str) -> tuple[str, ...]:
    """A lexicon term's words, marked as an acronym when it is written as one ("EI", "FAMa" is not)."""
    letters = text.replace(".", "").replace(" ", "")
    if letters.isalpha() and letters.isupper() and len(letters) <= 8 and len(words) == 1:
        return (_ACRONYM + words[0],)
    return tuple(words)


@dataclass(frozen=True)
class TermMatch(Generic[Payload]):
    span: Span
    payload: Payload
    words: int  # length of the matched term, in words


def word_stream(doc: Doc | Span) -> list[_Word]:
    """The folded words of a document (or span), each pointing back to its token."""
    stream: list[_Word] = []
    for token in doc:
        if token.is_space:
            continue
        if (
            token.text in _JOINERS
            and not token.whitespace_
            and not (token.i and token.doc[token.i - 1].whitespace_)
        ):
            continue  # "al-Qaïda", "sit-in", "AFC/M23": the pieces of one word
        forms = fold(token.text).split()
        if not forms:
            stream.append(_Word(_BREAK, None, token.i))
            continue
        lemmas = fold(token.lemma_).split()
        lemma = lemmas[0] if len(forms) == 1 and len(lemmas) == 1 else None
        upper = token.text.isupper()
        stream.extend(_Word(form, lemma if len(forms) == 1 else None, token.i, upper) for form in forms)
    return stream


_MAX_GAP = 2


def _word_matches(pattern: str, word: _Word) -> bool:
    if pattern.startswith(_ACRONYM):
        return word.upper and word.form == pattern[1:]
    if pattern.endswith("*"):
        stem = pattern[:-1]
        return word.form.startswith(stem) or (word.lemma is not None and word.lemma.startswith(stem))
    return pattern == word.form or pattern == word.lemma


def _match_end(words: tuple[str, ...], stream: list[_Word], i: int) -> int | None:
    """Where `words` matched from stream[i] ends (exclusive), or None."""
    if not words:
        return i
    head, rest = words[0], words[1:]
    if head == "~":
        for gap in range(_MAX_GAP + 1):
            if any(w.form == _BREAK for w in stream[i : i + gap]) or i + gap > len(stream):
                break
            end = _match_end(rest, stream, i + gap)
            if end is not None:
                return end
        return None
    if i >= len(stream) or not _word_matches(head, stream[i]):
        return None
    return _match_end(rest, stream, i + 1)


class TermMatcher(Generic[Payload]):
    """Finds the longest non-overlapping occurrences of many terms in a document."""

    def __init__(self, terms: Iterable[tuple[Sequence[str], Payload]]):
        self._by_first: dict[str, list[tuple[tuple[str, ...], Payload]]] = defaultdict(list)
        self._wild_first: list[tuple[tuple[str, ...], Payload]] = []
        for words, payload in terms:
            words = tuple(words)
            if not words:
                continue
            first = words[0].removeprefix(_ACRONYM)
            if first.endswith("*") or first == "~":
                self._wild_first.append((words, payload))
            else:
                self._by_first[first].append((words, payload))

    def __len__(self) -> int:
        return sum(len(v) for v in self._by_first.values()) + len(self._wild_first)

    def _candidates(self, word: _Word) -> Iterable[tuple[tuple[str, ...], Payload]]:
        yield from self._by_first.get(word.form, ())
        if word.lemma is not None and word.lemma != word.form:
            yield from self._by_first.get(word.lemma, ())
        yield from self._wild_first

    def find(self, doc: Doc | Span, *, overlapping: bool = False) -> list[TermMatch[Payload]]:
        """Matches in document order; longest first wins where two overlap (unless `overlapping`)."""
        stream = word_stream(doc)
        base = doc.doc if isinstance(doc, Span) else doc
        found: list[tuple[int, int, Payload]] = []
        for i, word in enumerate(stream):
            if word.form == _BREAK:
                continue
            for words, payload in self._candidates(word):
                end = _match_end(words, stream, i)
                if end is not None and end > i:
                    found.append((i, end, payload))
        if not overlapping:
            found = _longest_non_overlapping(found)
        found.sort(key=lambda m: m[0])
        return [
            TermMatch(base[stream[s].token : stream[e - 1].token + 1], payload, e - s)
            for s, e, payload in found
        ]


def _longest_non_overlapping(found: list[tuple[int, int, Payload]]) -> list[tuple[int, int, Payload]]:
    taken: set[int] = set()
    kept = []
    for s, e, payload in sorted(found, key=lambda m: (-(m[1] - m[0]), m[0])):
        if any(k in taken for k in range(s, e)):
            continue
        taken.update(range(s, e))
        kept.append((s, e, payload))
    return kept
