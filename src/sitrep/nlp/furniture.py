"""Page furniture blanked out before parsing: lists of other stories, captions and tags.

A scraped web page carries, around its story, a list of other stories' headlines under a heading
("Dans la même rubrique :", "Sur le même sujet", "Les plus lus"), photo captions ("Photo
d'illustration : patrouille dans le parc W (archives)") and a line of tags ("Tags : Djibo,
attaque, VDP"). Read as the story's text, a listed headline is an event of another day and
place ("- Beni : deux morts dans une attaque ADF à Mbau"), and a caption's or a tag's place
becomes the event's. `FurnitureBlanker.blank` gives the text to parse with those lines blanked.

A list runs from a heading alone on its line over the lines that read as headlines: a bullet
("- ", "• ") or no full stop at the end; the first line that ends like a sentence ends it. A
caption or a tag line opens with its word and a colon or a dash ("Photo :", "Crédit photo -").
(A heading with one headline on its line, "Lire aussi : Solhan : deux ans après", stays: the events
layer reads it as a link, and its words still tell what the page is about.)

Only characters other than line breaks become spaces, so every character keeps its offset: the
evidence of every event still points at the article's own text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from sitrep.normalize import fold

#: A listed headline is at most this many words; a longer line is the story going on.
MAX_ITEM_WORDS = 30
#: A list holds at most this many headlines.
MAX_ITEMS = 20
#: A caption or a tag line is at most this many words.
MAX_CAPTION_WORDS = 40

_BULLET = re.compile(r"^\s*(?:[-–—•·*▪►>»]|\d{1,2}[.)])\s+")
_SENTENCE_END = re.compile(r"[.…]\s*$")
_LINE = re.compile(r"[^\n]*")


class FurnitureBlanker:
    """Built once from a lexicon's list headings and caption openings (folded word tuples)."""

    def __init__(self, list_headings: Iterable[tuple[str, ...]], caption_openings: Iterable[tuple[str, ...]]):
        self._headings = frozenset(tuple(h) for h in list_headings if h)
        self._openings = sorted({tuple(o) for o in caption_openings if o}, key=len, reverse=True)

    def blank(self, text: str) -> str:
        """`text` with its lists of other stories, captions and tag lines blanked (same offsets)."""
        chars: list[str] | None = None
        items = -1  # -1: outside a list; else how many headlines of the current list were blanked
        for line in _LINE.finditer(text):
            content = line.group()
            if not content.strip():
                continue
            if self._is_heading(content):
                items = 0
            elif items >= 0 and items < MAX_ITEMS and _reads_as_headline(content):
                items += 1
            elif self._is_caption(content):
                items = -1
            else:
                items = -1
                continue
            if chars is None:
                chars = list(text)
            chars[line.start() : line.end()] = " " * (line.end() - line.start())
        return text if chars is None else "".join(chars)

    def _is_heading(self, line: str) -> bool:
        """The line is a list heading and nothing else ("Dans la même rubrique :")."""
        return tuple(fold(line).split()) in self._headings

    def _is_caption(self, line: str) -> bool:
        """ "Photo d'illustration : ...", "Crédit photo - AFP", "Tags : ...": an opening word, then its
        colon or dash, on a short line."""
        words = fold(line).split()
        if not words or len(words) > MAX_CAPTION_WORDS:
            return False
        stripped = line.strip().lstrip("([").lstrip()
        for opening in self._openings:
            if tuple(words[: len(opening)]) != opening:
                continue
            # the opening's own words, then ":" or a dash right after them
            rest = _after_words(stripped, len(opening))
            return rest.startswith((":", "-", "–", "—", "©"))
        return False


def _reads_as_headline(line: str) -> bool:
    """A bullet, or a short line that does not end like a sentence."""
    if _BULLET.match(line):
        return len(line.split()) <= MAX_ITEM_WORDS + 1
    return len(line.split()) <= MAX_ITEM_WORDS and not _SENTENCE_END.search(line)


def _after_words(line: str, count: int) -> str:
    """What follows the first `count` words of `line` (words as `fold` splits them), stripped."""
    found = list(re.finditer(r"[^\W_]+", line))
    if len(found) < count:
        return ""
    return line[found[count - 1].end() :].lstrip()
