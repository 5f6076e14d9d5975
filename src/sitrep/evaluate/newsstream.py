"""A negative check on real news: BBC Afrique articles whose topic is not conflict.

MasakhaNEWS files about 880 real BBC Afrique articles under topics (business, health, politics,
sports, technology …). The articles of the topics that carry no conflict news are real copy from a
real outlet, with its war metaphors ("la guerre des prix", a football "grenade", "combattre le virus"),
its features that recall old wars and its wire jargon: sitrep should code next to nothing in them.
Every event it codes there is counted and listed; most are false alarms, a few may be real (a stadium
riot told in a sport story), so the list is for a reader to judge, and the figure is an upper bound
of the false-alarm rate.

The articles are undated, so sitrep cannot tell a dated paragraph of history from news in them: the
rate is higher than on dated articles.

    python -m sitrep.evaluate.newsstream path/to/dev.tsv     # prints the Markdown section
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sitrep.errors import GoldFormatError
from sitrep.pipeline import Pipeline
from sitrep.records import Article, content_id
from sitrep.taxonomy import NOT_OCCURRED

#: MasakhaNEWS topics that hold no conflict news ("politics" does, and is left out).
NON_CONFLICT_TOPICS = frozenset({"business", "entertainment", "health", "religion", "sports", "technology"})
_COLUMNS = ("category", "headline", "text")


@dataclass(frozen=True)
class Alarm:
    """One event sitrep coded in a non-conflict article."""

    topic: str
    headline: str
    url: str
    sub_event_type: str
    trigger: str
    location: str


@dataclass(frozen=True)
class NewsCheck:
    #: the file as given (its name is what the report shows).
    source: str
    #: topic -> articles read.
    articles: Counter[str] = field(default_factory=Counter)
    alarms: tuple[Alarm, ...] = ()

    @property
    def total(self) -> int:
        return sum(self.articles.values())

    def rate(self, topic: str | None = None) -> float:
        """Events coded per article (of one topic, or of all)."""
        alarms = [a for a in self.alarms if topic is None or a.topic == topic]
        n = self.total if topic is None else self.articles[topic]
        return len(alarms) / n if n else 0.0


def read_news_rows(path: Path) -> list[dict[str, str]]:
    """The data rows of a MasakhaNEWS TSV file (category, headline, text and, in some files, url)."""
    csv.field_size_limit(sys.maxsize)
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle, delimiter="\t")
            missing = [c for c in _COLUMNS if c not in (reader.fieldnames or ())]
            if missing:
                raise GoldFormatError(f"{path}: not a MasakhaNEWS file (no column {', '.join(missing)})")
            return list(reader)
    except UnicodeDecodeError as exc:
        raise GoldFormatError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from exc


def article_text(row: dict[str, str]) -> str:
    """The article as sitrep reads it: the headline is its first paragraph."""
    headline, body = (row.get("headline") or "").strip(), (row.get("text") or "").strip()
    return f"{headline}\n\n{body}" if headline and body else headline or body


def read_topic_articles(path: Path) -> list[tuple[str, str, Article]]:
    """(topic, url, article) of every non-conflict article of a MasakhaNEWS TSV file."""
    out = []
    for row in read_news_rows(path):
        topic = (row.get("category") or "").strip()
        if topic not in NON_CONFLICT_TOPICS or not (row.get("text") or "").strip():
            continue
        text = article_text(row)
        out.append((topic, row.get("url") or "", Article(id=content_id(text), text=text, language="fr")))
    return out


def check_news(path: Path, *, pipeline: Pipeline) -> NewsCheck:
    """Code every non-conflict article of `path` and collect the events that occurred."""
    articles = read_topic_articles(path)
    by_id = {article.id: (topic, url, article) for topic, url, article in articles}
    alarms = []
    for article, events in pipeline.extract_many(a for _, _, a in articles):
        topic, url, _ = by_id[article.id]
        for event in events:
            if event.factuality in NOT_OCCURRED:
                continue  # a denied or planned event is sitrep being careful, not a false alarm
            trigger = next((e.text for e in event.evidence if e.field == "trigger"), "")
            headline = article.text.split("\n", 1)[0]
            alarms.append(
                Alarm(topic, headline, url, event.sub_event_type, trigger, event.location or "")
            )
    return NewsCheck(str(path), Counter(t for t, _, _ in articles), tuple(alarms))


def news_markdown(checks: Sequence[NewsCheck], *, listed: Iterable[str] = ()) -> str:
    """The section of eval/REPORT.md; the alarms of the checks whose source (the path as given) is in
    `listed` are shown one by one (the others are only counted, to keep a held-out file unread)."""
    listed = set(listed)
    topics = sorted({t for c in checks for t in c.articles})
    lines = [
        "## Real non-conflict news (BBC Afrique, MasakhaNEWS)",
        "",
        "Events sitrep codes in real BBC Afrique articles that MasakhaNEWS files under a topic without "
        f"conflict ({', '.join(topics)}); every one is a false alarm unless the story also tells a real "
        "event, so the rate is an upper bound. The articles are undated: a dated paragraph of history "
        "cannot be told from news in them. Denied and planned events are not counted.",
        "",
        "| file | articles | events | events per article | "
        + " | ".join(f"{t} (per article)" for t in topics)
        + " |",
        "|---|---:|---:|---:|" + "---:|" * len(topics),
    ]
    for c in checks:
        per_topic = " | ".join(f"{c.rate(t):.3f} ({c.articles[t]})" if c.articles[t] else "-" for t in topics)
        name = Path(c.source).name
        lines.append(f"| {name} | {c.total} | {len(c.alarms)} | {c.rate():.3f} | {per_topic} |")
    for c in checks:
        if c.source not in listed or not c.alarms:
            continue
        lines += ["", f"Events coded in `{Path(c.source).name}`:", ""]
        lines += [
            f"- {a.topic}: {a.sub_event_type} at {a.location or '?'} from «{a.trigger}» "
            f"({_escape(a.headline[:90])})"
            for a in c.alarms
        ]
    return "\n".join(lines) + "\n"


def _escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("tsv", nargs="+", type=Path, help="MasakhaNEWS files (dev.tsv, test.tsv …)")
    args = parser.parse_args(argv)
    pipeline = Pipeline()
    checks = [check_news(path, pipeline=pipeline) for path in args.tsv]
    print(news_markdown(checks, listed=[c.source for c in checks]))


if __name__ == "__main__":
    main()
