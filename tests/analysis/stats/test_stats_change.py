"""Paired and independent change between rounds against scipy and pingouin."""

import numpy as np
import pingouin as pg
import pytest
from scipy import stats

from samenspel.analysis.stats import independent_change, paired_change

RNG = np.random.default_rng(42)
BEFORE = RNG.normal(3.2, 0.8, 14)
AFTER = BEFORE + RNG.normal(0.4, 0.6, 14)


def test_paired_change_matches_scipy_and_pingouin():
    """Independent implementations: scipy.stats.ttest_rel, scipy.stats.wilcoxon, pingouin cohen_dz."""
    result = paired_change(BEFORE, AFTER)
    reference = stats.ttest_rel(AFTER, BEFORE)
    assert result.t == pytest.approx(reference.statistic, abs=1e-10)
    assert result.p == pytest.approx(reference.pvalue, abs=1e-12)
    assert result.df == reference.df == 13
    assert result.mean_diff == pytest.approx(np.mean(AFTER - BEFORE))
    dz = pg.compute_effsize(AFTER, BEFORE, paired=True, eftype="cohen_dz")
    assert result.d == pytest.approx(dz, abs=1e-12) and result.effect == "dz"
    assert result.wilcoxon_p == pytest.approx(stats.wilcoxon(AFTER, BEFORE).pvalue, abs=1e-12)
    assert (result.n, result.warning) == (14, None)


def test_paired_change_drops_incomplete_pairs():
    """NaN pairs dropped as documented: equals the analysis of the complete pairs only."""
    before = np.r_[BEFORE, np.nan, 3.0]
    after = np.r_[AFTER, 4.0, np.nan]
    assert paired_change(before, after) == paired_change(BEFORE, AFTER)


def test_signed_rank_exact_p_for_six_increases():
    """Wilcoxon (1945) exact null: 6 positive distinct differences have two-sided p = 2 / 2^6 = 0.03125."""
    result = paired_change([1, 2, 3, 4, 5, 6], [2, 4, 6, 8, 10, 12])
    assert result.wilcoxon_p == pytest.approx(2 / 64)
    assert result.warning is None


def test_independent_change_matches_scipy_welch_and_pingouin_hedges():
    """Independent implementations: scipy.stats.ttest_ind(equal_var=False), mannwhitneyu, pingouin hedges."""
    after = AFTER[:10]
    result = independent_change(BEFORE, after)
    reference = stats.ttest_ind(after, BEFORE, equal_var=False)
    assert result.t == pytest.approx(reference.statistic, abs=1e-10)
    assert result.p == pytest.approx(reference.pvalue, abs=1e-12)
    assert result.df == pytest.approx(reference.df, abs=1e-10)
    g = pg.compute_effsize(after, BEFORE, paired=False, eftype="hedges")
    assert result.d == pytest.approx(g, abs=1e-12) and result.effect == "hedges_g"
    rank = stats.mannwhitneyu(after, BEFORE, alternative="two-sided")
    assert result.wilcoxon_p == pytest.approx(rank.pvalue, abs=1e-12)
    assert (result.n, result.n_before, result.n_after) == (24, 14, 10)


def test_independent_change_ignores_missing_answers():
    """Missing answers dropped per round, as documented."""
    assert independent_change(np.r_[BEFORE, np.nan], AFTER) == independent_change(BEFORE, AFTER)


def test_too_little_data_gives_nan_and_warning():
    """Never crash: one pair, no change at all, constant rounds, empty input."""
    one = paired_change([3.0], [4.0])
    assert one.mean_diff == 1.0 and np.isnan(one.t) and "2 complete pairs" in one.warning
    same = paired_change([1, 2, 3, 4, 5], [1, 2, 3, 4, 5])
    assert same.mean_diff == 0 and np.isnan(same.t) and np.isnan(same.wilcoxon_p)
    shift = paired_change([1, 2, 3, 4, 5], [2, 3, 4, 5, 6])
    assert shift.mean_diff == 1 and np.isnan(shift.d) and shift.wilcoxon_p < 0.1
    empty = paired_change([], [])
    assert empty.n == 0 and np.isnan(empty.mean_diff)
    flat = independent_change([3, 3, 3], [3, 3])
    assert np.isnan(flat.t) and np.isnan(flat.wilcoxon_p) and flat.warning
    few = independent_change([3], [4, 5])
    assert np.isnan(few.t) and "2 answers" in few.warning
    small = independent_change([1, 2, 3], [2, 3, 4])
    assert "small n" in small.warning and not np.isnan(small.t)
    with pytest.raises(ValueError):
        paired_change([1, 2], [1, 2, 3])


@pytest.mark.parametrize("seed", range(8))
def test_the_rank_sum_p_matches_scipys_mannwhitneyu(seed: int) -> None:
    """Our normal approximation (tie and continuity correction) against scipy.stats.mannwhitneyu(method="auto"):
    answers on a 1-5 scale (many ties), continuous scores, and small untied samples (scipy's exact path)."""
    from samenspel.analysis.stats.change import _rank_sum_p

    rng = np.random.default_rng(seed)
    for x, y in (
        (rng.integers(1, 6, rng.integers(5, 40)).astype(float), rng.integers(1, 6, rng.integers(5, 40)).astype(float)),
        (rng.normal(50, 15, rng.integers(9, 60)), rng.normal(55, 15, rng.integers(9, 60))),
        (rng.normal(50, 15, 5), rng.normal(60, 15, 7)),
    ):
        ref = stats.mannwhitneyu(y, x, alternative="two-sided", method="auto").pvalue
        assert _rank_sum_p(x, y) == pytest.approx(ref, rel=1e-9, abs=1e-12)
