"""`sitrep run` and the batch engine: resumable, idempotent, parallel, never stopped by one bad article;
the relevance prefilter is tested in test_prefilter.py."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from sample_articles import ATTACK, CLASH, FOOTBALL
from sitrep.cli_run import run
from sitrep.engines.batch import RunOptions, run_batch
from sitrep.engines.progress import estimate_articles
from sitrep.records import content_id
from sitrep.store import EventStore

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO / "eval" / "gold"

GERMAN = (
    "Bewaffnete haben am Donnerstag das Dorf Djibo im Norden von Burkina Faso angegriffen und fünf "
    "Zivilisten getötet, wie örtliche Quellen sagten."
)


def invoke(args: list[str]):
    return CliRunner().invoke(run, args, catch_exceptions=False)


def stored_events(db: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT event_id, record FROM events ORDER BY event_id").fetchall()


def statuses(db: Path) -> dict[str, str]:
    with sqlite3.connect(db) as conn:
        return dict(conn.execute("SELECT id, status FROM articles").fetchall())


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.fixture
def mixed_inputs(tmp_path) -> Path:
    folder = tmp_path / "inputs"
    folder.mkdir()
    write_jsonl(
        folder / "wire.jsonl",
        [
            {"id": "attack", "text": ATTACK, "published": "2023-03-10", "source": "AIB"},
            {"id": "clash", "text": CLASH, "published": "2023-03-08", "source": "ActuNiger"},
        ],
    )
    (folder / "broken.jsonl").write_text('{"id": "x", "text": \n', encoding="utf-8")
    (folder / "de.txt").write_text(GERMAN, encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "page.html").write_text(
        f"<html><head><meta property='og:site_name' content='Le Pays'></head><body><p>{ATTACK}</p>"
        f"<p>{CLASH}</p></body></html>",
        encoding="utf-8",
    )
    return folder


def test_run_codes_stores_and_counts_everything(mixed_inputs, tmp_path):
    db = tmp_path / "run.db"
    result = invoke([str(mixed_inputs), "--db", str(db), "--published", "2023-03-10", "--no-progress"])
    assert result.exit_code == 0, result.output
    err = result.stderr
    assert "empty.txt: empty file" in err and "broken.jsonl:1" in err and "Traceback" not in err
    assert "4 articles read (4 new, 0 already stored); 3 coded" in err
    assert "1 in a language not supported yet" in err
    found = statuses(db)
    assert found["attack"] == found["clash"] == "extracted"
    assert sorted(found.values()).count("unsupported_language") == 1
    with EventStore.open(db) as store:
        assert {e.article_id for e in store.events()} >= {"attack", "clash"}
        [page] = [a for a in store.articles() if a.source == "Le Pays"]
        assert store.count_events(article_id=page.id) >= 1


def test_a_second_run_changes_nothing_and_codes_nothing(mixed_inputs, tmp_path):
    db = tmp_path / "run.db"
    args = [str(mixed_inputs), "--db", str(db), "--published", "2023-03-10", "--no-progress"]
    assert invoke(args).exit_code == 0
    first, first_statuses = stored_events(db), statuses(db)
    again = invoke(args)
    assert again.exit_code == 0
    assert "0 new, 4 already stored); 0 coded, 3 unchanged since the last run" in again.stderr
    assert stored_events(db) == first and statuses(db) == first_statuses


def test_progress_bar_shows_rate_eta_and_counts(mixed_inputs, tmp_path):
    result = invoke([str(mixed_inputs), "--db", str(tmp_path / "run.db"), "--progress"])
    assert result.exit_code == 0
    bar = result.stderr
    assert "0/6 [" in bar  # a total from the estimate at once, so an ETA
    assert "4/4 [" in bar and ("art/s" in bar or "s/art" in bar)  # done, with the rate
    for count in ("events=", "skipped=2", "unsupported=1", "failed=0"):
        assert count in bar


def test_estimate_counts_articles_without_parsing(mixed_inputs):
    # 2 JSON lines + 1 unreadable line + 2 text files + 1 page; the empty file counts too.
    assert estimate_articles([mixed_inputs]) == 6


def test_a_failing_article_is_stored_as_failed_and_the_run_goes_on(tmp_path, pipeline, monkeypatch):
    real = pipeline.extract_many

    def extract_many(articles, **options):
        for article in articles:
            if "POISON" in article.text:
                raise RuntimeError("parser exploded")
            yield from real([article], **options)

    monkeypatch.setattr(pipeline, "extract_many", extract_many)
    path = write_jsonl(
        tmp_path / "in.jsonl",
        [
            {"id": "ok-1", "text": ATTACK, "language": "fr"},
            {"id": "bad", "text": "POISON " + CLASH, "language": "fr"},
            {"id": "ok-2", "text": CLASH, "language": "fr"},
        ],
    )
    with EventStore.open(tmp_path / "run.db") as store:
        summary = run_batch([path], store=store, pipeline=pipeline)
        assert (summary.extracted, summary.failed) == (2, 1)
        assert {a.id for a in store.articles(status="failed")} == {"bad"}
        assert store.count_events(article_id="ok-2") >= 1
    with sqlite3.connect(tmp_path / "run.db") as conn:
        [(reason,)] = conn.execute("SELECT status_reason FROM articles WHERE id = 'bad'").fetchall()
    assert "parser exploded" in reason


def test_a_20000_character_sentence_goes_through(tmp_path, pipeline):
    clause = "des hommes armés ont attaqué le village de Boni près de Douentza, tuant trois civils"
    sentence = "Le 12 mars, " + ", puis ".join([clause] * (20_000 // len(clause) + 1)) + "."
    assert len(sentence) > 20_000 and sentence.count(".") == 1
    path = write_jsonl(tmp_path / "long.jsonl", [{"id": "long", "text": sentence, "published": "2023-03-14"}])
    with EventStore.open(tmp_path / "run.db") as store:
        summary = run_batch([path], store=store, pipeline=pipeline)
        assert (summary.extracted, summary.failed) == (1, 0)
        assert store.count_events(article_id="long") >= 1


def test_run_stops_with_a_message_on_a_store_it_cannot_open(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    result = CliRunner().invoke(run, [str(blocker), "--db", str(blocker / "sub" / "x.db")])
    assert result.exit_code == 1 and "Error:" in result.output and "Traceback" not in result.output


# --- interrupted runs ------------------------------------------------------------------------------------


def _children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as handle:
                    if int(handle.read().rsplit(")", 1)[1].split()[1]) == pid:
                        found.append(int(entry))
            except (OSError, IndexError, ValueError):
                continue
    return found


def _extracted(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=1) as conn:
            return conn.execute("SELECT COUNT(*) FROM articles WHERE status = 'extracted'").fetchone()[0]
    except sqlite3.OperationalError:  # not created yet
        return 0


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="finds the worker processes through /proc")
def test_kill_9_halfway_then_run_again_gives_the_uninterrupted_store(tmp_path, pipeline):
    corpus = GOLD / "dev.jsonl"
    total = sum(1 for line in corpus.open(encoding="utf-8") if line.strip())
    killed_db, reference_db = tmp_path / "killed.db", tmp_path / "reference.db"
    code = "import sys; from sitrep.cli_run import run; run(sys.argv[1:], prog_name='sitrep')"
    args = [str(corpus), "--db", str(killed_db), "--workers", "2", "--batch-size", "4", "--no-progress"]
    process = subprocess.Popen([sys.executable, "-c", code, *args], stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 240
        while _extracted(killed_db) < 8 and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
        workers = _children(process.pid)
        process.send_signal(signal.SIGKILL)
        process.wait()
        done_when_killed = _extracted(killed_db)
    finally:
        if process.poll() is None:
            process.kill()
    assert 8 <= done_when_killed < total, "the run was not stopped halfway"
    for pid in workers:  # orphaned workers notice that their parent is gone and stop
        for _ in range(200):
            if not Path(f"/proc/{pid}").exists() or "Z" in Path(f"/proc/{pid}/stat").read_text().split()[2]:
                break
            time.sleep(0.05)
        else:
            os.kill(pid, signal.SIGKILL)
            pytest.fail(f"worker {pid} outlived its killed parent")

    with EventStore.open(killed_db) as store:
        resumed = run_batch([corpus], store=store, pipeline=pipeline)
    with EventStore.open(reference_db) as store:
        run_batch([corpus], store=store, pipeline=pipeline)

    assert resumed.reused == done_when_killed and resumed.extracted == total - done_when_killed
    assert set(statuses(killed_db).values()) == {"extracted"}
    assert statuses(killed_db) == statuses(reference_db)
    assert stored_events(killed_db) == stored_events(reference_db)  # two workers gave one worker's events


# --- the prefilter (more in test_prefilter.py) ---------------------------------------------------


def test_prefiltered_articles_are_stored_coded_without_events(tmp_path, pipeline):
    path = write_jsonl(
        tmp_path / "in.jsonl",
        [
            {"id": "attack", "text": ATTACK, "language": "fr"},
            {"id": "match", "text": FOOTBALL, "language": "fr"},
        ],
    )
    with EventStore.open(tmp_path / "run.db") as store:
        summary = run_batch([path], store=store, pipeline=pipeline, options=RunOptions(prefilter=True))
        assert (summary.extracted, summary.prefiltered) == (1, 1)
        assert {a.id for a in store.articles(status="extracted")} == {"attack", "match"}
        assert store.count_events(article_id="match") == 0 and store.count_events(article_id="attack") >= 1
    assert "1 without any trigger word (not parsed)" in summary.describe()


def test_same_text_twice_in_one_run_is_coded_once(tmp_path, pipeline):
    path = write_jsonl(tmp_path / "in.jsonl", [{"text": ATTACK}, {"text": ATTACK}, {"text": CLASH}])
    with EventStore.open(tmp_path / "run.db") as store:
        summary = run_batch([path], store=store, pipeline=pipeline)
    assert (summary.articles, summary.new, summary.extracted) == (3, 2, 2)
    assert set(statuses(tmp_path / "run.db")) == {content_id(ATTACK), content_id(CLASH)}


def test_workers_code_with_their_own_model_and_the_run_process_never_loads_it(tmp_path, default_gazetteer):
    from sitrep.pipeline import Pipeline

    path = write_jsonl(
        tmp_path / "in.jsonl", [{"id": "attack", "text": ATTACK}, {"id": "match", "text": FOOTBALL}]
    )
    reader = Pipeline(gazetteer=default_gazetteer)
    with EventStore.open(tmp_path / "run.db") as store:
        summary = run_batch([path], store=store, pipeline=reader, options=RunOptions(workers=2, batch_size=1))
        assert store.count_events(article_id="attack") >= 1 and store.count_events(article_id="match") == 0
    assert (summary.extracted, summary.failed) == (2, 0)
    assert "nlp" not in vars(reader)  # the model was loaded by the workers only
