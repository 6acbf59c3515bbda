"""Change between two measurement rounds.

With two or more rounds the diagnosis reports a trend per domain: how much a
score moved and whether that is more than noise. When the same respondents
answered both rounds use `paired_change`; when the rounds are separate
samples (or respondents cannot be linked) use `independent_change`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

import numpy as np
from numpy.typing import ArrayLike

from ._common import NAN, FloatArray, as_vector, distinct, drop_missing, join_warnings
from ._distributions import t_sf

SMALL_N = 5
"""With fewer answers (pairs, or per round) the change is flagged as a small-n estimate."""


@dataclass(frozen=True)
class Change:
    """Mean change from `before` to `after` with a t test, an effect size and a rank test.

    `d` is Cohen's d_z for paired data and Hedges' g for independent rounds
    (`effect` says which). `wilcoxon_p` is the Wilcoxon signed-rank p (paired)
    or the Wilcoxon rank-sum / Mann-Whitney p (independent). `n` counts pairs
    (paired) or all answers (independent); `n_before`/`n_after` per round.
    """

    mean_diff: float
    t: float
    df: float
    p: float
    d: float
    wilcoxon_p: float
    n: int
    warning: str | None = None
    effect: Literal["dz", "hedges_g"] = "dz"
    n_before: int = 0
    n_after: int = 0


def paired_change(before: ArrayLike, after: ArrayLike) -> Change:
    """Paired change of the same respondents between two rounds.

    Pairs with a missing value on either side are dropped. With the
    differences d_i = after_i - before_i, their mean m and SD s (n - 1)::

        t = m / (s / sqrt(n)),  df = n - 1,  p two-sided (Student 1908)
        d_z = m / s                                       (Cohen 1988)

    `wilcoxon_p` is the two-sided Wilcoxon (1945) signed-rank test on the
    non-zero differences (scipy; exact for small n without ties, else the
    normal approximation with tie correction). Needs 2 pairs; no variation in
    the differences gives NaN t and d with a warning. Raises ValueError
    (programmer error) when the arrays differ in length.
    """
    x, y = as_vector(before, "before"), as_vector(after, "after")
    if x.size != y.size:
        raise ValueError(f"before ({x.size}) and after ({y.size}) differ in length")
    keep = ~(np.isnan(x) | np.isnan(y))
    diff = y[keep] - x[keep]
    n = int(diff.size)
    notes: list[str] = []
    if n < 2:
        notes.append("needs at least 2 complete pairs")
        mean = float(diff.mean()) if n else NAN
        return Change(mean, NAN, NAN, NAN, NAN, NAN, n, join_warnings(notes), "dz", n, n)
    mean = float(diff.mean())
    sd = float(diff.std(ddof=1))
    df = n - 1
    if sd == 0:
        notes.append("every pair changed by the same amount, so no test is possible")
        t = p = d = NAN
    else:
        t = mean / (sd / np.sqrt(n))
        p = 2 * t_sf(abs(t), df)  # = 2 * stats.t.sf(|t|, df)
        d = mean / sd
    if n < SMALL_N:
        notes.append(f"small n: only {n} pairs")
    wilcoxon_p = _signed_rank_p(diff, notes)
    return Change(mean, float(t), float(df), p, float(d), wilcoxon_p, n, join_warnings(notes),
                  "dz", n, n)


def independent_change(before: ArrayLike, after: ArrayLike) -> Change:
    """Change between two independent rounds: Welch's t test and Hedges' g.

    Missing values are dropped per round. With means m1, m2, SDs s1, s2
    (n - 1) and sizes n1, n2::

        t  = (m2 - m1) / sqrt(s1^2/n1 + s2^2/n2)                   (Welch 1947)
        df = (s1^2/n1 + s2^2/n2)^2 / ((s1^2/n1)^2/(n1-1) + (s2^2/n2)^2/(n2-1))
        g  = (m2 - m1) / s_pooled * (1 - 3 / (4 (n1 + n2) - 9))     (Hedges 1981)

    with s_pooled^2 = ((n1-1) s1^2 + (n2-1) s2^2) / (n1 + n2 - 2).
    `wilcoxon_p` is the two-sided Mann-Whitney U (Wilcoxon rank-sum) p.
    Needs 2 answers per round; no spread at all gives NaN t and g with a
    warning.
    """
    x, y = drop_missing(before, "before"), drop_missing(after, "after")
    n1, n2 = int(x.size), int(y.size)
    notes: list[str] = []
    if n1 < 2 or n2 < 2:
        notes.append("needs at least 2 answers in each round")
        mean = float(y.mean() - x.mean()) if n1 and n2 else NAN
        return Change(mean, NAN, NAN, NAN, NAN, NAN, n1 + n2, join_warnings(notes),
                      "hedges_g", n1, n2)
    mean = float(y.mean() - x.mean())
    v1, v2 = float(x.var(ddof=1)), float(y.var(ddof=1))
    se2 = v1 / n1 + v2 / n2
    if se2 == 0:
        notes.append("answers do not vary within the rounds, so no test is possible")
        t = df = p = g = NAN
    else:
        t = mean / np.sqrt(se2)
        df = se2**2 / ((v1 / n1) ** 2 / (n1 - 1) + (v2 / n2) ** 2 / (n2 - 1))
        p = 2 * t_sf(abs(t), df)  # = 2 * stats.t.sf(|t|, df)
        pooled = np.sqrt(((n1 - 1) * v1 + (n2 - 1) * v2) / (n1 + n2 - 2))
        g = mean / pooled * (1 - 3 / (4 * (n1 + n2) - 9))
    if min(n1, n2) < SMALL_N:
        notes.append(f"small n: {n1} answers before, {n2} after")
    rank_p = _rank_sum_p(x, y)
    return Change(mean, float(t), float(df), p, float(g), rank_p, n1 + n2, join_warnings(notes),
                  "hedges_g", n1, n2)


def _signed_rank_p(diff: FloatArray, notes: list[str]) -> float:
    """Two-sided Wilcoxon signed-rank p on the non-zero differences."""
    nonzero = diff[diff != 0]
    if nonzero.size == 0:
        notes.append("no pair changed, so no signed-rank test")
        return NAN
    ties = distinct(np.abs(nonzero)).size < nonzero.size
    if ties or nonzero.size > 50:
        return _signed_rank_normal_p(nonzero)
    from scipy import stats  # the exact distribution; imported only when needed (slow import)

    return float(stats.wilcoxon(nonzero, method="exact").pvalue)


def _signed_rank_normal_p(nonzero: FloatArray) -> float:
    """Normal approximation of the signed-rank test with tie correction, no continuity correction.

    As scipy.stats.wilcoxon(method="approx"): T = min(R+, R-) with midranks of
    |d|, mean n(n+1)/4 and variance (n(n+1)(2n+1) - sum(t^3 - t)/2) / 24 over
    the tie groups t; computed here because importing scipy.stats costs a
    noticeable part of a second at start-up.
    """
    n = nonzero.size
    magnitude = np.abs(nonzero)
    order = np.argsort(magnitude, kind="mergesort")
    sorted_mag = magnitude[order]
    _, first, counts = np.unique(sorted_mag, return_index=True, return_counts=True)
    midranks = first + (counts + 1) / 2.0  # 1-based average rank of each tie group
    ranks = np.empty(n)
    ranks[order] = np.repeat(midranks, counts)
    r_plus = float(ranks[nonzero > 0].sum())
    r_minus = float(ranks[nonzero < 0].sum())
    statistic = min(r_plus, r_minus)
    mean = n * (n + 1) / 4.0
    variance = (n * (n + 1) * (2 * n + 1) - 0.5 * float((counts**3 - counts).sum())) / 24.0
    if variance <= 0:
        return NAN
    z = (statistic - mean) / math.sqrt(variance)
    return float(min(1.0, math.erfc(abs(z) / math.sqrt(2.0))))


def _rank_sum_p(x: FloatArray, y: FloatArray) -> float:
    """Two-sided Mann-Whitney U p (NaN when all answers are equal)."""
    both = np.concatenate([x, y])
    if np.all(both == both[0]):
        return NAN
    _, counts = np.unique(both, return_counts=True)
    ties = bool((counts > 1).any())
    if min(x.size, y.size) <= 8 and not ties:  # scipy's "auto": the exact distribution for small, untied samples
        from scipy import stats  # imported only when needed (slow import)

        return float(stats.mannwhitneyu(y, x, alternative="two-sided", method="exact").pvalue)
    # the normal approximation with tie and continuity correction, as scipy.stats.mannwhitneyu
    # (method="asymptotic"), computed here: importing scipy.stats costs the CLI about half a second
    n1, n2 = y.size, x.size
    n = n1 + n2
    order = np.argsort(both, kind="mergesort")
    ranks = np.empty(n)
    first = np.concatenate([[0], np.cumsum(counts)[:-1]])
    ranks[order] = np.repeat(first + (counts + 1) / 2.0, counts)
    u1 = float(ranks[x.size:].sum()) - n1 * (n1 + 1) / 2.0  # y's rank sum: y comes second in ``both``
    u = max(u1, n1 * n2 - u1)
    sd = math.sqrt(n1 * n2 / 12.0 * ((n + 1) - float((counts**3 - counts).sum()) / (n * (n - 1))))
    if sd == 0:
        return NAN
    z = (u - n1 * n2 / 2.0 - 0.5) / sd
    return float(min(1.0, math.erfc(z / math.sqrt(2.0))))
