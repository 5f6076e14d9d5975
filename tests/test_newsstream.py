"""The real non-conflict news check: reading MasakhaNEWS files, counting and listing what is coded."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.errors import GoldFormatError
from sitrep.evaluate.newsstream import check_news, news_markdown, read_topic_articles

# Our own short articles in the file's layout: category, headline, text, url.
ROWS = [
    (
        "sports",
        "Ligue 1 : Lens écrase Brest",
        "Les Lensois ont bombardé le but adverse dès la première minute. L'attaquant a trompé le gardien "
        "à la 12e minute, puis l'équipe a pris d'assaut la surface jusqu'au coup de sifflet final.",
        "https://example.org/sport-1",
    ),
    (
        "business",
        "Le prix du cacao recule",
        "Les cours du cacao ont reculé de 4 % mardi sur les marchés de Londres et de New York.",
        "https://example.org/eco-1",
    ),
    (
        "politics",
        "Attaque meurtrière près de Djibo",
        "Des hommes armés ont tué douze civils lundi dans un village près de Djibo, selon des sources "
        "locales.",
        "https://example.org/pol-1",
    ),
]


def _write(tmp_path: Path, rows, header="category\theadline\ttext\turl") -> Path:
    path = tmp_path / "news.tsv"
    lines = [header] + ["\t".join(row) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_only_articles_of_non_conflict_topics_are_read(tmp_path):
    read = read_topic_articles(_write(tmp_path, ROWS))
    assert sorted(topic for topic, _, _ in read) == ["business", "sports"]
    # the headline is the article's first paragraph
    assert all(article.text.startswith(("Ligue 1", "Le prix")) for _, _, article in read)


def test_a_file_without_the_columns_or_not_utf8_is_rejected_by_name(tmp_path):
    with pytest.raises(GoldFormatError, match="news.tsv.*category"):
        read_topic_articles(_write(tmp_path, [], header="topic\ttitle"))
    bad = tmp_path / "news.tsv"
    bad.write_bytes("category\theadline\ttext\nsports\tBut\tVictoire \xe9crasante".encode("latin-1"))
    with pytest.raises(GoldFormatError, match="news.tsv.*UTF-8"):
        read_topic_articles(bad)


def test_a_football_report_codes_nothing_and_the_politics_story_is_not_counted(tmp_path, pipeline):
    check = check_news(_write(tmp_path, ROWS), pipeline=pipeline)
    assert check.total == 2 and check.articles["sports"] == 1
    assert check.alarms == ()
    assert check.rate() == 0.0


def test_the_report_lists_alarms_of_read_files_and_only_counts_held_out_ones(tmp_path, pipeline):
    rows = [("health", "Une attaque contre un centre de santé", r[2], r[3]) for r in ROWS[2:]]
    check = check_news(_write(tmp_path, rows), pipeline=pipeline)
    assert len(check.alarms) == 1 and check.alarms[0].sub_event_type == "Attack"
    listed = news_markdown([check], listed=[check.source])
    assert "| news.tsv | 1 | 1 | 1.000 |" in listed and "Attack at Djibo" in listed
    assert "Attack at Djibo" not in news_markdown([check], listed=[])
