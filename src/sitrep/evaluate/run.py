"""Running the pipeline over gold files and scoring it: what `sitrep eval` does."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from tqdm import tqdm

from sitrep.dedup import predicted_clusters
from sitrep.engines.coder import ArticleCoder, CoderSpec
from sitrep.errors import GoldFormatError
from sitrep.evaluate.gold import read_gold
from sitrep.evaluate.newsstream import check_news, news_markdown
from sitrep.evaluate.popcorn import check_popcorn, popcorn_markdown
from sitrep.evaluate.report import Scorecard, scorecard_markdown
from sitrep.evaluate.score import score
from sitrep.ingest import InputProblem, read_articles
from sitrep.pipeline import Pipeline


def write_report(
    paths: Iterable[str | Path],
    out: Path,
    *,
    pipeline: Pipeline,
    popcorn: Path | None = None,
    negative_news: Iterable[Path] = (),
    held_out_negative_news: Iterable[Path] = (),
    progress: bool = False,
    max_errors: int = 30,
) -> list[Scorecard]:
    """Score each gold file on its own and write all scorecards to one Markdown report, with the
    POPCORN check and the real non-conflict news check when their files are given (the events coded
    in `held_out_negative_news` are counted, not listed)."""
    paths = [Path(p) for p in paths]
    cards = [evaluate_files([path], pipeline=pipeline, progress=progress) for path in paths]
    lines = [
        "# sitrep evaluation report",
        "",
        f"Pipeline `{pipeline.version}`. Regenerate with `make report` "
        f"(`sitrep eval {' '.join(p.as_posix() for p in paths)} --report {out.as_posix()}`).",
        "Scoring follows docs/event-record.md §3. The gold sets are written by the project (see eval/gold/).",
        f"Gazetteer: {_gazetteer_summary(pipeline)}.",
        "",
    ]
    pairs = zip(cards, paths, strict=True)
    sections = [scorecard_markdown(card, path.name, max_errors=max_errors) for card, path in pairs]
    if len(paths) > 1:
        # Every gold article at once: the figure for the whole gold set.
        together = evaluate_files(paths, pipeline=pipeline, progress=progress)
        name = "all gold sets together (" + ", ".join(p.name for p in paths) + ")"
        sections.insert(0, scorecard_markdown(together, name, max_errors=0))
    if popcorn is not None:
        sections.append(popcorn_markdown(check_popcorn(popcorn, pipeline=pipeline), popcorn.name))
    listed, held_out = list(negative_news), list(held_out_negative_news)
    if listed or held_out:
        checks = [check_news(path, pipeline=pipeline) for path in listed + held_out]
        sections.append(news_markdown(checks, listed=[str(p) for p in listed]))
    out.write_text("\n".join(lines) + "\n" + "\n".join(sections), encoding="utf-8")
    return cards


def _gazetteer_summary(pipeline: Pipeline) -> str:
    info = pipeline.gazetteer.info()
    names = ", ".join(f["file"] for f in info.get("files", [])) or "none"
    return f"{info.get('places', '?')} places; GeoNames files imported: {names}"


def evaluate_files(
    paths: Iterable[str | Path], *, pipeline: Pipeline, progress: bool = False, prefilter: bool = False
) -> Scorecard:
    """Code every article of the gold files (in memory) and score the result; with `prefilter`, code
    them as `sitrep run --prefilter` does (what that costs in quality)."""
    paths = [Path(p) for p in paths]
    gold = [article for path in paths for article in read_gold(path)]
    problems: list[InputProblem] = []
    articles = list(read_articles(paths, on_problem=problems.append))
    skipped = [p for p in problems if p.skipped]
    if skipped:
        raise GoldFormatError(f"{skipped[0]} (gold articles must all be readable)")
    bar = tqdm(articles, desc="gold articles", unit="art", disable=not progress, leave=False)
    if prefilter:
        coder = ArticleCoder(CoderSpec(prefilter=True), pipeline=pipeline)
        predicted = {o.article_id: [e.to_dict() for e in o.events] for o in coder.code(list(bar))}
    else:
        predicted = {
            article.id: [event.to_dict() for event in events]
            for article, events in pipeline.extract_many(bar)
        }
    return score(gold, predicted, predicted_clusters=predicted_clusters(predicted))
