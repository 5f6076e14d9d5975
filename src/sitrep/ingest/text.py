"""Plain-text articles: one file, one article; the seed's " date YYYY-MM text" prefix gives its date.

The article text is the decoded file with newlines normalised and surrounding whitespace stripped,
nothing else changed, so character offsets into `Article.text` are offsets into that text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from sitrep.ingest.decode import decode_bytes
from sitrep.ingest.problems import ReadContext
from sitrep.ingest.streams import read_whole
from sitrep.records import Article, content_id

#: " date 2017-07 Les forces ..." (month precision) or "date 2017-07-29 ..." (day precision).
_DATE_PREFIX = re.compile(
    r"\s*date\s+(?P<year>[0-9]{4})-(?P<month>[0-9]{2})(?:-(?P<day>[0-9]{2}))?(?=\s|\Z)",
    re.IGNORECASE | re.ASCII,
)
DAY_PRECISION = 1
MONTH_PRECISION = 3


def read_text_file(path: Path, *, ctx: ReadContext) -> Iterator[Article]:
    """The one article of a plain-text file (nothing when the file is empty; that is reported)."""
    source = str(path)
    text, warning = decode_bytes(read_whole(path), source=source)
    if warning:
        ctx.warn(source, warning)
    if not text.strip():
        ctx.skip(source, "empty file")
        return
    article = article_from_text(text, origin=source, ctx=ctx)
    if article is not None:
        yield article


def article_from_text(text: str, *, origin: str, ctx: ReadContext) -> Article | None:
    """An Article from decoded text, reading a leading "date YYYY-MM[-DD]" if there is one."""
    body = text.strip()
    published, precision = ctx.published, DAY_PRECISION
    match = _DATE_PREFIX.match(body)
    if match is not None:
        body = body[match.end() :].strip()
        prefixed = _prefix_date(match)
        if prefixed is None:
            ctx.warn(origin, f"bad date {match.group().strip()!r} in the date prefix; using the default date")
        else:
            published, precision = prefixed
    if not body:
        ctx.skip(origin, "no text after the date prefix")
        return None
    return Article(
        id=content_id(body),
        text=body,
        published=published,
        published_precision=precision,
        source=ctx.source,
        origin=origin,
    )


def _prefix_date(match: re.Match[str]) -> tuple[date, int] | None:
    day = match.group("day")
    try:
        published = date(int(match.group("year")), int(match.group("month")), int(day or 1))
    except ValueError:
        return None
    return published, (DAY_PRECISION if day else MONTH_PRECISION)
