"""The JSON API of `sitrep serve`, in-process (httpx through FastAPI's TestClient), on a store made by
the real pipeline from the bundled examples and two happenings of the clusters gold set."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from importlib import resources
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from sitrep.cli import cli
from sitrep.errors import SitrepError
from sitrep.store import EventStore
from sitrep.web import api, create_app

REPO = Path(__file__).resolve().parents[1]
GOLD_CLUSTERS = {"c01-ml-menaka-marche", "c02-bf-gorom-gorom-detachement"}
TOKEN = "a-test-token-long-enough"


@pytest.fixture(scope="module")
def store_path(tmp_path_factory, pipeline) -> Path:
    from sitrep.dedup.incremental import deduplicate
    from sitrep.engines.local import process

    folder = tmp_path_factory.mktemp("api")
    gold = [json.loads(line) for line in (REPO / "eval/gold/clusters.jsonl").read_text("utf-8").splitlines()]
    picked = folder / "reports.jsonl"
    picked.write_text("\n".join(json.dumps(a) for a in gold if a.get("cluster") in GOLD_CLUSTERS), "utf-8")
    examples = Path(str(resources.files("sitrep").joinpath("examples/sahel-example.jsonl")))
    path = folder / "sitrep.db"
    with EventStore.open(path) as store:
        process([examples, picked], store=store, pipeline=pipeline)
        deduplicate(store)
    return path


@pytest.fixture(scope="module")
def client(store_path) -> TestClient:
    with TestClient(create_app(store_path)) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def everything(client) -> list[dict]:
    answer = client.get("/api/events", params={"limit": 1000}).json()
    assert answer["next_cursor"] is None
    return answer["events"]


def _ids(events) -> list[str]:
    return [e["event_id"] for e in events]


def test_the_listing_is_the_merged_events_that_sitrep_events_shows(client, store_path, everything):
    with EventStore.open(store_path) as store:
        merged = list(store.merged_events())
    assert sorted(_ids(everything)) == sorted(e.event_id for e in merged)
    assert client.get("/api/events", params={"total": "true"}).json()["total"] == len(merged)
    assert client.get("/api/events").json()["total"] is None  # counting is asked for
    assert any(len(e["sources"]) >= 2 for e in everything), "the gold reports should merge"
    dates = [e["event_date"] for e in everything]
    assert dates == sorted(dates, reverse=True)  # newest first by default


def test_unmerged_lists_every_article_s_own_records(client, store_path):
    with EventStore.open(store_path) as store:
        raw = sorted(e.event_id for e in store.events())
    answer = client.get("/api/events", params={"unmerged": "true", "limit": 1000}).json()
    assert sorted(_ids(answer["events"])) == raw


@pytest.mark.parametrize(
    ("params", "keep"),
    [
        ({"country": "ml"}, lambda e: e["iso2"] == "ML"),
        ({"country": "burkina faso"}, lambda e: e["country"] == "Burkina Faso"),
        ({"event_type": "Battles"}, lambda e: e["event_type"] == "Battles"),
        ({"event_type": "Battles,Protests"}, lambda e: e["event_type"] in ("Battles", "Protests")),
        ({"sub_event_type": "Attack"}, lambda e: e["sub_event_type"] == "Attack"),
        ({"factuality": ["asserted", "reported"]}, lambda e: e["factuality"] in ("asserted", "reported")),
        ({"since": "2024-01-01"}, lambda e: e["event_date"] >= "2024-01-01"),
        ({"until": "2023-12-31"}, lambda e: e["event_date"] <= "2023-12-31"),
        ({"actor": "jnim"}, lambda e: "jnim" in f"{e['actor1']} {e['actor2']}".lower()),
        ({"admin1": "TILLABERI"}, lambda e: (e["admin1"] or "").lower() == "tillaberi"),
        ({"q": "boni"}, lambda e: "boni" in (e["location"] or "").lower()),
        (
            {"bbox": "-6,12,0,17"},
            lambda e: e["latitude"] is not None and 12 <= e["latitude"] <= 17 and -6 <= e["longitude"] <= 0,
        ),
    ],
)
def test_each_filter_keeps_exactly_the_matching_events(client, everything, params, keep):
    expected = sorted(e["event_id"] for e in everything if keep(e))
    answer = client.get("/api/events", params={**params, "limit": 1000, "total": "true"}).json()
    assert sorted(_ids(answer["events"])) == expected
    assert answer["total"] == len(expected)


def test_filters_match_nothing_rather_than_everything(client, everything):
    assert everything
    for params in ({"country": "Atlantis"}, {"q": "%"}, {"actor": "_"}, {"bbox": "170,-10,175,-5"}):
        assert client.get("/api/events", params=params).json()["events"] == [], params


@pytest.mark.parametrize("sort", ["-date", "date", "-fatalities", "fatalities"])
def test_cursor_pages_walk_the_whole_listing_in_order_without_repeats(client, everything, sort):
    seen, cursor = [], None
    while True:
        params = {"limit": 2, "sort": sort, **({"cursor": cursor} if cursor else {})}
        page = client.get("/api/events", params=params).json()
        seen += page["events"]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert sorted(_ids(seen)) == sorted(_ids(everything))
    assert len(set(_ids(seen))) == len(seen)
    field = "event_date" if sort.endswith("date") else "fatalities"
    values = [(e[field], e["event_id"]) for e in seen]
    assert values == sorted(values, reverse=sort.startswith("-"))


def test_geojson_and_csv_carry_the_same_events(client, everything):
    located = [e for e in everything if e["latitude"] is not None]
    collection = client.get("/api/events", params={"format": "geojson", "limit": 1000})
    assert collection.headers["content-type"].startswith("application/geo+json")
    features = collection.json()["features"]
    assert sorted(f["id"] for f in features) == sorted(_ids(everything))
    point = next(f for f in features if f["id"] == located[0]["event_id"])
    assert point["geometry"]["coordinates"] == [located[0]["longitude"], located[0]["latitude"]]
    table = client.get("/api/events", params={"format": "csv", "limit": 3, "total": "true"})
    rows = list(csv.DictReader(io.StringIO(table.text)))
    assert [r["event_id"] for r in rows] == _ids(everything)[:3]
    assert table.headers["x-total-count"] == str(len(everything))
    assert "x-next-cursor" in table.headers


def test_one_merged_event_has_its_sources_evidence_and_articles(client, everything):
    merged = max(everything, key=lambda e: len(e["sources"]))
    answer = client.get(f"/api/events/{merged['event_id']}").json()
    assert answer["kind"] == "merged"
    assert answer["cluster_id"] == merged["event_id"]
    source_articles = {s["article_id"] for s in answer["sources"]}
    assert len(source_articles) >= 2
    assert {a["id"] for a in answer["articles"]} == source_articles
    assert {ev["article_id"] for ev in answer["evidence"]} <= source_articles
    assert answer["corroboration"]["outlets"] >= 1
    member = answer["members"][0]
    raw = client.get(f"/api/events/{member}").json()
    assert raw["kind"] == "record"
    assert raw["cluster_id"] == merged["event_id"]


def test_an_article_gives_its_text_and_spans_that_point_into_it(client, everything):
    article_id = everything[0]["sources"][0]["article_id"]
    answer = client.get(f"/api/articles/{article_id}").json()
    assert answer["text"] and answer["spans"]
    for span in answer["spans"]:
        assert answer["text"][span["start"] : span["end"]] == span["text"]
    assert {"trigger", "location"} <= {span["field"] for span in answer["spans"]}


def test_unknown_ids_are_404(client):
    for path in ("/api/events/no-such-event", "/api/articles/no-such-article", "/api/events/%27%20OR%201=1"):
        response = client.get(path)
        assert response.status_code == 404, path
        assert "no " in response.json()["detail"]


@pytest.mark.parametrize(
    ("params", "name"),
    [
        ({"since": "2024-13-01"}, "since"),
        ({"since": "2024-05-01", "until": "2024-04-01"}, "until"),
        ({"event_type": "Battle"}, "event_type"),
        ({"sub_event_type": "Armed clash,Picnic"}, "sub_event_type"),
        ({"factuality": "probable"}, "factuality"),
        ({"limit": "100000"}, "limit"),
        ({"limit": "0"}, "limit"),
        ({"bbox": "1,2,3"}, "bbox"),
        ({"bbox": "0,80,10,20"}, "bbox"),
        ({"sort": "location"}, "sort"),
        ({"format": "xml"}, "format"),
        ({"cursor": "not-a-cursor"}, "cursor"),
        ({"q": "x" * 500}, "q"),
        ({"country": "Mali\x00"}, "country"),
        ({"unmerged": "perhaps"}, "unmerged"),
    ],
)
def test_a_bad_parameter_is_a_422_that_names_it(client, params, name):
    response = client.get("/api/events", params=params)
    assert response.status_code == 422
    body = response.json()
    assert name in body["message"]
    assert body["detail"][0]["loc"][-1] == name


def test_a_cursor_from_another_sort_order_is_refused(client):
    cursor = client.get("/api/events", params={"limit": 1, "sort": "date"}).json()["next_cursor"]
    response = client.get("/api/events", params={"cursor": cursor, "sort": "-fatalities"})
    assert response.status_code == 422 and "sort" in response.json()["message"]


def test_stats_count_by_week_type_country_and_factuality(client, everything):
    stats = client.get("/api/stats").json()
    assert stats["total"] == len(everything)
    assert sum(w["total"] for w in stats["by_week"]) == len(everything)
    assert all(date.fromisoformat(w["week"]).weekday() == 0 for w in stats["by_week"])
    for key, field in (("by_type", "event_type"), ("by_factuality", "factuality"), ("by_country", "country")):
        expected: dict[str, int] = {}
        for e in everything:
            expected[e[field]] = expected.get(e[field], 0) + 1
        assert stats[key] == expected
    only_mali = client.get("/api/stats", params={"country": "ML"}).json()
    assert set(only_mali["by_country"]) == {"Mali"}


def test_the_map_lists_points_and_counts_cells_when_there_are_too_many(client, everything, monkeypatch):
    located = [e for e in everything if e["latitude"] is not None]
    points = client.get("/api/map").json()
    assert points["mode"] == "points"
    assert sorted(p["id"] for p in points["points"]) == sorted(_ids(located))
    monkeypatch.setattr(api, "MAX_POINTS", 1)
    cells = client.get("/api/map", params={"zoom": 3}).json()
    assert cells["mode"] == "cells"
    assert sum(c["count"] for c in cells["cells"]) == len(located)
    assert all(sum(c["by_type"].values()) == c["count"] for c in cells["cells"])


def test_the_openapi_schema_documents_the_endpoints_and_no_cdn_docs_page_is_served(client):
    schema = client.get("/api/openapi.json").json()
    assert {"/api/events", "/api/events/{event_id}", "/api/articles/{article_id}", "/api/stats"} <= set(
        schema["paths"]
    )
    names = {p["name"] for p in schema["paths"]["/api/events"]["get"]["parameters"]}
    assert {"country", "admin1", "since", "until", "event_type", "bbox", "q", "cursor", "format"} <= names
    assert client.get("/docs").status_code == 404
    assert not any(p.startswith("/api/edit") for p in schema["paths"])  # read-only by default


def test_no_cors_and_strict_security_headers(client):
    response = client.get("/api/events", headers={"Origin": "https://elsewhere.example"})
    assert "access-control-allow-origin" not in response.headers
    preflight = client.options(
        "/api/events",
        headers={"Origin": "https://elsewhere.example", "Access-Control-Request-Method": "GET"},
    )
    assert "access-control-allow-origin" not in preflight.headers
    assert "default-src 'self'" in response.headers["content-security-policy"]
    assert response.headers["x-content-type-options"] == "nosniff"


def test_edits_need_the_flag_and_the_token_and_are_audited(store_path, client, everything):
    merged = next(e for e in everything if len(e.get("member_event_ids", [])) >= 2)
    leaving = merged["member_event_ids"][0]
    assert client.post("/api/edit/split", json={"event_ids": [leaving]}).status_code in (404, 405)
    with pytest.raises(SitrepError, match="token"):
        create_app(store_path, allow_edit=True, token="short")
    with TestClient(create_app(store_path, allow_edit=True, token=TOKEN)) as editing:
        body = {"event_ids": [leaving], "note": "two attacks"}
        assert editing.post("/api/edit/split", json=body).status_code == 401
        wrong = {"Authorization": "Bearer not-the-token-at-all"}
        assert editing.post("/api/edit/split", json=body, headers=wrong).status_code == 401
        auth = {"Authorization": f"Bearer {TOKEN}"}
        split = editing.post("/api/edit/split", json=body, headers=auth)
        assert split.status_code == 200, split.text
        new_id = split.json()["created"][0]
        assert editing.get(f"/api/events/{leaving}").json()["cluster_id"] == new_id
        again = editing.post("/api/edit/merge", json={"ids": [merged["event_id"], new_id]}, headers=auth)
        assert again.status_code == 200, again.text
        refused = editing.post("/api/edit/merge", json={"ids": ["nothing-1", "nothing-2"]}, headers=auth)
        assert refused.status_code == 409 and "neither" in refused.json()["detail"]
        trail = editing.get("/api/edit/audit", headers=auth).json()["edits"]
    assert [t["action"] for t in trail] == ["merge", "split"]
    assert trail[1]["request"] == body and trail[1]["result"]["created"] == [new_id]
    assert TOKEN not in json.dumps(trail) and trail[0]["editor"].startswith("token:")
    with EventStore.open(store_path) as store:
        assert store.cluster_of(leaving) == merged["event_id"]


def test_the_page_says_how_to_build_missing_assets(client, tmp_path, monkeypatch):
    import sitrep.web.assets as assets

    monkeypatch.setattr(assets, "VENDOR_DIR", tmp_path)
    page = client.get("/")
    assert page.status_code == 503 and "build-web-assets.sh" in page.text


def test_serve_fails_clearly_without_assets_or_store_and_binds_to_loopback(store_path, tmp_path, monkeypatch):
    import uvicorn

    import sitrep.web.assets as assets

    started = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: started.update(app=app, **kw))
    runner = CliRunner()
    built = assets.VENDOR_DIR
    monkeypatch.setattr(assets, "VENDOR_DIR", tmp_path / "vendor")
    result = runner.invoke(cli, ["serve", "--db", str(store_path)])
    assert result.exit_code == 1 and "build-web-assets.sh" in result.output
    fake = tmp_path / "vendor"
    fake.mkdir()
    for name in assets.VENDOR_FILES:
        (fake / name).write_text("x")
    result = runner.invoke(cli, ["serve", "--db", str(tmp_path / "missing.db")])
    assert result.exit_code == 1 and "no event store" in result.output
    result = runner.invoke(cli, ["serve", "--db", str(store_path), "--port", "8123"])
    assert result.exit_code == 0, result.output
    assert started["host"] == "127.0.0.1" and started["port"] == 8123
    with TestClient(started["app"]) as served:
        assert served.get("/api/events").status_code == 400  # Host "testserver" is not loopback
        assert served.get("/api/events", headers={"Host": "127.0.0.1:8123"}).status_code == 200
    assert built.name == "vendor"
