"""JSON articles: JSON lines (streamed), a JSON array of objects, or one object.

Each object needs a non-empty string "text"; "id", "url", "source", "published", "language" and
"title" are read when present and every other key is ignored, so a gold-article file
(event-record.md §2) is valid input. The text is kept exactly as stored: offsets in a gold file
stay valid.
"""

from __future__ import annotations

import codecs
import io
import json
import re
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any, BinaryIO

from sitrep.errors import InputError
from sitrep.ingest.decode import BINARY_MESSAGE, bom_encoding, decode_bytes
from sitrep.ingest.problems import ReadContext, message_of
from sitrep.ingest.streams import MAX_WHOLE_BYTES, iter_raw_lines, open_input, read_head, read_whole
from sitrep.ingest.text import DAY_PRECISION, MONTH_PRECISION
from sitrep.records import Article, content_id

_YEAR_MONTH = re.compile(r"([0-9]{4})-([0-9]{2})", re.ASCII)
_JSON_SPACE = re.compile(r"[ \t\n\r]*")
_STRING_FIELDS = ("url", "source", "language", "title")
#: A file whose first lines are all unreadable is probably not JSON lines: stop instead of
#: reporting every one of its lines.
MAX_LEADING_BAD_LINES = 10
_SNIFF_BYTES = 4096
_ARRAY_HINT = "convert it to JSON lines (one article object a line), which sitrep streams"

Numbered = tuple[int, Any]


def parse_published(value: str) -> tuple[date, int]:
    """(date, ACLED time precision) of "YYYY-MM-DD", "YYYY-MM" or an ISO date-time; ValueError if none.

    A date-time keeps the calendar day written in it, whatever its offset.
    """
    value = value.strip()
    month = _YEAR_MONTH.fullmatch(value)
    if month:
        return date(int(month.group(1)), int(month.group(2)), 1), MONTH_PRECISION
    return datetime.fromisoformat(value).date(), DAY_PRECISION


def article_from_record(
    record: dict[str, Any], *, source: str, line: int, ctx: ReadContext
) -> Article | None:
    """The Article of one JSON object (None, reported, when it has no usable text)."""
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        ctx.skip(source, 'no text: each article needs a non-empty string "text"', line=line)
        return None
    strings = {
        name: _string_field(record, name, source=source, line=line, ctx=ctx) for name in _STRING_FIELDS
    }
    published, precision = _published_field(record, source=source, line=line, ctx=ctx)
    return Article(
        id=_id_field(record, source=source, line=line, ctx=ctx) or content_id(text),
        text=text,
        published=published,
        published_precision=precision,
        source=strings["source"] or ctx.source,
        url=strings["url"],
        language=strings["language"],
        title=strings["title"],
        origin=f"{source}:{line}",
    )


def read_jsonl_file(path: Path, *, ctx: ReadContext) -> Iterator[Article]:
    """Articles of a JSON-lines file, one line in memory at a time."""
    source = str(path)
    with open_input(path) as fh:
        lines = _decoded_lines(fh, source=source, ctx=ctx)
        yield from _articles(_parsed_lines(lines, source=source, ctx=ctx), source=source, ctx=ctx)


def read_json_file(path: Path, *, ctx: ReadContext) -> Iterator[Article]:
    """Articles of a .json file: an array of objects, a single object, or JSON lines."""
    source = str(path)
    first = _first_significant_char(read_head(path))
    if first == "[":
        text = _decode_whole(read_whole(path, hint=_ARRAY_HINT), source=source, ctx=ctx)
        yield from _articles(_array_elements(text, source=source), source=source, ctx=ctx)
        return
    if first == "{":
        single = _single_object(path, ctx=ctx)
        if single is not None:
            yield from _articles([single], source=source, ctx=ctx)
            return
    yield from read_jsonl_file(path, ctx=ctx)


