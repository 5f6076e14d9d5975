"""Which files to read, in which order, with which reader; and `read_articles`, the entry point."""

from __future__ import annotations

import enum
import os
import re
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path, PurePath
from types import MappingProxyType

from sitrep.errors import InputError
from sitrep.ingest.decode import bom_encoding
from sitrep.ingest.feeds import read_feed_file, read_url
from sitrep.ingest.html import read_html_file
from sitrep.ingest.jsonl import read_json_file, read_jsonl_file
from sitrep.ingest.problems import InputProblem, ProblemHandler, ReadContext, log_problem, message_of
from sitrep.ingest.streams import read_head
from sitrep.ingest.text import read_text_file
from sitrep.records import Article


class InputKind(enum.Enum):
    TEXT = "text"
    JSONL = "jsonl"
    JSON = "json"
    HTML = "html"
    FEED = "feed"
    #: an http(s) address: a feed, or a web page read as one article.
    URL = "url"


_KINDS_BY_SUFFIX = MappingProxyType(
    {
        ".txt": InputKind.TEXT,
        ".text": InputKind.TEXT,
        ".jsonl": InputKind.JSONL,
        ".ndjson": InputKind.JSONL,
        ".json": InputKind.JSON,
        ".html": InputKind.HTML,
        ".htm": InputKind.HTML,
        ".xhtml": InputKind.HTML,
        ".xml": InputKind.FEED,
        ".rss": InputKind.FEED,
        ".atom": InputKind.FEED,
    }
)
#: "http://", also as a Path leaves it ("http:/host/..."): a path never starts like this.
_URL = re.compile(r"^(https?):/+(?=[^/])", re.IGNORECASE)
_HTML_HEAD = re.compile(
    r"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body)[\s>]", re.IGNORECASE | re.DOTALL
)
_FEED_HEAD = re.compile(
    r"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(rss|feed|rdf:rdf)[\s>]", re.IGNORECASE | re.DOTALL
)


def kind_of(path: str | Path) -> InputKind | None:
    """The reader a file name calls for (".gz" looked through, case ignored), or None if unknown."""
    name = PurePath(path).name.lower().removesuffix(".gz")
    return _KINDS_BY_SUFFIX.get(PurePath(name).suffix)


def url_of(given: str | Path) -> str | None:
    """The http(s) address `given` stands for, or None for a local path."""
    match = _URL.match(str(given))
    return None if match is None else f"{match.group(1).lower()}://{str(given)[match.end() :]}"


def sniffed_kind(path: Path) -> InputKind:
    """The kind of a file whose name says nothing: a web page or a feed by its first bytes, else text."""
    try:
        raw = read_head(path, size=1024)
    except OSError:
        return InputKind.TEXT  # the text reader reports why it cannot be read
    head = raw.decode(bom_encoding(raw) or "utf-8", errors="ignore")
    if _FEED_HEAD.match(head):
        return InputKind.FEED
    if _HTML_HEAD.match(head):
        return InputKind.HTML
    return InputKind.TEXT


def find_inputs(paths: Iterable[str | Path], *, ctx: ReadContext) -> Iterator[tuple[Path | str, InputKind]]:
    """Each input to read, with its kind, in a stable order.

    A directory is walked recursively in sorted order; inside it hidden entries and files of unknown
    kind are passed over. A file named explicitly is read whatever its name (unknown: a web page or
    a feed by its content, else plain text). An http(s) address is yielded as a str of kind URL.
    """
    for given in paths:
        url = url_of(given)
        if url is not None:
            yield url, InputKind.URL
            continue
        path = Path(given)
        try:
            is_dir, exists = path.is_dir(), path.exists()
        except OSError as exc:  # e.g. a path under a directory we may not enter
            ctx.skip(str(path), os_message(exc))
            continue
        if is_dir:
            yield from _walk(path, ctx=ctx)
        elif exists:
            yield path, kind_of(path) or sniffed_kind(path)
        else:
            ctx.skip(str(path), "no such file or directory")


def _walk(top: Path, *, ctx: ReadContext) -> list[tuple[Path, InputKind]]:
    found: list[tuple[Path, InputKind]] = []

    def unreadable(error: OSError) -> None:
        ctx.skip(str(error.filename), os_message(error))

    for dirpath, dirnames, filenames in os.walk(top, onerror=unreadable):
        dirnames[:] = [name for name in dirnames if not name.startswith(".")]
        for name in filenames:
            kind = None if name.startswith(".") else kind_of(name)
            if kind is not None:
                found.append((Path(dirpath, name), kind))
    # Sorting the path parts gives a depth-first walk with names in order at every level.
    found.sort(key=lambda item: item[0].relative_to(top).parts)
    return found


def os_message(error: OSError) -> str:
    if isinstance(error, FileNotFoundError):
        return "no such file or directory"
    if isinstance(error, PermissionError):
        return "permission denied; check who may read it"
    return f"cannot read it ({error.strerror or error})"


class _HandlerRaised(BaseException):
    """Carries an exception raised by `on_problem` past the readers' own error handling."""

    def __init__(self, error: Exception):
        super().__init__(error)
        self.error = error


def _guarded(handler: ProblemHandler) -> ProblemHandler:
    def report(problem: InputProblem) -> None:
        try:
            handler(problem)
        except Exception as exc:  # re-raised unchanged by read_articles
            raise _HandlerRaised(exc) from exc

    return report


def read_articles(
    paths: Iterable[str | Path],
    *,
    published: date | None = None,
    source: str | None = None,
    on_problem: ProblemHandler | None = None,
) -> Iterator[Article]:
    """Every article of `paths` (files or directories), lazily, in a stable order.

    `published` and `source` are the defaults for inputs that carry none. A bad input, line or value
    never raises: it goes to `on_problem` (default: a logged warning) as an InputProblem, and the input
    or line is skipped (a fallback encoding or a bad date is only a warning). `on_problem` may raise
    to stop reading; its exception propagates unchanged.
    """
    if isinstance(paths, str | PurePath):
        paths = [paths]  # a lone path, not an iterable of one-character names
    ctx = ReadContext(published=published, source=source, report=_guarded(on_problem or log_problem))
    try:
        for path, kind in find_inputs(paths, ctx=ctx):
            yield from _read_input(path, kind, ctx=ctx)
    except _HandlerRaised as raised:
        raise raised.error from None


_READERS = MappingProxyType(
    {
        InputKind.TEXT: read_text_file,
        InputKind.JSONL: read_jsonl_file,
        InputKind.JSON: read_json_file,
        InputKind.HTML: read_html_file,
        InputKind.FEED: read_feed_file,
    }
)


def _read_input(path: Path | str, kind: InputKind, *, ctx: ReadContext) -> Iterator[Article]:
    try:
        if kind is InputKind.URL:
            yield from read_url(str(path), ctx=ctx)
        else:
            yield from _READERS[kind](Path(path), ctx=ctx)
    except InputError as exc:
        ctx.skip(exc.source or str(path), message_of(exc), line=exc.line)
    except OSError as exc:
        ctx.skip(str(path), os_message(exc))
