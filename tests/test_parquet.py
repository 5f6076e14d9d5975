"""The Parquet export: a folder partitioned by country and year that DuckDB (and pandas) read back whole."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from sitrep.dedup import merge_cluster
from sitrep.errors import SitrepError
from sitrep.export import ALL_FORMATS, export_to_path, write_events, write_parquet
from sitrep.export.csv_flat import COLUMNS
from sitrep.export.parquet import hive_partitioning
from sitrep.records import Event, Evidence, Source

duckdb = pytest.importorskip("duckdb")


def report(n: int, **overrides) -> Event:
    values = {
        "event_id": f"ev-{n}",
        "article_id": f"art-{n}",
        "event_date": "2023-11-04",
        "time_precision": 1,
        "event_type": "Violence against civilians",
        "sub_event_type": "Attack",
        "actor1": "Unidentified Armed Group (Burkina Faso)",
        "actor2": "Civilians (Burkina Faso)",
        "inter1": 3,
        "inter2": 7,
        "interaction": 37,
        "country": "Burkina Faso",
        "iso2": "BF",
        "admin1": "Sahel",
        "location": "Djibo",
        "latitude": 14.1022,
        "longitude": -1.6306,
        "geo_precision": 1,
        "fatalities": 5,
        "factuality": "reported",
        "claimed_by": "des sources locales",
        "source": f"Outlet {n}",
        "published": "2023-11-05",
        "evidence": (Evidence(field="location", article_id=f"art-{n}", start=40, end=45, text="Djibo"),),
        "extra": {"claimant_type": "local"},
    }
    values.update(overrides)
    return Event(**values)


def events_to_export() -> list[Event]:
    """Merged and raw records across countries (one with an accent and a quote, one unknown) and years."""
    djibo = merge_cluster([report(1, fatalities=5), report(2, fatalities=7, factuality="asserted")])
    return [
        djibo,
        report(3, event_date="2024-01-02", factuality="denied", claimed_by="l'armée"),
        report(4, country="Côte d'Ivoire", iso2="CI", location="Abidjan", event_date="2022-06-30", extra={}),
        report(5, country="Côte d'Ivoire", iso2="CI", location="Bouaké", event_date="2022-07-01", extra={}),
        report(
            6, country=None, iso2=None, location=None, latitude=None, longitude=None, event_date="2023-02-02"
        ),
        report(7, factuality="hypothetical", event_date="2023-12-31", fatalities=0),
    ]


def query(out: Path, sql: str) -> list[tuple]:
    scan = f"read_parquet('{out}/**/*.parquet', hive_partitioning = true)"
    with duckdb.connect() as conn:
        return conn.execute(sql.replace("EXPORT", scan)).fetchall()


def test_the_export_is_partitioned_by_country_and_year_hive_style(tmp_path):
    out = tmp_path / "events"
    assert write_parquet(events_to_export(), out) == 6
    folders = sorted(str(p.parent.relative_to(out)) for p in out.rglob("*.parquet"))
    # Values are escaped as Hive does (readers decode them), a missing country is Hive's default.
    assert folders == [
        "country=Burkina%20Faso/year=2023",
        "country=Burkina%20Faso/year=2024",
        "country=C%C3%B4te%20d%27Ivoire/year=2022",
        "country=__HIVE_DEFAULT_PARTITION__/year=2023",
    ]
    counts = query(out, "SELECT country, year, count(*) FROM EXPORT GROUP BY ALL ORDER BY ALL")
    assert counts == [
        ("Burkina Faso", 2023, 2),
        ("Burkina Faso", 2024, 1),
        ("Côte d'Ivoire", 2022, 2),
        (None, 2023, 1),
    ]


def test_duckdb_reads_back_every_value(tmp_path):
    events = events_to_export()
    out = tmp_path / "events"
    write_parquet(events, out)
    with duckdb.connect() as conn:
        relation = conn.execute(f"SELECT * FROM read_parquet('{out}/**/*.parquet', hive_partitioning = true)")
        names = [d[0] for d in relation.description]
        rows = {
            row[names.index("event_id")]: dict(zip(names, row, strict=True)) for row in relation.fetchall()
        }
    assert set(COLUMNS) <= set(names)  # every column of the flat export
    assert {"year", "claimant_type", "fatalities_low", "fatalities_high", "outlets", "parties_only"} <= set(
        names
    )
    for event in events:
        row = rows[event.event_id]
        assert row["event_date"] == date.fromisoformat(event.event_date)
        assert (row["country"], row["iso2"], row["location"]) == (event.country, event.iso2, event.location)
        assert (row["latitude"], row["longitude"]) == (event.latitude, event.longitude)
        assert (row["fatalities"], row["factuality"], row["claimed_by"]) == (
            event.fatalities,
            event.factuality,
            event.claimed_by,
        )
        assert json.loads(row["evidence"]) == [e.to_dict() for e in event.evidence]
        assert json.loads(row["sources"]) == [s.to_dict() for s in event.sources]
    merged = rows[events[0].event_id]
    assert (merged["fatalities"], merged["fatalities_low"], merged["fatalities_high"]) == (5, 5, 7)
    assert (merged["outlets"], merged["independent_outlets"], merged["parties_only"]) == (2, 2, False)
    assert merged["n_sources"] == 2 and merged["factuality"] == "asserted"
    assert merged["claimant_type"] == "local" and "member_event_ids" in json.loads(merged["extra"])
    raw = rows["ev-4"]
    assert raw["fatalities_low"] is None and raw["outlets"] is None and raw["extra"] is None
    assert {r["factuality"] for r in rows.values()} >= {"denied", "hypothetical"}  # all factualities kept


def test_pandas_reads_it_too(tmp_path):
    pandas = pytest.importorskip("pandas")
    out = tmp_path / "events"
    write_parquet(events_to_export(), out)
    frame = pandas.read_parquet(out, partitioning=hive_partitioning())
    assert frame["country"].isna().sum() == 1  # the event of unknown country
    assert len(frame) == 6 and {"country", "year", "sub_event_type"} <= set(frame.columns)


def test_a_new_export_replaces_the_last_one_whole(tmp_path):
    out = tmp_path / "events"
    write_parquet(events_to_export(), out)
    only_2024 = [replace(report(9), event_date="2024-05-05")]
    assert write_parquet(only_2024, out) == 1
    assert query(out, "SELECT event_id, year FROM EXPORT") == [("ev-9", 2024)]
    assert not [p for p in tmp_path.iterdir() if p.name != "events"], "no staging folder left behind"


def test_no_events_make_an_empty_folder(tmp_path):
    out = tmp_path / "none"
    assert write_parquet([], out) == 0
    assert out.is_dir() and not list(out.iterdir())


def test_a_folder_of_other_files_is_not_overwritten(tmp_path):
    (tmp_path / "notes.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(SitrepError, match="holds other files"):
        write_parquet(events_to_export(), tmp_path)
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "keep me"
    with pytest.raises(SitrepError, match="is a file"):
        write_parquet(events_to_export(), tmp_path / "notes.txt")


def test_parquet_is_an_export_format_written_to_a_folder(tmp_path):
    assert "parquet" in ALL_FORMATS
    assert export_to_path(events_to_export(), tmp_path / "out", format="parquet") == 6
    with pytest.raises(SitrepError, match="folder"):
        write_events(events_to_export(), (tmp_path / "x").open("w"), format="parquet")


def test_a_store_exports_its_merged_events(tmp_path):
    from sitrep.dedup.incremental import deduplicate
    from sitrep.records import Article
    from sitrep.store import EventStore

    with EventStore.open(tmp_path / "s.db") as store:
        for n in (1, 2):
            store.add_article(Article(id=f"art-{n}", text=f"Dépêche {n} sur Djibo."))
            source = Source(
                article_id=f"art-{n}",
                source=f"Outlet {n}",
                source_url=None,
                published="2023-11-05",
                factuality="reported",
            )
            one = report(n, sources=(source,))
            store.replace_events(f"art-{n}", [one], pipeline_version="v1")
        deduplicate(store)
        assert write_parquet(store.merged_events(), tmp_path / "out") == 1
    [(outlets, low, high)] = query(
        tmp_path / "out", "SELECT outlets, fatalities_low, fatalities_high FROM EXPORT"
    )
    assert (outlets, low, high) == (2, 5, 5)
