"""rwg, rwg(J), group ICCs and the Shrout & Fleiss ICCs against published and hand-computed values."""

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pingouin as pg
import pytest
import statsmodels.formula.api as smf
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from statsmodels.stats.anova import anova_lm

from samenspel.analysis.stats import (
    SHROUT_FLEISS_FORMS,
    icc_groups,
    rwg,
    rwg_j,
    shrout_fleiss,
    uniform_null_variance,
)

REFERENCE = Path(__file__).resolve().parents[2] / "reference"
EXAMPLES = json.loads((REFERENCE / "stats_examples.json").read_text())


def shrout_fleiss_data() -> np.ndarray:
    return pd.read_csv(REFERENCE / "shrout_fleiss_1979_table2.csv").iloc[:, 1:].to_numpy(float)


# --- Shrout & Fleiss ---------------------------------------------------------


def test_shrout_fleiss_table_4():
    """Shrout & Fleiss (1979) Table 4: .17 .29 .71 .44 .62 .91 for their Table 2 data."""
    published = EXAMPLES["shrout_fleiss_1979_table4"]["values"]
    ours = shrout_fleiss(shrout_fleiss_data())
    assert set(ours) == set(SHROUT_FLEISS_FORMS)
    for form in SHROUT_FLEISS_FORMS:
        assert ours[form] == pytest.approx(published[form], abs=0.005), form


@pytest.mark.filterwarnings("ignore::pandas.errors.Pandas4Warning")
def test_shrout_fleiss_matches_pingouin():
    """Independent implementation: pingouin.intraclass_corr (ICC(A,.) = ICC(2,.), ICC(C,.) = ICC(3,.))."""
    wide = pd.read_csv(REFERENCE / "shrout_fleiss_1979_table2.csv")
    long = wide.melt(id_vars="target", var_name="judge", value_name="score")
    table = pg.intraclass_corr(long, targets="target", raters="judge", ratings="score")
    theirs = dict(zip(table["Type"], table["ICC"], strict=True))
    names = {"ICC(1,1)": "ICC(1,1)", "ICC(2,1)": "ICC(A,1)", "ICC(3,1)": "ICC(C,1)",
             "ICC(1,k)": "ICC(1,k)", "ICC(2,k)": "ICC(A,k)", "ICC(3,k)": "ICC(C,k)"}
    ours = shrout_fleiss(shrout_fleiss_data())
    for form, other in names.items():
        assert ours[form] == pytest.approx(theirs[other], abs=1e-10), form


def test_shrout_fleiss_drops_incomplete_targets_and_never_crashes():
    """Listwise deletion as documented; too little data gives NaN for all six forms."""
    data = shrout_fleiss_data()
    with_hole = np.vstack([data, [np.nan, 3, 4, 5]])
    assert shrout_fleiss(with_hole) == shrout_fleiss(data)
    assert all(np.isnan(v) for v in shrout_fleiss(data[:1]).values())
    assert all(np.isnan(v) for v in shrout_fleiss(np.full((3, 3), 4.0)).values())


# --- ICC(1), ICC(2) of groups --------------------------------------------------


def test_icc_groups_on_shrout_fleiss_data_equals_icc_1_1_and_1_k():
    """Bliese (2000): ICC(1)/ICC(2) of equal groups are Shrout & Fleiss's ICC(1,1)/ICC(1,k) (.17/.44)."""
    data = shrout_fleiss_data()
    result = icc_groups(data.ravel(), np.repeat(np.arange(6), 4))
    sf = shrout_fleiss(data)
    assert result.icc1 == pytest.approx(sf["ICC(1,1)"], abs=1e-12)
    assert result.icc2 == pytest.approx(sf["ICC(1,k)"], abs=1e-12)
    assert (round(result.icc1, 2), round(result.icc2, 2)) == (0.17, 0.44)
    assert result.k_adj == 4.0 and (result.df_between, result.df_within) == (5, 18)


UNEQUAL_VALUES = [2, 3, 4, 4, 5, 6, 5, 7, 8, 6, 9, 8]
UNEQUAL_GROUPS = list("AAABBBBCCCCC")


def test_icc_groups_unequal_sizes_against_statsmodels_anova_and_variance_components():
    """Independent: statsmodels anova_lm gives MSB/MSW/F/p; ICC(1) by the ANOVA variance-component route.

    Hand values: n = 3, 4, 5, N = 12, k = (12 - 50/12) / 2 = 3.9167;
    sigma_b^2 = (MSB - MSW) / k and ICC(1) = sigma_b^2 / (sigma_b^2 + MSW).
    """
    frame = pd.DataFrame({"v": UNEQUAL_VALUES, "g": UNEQUAL_GROUPS})
    table = anova_lm(smf.ols("v ~ C(g)", frame).fit())
    msb, msw = table["mean_sq"].iloc[0], table["mean_sq"].iloc[1]
    k = (12 - (9 + 16 + 25) / 12) / 2
    between = (msb - msw) / k
    result = icc_groups(UNEQUAL_VALUES, UNEQUAL_GROUPS)
    assert result.k_adj == pytest.approx(k, abs=1e-12)
    assert result.F == pytest.approx(table["F"].iloc[0], abs=1e-10)
    assert result.p == pytest.approx(table["PR(>F)"].iloc[0], abs=1e-12)
    assert result.icc1 == pytest.approx(between / (between + msw), abs=1e-12)
    assert result.icc2 == pytest.approx(1 - 1 / table["F"].iloc[0], abs=1e-12)
    ss = table["sum_sq"]
    assert result.eta2 == pytest.approx(ss.iloc[0] / ss.sum(), abs=1e-12)
    assert (result.df_between, result.df_within) == (2, 9)


