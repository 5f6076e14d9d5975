"""The documentation matches the code: every command is in the README, the public API is importable."""

from __future__ import annotations

from pathlib import Path

import pytest

import sitrep
from sitrep.cli import cli

REPO = Path(__file__).resolve().parents[1]

README = (REPO / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_every_command_is_in_the_readme(command):
    assert f"sitrep {command}" in README, f"`sitrep {command}` is not documented in README.md"


@pytest.mark.parametrize("name", sitrep.__all__)
def test_public_api_names_resolve(name):
    assert getattr(sitrep, name) is not None


def test_every_lexicon_file_is_documented():
    doc = (REPO / "docs" / "lexicons.md").read_text(encoding="utf-8")
    for path in sorted((REPO / "src" / "sitrep" / "lexicons" / "fr").glob("*.yaml")):
        assert path.name in doc, f"{path.name} is not described in docs/lexicons.md"
