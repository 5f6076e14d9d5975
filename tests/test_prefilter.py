"""The relevance prefilter (which articles and sentences are parsed at all) and the pipeline's two
passes (which articles reach the parser): neither may lose an event the full pipeline finds."""

from __future__ import annotations

from pathlib import Path

import pytest

from sample_articles import ATTACK, CLASH, FOOTBALL
from sitrep.engines.coder import ArticleCoder, CoderSpec
from sitrep.engines.prefilter import RelevancePrefilter, sentence_spans
from sitrep.evaluate.gold import read_gold
from sitrep.ingest import read_articles
from sitrep.nlp.components.triggers import SPAN_KEY as TRIGGERS
from sitrep.records import Article, content_id

GOLD = Path(__file__).resolve().parents[1] / "eval" / "gold"
GOLD_FILES = (GOLD / "dev.jsonl", GOLD / "factuality.jsonl")

# A long article: a headline, a lede, a trigger sentence deep in the body, and unrelated sentences.
FILLER = [
    "Le conseil municipal a examiné le budget de la commune pour l'année prochaine.",
    "Les travaux de la nouvelle école doivent commencer au printemps.",
    "Le maire a salué le travail des associations de quartier.",
    "Une foire artisanale se tiendra au centre-ville le mois prochain.",
    "Les commerçants espèrent une hausse de la fréquentation.",
    "La saison des pluies a été jugée satisfaisante par les agriculteurs.",
]
LONG = (
    "Vie locale à Djibo\n\n"
    "DJIBO, 12 mars - " + " ".join(FILLER[:3]) + " " + ATTACK + " " + " ".join(FILLER[3:])
)


@pytest.fixture(scope="module")
def prefilter(pipeline) -> RelevancePrefilter:
    return RelevancePrefilter.for_pipeline(pipeline)


def test_sentences_end_at_full_stops_and_line_breaks_not_after_titles():
    text = "Titre\n\nM. Koné est arrivé à Bamako. Il a parlé. « Nous restons », a-t-il dit. 12 morts."
    found = [text[start:end].strip() for start, end, _ in sentence_spans(text)]
    assert found[0] == "Titre" and found[1].startswith("M. Koné est arrivé")  # "M." ends no sentence
    assert "12 morts." in found and "Il a parlé." in found
    assert [paragraph for _, _, paragraph in sentence_spans(text)][:2] == [0, 1]


def test_focus_keeps_offsets_line_breaks_and_the_sentences_that_matter(prefilter):
    focused = prefilter.focus(LONG)
    assert focused is not None and len(focused) == len(LONG)
    assert [i for i, ch in enumerate(focused) if ch == "\n"] == [i for i, ch in enumerate(LONG) if ch == "\n"]
    # What is kept is the original text, where it was; the rest is spaces.
    assert all(kept in (original, " ") for kept, original in zip(focused, LONG, strict=True))
    start = LONG.index(ATTACK)
    assert focused[start : start + len(ATTACK)] == ATTACK
    assert focused.startswith("Vie locale à Djibo\n\nDJIBO, 12 mars")  # headline and lede
    assert FILLER[1] not in focused and FILLER[5] not in focused  # far from the trigger
    assert FILLER[2] in focused and FILLER[3] in focused  # its neighbours
    assert len(focused.split()) < len(LONG.split())


def test_focus_passes_over_articles_without_a_licensed_trigger(prefilter):
    assert prefilter.focus(FOOTBALL) is None  # "attaquant": no trigger, and sport words around it
    assert prefilter.focus("Le prix du riz a encore augmenté cette semaine sur les marchés.") is None
    assert prefilter.focus(ATTACK) == ATTACK and prefilter.focus(CLASH) == CLASH


def test_prefilter_reads_inflected_words_and_needs_phrases_in_order(prefilter):
    assert prefilter.may_have_events("Cinq civils ont été tués jeudi à Djibo.")  # "tuer", by its lemma
    assert prefilter.may_have_events(ATTACK) and prefilter.may_have_events(CLASH)
    assert not prefilter.may_have_events(FOOTBALL)


