"""The event store on a real PostgreSQL server: the same migrations, the same answers as SQLite, and two
`sitrep run` processes writing one database at once lose nothing and store nothing twice.

The server: $SITREP_TEST_POSTGRES (a SQLAlchemy URL of a role that may create databases), else the one
scripts/start-postgres.sh installs or starts; the tests skip, saying why, only when that script cannot
start one. Each test works in a fresh database of its own, dropped afterwards.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import make_url

from sitrep.dedup import find_clusters
from sitrep.dedup.decisions import merge_clusters, split_events
from sitrep.dedup.incremental import deduplicate
from sitrep.records import Article, Event, Source
from sitrep.store import EventStore
from sitrep.store.connect import MIGRATIONS_DIR
from sitrep.store.schema import metadata

REPO = Path(__file__).resolve().parents[1]
START = REPO / "scripts" / "start-postgres.sh"


@pytest.fixture(scope="session")
def postgres_server() -> str:
    url = os.environ.get("SITREP_TEST_POSTGRES")
    if url:
        return url  # given on purpose: an unreachable server must fail the tests, not skip them
    try:
        done = subprocess.run(["bash", str(START)], capture_output=True, text=True, timeout=900)
    except (OSError, subprocess.TimeoutExpired) as err:
        pytest.skip(f"no PostgreSQL server: {START.name} could not run ({err})")
    if done.returncode != 0:
        reason = (done.stderr.strip().splitlines() or ["no message"])[-1]
        pytest.skip(f"no PostgreSQL server: {START.name} could not start one ({reason})")
    return done.stdout.strip().splitlines()[-1]


@pytest.fixture
def pg_url(postgres_server) -> str:
    """A fresh database on the server, dropped after the test."""
    name = f"sitrep_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(postgres_server, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        yield make_url(postgres_server).set(database=name).render_as_string(hide_password=False)
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        admin.dispose()


def test_the_migrations_bring_a_new_database_to_the_latest_schema(pg_url):
    from alembic.script import ScriptDirectory

    with EventStore.open(pg_url) as store:
        assert store.dialect == "postgresql"
    engine = create_engine(pg_url)
    try:
        with engine.connect() as conn:
            version = conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
        tables = set(inspect(engine).get_table_names())
    finally:
        engine.dispose()
    assert version == ScriptDirectory(str(MIGRATIONS_DIR)).get_current_head()
    assert set(metadata.tables) <= tables
    with EventStore.open(pg_url) as store:  # opening again migrates nothing and keeps working
        assert store.stats()["articles"]["total"] == 0


# -- the same answers as SQLite ---------------------------------------------------------------------


def article(n: int, day: str, source: str) -> Article:
    return Article(
        id=f"art-{n}",
        text=f"Dépêche {n} : des hommes armés ont attaqué le village, selon {source}.",
        published=date.fromisoformat(day),
        source=source,
        title=f"Attaque {n}",
        language="fr",
    )


def event(n: int, article_id: str, **overrides) -> Event:
    values = {
        "event_id": f"ev-{n}",
        "article_id": article_id,
        "event_date": "2024-03-12",
        "time_precision": 1,
        "event_type": "Violence against civilians",
        "sub_event_type": "Attack",
        "actor1": "Unidentified Armed Group (Mali)",
        "actor2": "Civilians (Mali)",
        "country": "Mali",
        "iso2": "ML",
        "admin1": "Mopti",
        "location": "Boni",
        "latitude": 15.077,
        "longitude": -2.22,
        "geo_precision": 1,
        "fatalities": 4,
        "factuality": "reported",
        "claimed_by": "des sources locales",
        "source": "Outlet",
        "published": "2024-03-13",
        "sources": (
            Source(
                article_id=article_id,
                source="Outlet",
                source_url=None,
                published="2024-03-13",
                factuality="reported",
            ),
        ),
        "notes": "Attaque à Boni (« village »)",
    }
    values.update(overrides)
    return Event(**values)


def fill_and_snapshot(store: EventStore) -> dict:
    """The same writes on any store; everything a user can read back, in a comparable form."""
    outlets = ["Studio Tamani", "AFP", "RFI", "Le Sahel"]
    for n, outlet in enumerate(outlets):
        assert store.add_article(article(n, "2024-03-13", outlet))
    assert not store.add_article(article(0, "2024-03-13", "AFP"))  # the same text again: stored once
    store.replace_events("art-0", [event(0, "art-0", fatalities=4)], pipeline_version="v1")
    store.replace_events(
        "art-1", [event(1, "art-1", fatalities=6, factuality="asserted")], pipeline_version="v1"
    )
    store.replace_events_many(
        [
            (
                "art-2",
                [
                    event(
                        2,
                        "art-2",
                        event_date="2024-03-11",
                        location="Douentza",
                        latitude=15.0,
                        longitude=-2.95,
                    )
                ],
            ),
            (
                "art-3",
                [event(3, "art-3", sub_event_type="Peaceful protest", event_type="Protests", actor1=None)],
            ),
        ],
        pipeline_version="v1",
    )
    store.set_article_status("art-3", "failed", reason="a reason")
    deduplicate(store)
    boni = store.cluster_of("ev-0")
    split_events(store, ["ev-1"], note="not the same attack")
    merge_clusters(store, [store.cluster_of("ev-1"), store.cluster_of("ev-2")], note="the same")
    deduplicate(store)  # decisions survive a re-run
    history = [{k: v for k, v in entry.items() if k != "at"} for entry in store.cluster_history(limit=100)]
    return {
        "articles": [a.to_dict() for a in store.articles()],
        "events": [e.to_dict() for e in store.events()],
        "merged": sorted(json.dumps(e.to_dict(), sort_keys=True) for e in store.merged_events()),
        "mali_march": [e.event_id for e in store.events(country="ml", since=date(2024, 3, 12))],
        "counts": (
            store.count_events(),
            store.count_merged_events(),
            store.count_events(factuality=["asserted"]),
        ),
        "stats": store.stats(),
        "clusters": sorted(sorted(e.event_id for e in store.cluster_member_events(c)) for c in {boni}),
        "decisions": [(d.kind, d.event_a, d.event_b, d.note) for d in store.cluster_decisions()],
        "history": history,
    }


def test_the_store_gives_the_same_answers_on_postgresql_and_sqlite(pg_url, tmp_path):
    with EventStore.open(tmp_path / "same.db") as store:
        expected = fill_and_snapshot(store)
    with EventStore.open(pg_url) as store:
        found = fill_and_snapshot(store)
    assert expected["events"] and expected["decisions"] and expected["history"]
    assert found == expected


def test_a_failed_replacement_leaves_the_stored_events_alone(pg_url):
    with EventStore.open(pg_url) as store:
        store.add_article(article(1, "2024-03-13", "AFP"))
        store.replace_events("art-1", [event(1, "art-1")], pipeline_version="v1")
        twice = [event(2, "art-1"), event(2, "art-1")]  # one event id twice: the insert fails
        with pytest.raises(Exception, match="nothing was changed"):
            store.replace_events("art-1", twice, pipeline_version="v2")
        assert [e.event_id for e in store.events()] == ["ev-1"]


# -- two runs at once --------------------------------------------------------------------------------

# Wire copy written for this test, in the style of Sahel news.
WIRE_A = [
    (
        "ouahigouya",
        "2024-05-06",
        "Des hommes armés ont attaqué dimanche un marché près de Ouahigouya, dans le nord "
        "du Burkina Faso, tuant six civils, selon des sources locales.",
    ),
    (
        "gao",
        "2024-05-08",
        "Des combats ont opposé mardi l'armée malienne à des jihadistes près de Gao, a indiqué "
        "l'état-major, qui fait état de plusieurs assaillants neutralisés.",
    ),
    (
        "zinder",
        "2024-05-09",
        "Des étudiants ont manifesté mercredi à Zinder pour protester contre la hausse des "
        "frais d'inscription. La police a dispersé le cortège à coups de gaz lacrymogène.",
    ),
    (
        "bamako",
        "2024-05-10",
        "Le gouvernement malien a annoncé jeudi la signature d'un accord de coopération "
        "agricole avec le Sénégal, sans lien avec la situation sécuritaire.",
    ),
]
WIRE_B = [
    (
        "tillaberi",
        "2024-05-07",
        "Un engin explosif a détruit lundi un véhicule de l'armée nigérienne près de "
        "Tillabéri, tuant quatre soldats, selon une source militaire.",
    ),
    (
        "mopti",
        "2024-05-08",
        "Trois chefs de village ont été enlevés mardi par des hommes armés dans la région "
        "de Mopti, au centre du Mali, ont rapporté des élus locaux.",
    ),
    (
        "ouahigouya-bis",
        "2024-05-06",
        "Six civils ont été tués dimanche lors de l'attaque d'un marché près de "
        "Ouahigouya, au Burkina Faso, ont rapporté des témoins.",
    ),
    (
        "fada",
        "2024-05-11",
        "Des militaires ont repoussé vendredi une attaque contre leur base de Fada N'Gourma, "
        "dans l'est du Burkina Faso, selon un communiqué de l'armée.",
    ),
]
SHARED = (
    "dori",
    "2024-05-09",
    "Des hommes armés ont incendié mercredi une école près de Dori, au Burkina Faso, sans faire de "
    "victimes, selon la direction régionale de l'éducation.",
)


def write_wire(path: Path, items) -> Path:
    lines = [
        json.dumps({"id": i, "published": day, "source": "Wire", "text": body}, ensure_ascii=False)
        for i, day, body in items
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def start_run(path: Path, url: str) -> subprocess.Popen:
    code = "from sitrep.cli import main; main()"
    args = ["run", str(path), "--db", url, "--no-progress"]
    return subprocess.Popen(
        [sys.executable, "-c", code, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def run_both(paths: list[Path], url: str) -> list[str]:
    processes = [start_run(path, url) for path in paths]  # started together, writing together
    outputs = [process.communicate(timeout=600) for process in processes]
    for process, (_, err) in zip(processes, outputs, strict=True):
        assert process.returncode == 0, err
    return [err for _, err in outputs]


def snapshot(url: str) -> dict:
    with EventStore.open(url) as store:
        events = {e.event_id: e.to_dict() for e in store.events()}
        articles = {a.id: store.stored_copy(a)[1] for a in store.articles()}
        clusters = {}
        for event_id in events:
            clusters.setdefault(store.cluster_of(event_id), set()).add(event_id)
    return {"events": events, "articles": articles, "clusters": clusters}


def test_two_runs_writing_one_database_at_once_lose_nothing_and_duplicate_nothing(pg_url, tmp_path, pipeline):
    paths = [
        write_wire(tmp_path / "a.jsonl", [*WIRE_A, SHARED]),
        write_wire(tmp_path / "b.jsonl", [*WIRE_B, SHARED]),
    ]
    run_both(paths, pg_url)
    found = snapshot(pg_url)

    articles = [
        Article(id=i, text=body, published=date.fromisoformat(day), source="Wire")
        for i, day, body in [*WIRE_A, *WIRE_B, SHARED]
    ]
    expected = {e.event_id: e for a in articles for e in pipeline.extract(a)}
    assert len(expected) >= 6
    assert set(found["articles"]) == {a.id for a in articles}  # the shared article once
    assert set(found["articles"].values()) == {"extracted"}
    assert found["events"] == {event_id: e.to_dict() for event_id, e in expected.items()}
    # Every event in exactly one cluster, the clusters those of one deduplication of everything.
    assert None not in found["clusters"]
    single = find_clusters(list(expected.values()))
    assert sorted(map(sorted, found["clusters"].values())) == sorted(
        sorted(single.event_ids[k] for k in group) for group in single.groups
    )
    ouahigouya = {e.event_id for e in expected.values() if e.article_id in ("ouahigouya", "ouahigouya-bis")}
    assert ouahigouya in found["clusters"].values()  # the two wires' reports of one attack, merged

    # Both again, at once: nothing is coded twice, nothing changes.
    errors = run_both(paths, pg_url)
    assert all("0 coded" in err for err in errors), errors
    assert snapshot(pg_url) == found


def test_sitrep_run_stores_into_postgresql_by_url(pg_url, tmp_path):
    path = write_wire(tmp_path / "a.jsonl", WIRE_A[:2])
    [err] = run_both([path], pg_url)
    assert "2 articles read (2 new, 0 already stored); 2 coded" in err
    password = make_url(pg_url).password
    assert not password or password not in err  # the password is never printed
    assert len(snapshot(pg_url)["articles"]) == 2


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_exclusive_makes_a_second_holder_wait(kind, request, tmp_path):
    import threading
    import time

    db = tmp_path / "lock.db" if kind == "sqlite" else request.getfixturevalue("pg_url")
    order: list[str] = []
    with EventStore.open(db) as first, EventStore.open(db) as second:

        def wait_for_lock() -> None:
            with second.exclusive("dedup"):
                order.append("second")

        with first.exclusive("dedup"):
            waiter = threading.Thread(target=wait_for_lock)
            waiter.start()
            time.sleep(0.5)
            order.append("first done")
        waiter.join(timeout=30)
        with second.exclusive("other"), first.exclusive("dedup"):  # other names do not wait
            order.append("both")
    assert order == ["first done", "second", "both"]
