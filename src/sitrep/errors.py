"""One exception tree for sitrep.

    SitrepError                 anything sitrep raises on purpose
    ├── InputError              an input file or record cannot be read (names the input)
    ├── LexiconError            a YAML lexicon is malformed (names the file and entry)
    ├── GazetteerError          the gazetteer cannot be built, opened or extended
    ├── StoreError              the event store cannot be opened or written
    └── GoldFormatError         a gold-article file does not follow event-record.md §2

Messages say what was wrong and how to fix it; the CLI prints them without a
traceback and exits non-zero.
"""

from __future__ import annotations


class SitrepError(Exception):
    """Base class of every error sitrep raises on purpose."""


class InputError(SitrepError):
    """An input (file, line, record) cannot be read."""

    def __init__(self, message: str, *, source: str | None = None, line: int | None = None):
        where = source or ""
        if line is not None:
            where = f"{where}:{line}"
        super().__init__(f"{where}: {message}" if where else message)
        self.source = source
        self.line = line


class LexiconError(SitrepError):
    """A lexicon file is malformed."""


class GazetteerError(SitrepError):
    """The gazetteer cannot be built, opened or extended."""


class StoreError(SitrepError):
    """The event store cannot be opened or written."""


class GoldFormatError(SitrepError):
    """A gold-article file does not follow the contract."""
