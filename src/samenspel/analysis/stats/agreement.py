"""Within-group agreement and intraclass correlations.

A group mean only speaks for a group when its members see things alike.
`rwg` and `rwg_j` say how much raters agree compared with random answering;
`icc_groups` says how much of the spread lies between groups (partners,
teams) and how reliable the group means are; `shrout_fleiss` gives the six
classic rater-reliability ICCs. Input uses NaN for a missing answer.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from ._anova import anova
from ._common import NAN, FloatArray, as_matrix, drop_missing, join_warnings, split_groups

SHROUT_FLEISS_FORMS = ("ICC(1,1)", "ICC(2,1)", "ICC(3,1)", "ICC(1,k)", "ICC(2,k)", "ICC(3,k)")
"""Keys of the dictionary returned by `shrout_fleiss`, in Shrout & Fleiss's order."""


@dataclass(frozen=True)
class GroupICC:
    """ICC(1), ICC(2) and the one-way ANOVA behind them (Bliese 2000)."""

    icc1: float
    icc2: float
    F: float
    df_between: int
    df_within: int
    p: float
    eta2: float
    k_adj: float
    warning: str | None = None


def uniform_null_variance(n_options: int) -> float:
    """Variance of answering at random on an A-point scale: (A^2 - 1) / 12 (James et al. 1984).

    Raises ValueError when `n_options` < 2 (programmer error).
    """
    if int(n_options) != n_options or n_options < 2:
        raise ValueError(f"n_options must be an integer >= 2, got {n_options}")
    return (n_options**2 - 1) / 12


def rwg(values: ArrayLike, n_options: int, *, null_variance: float | None = None) -> float:
    """Single-item within-group agreement r_wg (James, Demaree & Wolf 1984).

    ::

        r_wg = 1 - s^2 / sigma_EU^2,   sigma_EU^2 = (A^2 - 1) / 12

    with s^2 the sample variance (n - 1 denominator) of the non-missing
    ratings and A the number of answer options. A variance larger than the
    random-answering variance is truncated to it, so r_wg lies in [0, 1]
    (James et al. 1984; the R package multilevel does the same). Another null
    distribution (LeBreton & Senter 2008) can be given as `null_variance`.
    Returns NaN with fewer than 2 ratings.
    """
    sigma2 = uniform_null_variance(n_options) if null_variance is None else float(null_variance)
    if not sigma2 > 0:
        raise ValueError(f"null_variance must be positive, got {null_variance}")
    ratings = drop_missing(values)
    if ratings.size < 2:
        return NAN
    s2 = float(ratings.var(ddof=1))
    return 1.0 - min(s2, sigma2) / sigma2


def rwg_j(matrix: ArrayLike, n_options: int, *, null_variance: float | None = None) -> float:
    """Multi-item within-group agreement r_wg(J) (James, Demaree & Wolf 1984).

    `matrix` is n_raters x J items. With s_mean^2 the mean of the item
    variances (each over the raters who answered it) and sigma^2 the
    random-answering variance (A^2 - 1) / 12::

        r = s_mean^2 / sigma^2
        r_wg(J) = J (1 - r) / (J (1 - r) + r)

    Truncation (James et al. 1984, as in the R package multilevel; endorsed
    by LeBreton & Senter 2008): when s_mean^2 >= sigma^2 the formula leaves [0, 1] (it can turn negative
    or exceed 1), so r_wg(J) is set to 0, meaning no agreement. J counts the
    items with at least 2 ratings; returns NaN when there is none.

    Missing answers are skipped per item, so a rater who left one item open
    still counts for the others (R's multilevel::rwg.j instead drops that
    rater entirely; both agree on complete data).
    """
    sigma2 = uniform_null_variance(n_options) if null_variance is None else float(null_variance)
    if not sigma2 > 0:
        raise ValueError(f"null_variance must be positive, got {null_variance}")
    data = as_matrix(matrix, "matrix")
    present = ~np.isnan(data)
    counts = present.sum(axis=0)
    used = counts >= 2
    if not used.any():
        return NAN
    block = np.where(present, data, 0.0)[:, used]
    n_used = counts[used]
    means = block.sum(axis=0) / n_used
    deviations = np.where(present[:, used], block - means, 0.0)
    variances = (deviations**2).sum(axis=0) / (n_used - 1)
    j = int(used.sum())
    ratio = float(variances.mean()) / sigma2
    if ratio >= 1:
        return 0.0
    return j * (1 - ratio) / (j * (1 - ratio) + ratio)