def test_an_acronym_licenses_only_when_written_as_one(prefilter, pipeline):
    # "ANS" (the Syrian National Army) is an armed actor; "ans" (years) licenses nothing.
    years = "À 62 ans, la ministre a lancé une attaque contre la réforme des retraites."
    army = "L'ANS a lancé une attaque contre Manbij."
    assert not prefilter.may_have_events(years) and prefilter.may_have_events(army)
    assert not pipeline.extract(Article(id=content_id(years), text=years, language="fr"))


def test_a_long_acronym_is_read_in_the_title_case_the_press_writes(prefilter, pipeline):
    # French writes the acronyms it can pronounce as names: "la Monusco", "l'Iswap".
    text = "Des jeunes ont manifesté lundi à Goma contre la Monusco."
    doc = pipeline.nlp(text)
    assert [a.label_[:8] for a in doc.spans["sitrep_actors"]] == ["MONUSCO:"]
    (event,) = pipeline.extract(Article(id=content_id(text), text=text, language="fr"))
    assert event.sub_event_type == "Peaceful protest"
    assert prefilter.may_have_events(text)
    # A short one stays upper case only ("Ans", at the start of a sentence, is no Syrian army).
    doc = pipeline.nlp("Ans et mois ont passé depuis la guerre.")
    assert not doc.spans["sitrep_actors"]


def test_prefilter_keeps_every_gold_article_whose_events_the_pipeline_can_see(prefilter, pipeline):
    with_events = [gold for path in GOLD_FILES for gold in read_gold(path) if gold.events]
    dropped = [gold for gold in with_events if not prefilter.may_have_events(gold.text)]
    assert len(with_events) > 100 and len(dropped) <= 2
    # What it drops holds no trigger word for the pipeline either (a lexicon gap, not a prefilter loss).
    assert all(not pipeline.nlp(gold.text).spans[TRIGGERS] for gold in dropped)


def test_prefilter_loses_no_event_of_the_gold_sets(pipeline):
    """Every event coded from a gold article without the prefilter is coded with it: same article,
    same sub-event type, same date. (A place or an actor read from a left-out sentence may differ:
    `sitrep eval` with and without the prefilter measures that.)"""
    plain = ArticleCoder(CoderSpec(), pipeline=pipeline)
    focused = ArticleCoder(CoderSpec(prefilter=True), pipeline=pipeline)
    for path in GOLD_FILES:
        articles = list(read_articles([path]))
        blanked = [a for a in articles if focused.prefilter.focus(a.text) not in (None, a.text)]
        assert len(blanked) >= 10, "the gold sets must exercise the blanking of sentences"
        coded = [
            {
                o.article_id: sorted((e.sub_event_type, e.event_date) for e in o.events)
                for o in coder.code(articles)
            }
            for coder in (plain, focused)
        ]
        assert coded[1] == coded[0], path.name


def test_two_passes_give_the_events_of_the_whole_pipeline(pipeline):
    """Articles whose first pass finds no usable trigger skip the parser: the events are those of
    running every component on every article."""
    articles = list(read_articles([GOLD / "dev.jsonl"]))
    two_passes = {a.id: [e.to_dict() for e in events] for a, events in pipeline.extract_many(articles)}
    whole = {}
    for article, doc in zip(articles, pipeline.nlp.pipe(a.text for a in articles), strict=True):
        whole[article.id] = [e.to_dict() for e in pipeline._extractor.extract(doc, article)]
    assert two_passes == whole
    skipped = [a for a in articles if not pipeline.may_hold_events(pipeline.nlp(a.text))]
    assert skipped and all(not two_passes[a.id] for a in skipped)


def test_an_article_made_of_one_ambiguous_word_needs_a_licence(pipeline):
    sport = "L'attaquant a frappé le ballon de la tête."
    war = "L'armée a frappé une base des rebelles."
    docs = {text: pipeline.nlp(text) for text in (sport, war)}
    assert docs[sport].spans[TRIGGERS] and not pipeline.may_hold_events(docs[sport])
    assert pipeline.may_hold_events(docs[war])
    article = Article(id=content_id(sport), text=sport, language="fr")
    assert pipeline.extract(article) == []