def _articles(values: Iterable[Numbered | None], *, source: str, ctx: ReadContext) -> Iterator[Article]:
    """Articles of (line, JSON value) pairs; None stands for a line already reported as unreadable."""
    seen = read = 0
    for item in values:
        seen += 1
        article = None if item is None else _article_of_value(item, source=source, ctx=ctx)
        if article is not None:
            read += 1
            yield article
        elif read == 0 and seen >= MAX_LEADING_BAD_LINES:
            raise InputError(
                f"none of its first {seen} records is a readable article; "
                "is it JSON lines (one {...} a line)?",
                source=source,
            )
    if seen == 0:
        ctx.skip(source, "empty file")


def _article_of_value(item: Numbered, *, source: str, ctx: ReadContext) -> Article | None:
    line, value = item
    if not isinstance(value, dict):
        message = f"not a JSON object but {_json_type(value)}; each article must be one {{...}}"
        ctx.skip(source, message, line=line)
        return None
    return article_from_record(value, source=source, line=line, ctx=ctx)


def _parsed_lines(
    lines: Iterable[tuple[int, str]], *, source: str, ctx: ReadContext
) -> Iterator[Numbered | None]:
    for number, text in lines:
        if not text.strip():
            continue
        try:
            yield number, json.loads(text)
        except json.JSONDecodeError as exc:
            message = f"not valid JSON ({exc.msg} at column {exc.colno}); fix or remove the line"
            ctx.skip(source, message, line=number)
            yield None
        except (ValueError, RecursionError) as exc:  # huge integers, absurd nesting
            ctx.skip(source, f"not valid JSON ({exc}); fix or remove the line", line=number)
            yield None


def _decoded_lines(fh: BinaryIO, *, source: str, ctx: ReadContext) -> Iterator[tuple[int, str]]:
    """(line number, text) of each line; UTF-8 expected, a Windows code page tolerated with a warning."""
    head = fh.peek(_SNIFF_BYTES)[:_SNIFF_BYTES]  # type: ignore[attr-defined]
    encoding = bom_encoding(head)
    if encoding in ("utf-16", "utf-32"):
        yield from _wide_lines(fh, encoding=encoding, source=source)
        return
    if b"\x00" in head:  # refuse a binary file at once rather than line by line
        raise InputError(BINARY_MESSAGE, source=source)
    warned = False
    for number, raw in iter_raw_lines(fh):
        if raw is None:
            message = f"line too long (over {MAX_WHOLE_BYTES // 2**20} MB); split the record"
            ctx.skip(source, message, line=number)
            continue
        if b"\x00" in raw:  # JSON never holds a raw NUL: binary data or UTF-16 without its mark
            raise InputError(BINARY_MESSAGE, source=source, line=number)
        if number == 1:
            raw = raw.removeprefix(codecs.BOM_UTF8)
        text = _utf8(raw)
        if text is None:
            try:
                text, warning = decode_bytes(raw, source=source)
            except InputError as exc:
                ctx.skip(source, message_of(exc), line=number)
                continue
            if warning and not warned:
                ctx.warn(source, f"{warning} (first such line; later ones are not reported)", line=number)
                warned = True
        yield number, text


def _utf8(raw: bytes) -> str | None:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _wide_lines(fh: BinaryIO, *, encoding: str, source: str) -> Iterator[tuple[int, str]]:
    """Lines of a UTF-16/32 file (what Windows PowerShell's ">" writes), decoded as a stream.

    Unlike UTF-8 lines these are not length-capped: TextIOWrapper reads a whole line at a time.
    """
    wrapper = io.TextIOWrapper(fh, encoding=encoding, errors="strict", newline=None)
    number = 0
    try:
        for number, line in enumerate(wrapper, start=1):
            yield number, line
    except UnicodeDecodeError:
        raise InputError(
            f"not valid {encoding.upper()} after line {number} despite its byte-order mark; "
            "re-save it as UTF-8",
            source=source,
        ) from None
    finally:
        wrapper.detach()  # the caller closes the underlying file


