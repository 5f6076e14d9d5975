"""Saved web pages: the article's main text and its metadata, read by trafilatura.

One page, one article. The text is trafilatura's main text (navigation, comments and boiler-plate
left out; paragraphs on their own lines, the headline usually first); `title`, `published` (the
page's own date metadata, never a date guessed from the running text), `source` (the site name) and
`url` (the canonical or og:url address) come from the page when it gives them.
"""

from __future__ import annotations

import codecs
import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

import lxml.etree
import lxml.html

from sitrep.ingest.decode import (
    MAX_CONTROL_SHARE,
    binary_error,
    bom_encoding,
    control_share,
    decode_bytes,
    normalise_newlines,
)
from sitrep.ingest.problems import ReadContext
from sitrep.ingest.streams import read_whole
from sitrep.ingest.text import DAY_PRECISION
from sitrep.records import Article, content_id

_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.I)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_SNIFF_BYTES = 4096
#: Elements whose text a reader never sees: what is left without them decides "only scripts".
_INVISIBLE = ("script", "style", "noscript", "template", "svg", "iframe", "object")
_QUIET_LOGGERS = ("trafilatura", "htmldate", "courlan", "justext")
_TOO_LARGE_HINT = "save the article page alone, or its text as .txt"
ONLY_SCRIPTS = (
    "no readable text in the page: it holds only scripts, styles or markup (a page saved before "
    "its scripts ran?); save the page as displayed by the browser, or its text as .txt"
)
NO_MAIN_TEXT = (
    "no article text found in the page (an index, a list of links or an empty template?); "
    "save the article's own page, or its text as .txt"
)


def read_html_file(path: Path, *, ctx: ReadContext) -> Iterator[Article]:
    """The article of one saved page (nothing, reported, when it has no article text)."""
    source = str(path)
    data = read_whole(path, hint=_TOO_LARGE_HINT)
    if not data.strip():
        ctx.skip(source, "empty file")
        return
    article = article_from_html(data, origin=source, ctx=ctx)
    if article is not None:
        yield article


def article_from_html(
    page: bytes | str, *, origin: str, ctx: ReadContext, url: str | None = None
) -> Article | None:
    """The Article of an HTML page; None (reported to `ctx`) when it holds no article text.

    `url` is where the page was fetched from, used when the page names no canonical address.
    Raises InputError for a binary or undecodable page.
    """
    text = page if isinstance(page, str) else _decode_page(page, source=origin, ctx=ctx)
    tree = _parse(text)
    if tree is None or not _visible_text(tree):
        ctx.skip(origin, ONLY_SCRIPTS)
        return None
    extracted = _extract(tree, url=url)
    body = (extracted.text or "").strip() if extracted is not None else ""
    if not body:
        ctx.skip(origin, NO_MAIN_TEXT)
        return None
    return Article(
        id=content_id(body),
        text=body,
        published=_page_date(extracted, origin=origin, ctx=ctx),
        published_precision=DAY_PRECISION,
        source=_clean(extracted.sitename) or ctx.source or _clean(extracted.hostname),
        url=_clean(extracted.url) or url,
        title=_clean(extracted.title),
        origin=origin,
    )


def _decode_page(data: bytes, *, source: str, ctx: ReadContext) -> str:
    """The page's text, in the charset its <meta> declares when that decodes it, else as any text."""
    declared = _declared_charset(data[:_SNIFF_BYTES])
    if declared is not None and bom_encoding(data) is None:
        try:
            text = data.decode(declared)
        except UnicodeDecodeError:
            pass  # the declaration is wrong: guess as for any text, with its warning
        else:
            if b"\x00" in data or control_share(text) > MAX_CONTROL_SHARE:
                raise binary_error(source)
            return normalise_newlines(text)
    text, warning = decode_bytes(data, source=source)
    if warning:
        ctx.warn(source, warning)
    return text


def _declared_charset(head: bytes) -> str | None:
    match = _META_CHARSET.search(head)
    if match is None:
        return None
    try:
        return codecs.lookup(match.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None


def _parse(text: str) -> Any:
    # lxml refuses a str that carries its own encoding declaration: the text is decoded already.
    text = _XML_DECLARATION.sub("", text, count=1)
    if not text.strip():
        return None
    try:
        return lxml.html.document_fromstring(text)
    except (lxml.etree.ParserError, ValueError):
        return None


def _visible_text(tree: Any) -> str:
    """The page's text without the elements a reader never sees (the tree is cleaned in place)."""
    for element in tree.xpath("|".join(f"//{name}" for name in _INVISIBLE)):
        parent = element.getparent()
        if parent is not None:
            element.drop_tree()
    return " ".join(tree.text_content().split())


def _extract(tree: Any, *, url: str | None) -> Any:
    import trafilatura  # imported on first use: it takes a while and only pages need it

    with _quiet(_QUIET_LOGGERS):
        return trafilatura.bare_extraction(
            tree,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            # Only dates the page states about itself: a date found in the running text is more
            # often the event's or an older story's than the publication's.
            date_extraction_params={"extensive_search": False, "original_date": True},
        )


@contextmanager
def _quiet(names: tuple[str, ...]) -> Iterator[None]:
    """trafilatura logs every unusable page as an ERROR; sitrep reports those pages itself."""
    loggers = [logging.getLogger(name) for name in names]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


def _page_date(extracted: Any, *, origin: str, ctx: ReadContext) -> date | None:
    value = _clean(extracted.date)
    if value is None:
        return ctx.published
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        ctx.warn(origin, f"unreadable page date {value!r}; using the default date")
        return ctx.published


def _clean(value: object) -> str | None:
    return (value.strip() or None) if isinstance(value, str) else None


__all__ = ["NO_MAIN_TEXT", "ONLY_SCRIPTS", "article_from_html", "read_html_file"]
