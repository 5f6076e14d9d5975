"""RSS and Atom feeds (local files or http(s) addresses) read by feedparser: one article per entry.

An entry's text is its headline on the first line, a blank line, then the longest of its content
and its summary, as plain text (feed HTML is turned into lines). `published` is the calendar day the
entry states (its "published", else its "updated" date), `url` its link, `source` the feed's title.
An address that answers with a web page instead of a feed is read as one HTML article.
"""

from __future__ import annotations

import gzip
import re
import urllib.error
import urllib.request
import zlib
from collections.abc import Iterator
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from sitrep import __version__
from sitrep.errors import InputError
from sitrep.ingest.html import article_from_html
from sitrep.ingest.problems import ReadContext, message_of
from sitrep.ingest.streams import MAX_WHOLE_BYTES, TooLargeError, open_input, too_large
from sitrep.ingest.text import DAY_PRECISION
from sitrep.records import Article, content_id

#: Seconds to wait for a feed server before giving up on it.
FETCH_TIMEOUT = 30.0
_READ_CHUNK = 4096
_URL = re.compile(r"^https?://", re.IGNORECASE)
_HTML_START = re.compile(rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html)[\s>]", re.IGNORECASE | re.DOTALL)
_ENTRY_END = re.compile(rb"</(?:[A-Za-z0-9_]+:)?(?:item|entry)\s*>")
_BLOCK_TAGS = frozenset(
    ("p", "br", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "blockquote")
    + ("section", "article", "header", "footer", "pre", "hr", "dd", "dt", "figcaption")
)
_HIDDEN_TAGS = frozenset({"script", "style", "noscript", "template"})
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_NOT_A_FEED = "not an RSS or Atom feed"


def is_url(value: object) -> bool:
    return isinstance(value, str) and _URL.match(value) is not None


def read_feed_file(path: Path, *, ctx: ReadContext) -> Iterator[Article]:
    """Articles of a local feed file (.xml, .rss, .atom, or any of them gzipped).

    A truncated or corrupt .gz still gives the entries complete before the damage; the damage is
    then reported.
    """
    source = str(path)
    data, damage = _read_up_to_damage(path)
    if not data.strip():
        if damage is None:
            ctx.skip(source, "empty file")
            return
        raise damage
    yield from articles_from_feed(data, origin=source, ctx=ctx, complete=damage is None)
    if damage is not None:
        ctx.skip(source, f"{message_of(damage)}; the entries before the damage were read")


def read_url(url: str, *, ctx: ReadContext, timeout: float = FETCH_TIMEOUT) -> Iterator[Article]:
    """Articles of a feed at an http(s) address (a web page there is read as one article)."""
    data, content_type = fetch(url, timeout=timeout)
    if not data.strip():
        ctx.skip(url, "the server sent nothing")
        return
    parsed = _parse_feed(data, content_type=content_type)
    if not parsed.entries and ("html" in content_type.lower() or _HTML_START.match(data)):
        article = article_from_html(data, origin=url, ctx=ctx, url=url)
        if article is not None:
            yield article
        return
    yield from _entries(parsed, origin=url, ctx=ctx, keep=len(parsed.entries))


