"""Opening inputs (plain or gzip) with bounded memory: whole reads are capped, lines are streamed."""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from sitrep.errors import InputError

_MB = 1024 * 1024
#: The largest input read whole into memory (plain text, a JSON array). JSON lines are streamed.
MAX_WHOLE_BYTES = 20 * _MB
_CHUNK = 1024 * 1024


def is_gzip(path: Path) -> bool:
    return path.name.lower().endswith(".gz")


@contextmanager
def open_input(path: Path) -> Iterator[BinaryIO]:
    """Open `path` for binary reading, decompressing .gz; gzip damage becomes an InputError.

    The translation covers reads made inside the `with` block, so a truncated archive is reported
    after the records read before the damage were already handed on.
    """
    source = str(path)
    try:
        if is_gzip(path):
            with gzip.open(path, "rb") as fh:
                yield fh
        else:
            with path.open("rb") as fh:
                yield fh
    except EOFError:
        raise InputError(
            "truncated gzip file (it ends before its end marker); re-download or re-compress it",
            source=source,
        ) from None
    except gzip.BadGzipFile as exc:
        message = f"not a gzip file ({exc}); decompress it or drop the .gz suffix"
        raise InputError(message, source=source) from None
    except zlib.error as exc:
        raise InputError(f"corrupt gzip data ({exc}); re-download or re-compress it", source=source) from None


class TooLargeError(InputError):
    """An input over the size sitrep reads whole into memory."""


def too_large(size: int, *, source: str, limit: int, hint: str) -> TooLargeError:
    return TooLargeError(f"too large ({size / _MB:.1f} MB > {limit / _MB:.0f} MB); {hint}", source=source)


def read_whole(path: Path, *, limit: int = MAX_WHOLE_BYTES, hint: str = "split it") -> bytes:
    """All the (decompressed) bytes of `path`; TooLargeError when there are more than `limit`."""
    source = str(path)
    if not is_gzip(path) and path.is_file():
        size = path.stat().st_size  # refuse before reading anything
        if size > limit:
            raise too_large(size, source=source, limit=limit, hint=hint)
    with open_input(path) as fh:
        data = fh.read(limit + 1)
        if len(data) > limit:
            raise too_large(len(data) + _count_rest(fh), source=source, limit=limit, hint=hint)
    return data


def read_head(path: Path, *, size: int = 4096) -> bytes:
    """The first `size` (decompressed) bytes of `path`, to sniff its layout.

    A damaged gzip gives b"" here: the full read reports the damage, after keeping what it can.
    """
    try:
        with open_input(path) as fh:
            return fh.read(size)
    except InputError:
        return b""


def _count_rest(fh: BinaryIO) -> int:
    """Bytes left in `fh`, counted chunk by chunk (a gzip's size is only known by reading it)."""
    total = 0
    while chunk := fh.read(_CHUNK):
        total += len(chunk)
    return total


def iter_raw_lines(fh: BinaryIO, *, limit: int = MAX_WHOLE_BYTES) -> Iterator[tuple[int, bytes | None]]:
    """(line number from 1, bytes) for each line; None instead of the bytes for a line over `limit`.

    Never holds more than one line (at most `limit` bytes) in memory.
    """
    number = 0
    while line := fh.readline(limit + 1):
        number += 1
        if len(line) > limit and not line.endswith(b"\n"):
            _skip_to_line_end(fh)
            yield number, None
        else:
            yield number, line


def _skip_to_line_end(fh: BinaryIO) -> None:
    while part := fh.readline(_CHUNK):
        if part.endswith(b"\n"):
            return
