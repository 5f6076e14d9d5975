"""The `sitrep` command, run in-process; results checked through the library."""

from __future__ import annotations

import json

from click.testing import CliRunner

from sample_articles import ATTACK, CLASH
from sitrep.cli import cli
from sitrep.store import EventStore


def _run(args, **kw):
    result = CliRunner().invoke(cli, args, catch_exceptions=False, **kw)
    return result


def test_mixed_good_and_bad_inputs(tmp_path):
    good = tmp_path / "good.jsonl"
    good.write_text(
        json.dumps({"id": "a1", "text": ATTACK, "published": "2023-03-10", "source": "X"}, ensure_ascii=False)
        + "\n{broken json\n"
        + json.dumps(
            {"id": "a2", "text": CLASH, "published": "2023-03-10", "source": "Y"}, ensure_ascii=False
        )
        + "\n",
        encoding="utf-8",
    )
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    latin = tmp_path / "latin1.txt"
    latin.write_bytes(ATTACK.replace("Djibo", "Dori").encode("cp1252"))
    db = tmp_path / "events.db"

    result = _run(["extract", str(tmp_path), "--db", str(db), "--published", "2023-03-10"])

    assert result.exit_code == 0
    err = result.stderr
    assert "empty.txt" in err and "binary.txt" in err
    assert "good.jsonl:2" in err
    assert "latin1.txt" in err and "Windows-1252" in err
    assert "Traceback" not in err
    printed = [json.loads(line) for line in result.stdout.splitlines()]
    assert {e["article_id"] for e in printed} >= {"a1", "a2"}
    with EventStore.open(db) as store:
        stored = {a.id for a in store.articles()}
        assert {"a1", "a2"} <= stored
        assert len(stored) == 3  # the two JSON lines and the Windows-1252 file
        assert store.count_events() == len(printed)
        assert any("Dori" in a.text for a in store.articles())


def test_same_article_twice_is_stored_once(tmp_path):
    one, two = tmp_path / "one.txt", tmp_path / "two.txt"
    one.write_text(ATTACK, encoding="utf-8")
    two.write_text("\n" + ATTACK + "\n", encoding="utf-8")
    db = tmp_path / "events.db"
    assert _run(["ingest", str(one), str(two), "--db", str(db), "--published", "2023-03-10"]).exit_code == 0
    with EventStore.open(db) as store:
        assert len(list(store.articles())) == 1


def test_events_and_export_read_the_store(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text(CLASH, encoding="utf-8")
    db = str(tmp_path / "events.db")
    _run(["ingest", str(src), "--db", db, "--published", "2023-03-10"])
    listed = _run(["events", "--db", db, "--country", "NE", "--format", "jsonl"])
    rows = [json.loads(line) for line in listed.stdout.splitlines()]
    assert rows and all(r["iso2"] == "NE" for r in rows)
    out = tmp_path / "events.csv"
    exported = _run(["export", "--db", db, "--format", "acled-csv", "--out", str(out)])
    assert exported.exit_code == 0
    header = out.read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("event_id_cnty,event_date,year,time_precision")


def test_a_missing_gold_file_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(cli, ["eval", str(tmp_path / "nope.jsonl")])
    assert result.exit_code != 0
    assert "nope.jsonl" in result.output
    assert "Traceback" not in result.output


def test_every_command_has_help():
    for command in ["ingest", "extract", "events", "export", "eval", "demo", "gazetteer", "geocode"]:
        result = _run([command, "--help"])
        assert result.exit_code == 0
        assert len(result.output.splitlines()) > 4, command


def test_export_parquet_writes_a_folder_duckdb_reads(tmp_path):
    duckdb = __import__("pytest").importorskip("duckdb")
    articles = tmp_path / "news.jsonl"
    articles.write_text(
        json.dumps({"id": "p1", "text": CLASH, "published": "2023-03-10", "source": "X"}, ensure_ascii=False)
        + "\n",
        encoding="utf-8",
    )
    db = tmp_path / "store.db"
    assert _run(["ingest", str(articles), "--db", str(db)]).exit_code == 0
    assert _run(["export", "--format", "parquet", "--db", str(db)]).exit_code != 0  # needs --out
    out = tmp_path / "events"
    assert _run(["export", "--format", "parquet", "--out", str(out), "--db", str(db)]).exit_code == 0
    rows = duckdb.sql(
        f"SELECT country, sub_event_type FROM read_parquet('{out}/**/*.parquet', hive_partitioning = true)"
    ).fetchall()
    assert rows == [("Niger", "Armed clash")]


def test_eval_report_lists_only_as_many_errors_as_asked(tmp_path):
    # A held-out set is scored in the report without its errors: --errors 0 keeps it unread.
    gold = tmp_path / "held.jsonl"
    line = {
        "id": "held-1",
        "published": "2024-03-06",
        "language": "fr",
        "text": "Le prix du mil a encore augmenté cette semaine sur les marchés de Niamey.",
        "events": [{"event_type": "Battles", "sub_event_type": "Armed clash", "event_date": "2024-03-04"}],
    }
    gold.write_text(json.dumps(line) + "\n", encoding="utf-8")
    for errors, listed in ((0, False), (5, True)):
        report = tmp_path / f"report{errors}.md"
        result = _run(["eval", str(gold), "--report", str(report), "--errors", str(errors)])
        assert result.exit_code == 0, result.output
        assert ("held-1: missed gold" in report.read_text(encoding="utf-8")) is listed
