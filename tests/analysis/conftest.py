from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from analysis_kb import make_kb  # noqa: E402
from analysis_synth import make_instrument  # noqa: E402


@pytest.fixture(scope="session")
def instrument():
    return make_instrument()


@pytest.fixture(scope="session")
def kb():
    return make_kb()