def fetch(url: str, *, timeout: float = FETCH_TIMEOUT) -> tuple[bytes, str]:
    """(body, content type) of an http(s) address; InputError naming the address when it fails."""
    request = urllib.request.Request(
        url,
        headers={
            "User-Agent": f"sitrep/{__version__} (feed reader)",
            "Accept": "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/html;q=0.5",
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 (http(s) only)
            body = response.read(MAX_WHOLE_BYTES + 1)
            encoding = (response.headers.get("Content-Encoding") or "").lower()
            content_type = response.headers.get("Content-Type") or ""
    except urllib.error.HTTPError as exc:
        message = f"the server answered HTTP {exc.code} ({exc.reason}); check the address"
        raise InputError(message, source=url) from None
    except urllib.error.URLError as exc:
        message = f"cannot reach it ({exc.reason}); check the address and the network"
        raise InputError(message, source=url) from None
    except TimeoutError:
        raise InputError(f"no answer within {timeout:g} s; try again later", source=url) from None
    except (ValueError, OSError) as exc:
        raise InputError(f"cannot fetch it ({exc}); check the address", source=url) from None
    if len(body) > MAX_WHOLE_BYTES:
        raise too_large(len(body), source=url, limit=MAX_WHOLE_BYTES, hint="is it really a feed?")
    return _content_decoded(body, encoding, source=url), content_type


def _content_decoded(body: bytes, encoding: str, *, source: str) -> bytes:
    if encoding not in ("gzip", "x-gzip", "deflate"):
        return body
    try:
        return gzip.decompress(body) if "gzip" in encoding else zlib.decompress(body)
    except (OSError, EOFError, zlib.error) as exc:
        message = f"the server sent damaged {encoding} data ({exc}); try again later"
        raise InputError(message, source=source) from None


def articles_from_feed(
    data: bytes, *, origin: str, ctx: ReadContext, complete: bool = True
) -> Iterator[Article]:
    """Articles of a feed document's bytes. With `complete` False (a damaged file), only the entries
    whose closing tag was read are kept: the last one may have been cut."""
    parsed = _parse_feed(data)
    keep = len(parsed.entries) if complete else min(len(parsed.entries), len(_ENTRY_END.findall(data)))
    yield from _entries(parsed, origin=origin, ctx=ctx, keep=keep)


def _parse_feed(data: bytes, *, content_type: str = "") -> Any:
    import feedparser  # imported on first use: only feeds need it

    headers = {"content-type": content_type} if content_type else None
    # Bytes, never a str: feedparser would treat a str as an address or a file name and open it.
    return feedparser.parse(data, response_headers=headers)


def _entries(parsed: Any, *, origin: str, ctx: ReadContext, keep: int) -> Iterator[Article]:
    if not parsed.entries:
        if not parsed.get("version"):
            reason = parsed.get("bozo_exception")
            detail = f" ({reason})" if reason else ""
            raise InputError(f"{_NOT_A_FEED}{detail}; give a feed file or address", source=origin)
        ctx.skip(origin, "the feed has no entries")
        return
    feed_title = _plain(parsed.feed.get("title_detail")) or _plain_text(parsed.feed.get("title"))
    source = feed_title or ctx.source
    for number, entry in enumerate(parsed.entries[:keep], start=1):
        where = f"{origin}#{number}"
        article = _article_of_entry(entry, origin=where, source=source, ctx=ctx)
        if article is not None:
            yield article


def _article_of_entry(entry: Any, *, origin: str, source: str | None, ctx: ReadContext) -> Article | None:
    title = _plain(entry.get("title_detail")) or _plain_text(entry.get("title"))
    body = max(
        [_plain(part) for part in entry.get("content") or ()] + [_plain(entry.get("summary_detail"))],
        key=len,
    )
    if title and body.startswith(title):
        title_line = ""
    else:
        title_line = title
    text = "\n\n".join(part for part in (title_line, body) if part)
    if not text:
        ctx.skip(origin, "entry without a title or text")
        return None
    link = entry.get("link")
    return Article(
        id=content_id(text),
        text=text,
        published=_entry_date(entry, origin=origin, ctx=ctx),
        published_precision=DAY_PRECISION,
        source=source,
        url=(link.strip() or None) if isinstance(link, str) else None,
        title=title or None,
        origin=origin,
    )


def _entry_date(entry: Any, *, origin: str, ctx: ReadContext) -> date | None:
    unreadable: list[str] = []
    for name in ("published", "updated", "created"):
        # dict.get: feedparser's own get() answers "updated" with "published" (and warns about it).
        written = dict.get(entry, name)
        if not isinstance(written, str) or not written.strip():
            continue
        day = _written_day(written) or _parsed_day(dict.get(entry, f"{name}_parsed"))
        if day is not None:
            return day
        unreadable.append(f"{name} date {written.strip()[:40]!r}")
    if unreadable:
        ctx.warn(origin, f"unreadable {unreadable[0]}; using the default date")
    return ctx.published


def _written_day(written: str) -> date | None:
    """The calendar day as written (RFC 822 or ISO 8601), whatever the time zone."""
    text = written.strip()
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        pass
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        return None


def _parsed_day(parsed: Any) -> date | None:
    """feedparser's own reading of odd date formats (a UTC struct_time)."""
    try:
        return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
    except (AttributeError, TypeError, ValueError):
        return None


def _plain(detail: Any) -> str:
    """Plain text of a feedparser text construct ({"value", "type"}): HTML turned into lines."""
    if not detail:
        return ""
    value = detail.get("value") or ""
    if "html" in (detail.get("type") or ""):
        return html_to_text(value)
    return _tidy(value)


def _plain_text(value: Any) -> str:
    return _tidy(value) if isinstance(value, str) else ""


def html_to_text(markup: str) -> str:
    """The text of an HTML fragment: one line per block element, scripts and styles left out."""
    parser = _TextCollector()
    parser.feed(markup)
    parser.close()
    return _tidy("".join(parser.parts))


def _tidy(text: str) -> str:
    lines = (_SPACES.sub(" ", line).strip() for line in text.replace("\r", "\n").split("\n"))
    return "\n".join(line for line in lines if line)


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN_TAGS:
            self._hidden += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN_TAGS:
            self._hidden = max(0, self._hidden - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data.replace("\n", " "))


def _read_up_to_damage(path: Path) -> tuple[bytes, InputError | None]:
    """The (decompressed) bytes of `path`, and the gzip damage that stopped the read, if any.

    Small reads lose at most a few kilobytes before the damage; the rest is kept.
    """
    chunks: list[bytes] = []
    size = 0
    try:
        with open_input(path) as fh:
            while chunk := fh.read(_READ_CHUNK):
                size += len(chunk)
                if size > MAX_WHOLE_BYTES:
                    raise too_large(size, source=str(path), limit=MAX_WHOLE_BYTES, hint="split the feed")
                chunks.append(chunk)
    except TooLargeError:
        raise
    except InputError as damage:
        return b"".join(chunks), damage
    return b"".join(chunks), None
