"""Which files to read, in which order, with which reader; and `read_articles`, the entry point."""

from __future__ import annotations

import enum
import os
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path, PurePath
from types import MappingProxyType

from sitrep.errors import InputError
from sitrep.ingest.jsonl import read_json_file, read_jsonl_file
from sitrep.ingest.problems import InputProblem, ProblemHandler, ReadContext, log_problem, message_of
from sitrep.ingest.text import read_text_file
from sitrep.records import Article


class InputKind(enum.Enum):
    TEXT = "text"
    JSONL = "jsonl"
    JSON = "json"


_KINDS_BY_SUFFIX = MappingProxyType(
    {
        ".txt": InputKind.TEXT,
        ".text": InputKind.TEXT,
        ".jsonl": InputKind.JSONL,
        ".ndjson": InputKind.JSONL,
        ".json": InputKind.JSON,
    }
)


def kind_of(path: str | Path) -> InputKind | None:
    """The reader a file name calls for (".gz" looked through, case ignored), or None if unknown."""
    name = PurePath(path).name.lower().removesuffix(".gz")
    return _KINDS_BY_SUFFIX.get(PurePath(name).suffix)


def find_inputs(paths: Iterable[str | Path], *, ctx: ReadContext) -> Iterator[tuple[Path, InputKind]]:
    """Each file to read, with its kind, in a stable order.

    A directory is walked recursively in sorted order; inside it hidden entries and files of unknown
    kind are passed over. A file named explicitly is read whatever its name (unknown: plain text).
    """
    for given in paths:
        path = Path(given)
        try:
            is_dir, exists = path.is_dir(), path.exists()
        except OSError as exc:  # e.g. a path under a directory we may not enter
            ctx.skip(str(path), os_message(exc))
            continue
        if is_dir:
            yield from _walk(path, ctx=ctx)
        elif exists:
            yield path, kind_of(path) or InputKind.TEXT
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


def _read_input(path: Path, kind: InputKind, *, ctx: ReadContext) -> Iterator[Article]:
    try:
        if kind is InputKind.TEXT:
            yield from read_text_file(path, ctx=ctx)
        elif kind is InputKind.JSONL:
            yield from read_jsonl_file(path, ctx=ctx)
        else:
            yield from read_json_file(path, ctx=ctx)
    except InputError as exc:
        ctx.skip(exc.source or str(path), message_of(exc), line=exc.line)
    except OSError as exc:
        ctx.skip(str(path), os_message(exc))
