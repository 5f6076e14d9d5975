"""A component check on POPCORN (French incident reports annotated with event classes).

POPCORN's texts are fictional and undated, and its annotation is not ACLED's, so this is not
a gold set: it checks, article by article, whether sitrep detects the conflict event classes an
article contains. `data/popcorn.yaml` maps each POPCORN class to the ACLED sub-event types that
code it and says, with a reason, whether precision can be read from that mapping; an article
"has" a class when POPCORN annotates a mention of it, and sitrep "finds" it when one of its
occurred events has one of the class's sub-event types. Every one of the 400 texts is scored:
POPCORN annotates each text with its whole ontology, so a text without a class is a true
negative for it.

POPCORN also links events to death and injury counts (DEATHS_NUMBER, INJURED_NUMBER). Only exact
death counts ("16 morts", "plus de cinquante tués" as a minimum) are compared with sitrep's
fatalities: POPCORN writes vague quantities ("plusieurs", "une dizaine") with its own numbers,
not ACLED's, and sitrep records no injuries.

    python -m sitrep.evaluate.popcorn path/to/train.json     # prints the Markdown section
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from sitrep.errors import GoldFormatError, LexiconError
from sitrep.pipeline import Pipeline
from sitrep.records import Article
from sitrep.taxonomy import SUB_EVENT_TYPES

MAPPING_FILE = Path(__file__).resolve().parent / "data" / "popcorn.yaml"

#: sitrep factuality values that count as "the event happened".
OCCURRED = ("asserted", "reported", "unconfirmed")

#: POPCORN quantity entity types whose value is a count ACLED would code as is (a minimum included:
#: ACLED codes "more than 50" as 50).
EXACT_QUANTITIES = ("QUANTITY_EXACT", "QUANTITY_MIN")


@dataclass(frozen=True)
class ClassRule:
    """One row of the mapping: a POPCORN class (or a group of them) and its ACLED sub-event types."""

    name: str
    acled: frozenset[str]
    #: whether a finding under `acled` that no annotated class accounts for is a real false positive
    #: (false when the ACLED types also code happenings POPCORN files under no class; see popcorn.yaml).
    precise: bool
    why: str
    #: the POPCORN classes an article must carry to "have" this row: one, or a group's members.
    members: frozenset[str]
    #: graver ACLED types that absorb a happening of this class into one event (see popcorn.yaml).
    merged_into: frozenset[str] = frozenset()


@dataclass(frozen=True)
class PopcornMapping:
    classes: tuple[ClassRule, ...]
    groups: tuple[ClassRule, ...]
    #: POPCORN classes that are not scored but whose happenings ACLED codes with some of these types.
    related: tuple[ClassRule, ...] = ()

    @property
    def rows(self) -> tuple[ClassRule, ...]:
        return self.classes + self.groups

    @property
    def class_names(self) -> frozenset[str]:
        return frozenset(rule.name for rule in self.classes)

    def explained(self, types: frozenset[str]) -> frozenset[str]:
        """The ACLED sub-event types that the POPCORN classes annotated in an article account for."""
        return frozenset().union(*(rule.acled for rule in self.classes + self.related if rule.name in types))


@dataclass(frozen=True)
class ClassScore:
    name: str
    gold: int  # articles with the class
    found: int  # articles where sitrep finds it
    hits: int  # both
    #: whether the precision is meaningful (see ClassRule.precise).
    precise: bool = True
    missed: tuple[str, ...] = ()  # article ids with the class that sitrep did not find
    spurious: tuple[str, ...] = ()  # article ids without it where sitrep found it, unexplained
    #: article ids without the class where sitrep found it with types that another class annotated in
    #: the article also maps to: ACLED cannot tell the two apart, so they count neither way.
    shared: tuple[str, ...] = ()
    #: article ids with the class where sitrep found, instead, the graver happening ACLED folds it
    #: into (and POPCORN annotated that one too): they count neither way.
    merged: tuple[str, ...] = ()

    @property
    def precision(self) -> float | None:
        judged = self.found - len(self.shared)
        return self.hits / judged if judged else None

    @property
    def recall(self) -> float | None:
        judged = self.gold - len(self.merged)
        return self.hits / judged if judged else None


@dataclass(frozen=True)
class DeathCount:
    """One POPCORN death count on a conflict class, next to what sitrep coded for that class."""

    article_id: str
    popcorn_class: str
    gold: int
    #: fatalities summed over sitrep's events of the class in the article; None: no such event.
    predicted: int | None
    #: fatalities of each of sitrep's events in the article, whatever their type: the same happening
    #: may be coded under another type ("ouvriers tués par la police" as an attack, not a riot).
    in_article: tuple[int, ...] = ()


@dataclass(frozen=True)
class PopcornCheck:
    """Everything the POPCORN check measures on one file."""

    articles: int
    conflict_articles: int
    scores: tuple[ClassScore, ...]
    #: articles with any conflict class vs. articles where sitrep finds any mapped type.
    overall: ClassScore
    deaths: tuple[DeathCount, ...]
    #: death counts left out, by reason ("vague quantity", "injuries").
    not_compared: Mapping[str, int]


@lru_cache(maxsize=4)
def load_mapping(path: Path = MAPPING_FILE) -> PopcornMapping:
    """Read and check popcorn.yaml: every ACLED label must be a sub-event type, every group member a class."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise LexiconError(f"{path}: cannot read the POPCORN mapping ({exc})") from exc
    classes = tuple(_rule(entry, path) for entry in data.get("classes") or ())
    names = {rule.name: rule for rule in classes}
    groups = []
    for entry in data.get("groups") or ():
        members = entry.get("members") or []
        unknown = [m for m in members if m not in names]
        if unknown or not members:
            raise LexiconError(f"{path}: group {entry.get('name')!r} names unknown classes {unknown}")
        groups.append(
            ClassRule(
                name=str(entry["name"]),
                acled=frozenset().union(*(names[m].acled for m in members)),
                precise=bool(entry.get("precision")),
                why=str(entry.get("why", "")),
                members=frozenset(members),
                merged_into=frozenset.intersection(*(names[m].merged_into for m in members)),
            )
        )
    related = tuple(_rule(entry, path, scored=False) for entry in data.get("related") or ())
    return PopcornMapping(classes=classes, groups=tuple(groups), related=related)


