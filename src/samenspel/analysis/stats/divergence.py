"""Do the partners see this differently? A one-way comparison of groups.

The diagnosis wants to say "partners see this differently" only when the
difference is both large enough to matter and unlikely to be chance, and only
about partners big enough to be reported on. The rule, as constants:

- `ETA2_MEDIUM` = 0.06: eta squared of at least Cohen's (1988) "medium"
  effect, so at least 6% of the spread lies between partners. A significant
  but tiny difference is not worth a conversation.
- `P_LEVEL` = 0.05: the classic F test must reject "all partners alike", so
  that a big eta squared from a handful of answers is not read as a pattern.
- `MIN_GROUPS` = 2 groups, each with at least `min_group_size` answers
  (default `MIN_GROUP_SIZE` = 3, the privacy minimum of the whole product).
  Smaller groups are left out of the test altogether, so nobody's answers
  can be singled out and one lone respondent cannot create a "difference".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from ._anova import anova
from ._distributions import f_sf
from ._common import NAN, FloatArray, join_warnings, split_groups

ETA2_MEDIUM = 0.06
"""Cohen's (1988) medium effect for eta squared; the flag needs at least this."""
P_LEVEL = 0.05
"""The F test's p must be below this for the flag."""
MIN_GROUPS = 2
"""At least this many groups of the minimum size are needed to compare."""
MIN_GROUP_SIZE = 3
"""Default minimum answers per group (the product's privacy minimum)."""


@dataclass(frozen=True)
class OneWay:
    """A one-way ANOVA of answers by group, with effect sizes and the divergence flag.

    `groups` is the number of groups compared and `n` the answers in them.
    `welch_F`/`welch_p` are Welch's (1951) test that does not assume equal
    variances (NaN when a compared group has no variance). `flag` applies
    the module's rule.
    """

    F: float
    p: float
    eta2: float
    omega2: float
    n: int
    groups: int
    warning: str | None = None
    df_between: int = 0
    df_within: int = 0
    welch_F: float = NAN
    welch_p: float = NAN
    flag: bool = False


def one_way(
    values: ArrayLike,
    groups: Sequence[Any] | ArrayLike,
    *,
    min_group_size: int = MIN_GROUP_SIZE,
) -> OneWay:
    """Compare the answers of groups (partners) with a one-way ANOVA.

    Pairs with a missing value or group are dropped; groups with fewer than
    `min_group_size` answers are left out (see the module docstring). With
    G groups, N answers and SSB/SSW/SST the between/within/total sums of
    squares::

        F      = (SSB / (G - 1)) / (SSW / (N - G)),  p = P(F_{G-1, N-G} > F)
        eta^2  = SSB / SST
        omega^2 = (SSB - (G - 1) MSW) / (SST + MSW)      (Hays 1963)

    Welch's F (Welch 1951), with w_g = n_g / s_g^2, W = sum w_g and
    m = sum w_g mean_g / W::

        A = sum w_g (mean_g - m)^2 / (G - 1)
        h = sum (1 - w_g / W)^2 / (n_g - 1)
        welch_F = A / (1 + 2 (G - 2) h / (G^2 - 1)),  df = (G - 1, (G^2 - 1) / (3 h))

    `flag` is True when at least `MIN_GROUPS` groups were compared,
    eta^2 >= `ETA2_MEDIUM` and p < `P_LEVEL`. Too little data gives NaN
    fields, flag False and a `warning`. Raises ValueError only when
    `min_group_size` < 1 or the lengths of values and groups differ.
    """
    if min_group_size < 1:
        raise ValueError(f"min_group_size must be at least 1, got {min_group_size}")
    _labels, samples = split_groups(values, groups)
    return one_way_samples(samples, min_group_size=min_group_size)


def one_way_samples(samples: Sequence[FloatArray], *, min_group_size: int = MIN_GROUP_SIZE) -> OneWay:
    """`one_way` on answers already split by group (each a 1-D array without NaN)."""
    if min_group_size < 1:
        raise ValueError(f"min_group_size must be at least 1, got {min_group_size}")
    kept = [s for s in samples if s.size >= min_group_size]
    notes: list[str] = []
    left_out = len(samples) - len(kept)
    if left_out:
        notes.append(f"{left_out} groups with fewer than {min_group_size} answers left out")
    table = anova(kept)
    n = table.n
    if len(kept) < MIN_GROUPS:
        notes.append(f"needs at least {MIN_GROUPS} groups of {min_group_size} or more answers")
        return OneWay(NAN, NAN, NAN, NAN, n, len(kept), join_warnings(notes))
    if table.df_within < 1:
        notes.append("needs a group with at least 2 answers")
        return OneWay(NAN, NAN, NAN, NAN, n, len(kept), join_warnings(notes))
    sst = table.ss_total
    if sst == 0:
        notes.append("answers do not vary")
        eta2 = omega2 = NAN
    else:
        eta2 = table.ss_between / sst
        msw = table.ms_within
        omega2 = (table.ss_between - table.df_between * msw) / (sst + msw)
    welch_f, welch_p = _welch(kept)
    f, p = table.f, table.p
    flag = bool(eta2 >= ETA2_MEDIUM and p < P_LEVEL) if not np.isnan(eta2 + p) else False
    return OneWay(
        F=f,
        p=p,
        eta2=float(eta2),
        omega2=float(omega2),
        n=n,
        groups=len(kept),
        warning=join_warnings(notes),
        df_between=table.df_between,
        df_within=table.df_within,
        welch_F=welch_f,
        welch_p=welch_p,
        flag=flag,
    )


def _welch(samples: list[FloatArray]) -> tuple[float, float]:
    """Welch's heteroscedastic one-way F and its p (NaN when a group has no variance)."""
    sizes = np.array([s.size for s in samples], dtype=float)
    if (sizes < 2).any():
        return NAN, NAN
    g = len(samples)
    codes = np.repeat(np.arange(g), sizes.astype(int))
    everything = np.concatenate(samples)
    means = np.bincount(codes, everything, minlength=g) / sizes
    variances = np.bincount(codes, (everything - means[codes]) ** 2, minlength=g) / (sizes - 1)
    if (variances == 0).any():
        return NAN, NAN
    weights = sizes / variances
    total = weights.sum()
    centre = float((weights * means).sum() / total)
    a = float((weights * (means - centre) ** 2).sum() / (g - 1))
    h = float(((1 - weights / total) ** 2 / (sizes - 1)).sum())
    f = a / (1 + 2 * (g - 2) * h / (g**2 - 1))
    df2 = (g**2 - 1) / (3 * h)
    return f, f_sf(f, g - 1, df2)  # = stats.f.sf
