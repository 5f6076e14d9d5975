"""Scoring of `sitrep eval` (event-record.md §3) on hand-built gold and predictions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitrep.errors import GoldFormatError
from sitrep.evaluate import GoldArticle, Scorecard, format_scorecard, read_gold, score, scorecard_markdown
from sitrep.evaluate.score import claims_agree

KM_PER_DEGREE_LAT = 111.195  # one degree of latitude on the mean-radius sphere haversine_km uses
LAT, LON = 14.5, -2.4


def event(**changes: object) -> dict:
    base = {
        "event_date": "2020-01-22",
        "time_precision": 1,
        "event_type": "Battles",
        "sub_event_type": "Armed clash",
        "actor1": "Military Forces of Mali",
        "actor2": "JNIM: Group for Support of Islam and Muslims",
        "country": "Mali",
        "iso2": "ML",
        "location": "Dioungani",
        "latitude": LAT,
        "longitude": LON,
        "fatalities": 7,
        "factuality": "asserted",
        "claimed_by": None,
    }
    base.update(changes)
    return base


def north_of(km: float) -> dict:
    return {"latitude": LAT + km / KM_PER_DEGREE_LAT, "longitude": LON}


def article(article_id: str, *events: dict, cluster: str | None = None) -> GoldArticle:
    return GoldArticle(id=article_id, text="Texte de l'article.", events=tuple(events), cluster=cluster)


def detection(card: Scorecard) -> tuple[int, int, int]:
    d = card.detection
    return d.true_positives, d.false_positives, d.false_negatives


def test_perfect_prediction_scores_one_everywhere():
    gold = [
        article("a", event()),
        article(
            "b",
            event(
                sub_event_type="Attack",
                event_type="Violence against civilians",
                actor2="Civilians (Mali)",
                claimed_by="l'armée malienne",
            ),
        ),
    ]
    card = score(gold, {g.id: [dict(e) for e in g.events] for g in gold})
    assert detection(card) == (2, 0, 0)
    assert card.detection.precision.value == card.detection.recall.value == card.detection.f1.value == 1.0
    for name, metric in card.fields.items():
        assert metric.value == 1.0, name
        assert metric.n >= 2, name
    assert card.fields["actors"].n == 4  # two gold actor slots per pair
    assert card.errors == ()
    assert card.negatives.n == 0 and card.negatives.value is None
    assert card.clusters is None


def test_three_days_off_matches_four_days_off_does_not():
    gold = [article("a", event())]
    assert detection(score(gold, {"a": [event(event_date="2020-01-25")]})) == (1, 0, 0)
    card = score(gold, {"a": [event(event_date="2020-01-26")]})
    assert detection(card) == (0, 1, 1)
    assert card.detection.f1.value == 0.0
    missed = [e for e in card.errors if e.kind == "missed"]
    assert missed and "4 days off" in missed[0].note


def test_distance_and_place_name_decide_the_location_match():
    gold = [article("a", event())]
    far = event(location="Boni", **north_of(60))
    assert detection(score(gold, {"a": [far]})) == (0, 1, 1)
    near = event(location="Boni", **north_of(40))
    assert detection(score(gold, {"a": [near]})) == (1, 0, 0)
    # Same place name once case and accents are folded, no coordinates: a match.
    same_name = event(location="DIOUNGANÎ", latitude=None, longitude=None)
    card = score(gold, {"a": [same_name]})
    assert detection(card) == (1, 0, 0)
    assert card.fields["location_50km"].n == 0 and card.fields["location_50km"].value is None


def test_location_within_10_and_50_km_on_matched_pairs():
    gold = [article("a", event()), article("b", event())]
    card = score(gold, {"a": [event(**north_of(5))], "b": [event(**north_of(30))]})
    assert detection(card) == (2, 0, 0)
    assert card.fields["location_10km"].value == 0.5
    assert card.fields["location_50km"].value == 1.0


def test_gold_without_date_or_place_matches_on_that_dimension():
    gold = [article("a", event(event_date=None, location=None, latitude=None, longitude=None))]
    card = score(gold, {"a": [event(event_date="2021-06-01", location="Gao", **north_of(400))]})
    assert detection(card) == (1, 0, 0)
    assert card.fields["event_date"].n == 0


def test_month_precision_matches_within_the_month():
    gold = [article("a", event(event_date="2020-01-15", time_precision=3))]
    assert detection(score(gold, {"a": [event(event_date="2020-01-29")]})) == (1, 0, 0)
    assert detection(score(gold, {"a": [event(event_date="2020-02-02")]})) == (0, 1, 1)


def test_week_precision_matches_within_the_iso_week():
    gold = [article("a", event(event_date="2020-01-15", time_precision=2))]  # a Wednesday
    assert detection(score(gold, {"a": [event(event_date="2020-01-19")]})) == (1, 0, 0)  # Sunday
    assert detection(score(gold, {"a": [event(event_date="2020-01-20")]})) == (0, 1, 1)  # next Monday


def test_pairing_is_one_to_one_and_takes_the_closest():
    gold = [article("a", event())]
    card = score(gold, {"a": [event(**north_of(30)), event(**north_of(5))]})
    assert detection(card) == (1, 1, 0)
    assert card.detection.precision.value == 0.5
    assert card.fields["location_10km"].value == 1.0  # the 5 km prediction was paired
    assert [e.kind for e in card.errors] == ["spurious"]


def test_equal_cost_ties_prefer_the_same_sub_event_type():
    gold = [article("a", event(sub_event_type="Armed clash"))]
    other = event(event_type="Explosions/Remote violence", sub_event_type="Remote explosive/landmine/IED")
    card = score(gold, {"a": [other, event()]})
    assert card.fields["sub_event_type"].value == 1.0
    assert card.fields["event_type"].value == 1.0


def test_denied_prediction_left_out_when_gold_has_none():
    gold = [article("a", event())]
    denied = event(event_date="2020-03-01", location="Tessit", **north_of(300), factuality="denied")
    card = score(gold, {"a": [event(), denied]})
    assert detection(card) == (1, 0, 0)
    assert card.predicted_events == 1 and card.ignored_predictions == 1


def test_denied_prediction_scored_when_gold_codes_a_denied_event():
    gold = [article("a", event(factuality="denied"))]
    card = score(gold, {"a": [event(factuality="denied")]})
    assert detection(card) == (1, 0, 0)
    assert card.fields["factuality"].value == 1.0
    missing = score(gold, {"a": [event(factuality="hypothetical", event_date="2020-05-01")]})
    assert detection(missing) == (0, 1, 1)


def test_negative_articles_count_predicted_events():
    gold = [article("a", event()), article("neg1"), article("neg2")]
    predicted = {
        "a": [event()],
        "neg1": [event(), event(location="Gao"), event(factuality="hypothetical")],
    }
    card = score(gold, predicted)
    assert card.negative_articles == 2
    assert card.negatives.value == 1.0 and card.negatives.n == 2  # 2 events over 2 negative articles
    assert detection(card) == (1, 2, 0)
    spurious = [e for e in card.errors if e.kind == "spurious"]
    assert {e.article_id for e in spurious} == {"neg1"}


def test_actor_agreement_in_either_order_with_brackets_folded():
    gold = [article("a", event(actor1="Islamic State (Sahel)", actor2="Civilians (Mali)"))]
    swapped = event(actor1="civilians", actor2="Islamic State")
    assert score(gold, {"a": [swapped]}).fields["actors"].value == 1.0
    half = score(gold, {"a": [event(actor1="Islamic State", actor2="Military Forces of Mali")]})
    assert half.fields["actors"].value == 0.5 and half.fields["actors"].n == 2
    wrong = [e for e in half.errors if e.field == "actors"]
    assert len(wrong) == 1 and wrong[0].gold == "Civilians (Mali)"


def test_actor_trials_count_only_coded_gold_slots():
    gold = [article("a", event(actor1="Unidentified Armed Group (Mali)", actor2=None))]
    card = score(gold, {"a": [event(actor1=None, actor2="Unidentified Armed Group (Mali)")]})
    assert card.fields["actors"].n == 1 and card.fields["actors"].value == 1.0


def test_field_metrics_count_only_pairs_where_gold_has_the_field():
    gold = [article("a", event()), article("b", event(fatalities=None, country=None, iso2=None))]
    card = score(gold, {"a": [event(fatalities=3, iso2=None, country="MALI")], "b": [event(fatalities=0)]})
    assert card.fields["fatalities"].value == 0.0 and card.fields["fatalities"].n == 1
    assert card.fields["country"].value == 1.0 and card.fields["country"].n == 1
    assert card.fields["claimed_by"].n == 2


def test_claimed_by_agreement():
    assert claims_agree(None, None)
    assert claims_agree("l'armée malienne", "Armée malienne")
    assert claims_agree("Sputnik", "l'agence Sputnik")
    assert not claims_agree("Sputnik", None)
    assert not claims_agree("l'armée malienne", "l'armée nigérienne")
    assert not claims_agree("EI", "l'armée malienne")


def test_cluster_pairwise_precision_and_recall():
    gold = [
        article("a", event(), cluster="x"),
        article("b", event(), cluster="x"),
        article("c", event(), cluster="x"),
        article("d", event(), cluster="y"),
        article("e", event(), cluster="y"),
        article("f", event()),
    ]
    card = score(gold, {}, predicted_clusters=[{"a", "b"}, ["c", "d"], ["e"], ["f", "not-in-gold"]])
    # gold pairs ab ac bc de; predicted pairs ab cd
    assert card.clusters is not None
    assert card.clusters.precision.value == 0.5 and card.clusters.precision.n == 2
    assert card.clusters.recall.value == 0.25 and card.clusters.recall.n == 4
    assert score(gold[-1:], {}, predicted_clusters=[["f"]]).clusters is None


def test_sub_type_breakdown_and_unknown_ids():
    gold = [
        article(
            "a",
            event(),
            event(event_date="2020-02-10", sub_event_type="Attack", event_type="Violence against civilians"),
        )
    ]
    card = score(gold, {"a": [event(sub_event_type="Government regains territory")], "zzz": [event()]})
    clash = card.by_sub_event_type["Armed clash"]
    assert clash.recall.value == 1.0 and clash.accuracy.value == 0.0
    assert card.by_sub_event_type["Attack"].recall.value == 0.0
    assert card.by_sub_event_type["Attack"].accuracy.n == 0
    assert card.unknown_article_ids == ("zzz",)


def test_reports_are_json_ready_and_readable():
    gold = [article("a", event()), article("neg")]
    card = score(gold, {"a": [event(event_type="Riots", sub_event_type="Mob violence")]})
    data = json.loads(json.dumps(card.to_dict()))
    assert data["detection"]["precision"] == {"value": 1.0, "n": 1, "count": 1}
    assert data["fields"]["sub_event_type"]["value"] == 0.0
    text = format_scorecard(card)
    assert "recall" in text and "1.000" in text and "Mob violence" in text
    markdown = scorecard_markdown(card, "Mali 2020")
    assert markdown.startswith("## Mali 2020")
    assert "| detection | precision | 1.000 | 1 |" in markdown


def write(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


GOOD = json.dumps(
    {"id": "a", "text": "Texte.", "published": "2020-01-24", "events": [event()], "cluster": "x"}
)


def test_read_gold_reads_articles_and_skips_blank_lines(tmp_path):
    negative = json.dumps({"id": "b", "text": "Rien.", "events": []})
    articles = read_gold(write(tmp_path, GOOD, "", "   ", negative))
    assert [a.id for a in articles] == ["a", "b"]
    assert articles[0].events[0]["sub_event_type"] == "Armed clash" and articles[0].cluster == "x"
    assert articles[1].is_negative
    assert set(articles[0].to_input()) == {"id", "text", "url", "source", "published", "language"}


@pytest.mark.parametrize(
    ("bad_line", "problem"),
    [
        ("{not json", "broken JSON"),
        (json.dumps({"id": "b", "events": []}), "'text'"),
        (json.dumps({"text": "x", "events": []}), "'id'"),
        (json.dumps({"id": "b", "text": "x", "events": [event(sub_event_type="Ambush")]}), "Ambush"),
        (json.dumps({"id": "b", "text": "x", "events": [event(event_type="War")]}), "War"),
        (json.dumps({"id": "b", "text": "x", "events": [event(event_date="2020-02-30")]}), "2020-02-30"),
        (json.dumps({"id": "b", "text": "x"}), "'events'"),
        (json.dumps({"id": "a", "text": "x", "events": []}), "already used"),
    ],
)
def test_read_gold_errors_name_file_and_line(tmp_path, bad_line, problem):
    path = write(tmp_path, GOOD, "", bad_line)
    with pytest.raises(GoldFormatError) as caught:
        read_gold(path)
    message = str(caught.value)
    assert f"{path}:3" in message
    assert problem in message


def test_read_gold_rejects_missing_and_empty_files(tmp_path):
    with pytest.raises(GoldFormatError, match="no such gold file"):
        read_gold(tmp_path / "absent.jsonl")
    with pytest.raises(GoldFormatError, match="no gold articles"):
        read_gold(write(tmp_path, ""))


GOLD_DIR = Path(__file__).resolve().parents[1] / "eval" / "gold"


@pytest.mark.parametrize("path", sorted(GOLD_DIR.glob("*.jsonl")), ids=lambda p: p.name)
def test_every_gold_set_keeps_the_contract(path):
    """The gold files are the yardstick: each evidence span is where it says, each type pair is ACLED's,
    nothing asserted is attributed, everything reported is, and ids are unique."""
    from sitrep.taxonomy import SUB_EVENT_TYPES

    articles = read_gold(path)
    assert articles and len({a.id for a in articles}) == len(articles)
    for article in articles:
        for event in article.events:
            assert SUB_EVENT_TYPES[event["sub_event_type"]] == event["event_type"], article.id
            if event["factuality"] == "asserted":
                assert event.get("claimed_by") is None, article.id
            if event["factuality"] == "reported":  # a hedge may name nobody; a report names its source
                assert event.get("claimed_by"), article.id
            for ev in event.get("evidence", []):
                assert article.text[ev["start"] : ev["end"]] == ev["text"], (article.id, ev)
