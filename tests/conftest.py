"""Shared fixtures: a store per test, the shared data folder, one pipeline per session."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(autouse=True)
def _isolated_store(tmp_path, monkeypatch):
    # No test writes to the user's real event store.
    monkeypatch.setenv("SITREP_DB", str(tmp_path / "sitrep.db"))


@pytest.fixture
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared (the project's shared data) is not next to the repository")
    return SHARED


@pytest.fixture(scope="session")
def pipeline():
    """The real French pipeline with the default gazetteer (built once, in the user data dir)."""
    from sitrep.pipeline import Pipeline

    return Pipeline()