def icc_groups(values: ArrayLike, groups: Sequence[Any] | ArrayLike) -> GroupICC:
    """ICC(1) and ICC(2) of individual answers nested in groups (Bliese 2000).

    From the one-way ANOVA of `values` by `groups` (pairs with a missing value
    or group are dropped), with MSB/MSW the between/within mean squares::

        ICC(1) = (MSB - MSW) / (MSB + (k - 1) MSW)
        ICC(2) = (MSB - MSW) / MSB              (reliability of the group means)
        eta^2  = SSB / SST
        F = MSB / MSW on (G - 1, N - G) df, p its upper tail

    k is the adjusted mean group size k = (N - sum n_g^2 / N) / (G - 1)
    (Snedecor & Cochran; McGraw & Wong 1996), which equals the common size
    when groups are equal. (The R package multilevel's ICC1 uses N / G
    instead; the two differ only for unequal groups.) ICC(1) can be negative
    when groups differ less than chance would make them; it is not truncated.
    Needs at least 2 groups and more answers than groups, else NaN fields
    and a `warning`.
    """
    _labels, samples = split_groups(values, groups)
    return icc_samples(samples)


def icc_samples(samples: Sequence[FloatArray]) -> GroupICC:
    """`icc_groups` on answers already split by group (each a 1-D array without NaN)."""
    samples = list(samples)
    table = anova(samples)
    notes: list[str] = []
    if len(samples) < 2:
        notes.append("needs at least 2 groups")
    elif table.df_within < 1:
        notes.append("needs a group with at least 2 answers")
    if notes:
        return GroupICC(
            NAN, NAN, NAN, table.df_between, table.df_within, NAN, NAN, NAN, join_warnings(notes)
        )
    singles = sum(1 for s in samples if s.size == 1)
    if singles:
        notes.append(f"{singles} groups with a single answer")
    msb, msw = table.ms_between, table.ms_within
    k_adj = table.k_adjusted
    if msb == 0:
        notes.append("group means do not differ")
        icc1 = icc2 = NAN
    else:
        icc1 = (msb - msw) / (msb + (k_adj - 1) * msw)
        icc2 = (msb - msw) / msb
    eta2 = table.ss_between / table.ss_total if table.ss_total > 0 else NAN
    if table.ss_total == 0:
        notes.append("answers do not vary")
    return GroupICC(
        float(icc1),
        float(icc2),
        table.f,
        table.df_between,
        table.df_within,
        table.p,
        float(eta2),
        k_adj,
        join_warnings(notes),
    )


def shrout_fleiss(ratings: ArrayLike) -> dict[str, float]:
    """The six intraclass correlations of Shrout & Fleiss (1979), Table 1 formulas.

    `ratings` is n_targets x k_judges. Targets with a missing rating are left
    out (listwise), because the two-way ANOVA needs complete data. With BMS
    (between targets), WMS (within targets), JMS (between judges) and EMS
    (residual) mean squares::

        ICC(1,1) = (BMS - WMS) / (BMS + (k - 1) WMS)
        ICC(2,1) = (BMS - EMS) / (BMS + (k - 1) EMS + k (JMS - EMS) / n)
        ICC(3,1) = (BMS - EMS) / (BMS + (k - 1) EMS)
        ICC(1,k) = (BMS - WMS) / BMS
        ICC(2,k) = (BMS - EMS) / (BMS + (JMS - EMS) / n)
        ICC(3,k) = (BMS - EMS) / BMS

    Keys are `SHROUT_FLEISS_FORMS`. With fewer than 2 complete targets or 2
    judges every value is NaN; a form whose denominator is 0 (e.g. targets
    that do not differ at all) is NaN. Like every ANOVA estimator these can
    fall outside [-1, 1] on odd data (a negative variance-component
    estimate); they are not truncated.
    """
    data = as_matrix(ratings, "ratings")
    data = data[~np.isnan(data).any(axis=1)]
    n, k = data.shape
    if n < 2 or k < 2:
        return dict.fromkeys(SHROUT_FLEISS_FORMS, NAN)
    grand = data.mean()
    ss_targets = k * float(((data.mean(axis=1) - grand) ** 2).sum())
    ss_judges = n * float(((data.mean(axis=0) - grand) ** 2).sum())
    ss_within = float(((data - data.mean(axis=1, keepdims=True)) ** 2).sum())
    bms = np.float64(ss_targets / (n - 1))
    wms = np.float64(ss_within / (n * (k - 1)))
    jms = np.float64(ss_judges / (k - 1))
    ems = np.float64((ss_within - ss_judges) / ((n - 1) * (k - 1)))
    with np.errstate(divide="ignore", invalid="ignore"):
        values = (
            (bms - wms) / (bms + (k - 1) * wms),
            (bms - ems) / (bms + (k - 1) * ems + k * (jms - ems) / n),
            (bms - ems) / (bms + (k - 1) * ems),
            (bms - wms) / bms,
            (bms - ems) / (bms + (jms - ems) / n),
            (bms - ems) / bms,
        )
    return {
        form: float(v) if np.isfinite(v) else NAN
        for form, v in zip(SHROUT_FLEISS_FORMS, values, strict=True)
    }
