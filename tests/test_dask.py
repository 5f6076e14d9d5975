"""The Dask engine codes what the local engine codes, resumably; partitioned deduplication gives the
clusters of the single process."""

from __future__ import annotations

import json
import random
from datetime import date, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from sitrep.cli_run import run
from sitrep.dedup import Constraints, find_clusters
from sitrep.dedup.partitioned import components, find_clusters_partitioned
from sitrep.engines.batch import RunOptions, run_batch
from sitrep.engines.dask import DaskOptions, code_partition, dask_client, run_dask
from sitrep.records import Article, Event
from sitrep.store import EventStore

# Articles written for these tests in the style of Sahel news wires.
ARTICLES = [
    {
        "id": "boulkessi",
        "source": "Agence Sahel Presse",
        "published": "2024-02-06",
        "text": "Des hommes armés ont attaqué lundi le poste militaire de Boulkessi, dans la province du "
        "Soum, au Burkina Faso. Huit soldats ont été tués et plusieurs autres blessés, selon une source "
        "sécuritaire. Les assaillants se sont repliés vers la frontière malienne.",
    },
    {
        "id": "niamey",
        "source": "Le Républicain",
        "published": "2024-02-10",
        "text": "Plusieurs centaines de personnes ont manifesté samedi à Niamey pour réclamer le départ des "
        "troupes étrangères. La marche s'est déroulée dans le calme, a constaté notre correspondant.",
    },
    {
        "id": "menaka",
        "source": "Studio Tamani",
        "published": "2024-02-12",
        "text": "Trois commerçants ont été enlevés dimanche par des individus armés non identifiés près de "
        "Ménaka, dans le nord-est du Mali, ont rapporté des habitants joints par téléphone.",
    },
    {
        "id": "kidal",
        "source": "Agence Sahel Presse",
        "published": "2024-02-15",
        "text": "L'armée malienne a annoncé mercredi avoir mené une frappe aérienne près de Kidal contre un "
        "groupe terroriste, tuant une dizaine de combattants. Cette information n'a pas pu être "
        "confirmée de source indépendante.",
    },
    {
        "id": "boulkessi-bis",
        "source": "Radio Omega",
        "published": "2024-02-06",
        "text": "Le détachement militaire de Boulkessi, dans la province du Soum au Burkina Faso, a été la "
        "cible d'une attaque lundi. Selon des sources locales, sept militaires auraient perdu la vie dans "
        "les combats.",
    },
    {
        "id": "coton",
        "source": "Sidwaya",
        "published": "2024-02-14",
        "text": "La campagne cotonnière s'annonce prometteuse cette année au Burkina Faso, où les "
        "producteurs attendent une hausse de la production grâce à de bonnes pluies.",
    },
]


@pytest.fixture(scope="module")
def client(default_gazetteer):
    """Two Dask worker processes; the session's gazetteer is built before they start (they open it)."""
    with dask_client(workers=2) as active:
        yield active


@pytest.fixture
def inputs(tmp_path) -> Path:
    path = tmp_path / "wire.jsonl"
    path.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in ARTICLES), encoding="utf-8")
    return path


def events_of(db: Path) -> list[dict]:
    with EventStore.open(db) as store:
        return sorted((e.to_dict() for e in store.events()), key=lambda e: e["event_id"])


def statuses_of(db: Path) -> dict[str, tuple[str, str | None]]:
    with EventStore.open(db) as store:
        return store.article_states([a.id for a in store.articles()])


def options(tmp_path: Path, **overrides) -> DaskOptions:
    return DaskOptions(partition_size=2, run_dir=tmp_path / "parts", **overrides)


# -- the engine -------------------------------------------------------------------------------------


def test_dask_and_local_engines_store_the_same_events(inputs, tmp_path, pipeline, client):
    with EventStore.open(tmp_path / "local.db") as store:
        local = run_batch([inputs], store=store, options=RunOptions(workers=1), pipeline=pipeline)
    with EventStore.open(tmp_path / "dask.db") as store:
        distributed = run_dask(
            [inputs], store=store, options=options(tmp_path), pipeline=pipeline, client=client
        )
    expected = events_of(tmp_path / "local.db")
    assert len(expected) >= 4 and {e["article_id"] for e in expected} >= {"boulkessi", "niamey", "kidal"}
    assert events_of(tmp_path / "dask.db") == expected
    assert statuses_of(tmp_path / "dask.db") == statuses_of(tmp_path / "local.db")
    assert (distributed.articles, distributed.extracted, distributed.events) == (
        local.articles,
        local.extracted,
        local.events,
    )
    assert not list((tmp_path / "parts").glob("*")), "partition files are deleted once stored"


