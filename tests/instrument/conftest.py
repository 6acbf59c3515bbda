"""Fixtures: the real questionnaire (full and pulse) and the real knowledge base."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from samenspel.instrument import Instrument, load_instrument, read_data
from samenspel.knowledge import load_knowledge
from samenspel.knowledge.model import KnowledgeBase


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return load_knowledge()


@pytest.fixture(scope="session")
def full() -> Instrument:
    return load_instrument()


@pytest.fixture(scope="session")
def pulse() -> Instrument:
    return load_instrument(short=True)


@pytest.fixture(scope="session")
def _raw() -> dict[str, Any]:
    return read_data()


@pytest.fixture
def raw(_raw: dict[str, Any]) -> dict[str, Any]:
    """A fresh copy of the questionnaire data, free to break."""
    return copy.deepcopy(_raw)
