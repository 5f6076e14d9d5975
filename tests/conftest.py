"""Shared fixtures: a store per test, the shared data folder, one default gazetteer and one
pipeline per session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session", autouse=True)
def _session_gazetteer_path(tmp_path_factory):
    """Every test (CLI runs included) uses a default gazetteer built for this session, never the
    user's own, which may hold imported GeoNames files."""
    path = tmp_path_factory.mktemp("gazetteer") / "gazetteer.sqlite"
    before = os.environ.get("SITREP_GAZETTEER")
    os.environ["SITREP_GAZETTEER"] = str(path)
    yield path
    if before is None:
        os.environ.pop("SITREP_GAZETTEER", None)
    else:
        os.environ["SITREP_GAZETTEER"] = before


@pytest.fixture(scope="session")
def default_gazetteer(_session_gazetteer_path):
    from sitrep.geo import Gazetteer

    gazetteer = Gazetteer.open(_session_gazetteer_path, progress=False)  # cities500 + curated data
    yield gazetteer
    gazetteer.close()


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
def pipeline(default_gazetteer):
    """The real French pipeline with the default gazetteer."""
    from sitrep.pipeline import Pipeline

    return Pipeline(gazetteer=default_gazetteer)
