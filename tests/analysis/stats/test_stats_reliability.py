"""Cronbach's alpha and McDonald's omega against published values and independent fits."""

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pingouin as pg
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from scipy import stats
from sklearn.decomposition import FactorAnalysis

from samenspel.analysis.stats import cronbach_alpha, mcdonald_omega

REFERENCE = Path(__file__).resolve().parents[2] / "reference"
PUBLISHED = json.loads((REFERENCE / "stats_examples.json").read_text())["pingouin_cronbach_alpha_docstring"]


def wide_missing() -> np.ndarray:
    return pd.read_csv(REFERENCE / "realstats_cronbach_wide_missing.csv").to_numpy(float)


def long_likert() -> np.ndarray:
    data = pd.read_csv(REFERENCE / "realstats_cronbach_alpha_long.csv")
    return data.pivot(index="Subj", columns="Items", values="Scores").to_numpy(float)


def test_alpha_pairwise_matches_published_value_and_feldt_ci():
    """pingouin docstring (= R psych::alpha(use="pairwise")): 0.732660835214447, CI [0.435, 0.909]."""
    result = cronbach_alpha(wide_missing())
    expected = PUBLISHED["wide_missing_pairwise"]
    assert result.alpha == pytest.approx(expected["alpha"], abs=1e-12)
    assert (round(result.ci_low, 3), round(result.ci_high, 3)) == tuple(expected["ci"])
    assert (result.n, result.k) == (12, 11)
    assert result.warning is None  # mildly non-PSD pairwise covariances are normal, not flagged


def test_alpha_flags_inconsistent_pairwise_covariances():
    """Pairwise deletion can give alpha > 1 (hand example: covariances from different persons); flagged, no CI."""
    result = cronbach_alpha([[1, 3], [1, np.nan], [np.nan, np.nan], [2, 4]])
    assert result.alpha == pytest.approx(12 / 11)  # k/(k-1) * (1 - (1/3 + 1/2) / (1/3 + 1/2 + 2 * 1/2))
    assert "inconsistent" in result.warning and np.isnan(result.ci_low)


def test_alpha_listwise_matches_published_value():
    """pingouin docstring (= psych::alpha(use="complete.obs")): 0.8016949152542373.

    pingouin computes this CI with the n from before the deletion (12); we
    use the 9 persons actually analysed, so the CI is checked against
    Feldt's formula with n = 9 directly.
    """
    result = cronbach_alpha(wide_missing(), missing="listwise")
    assert result.alpha == pytest.approx(PUBLISHED["wide_missing_listwise"]["alpha"], abs=1e-12)
    assert result.n == 9
    low = 1 - (1 - result.alpha) * stats.f.ppf(0.975, 8, 8 * 10)
    high = 1 - (1 - result.alpha) * stats.f.ppf(0.025, 8, 8 * 10)
    assert (result.ci_low, result.ci_high) == pytest.approx((low, high), abs=1e-12)
    assert "listwise" in result.warning


def test_alpha_on_median_imputed_data_matches_published_value():
    """pingouin docstring: median-imputed data give 0.7380191693290734, CI [0.447, 0.911]."""
    frame = pd.read_csv(REFERENCE / "realstats_cronbach_wide_missing.csv")
    result = cronbach_alpha(frame.fillna(frame.median()).to_numpy(float))
    expected = PUBLISHED["wide_missing_median_imputed"]
    assert result.alpha == pytest.approx(expected["alpha"], abs=1e-12)
    assert (round(result.ci_low, 3), round(result.ci_high, 3)) == tuple(expected["ci"])


def test_alpha_long_likert_matches_published_value_and_warns_low():
    """pingouin docstring: Likert questionnaire (real-statistics.com) 0.5917188485995826, CI [0.195, 0.84]."""
    result = cronbach_alpha(long_likert())
    expected = PUBLISHED["long_likert"]
    assert result.alpha == pytest.approx(expected["alpha"], abs=1e-12)
    assert (round(result.ci_low, 3), round(result.ci_high, 2)) == (expected["ci"][0], 0.84)
    assert result.warning is not None and "low" in result.warning


def test_alpha_ci_matches_pingouin_at_other_levels():
    """Independent implementation: pingouin.cronbach_alpha(ci=0.90) on the Likert data (3-decimal CI)."""
    data = long_likert()
    ours = cronbach_alpha(data, ci=0.90)
    _, ci = pg.cronbach_alpha(pd.DataFrame(data), ci=0.90)
    assert (round(ours.ci_low, 3), round(ours.ci_high, 3)) == tuple(ci)


def test_alpha_small_n_and_too_few_items_warn_without_crashing():
    """Warnings required by the design: n < 10 "small n", k < 2, and NaN instead of a crash."""
    small = cronbach_alpha([[1, 2, 2], [2, 3, 3], [4, 4, 5], [3, 3, 3]])
    assert small.warning is not None and "small n" in small.warning
    one_item = cronbach_alpha([[1], [2], [3]])
    assert np.isnan(one_item.alpha) and "2 items" in one_item.warning
    nothing = cronbach_alpha(np.full((4, 3), np.nan))
    assert np.isnan(nothing.alpha) and nothing.warning
    flat = cronbach_alpha([[3, 3], [3, 3], [3, 3]])
    assert np.isnan(flat.alpha) and "vary" in flat.warning
    with pytest.raises(ValueError):
        cronbach_alpha([1, 2, 3])


