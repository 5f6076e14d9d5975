"""The scorecard of `sitrep eval` and the ways it is shown: JSON, a terminal table, Markdown."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

#: matched-pair metrics in report order, with the label shown to a reader.
FIELD_LABELS: tuple[tuple[str, str], ...] = (
    ("event_type", "event type"),
    ("sub_event_type", "sub-event type"),
    ("event_date", "date exact"),
    ("location_10km", "location within 10 km"),
    ("location_50km", "location within 50 km"),
    ("country", "country"),
    ("fatalities", "fatalities exact"),
    ("actors", "actor agreement"),
    ("factuality", "factuality"),
    ("claimed_by", "claimed_by agreement"),
)


@dataclass(frozen=True)
class Metric:
    """A score and the number of trials behind it (value is None when there were none)."""

    value: float | None
    n: int
    #: the numerator, when the value is a plain count / n.
    count: int | None = None

    @classmethod
    def rate(cls, count: int, n: int) -> Metric:
        return cls(value=count / n if n else None, n=n, count=count)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"value": self.value, "n": self.n}
        if self.count is not None:
            out["count"] = self.count
        return out


@dataclass(frozen=True)
class Confusion:
    """True/false positives and false negatives, for event detection or cluster pairs."""

    true_positives: int
    false_positives: int
    false_negatives: int

    @property
    def precision(self) -> Metric:
        return Metric.rate(self.true_positives, self.true_positives + self.false_positives)

    @property
    def recall(self) -> Metric:
        return Metric.rate(self.true_positives, self.true_positives + self.false_negatives)

    @property
    def f1(self) -> Metric:
        # 2tp / (2tp + fp + fn) is the harmonic mean of P and R, and stays defined when one of them is not.
        n = self.true_positives + self.false_positives + self.false_negatives
        denominator = n + self.true_positives
        return Metric(value=2 * self.true_positives / denominator if n else None, n=n)

    def to_dict(self) -> dict[str, Any]:
        return {
            "true_positives": self.true_positives,
            "false_positives": self.false_positives,
            "false_negatives": self.false_negatives,
            "precision": self.precision.to_dict(),
            "recall": self.recall.to_dict(),
            "f1": self.f1.to_dict(),
        }


@dataclass(frozen=True)
class SubTypeScore:
    """How one gold sub-event type fared: found at all, and found with the right sub-type."""

    sub_event_type: str
    recall: Metric
    accuracy: Metric

    def to_dict(self) -> dict[str, Any]:
        return {"recall": self.recall.to_dict(), "accuracy": self.accuracy.to_dict()}


@dataclass(frozen=True)
class Mismatch:
    """One thing to look at when debugging: a missed gold event, a spurious prediction, a wrong field."""

    article_id: str
    #: "missed", "spurious" or "wrong".
    kind: str
    field: str | None = None
    gold: Any = None
    predicted: Any = None
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "kind": self.kind,
            "field": self.field,
            "gold": self.gold,
            "predicted": self.predicted,
            "note": self.note,
        }

    def describe(self) -> str:
        what = f"{self.kind} {self.field}" if self.field else self.kind
        parts = [f"{self.article_id}: {what}"]
        if self.gold is not None or self.kind == "wrong":
            parts.append(f"gold={_show(self.gold)}")
        if self.predicted is not None or self.kind == "wrong":
            parts.append(f"predicted={_show(self.predicted)}")
        if self.note:
            parts.append(f"({self.note})")
        return " ".join(parts)


@dataclass(frozen=True)
class Scorecard:
    """Everything `sitrep eval` reports for one gold set (event-record.md §3)."""

    articles: int
    negative_articles: int
    gold_events: int
    #: predictions scored, after denied/hypothetical ones were set aside.
    predicted_events: int
    #: denied/hypothetical predictions set aside in articles whose gold has none.
    ignored_predictions: int
    detection: Confusion
    #: matched-pair metrics, keyed as in FIELD_LABELS.
    fields: Mapping[str, Metric]
    #: predicted events per negative article (0 is perfect).
    negatives: Metric
    #: pairwise "same event" across articles; None when no gold article has a cluster.
    clusters: Confusion | None
    by_sub_event_type: Mapping[str, SubTypeScore]
    errors: tuple[Mismatch, ...]
    #: predicted article ids with no gold article: usually an id mismatch worth fixing.
    unknown_article_ids: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "negative_articles": self.negative_articles,
            "gold_events": self.gold_events,
            "predicted_events": self.predicted_events,
            "ignored_predictions": self.ignored_predictions,
            "detection": self.detection.to_dict(),
            "fields": {name: self.fields[name].to_dict() for name, _ in FIELD_LABELS if name in self.fields},
            "negatives": self.negatives.to_dict(),
            "clusters": self.clusters.to_dict() if self.clusters else None,
            "by_sub_event_type": {k: v.to_dict() for k, v in self.by_sub_event_type.items()},
            "errors": [e.to_dict() for e in self.errors],
            "unknown_article_ids": list(self.unknown_article_ids),
        }


def _rows(card: Scorecard) -> list[tuple[str, str, Metric]]:
    """(section, label, metric) in report order: the single source of both text and Markdown tables."""
    rows: list[tuple[str, str, Metric]] = []
    for section, confusion in (("detection", card.detection), ("clusters (pairwise)", card.clusters)):
        if confusion is not None:
            rows += [
                (section, "precision", confusion.precision),
                (section, "recall", confusion.recall),
                (section, "F1", confusion.f1),
            ]
    rows += [
        ("matched pairs", label, card.fields[name]) for name, label in FIELD_LABELS if name in card.fields
    ]
    rows.append(("negatives", "events per negative article", card.negatives))
    return rows


def _summary(card: Scorecard) -> str:
    text = (
        f"{card.articles} articles ({card.negative_articles} negative), {card.gold_events} gold events, "
        f"{card.predicted_events} predicted events scored"
    )
    if card.ignored_predictions:
        text += f" ({card.ignored_predictions} denied/hypothetical set aside)"
    return text


def format_scorecard(card: Scorecard, *, max_errors: int = 20) -> str:
    """A plain-text table for the terminal."""
    lines = [f"sitrep eval: {_summary(card)}", ""]
    section = None
    for row_section, label, metric in _rows(card):
        if row_section != section:
            section = row_section
            lines.append(f"{section:<34}{'value':>7}{'n':>7}")
        lines.append(f"  {label:<32}{_value(metric):>7}{metric.n:>7}{_fraction(metric)}")
    if card.by_sub_event_type:
        lines += ["", f"{'by gold sub-event type':<36}{'gold':>5}{'recall':>8}{'sub-type':>10}"]
        for name, sub in card.by_sub_event_type.items():
            lines.append(f"  {name:<34}{sub.recall.n:>5}{_value(sub.recall):>8}{_value(sub.accuracy):>10}")
    if card.unknown_article_ids:
        lines += [
            "",
            f"predictions for {len(card.unknown_article_ids)} article ids not in the gold set: "
            + ", ".join(card.unknown_article_ids[:10]),
        ]
    if card.errors and max_errors > 0:
        shown = card.errors[:max_errors]
        lines += ["", f"errors (first {len(shown)} of {len(card.errors)})"]
        lines += [f"  {error.describe()}" for error in shown]
    return "\n".join(lines)


def scorecard_markdown(card: Scorecard, title: str, *, max_errors: int = 50) -> str:
    """The scorecard as a Markdown section, for eval/REPORT.md."""
    lines = [f"## {title}", "", _summary(card) + ".", ""]
    lines += ["| section | metric | value | n |", "|---|---|---:|---:|"]
    for section, label, metric in _rows(card):
        lines.append(f"| {section} | {label} | {_value(metric)} | {metric.n} |")
    if card.by_sub_event_type:
        lines += [
            "",
            "| gold sub-event type | gold events | detection recall | sub-type accuracy |",
            "|---|---:|---:|---:|",
        ]
        for name, sub in card.by_sub_event_type.items():
            lines.append(f"| {name} | {sub.recall.n} | {_value(sub.recall)} | {_value(sub.accuracy)} |")
    if card.unknown_article_ids:
        unknown = ", ".join(card.unknown_article_ids)
        lines += ["", f"Predictions for article ids not in the gold set: {unknown}."]
    if card.errors and max_errors > 0:
        shown = card.errors[:max_errors]
        lines += ["", f"Errors (first {len(shown)} of {len(card.errors)}):", ""]
        lines += [f"- {_escape(error.describe())}" for error in shown]
    return "\n".join(lines) + "\n"


def _value(metric: Metric) -> str:
    return "-" if metric.value is None else f"{metric.value:.3f}"


def _fraction(metric: Metric) -> str:
    return f"   ({metric.count}/{metric.n})" if metric.count is not None and metric.n else ""


def _show(value: Any) -> str:
    return "null" if value is None else repr(value) if isinstance(value, str) else str(value)


def _escape(text: str) -> str:
    # Keep article text such as "*" or "|" from turning into Markdown formatting.
    return text.replace("\\", "\\\\").replace("*", "\\*").replace("_", "\\_").replace("|", "\\|")
