"""The POPCORN component check: the class mapping, reading the file, scoring and death counts."""

from __future__ import annotations

import json

import pytest

from sitrep.errors import GoldFormatError, LexiconError
from sitrep.evaluate.popcorn import (
    PopcornReport,
    found_classes,
    load_mapping,
    popcorn_markdown,
    read_popcorn,
    read_reports,
    score_popcorn,
)
from sitrep.records import Article
from sitrep.taxonomy import SUB_EVENT_TYPES


def _report(key: str, *types: str, counts=()) -> PopcornReport:
    article = Article(id=f"popcorn-{key}", text="…", language="fr", source="POPCORN")
    return PopcornReport(article=article, types=frozenset(types), counts=tuple(counts))


def _event(sub: str, *, fatalities: int = 0, factuality: str = "asserted") -> dict:
    return {"sub_event_type": sub, "fatalities": fatalities, "factuality": factuality}


def test_every_mapped_label_is_an_acled_sub_event_type_and_every_line_says_why():
    mapping = load_mapping()
    assert mapping.classes
    for rule in mapping.rows:
        assert rule.acled <= set(SUB_EVENT_TYPES)
        assert rule.why.strip()


def test_every_group_member_and_related_class_is_named_once():
    mapping = load_mapping()
    names = [rule.name for rule in mapping.classes + mapping.related]
    assert len(names) == len(set(names))
    for group in mapping.groups:
        assert group.members <= mapping.class_names


def test_a_mapping_line_without_a_reason_is_refused(tmp_path):
    path = tmp_path / "popcorn.yaml"
    path.write_text("classes:\n  - popcorn: RIOT\n    acled: [Violent demonstration]\n    precision: true\n")
    with pytest.raises(LexiconError, match="why"):
        load_mapping(path)


def test_a_misspelt_acled_type_is_refused(tmp_path):
    path = tmp_path / "popcorn.yaml"
    path.write_text("classes:\n  - popcorn: RIOT\n    acled: [Riot]\n    precision: true\n    why: crowds\n")
    with pytest.raises(LexiconError, match="Riot"):
        load_mapping(path)


def test_found_classes_reads_sub_event_types_and_groups():
    events = [_event("Arrests"), _event("Violent demonstration"), _event("Peaceful protest")]
    found = found_classes(events)
    assert {"CRIMINAL_ARREST", "RIOT", "DEMONSTRATION", "ILLEGAL_CIVIL_DEMONSTRATION"} <= found
    assert "BOMBING" not in found
    assert any(rule.name in found for rule in load_mapping().groups)


def test_scores_hits_misses_and_spurious_articles_and_ignores_events_that_did_not_happen():
    reports = [
        _report("a", "BOMBING", "FIRE"),
        _report("b", "BOMBING"),
        _report("c", "ACCIDENT"),
        _report("d", "THEFT"),
    ]
    coded = {
        "popcorn-a": [_event("Air/drone strike")],
        "popcorn-b": [_event("Remote explosive/landmine/IED", factuality="denied")],
        "popcorn-c": [_event("Remote explosive/landmine/IED")],
        "popcorn-d": [],
    }
    check = score_popcorn(reports, coded)
    bombing = next(s for s in check.scores if s.name == "BOMBING")
    assert (bombing.gold, bombing.found, bombing.hits) == (2, 2, 1)
    assert bombing.missed == ("popcorn-b",)
    assert bombing.spurious == ("popcorn-c",)
    assert bombing.precision == 0.5 and bombing.recall == 0.5
    assert check.articles == 4 and check.conflict_articles == 2
    assert (check.overall.gold, check.overall.found, check.overall.hits) == (2, 2, 1)


def test_a_protest_counts_for_the_demonstration_group_once():
    reports = [_report("a", "DEMONSTRATION"), _report("b", "ILLEGAL_CIVIL_DEMONSTRATION"), _report("c")]
    coded = {key: [_event("Peaceful protest")] for key in ("popcorn-a", "popcorn-b", "popcorn-c")}
    check = score_popcorn(reports, coded)
    group = next(s for s in check.scores if s.name == load_mapping().groups[0].name)
    assert (group.gold, group.found, group.hits) == (2, 3, 2)
    assert group.spurious == ("popcorn-c",)


