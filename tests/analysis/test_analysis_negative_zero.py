"""A zero is printed as 0.0, never -0.0: a sum in the order of a set of names (the communities'
modularity) may come out as -0.0 in one process and 0.0 in another, and one reading must not."""

from __future__ import annotations

import json
import math

from samenspel.analysis.diagnosis import clean
from samenspel.network.result import _r


def test_clean_turns_negative_zero_and_tiny_negatives_into_zero() -> None:
    out = clean({"q": -0.0, "tiny": -0.00001, "kept": -0.25, "list": [-0.0, 1.0]})
    assert json.dumps(out) == '{"q": 0.0, "tiny": 0.0, "kept": -0.25, "list": [0.0, 1.0]}'
    assert math.copysign(1.0, out["q"]) == 1.0  # type: ignore[index]


def test_network_rounding_turns_negative_zero_into_zero() -> None:
    assert json.dumps([_r(-0.0), _r(-0.0001), _r(-0.5), _r(None)]) == "[0.0, 0.0, -0.5, null]"
