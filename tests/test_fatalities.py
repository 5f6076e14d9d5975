"""Death tolls as an ACLED coder reads them, on the real French pipeline."""

from __future__ import annotations

import pytest

from sitrep.events.fatalities import FatalityReader


@pytest.fixture(scope="module")
def reader(pipeline):
    return FatalityReader(pipeline.lexicon)


def toll_of(pipeline, reader, text: str) -> int:
    doc = pipeline.nlp(text)
    return reader.for_event(list(doc.sents)).count


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # One person singled out, by name or by office, killed.
        ("Boureima Sawadogo, conseiller municipal, a été tué dimanche par des individus armés à Kaya.", 1),
        ("Le maire de Kaya a été abattu dimanche par des individus armés.", 1),
        # A drone shot down kills nobody.
        ("Un drone de l'armée a été abattu dimanche par des jihadistes près de Kaya.", 0),
        # A mob's lynching kills, when nothing clearer is said.
        ("Deux voleurs présumés ont été lynchés lundi par la foule à Saint-Marc, selon la police.", 2),
        # Deaths on two sides, told in two sentences, add up.
        (
            "L'armée fait état de quatre militaires tués lors de l'embuscade. "
            "Elle affirme avoir « neutralisé » onze combattants ennemis.",
            15,
        ),
        # Two figures for the same victims: the most conservative one.
        (
            "Au moins onze civils ont été tués dans la nuit, selon la société civile. "
            "L'armée évoque pour sa part huit morts.",
            8,
        ),
        # A distance is not a toll.
        ("Trois habitants d'un village situé à une quinzaine de kilomètres de Mora ont été tués samedi.", 3),
        # "d'un minibus": an article, not the figure 1.
        ("Trois passagers d'un minibus ont été tués lundi lorsque le véhicule a sauté sur une mine.", 3),
        # Wounded are not dead.
        ("Dix soldats ont été tués et une quinzaine blessés dans l'attaque.", 10),
        # One person, no figure.
        ("Un véhicule a sauté sur une mine, tuant son conducteur et blessant deux passagers.", 1),
        ("Un haut responsable du groupe a été tué jeudi dans une frappe de drone.", 1),
        # "Un engin": an article, and the killer, not a victim.
        ("Un engin explosif a tué trois soldats.", 3),
        # Shells fell: things, not people.
        ("Plusieurs obus sont tombés sur le quartier, tuant un enfant.", 1),
        # A figure told as superseded loses to the current one, even when it is lower.
        (
            "Neuf villageois ont péri dans l'incendie de leur hameau, a indiqué jeudi la mairie, qui "
            "avançait mercredi un premier bilan de cinq morts.",
            9,
        ),
        ("Un bilan initial évoquait trois tués. Selon l'hôpital, huit personnes ont été tuées.", 8),
        # ... but not other victims: a first toll of civilians and the soldiers also killed add up
        ("Selon un premier bilan, douze civils ont été tués. Trois soldats ont aussi péri.", 15),
        # The dead told before a revised total are part of it ("portant le bilan à").
        (
            "Le bilan initial était de cinq morts ; trois blessés sont décédés à l'hôpital de Gao, "
            "portant le bilan à huit morts.",
            8,
        ),
        # Drones shot down are things, even with "des" and a total between.
        ("La défense antiaérienne dit avoir abattu 31 des 40 drones lancés dans la nuit.", 0),
        # "victimes" may count the injured: a figure of the dead wins over it, even when higher.
        (
            "L'attaque aurait fait sept morts parmi les gendarmes, selon des sources locales. Les autorités "
            "avaient parlé de trois victimes.",
            7,
        ),
        # The bomber told dead apart is the bomber, not one more victim beside the toll.
        (
            "Une kamikaze a déclenché sa charge devant la gare. Le bilan est de huit morts. La kamikaze, "
            "une jeune femme, a également péri.",
            9,
        ),
        # The attackers a toll leaves out count too, when the text says how many.
        ("Onze fidèles ont été tués dans l'explosion, sans compter le kamikaze.", 12),
        ("L'attentat a fait quatorze morts, sans compter les deux assaillants.", 16),
        ("L'attentat a fait quatorze morts, sans compter les assaillants.", 14),
        # One victim named by a noun alone: the killing's object past a day, a passive subject.
        ("Des hommes armés ont abattu lundi un enseignant dans le village de Bara.", 1),
        ("L'ancien ministre a été assassiné lundi soir devant son domicile à Conakry.", 1),
        # ... unless the verb may bring a thing down, or the noun is one of a figure's dead.
        ("L'appareil a été abattu lundi par les rebelles près de Goma.", 0),
        ("Six civils, dont le fils d'un chef de village, ont été tués dans la nuit.", 6),
        # A list of some of the dead in the aside is not more dead; the object past a day is the victim.
        ("Sept civils, dont un chef de quartier, une femme et deux enfants, ont été tués lundi à Beni.", 7),
        ("Des hommes armés ont assassiné dimanche le chef coutumier du village de Bara.", 1),
        ("Des hommes armés ont tué le lendemain deux soldats près de Bara.", 2),
        # Things shot down, out of a total of them.
        ("L'armée dit avoir abattu lundi 50 drones sur 73 lancés contre Kiev.", 0),
        # A share of things shot down.
        ("Kiev a annoncé que ses défenses antiaériennes avaient abattu la plupart des appareils.", 0),
        # Animals killed are no toll.
        ("Les assaillants ont abattu lundi un chien et deux chèvres avant de repartir.", 0),
        # Graves counted are not the dead in them.
        ("Les victimes ont été inhumées le lendemain dans deux fosses communes.", 0),
        # A figure repeated in digits, as official communiqués write it.
        ("Le bilan provisoire fait état de cinq (05) morts et de deux (02) blessés.", 5),
        ("Les forces de défense ont neutralisé huit (08) terroristes.", 8),
    ],
)
def test_tolls(pipeline, reader, text, expected):
    assert toll_of(pipeline, reader, text) == expected


def test_the_day_and_year_of_a_date_are_no_toll(pipeline, reader):
    # "le 2 mai", "le 14 mars 1962": neither the day nor the year (nor their sum) are dead
    assert toll_of(pipeline, reader, "Des hommes armés ont abattu le 2 mai trois villageois à Kayes.") == 3
    assert not toll_of(pipeline, reader, "Ils ont honoré les cheminots abattus le 14 mars 1962 à Kayes.")
    # a figure after a month is a toll unless it is a year
    assert toll_of(pipeline, reader, "En mars 45 civils ont été tués par des jihadistes près de Djibo.") == 45


def test_a_year_after_en_is_no_toll(pipeline, reader):
    # "Staline, décédé en 1953": a year, not 1,953 dead
    assert not toll_of(pipeline, reader, "Il dirige le pays depuis Staline, décédé en 1953 à Moscou.")
    assert toll_of(pipeline, reader, "Les combats ont fait 1 953 morts en un mois, selon l'ONU.") == 1953
