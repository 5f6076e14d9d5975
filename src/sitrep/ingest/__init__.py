"""Reading articles: plain text, JSON lines, JSON arrays, web pages, RSS/Atom feeds (files or http(s)
addresses), gzip, directories -> `Iterator[Article]`.

    for article in read_articles(["articles/", "extra.jsonl.gz"], on_problem=problems.append):
        ...

Bad inputs never raise: each becomes an `InputProblem` handed to `on_problem` and is skipped.
Character offsets into `Article.text` refer to the decoded text with newlines normalised to "\\n"
(plain text, also stripped of surrounding whitespace); JSON "text" values are kept as stored.
"""

from __future__ import annotations

from sitrep.ingest.decode import decode_bytes, normalise_newlines
from sitrep.ingest.discover import InputKind, find_inputs, kind_of, read_articles, url_of
from sitrep.ingest.feeds import articles_from_feed, html_to_text, read_feed_file, read_url
from sitrep.ingest.html import article_from_html, read_html_file
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
    "article_from_html",
    "article_from_record",
    "article_from_text",
    "articles_from_feed",
    "decode_bytes",
    "find_inputs",
    "html_to_text",
    "kind_of",
    "log_problem",
    "normalise_newlines",
    "parse_published",
    "read_articles",
    "read_feed_file",
    "read_html_file",
    "read_json_file",
    "read_jsonl_file",
    "read_text_file",
    "read_url",
    "url_of",
]
