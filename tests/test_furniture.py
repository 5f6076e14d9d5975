"""Page furniture (lists of other stories, captions, tag lines) is blanked before parsing, offsets kept."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.lexicons import load_lexicon
from sitrep.nlp.furniture import FurnitureBlanker
from sitrep.records import Article


@pytest.fixture(scope="module")
def blanker():
    context = load_lexicon("fr").context
    return FurnitureBlanker(
        (t.words for t in context["list_headings"]), (t.words for t in context["caption_openings"])
    )


def kept_lines(text: str) -> list[str]:
    return [line for line in text.split("\n") if line.strip()]


def test_a_list_of_other_stories_is_blanked_up_to_the_story_going_on(blanker):
    text = (
        "Une cérémonie s'est tenue dimanche à Dori.\n\n"
        "Dans la même rubrique :\n"
        "- Sebba : la population marche pour la paix\n"
        "- Mandouri : des individus armés enlèvent un commerçant\n\n"
        "Le préfet a promis une stèle."
    )
    blanked = blanker.blank(text)
    assert len(blanked) == len(text) and blanked.count("\n") == text.count("\n")
    assert kept_lines(blanked) == [
        "Une cérémonie s'est tenue dimanche à Dori.",
        "Le préfet a promis une stèle.",
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Photo d'illustration : patrouille dans le parc W (archives)",
        "Crédit photo - AFP",
        "Tags : Djibo, attaque, VDP",
    ],
)
def test_captions_and_tags_are_blanked(blanker, line):
    text = f"Dix soldats ont été tués jeudi près de Djibo.\n\n{line}\n"
    assert kept_lines(blanker.blank(text)) == ["Dix soldats ont été tués jeudi près de Djibo."]


@pytest.mark.parametrize(
    "text",
    [
        # a sentence of the story that opens on a caption word, or a heading's words inside a sentence
        "Les photos prises lundi montrent des maisons incendiées à Djibo.",
        "Image saisissante : des centaines de déplacés ont afflué lundi à Djibo.",
        "Sur le même sujet, le ministre s'est exprimé lundi à Ouagadougou.",
        # a heading over paragraphs that end like sentences lists nothing
        "À la une\n\nDes hommes armés ont attaqué lundi un poste près de Djibo. Dix soldats ont été tués.",
    ],
)
def test_story_text_is_kept(blanker, text):
    kept = kept_lines(blanker.blank(text))
    assert kept and kept[-1] == text.split("\n")[-1]


def test_a_listed_headline_gives_no_event_and_a_caption_no_place(pipeline):
    text = (
        "Le TP Mazembe a battu Lupopo samedi à Lubumbashi.\n\n"
        "Dans la même rubrique :\n"
        "- Beni : deux morts dans une attaque ADF à Mbau\n"
        "- Ituri : les miliciens CODECO attaquent un site de déplacés"
    )
    article = Article(id="page", text=text, published=date(2023, 10, 22), language="fr")
    assert pipeline.extract(article) == []
    attack = (
        "Le poste militaire de Point Triple, au nord du Bénin, a été attaqué mercredi par des jihadistes. "
        "Vingt-huit soldats ont été tués.\n\nPhoto d'illustration : patrouille dans le parc W (archives)"
    )
    article = Article(id="caption", text=attack, published=date(2025, 1, 10), language="fr")
    (event,) = pipeline.extract(article)
    assert event.country == "Benin"
