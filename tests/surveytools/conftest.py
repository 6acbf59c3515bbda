"""Shared fixtures: the full questionnaire, the demo partners and the layout the exports are made from."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from toolkit import demo_round  # noqa: E402

from samenspel.instrument import load_instrument  # noqa: E402
from samenspel.instrument.model import Instrument  # noqa: E402
from samenspel.responses.model import ResponseSet  # noqa: E402
from samenspel.surveytools.layout import Layout, build_layout  # noqa: E402


@pytest.fixture(scope="session")
def full() -> Instrument:
    return load_instrument(version="1.0")  # the fixtures reproduce exports of a 1.0 round


@pytest.fixture(scope="session")
def demo(full: Instrument) -> ResponseSet:
    return demo_round(full)


@pytest.fixture(scope="session")
def partners(demo: ResponseSet) -> tuple[str, ...]:
    return tuple(demo.partners())


@pytest.fixture(scope="session")
def layout(full: Instrument, partners: tuple[str, ...]) -> Layout:
    return build_layout(full, partners)
