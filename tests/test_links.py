"""Links to other stories flattened into a paragraph ("Lire aussi : ...") are put on lines of their own."""

from __future__ import annotations

import pytest

from sitrep.nlp.links import LinkSeparator

MARKERS = [("lire", "aussi"), ("a", "lire", "aussi"), ("voir", "aussi")]
OPENERS = ["le", "la", "les", "des", "un", "une", "selon", "l", "au", "à"]


@pytest.fixture(scope="module")
def links():
    return LinkSeparator(MARKERS, OPENERS, ["lundi", "mardi"])


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        # the headline ends where a sentence visibly starts again
        (
            "Le convoi allait à Kaya. Lire aussi : Burkina Faso : 15 civils tués dans une attaque Le convoi "
            "était escorté.",
            [
                "Le convoi allait à Kaya.",
                "Lire aussi : Burkina Faso : 15 civils tués dans une attaque",
                "Le convoi était escorté.",
            ],
        ),
        # after a proper name too, but not inside one ("Le Drian"), nor after a colon ("Au moins")
        (
            "Lire aussi : Des élèves radiés de l'armée au Burkina Des blessés ont été soignés.",
            ["Lire aussi : Des élèves radiés de l'armée au Burkina", "Des blessés ont été soignés."],
        ),
        (
            "Il a parlé. Lire aussi : Mali : Au moins dix morts selon Le Drian Selon la police, le calme est "
            "revenu.",
            [
                "Il a parlé.",
                "Lire aussi : Mali : Au moins dix morts selon Le Drian",
                "Selon la police, le calme est revenu.",
            ],
        ),
        # an opening phrase and its comma, a weekday and its comma
        (
            "Lire aussi : Le M23 s'empare de Rubaya À Djibo, les combats ont fait vingt morts.",
            ["Lire aussi : Le M23 s'empare de Rubaya", "À Djibo, les combats ont fait vingt morts."],
        ),
        (
            "Lire aussi : Burkina : la peur à Djibo Mardi, des obus sont tombés sur Gao.",
            ["Lire aussi : Burkina : la peur à Djibo", "Mardi, des obus sont tombés sur Gao."],
        ),
        # an elided article opens a sentence ("L'armée")
        (
            "À lire aussi : Niger : une embuscade près de Tillabéri L'armée dément.",
            ["À lire aussi : Niger : une embuscade près de Tillabéri", "L'armée dément."],
        ),
        # two links in a row; a question mark ends a headline
        (
            "Fin. Lire aussi : Pourquoi le Sahel brûle ? Voir aussi : Qui sont les VDP ? "
            "La marche a eu lieu.",
            [
                "Fin.",
                "Lire aussi : Pourquoi le Sahel brûle ?",
                "Voir aussi : Qui sont les VDP ?",
                "La marche a eu lieu.",
            ],
        ),
        # a link already on its own line is left as it is
        (
            "Fin.\nLire aussi : Une attaque à Gao\nLa suite.",
            ["Fin.", "Lire aussi : Une attaque à Gao", "La suite."],
        ),
        # "lire" inside a sentence with no marker: nothing changes
        (
            "Il faut lire le rapport. Les élèves sont rentrés.",
            ["Il faut lire le rapport. Les élèves sont rentrés."],
        ),
    ],
)
def test_a_flattened_link_gets_its_own_line(links, text, lines):
    separated = links.separate(text)
    assert len(separated) == len(text)  # every offset kept: the evidence points at the article's words
    assert separated.split("\n") == lines


def test_a_link_with_no_visible_end_stops_at_its_sentence(links):
    text = "Lire aussi : " + " ".join(["mot"] * 40) + ". Suite de l'article."
    lines = links.separate(text).split("\n")
    assert lines == [text[: text.index(". ") + 1], "Suite de l'article."]


def test_a_link_headline_is_not_the_story_and_the_sentence_after_it_is(pipeline):
    # Copy scraped as one paragraph: the related story's attack and toll are not this article's,
    # and the real sentence run into the link is still read.
    from datetime import date

    from sitrep.records import Article

    text = (
        "Des manifestants ont marché samedi à Ouagadougou pour réclamer plus de sécurité. Lire aussi : "
        "Burkina Faso : au moins 15 civils tués dans une attaque à Djibo Des gendarmes ont dispersé les "
        "manifestants à coups de gaz lacrymogène devant la place de la Nation."
    )
    events = pipeline.extract(Article(id="link", text=text, published=date(2021, 11, 22), language="fr"))
    assert [e.sub_event_type for e in events] == ["Protest with intervention"]
    assert events[0].fatalities == 0


@pytest.mark.parametrize(
    ("text", "toll"),
    [
        # the toll told after a link run into the paragraph is still the event's
        (
            "Une embuscade a visé jeudi une patrouille de l'armée nigérienne près de Tillabéri. Lire aussi : "
            "Mali : l'armée revendique la neutralisation de 40 terroristes Le bilan provisoire fait état de "
            "six soldats tués, selon une source militaire.",
            6,
        ),
        # and so is the toll of the paragraph after a link on lines of its own
        (
            "Une embuscade a visé jeudi une patrouille de l'armée nigérienne près de Tillabéri.\n\nLire "
            "aussi : Mali : l'armée revendique la neutralisation de 40 terroristes\n\nLe bilan provisoire "
            "fait état de six soldats tués, selon une source militaire.",
            6,
        ),
    ],
)
def test_a_link_does_not_cut_a_story_from_its_toll(pipeline, text, toll):
    from datetime import date

    from sitrep.records import Article

    [event] = pipeline.extract(Article(id="toll", text=text, published=date(2024, 9, 13), language="fr"))
    assert event.fatalities == toll


def test_a_link_whose_headline_is_on_the_line_after_its_marker_is_not_the_story(pipeline):
    from datetime import date

    from sitrep.records import Article

    text = (
        "Burkina : une trentaine de civils tués dans le Nord\n\nAu moins trente civils ont été tués samedi "
        "dans une attaque contre le village de Djibo, selon des sources locales.\n\nLire aussi :\nNiger : "
        "attaque meurtrière contre l'armée près de Tillabéri\n\nLes assaillants, arrivés à moto, ont ouvert "
        "le feu sur les habitants réunis au marché."
    )
    events = pipeline.extract(Article(id="link2", text=text, published=date(2024, 2, 14), language="fr"))
    assert [e.location for e in events] == ["Djibo"]