def test_a_run_stopped_halfway_then_run_again_codes_only_the_rest(inputs, tmp_path, pipeline, client):
    half = tmp_path / "half.jsonl"
    half.write_text(
        "".join(inputs.read_text(encoding="utf-8").splitlines(keepends=True)[:3]), encoding="utf-8"
    )
    db = tmp_path / "resumed.db"
    with EventStore.open(db) as store:
        first = run_dask([half], store=store, options=options(tmp_path), pipeline=pipeline, client=client)
        again = run_dask([inputs], store=store, options=options(tmp_path), pipeline=pipeline, client=client)
    assert first.extracted == 3
    assert (again.reused, again.extracted) == (3, len(ARTICLES) - 3)
    with EventStore.open(tmp_path / "whole.db") as store:
        run_dask([inputs], store=store, options=options(tmp_path), pipeline=pipeline, client=client)
    assert events_of(db) == events_of(tmp_path / "whole.db")
    assert statuses_of(db) == statuses_of(tmp_path / "whole.db")


def test_partition_files_left_by_a_killed_run_are_stored_without_coding_again(
    inputs, tmp_path, pipeline, client
):
    db = tmp_path / "left.db"
    run_dir = tmp_path / "parts"
    articles = [
        Article(id=a["id"], text=a["text"], published=date.fromisoformat(a["published"])) for a in ARTICLES
    ]
    with EventStore.open(db) as store:
        # What a run killed between coding a partition and storing it leaves behind.
        for article in articles:
            store.add_article(article)
        run_dir.mkdir()
        text = client.submit(code_partition, options(tmp_path).spec, articles[:4], pure=False).result()
        (run_dir / "part-1-000001-test.jsonl").write_text(text, encoding="utf-8")
        summary = run_dask([inputs], store=store, options=options(tmp_path), pipeline=pipeline, client=client)
        states = store.article_states([a.id for a in articles])
    assert (summary.reused, summary.extracted) == (4, 2)
    assert all(states[a.id] == ("extracted", pipeline.version) for a in articles)
    assert not run_dir.exists() or not list(run_dir.iterdir())