def _rule(entry: dict[str, Any], path: Path, *, scored: bool = True) -> ClassRule:
    name = entry.get("popcorn")
    acled = frozenset(entry.get("acled") or ())
    merged_into = frozenset(entry.get("merged_into") or ())
    wrong = sorted((acled | merged_into) - set(SUB_EVENT_TYPES))
    if not name or not acled or wrong:
        raise LexiconError(
            f"{path}: entry {name!r} needs a POPCORN class and ACLED sub-event types "
            f"(unknown: {', '.join(wrong) or 'none'}); spell them as in sitrep.taxonomy"
        )
    if ("precision" not in entry and scored) or not entry.get("why"):
        raise LexiconError(f"{path}: entry {name!r} must say whether precision is meaningful, and why")
    return ClassRule(
        name=name,
        acled=acled,
        precise=bool(entry.get("precision")),
        why=str(entry["why"]),
        members=frozenset({name}),
        merged_into=merged_into,
    )


@dataclass(frozen=True)
class PopcornReport:
    """One POPCORN text: the article to code, every entity type annotated in it, and its counts."""

    article: Article
    types: frozenset[str]
    #: (relation, event class, quantity type, value) of each DEATHS_NUMBER / INJURED_NUMBER relation.
    counts: tuple[tuple[str, str, str, int], ...] = ()


def read_popcorn(path: Path) -> list[tuple[Article, frozenset[str]]]:
    """(article, POPCORN conflict classes annotated in it) for each report of a POPCORN JSON file."""
    known = load_mapping().class_names
    return [(r.article, r.types & known) for r in read_reports(path)]


