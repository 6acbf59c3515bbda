"""Permutation tests over raters (analysis.stats.resampling) against scipy.stats.permutation_test.

Source: scipy's ``permutation_test`` (an independent implementation of Fisher's
randomisation test); exact null distributions where both enumerate every
relabelling, and Monte Carlo within its sampling error where they do not.
"""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats

from samenspel.analysis.stats.multiplicity import holm
from samenspel.analysis.stats.resampling import EXACT_LIMIT, min_p, sign_flip, two_sample


def _mean_diff(x, y, axis=0):  # type: ignore[no-untyped-def]
    return np.mean(x, axis=axis) - np.mean(y, axis=axis)


@pytest.mark.parametrize("alternative", ["two-sided", "greater", "less"])
@pytest.mark.parametrize("seed", range(6))
def test_two_sample_exact_matches_scipy(seed: int, alternative: str):
    rng = np.random.default_rng(seed)
    x = rng.integers(0, 5, size=rng.integers(2, 7)) * 25.0
    y = rng.integers(0, 5, size=rng.integers(2, 7)) * 25.0 + rng.normal(0, 10)
    ours = two_sample(x, y, alternative)  # type: ignore[arg-type]
    ref = stats.permutation_test((x, y), _mean_diff, permutation_type="independent", alternative=alternative,
                                 n_resamples=np.inf, vectorized=True)
    assert ours.exact
    assert ours.statistic == pytest.approx(ref.statistic)
    assert ours.p == pytest.approx(ref.pvalue, rel=1e-9)


@pytest.mark.parametrize("alternative", ["two-sided", "less"])
@pytest.mark.parametrize("seed", range(6))
def test_sign_flip_exact_matches_scipy(seed: int, alternative: str):
    rng = np.random.default_rng(seed)
    d = rng.normal(-8, 15, size=rng.integers(3, 12)).round(1)
    ours = sign_flip(d, alternative)  # type: ignore[arg-type]
    ref = stats.permutation_test((d,), np.mean, permutation_type="samples", alternative=alternative,
                                 n_resamples=np.inf, vectorized=True)
    assert ours.exact
    assert ours.p == pytest.approx(ref.pvalue, rel=1e-9)


def test_large_designs_use_monte_carlo_within_its_error():
    rng = np.random.default_rng(7)
    x, y = rng.normal(55, 15, 14), rng.normal(45, 15, 12)
    assert __import__("math").comb(26, 14) > EXACT_LIMIT
    ours = two_sample(x, y)
    ref = stats.permutation_test((x, y), _mean_diff, permutation_type="independent", n_resamples=200_000,
                                 vectorized=True, random_state=1)
    assert not ours.exact
    assert abs(ours.p - ref.pvalue) < 4 * np.sqrt(ref.pvalue * (1 - ref.pvalue) / 9_999) + 1e-4
    assert two_sample(x, y).p == ours.p  # a fixed seed: the same diagnosis on every run


@pytest.mark.parametrize("alternative", ["two-sided", "less"])
def test_large_sign_flips_use_monte_carlo_within_its_error(alternative: str):
    """Against scipy's permutation test with 200,000 sign patterns (an independent implementation)."""
    rng = np.random.default_rng(11)
    d = rng.normal(-4, 15, 30)
    assert 2**30 > EXACT_LIMIT
    ours = sign_flip(d, alternative)  # type: ignore[arg-type]
    ref = stats.permutation_test((d,), np.mean, permutation_type="samples", alternative=alternative,
                                 n_resamples=200_000, vectorized=True, random_state=1)
    assert not ours.exact
    assert abs(ours.p - ref.pvalue) < 4 * np.sqrt(ref.pvalue * (1 - ref.pvalue) / 9_999) + 1e-4
    assert sign_flip(d, alternative).p == ours.p  # type: ignore[arg-type]  # a fixed seed


def test_smallest_reachable_p_sets_the_minimum_raters():
    """With 3 raters a side no two-sided test reaches .05; with 4 it does (2/70)."""
    assert min_p("two_sample", (3, 3), "two-sided") == pytest.approx(0.1)
    assert min_p("two_sample", (4, 4), "two-sided") == pytest.approx(2 / 70)
    assert min_p("sign_flip", (4,), "less") == pytest.approx(1 / 16)
    assert min_p("sign_flip", (5,), "less") == pytest.approx(1 / 32)
    assert sign_flip([-40, -40, -40, -40], "less").p == pytest.approx(1 / 16)


def test_holm_matches_statsmodels():
    """Source: Holm (1979) as implemented by statsmodels ``multipletests(method="holm")``."""
    from statsmodels.stats.multitest import multipletests

    p = [0.001, 0.04, 0.03, 0.2, 0.012]
    assert holm(p) == pytest.approx(list(multipletests(p, method="holm")[1]))
