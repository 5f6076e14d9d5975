"""Running the pipeline over gold files and scoring it: what `sitrep eval` does."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from tqdm import tqdm

from sitrep.errors import GoldFormatError
from sitrep.evaluate.gold import read_gold
from sitrep.evaluate.report import Scorecard
from sitrep.evaluate.score import score
from sitrep.ingest import InputProblem, read_articles
from sitrep.pipeline import Pipeline


def evaluate_files(paths: Iterable[str | Path], *, pipeline: Pipeline, progress: bool = False) -> Scorecard:
    """Code every article of the gold files (in memory) and score the result."""
    paths = [Path(p) for p in paths]
    gold = [article for path in paths for article in read_gold(path)]
    problems: list[InputProblem] = []
    articles = list(read_articles(paths, on_problem=problems.append))
    skipped = [p for p in problems if p.skipped]
    if skipped:
        raise GoldFormatError(f"{skipped[0]} (gold articles must all be readable)")
    bar = tqdm(articles, desc="gold articles", unit="art", disable=not progress, leave=False)
    predicted = {
        article.id: [event.to_dict() for event in events] for article, events in pipeline.extract_many(bar)
    }
    return score(gold, predicted)
