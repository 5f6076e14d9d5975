"""Exports: ACLED-compatible CSV, flat CSV, JSON Lines and GeoJSON."""

from __future__ import annotations

import csv
import io
import json

import pytest

from sitrep.errors import SitrepError
from sitrep.export import EXPORT_FORMATS, write_events
from sitrep.records import Event, Evidence, Source

ACLED_HEADER = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
    "factuality",
    "claimed_by",
    "source_url",
    "published",
    "confidence",
    "sitrep_event_id",
    "pipeline_version",
]


def make_event(n: int = 1, **overrides: object) -> Event:
    values: dict[str, object] = {
        "event_id": f"ev-{n:03d}",
        "article_id": "art-1",
        "event_date": "2020-01-24",
        "time_precision": 1,
        "event_type": "Violence against civilians",
        "sub_event_type": "Attack",
        "actor1": "Unidentified Armed Group (Mali)",
        "actor2": "Civilians (Mali)",
        "inter1": 3,
        "inter2": 7,
        "interaction": 37,
        "country": "Mali",
        "iso2": "ML",
        "admin1": "Mopti",
        "location": "Dioungani",
        "latitude": 14.38,
        "longitude": -2.49,
        "geo_precision": 1,
        "fatalities": 3,
        "factuality": "asserted",
        "claimed_by": None,
        "source": "RFI",
        "source_url": "https://example.org/1",
        "published": "2020-01-25",
        "sources": (
            Source(
                article_id="art-1",
                source="RFI",
                source_url="https://example.org/1",
                published="2020-01-25",
                factuality="asserted",
            ),
            Source(
                article_id="art-2",
                source="Le Monde",
                source_url="https://example.org/2",
                published="2020-01-26",
                factuality="reported",
            ),
        ),
        "notes": 'Des hommes armés ont "attaqué" Dioungani, tuant trois civils,\nselon la mairie.',
        "evidence": (Evidence(field="trigger", article_id="art-1", start=30, end=37, text="attaqué"),),
        "confidence": 0.8,
        "pipeline_version": "test-1",
    }
    values.update(overrides)
    return Event(**values)  # type: ignore[arg-type]


def every_factuality() -> list[Event]:
    return [
        make_event(1, factuality="asserted"),
        make_event(2, factuality="reported", claimed_by="l'armée malienne"),
        make_event(3, factuality="unconfirmed"),
        make_event(4, factuality="denied"),
        make_event(5, factuality="hypothetical"),
    ]


def export(events: list[Event], fmt: str, **options: bool) -> tuple[int, str]:
    out = io.StringIO(newline="")
    count = write_events(events, out, format=fmt, **options)
    return count, out.getvalue()


def test_unknown_format_names_the_valid_ones() -> None:
    with pytest.raises(SitrepError) as caught:
        write_events([make_event()], io.StringIO(), format="xlsx")
    assert "xlsx" in str(caught.value)
    assert all(name in str(caught.value) for name in EXPORT_FORMATS)


# -- JSON Lines ----------------------------------------------------------------------------------


def test_jsonl_round_trips_every_record() -> None:
    events = every_factuality()
    count, text = export(events, "jsonl")
    lines = text.splitlines()
    assert count == len(lines) == 5
    assert [json.loads(line) for line in lines] == [event.to_dict() for event in events]
    assert "armés" in text  # written as UTF-8 text, not \u escapes
    assert [Event.from_dict(json.loads(line)) for line in lines] == events


# -- ACLED CSV -----------------------------------------------------------------------------------


def read_csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_acled_csv_header_is_acled_order_then_sitrep_columns() -> None:
    _, text = export([make_event()], "acled-csv")
    assert next(csv.reader(io.StringIO(text, newline=""))) == ACLED_HEADER


def test_acled_csv_leaves_out_denied_and_hypothetical_by_default() -> None:
    count, text = export(every_factuality(), "acled-csv")
    rows = read_csv(text)
    assert count == len(rows) == 3
    assert [row["factuality"] for row in rows] == ["asserted", "reported", "unconfirmed"]


def test_acled_csv_keeps_them_when_asked() -> None:
    count, text = export(every_factuality(), "acled-csv", include_not_occurred=True)
    assert count == 5
    assert {row["factuality"] for row in read_csv(text)} == {
        "asserted",
        "reported",
        "unconfirmed",
        "denied",
        "hypothetical",
    }


def test_acled_csv_values() -> None:
    (row,) = read_csv(export([make_event()], "acled-csv")[1])
    assert row["event_id_cnty"].startswith("MLI") and row["sitrep_event_id"] == "ev-001"
    assert row["year"] == "2020"
    assert row["disorder_type"] == "Political violence"
    assert row["civilian_targeting"] == "Civilian targeting"
    assert row["iso"] == "466"
    assert row["region"] == "Western Africa"
    assert row["interaction"] == "37"
    assert (row["latitude"], row["longitude"]) == ("14.38", "-2.49")
    assert row["source"] == "RFI; Le Monde"
    assert row["notes"] == make_event().notes  # commas, quotes and a newline survive quoting
    assert row["admin3"] == "" and row["claimed_by"] == ""


