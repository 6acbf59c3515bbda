"""Fixtures of the reading tests: the synthetic questionnaire of the analysis tests and the real knowledge base."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[1] / "analysis"))

from analysis_synth import make_instrument  # noqa: E402


@pytest.fixture(scope="session")
def instrument():
    return make_instrument()


@pytest.fixture(scope="session")
def kb():
    from samenspel.knowledge import load_knowledge

    return load_knowledge()