def _array_elements(text: str, *, source: str) -> Iterator[Numbered]:
    """(line, value) of each element of a JSON array, so a bad element still leaves the earlier ones."""
    decoder = json.JSONDecoder()
    pos = _JSON_SPACE.match(text).end()
    if not text.startswith("[", pos):
        raise InputError("not a JSON array", source=source)
    pos = _JSON_SPACE.match(text, pos + 1).end()
    if text.startswith("]", pos):
        return
    line, counted = 1, 0
    while True:
        line, counted = line + text.count("\n", counted, pos), pos  # incremental: arrays can be long
        try:
            value, end = decoder.raw_decode(text, pos)
        except json.JSONDecodeError as exc:
            raise InputError(
                f"not valid JSON ({exc.msg}); the rest of the array is skipped",
                source=source,
                line=exc.lineno,
            ) from None
        except RecursionError:
            raise InputError(
                "JSON nested too deeply; the rest of the array is skipped", source=source, line=line
            ) from None
        yield line, value
        pos = _JSON_SPACE.match(text, end).end()
        if text.startswith(",", pos):
            pos = _JSON_SPACE.match(text, pos + 1).end()
        elif text.startswith("]", pos) and not text[pos + 1 :].strip():
            return
        else:
            raise InputError(
                "not valid JSON (expected ',' or ']' after an element); the rest is skipped",
                source=source,
                line=text.count("\n", 0, pos) + 1,
            )


def _single_object(path: Path, *, ctx: ReadContext) -> Numbered | None:
    """A .json holding one (possibly pretty-printed) object, or None to read it as JSON lines."""
    source = str(path)
    try:
        text, warning = decode_bytes(read_whole(path), source=source)
        value = json.loads(text)
    except (InputError, ValueError, RecursionError):
        return None  # too large, damaged or several objects: JSON lines reading reports what is wrong
    if not isinstance(value, dict):
        return None
    if warning:
        ctx.warn(source, warning)
    return text.count("\n", 0, text.index("{")) + 1, value


def _decode_whole(data: bytes, *, source: str, ctx: ReadContext) -> str:
    text, warning = decode_bytes(data, source=source)
    if warning:
        ctx.warn(source, warning)
    return text


def _first_significant_char(head: bytes) -> str:
    encoding = bom_encoding(head)
    text = head.decode(encoding, errors="ignore") if encoding else head.decode("latin_1")
    return text.lstrip()[:1]


def _id_field(record: dict[str, Any], *, source: str, line: int, ctx: ReadContext) -> str | None:
    value = record.get("id")
    if value is None or value == "":
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    message = f'"id" is {_json_type(value)}, not a string or integer; using the content hash'
    ctx.warn(source, message, line=line)
    return None


def _string_field(
    record: dict[str, Any], name: str, *, source: str, line: int, ctx: ReadContext
) -> str | None:
    value = record.get(name)
    if isinstance(value, str):
        return value.strip() or None
    if value is not None:
        ctx.warn(source, f'"{name}" is {_json_type(value)}, not a string; ignored', line=line)
    return None


def _published_field(
    record: dict[str, Any], *, source: str, line: int, ctx: ReadContext
) -> tuple[date | None, int]:
    value = record.get("published")
    if value is None or value == "":
        return ctx.published, DAY_PRECISION
    parsed = _parsed_published(value)
    if parsed is None:
        ctx.warn(
            source,
            f'bad "published" value {_short(value)} (expected YYYY-MM-DD, YYYY-MM or an ISO date-time); '
            "using the default date",
            line=line,
        )
        return ctx.published, DAY_PRECISION
    published, precision = parsed
    # Round trip of Article.to_dict(): a stored month precision survives.
    stated = record.get("published_precision")
    if stated in (1, 2, 3) and type(stated) is int:
        precision = stated
    return published, precision


def _parsed_published(value: object) -> tuple[date, int] | None:
    if not isinstance(value, str):
        return None
    try:
        return parse_published(value)
    except ValueError:
        return None


def _json_type(value: object) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean", type(None): "null"}
    return names.get(type(value), "a number")


def _short(value: object, limit: int = 40) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= limit else text[: limit - 1] + "…"