def read_reports(path: Path) -> list[PopcornReport]:
    """Every report of a POPCORN JSON file ({id: {text, entities, relations}}), in id order."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return [
            PopcornReport(
                article=Article(id=f"popcorn-{key}", text=report["text"], language="fr", source="POPCORN"),
                types=frozenset(e["type"] for e in report.get("entities", ())),
                counts=_counts(report),
            )
            for key, report in sorted(data.items())
        ]
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise GoldFormatError(
            f"{path}: not a POPCORN JSON file ({exc!r}); give the train.json or test.json of the POPCORN "
            "dataset, an object {id: {text, entities, relations}}"
        ) from exc


def _counts(report: dict[str, Any]) -> tuple[tuple[str, str, str, int], ...]:
    entities = {e["id"]: e for e in report.get("entities", ())}
    out = []
    for subject, predicate, obj in report.get("relations", ()):
        if predicate not in ("DEATHS_NUMBER", "INJURED_NUMBER"):
            continue
        quantity = entities.get(obj, {})
        try:
            value = int(str(quantity.get("value", "")).strip())
        except ValueError:
            continue  # a count written in a form we cannot read is not compared
        out.append((predicate, entities.get(subject, {}).get("type", ""), quantity.get("type", ""), value))
    return tuple(out)


def found_classes(events: Iterable[dict], mapping: PopcornMapping | None = None) -> frozenset[str]:
    """The POPCORN classes (and groups) whose ACLED sub-event types some of these events have."""
    mapping = mapping or load_mapping()
    subs = {e["sub_event_type"] for e in events}
    return frozenset(rule.name for rule in mapping.rows if subs & rule.acled)


def check_popcorn(path: Path, *, pipeline: Pipeline) -> PopcornCheck:
    """Per-class article-level precision and recall of sitrep on a POPCORN file, and its death counts."""
    reports = read_reports(path)
    coded = {
        article.id: [e.to_dict() for e in events]
        for article, events in pipeline.extract_many(r.article for r in reports)
    }
    return score_popcorn(reports, coded)


def score_popcorn(reports: Sequence[PopcornReport], coded: Mapping[str, Sequence[dict]]) -> PopcornCheck:
    """Score sitrep's events (as dicts, by article id) against the POPCORN reports they were coded from."""
    mapping = load_mapping()
    occurred = {
        r.article.id: [e for e in coded.get(r.article.id, ()) if e["factuality"] in OCCURRED] for r in reports
    }
    subs = {i: frozenset(e["sub_event_type"] for e in events) for i, events in occurred.items()}
    types = {r.article.id: r.types for r in reports}
    gold = {i: t & mapping.class_names for i, t in types.items()}
    deaths, skipped = _compare_deaths(reports, occurred, mapping)
    return PopcornCheck(
        articles=len(reports),
        conflict_articles=sum(bool(c) for c in gold.values()),
        scores=tuple(_score(rule, types, subs, mapping) for rule in mapping.rows),
        overall=_score_overall(types, subs, mapping),
        deaths=deaths,
        not_compared=skipped,
    )


def _score(
    rule: ClassRule,
    types: Mapping[str, frozenset[str]],
    subs: Mapping[str, frozenset[str]],
    mapping: PopcornMapping,
) -> ClassScore:
    has = [i for i in types if types[i] & rule.members]
    finds = [i for i in types if subs[i] & rule.acled]
    wrong = [i for i in finds if i not in has]
    # A finding is false only if no class POPCORN annotated in the article maps to the types found:
    # a riot that POPCORN files under POLITICAL_VIOLENCE, or strikers' march under STRIKE, is no false RIOT.
    shared = [i for i in wrong if subs[i] & rule.acled <= mapping.explained(types[i])]
    missed = [i for i in has if i not in finds]
    # "Cinq manifestants ont été arrêtés" is part of ACLED's protest event, not an Arrests event of its
    # own: a miss is excused when sitrep found the graver type and POPCORN annotated that happening too.
    merged = [i for i in missed if subs[i] & rule.merged_into & mapping.explained(types[i])]
    return ClassScore(
        rule.name,
        gold=len(has),
        found=len(finds),
        hits=len(finds) - len(wrong),
        precise=rule.precise,
        missed=tuple(i for i in missed if i not in merged),
        spurious=tuple(i for i in wrong if i not in shared),
        shared=tuple(shared),
        merged=tuple(merged),
    )


def _score_overall(
    types: Mapping[str, frozenset[str]], subs: Mapping[str, frozenset[str]], mapping: PopcornMapping
) -> ClassScore:
    """Articles with any conflict class against articles where sitrep finds any mapped type."""
    every = frozenset().union(*(rule.acled for rule in mapping.classes))
    union = ClassRule(
        name="any conflict class", acled=every, precise=True, why="", members=mapping.class_names
    )
    return _score(union, types, subs, mapping)


