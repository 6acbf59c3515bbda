"""The Examples in the statistics' docstrings run and give the numbers they show (pingouin-style)."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = ("samenspel.analysis.stats.resampling", "samenspel.analysis.stats.multiplicity",
           "samenspel.responses.counting")


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0
