"""Van der Eijk's agreement A and polarisation against the paper's properties and the agrmt example."""

import json
from itertools import combinations
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from samenspel.analysis.stats import polarisation, vde_agreement

REFERENCE = Path(__file__).resolve().parents[2] / "reference"
AGRMT = json.loads((REFERENCE / "stats_examples.json").read_text())["agrmt_agreement_example"]


def test_published_agrmt_example():
    """R package agrmt, agreement() help page: c(30,40,210,130,530,50,10) has A = 0.6113333."""
    assert vde_agreement(AGRMT["counts"], 7, counts=True) == pytest.approx(AGRMT["A"], abs=5e-8)


@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        ([0, 0, 9, 0, 0], 1.0),  # all in one category: perfect agreement
        ([4, 4, 4, 4, 4], 0.0),  # uniform: no agreement
        ([6, 0, 0, 0, 6], -1.0),  # two equal camps at the extremes: perfect disagreement
        ([0, 3, 3, 3, 0, 0, 0], 1 - 2 / 6),  # one flat block of 3 of 7 categories
    ],
)
def test_van_der_eijk_textbook_properties(counts, expected):
    """Van der Eijk (2001): one category -> 1, uniform -> 0, both extremes -> -1, unimodal block -> 1 - (S-1)/(K-1)."""
    assert vde_agreement(counts, len(counts), counts=True) == pytest.approx(expected)


def test_hand_example_pattern_101_of_seven():
    """Hand count for pattern 1010000 (K = 7): TDU = 1, TU = 4, U = (5*4 - 6*1)/(5*5) = 0.56, A = 0.56 * 5/6."""
    assert vde_agreement([1, 0, 1, 0, 0, 0, 0], 7, counts=True) == pytest.approx(0.56 * 5 / 6)


def test_hand_example_with_layers_from_raw_answers():
    """Hand computation: answers 1,1,1,2 on 3 points peel into layer 110 (weight 2/4, A = 1/2) and 100 (2/4, A = 1)."""
    assert vde_agreement([1, 1, 1, 2], 3) == pytest.approx(0.5 * 0.5 + 0.5 * 1.0)
    assert vde_agreement([0, 0, 0, 1], 3, lowest=0) == pytest.approx(0.75)
    assert polarisation([1, 1, 1, 2], 3) == pytest.approx((1 - 0.75) / 2)


def brute_force_pattern_agreement(pattern: list[int]) -> float:
    """Literal reading of Van der Eijk's equations 2-3 over all triples (independent of the vectorised count)."""
    k, s = len(pattern), sum(pattern)
    if s == 1:
        return 1.0
    tu = tdu = 0
    for i, j, m in combinations(range(k), 3):
        triple = (pattern[i], pattern[j], pattern[m])
        tdu += triple == (1, 0, 1)
        tu += triple in ((1, 1, 0), (0, 1, 1))
    u = 1.0 if tu + tdu == 0 else ((k - 2) * tu - (k - 1) * tdu) / ((k - 2) * (tu + tdu))
    return u * (1 - (s - 1) / (k - 1))


def brute_force_agreement(counts: list[int]) -> float:
    remaining, total, result = list(counts), sum(counts), 0.0
    while any(remaining):
        pattern = [int(c > 0) for c in remaining]
        layer = min(c for c in remaining if c > 0)
        result += layer * sum(pattern) / total * brute_force_pattern_agreement(pattern)
        remaining = [c - layer if c > 0 else 0 for c in remaining]
    return result


@settings(max_examples=80, deadline=None)
@given(st.lists(st.integers(0, 20), min_size=3, max_size=11).filter(lambda c: sum(c) > 0))
def test_agreement_matches_brute_force_and_bounds(counts):
    """Independent brute-force implementation; A in [-1, 1] and polarisation in [0, 1]."""
    ours = vde_agreement(counts, len(counts), counts=True)
    assert ours == pytest.approx(brute_force_agreement(counts), abs=1e-12)
    assert -1 - 1e-12 <= ours <= 1 + 1e-12
    assert -1e-12 <= polarisation(counts, len(counts), counts=True) <= 1 + 1e-12


def test_no_answers_and_bad_input():
    """Never crash on no data (NaN); programmer errors raise ValueError as documented."""
    assert np.isnan(vde_agreement([np.nan, np.nan], 5))
    assert np.isnan(polarisation([], 5))
    assert np.isnan(vde_agreement([0, 0, 0], 3, counts=True))
    with pytest.raises(ValueError):
        vde_agreement([1, 2, 6], 5)
    with pytest.raises(ValueError):
        vde_agreement([1, 2], 2)
    with pytest.raises(ValueError):
        vde_agreement([1, 2, 3], 4, counts=True)
    with pytest.raises(ValueError):
        vde_agreement([1.5, 2], 5)
