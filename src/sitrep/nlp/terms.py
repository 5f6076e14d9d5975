"""Matching lexicon terms against a parsed document.

A term is a tuple of folded words (see sitrep.lexicons). Each word matches a
token whose folded lemma or folded form equals it; "word*" matches a prefix and
"~" a gap of up to two words ("neutralisé dimanche un engin" matches
"neutraliser ~ engin"). Matching runs over a *word stream* rather than tokens, so a
hyphenated token ("attentat-suicide", "a-t-on") matches a two-word term, and a
punctuation token breaks a phrase (a hyphen or an apostrophe alone does not:
"al - Thourade" is one name). A term written as an acronym ("EI", "ANS") matches
only an upper-case token, so "ans" (years) is not the Syrian National Army.

Speed: a document's word stream is built once and kept on the Doc (every matcher and every
sentence of it reads the same one), token strings are folded once per process, and a word is
tried only against the terms that can start with it (by form, by lemma, or by a "stem*" that is
a prefix of either), never against the whole lexicon.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Generic, NamedTuple, TypeVar

from spacy.tokens import Doc, Span

from sitrep.normalize import fold

Payload = TypeVar("Payload")

_BREAK = "\x00"  # stands for punctuation: matches no word


_JOINERS = frozenset({"-", "'", "’", "‑", "/"})
ACRONYM = "="  # a pattern word that must match an upper-case token
_GAP = "~"
#: Where a document keeps its word stream (Doc.user_data key), with the length it was built for.
_STREAM_KEY = ("sitrep", "word_stream")
#: Distinct (form, lemma) pairs whose candidate terms a matcher remembers.
_MAX_REMEMBERED = 200_000


class _Word(NamedTuple):
    """One word of the stream (a tuple, so that a Doc carrying its stream still serialises)."""

    form: str
    lemma: str | None
    token: int
    upper: bool = False
    title: bool = False  # "Monusco": how French writes an acronym it can pronounce


#: From this many letters, an acronym also matches a word in title case: the French press writes
#: "Monusco", "Minusma", "Iswap"; short ones ("EI", "ANS", "FAR") would then match common words.
TITLE_CASE_ACRONYM = 5


def title_case(text: str) -> bool:
    """ "Monusco": a capital, then only lower-case letters."""
    return text[:1].isupper() and text[1:].isalpha() and text[1:].islower()


def term_words(words: Sequence[str], text: str) -> tuple[str, ...]:
    """A lexicon term's words, marked as an acronym when it is written as one ("EI", "FAMa" is not)."""
    letters = text.replace(".", "").replace(" ", "")
    if letters.isalpha() and letters.isupper() and len(letters) <= 8 and len(words) == 1:
        return (ACRONYM + words[0],)
    return tuple(words)


@dataclass(frozen=True)
class TermMatch(Generic[Payload]):
    span: Span
    payload: Payload
    words: int  # length of the matched term, in words


@lru_cache(maxsize=100_000)
def _folded(text: str) -> tuple[str, ...]:
    """fold(text).split(), once per distinct token string (the same words recur in every article)."""
    return tuple(fold(text).split())


def _build_stream(doc: Doc) -> list[_Word]:
    stream: list[_Word] = []
    previous_ws = ""
    for token in doc:
        after_space = previous_ws
        previous_ws = token.whitespace_
        if token.is_space:
            continue
        text = token.text
        if text in _JOINERS and not token.whitespace_ and not (token.i and after_space):
            continue  # "al-Qaïda", "sit-in", "AFC/M23": the pieces of one word
        forms = _folded(text)
        if not forms:
            stream.append(_Word(_BREAK, None, token.i))
            continue
        upper = text.isupper()
        title = not upper and title_case(text)
        if len(forms) == 1:
            lemmas = _folded(token.lemma_)
            stream.append(_Word(forms[0], lemmas[0] if len(lemmas) == 1 else None, token.i, upper, title))
        else:
            stream.extend(_Word(form, None, token.i, upper) for form in forms)
    return stream


def _doc_stream(doc: Doc) -> list[_Word]:
    """The word stream of a whole document, built on first use and kept in doc.user_data."""
    kept = doc.user_data.get(_STREAM_KEY)
    if kept is not None and kept[0] == len(doc) and (not kept[1] or isinstance(kept[1][0], _Word)):
        return kept[1]  # (a Doc read back from bytes holds plain lists: built again)
    stream = _build_stream(doc)
    doc.user_data[_STREAM_KEY] = (len(doc), stream)
    return stream


def word_stream(doc: Doc | Span) -> list[_Word]:
    """The folded words of a document (or span), each pointing back to its token."""
    if isinstance(doc, Doc):
        return _doc_stream(doc)
    stream = _doc_stream(doc.doc)
    return stream[_first_at(stream, doc.start) : _first_at(stream, doc.end)]