def _compare_deaths(
    reports: Sequence[PopcornReport], occurred: Mapping[str, Sequence[dict]], mapping: PopcornMapping
) -> tuple[tuple[DeathCount, ...], dict[str, int]]:
    rules = {rule.name: rule for rule in mapping.classes}
    compared: list[DeathCount] = []
    skipped = {"vague quantity": 0, "injuries (sitrep codes none)": 0}
    for report in reports:
        for predicate, cls, quantity_type, value in report.counts:
            if cls not in rules:
                continue
            if predicate == "INJURED_NUMBER":
                skipped["injuries (sitrep codes none)"] += 1
            elif quantity_type not in EXACT_QUANTITIES:
                skipped["vague quantity"] += 1
            else:
                aid = report.article.id
                mine = [e["fatalities"] for e in occurred[aid] if e["sub_event_type"] in rules[cls].acled]
                every = tuple(e["fatalities"] for e in occurred[aid])
                compared.append(DeathCount(aid, cls, value, sum(mine) if mine else None, every))
    return tuple(compared), skipped


def popcorn_markdown(check: PopcornCheck, source: str) -> str:
    """The POPCORN section of eval/REPORT.md."""
    mapping = load_mapping()
    acled = {rule.name: rule.acled for rule in mapping.rows}
    lines = [
        "## POPCORN component check",
        "",
        f"Article-level detection of POPCORN's conflict classes on `{source}`: {check.articles} fictional "
        f"reports, {check.conflict_articles} with a conflict class, all scored (POPCORN annotates every text "
        "with its whole ontology). The mapping to ACLED sub-event types, with the reason for each line, is "
        "src/sitrep/evaluate/data/popcorn.yaml. *Shared*: articles without the class where sitrep's types "
        "are also those of another class POPCORN annotated there (ACLED cannot tell them apart). *Merged*: "
        "articles with the class where sitrep coded, instead, the graver happening ACLED folds it into (a "
        "protest that turns into a riot is one Violent demonstration; arrests at a protest are part of it), "
        "and POPCORN annotated that one too. Both count neither way. Precision in brackets is for "
        "information only: the ACLED types of that line also code happenings POPCORN files under no class.",
        "",
        "| POPCORN class | ACLED sub-event types | articles | merged | found | shared | hits "
        "| precision | recall |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for s in (*check.scores, check.overall):
        types = ", ".join(sorted(acled[s.name])) if s.name in acled else "any of the above"
        precision = _fmt(s.precision) if s.precise else f"({_fmt(s.precision)})"
        lines.append(
            f"| {s.name} | {types} | {s.gold} | {len(s.merged)} | {s.found} | {len(s.shared)} | {s.hits} "
            f"| {precision} | {_fmt(s.recall)} |"
        )
    lines += ["", *_deaths_markdown(check), "", "Articles to look at, per class:", ""]
    for s in check.scores:
        lines.append(
            f"- {s.name}: missed {_ids(s.missed)}; spurious {_ids(s.spurious)}; "
            f"merged {_ids(s.merged)}; shared {_ids(s.shared)}"
        )
    return "\n".join(lines) + "\n"


def _deaths_markdown(check: PopcornCheck) -> list[str]:
    exact = sum(d.predicted == d.gold for d in check.deaths)
    anywhere = sum(d.gold in d.in_article or d.gold == sum(d.in_article) for d in check.deaths)
    left_out = ", ".join(f"{n} {why}" for why, n in check.not_compared.items())
    lines = [
        f"Death counts: of {len(check.deaths)} exact POPCORN death counts on a conflict class, {exact} equal "
        f"the fatalities of sitrep's events of that class in the article, and {anywhere} equal those of one "
        f"of its events, whatever the type, or their sum (left out: {left_out}).",
        "",
        "| article | POPCORN class | POPCORN deaths | sitrep, events of the class | sitrep, all events |",
        "|---|---|---:|---:|---:|",
    ]
    for d in check.deaths:
        predicted = "no event" if d.predicted is None else str(d.predicted)
        every = ", ".join(map(str, d.in_article)) or "no event"
        lines.append(f"| {d.article_id} | {d.popcorn_class} | {d.gold} | {predicted} | {every} |")
    return lines


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _ids(ids: tuple[str, ...]) -> str:
    return ", ".join(i.removeprefix("popcorn-") for i in ids) or "none"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m sitrep.evaluate.popcorn", description=__doc__.split("\n")[0]
    )
    parser.add_argument("path", type=Path, help="POPCORN train.json or test.json")
    args = parser.parse_args(argv)
    print(popcorn_markdown(check_popcorn(args.path, pipeline=Pipeline()), args.path.name))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
