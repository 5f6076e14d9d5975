"""A component check on POPCORN (French incident reports annotated with event classes).

POPCORN's texts are fictional and undated, and its annotation is not ACLED's, so
this is not a gold set: it checks, article by article, whether sitrep detects the
conflict event classes an article contains. Each POPCORN class is mapped to the
ACLED event types (or sub-event types) that cover it; an article "has" a class
when POPCORN annotates a mention of it, and sitrep "finds" it when one of its
events falls under the mapping.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from sitrep.errors import GoldFormatError
from sitrep.pipeline import Pipeline
from sitrep.records import Article

#: POPCORN class -> ACLED event types or sub-event types that code it.
CLASS_MAP: dict[str, frozenset[str]] = {
    "BOMBING": frozenset({"Explosions/Remote violence"}),
    "RIOT": frozenset({"Riots"}),
    "DEMONSTRATION": frozenset({"Protests"}),
    "ILLEGAL_CIVIL_DEMONSTRATION": frozenset({"Protests"}),
    "POLITICAL_VIOLENCE": frozenset({"Battles", "Violence against civilians", "Explosions/Remote violence"}),
    "CRIMINAL_ARREST": frozenset({"Arrests"}),
    "COUP_D_ETAT": frozenset({"Other", "Change to group/activity", "Non-violent transfer of territory"}),
    "CIVIL_WAR_OUTBREAK": frozenset({"Battles"}),
}


@dataclass(frozen=True)
class ClassScore:
    name: str
    gold: int  # articles with the class
    found: int  # articles where sitrep finds it
    hits: int  # both

    @property
    def precision(self) -> float | None:
        return self.hits / self.found if self.found else None

    @property
    def recall(self) -> float | None:
        return self.hits / self.gold if self.gold else None


def read_popcorn(path: Path) -> list[tuple[Article, frozenset[str]]]:
    """(article, POPCORN classes annotated in it) for each report of a POPCORN JSON file."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise GoldFormatError(f"{path}: not a POPCORN JSON file ({exc})") from exc
    out = []
    for key, report in sorted(data.items()):
        classes = frozenset(e["type"] for e in report.get("entities", ()) if e.get("type") in CLASS_MAP)
        article = Article(id=f"popcorn-{key}", text=report["text"], language="fr", source="POPCORN")
        out.append((article, classes))
    return out


def found_classes(events: Iterable[dict]) -> frozenset[str]:
    labels = {label for e in events for label in (e["event_type"], e["sub_event_type"])}
    return frozenset(name for name, acled in CLASS_MAP.items() if labels & acled)


def check_popcorn(path: Path, *, pipeline: Pipeline) -> list[ClassScore]:
    """Per-class article-level precision and recall of sitrep on a POPCORN file."""
    reports = read_popcorn(path)
    gold = {a.id: classes for a, classes in reports}
    occurred = ("asserted", "reported", "unconfirmed")
    found = {
        article.id: found_classes(e.to_dict() for e in events if e.factuality in occurred)
        for article, events in pipeline.extract_many(a for a, _ in reports)
    }
    return [
        ClassScore(
            name,
            gold=sum(name in gold[i] for i in gold),
            found=sum(name in found[i] for i in gold),
            hits=sum(name in gold[i] and name in found[i] for i in gold),
        )
        for name in CLASS_MAP
    ]


def popcorn_markdown(scores: list[ClassScore], source: str) -> str:
    def fmt(v: float | None) -> str:
        return "-" if v is None else f"{v:.3f}"

    lines = [
        "## POPCORN component check",
        "",
        f"Article-level detection of POPCORN's conflict classes on `{source}` (fictional reports, no "
        "publication dates; see src/sitrep/evaluate/popcorn.py for the class mapping).",
        "",
        "| POPCORN class | ACLED types | articles | found | precision | recall |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for s in scores:
        lines.append(
            f"| {s.name} | {', '.join(sorted(CLASS_MAP[s.name]))} | {s.gold} | {s.found} | "
            f"{fmt(s.precision)} | {fmt(s.recall)} |"
        )
    return "\n".join(lines) + "\n"
