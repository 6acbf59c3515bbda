"""Fixtures: the real questionnaires and the real knowledge base.

``full``, ``pulse`` and ``raw`` are version 1.0, which stays as it shipped (rounds
answered with it must keep validating); ``v2``, ``v2_pulse`` and ``raw2`` are 2.0.
"""

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
    return load_instrument(version="1.0")


@pytest.fixture(scope="session")
def pulse() -> Instrument:
    return load_instrument(short=True, version="1.0")


@pytest.fixture(scope="session")
def v2() -> Instrument:
    """Every item of 2.0, all modules."""
    return load_instrument(version="2.0")


@pytest.fixture(scope="session")
def v2_pulse() -> Instrument:
    return load_instrument(short=True, version="2.0")


@pytest.fixture(scope="session")
def _raw() -> dict[str, Any]:
    return read_data(version="1.0")


@pytest.fixture(scope="session")
def _raw2() -> dict[str, Any]:
    return read_data(version="2.0")


@pytest.fixture
def raw(_raw: dict[str, Any]) -> dict[str, Any]:
    """A fresh copy of the 1.0 questionnaire data, free to break."""
    return copy.deepcopy(_raw)


@pytest.fixture
def raw2(_raw2: dict[str, Any]) -> dict[str, Any]:
    """A fresh copy of the 2.0 questionnaire data, free to break."""
    return copy.deepcopy(_raw2)