@pytest.mark.parametrize(
    ("event_type", "sub_event_type", "inter1", "inter2", "disorder", "targeting"),
    [
        ("Protests", "Excessive force against protesters", 1, 6, "Political violence; Demonstrations", ""),
        ("Protests", "Peaceful protest", 6, 0, "Demonstrations", ""),
        ("Riots", "Mob violence", 5, 7, "Demonstrations", "Civilian targeting"),
        ("Battles", "Armed clash", 1, 2, "Political violence", ""),
        (
            "Explosions/Remote violence",
            "Remote explosive/landmine/IED",
            2,
            7,
            "Political violence",
            "Civilian targeting",
        ),
        (
            "Violence against civilians",
            "Abduction/forced disappearance",
            7,
            2,
            "Political violence",
            "Civilian targeting",
        ),
        ("Strategic developments", "Arrests", 1, 3, "Strategic developments", ""),
    ],
)
def test_acled_csv_disorder_type_and_civilian_targeting(
    event_type: str, sub_event_type: str, inter1: int, inter2: int, disorder: str, targeting: str
) -> None:
    event = make_event(event_type=event_type, sub_event_type=sub_event_type, inter1=inter1, inter2=inter2)
    (row,) = read_csv(export([event], "acled-csv")[1])
    assert (row["disorder_type"], row["civilian_targeting"]) == (disorder, targeting)


def test_acled_csv_finds_the_country_by_name_when_iso2_is_missing() -> None:
    event = make_event(country="Burkina Faso", iso2=None, latitude=None, longitude=None)
    (row,) = read_csv(export([event], "acled-csv")[1])
    assert (row["iso"], row["region"]) == ("854", "Western Africa")
    assert (row["latitude"], row["longitude"]) == ("", "")


@pytest.mark.parametrize(
    ("iso2", "region"),
    [
        ("SY", "Middle East"),
        ("CD", "Middle Africa"),
        ("SO", "Eastern Africa"),
        ("LY", "Northern Africa"),
        ("MZ", "Southern Africa"),
        ("UA", "Europe"),
        ("AF", "South Asia"),
        ("MX", "Central America"),
    ],
)
def test_acled_csv_regions(iso2: str, region: str) -> None:
    (row,) = read_csv(export([make_event(iso2=iso2, country=None)], "acled-csv")[1])
    assert row["region"] == region


# -- flat CSV ------------------------------------------------------------------------------------


def test_flat_csv_has_every_field_and_keeps_every_factuality() -> None:
    events = every_factuality()
    count, text = export(events, "csv")
    rows = read_csv(text)
    assert count == len(rows) == 5
    assert list(rows[0]) == [*events[0].to_dict(), "extra"]
    assert [row["factuality"] for row in rows] == [e.factuality for e in events]
    assert json.loads(rows[0]["sources"]) == events[0].to_dict()["sources"]
    assert json.loads(rows[0]["evidence"]) == events[0].to_dict()["evidence"]
    assert rows[1]["claimed_by"] == "l'armée malienne"
    assert rows[0]["notes"] == events[0].notes


def test_flat_csv_keeps_extra_keys() -> None:
    (row,) = read_csv(export([make_event(extra={"cluster": "c7"})], "csv")[1])
    assert json.loads(row["extra"]) == {"cluster": "c7"}


# -- GeoJSON -------------------------------------------------------------------------------------


def test_geojson_is_a_feature_collection_with_lon_lat_points() -> None:
    events = [*every_factuality(), make_event(6, latitude=None, longitude=None)]
    count, text = export(events, "geojson")
    collection = json.loads(text)
    assert collection["type"] == "FeatureCollection"
    features = collection["features"]
    assert count == len(features) == 6
    first = features[0]
    assert first["type"] == "Feature"
    assert first["geometry"] == {"type": "Point", "coordinates": [-2.49, 14.38]}
    assert first["properties"] == events[0].to_dict()
    assert first["properties"]["evidence"][0]["text"] == "attaqué"
    assert features[-1]["geometry"] is None
    assert {f["properties"]["factuality"] for f in features} >= {"denied", "hypothetical"}


def test_geojson_with_no_events_is_still_valid() -> None:
    count, text = export([], "geojson")
    assert count == 0
    assert json.loads(text) == {"type": "FeatureCollection", "features": []}


@pytest.mark.parametrize("fmt", EXPORT_FORMATS)
def test_every_format_accepts_a_generator(fmt: str) -> None:
    count, _ = export((event for event in every_factuality()), fmt)  # type: ignore[arg-type]
    assert count == (3 if fmt == "acled-csv" else 5)
