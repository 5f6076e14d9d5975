"""Reading articles: plain text, JSON lines, JSON arrays, gzip, directories -> `Iterator[Article]`.

    for article in read_articles(["articles/", "extra.jsonl.gz"], on_problem=problems.append):
        ...

Bad inputs never raise: each becomes an `InputProblem` handed to `on_problem` and is skipped.
Character offsets into `Article.text` refer to the decoded text with newlines normalised to "\\n"
(plain text, also stripped of surrounding whitespace); JSON "text" values are kept as stored.
"""

from __future__ import annotations

from sitrep.ingest.decode import decode_bytes, normalise_newlines
from sitrep.ingest.discover import InputKind, find_inputs, kind_of, read_articles
from sitrep.ingest.jsonl import article_from_record, parse_published, read_json_file, read_jsonl_file
from sitrep.ingest.problems import InputProblem, ProblemHandler, ReadContext, log_problem
from sitrep.ingest.streams import MAX_WHOLE_BYTES
from sitrep.ingest.text import article_from_text, read_text_file

__all__ = [
    "MAX_WHOLE_BYTES",
    "InputKind",
    "InputProblem",
    "ProblemHandler",
    "ReadContext",
    "article_from_record",
    "article_from_text",
    "decode_bytes",
    "find_inputs",
    "kind_of",
    "log_problem",
    "normalise_newlines",
    "parse_published",
    "read_articles",
    "read_json_file",
    "read_jsonl_file",
    "read_text_file",
]