def _first_at(stream: list[_Word], token: int) -> int:
    """Index of the first word of `stream` at or after token `token` (words are in token order)."""
    return bisect_left(stream, token, key=lambda w: w.token)


_MAX_GAP = 2


def _word_matches(pattern: str, word: _Word) -> bool:
    if pattern.startswith(ACRONYM):
        letters = pattern[1:]
        cased = word.upper or (word.title and len(letters) >= TITLE_CASE_ACRONYM)
        return cased and word.form == letters
    if pattern.endswith("*"):
        stem = pattern[:-1]
        return word.form.startswith(stem) or (word.lemma is not None and word.lemma.startswith(stem))
    return pattern == word.form or pattern == word.lemma


def _match_end(words: tuple[str, ...], stream: list[_Word], i: int) -> int | None:
    """Where `words` matched from stream[i] ends (exclusive), or None."""
    if not words:
        return i
    head, rest = words[0], words[1:]
    if head == _GAP:
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
        self._by_first: dict[str, list[tuple[tuple[str, ...], Payload]]] = {}
        # Terms starting with "stem*" or a gap, in lexicon order (which decides ties between matches).
        self._wild_first: list[tuple[tuple[str, ...], Payload]] = []
        self._by_stem: dict[str, list[int]] = {}  # stem -> positions in _wild_first
        self._gap_first: list[int] = []
        for words, payload in terms:
            words = tuple(words)
            if not words:
                continue
            first = words[0].removeprefix(ACRONYM)
            if first.endswith("*") or first == _GAP:
                if first == _GAP:
                    self._gap_first.append(len(self._wild_first))
                else:
                    self._by_stem.setdefault(first[:-1], []).append(len(self._wild_first))
                self._wild_first.append((words, payload))
            else:
                self._by_first.setdefault(first, []).append((words, payload))
        self._stem_sizes = sorted({len(stem) for stem in self._by_stem})
        self._remembered: dict[tuple[str, str | None], tuple[tuple[tuple[str, ...], Payload], ...]] = {}

    def __len__(self) -> int:
        return sum(len(v) for v in self._by_first.values()) + len(self._wild_first)

    def _candidates(self, word: _Word) -> tuple[tuple[tuple[str, ...], Payload], ...]:
        """The terms whose first word may match `word`, in the order the lexicon gives them."""
        key = (word.form, word.lemma)
        found = self._remembered.get(key)
        if found is None:
            if len(self._remembered) >= _MAX_REMEMBERED:
                self._remembered.clear()
            found = self._remembered[key] = self._candidates_of(word.form, word.lemma)
        return found

    def _candidates_of(self, form: str, lemma: str | None) -> tuple[tuple[tuple[str, ...], Payload], ...]:
        found = list(self._by_first.get(form, ()))
        if lemma is not None and lemma != form:
            found.extend(self._by_first.get(lemma, ()))
        wild = set(self._gap_first)
        for text in (form, lemma) if lemma is not None else (form,):
            for size in self._stem_sizes:
                if size > len(text):
                    break
                wild.update(self._by_stem.get(text[:size], ()))
        found.extend(self._wild_first[at] for at in sorted(wild))
        return tuple(found)

    def find(
        self,
        doc: Doc | Span,
        *,
        overlapping: bool = False,
        prefer: Callable[[Payload], int] | None = None,
    ) -> list[TermMatch[Payload]]:
        """Matches in document order; longest first wins where two overlap (unless `overlapping`),
        then the lowest `prefer(payload)`, then the leftmost."""
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
            found = _longest_non_overlapping(found, prefer)
        found.sort(key=lambda m: m[0])
        return [
            TermMatch(base[stream[s].token : stream[e - 1].token + 1], payload, e - s)
            for s, e, payload in found
        ]


def _longest_non_overlapping(
    found: list[tuple[int, int, Payload]], prefer: Callable[[Payload], int] | None = None
) -> list[tuple[int, int, Payload]]:
    taken: set[int] = set()
    kept = []
    rank = prefer or (lambda _: 0)
    if prefer is not None:
        # `prefer` chooses between different spans; of terms matching the very same words, the first
        # found wins as without it.
        firsts: dict[tuple[int, int], tuple[int, int, Payload]] = {}
        for match in found:
            firsts.setdefault(match[:2], match)
        found = list(firsts.values())
    for s, e, payload in sorted(found, key=lambda m: (-(m[1] - m[0]), rank(m[2]), m[0])):
        if any(k in taken for k in range(s, e)):
            continue
        taken.update(range(s, e))
        kept.append((s, e, payload))
    return kept
