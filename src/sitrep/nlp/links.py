"""Links to other stories, flattened into the text, put back on lines of their own.

A web page lists "Lire aussi : <another story's headline>" between its paragraphs. Copy scraped
from it often comes as one paragraph, the link's words run into the sentence after it:

    ... à Kaya. Lire aussi : Burkina Faso : au moins 15 civils tués dans une attaque Le convoi était
    escorté par des volontaires.

The headline is then read as part of the story (15 civilians killed, an attack), and the sentence
that follows it as part of a link. `separate_links` gives the text to parse with the link on a
line of its own: a line break in place of the space before the marker, and of the space where the
headline ends. A headline has no full stop; it ends where a sentence visibly starts again: a
capitalised function word ("Le", "Des", "Selon", "L'armée") after a word that is not itself one,
and before a word in lower case ("Le convoi", not "Le Drian"); or at a full stop, a question or
exclamation mark, the next link or the end of the line.

Only spaces become line breaks, so every character keeps its offset: the evidence of every event
still points at the article's own text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

#: The longest headline looked for, in words; past it, the link ends with its sentence.
MAX_HEADLINE_WORDS = 30
#: Words a headline ends on when nothing else ends it first.
_SENTENCE_END = re.compile(r"[.?!…]$")
_WORD = re.compile(r"\S+")


def _fold_chars(text: str) -> str:
    """Lower case, accents dropped, one character for each character (offsets kept)."""
    return "".join(unicodedata.normalize("NFD", c)[0].lower() if c.isalpha() else c for c in text)


class LinkSeparator:
    """Built once from the link markers ("lire aussi", folded words) and a language's function words."""

    def __init__(
        self, markers: Iterable[tuple[str, ...]], function_words: Iterable[str], weekdays: Iterable[str] = ()
    ):
        phrases = sorted({r"\s+".join(re.escape(w) for w in words) for words in markers if words}, key=len)
        # a marker is a phrase of whole words, followed by its colon when there is one
        self._marker = (
            re.compile(r"(?<!\w)(?:" + "|".join(reversed(phrases)) + r")(?!\w)\s*:?") if phrases else None
        )
        self._openers = frozenset(_fold_chars(w) for w in function_words)
        self._weekdays = frozenset(_fold_chars(w) for w in weekdays)

    def separate(self, text: str) -> str:
        """`text` with each flattened link on a line of its own (same length, same offsets)."""
        if self._marker is None:
            return text
        folded = _fold_chars(text)
        found = list(self._marker.finditer(folded))
        if not found:
            return text
        chars = list(text)
        for k, marker in enumerate(found):
            start = marker.start()
            line_start = text.rfind("\n", 0, start) + 1
            if text[line_start:start].strip():
                if not text[start - 1].isspace():
                    continue  # inside a word or after a quote: not a link marker
                chars[start - 1] = "\n"
            limit = found[k + 1].start() if k + 1 < len(found) else len(text)
            end = self._headline_end(text, marker.end(), limit)
            if end is not None:
                chars[end] = "\n"
        return "".join(chars)

    def _headline_end(self, text: str, start: int, limit: int) -> int | None:
        """The offset of the space where the headline after a marker ends, or None when its line or
        the next marker ends it."""
        newline = text.find("\n", start, limit)
        if newline != -1:
            limit = newline
        words = list(_WORD.finditer(text, start, limit))
        for i, word in enumerate(words[:MAX_HEADLINE_WORDS]):
            if i >= 2 and self._starts_sentence(words[i - 1].group(), word.group(), words, i):
                return word.start() - 1 if text[word.start() - 1] == " " else None
            if _SENTENCE_END.search(word.group()) and i + 1 < len(words):
                following = words[i + 1]
                return following.start() - 1 if text[following.start() - 1] == " " else None
        if len(words) > MAX_HEADLINE_WORDS:
            # no visible end: the link runs to the end of its sentence
            for word in words[MAX_HEADLINE_WORDS:]:
                if _SENTENCE_END.search(word.group()):
                    after = word.end()
                    return after if after < limit and text[after] == " " else None
        return None  # the line ends it, or the next marker, whose own line break ends it

    def _starts_sentence(self, previous: str, word: str, words: list[re.Match[str]], i: int) -> bool:
        """ "attaque | Le convoi", "au Burkina | Des blessés", "Rubaya | À Djibo, les combats", "Goma |
        Mardi, des obus", not "Marine | Le Pen" nor ": | Au moins"."""
        if not word[:1].isupper() or previous.endswith((":", "-", "–", "—")):
            return False
        head = _fold_chars(re.split(r"['’]", word, maxsplit=1)[0])
        if word.endswith(",") and _fold_chars(word[:-1]) in self._weekdays:
            return True  # "Mardi, des obus sont tombés"
        if head not in self._openers or _fold_chars(previous.strip('«»"“”()')) in self._openers:
            return False
        if any(w.group().endswith(",") for w in words[i : i + 4]):
            return True  # an opening phrase and its comma: "À Djibo, les combats", "Selon la police,"
        if "'" in word or "’" in word:
            return True  # "L'armée": the elision is the sentence's first word and its noun
        following = words[i + 1].group() if i + 1 < len(words) else ""
        return bool(following) and following[:1].islower()