def test_icc_groups_drops_missing_and_warns_on_too_little_data():
    """Never crash: NaN fields and a warning with one group or no within-group spread to estimate."""
    with_missing = icc_groups([*UNEQUAL_VALUES, np.nan, 3.0], [*UNEQUAL_GROUPS, "A", None])
    assert with_missing.icc1 == pytest.approx(icc_groups(UNEQUAL_VALUES, UNEQUAL_GROUPS).icc1)
    single = icc_groups([1, 2, 3], ["A", "A", "A"])
    assert np.isnan(single.icc1) and "2 groups" in single.warning
    singletons = icc_groups([1, 2, 3], ["A", "B", "C"])
    assert np.isnan(singletons.icc1) and singletons.warning
    flat = icc_groups([3, 3, 3, 3], ["A", "A", "B", "B"])
    assert np.isnan(flat.icc1) and flat.warning
    empty = icc_groups([], [])
    assert np.isnan(empty.icc2) and empty.warning
    with pytest.raises(ValueError):
        icc_groups([1, 2, 3], ["A", "B"])


# --- rwg ---------------------------------------------------------------------


def test_null_variance_of_common_scales():
    """James, Demaree & Wolf (1984): (A^2 - 1)/12 is 2.0 for 5 options (R multilevel's default ranvar = 2)."""
    assert uniform_null_variance(5) == 2.0
    assert uniform_null_variance(7) == 4.0
    assert uniform_null_variance(9) == pytest.approx(80 / 12)
    with pytest.raises(ValueError):
        uniform_null_variance(1)


def test_rwg_hand_example():
    """Hand computation (tests/reference/stats_examples.json rwg_hand): s^2 = 0.5, rwg = 1 - 0.5/2 = 0.75."""
    example = EXAMPLES["rwg_hand"]
    assert rwg(example["items"][0], example["n_options"]) == pytest.approx(example["rwg_item1"])
    assert rwg([4, np.nan, 4, 5, 3, 4], 5) == pytest.approx(0.75)


def test_rwg_truncates_to_zero_when_variance_exceeds_random():
    """James et al. (1984) truncation: s^2 = 16/3 > 2 on a 5-point scale gives 0, not -1.67."""
    assert rwg([1, 5, 1, 5], 5) == 0.0
    assert rwg([3, 3, 3], 5) == 1.0
    assert np.isnan(rwg([4], 5)) and np.isnan(rwg([], 5))


def test_rwg_j_hand_example():
    """Hand computation: item variances .5/.3/.2, mean 1/3, ratio 1/6, rwg(3) = 2.5 / (2.5 + 1/6) = 0.9375."""
    example = EXAMPLES["rwg_hand"]
    matrix = np.array(example["items"], dtype=float).T
    assert [float(v) for v in matrix.var(axis=0, ddof=1)] == pytest.approx(example["item_variances"])
    assert rwg_j(matrix, example["n_options"]) == pytest.approx(example["rwg_j"])


def test_rwg_j_is_spearman_brown_of_mean_item_agreement():
    """James et al. (1984): rwg(J) is the Spearman-Brown step-up of 1 - mean(s^2)/sigma^2 to J items."""
    rng = np.random.default_rng(5)
    matrix = rng.integers(2, 5, size=(8, 6)).astype(float)
    single = 1 - matrix.var(axis=0, ddof=1).mean() / 2.0
    assert rwg_j(matrix, 5) == pytest.approx(6 * single / (1 + 5 * single))


def test_rwg_j_truncation_and_missing():
    """LeBreton & Senter (2008): mean variance at or beyond random gives 0; missing answers skipped."""
    split = np.array([[1, 5], [5, 1], [1, 5], [5, 1]], dtype=float)
    assert rwg_j(split, 5) == 0.0
    holes = np.array([[4, 2, np.nan], [4, 3, 5], [5, 2, 5], [3, 3, 4], [4, 2, 5]])
    expected_var = np.mean([0.5, 0.3, 0.25])
    ratio = expected_var / 2
    assert rwg_j(holes, 5) == pytest.approx(3 * (1 - ratio) / (3 * (1 - ratio) + ratio))
    assert np.isnan(rwg_j(np.full((1, 3), 2.0), 5))
    with pytest.raises(ValueError):
        rwg_j([1, 2, 3], 5)


@settings(max_examples=60, deadline=None)
@given(
    arrays(np.float64, st.tuples(st.integers(1, 8), st.integers(1, 5)),
           elements=st.one_of(st.integers(1, 7).map(float), st.just(np.nan))),
)
def test_rwg_and_rwg_j_stay_in_unit_interval(matrix):
    """Property (James et al. 1984 with truncation): 0 <= rwg, rwg(J) <= 1, or NaN with too little data."""
    for value in (rwg(matrix[:, 0], 7), rwg_j(matrix, 7)):
        assert np.isnan(value) or 0.0 <= value <= 1.0
