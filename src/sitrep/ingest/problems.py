"""What ingestion reports instead of raising: one `InputProblem` per bad input, line or value."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sitrep.errors import InputError

logger = logging.getLogger("sitrep.ingest")


@dataclass(frozen=True)
class InputProblem:
    """Something wrong with an input.

    `skipped` is True when the input (or the line) was left out, False for a warning
    (the input was read, e.g. with a fallback encoding or without a bad date).
    """

    source: str
    line: int | None
    message: str
    skipped: bool

    def __str__(self) -> str:
        where = self.source if self.line is None else f"{self.source}:{self.line}"
        return f"{where}: {self.message}"


ProblemHandler = Callable[[InputProblem], None]


def log_problem(problem: InputProblem) -> None:
    """The default handler: a logged warning, so a batch run goes on."""
    logger.warning("%s", problem)


def message_of(error: InputError) -> str:
    """The message of an InputError without the "source:line: " prefix its str() adds."""
    text = str(error)
    where = error.source or ""
    if error.line is not None:
        where = f"{where}:{error.line}"
    prefix = f"{where}: "
    return text[len(prefix) :] if where and text.startswith(prefix) else text


@dataclass(frozen=True, kw_only=True)
class ReadContext:
    """Defaults for inputs that carry none, and where problems go."""

    published: date | None = None
    source: str | None = None
    report: ProblemHandler = log_problem

    def warn(self, source: str, message: str, *, line: int | None = None) -> None:
        self.report(InputProblem(source, line, message, False))

    def skip(self, source: str, message: str, *, line: int | None = None) -> None:
        self.report(InputProblem(source, line, message, True))
