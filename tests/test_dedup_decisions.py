"""Analysts' splits and merges hold after the articles are coded again (new pipeline, new event ids)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from sitrep.dedup import cluster_events
from sitrep.dedup.decisions import EventRef, constraints_from, merge_clusters, resolve_refs, split_events
from sitrep.dedup.incremental import deduplicate
from sitrep.evaluate.gold import read_gold
from sitrep.pipeline import Pipeline
from sitrep.records import Article, Event, Evidence
from sitrep.store import EventStore
from sitrep.store.clusters import ClusterDecision

GOLD = Path(__file__).resolve().parents[1] / "eval" / "gold" / "clusters.jsonl"
#: two reports of one clash at Monguno (Nigeria), and an IED at Ouallam (Niger) with a second one six
#: days later: see eval/gold/CLUSTERS.md.
CLASH, CLASH_TOO = "c08a-ng-monguno-armee", "c08b-ng-monguno-soldats"
BOMB, LATER_BOMB = "c03a-ne-ouallam-ministere", "n03-ne-ouallam-second-engin"


@pytest.fixture
def store(tmp_path: Path):
    with EventStore.open(tmp_path / "sitrep.db") as opened:
        yield opened


@pytest.fixture(scope="module")
def articles() -> dict[str, Article]:
    wanted = {CLASH, CLASH_TOO, BOMB, LATER_BOMB}
    return {
        a.id: Article(
            id=a.id,
            text=a.text,
            published=date.fromisoformat(a.published),
            source=a.source,
            url=a.url,
            language="fr",
        )
        for a in read_gold(GOLD)
        if a.id in wanted
    }


@pytest.fixture(scope="module")
def other_pipeline(default_gazetteer, tmp_path_factory) -> Pipeline:
    """The French pipeline with one more trigger term in its lexicon: another version, other event ids."""
    extra = tmp_path_factory.mktemp("lexicon")
    (extra / "triggers.yaml").write_text(
        "triggers:\n  - sub_event_type: Attack\n    terms: [razzia sanglante]\n", encoding="utf-8"
    )
    return Pipeline(lexicon_dir=extra, gazetteer=default_gazetteer)


def _code(store: EventStore, pipeline: Pipeline, article: Article) -> list[Event]:
    events = pipeline.extract(article)
    assert events, f"the pipeline finds no event in {article.id}"
    store.add_article(article)
    store.replace_events(article.id, events, pipeline_version=pipeline.version)
    return events


def _cluster_of_article(store: EventStore, article_id: str) -> set[str | None]:
    return {store.cluster_of(e.event_id) for e in store.events(article_id=article_id)}


def test_a_split_holds_after_an_article_is_coded_with_another_lexicon(
    store: EventStore, pipeline: Pipeline, other_pipeline: Pipeline, articles: dict[str, Article]
) -> None:
    assert other_pipeline.version != pipeline.version
    first = _code(store, pipeline, articles[CLASH])
    second = _code(store, pipeline, articles[CLASH_TOO])
    deduplicate(store)
    assert _cluster_of_article(store, CLASH) == _cluster_of_article(store, CLASH_TOO), "one clash"
    split_events(store, [e.event_id for e in second], note="two clashes")

    recoded = _code(store, other_pipeline, articles[CLASH_TOO])
    assert not {e.event_id for e in recoded} & {e.event_id for e in second}, "new ids after re-coding"
    assert len(cluster_events(first + recoded)) == 1, "left alone, the reports would merge again"
    deduplicate(store)
    assert _cluster_of_article(store, CLASH).isdisjoint(_cluster_of_article(store, CLASH_TOO))
    deduplicate(store, rebuild=True)
    assert _cluster_of_article(store, CLASH).isdisjoint(_cluster_of_article(store, CLASH_TOO))


def test_a_merge_holds_after_both_articles_are_coded_with_another_lexicon(
    store: EventStore, pipeline: Pipeline, other_pipeline: Pipeline, articles: dict[str, Article]
) -> None:
    _code(store, pipeline, articles[BOMB])
    _code(store, pipeline, articles[LATER_BOMB])
    deduplicate(store)
    assert _cluster_of_article(store, BOMB).isdisjoint(_cluster_of_article(store, LATER_BOMB))
    merge_clusters(store, _event_ids(store, BOMB, LATER_BOMB), note="one bomber, two devices")

    _code(store, other_pipeline, articles[BOMB])
    _code(store, other_pipeline, articles[LATER_BOMB])
    deduplicate(store)
    assert _cluster_of_article(store, BOMB) == _cluster_of_article(store, LATER_BOMB) != {None}
    deduplicate(store, rebuild=True)
    assert _cluster_of_article(store, BOMB) == _cluster_of_article(store, LATER_BOMB) != {None}


def _event_ids(store: EventStore, *article_ids: str) -> list[str]:
    return [e.event_id for a in article_ids for e in store.events(article_id=a)]


# -- finding a decided event again ----------------------------------------------------------------


def _event(event_id: str, *, trigger: int | None, sub_event_type: str = "Attack", **overrides) -> Event:
    evidence = (Evidence(field="trigger", article_id="a", start=trigger, end=trigger + 6, text="attaque"),)
    values = {
        "event_id": event_id,
        "article_id": "a",
        "event_date": "2023-03-12",
        "time_precision": 1,
        "event_type": "Violence against civilians",
        "sub_event_type": sub_event_type,
        "location": "Boni",
        "evidence": evidence if trigger is not None else (),
    }
    values.update(overrides)
    return Event(**values)  # type: ignore[arg-type]


def test_a_reference_finds_its_event_by_trigger_word_then_by_what_was_coded() -> None:
    decided = EventRef.parse(EventRef.of(_event("old-1", trigger=40)).text())
    assert decided == EventRef.of(_event("old-1", trigger=40)), "stored and read back unchanged"
    abduction = _event("new-2", trigger=90, sub_event_type="Abduction/forced disappearance")
    assert decided.find([_event("new-1", trigger=40), abduction]).event_id == "new-1"
    retyped = _event("new-1", trigger=40, sub_event_type="Armed clash")
    assert decided.find([retyped, abduction]).event_id == "new-1", "same word, read as another type"
    moved = _event("new-1", trigger=12)
    assert decided.find([moved, abduction]).event_id == "new-1", "same type, date and place"
    twins = [_event("new-1", trigger=12, location="Gao"), _event("new-3", trigger=70, location="Mopti")]
    assert decided.find(twins) is None, "two events could be it: none is taken"


def test_old_decisions_by_event_id_still_apply() -> None:
    # Decisions stored before references were: a bare event id on each side.
    assert resolve_refs(["ev-1"], lambda article_id: []) == {"ev-1": "ev-1"}
    assert EventRef.parse("ev-1") == EventRef(event_id="ev-1")


def test_decisions_follow_the_article_to_its_new_events(store: EventStore) -> None:
    old_a, old_b = _event("a-v1", trigger=40), _event("b-v1", trigger=40, article_id="b")
    for event in (old_a, old_b):
        store.add_article(Article(id=event.article_id, text=f"text of {event.article_id}"))
        store.replace_events(event.article_id, [event], pipeline_version="v1")
    refs = EventRef.of(old_a).text(), EventRef.of(old_b).text()
    split = ClusterDecision(1, "split", *refs, decided_at="2024-01-01", note=None)
    store.replace_events("b", [replace(old_b, event_id="b-v2")], pipeline_version="v2")
    assert constraints_from([split], store=store).apart == (("a-v1", "b-v2"),)
    assert constraints_from([split]).apart == (("a-v1", "b-v1"),), "without the store: the stored ids"
