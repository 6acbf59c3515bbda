"""Reliability of a multi-item scale: Cronbach's alpha and McDonald's omega.

A domain score is only worth reporting when its items measure the same thing;
these coefficients say how far that holds. Input is a persons x items matrix
with NaN for a missing answer ("don't know" is missing, never 0).

Missing values: both coefficients use *pairwise* deletion. Each covariance
(alpha) or correlation (omega) is computed from the persons who answered
both items, as `psych::alpha(use="pairwise")` and pingouin's default do. This
keeps every answer of a respondent who skipped one item, which matters for
the small groups Samenspel serves. `n` is the number of persons who answered
at least one item; an item nobody (or only one person) answered is dropped
with a warning.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

import numpy as np
from numpy.typing import ArrayLike

from ._common import NAN, FloatArray, as_matrix, join_warnings
from ._distributions import f_isf

ALPHA_LOW = 0.6
"""Below this alpha a scale is flagged "low" (a common lenient cut-off for short scales)."""
SMALL_N = 10
"""With fewer persons the coefficient is flagged as a "small n" estimate."""
HEYWOOD_BOUND = 0.005
"""Lowest uniqueness allowed in the factor fit (as R's factanal); reaching it is a Heywood case."""

INCONSISTENCY = 0.1
"""Pairwise covariances whose matrix has an eigenvalue below -0.1 x the mean item
variance (or that give alpha > 1) are flagged as inconsistent; small negative
eigenvalues are normal with pairwise deletion and harmless."""

Missing = Literal["pairwise", "listwise"]


@dataclass(frozen=True)
class Alpha:
    """Cronbach's alpha with its Feldt confidence interval."""

    alpha: float
    ci_low: float
    ci_high: float
    n: int
    k: int
    warning: str | None = None


@dataclass(frozen=True)
class Omega:
    """McDonald's omega (total) from a one-factor model, with the standardised loadings."""

    omega: float
    loadings: tuple[float, ...]
    n: int
    k: int
    warning: str | None = None


def cronbach_alpha(
    data: ArrayLike, *, ci: float = 0.95, missing: Missing = "pairwise"
) -> Alpha:
    """Cronbach's alpha of an n_persons x k_items matrix (NaN = missing).

    Formula (Cronbach 1951), with C the k x k item covariance matrix::

        alpha = k / (k - 1) * (1 - trace(C) / sum(C))

    Confidence interval of Feldt (1965) and Feldt, Woodruff & Salih (1987),
    with F quantiles on df1 = n - 1 and df2 = (n - 1)(k - 1)::

        ci_low  = 1 - (1 - alpha) * F_{1 - (1 - ci)/2}(df1, df2)
        ci_high = 1 - (1 - alpha) * F_{(1 - ci)/2}(df1, df2)

    `missing="pairwise"` (default) computes each covariance from the persons
    who answered both items; `"listwise"` first drops every person with a
    missing answer. Both match pingouin.cronbach_alpha (which follows the R
    psych package). Pairwise covariances need not form a valid covariance
    matrix; when they clearly do not (see `INCONSISTENCY`) or alpha exceeds 1,
    a warning says so. Too little data gives NaN fields and a `warning`; warnings
    are also given for alpha < 0.6 ("low"), n < 10 ("small n") and k < 2.

    Raises ValueError (programmer error) when `data` is not two-dimensional or
    `ci` is not between 0 and 1.
    """
    if not 0 < ci < 1:
        raise ValueError(f"ci must be between 0 and 1, got {ci}")
    matrix, notes = _prepare(as_matrix(data), missing)
    n, k = matrix.shape
    if k < 2:
        return Alpha(NAN, NAN, NAN, n, k, join_warnings([*notes, "needs at least 2 items"]))
    if n < 2:
        return Alpha(NAN, NAN, NAN, n, k, join_warnings([*notes, "needs at least 2 persons"]))
    cov = _pairwise_cov(matrix)
    total = float(cov.sum())
    if np.isnan(total):
        note = "some pairs of items have fewer than 2 persons answering both"
        return Alpha(NAN, NAN, NAN, n, k, join_warnings([*notes, note]))
    if total <= 0:
        note = "the total score does not vary"
        return Alpha(NAN, NAN, NAN, n, k, join_warnings([*notes, note]))
    alpha = k / (k - 1) * (1 - float(np.trace(cov)) / total)
    mean_variance = float(np.trace(cov)) / k
    if alpha > 1 or np.linalg.eigvalsh(cov).min() < -INCONSISTENCY * mean_variance:
        notes.append(
            "pairwise covariances are inconsistent (few persons answered some pairs "
            "of items), so alpha is unreliable and may even exceed 1"
        )
    df1, df2 = n - 1, (n - 1) * (k - 1)
    tail = (1 - ci) / 2
    ci_low = 1 - (1 - alpha) * f_isf(tail, df1, df2) if alpha <= 1 else NAN  # = stats.f.isf
    ci_high = 1 - (1 - alpha) * f_isf(1 - tail, df1, df2) if alpha <= 1 else NAN
    if alpha < ALPHA_LOW:
        notes.append(f"low: alpha {alpha:.2f} is below {ALPHA_LOW}")
    if n < SMALL_N:
        notes.append(f"small n: only {n} persons")
    return Alpha(alpha, ci_low, ci_high, n, k, join_warnings(notes))


def mcdonald_omega(data: ArrayLike, *, missing: Missing = "pairwise") -> Omega:
    """McDonald's omega total from a one-factor (congeneric) model.

    With standardised loadings l_i and uniquenesses psi_i (McDonald 1999)::

        omega = (sum l)^2 / ((sum l)^2 + sum psi)

    The factor model is fitted by maximum likelihood on the correlation
    matrix R (each correlation from the persons who answered both items,
    like R's `cor(use="pairwise")`), exactly as R's `factanal` does (Joreskog 1967;
    Lawley & Maxwell 1971): the uniquenesses minimise
    ``-sum_{j>1} (log e_j - e_j) - 1 + k`` where e_j are the eigenvalues of
    Psi^(-1/2) R Psi^(-1/2), with psi bounded to [0.005, 1] (projected Newton,
    `_box_newton`; the same minimum as R's L-BFGS-B); the
    loadings follow from the largest eigenpair. Loadings are signed so their
    sum is positive; a negatively loading (reverse-keyed, unrecoded) item
    lowers omega. A pairwise R that is not positive definite is repaired by
    clipping its eigenvalues (with a warning). A uniqueness at the lower bound
    is a Heywood case and is reported as a warning.

    Needs k >= 3 items (a one-factor model on two items is not identified);
    too little data gives NaN and a `warning`. Raises ValueError only when
    `data` is not two-dimensional.
    """
    matrix, notes = _prepare(as_matrix(data), missing)
    n, k = matrix.shape
    if k < 3:
        note = "needs at least 3 items for a one-factor model"
        return Omega(NAN, (), n, k, join_warnings([*notes, note]))
    if n < 3:
        return Omega(NAN, (), n, k, join_warnings([*notes, "needs at least 3 persons"]))
    corr = _pairwise_corr(matrix)
    if np.isnan(corr).any():
        note = (
            "a correlation is undefined: an item does not vary, or a pair of items "
            "has fewer than 2 persons answering both"
        )
        return Omega(NAN, (), n, k, join_warnings([*notes, note]))
    corr, repaired = _nearest_correlation(corr)
    if repaired:
        notes.append("pairwise correlations were not positive definite and were repaired")
    loadings, psi = _one_factor_ml(corr)
    if loadings.sum() < 0:
        loadings = -loadings
    common = float(loadings.sum()) ** 2
    omega = common / (common + float(psi.sum()))
    if (psi <= HEYWOOD_BOUND * 1.0001).any():
        notes.append("Heywood case: an item's uniqueness reached its lower bound")
    if n < SMALL_N:
        notes.append(f"small n: only {n} persons")
    return Omega(omega, tuple(float(x) for x in loadings), n, k, join_warnings(notes))


def _prepare(matrix: FloatArray, missing: Missing) -> tuple[FloatArray, list[str]]:
    """Apply the missing-value policy; drop empty persons and (nearly) empty items."""
    if missing not in ("pairwise", "listwise"):
        raise ValueError(f"missing must be 'pairwise' or 'listwise', got {missing!r}")
    notes: list[str] = []
    if missing == "listwise":
        complete = ~np.isnan(matrix).any(axis=1)
        dropped = int(matrix.shape[0] - complete.sum())
        if dropped:
            notes.append(f"{dropped} persons with a missing answer left out (listwise)")
        matrix = matrix[complete]
    matrix = matrix[~np.isnan(matrix).all(axis=1)]
    answered = (~np.isnan(matrix)).sum(axis=0)
    keep = answered >= 2
    if not keep.all():
        notes.append(f"{int((~keep).sum())} items with fewer than 2 answers left out")
        matrix = matrix[:, keep]
        matrix = matrix[~np.isnan(matrix).all(axis=1)]
    return matrix, notes


def _pairwise_sums(matrix: FloatArray) -> tuple[FloatArray, FloatArray, FloatArray]:
    """For every item pair (i, j), over the rows that answered both: the count n_ij,
    the centred cross-product sum and the sum of squares of item i around its pair mean.

    All pairs at once with matrix products; columns are first centred on their
    own mean, which leaves every (co)variance unchanged and keeps the sums small.
    """
    present = ~np.isnan(matrix)
    weights = present.astype(float)
    column_means = np.nanmean(np.where(present.any(axis=0), matrix, 0.0), axis=0)
    z = np.where(present, matrix - column_means, 0.0)
    n = weights.T @ weights
    with np.errstate(invalid="ignore", divide="ignore"):
        sx = z.T @ weights  # sx[i, j]: sum of item i over rows complete for (i, j)
        cross = z.T @ z - sx * sx.T / n
        squares = (z * z).T @ weights - sx * sx / n
    return n, cross, squares


def _pairwise_cov(matrix: FloatArray) -> FloatArray:
    """Sample covariances (ddof 1), each from the rows complete for that pair."""
    n, cross, _ = _pairwise_sums(matrix)
    with np.errstate(invalid="ignore", divide="ignore"):
        cov = cross / (n - 1)
    cov[n < 2] = np.nan
    return cov


def _pairwise_corr(matrix: FloatArray) -> FloatArray:
    """Pearson correlations, each from the rows complete for that pair (R's use="pairwise")."""
    k = matrix.shape[1]
    n, cross, squares = _pairwise_sums(matrix)
    squares = np.where(squares > 1e-12 * (1.0 + np.abs(squares)), squares, 0.0)  # rounding of an exact 0
    with np.errstate(invalid="ignore", divide="ignore"):
        denominator = np.sqrt(squares * squares.T)
        corr = np.where((n >= 2) & (denominator > 0), cross / denominator, np.nan)
    present = ~np.isnan(matrix)
    answered = present.sum(axis=0)
    spread = np.array([np.ptp(matrix[present[:, i], i]) if answered[i] else 0.0 for i in range(k)])
    diagonal = np.where((answered >= 2) & (spread > 0), 1.0, np.nan)
    corr[np.diag_indices(k)] = diagonal
    return np.clip(corr, -1.0, 1.0)


def _nearest_correlation(corr: FloatArray) -> tuple[FloatArray, bool]:
    """Clip non-positive eigenvalues and rescale to a unit diagonal (Higham-style, one step)."""
    values, vectors = np.linalg.eigh(corr)
    floor = 1e-6
    if values.min() > floor:
        return corr, False
    fixed = (vectors * np.clip(values, floor, None)) @ vectors.T
    scale = np.sqrt(np.diag(fixed))
    return fixed / np.outer(scale, scale), True


def _one_factor_ml(corr: FloatArray) -> tuple[FloatArray, FloatArray]:
    """Maximum-likelihood one-factor fit of a correlation matrix (as R's factanal)."""
    k = corr.shape[0]

    def loadings_for(psi: FloatArray) -> FloatArray:
        root = np.sqrt(psi)
        values, vectors = np.linalg.eigh(corr / np.outer(root, root))
        return root * vectors[:, -1] * np.sqrt(max(values[-1] - 1.0, 0.0))

    def objective_and_gradient(psi: FloatArray) -> tuple[float, FloatArray]:
        # one eigendecomposition gives both the fit function and its gradient
        root = np.sqrt(psi)
        values, vectors = np.linalg.eigh(corr / np.outer(root, root))
        rest = values[:-1]
        load = root * vectors[:, -1] * np.sqrt(max(values[-1] - 1.0, 0.0))
        return float(-np.sum(np.log(rest) - rest) - 1 + k), (load**2 + psi - np.diag(corr)) / psi**2

    start = np.clip((1 - 0.5 / k) / np.diag(np.linalg.inv(corr)), HEYWOOD_BOUND, 1.0)
    psi, converged = _box_newton(objective_and_gradient, start, HEYWOOD_BOUND, 1.0)
    if not converged:  # flat or kinked likelihood: let L-BFGS-B (as R's factanal) finish from the start
        from scipy import optimize  # imported only here: a quarter second at start-up

        result = optimize.minimize(
            objective_and_gradient, start, jac=True, method="L-BFGS-B",
            bounds=[(HEYWOOD_BOUND, 1.0)] * k, options={"ftol": 1e-12, "gtol": 1e-9, "maxiter": 1000},
        )
        psi = np.asarray(result.x, dtype=float)
    return loadings_for(psi), psi


def _box_newton(
    fg: Callable[[FloatArray], tuple[float, FloatArray]], x0: FloatArray, lo: float, hi: float,
    *, gtol: float = 1e-9, max_iter: int = 50,
) -> tuple[FloatArray, bool]:
    """Minimise a smooth function on the box [lo, hi]^k: projected Newton steps with a line search.

    The Hessian of the free variables (those not held at a bound) comes from
    forward differences of the analytic gradient. Returns the point and
    whether it converged (projected gradient below ``gtol``); a Hessian that is
    not positive definite (the likelihood is not convex there and Newton could
    head for another stationary point), a line search that fails or
    ``max_iter`` steps end the search unconverged, and the caller falls back to
    L-BFGS-B from the start, so the minimum found is always L-BFGS-B's. For the usual
    one-factor fit (k items, k small) this takes a handful of steps where
    L-BFGS-B takes dozens, and it spares the CLI the import of scipy.optimize.
    """
    x = np.clip(np.asarray(x0, dtype=float), lo, hi)
    f, g = fg(x)
    for _ in range(max_iter):
        held = ((x <= lo) & (g > 0)) | ((x >= hi) & (g < 0))
        if not np.any(np.abs(g[~held]) > gtol):
            return x, True
        free = np.flatnonzero(~held)
        hess = np.empty((free.size, free.size))
        for j, i in enumerate(free):
            step = 1e-7 * max(1.0, abs(x[i]))
            shifted = x.copy()
            shifted[i] += step
            hess[:, j] = (fg(shifted)[1][free] - g[free]) / step
        hess = (hess + hess.T) / 2
        try:
            np.linalg.cholesky(hess)
        except np.linalg.LinAlgError:
            return x, False
        direction = np.zeros_like(x)
        direction[free] = -np.linalg.solve(hess, g[free])
        t = 1.0
        while True:
            trial = np.clip(x + t * direction, lo, hi)
            f_trial, g_trial = fg(trial)
            if f_trial <= f + 1e-4 * float(g @ (trial - x)):
                break
            t /= 2
            if t < 1e-8:
                return x, False
        x, f, g = trial, f_trial, g_trial
    return x, False
