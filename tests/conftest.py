"""Shared fixtures: one registry and linter for the session (spaCy loads once)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from sourcelint.engine import Linter
from sourcelint.registry import Registry, load_registry

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SEED = EXAMPLES / "iran-russia-assad.txt"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(scope="session")
def registry() -> Registry:
    return load_registry()


@pytest.fixture(scope="session")
def linter(registry: Registry) -> Linter:
    return Linter(registry)
