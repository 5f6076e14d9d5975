"""The event store on real SQLite files, with the real Alembic migrations."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from alembic.config import Config
from alembic.script import ScriptDirectory

import sitrep.store.store as store_module
from sitrep.errors import StoreError
from sitrep.records import Article, Event, Evidence, Source
from sitrep.store import EventStore, resolve_db_url
from sitrep.store.connect import MIGRATIONS_DIR


def make_article(n: int = 1, **overrides: object) -> Article:
    values: dict[str, object] = {
        "id": f"art-{n}",
        "text": f"Article {n}: des hommes armés ont attaqué le village de Dioungani.",
        "published": date(2020, 1, 25),
        "source": "RFI",
        "url": f"https://example.org/{n}",
        "language": "fr",
        "title": f"Titre {n}",
        "origin": f"feed.jsonl:{n}",
    }
    values.update(overrides)
    return Article(**values)  # type: ignore[arg-type]


def make_event(n: int = 1, **overrides: object) -> Event:
    article_id = str(overrides.get("article_id", "art-1"))
    values: dict[str, object] = {
        "event_id": f"ev-{n:03d}",
        "article_id": article_id,
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
        "source": "RFI",
        "source_url": "https://example.org/1",
        "published": "2020-01-25",
        "sources": (
            Source(
                article_id=article_id,
                source="RFI",
                source_url="https://example.org/1",
                published="2020-01-25",
                factuality="asserted",
            ),
        ),
        "notes": "Des hommes armés ont attaqué le village de Dioungani, tuant trois civils.",
        "evidence": (Evidence(field="trigger", article_id=article_id, start=30, end=37, text="attaqué"),),
        "confidence": 0.8,
        "pipeline_version": "test-1",
    }
    values.update(overrides)
    return Event(**values)  # type: ignore[arg-type]


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "sitrep.db"


@pytest.fixture
def store(db_path: Path):
    with EventStore.open(db_path) as opened:
        yield opened


def ids(events) -> list[str]:
    return [event.event_id for event in events]


# -- opening -------------------------------------------------------------------------------------


def test_open_creates_the_schema_and_reopening_keeps_data(db_path: Path) -> None:
    with EventStore.open(db_path) as first:
        assert first.add_article(make_article())
    with EventStore.open(db_path) as second:  # the migration runs again and must be a no-op
        assert second.get_article("art-1") == make_article()
        assert second.add_article(make_article(2))
    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    with sqlite3.connect(db_path) as raw:
        assert raw.execute("SELECT version_num FROM alembic_version").fetchall() == [(head,)]
        assert raw.execute("SELECT count(*) FROM articles").fetchone() == (2,)
        assert raw.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def _alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def test_a_path_whose_parent_is_a_file_raises_store_error(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x")
    with pytest.raises(StoreError, match="not-a-dir"):
        EventStore.open(blocker / "sitrep.db")


def test_a_directory_as_database_raises_store_error_with_url_and_hint(tmp_path: Path) -> None:
    folder = tmp_path / "folder.db"
    folder.mkdir()
    with pytest.raises(StoreError) as caught:
        EventStore.open(folder)
    assert "sqlite:///" in str(caught.value) and "folder.db" in str(caught.value)
    assert "SITREP_DB" in str(caught.value)


def test_a_file_that_is_not_a_database_raises_store_error(tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not an sqlite file" * 100)
    with pytest.raises(StoreError, match="junk.db"):
        EventStore.open(junk)


def test_resolve_db_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    nested = tmp_path / "a" / "b" / "x.db"
    assert resolve_db_url(nested) == f"sqlite:///{nested}"
    assert nested.parent.is_dir()
    assert resolve_db_url("postgresql://u@host/db") == "postgresql://u@host/db"

    monkeypatch.delenv("SITREP_DB", raising=False)
    monkeypatch.setenv("SITREP_DATA_DIR", str(tmp_path / "data"))
    assert resolve_db_url(None) == f"sqlite:///{tmp_path / 'data' / 'sitrep.db'}"
    monkeypatch.setenv("SITREP_DB", str(tmp_path / "env.db"))
    assert resolve_db_url(None) == f"sqlite:///{tmp_path / 'env.db'}"
    monkeypatch.setenv("SITREP_DB", "sqlite:///elsewhere.db")
    assert resolve_db_url(None) == "sqlite:///elsewhere.db"


# -- articles ------------------------------------------------------------------------------------


def test_the_same_article_is_stored_once(store: EventStore) -> None:
    article = make_article()
    assert store.add_article(article) is True
    assert store.add_article(article) is False
    assert store.add_article(replace(article, id="other-id")) is False  # same text
    assert store.add_article(replace(article, text="different text")) is False  # same id
    assert list(store.articles()) == [article]


def test_article_status_transitions(store: EventStore) -> None:
    for n in (1, 2, 3):
        store.add_article(make_article(n))
    store.set_article_status("art-2", "unsupported_language", reason="language 'de'")
    store.set_article_status("art-3", "failed", reason="boom", pipeline_version="test-1")
    assert [a.id for a in store.articles(status="pending")] == ["art-1"]
    assert [a.id for a in store.articles(status="failed")] == ["art-3"]
    assert store.stats()["articles"]["by_status"] == {
        "pending": 1,
        "extracted": 0,
        "unsupported_language": 1,
        "failed": 1,
    }
    with pytest.raises(StoreError, match="pending"):
        store.set_article_status("art-1", "done")
    with pytest.raises(StoreError, match="nope"):
        store.set_article_status("nope", "failed")


def test_articles_can_be_updated_while_iterating(store: EventStore, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_module, "PAGE_SIZE", 2)  # force several pages
    for n in range(1, 8):
        store.add_article(make_article(n))
    seen = []
    for article in store.articles(status="pending"):
        seen.append(article.id)
        store.replace_events(article.id, [], pipeline_version="test-1")
    assert sorted(seen) == [f"art-{n}" for n in range(1, 8)]
    assert list(store.articles(status="pending")) == []


# -- events --------------------------------------------------------------------------------------


def test_events_round_trip_whole_records(store: EventStore) -> None:
    store.add_article(make_article())
    event = make_event(extra={"debug_score": 0.5})
    store.replace_events("art-1", [event], pipeline_version="test-1")
    (back,) = store.events()
    assert back.to_dict() == event.to_dict()


def test_replace_events_replaces_and_marks_the_article(store: EventStore) -> None:
    store.add_article(make_article())
    store.replace_events("art-1", [make_event(1), make_event(2)], pipeline_version="v1")
    store.replace_events("art-1", [make_event(3)], pipeline_version="v2")
    assert ids(store.events(article_id="art-1")) == ["ev-003"]
    assert [a.id for a in store.articles(status="extracted")] == ["art-1"]
    with sqlite3.connect(store_path(store)) as raw:
        version, extracted_at = raw.execute(
            "SELECT pipeline_version, extracted_at FROM articles WHERE id = 'art-1'"
        ).fetchone()
    assert version == "v2" and extracted_at


def store_path(store: EventStore) -> str:
    return store.url.removeprefix("sqlite:///")


def test_a_failing_insert_rolls_back_the_whole_replacement(store: EventStore) -> None:
    store.add_article(make_article())
    store.replace_events("art-1", [make_event(1)], pipeline_version="v1")
    clash = [make_event(2), make_event(2, notes="same id twice")]
    with pytest.raises(StoreError, match="nothing was changed"):
        store.replace_events("art-1", clash, pipeline_version="v2")
    assert ids(store.events()) == ["ev-001"]
    with sqlite3.connect(store_path(store)) as raw:
        assert raw.execute("SELECT pipeline_version FROM articles").fetchone() == ("v1",)


def test_events_need_their_article(store: EventStore) -> None:
    with pytest.raises(StoreError, match="add_article"):
        store.replace_events("art-1", [make_event(1)], pipeline_version="v1")
    store.add_article(make_article())
    with pytest.raises(StoreError, match="art-9"):
        store.replace_events("art-1", [make_event(1, article_id="art-9")], pipeline_version="v1")
    assert store.count_events() == 0


@pytest.fixture
def filled(store: EventStore) -> EventStore:
    store.add_article(make_article(1))
    store.add_article(make_article(2))
    store.replace_events(
        "art-1",
        [
            make_event(1, event_date="2020-01-24"),
            make_event(2, event_date="2020-02-10", factuality="denied"),
            make_event(
                3,
                event_date="2020-01-05",
                event_type="Battles",
                sub_event_type="Armed clash",
                inter2=1,
                interaction=13,
                factuality="reported",
            ),
        ],
        pipeline_version="v1",
    )
    store.replace_events(
        "art-2",
        [
            make_event(
                4,
                article_id="art-2",
                event_date="2020-01-24",
                country="Burkina Faso",
                iso2="BF",
                factuality="hypothetical",
            ),
            make_event(
                5,
                article_id="art-2",
                event_date="2019-12-31",
                country="Burkina Faso",
                iso2="BF",
                event_type="Protests",
                sub_event_type="Peaceful protest",
            ),
        ],
        pipeline_version="v1",
    )
    return store


def test_events_are_ordered_by_date_then_id(filled: EventStore) -> None:
    assert ids(filled.events()) == ["ev-005", "ev-003", "ev-001", "ev-004", "ev-002"]


def test_event_filters(filled: EventStore) -> None:
    assert ids(filled.events(country="Mali")) == ["ev-003", "ev-001", "ev-002"]
    assert ids(filled.events(country="burkina faso")) == ["ev-005", "ev-004"]
    assert ids(filled.events(country="bf")) == ["ev-005", "ev-004"]
    january = filled.events(since=date(2020, 1, 5), until=date(2020, 1, 24))
    assert ids(january) == ["ev-003", "ev-001", "ev-004"]  # both ends inclusive
    assert ids(filled.events(event_type="Battles")) == ["ev-003"]
    assert ids(filled.events(sub_event_type="Peaceful protest")) == ["ev-005"]
    assert ids(filled.events(factuality={"denied", "hypothetical"})) == ["ev-004", "ev-002"]
    assert ids(filled.events(factuality="reported")) == ["ev-003"]
    assert ids(filled.events(article_id="art-2")) == ["ev-005", "ev-004"]
    assert ids(filled.events(country="ML", since=date(2020, 1, 6))) == ["ev-001", "ev-002"]
    assert filled.count_events(country="Mali", factuality=["asserted", "reported"]) == 2


def test_limit_and_paging(filled: EventStore, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_module, "PAGE_SIZE", 2)
    assert ids(filled.events()) == ["ev-005", "ev-003", "ev-001", "ev-004", "ev-002"]
    assert ids(filled.events(limit=3)) == ["ev-005", "ev-003", "ev-001"]
    assert ids(filled.events(limit=0)) == []


def test_stats(filled: EventStore) -> None:
    stats = filled.stats()
    assert stats["articles"]["total"] == 2
    assert stats["articles"]["by_status"]["extracted"] == 2
    assert stats["events"]["total"] == 5
    assert stats["events"]["by_country"] == {"Mali": 3, "Burkina Faso": 2}
    assert stats["events"]["by_type"]["Violence against civilians"] == 3
    assert stats["events"]["by_factuality"]["asserted"] == 2
