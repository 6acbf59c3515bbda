"""One-way analysis of variance shared by `agreement.icc_groups` and `divergence.one_way` (private)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ._common import NAN, FloatArray
from ._distributions import f_sf


@dataclass(frozen=True)
class AnovaTable:
    """Sums of squares, degrees of freedom and the F test of a one-way ANOVA."""

    ss_between: float
    ss_within: float
    df_between: int
    df_within: int
    n: int
    sizes: tuple[int, ...]

    @property
    def ss_total(self) -> float:
        return self.ss_between + self.ss_within

    @property
    def ms_between(self) -> float:
        return self.ss_between / self.df_between if self.df_between > 0 else NAN

    @property
    def ms_within(self) -> float:
        return self.ss_within / self.df_within if self.df_within > 0 else NAN

    @property
    def f(self) -> float:
        msw = self.ms_within
        if np.isnan(msw) or self.df_between < 1:
            return NAN
        if msw == 0:
            return float("inf") if self.ms_between > 0 else NAN
        return self.ms_between / msw

    @property
    def p(self) -> float:
        f = self.f
        if np.isnan(f):
            return NAN
        return f_sf(f, self.df_between, self.df_within)  # = stats.f.sf, without importing scipy

    @property
    def k_adjusted(self) -> float:
        """Adjusted mean group size n0 = (N - sum n_g^2 / N) / (G - 1) (Snedecor & Cochran)."""
        groups = len(self.sizes)
        if groups < 2:
            return NAN
        sizes = np.asarray(self.sizes, dtype=float)
        return float((self.n - (sizes**2).sum() / self.n) / (groups - 1))


def anova(samples: list[FloatArray]) -> AnovaTable:
    """One-way ANOVA table of the given groups (NaN already removed)."""
    sizes = tuple(int(s.size) for s in samples)
    n = int(sum(sizes))
    if n == 0:
        return AnovaTable(NAN, NAN, len(samples) - 1, 0, 0, sizes)
    everything = np.concatenate(samples)
    grand = float(everything.mean())
    # all groups at once: group sums by bincount over the group index of each answer
    size_array = np.asarray(sizes, dtype=float)
    codes = np.repeat(np.arange(len(samples)), sizes)
    with np.errstate(invalid="ignore", divide="ignore"):
        means = np.bincount(codes, everything, minlength=len(samples)) / size_array
    filled = size_array > 0
    ss_between = float((size_array[filled] * (means[filled] - grand) ** 2).sum())
    ss_within = float(((everything - means[codes]) ** 2).sum())
    return AnovaTable(ss_between, ss_within, len(samples) - 1, n - len(samples), n, sizes)