def test_a_finding_another_annotated_class_accounts_for_is_neither_hit_nor_false():
    # ACLED has one type for a riot whatever its cause; POPCORN may file it under POLITICAL_VIOLENCE,
    # and strikers marching are a protest to ACLED but a STRIKE to POPCORN.
    reports = [
        _report("a", "POLITICAL_VIOLENCE"),
        _report("b", "STRIKE"),
        _report("c", "THEFT"),
        _report("d", "RIOT"),
    ]
    coded = {
        "popcorn-a": [_event("Violent demonstration")],
        "popcorn-b": [_event("Peaceful protest")],
        "popcorn-c": [_event("Violent demonstration"), _event("Peaceful protest")],
        "popcorn-d": [_event("Violent demonstration")],
    }
    scores = {s.name: s for s in score_popcorn(reports, coded).scores}
    riot = scores["RIOT"]
    assert riot.shared == ("popcorn-a",)
    assert riot.spurious == ("popcorn-c",)
    assert riot.precision == 0.5
    demonstration = scores["DEMONSTRATION"]
    assert demonstration.shared == ("popcorn-b",)
    assert demonstration.spurious == ("popcorn-c",)
    assert demonstration.precision == 0.0


def test_a_protest_that_turned_into_a_riot_is_no_missed_demonstration():
    # ACLED codes one happening once, by its gravest form; POPCORN annotates both aspects.
    reports = [
        _report("a", "DEMONSTRATION", "RIOT"),
        _report("b", "DEMONSTRATION"),
        _report("c", "CRIMINAL_ARREST", "DEMONSTRATION"),
    ]
    coded = {
        "popcorn-a": [_event("Violent demonstration")],
        "popcorn-b": [_event("Violent demonstration")],  # POPCORN saw no riot: a miss
        "popcorn-c": [_event("Protest with intervention")],
    }
    scores = {s.name: s for s in score_popcorn(reports, coded).scores}
    demonstration = scores["DEMONSTRATION"]
    assert demonstration.merged == ("popcorn-a",)
    assert demonstration.missed == ("popcorn-b",)
    assert demonstration.recall == 0.5
    arrest = scores["CRIMINAL_ARREST"]
    assert arrest.merged == ("popcorn-c",) and arrest.recall is None


def test_only_exact_death_counts_are_compared():
    counts = [
        ("DEATHS_NUMBER", "BOMBING", "QUANTITY_EXACT", 16),
        ("DEATHS_NUMBER", "BOMBING", "QUANTITY_FUZZY", 2),  # "plusieurs": POPCORN's number, not ACLED's
        ("INJURED_NUMBER", "BOMBING", "QUANTITY_EXACT", 20),
        ("DEATHS_NUMBER", "ACCIDENT", "QUANTITY_EXACT", 3),  # not a conflict class
    ]
    reports = [_report("a", "BOMBING", counts=counts)]
    coded = {"popcorn-a": [_event("Suicide bomb", fatalities=16), _event("Armed clash", fatalities=2)]}
    check = score_popcorn(reports, coded)
    assert len(check.deaths) == 1
    death = check.deaths[0]
    assert (death.gold, death.predicted, death.in_article) == (16, 16, (16, 2))
    assert sum(check.not_compared.values()) == 2


def test_markdown_has_a_row_per_class_and_brackets_imprecise_precision():
    reports = [_report("a", "POLITICAL_VIOLENCE"), _report("b", "RIOT")]
    coded = {"popcorn-a": [_event("Violent demonstration")], "popcorn-b": [_event("Violent demonstration")]}
    text = popcorn_markdown(score_popcorn(reports, coded), "train.json")
    for rule in load_mapping().rows:
        assert f"| {rule.name} |" in text
    political = next(line for line in text.splitlines() if line.startswith("| POLITICAL_VIOLENCE |"))
    assert "(1.000)" in political
    riot = next(line for line in text.splitlines() if line.startswith("| RIOT |"))
    assert "| 1 | 0 | 2 | 1 | 1 | 1.000 | 1.000 |" in riot and "(" not in riot


def test_a_file_that_is_not_popcorn_is_refused(tmp_path):
    path = tmp_path / "train.json"
    path.write_text(json.dumps([{"text": "a list, not an object"}]))
    with pytest.raises(GoldFormatError, match="POPCORN"):
        read_reports(path)


def test_reads_the_shared_popcorn_file(shared):
    path = shared / "data" / "popcorn-fr" / "train.json"
    reports = read_popcorn(path)
    assert len(reports) == 400
    assert all(article.text for article, _ in reports)
    with_classes = [classes for _, classes in reports if classes]
    assert len(with_classes) > 50
    assert {c for classes in with_classes for c in classes} == load_mapping().class_names
    counts = [c for r in read_reports(path) for c in r.counts]
    assert any(relation == "DEATHS_NUMBER" and kind == "QUANTITY_EXACT" for relation, _, kind, _ in counts)
