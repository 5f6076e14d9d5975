"""Gold annotations of real articles: joined to texts kept outside the repository, and checked."""

from __future__ import annotations

import hashlib
import json
from datetime import date
from pathlib import Path

import pytest

from sitrep.errors import GoldFormatError
from sitrep.evaluate.gold import read_gold
from sitrep.evaluate.textfrom import write_joined
from sitrep.records import Article

HEADLINE = "Niger : une embuscade près de Tillabéri"
BODY = "Des hommes armés ont tendu lundi une embuscade à une patrouille de l'armée près de Tillabéri."
TEXT = f"{HEADLINE}\n\n{BODY}"


def _texts(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    (root / "news").mkdir(parents=True)
    rows = ["category\theadline\ttext", "sports\tLens gagne\tFin du match.", f"politics\t{HEADLINE}\t{BODY}"]
    (root / "news" / "dev.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return root


def _annotation(tmp_path: Path, **pointer) -> Path:
    line = {
        "id": "real-1",
        "text_from": {"file": "news/dev.tsv", "row": 1, "sha1": hashlib.sha1(TEXT.encode()).hexdigest()}
        | pointer,
        "published": "2024-03-05",
        "language": "fr",
        "events": [{"event_type": "Battles", "sub_event_type": "Armed clash", "event_date": "2024-03-04"}],
    }
    path = tmp_path / "real.jsonl"
    path.write_text(json.dumps(line) + "\n", encoding="utf-8")
    return path


def test_an_annotation_joined_to_its_text_is_a_gold_article(tmp_path):
    [joined] = write_joined([_annotation(tmp_path)], _texts(tmp_path), tmp_path / "out")
    [article] = read_gold(joined)
    assert article.text == TEXT  # headline, blank line, body: as sitrep reads the news file
    assert article.published == "2024-03-05"
    assert article.events[0]["sub_event_type"] == "Armed clash"
    assert "text_from" not in json.loads(joined.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("pointer", "message"),
    [
        ({"row": 0}, "row 0 of news/dev.tsv is not the article that was coded"),
        ({"row": 7}, "news/dev.tsv has 2 data rows, no row 7"),
        ({"file": "news/test.tsv"}, "news/test.tsv, which is not under"),
        ({"file": "news/dev.json"}, "not a MasakhaNEWS .tsv file"),
    ],
)
def test_a_pointer_to_another_text_is_rejected_with_the_line(tmp_path, pointer, message):
    with pytest.raises(GoldFormatError, match="real.jsonl:1: .*" + message.replace(".", r"\.")):
        write_joined([_annotation(tmp_path, **pointer)], _texts(tmp_path), tmp_path / "out")


def test_the_real_annotations_point_at_the_shared_texts_unchanged(shared, tmp_path):
    # Every annotation of eval/gold/real names a row of ../shared/data whose text is the one coded.
    annotations = sorted((Path(__file__).parents[1] / "eval" / "gold" / "real").glob("*.jsonl"))
    if not annotations:
        pytest.skip("no annotation files in eval/gold/real")
    for joined in write_joined(annotations, shared / "data", tmp_path):
        articles = read_gold(joined)
        assert articles and all(a.text.strip() for a in articles)


def test_a_crowd_storming_an_airport_to_welcome_its_leader_is_no_battle(shared, tmp_path, pipeline):
    # Real copy (BBC Afrique, read set): "L'aéroport est pris d'assaut par ses militants venus lui
    # réserver un accueil chaleureux": a verb of fighting with nobody named fighting and no place.
    annotations = Path(__file__).parents[1] / "eval" / "gold" / "real" / "bbc-politics-read.jsonl"
    [joined] = write_joined([annotations], shared / "data", tmp_path)
    article = next(a for a in read_gold(joined) if a.id == "bbc-read-31")
    assert not article.events  # the coder saw no event in it either
    given = article.to_input() | {"published": date.fromisoformat(article.published or "")}
    coded = pipeline.extract(Article(**given))
    assert [e.sub_event_type for e in coded if e.event_type == "Battles"] == []