@settings(max_examples=40, deadline=None)
@given(
    arrays(np.float64, (8, 4), elements=st.integers(1, 5).map(float)),
    st.permutations(range(4)),
)
def test_alpha_is_invariant_to_item_order(data, order):
    """Property of the formula (it depends on the covariance matrix only through trace and sum)."""
    first = cronbach_alpha(data).alpha
    second = cronbach_alpha(data[:, list(order)]).alpha
    assert (np.isnan(first) and np.isnan(second)) or first == pytest.approx(second, abs=1e-12)


def exact_sample(corr: np.ndarray, n: int, seed: int) -> np.ndarray:
    """A sample of n persons whose correlation matrix is exactly `corr`."""
    raw = np.random.default_rng(seed).standard_normal((n, corr.shape[0]))
    raw -= raw.mean(axis=0)
    whitened = raw @ np.linalg.inv(np.linalg.cholesky(np.cov(raw, rowvar=False)).T)
    return whitened @ np.linalg.cholesky(corr).T


def exact_congeneric_sample(loadings: np.ndarray, n: int, seed: int) -> np.ndarray:
    """A sample whose correlation matrix is exactly the one-factor model's ll' + diag(1 - l^2)."""
    model = np.outer(loadings, loadings)
    np.fill_diagonal(model, 1.0)
    return exact_sample(model, n, seed)


def test_omega_recovers_the_population_value_on_exact_model_data():
    """Hand computation: loadings .8/.7/.6/.5/.4 give sum l = 3.0, sum psi = 3.1, omega = 9 / 12.1."""
    loadings = np.array([0.8, 0.7, 0.6, 0.5, 0.4])
    result = mcdonald_omega(exact_congeneric_sample(loadings, 200, seed=7))
    assert result.omega == pytest.approx(9 / 12.1, abs=1e-6)
    assert result.loadings == pytest.approx(tuple(loadings), abs=1e-5)
    assert result.warning is None


def test_omega_equals_alpha_for_tau_equivalent_items():
    """McDonald (1999): with equal loadings (and equal variances) omega equals alpha."""
    data = exact_congeneric_sample(np.full(4, 0.6), 120, seed=3)
    assert mcdonald_omega(data).omega == pytest.approx(cronbach_alpha(data).alpha, abs=1e-6)


def sklearn_omega(data: np.ndarray) -> tuple[float, np.ndarray]:
    """Independent ML one-factor fit: sklearn FactorAnalysis on z-scores (population SD)."""
    z = (data - data.mean(axis=0)) / data.std(axis=0)
    fit = FactorAnalysis(n_components=1, tol=1e-12, max_iter=100_000, svd_method="lapack").fit(z)
    loadings = fit.components_[0] * np.sign(fit.components_[0].sum())
    common = loadings.sum() ** 2
    return common / (common + fit.noise_variance_.sum()), loadings


@pytest.mark.parametrize(
    ("name", "make"),
    [
        ("seeded congeneric n=300, seed 2024", lambda: _seeded_congeneric()),
        ("real-statistics Likert questionnaire items Q1-Q4", lambda: long_likert()[:, [0, 2, 3, 4]]),
    ],
)
def test_omega_matches_sklearn_factor_analysis(name, make):
    """Independent implementation: sklearn FactorAnalysis (ML, 1 factor); tolerance 1e-5."""
    data = make()
    ours = mcdonald_omega(data)
    omega, loadings = sklearn_omega(data)
    assert ours.omega == pytest.approx(omega, abs=1e-5), name
    assert np.asarray(ours.loadings) == pytest.approx(loadings, abs=1e-4), name


def _seeded_congeneric() -> np.ndarray:
    rng = np.random.default_rng(2024)
    loadings = np.array([0.8, 0.7, 0.6, 0.5, 0.4])
    factor = rng.standard_normal(300)
    noise = rng.standard_normal((300, 5)) * np.sqrt(1 - loadings**2)
    return factor[:, None] * loadings + noise


def test_omega_with_too_little_data_returns_nan_and_warning():
    """Design rule: never crash; a one-factor model needs 3 items and some persons."""
    two_items = mcdonald_omega([[1, 2], [2, 3], [3, 5], [4, 4]])
    assert np.isnan(two_items.omega) and "3 items" in two_items.warning
    few = mcdonald_omega([[1, 2, 3], [2, 3, 3]])
    assert np.isnan(few.omega) and few.warning
    constant = mcdonald_omega([[1, 2, 3], [1, 3, 4], [1, 1, 2], [1, 5, 5]])
    assert np.isnan(constant.omega) and "vary" in constant.warning


def test_omega_with_missing_answers_uses_pairwise_correlations():
    """Independent check: sklearn's ML fit on complete data with the same (pandas) pairwise correlations."""
    holes = _seeded_congeneric()[:150].copy()
    holes[::7, 1] = np.nan
    holes[3::11, 4] = np.nan
    result = mcdonald_omega(holes)
    assert (result.n, result.k) == (150, 5)
    pairwise = pd.DataFrame(holes).corr().to_numpy()
    omega, loadings = sklearn_omega(exact_sample(pairwise, 200, seed=11))
    assert result.omega == pytest.approx(omega, abs=1e-5)
    assert np.asarray(result.loadings) == pytest.approx(loadings, abs=1e-4)
