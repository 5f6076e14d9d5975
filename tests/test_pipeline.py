"""End to end on real French text with the real model, lexicons and gazetteer."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from sitrep.geo.distance import haversine_km
from sitrep.ingest import read_articles
from sitrep.records import Article, content_id

DEIR_EZ_ZOR = (35.336, 40.141)


@pytest.fixture(scope="module")
def seed_events(pipeline):
    seed = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "000_49c408e7f8a48274.txt"
    if not seed.is_file():
        pytest.skip("../shared/seeds is not next to the repository")
    (article,) = read_articles([seed])
    return article, pipeline.extract(article)


def _evidence_indexes_text(article, events):
    for event in events:
        for ev in event.evidence:
            assert article.text[ev.start : ev.end] == ev.text, (event.sub_event_type, ev)


def test_seed_clash_is_asserted_in_deir_ez_zor(seed_events):
    article, events = seed_events
    clashes = [e for e in events if e.sub_event_type == "Armed clash"]
    assert clashes, [e.notes for e in events]
    clash = clashes[0]
    assert clash.factuality == "asserted"
    assert clash.iso2 == "SY"
    assert clash.admin1 == "Deir ez-Zor"
    assert haversine_km(clash.latitude, clash.longitude, *DEIR_EZ_ZOR) < 50
    actors = {clash.actor1, clash.actor2}
    assert "Military Forces of Syria" in actors
    assert any(a and a.startswith("Islamic State") for a in actors)


def test_seed_defection_is_unconfirmed_with_its_hedge(seed_events):
    article, events = seed_events
    defections = [e for e in events if e.event_type == "Strategic developments"]
    assert defections, [e.notes for e in events]
    defection = defections[0]
    assert defection.factuality == "unconfirmed"
    assert defection.event_date == "2017-07-27"
    cues = [ev for ev in defection.evidence if ev.field == "factuality"]
    assert cues, defection.evidence
    assert defection.iso2 == "SY"
    # "dans la région de Badiya, en zone rurale de Damas": the Rif Dimashq governorate, not the city.
    assert defection.admin1 == "Rural Damascus" and defection.geo_precision == 3


def test_seed_background_sentence_is_not_coded(seed_events):
    article, events = seed_events
    background = article.text.index("agissant depuis plus de six ans")
    for event in events:
        triggers = [ev for ev in event.evidence if ev.field == "trigger"]
        assert all(abs(ev.start - background) > 200 for ev in triggers), event.notes


def test_seed_evidence_spans_index_into_the_text(seed_events):
    _evidence_indexes_text(*seed_events)


def _article(text: str, published: date) -> Article:
    return Article(id=content_id(text), text=text, published=published, source="test", language="fr")


def test_an_attack_on_villagers_with_a_toll_in_words(pipeline):
    text = (
        "Des hommes armés non identifiés ont attaqué dimanche le village de Boni, dans le centre du Mali, "
        "tuant douze civils, selon un élu local."
    )
    (event,) = pipeline.extract(_article(text, date(2023, 5, 9)))
    assert event.event_type == "Violence against civilians"
    assert event.sub_event_type == "Attack"
    assert event.fatalities == 12
    assert event.event_date == "2023-05-07"
    assert event.factuality == "reported"
    assert event.claimed_by == "un élu local"
    assert event.iso2 == "ML"
    assert event.actor2 == "Civilians (Mali)"
    _evidence_indexes_text(_article(text, date(2023, 5, 9)), [event])


def test_a_sports_story_yields_no_event(pipeline):
    text = (
        "Football : l'attaquant malien a frappé deux fois et son équipe a battu Bamako 3-0 samedi. "
        "Les supporters ont envahi la pelouse après le coup de sifflet final du match."
    )
    assert pipeline.extract(_article(text, date(2023, 5, 9))) == []


def test_history_only_yields_no_event(pipeline):
    text = (
        "En 2012, le nord du Mali était tombé sous la coupe de groupes jihadistes, qui avaient attaqué "
        "plusieurs villes avant d'être chassés en 2013 par une intervention militaire."
    )
    assert pipeline.extract(_article(text, date(2023, 5, 9))) == []


def test_words_of_the_first_articles_stay_known_later_ones_are_forgotten(default_gazetteer, monkeypatch):
    # The tokenizer caches its splits only outside spaCy's memory zones: the first articles are read
    # outside one (their words stay in the vocabulary), later ones inside (a long run's memory stays flat).
    import sitrep.pipeline as module

    monkeypatch.setattr(module, "WARM_UP_CHARS", 40)
    pipeline = module.Pipeline(gazetteer=default_gazetteer)
    first = "Des hommes armés ont attaqué Zorglubville lundi, tuant trois civils."
    later = "Des hommes armés ont attaqué Grumpfbourg mardi, tuant deux civils."
    for text in (first, later):
        assert pipeline.extract(Article(id=content_id(text), text=text, language="fr"))
    strings = pipeline.nlp.vocab.strings
    assert "Zorglubville" in strings and "Grumpfbourg" not in strings
