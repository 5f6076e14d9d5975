"""sitrep.language: which pipeline an article without a stated language goes to."""

from __future__ import annotations

import csv

import pytest
import yaml

from sitrep.errors import LexiconError
from sitrep.language import FunctionWords, _checked, detect_language, function_words, language_scores

SAMPLES = {
    "fr": "Des hommes armés ont attaqué dimanche le village de Boni, tuant douze civils, selon un élu "
    "local. Les assaillants sont repartis vers la frontière avant l'arrivée de l'armée.",
    "en": "Gunmen attacked the village of Boni on Sunday and killed twelve civilians, a local official "
    "said. The attackers fled towards the border before the army arrived.",
    "es": "Hombres armados atacaron el domingo la aldea de Boni y mataron a doce civiles, según un "
    "funcionario local. Los atacantes huyeron hacia la frontera antes de que llegara el ejército.",
    "pt": "Homens armados atacaram no domingo a aldeia de Boni e mataram doze civis, segundo um "
    "responsável local. Os atacantes fugiram para a fronteira antes da chegada do exército.",
    "de": "Bewaffnete haben am Sonntag das Dorf Boni angegriffen und zwölf Zivilisten getötet, sagte "
    "ein örtlicher Beamter. Die Angreifer flohen vor der Ankunft der Armee in Richtung der Grenze.",
    "it": "Uomini armati hanno attaccato domenica il villaggio di Boni e ucciso dodici civili, secondo "
    "un funzionario locale. Gli assalitori sono fuggiti verso il confine prima dell'arrivo dell'esercito.",
    "ar": "قال مسؤول محلي إن مسلحين هاجموا يوم الأحد قرية بوني في وسط مالي وقتلوا اثني عشر مدنيا، "
    "ثم فروا نحو الحدود قبل وصول الجيش إلى المنطقة.",
    "ha": "Wasu 'yan bindiga sun kai hari a kauyen Boni da ke tsakiyar kasar Mali, inda suka kashe "
    "mutane goma sha biyu, in ji wani jami'in yankin. Maharan sun gudu kafin sojoji su isa.",
}

#: The same Arabic sentence written in Latin letters, as in transliterated wire copy.
ARABIC_LATIN = (
    "Qala mas'ul mahalli inna musallahin hajamu qaryat Boni fi wasat Mali wa qatalu ithnay ashar "
    "madaniyyan yawm al-ahad, thumma farru ila al-hudud qabla wusul al-jaysh."
)


@pytest.mark.parametrize("language", sorted(SAMPLES))
def test_news_sentences_are_recognised(language):
    assert detect_language(SAMPLES[language]) == language


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Deux soldats tués dans une embuscade près de Gao.", "fr"),
        # a wire lede of 13 words with few function words of its own
        ("Des hommes armés ont attaqué lundi le camp de Gao, tuant trois soldats maliens.", "fr"),
        ("Two soldiers were killed in an ambush near Gao.", "en"),
        ("Dos soldados murieron en una emboscada cerca de Gao, según el ejército.", "es"),
    ],
)
def test_one_sentence_news_items_are_recognised(text, language):
    assert detect_language(text) == language


def test_arabic_in_latin_script_is_arabic():
    assert detect_language(ARABIC_LATIN) == "ar"


def test_vocalised_arabic_counts_as_its_bare_spelling():
    vocalised = "قَالَ مَسْؤُولٌ إِنَّ المُسَلَّحِينَ هَاجَمُوا القَرْيَةَ فِي وَسَطِ مَالِي ثُمَّ فَرُّوا مِنْ هُنَاكَ"
    assert detect_language(vocalised) == "ar"


@pytest.mark.parametrize(
    "text",
    ["", "12 345 678", "Boni, Mopti, Gao.", "de la", "!!!", "Attaque à Boni"],
    ids=["empty", "digits", "names", "two-shared-words", "punctuation", "short-headline"],
)
def test_too_little_evidence_gives_none_not_a_guess(text):
    assert detect_language(text) is None


def test_shared_romance_words_do_not_decide_alone():
    scores = language_scores("de la de la de la en en")
    # "de", "la" and "en" are shared, so French, Spanish and Italian stay close: no answer.
    assert detect_language("de la de la de la en en") is None
    assert scores["fr"] > 0 and scores["es"] > 0


def test_only_the_start_of_a_long_text_is_read():
    text = SAMPLES["en"] + " " + SAMPLES["fr"] * 200
    assert detect_language(text, sample_chars=len(SAMPLES["en"])) == "en"
    assert detect_language(text) == "fr"


def test_every_listed_language_has_enough_distinctive_words():
    table = function_words()
    for language in table.languages:
        own = [w for w, owners in table.weights.items() if tuple(owners) == (language,)]
        assert len(own) >= 10, f"{language} has only {own}"


def test_yaml_booleans_are_refused_with_a_fix():
    data = yaml.safe_load("languages:\n  en: [the, on, of]\n")  # YAML 1.1 reads 'on' as True
    with pytest.raises(LexiconError, match=r"'en'.*quote"):
        _checked(data)


def test_weights_split_shared_words():
    table = FunctionWords.from_mapping({"xx": ["a", "b"], "yy": ["a"]})
    assert dict(table.weights["a"]) == {"xx": 0.5, "yy": 0.5}
    assert table.scores(["a", "b", "b"]) == {"xx": 2.5, "yy": 0.5}


def test_masakhanews_french_articles_are_french(shared):
    csv.field_size_limit(10**8)
    path = shared / "data" / "masakhanews-fra" / "dev.tsv"
    with path.open(newline="", encoding="utf-8") as handle:
        texts = [row["text"] for row in csv.DictReader(handle, delimiter="\t")]
    found = [detect_language(t) for t in texts if len(t) > 200]
    assert found and all(lang == "fr" for lang in found)
