"""One-way comparison of partners and the "partners see this differently" flag."""

import numpy as np
import pandas as pd
import pingouin as pg
import pytest
import statsmodels.formula.api as smf
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats
from statsmodels.stats.anova import anova_lm

from samenspel.analysis.stats import ETA2_MEDIUM, MIN_GROUP_SIZE, P_LEVEL, one_way

VALUES = [3.1, 2.4, 3.8, 2.9, 3.5, 4.2, 4.8, 3.9, 4.4, 5.1, 2.2, 3.0, 1.9, 2.6, 5.0, 1.1, 3.3]
GROUPS = list("AAAAABBBBBCCCCCCC")


def test_one_way_matches_scipy_and_statsmodels():
    """Independent implementations: scipy.stats.f_oneway (F, p) and statsmodels anova_lm (sums of squares)."""
    result = one_way(VALUES, GROUPS)
    samples = [np.array(VALUES)[np.array(GROUPS) == g] for g in "ABC"]
    reference = stats.f_oneway(*samples)
    assert result.F == pytest.approx(reference.statistic, abs=1e-10)
    assert result.p == pytest.approx(reference.pvalue, abs=1e-12)
    table = anova_lm(smf.ols("v ~ C(g)", pd.DataFrame({"v": VALUES, "g": GROUPS})).fit())
    ssb, ssw = table["sum_sq"]
    msw = table["mean_sq"].iloc[1]
    assert result.eta2 == pytest.approx(ssb / (ssb + ssw), abs=1e-12)
    assert result.omega2 == pytest.approx((ssb - 2 * msw) / (ssb + ssw + msw), abs=1e-12)
    assert (result.n, result.groups, result.df_between, result.df_within) == (17, 3, 2, 14)


def test_welch_matches_pingouin():
    """Independent implementation: pingouin.welch_anova (F, p)."""
    result = one_way(VALUES, GROUPS)
    theirs = pg.welch_anova(pd.DataFrame({"v": VALUES, "g": GROUPS}), dv="v", between="g")
    assert result.welch_F == pytest.approx(theirs["F"].iloc[0], abs=1e-10)
    assert result.welch_p == pytest.approx(theirs["p_unc"].iloc[0], abs=1e-12)


def test_flag_rule_constants():
    """The documented rule: Cohen's (1988) medium eta^2 = .06, p < .05, groups of at least 3."""
    assert (ETA2_MEDIUM, P_LEVEL, MIN_GROUP_SIZE) == (0.06, 0.05, 3)


def test_flag_needs_both_size_and_significance():
    """Rule check with constructed data: clear split flags; large-n tiny effect and small-n big eta do not."""
    split = one_way([1, 2, 1, 2, 4, 5, 4, 5], list("AAAABBBB"))
    assert split.flag and split.eta2 >= ETA2_MEDIUM and split.p < P_LEVEL
    rng = np.random.default_rng(9)
    base = rng.normal(0, 1, 4000)
    tiny = one_way(np.r_[base[:2000], base[2000:] + 0.12], ["A"] * 2000 + ["B"] * 2000)
    assert tiny.p < P_LEVEL and tiny.eta2 < ETA2_MEDIUM and not tiny.flag
    noisy = one_way([1, 4, 2, 3, 5, 2], list("AAABBB"))
    assert noisy.eta2 >= ETA2_MEDIUM and noisy.p >= P_LEVEL and not noisy.flag


def test_small_groups_are_left_out_of_the_comparison():
    """Privacy rule (ARCHITECTURE.md): a partner with fewer than 3 answers is not compared at all."""
    with_small = one_way([*VALUES, 9.0, 9.5], [*GROUPS, "D", "D"])
    assert with_small.F == pytest.approx(one_way(VALUES, GROUPS).F)
    assert with_small.groups == 3 and "1 groups with fewer than 3" in with_small.warning
    only_one = one_way([1, 2, 3, 4, 5], list("AAABB"))
    assert np.isnan(only_one.F) and not only_one.flag and "at least 2 groups" in only_one.warning
    everyone = one_way([1, 2, 3, 4, 5], list("AAABB"), min_group_size=1)
    assert everyone.groups == 2 and not np.isnan(everyone.F)


def test_degenerate_data_gives_nan_not_a_crash():
    """Never crash: constant answers, empty input, missing values and groups."""
    flat = one_way([3, 3, 3, 3, 3, 3], list("AAABBB"))
    assert np.isnan(flat.eta2) and not flat.flag and "vary" in flat.warning
    assert np.isnan(one_way([], []).F)
    holes = one_way([*VALUES, np.nan, 2.0], [*GROUPS, "A", None])
    assert holes.n == 17 and holes.F == pytest.approx(one_way(VALUES, GROUPS).F)
    no_spread_within = one_way([1, 1, 1, 5, 5, 5], list("AAABBB"))
    assert no_spread_within.eta2 == 1.0 and np.isnan(no_spread_within.welch_F)
    with pytest.raises(ValueError):
        one_way(VALUES, GROUPS, min_group_size=0)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 5), st.sampled_from("ABC")), min_size=0, max_size=25))
def test_eta2_and_omega2_bounds(pairs):
    """Property: 0 <= eta^2 <= 1 and omega^2 <= eta^2 whenever defined."""
    values = [float(v) for v, _ in pairs]
    groups = [g for _, g in pairs]
    result = one_way(values, groups)
    if not np.isnan(result.eta2):
        assert 0.0 <= result.eta2 <= 1.0 + 1e-12
        assert result.omega2 <= result.eta2 + 1e-12
