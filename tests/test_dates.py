"""Date expressions resolved against the publication date (ACLED time precision)."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.events.dates import DateReader, mid_period
from sitrep.lexicons import load_lexicon
from sitrep.records import Article


@pytest.fixture(scope="module")
def reader() -> DateReader:
    return DateReader(load_lexicon("fr").dates)


TUESDAY = date(2020, 3, 10)


@pytest.mark.parametrize(
    ("text", "expected", "precision"),
    [
        ("Des hommes armés ont attaqué dimanche le village.", date(2020, 3, 8), 1),
        ("L'attaque a eu lieu mardi.", TUESDAY, 1),  # the day of publication itself
        ("L'attaque a eu lieu mardi dernier.", date(2020, 3, 3), 1),
        ("Une marche est prévue samedi prochain.", date(2020, 3, 14), 1),
        ("Rendez-vous mardi prochain.", date(2020, 3, 17), 1),  # not the day of publication
        ("Les combats ont éclaté hier soir.", date(2020, 3, 9), 1),
        ("dans la nuit de samedi à dimanche", date(2020, 3, 7), 1),  # ACLED: the day it began
        ("le jeudi 27 février", date(2020, 2, 27), 1),
        # a weekday before a count, not before a day of the month
        ("Des hommes armés ont enlevé dimanche 27 habitants.", date(2020, 3, 8), 1),
        ("le 28 décembre", date(2019, 12, 28), 1),  # read in March: last December
        ("la semaine dernière", date(2020, 3, 3), 2),
    ],
)
def test_resolves_against_publication(reader, text, expected, precision):
    (mention,) = reader.find(text, published=TUESDAY)
    assert (mention.value, mention.precision) == (expected, precision)
    assert text[mention.start : mention.end] == mention.text


def test_years_before_publication_are_background(reader):
    mentions = reader.find(
        "En 2012, le nord du Mali était tombé. Depuis 2015, les attaques...", published=TUESDAY
    )
    assert [m.past for m in mentions] == [True, True]


def test_a_day_of_an_older_century_is_history_but_a_bare_count_is_no_year(reader):
    (waterloo,) = reader.find("le déroulé du 18 juin 1815 : l'assaut de la ferme", published=TUESDAY)
    assert (waterloo.value, waterloo.past) == (date(1815, 6, 18), True)
    (commune,) = reader.find("les barricades de mars 1871", published=TUESDAY)
    assert commune.value.year == 1871 and commune.past
    assert reader.find("une colonne de 1500 soldats", published=TUESDAY) == []


def test_a_month_a_period_starts_from_is_dated(reader):
    december = date(2021, 12, 1)
    (since,) = reader.find("à partir de juillet, la force a repris les villes", published=december)
    assert (since.value.month, since.past) == (7, True)
    (from_,) = reader.find("dès juillet, les troupes ont repris", published=december)
    assert from_.value.month == 7


def test_a_month_only_publication_still_resolves_explicit_days(reader):
    # The seed article carries only "2017-07": "jeudi 27 juillet" is still 27 July 2017.
    (mention,) = reader.find("jeudi 27 juillet", published=date(2017, 7, 1), published_precision=3)
    assert mention.value == date(2017, 7, 27)


def test_a_weekday_without_a_known_day_is_not_guessed(reader):
    (mention,) = reader.find("mardi", published=date(2017, 7, 1), published_precision=3)
    assert mention.value is None


def test_mid_period_follows_acled():
    assert mid_period(date(2020, 3, 3), 2) == date(2020, 3, 4)  # Wednesday of that week
    assert mid_period(date(2020, 3, 3), 3) == date(2020, 3, 15)


def test_a_date_in_a_depuis_phrase_starts_a_period_and_dates_nothing_told(pipeline):
    from sitrep.records import Article, content_id

    text = (
        "Ils étaient plusieurs milliers, ce samedi, à manifester à Niamey contre la présence des soldats "
        "français. Depuis le coup d'État du 26 avril, les rassemblements de soutien à la junte se "
        "multiplient dans la capitale."
    )
    article = Article(id=content_id(text), text=text, published=date(2023, 5, 9), language="fr")
    (event,) = pipeline.extract(article)
    assert event.event_date == "2023-05-06"


def test_a_month_with_its_year_and_that_day_take_their_dates_wherever_they_stand(reader):
    found = reader.find(
        "Le verdict est tombé hier soir. Les accusés ont pris part à l'attaque du 18 juin 2017. Ce jour-là, "
        "des assaillants avaient fait irruption dans l'hôtel, après le coup d'État de mars 2012.",
        published=TUESDAY,
    )
    by_text = {m.text: m for m in found}
    assert by_text["Ce jour-là"].value == date(2017, 6, 18) and by_text["Ce jour-là"].past
    assert by_text["mars 2012"].value == date(2012, 3, 15) and by_text["mars 2012"].precision == 3
    assert by_text["mars 2012"].past


def test_a_day_joined_to_its_month_by_a_hyphen_is_a_name(reader):
    # "le stade du 28-Septembre", "le boulevard du 30-Juin" are places named after a day
    assert reader.find("La cérémonie a eu lieu au stade du 28-Septembre.", published=TUESDAY) == []


def test_a_day_of_that_year_takes_the_year_named_before_it(reader):
    found = reader.find(
        "En 2019, il commandait déjà ses hommes à Khartoum. Le 3 juin de cette année-là, ils ont dispersé "
        "le sit-in. En août de la même année, il signait l'accord de partage du pouvoir.",
        published=date(2024, 5, 10),
    )
    by_text = {m.text: m for m in found}
    assert by_text["3 juin"].value == date(2019, 6, 3) and by_text["3 juin"].past
    assert by_text["En août"].value == date(2019, 8, 15) and by_text["En août"].past


def test_a_dispersal_of_that_year_is_history_not_this_years_news(pipeline):
    from sitrep.records import Article, content_id

    text = (
        "En 2019, le général commandait déjà les paramilitaires. Le 3 juin de cette année-là, ses hommes "
        "ont dispersé le sit-in de Khartoum, tuant plus de 100 manifestants."
    )
    # read a week after the anniversary: not this year's 3 June
    article = Article(id=content_id(text), text=text, published=date(2024, 6, 10), language="fr")
    assert [
        e.to_dict()["event_date"] for e in pipeline.extract(article) if e.factuality != "hypothetical"
    ] == []


def test_an_accord_signed_today_that_comes_into_force_later_is_dated_by_its_signing(pipeline):
    from sitrep.records import Article, content_id

    text = (
        "Le gouvernement soudanais et les Forces de soutien rapide ont signé jeudi à Djeddah un "
        "cessez-le-feu qui entrera en vigueur le 3 août."
    )
    article = Article(id=content_id(text), text=text, published=date(2024, 7, 25), language="fr")
    (event,) = pipeline.extract(article)
    assert (event.sub_event_type, event.event_date, event.factuality) == (
        "Agreement",
        "2024-07-25",
        "asserted",
    )


def test_a_past_day_on_a_noun_under_a_future_verb_stays_past(pipeline):
    from sitrep.records import Article, content_id

    text = (
        "Les funérailles des victimes de l'attaque du 2 février contre le marché de Gao auront lieu vendredi."
    )
    article = Article(id=content_id(text), text=text, published=date(2025, 8, 10), language="fr")
    assert [e.event_date for e in pipeline.extract(article) if e.event_date.startswith("2026")] == []


def test_a_day_of_last_year_is_dated_the_year_before(reader):
    found = reader.find(
        "Les talibans ont pris Kaboul le 15 août de l'année dernière.",
        published=date(2022, 8, 15),
        published_precision=1,
    )
    assert [(m.value, m.past) for m in found] == [(date(2021, 8, 15), True)]


@pytest.mark.parametrize(
    ("text", "expected", "precision", "past"),
    [
        ("Il a été enlevé il y a trois jours.", date(2020, 3, 7), 1, False),
        ("enlevé il y a quelques jours", date(2020, 3, 7), 2, False),  # that week, not a day
        ("Il y a deux semaines, des hommes armés", date(2020, 2, 25), 2, False),
        ("un humanitaire enlevé il y a un an", date(2019, 3, 11), 3, True),
        ("il y a plus d'un an", date(2019, 3, 11), 3, True),
    ],
)
def test_a_span_counted_back_from_publication(reader, text, expected, precision, past):
    (mention,) = reader.find(text, published=TUESDAY)
    assert (mention.value, mention.precision, mention.past) == (expected, precision, past)


def test_a_count_that_is_no_span_of_time_is_no_date(reader):
    assert reader.find("Il y a deux morts et trois blessés.", published=TUESDAY) == []


def test_a_hostage_taken_a_year_ago_is_no_news(pipeline):
    article = Article(
        id="x",
        text="Sa famille a réclamé jeudi la libération d'un travailleur humanitaire enlevé il y a un an près "
        "d'Agadez.",
        published=date(2025, 4, 12),
        language="fr",
    )
    assert pipeline.extract(article) == []


def test_an_abduction_three_days_ago_is_dated_three_days_back(pipeline):
    article = Article(
        id="x",
        text="Un humanitaire a été enlevé il y a trois jours près d'Agadez, a indiqué jeudi sa famille.",
        published=date(2025, 4, 12),
        language="fr",
    )
    (event,) = pipeline.extract(article)
    assert (event.sub_event_type, event.event_date) == ("Abduction/forced disappearance", "2025-04-09")


def test_a_month_ended_weeks_before_the_news_is_the_past(reader):
    (mention,) = reader.find("Kiev a lancé en août une incursion", published=date(2024, 9, 27))
    assert mention.past
    (mention,) = reader.find("Kiev a lancé en août une incursion", published=date(2024, 9, 10))
    assert not mention.past  # a fortnight on, still news


def test_a_year_after_a_is_a_year(reader):
    (mention,) = reader.find("un conflit qui remonte au moins à 2014, lorsque", published=date(2022, 2, 24))
    assert (mention.value, mention.past) == (date(2014, 7, 1), True)
