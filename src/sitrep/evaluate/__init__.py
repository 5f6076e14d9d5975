"""Evaluation: score extracted events against gold articles (shared/docs/event-record.md §3)."""

from __future__ import annotations

from sitrep.evaluate.gold import GoldArticle, read_gold
from sitrep.evaluate.report import Scorecard, format_scorecard, scorecard_markdown
from sitrep.evaluate.score import score

__all__ = ["GoldArticle", "Scorecard", "format_scorecard", "read_gold", "score", "scorecard_markdown"]