def test_sitrep_run_engine_dask_with_a_scheduler_address(inputs, tmp_path, client):
    db = tmp_path / "cli.db"
    address = client.scheduler.address  # a running cluster, as on a real one
    args = [str(inputs), "--db", str(db), "--engine", "dask", "--scheduler", address, "--no-progress"]
    result = CliRunner().invoke(run, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert f"{len(ARTICLES)} articles read ({len(ARTICLES)} new, 0 already stored)" in result.stderr
    assert "Scheduler" not in result.stderr  # Dask's own chatter stays out of the output
    with EventStore.open(db) as store:
        # The two reports of the Boulkessi attack are merged after the run, as with the local engine.
        [attack] = [e for e in store.merged_events() if "boulkessi" in {s.article_id for s in e.sources}]
        assert {s.article_id for s in attack.sources} == {"boulkessi", "boulkessi-bis"}


def test_an_unreachable_scheduler_is_reported_by_address(monkeypatch):
    from sitrep.engines import dask as engine
    from sitrep.errors import SitrepError

    monkeypatch.setattr(engine, "CONNECT_TIMEOUT", 2)
    with pytest.raises(SitrepError, match="cannot reach the Dask scheduler at tcp://127.0.0.1:9"):
        with dask_client(scheduler="tcp://127.0.0.1:9"):
            pass


def test_scheduler_needs_the_dask_engine(inputs, tmp_path):
    result = CliRunner().invoke(run, [str(inputs), "--scheduler", "tcp://127.0.0.1:1"])
    assert result.exit_code != 0 and "--scheduler needs --engine dask" in result.output


# -- partitioned deduplication --------------------------------------------------------------------------

COUNTRIES = [
    # iso2, name, latitude, longitude: a high latitude (wide grid cells) and a country known by name only
    ("ML", "Mali", 14.5, -4.0),
    ("UA", "Ukraine", 49.0, 31.0),
    ("NO", "Norway", 69.5, 19.0),
    (None, "Somaliland", 9.5, 45.0),
]
TYPES = ["Armed clash", "Attack", "Air/drone strike", "Shelling/artillery/missile attack", "Peaceful protest"]


def synthetic(n_happenings: int, *, seed: int) -> list[Event]:
    """Happenings told by 1 to 4 reports, crowded around month ends (so that many are told across
    two months), some dated to the week or month, placed to the town, near it, to the region or the
    country only, some at a namesake town hundreds of km away."""
    rng = random.Random(seed)
    events: list[Event] = []
    for h in range(n_happenings):
        iso2, country, lat0, lon0 = rng.choice(COUNTRIES)
        month_end = date(2023, rng.randint(1, 12), 1) - timedelta(days=1)
        day = month_end + timedelta(days=rng.randint(-3, 3))
        town = rng.randint(0, 12)
        lat, lon = lat0 + town * 0.05, lon0 + town * 0.04
        sub = rng.choice(TYPES)
        toll = rng.choice([0, 0, 2, 5, 12])
        for r in range(rng.randint(1, 4)):
            precision = rng.choices([1, 2, 3], [0.85, 0.1, 0.05])[0]
            when = day + timedelta(days=rng.choice([-1, 0, 0, 1]))
            if precision == 3:
                when = when.replace(day=15)
            place = rng.random()
            values = {"location": f"Town {town}", "admin1": f"Region {town % 3}", "geo_precision": 1}
            values |= {"latitude": lat, "longitude": lon}
            if place > 0.95:  # a namesake far away
                values |= {"latitude": lat + 3.0, "longitude": lon + 2.5}
            elif place > 0.85:
                values |= {"latitude": None, "longitude": None, "location": None, "geo_precision": 3}
            elif place > 0.8:
                values |= {"location": None, "admin1": None, "latitude": None, "longitude": None}
            events.append(
                Event(
                    event_id=f"e{h:05d}-{r}",
                    article_id=f"a{h:05d}-{r}",
                    event_date=when.isoformat(),
                    time_precision=precision,
                    event_type="",
                    sub_event_type=sub if rng.random() < 0.9 else rng.choice(TYPES),
                    actor1=rng.choice([f"Group {h % 5}", "Unidentified Armed Group", None]),
                    country=country,
                    iso2=iso2,
                    fatalities=toll if rng.random() < 0.8 else 0,
                    factuality=rng.choice(["asserted", "reported", "unconfirmed", "hypothetical"]),
                    **values,
                )
            )
    rng.shuffle(events)
    return events


def month_of(event: Event) -> str:
    return event.event_date[:7]


def test_partitioned_dedup_gives_exactly_the_clusters_of_the_single_process(client, monkeypatch):
    from sitrep.dedup import partitioned

    monkeypatch.setattr(partitioned, "SHIP_ROWS", 400)  # partitions reach the workers in several pieces
    events = synthetic(900, seed=3)
    single = find_clusters(events)
    partitioned = find_clusters_partitioned(events, client=client)
    assert partitioned.groups == single.groups
    assert (partitioned.candidates, partitioned.links) == (single.candidates, single.links)
    # The input makes that hard: many happenings are told across two months (and two years).
    straddling = [g for g in single.groups if len({month_of(events[k]) for k in g}) > 1]
    assert len(straddling) >= 50
    assert any({events[k].event_date[:4] for k in g} == {"2022", "2023"} for g in straddling)


def test_partitions_without_the_overlap_would_cut_happenings_at_month_ends(client):
    # The check the test above relies on: clustering each country's month alone gives other clusters.
    events = synthetic(300, seed=5)
    single = {frozenset(events[k].event_id for k in g) for g in find_clusters(events).groups}
    by_part: dict[tuple[str | None, str], list[Event]] = {}
    for event in events:
        by_part.setdefault((event.country, month_of(event)), []).append(event)
    naive = {
        frozenset(part[k].event_id for k in g)
        for part in by_part.values()
        for g in find_clusters(part).groups
    }
    assert naive != single


def test_partitioned_dedup_obeys_analysts_decisions_and_existing_clusters(client):
    events = synthetic(400, seed=11)
    ids = sorted(e.event_id for e in events)
    rng = random.Random(2)
    constraints = Constraints(
        together=tuple(tuple(rng.sample(ids, 2)) for _ in range(15)),
        apart=tuple(tuple(rng.sample(ids, 2)) for _ in range(15)),
        existing=tuple(tuple(rng.sample(ids, 3)) for _ in range(10)),
    )
    single = find_clusters(events, constraints=constraints)
    assert find_clusters_partitioned(events, client=client, constraints=constraints).groups == single.groups


def test_no_events_no_clusters(client):
    assert find_clusters_partitioned([], client=client).groups == []


def test_components_of_a_graph():
    import numpy as np

    label = components(7, np.array([0, 5, 3, 2]), np.array([1, 6, 2, 4]))
    assert label.tolist() == [0, 0, 2, 2, 2, 5, 5]
