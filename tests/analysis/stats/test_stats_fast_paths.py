"""The vectorised fast paths give the same numbers as independent implementations.

- pairwise-deletion covariances and correlations against pandas
  (DataFrame.cov / DataFrame.corr, which use pairwise complete observations);
- the normal-approximation signed-rank p against scipy.stats.wilcoxon(method="approx");
- the t tails against scipy.stats.t.sf;
- r_wg(J) against a column-by-column loop of the published formula (James et al. 1984);
- one_way_samples / icc_samples against one_way / icc_groups on labelled data.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from samenspel.analysis.stats import icc_groups, one_way, paired_change, rwg_j
from samenspel.analysis.stats.agreement import icc_samples
from samenspel.analysis.stats.change import _signed_rank_normal_p
from samenspel.analysis.stats.divergence import one_way_samples
from samenspel.analysis.stats.reliability import _pairwise_corr, _pairwise_cov


def _likert_with_holes(seed: int, n: int = 60, k: int = 6, missing: float = 0.15) -> np.ndarray:
    rng = np.random.default_rng(seed)
    person = rng.normal(0, 1, (n, 1))
    data = np.clip(np.round(3 + person + rng.normal(0, 0.9, (n, k))), 1, 5)
    data[rng.random((n, k)) < missing] = np.nan
    return data


@pytest.mark.parametrize("seed", range(5))
def test_pairwise_covariance_and_correlation_match_pandas(seed):
    data = _likert_with_holes(seed)
    frame = pd.DataFrame(data)
    np.testing.assert_allclose(_pairwise_cov(data), frame.cov(min_periods=2).to_numpy(), atol=1e-12)
    np.testing.assert_allclose(_pairwise_corr(data), frame.corr(min_periods=2).to_numpy(), atol=1e-12)


def test_pairwise_correlation_of_a_constant_item_is_undefined():
    data = _likert_with_holes(1)
    data[:, 2] = 3.0
    corr = _pairwise_corr(data)
    assert np.isnan(corr[2, 2]) and np.isnan(corr[0, 2])


@pytest.mark.parametrize("seed", range(20))
def test_signed_rank_normal_p_matches_scipy(seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(5, 300))
    diff = np.round(rng.normal(0.3, 1.0, n) * 2) / 2  # many ties
    diff = diff[diff != 0]
    assert _signed_rank_normal_p(diff) == pytest.approx(stats.wilcoxon(diff, method="approx").pvalue, abs=1e-12)


def test_paired_change_t_tail_matches_scipy():
    rng = np.random.default_rng(3)
    before = rng.normal(50, 10, 40)
    after = before + rng.normal(2, 5, 40)
    r = paired_change(before, after)
    assert r.p == pytest.approx(stats.ttest_rel(after, before).pvalue, abs=1e-12)


@pytest.mark.parametrize("seed", range(5))
def test_rwg_j_matches_the_formula_column_by_column(seed):
    data = _likert_with_holes(seed, n=12, k=4, missing=0.2)
    variances = [np.var(c[~np.isnan(c)], ddof=1) for c in data.T if (~np.isnan(c)).sum() >= 2]
    ratio = np.mean(variances) / ((5**2 - 1) / 12)
    j = len(variances)
    expected = 0.0 if ratio >= 1 else j * (1 - ratio) / (j * (1 - ratio) + ratio)
    assert rwg_j(data, 5) == pytest.approx(expected, abs=1e-12)


def test_pre_split_group_statistics_equal_the_labelled_ones():
    rng = np.random.default_rng(8)
    samples = [rng.normal(m, 10, n) for m, n in ((50, 7), (58, 5), (45, 9), (52, 2))]
    values = np.concatenate(samples)
    labels = [g for g, s in enumerate(samples) for _ in s]
    a, b = one_way(values, labels, min_group_size=3), one_way_samples(samples, min_group_size=3)
    assert (a.F, a.p, a.eta2, a.groups, a.flag) == (b.F, b.p, b.eta2, b.groups, b.flag)
    c, d = icc_groups(values, labels), icc_samples(samples)
    assert (c.icc1, c.icc2, c.F) == (d.icc1, d.icc2, d.F)
    assert a.p == pytest.approx(stats.f_oneway(*samples[:3]).pvalue, abs=1e-12)


def _lbfgsb_one_factor(corr: np.ndarray) -> np.ndarray:
    """Independent reference: scipy's L-BFGS-B on factanal's objective (the fit used before)."""
    from scipy import optimize

    k = corr.shape[0]

    def objective(psi: np.ndarray) -> float:
        root = np.sqrt(psi)
        values = np.linalg.eigvalsh(corr / np.outer(root, root))[:-1]
        return float(-np.sum(np.log(values) - values) - 1 + k)

    start = np.clip((1 - 0.5 / k) / np.diag(np.linalg.inv(corr)), 0.005, 1.0)
    result = optimize.minimize(objective, start, method="L-BFGS-B", bounds=[(0.005, 1.0)] * k,
                               options={"ftol": 1e-14, "gtol": 1e-10, "maxiter": 2000})
    return result.x


@pytest.mark.parametrize("seed", range(40))
def test_one_factor_fit_reaches_the_lbfgsb_minimum(seed):
    from samenspel.analysis.stats.reliability import _nearest_correlation, _one_factor_ml

    rng = np.random.default_rng(seed)
    n, k = int(rng.integers(20, 300)), int(rng.integers(3, 10))
    load = rng.uniform(0.1, 0.9, k)
    data = np.clip(np.round(3 + rng.normal(0, 1, (n, 1)) * load + rng.normal(0, 0.8, (n, k))), 1, 5)
    corr, _ = _nearest_correlation(_pairwise_corr(data))

    def objective(psi: np.ndarray) -> float:
        root = np.sqrt(psi)
        values = np.linalg.eigvalsh(corr / np.outer(root, root))[:-1]
        return float(-np.sum(np.log(values) - values) - 1 + k)

    _, psi = _one_factor_ml(corr)
    reference = _lbfgsb_one_factor(corr)
    assert objective(psi) <= objective(reference) + 1e-10
    assert psi == pytest.approx(reference, abs=1e-4)


def test_cli_start_up_leaves_heavy_libraries_unloaded():
    """`import samenspel.cli` (every command's --help) loads neither networkx nor scipy."""
    import subprocess
    import sys

    code = ("import sys, samenspel.cli; "
            "print(sorted(m for m in ('networkx', 'scipy', 'scipy.stats', 'scipy.optimize') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_analysis_runs_without_importing_scipy():
    """A one-round analysis of coherent scales needs no scipy (its import is a large part of the CLI start-up).

    (Weakly related items can make the omega fit fall back to scipy's L-BFGS-B; not here: person effect 0.6.)
    """
    import subprocess
    import sys

    code = ("import sys; sys.path.insert(0, 'tests/analysis'); "
            "from analysis_synth import make_instrument, make_responses; from analysis_kb import make_kb; "
            "from samenspel.analysis import analyse; inst = make_instrument(); "
            "analyse(make_responses(inst, {'A': 8, 'B': 8, 'C': 8}, seed=0, person_noise=0.6), inst, make_kb()); "
            "print(sorted(m for m in sys.modules if m == 'scipy' or m.startswith('scipy.')))")
    root = __file__.rsplit("/tests/", 1)[0]
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=root).stdout
    assert out.strip() == "[]"


@pytest.mark.parametrize("d1", [1, 2, 4, 11, 39, 287])
@pytest.mark.parametrize("d2", [1, 3, 20, 150.5, 288, 4000])
def test_f_and_t_tails_match_scipy_special(d1, d2):
    """_distributions (continued fraction, Numerical Recipes §6.4) against scipy.special.fdtrc / fdtri / stdtr."""
    from scipy import special

    from samenspel.analysis.stats._distributions import f_isf, f_sf, t_sf

    for f in (1e-4, 0.05, 0.5, 1.0, 2.3, 7.0, 40.0):
        expected = special.fdtrc(d1, d2, f)
        assert f_sf(f, d1, d2) == pytest.approx(expected, rel=1e-9, abs=1e-12)
    for q in (0.025, 0.5, 0.975):
        assert f_isf(q, d1, d2) == pytest.approx(special.fdtri(d1, d2, 1 - q), rel=1e-10)
    for t in (-3.0, -0.4, 0.0, 0.4, 2.0, 9.0):
        assert t_sf(t, d2) == pytest.approx(special.stdtr(d2, -t), rel=1e-9, abs=1e-12)


@pytest.mark.parametrize("df", [1, 2, 4, 9, 29, 150.5, 4000])
def test_t_quantile_matches_scipy(df):
    """_distributions.t_ppf (bisection on t_sf) against scipy.special.stdtrit."""
    from scipy import special

    from samenspel.analysis.stats._distributions import t_ppf

    for q in (0.001, 0.025, 0.3, 0.5, 0.9, 0.975, 0.999):
        assert t_ppf(q, df) == pytest.approx(special.stdtrit(df, q), rel=1e-9, abs=1e-12)


def test_distinct_equals_numpy_unique() -> None:
    """_common.distinct against numpy.unique (numpy 2.4) on integer and finite float arrays."""
    import numpy as np

    from samenspel.analysis.stats._common import distinct

    rng = np.random.default_rng(5)
    for size in (0, 1, 2, 7, 100, 1000):
        ints = rng.integers(-5, 6, size)
        floats = np.round(rng.normal(size=size), 1)
        assert np.array_equal(distinct(ints), np.unique(ints))
        assert distinct(ints).dtype == ints.dtype
        assert np.array_equal(distinct(floats), np.unique(floats))
    assert np.array_equal(distinct(np.array([[3, 1], [1, 2]])), [1, 2, 3])  # flattened, as np.unique


def test_sign_flip_byte_tables_equal_the_bit_matrix_product() -> None:
    """resampling._flipped_sums against the plain unpackbits(raw)[:, :n] @ v it replaces."""
    import numpy as np

    from samenspel.analysis.stats.resampling import _flipped_sums

    rng = np.random.default_rng(11)
    for n in (15, 16, 17, 33, 100, 275):
        raw = rng.integers(0, 256, size=(500, (n + 7) // 8), dtype=np.uint8)
        v = np.round(rng.normal(0, 30, n), 2)
        want = np.unpackbits(raw, axis=1)[:, :n].astype(np.float64) @ v
        np.testing.assert_allclose(_flipped_sums(raw, v), want, rtol=1e-12, atol=1e-9)
