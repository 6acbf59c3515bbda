"""Public surface: exports, documented thresholds, and the FORMATS.md §3 keys."""

from __future__ import annotations

from pathlib import Path

import pytest

import samenspel.network as network
from samenspel.errors import SamenspelError
from samenspel.network.thresholds import THRESHOLDS_TABLE, Thresholds

DOC = Path(__file__).resolve().parents[2] / "docs" / "NETWORK.md"


def test_all_names_exist():
    for name in network.__all__:
        assert hasattr(network, name), name


@pytest.mark.parametrize("name, default", [(row[0], row[1]) for row in THRESHOLDS_TABLE])
def test_every_threshold_documented_with_its_default(name, default):
    text = DOC.read_text(encoding="utf-8")
    assert f"| `{name}` | {default:g} |" in text


def test_bad_threshold_is_a_user_error():
    with pytest.raises(SamenspelError):
        Thresholds(modularity=2.0)
