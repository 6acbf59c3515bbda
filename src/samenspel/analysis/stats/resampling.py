"""Permutation tests over raters, for claims about one partner or one pair in the network.

A network asymmetry ("A depends far more on B than B on A", "one partner
receives much less trust than the others") rests on a handful of raters.
Before a rule may count it, a resampling test asks whether the difference
could be noise: relabel the raters at random and see how often a difference at
least as large comes out (Fisher 1935; Good 2005, *Permutation, Parametric and
Bootstrap Tests of Hypotheses*, ch. 3).

* :func:`two_sample` - raters of one side against raters of the other (A's
  respondents rating B vs B's respondents rating A): the difference in means,
  with the group labels permuted.
* :func:`sign_flip` - one value per rater (e.g. how much lower a rater rates
  one partner than the rest): the mean difference, with the signs flipped.

Both are exact (every relabelling) when there are at most ``EXACT_LIMIT``
relabellings, else Monte Carlo with ``RESAMPLES`` draws from a fixed seed, so
a diagnosis is the same on every run; the Monte Carlo p is ``(k + 1) / (B + 1)``
(Phipson & Smyth 2010), never 0.

With few raters no relabelling can give a small p at all: the smallest p an
exact test can reach is 1 / (number of relabellings) one-sided. :func:`min_p`
gives it, and a claim whose test cannot reach the level is simply not counted.
With ``level`` 0.05 that needs, two-sided, 4 raters on each side of a pair
(smallest p 2/70 = 0.029) and, one-sided, 5 raters for a sign-flip test
(1/32 = 0.031); docs/RULES.md lists these minimums.

Tested against ``scipy.stats.permutation_test`` (an independent implementation)
in tests/analysis/stats/test_resampling.py.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass
from typing import Literal

import numpy as np
from numpy.typing import ArrayLike

EXACT_LIMIT = 20_000
"""Most relabellings enumerated exactly; beyond, Monte Carlo."""
RESAMPLES = 9_999
"""Monte Carlo draws; with ``(k + 1) / (B + 1)`` the p is a multiple of 1/10,000."""
SEED = 20_251_130
"""Seed of the Monte Carlo draws: the same data give the same p on every run."""

Alternative = Literal["two-sided", "greater", "less"]


@dataclass(frozen=True)
class Permutation:
    """A permutation test's result: observed statistic, p, how it was computed, and the raters."""

    statistic: float  # mean difference (two_sample: mean(x) - mean(y); sign_flip: mean(d))
    p: float
    exact: bool
    n: tuple[int, ...]  # raters: (n_x, n_y) or (n,)
    min_p: float  # the smallest p this design can give


def _p(observed: float, null: np.ndarray, alternative: Alternative, plus_one: bool) -> float:
    """The p of ``observed`` in the null distribution ``null``.

    Two-sided is twice the smaller one-sided p, capped at 1 (the convention of
    ``scipy.stats.permutation_test``; for an asymmetric null it differs from
    counting ``|T| >= |t|``). A small tolerance treats floating ties as ties.
    Monte Carlo (``plus_one``) counts the observed relabelling too.
    """
    eps = 1e-9 * max(1.0, abs(observed))
    extra = 1.0 if plus_one else 0.0
    size = null.size + extra
    greater = (np.count_nonzero(null >= observed - eps) + extra) / size
    less = (np.count_nonzero(null <= observed + eps) + extra) / size
    if alternative == "greater":
        return float(greater)
    if alternative == "less":
        return float(less)
    return float(min(1.0, 2.0 * min(greater, less)))


def min_p(kind: Literal["two_sample", "sign_flip"], n: tuple[int, ...], alternative: Alternative) -> float:
    """The smallest p an exact test of this size can give (1 relabelling as extreme as the data).

    >>> round(min_p("two_sample", (4, 4), "two-sided"), 3)
    0.029
    >>> min_p("sign_flip", (5,), "less")
    0.03125
    """
    total = math.comb(n[0] + n[1], n[0]) if kind == "two_sample" else 2 ** n[0]
    if total == 0:
        return 1.0
    sided = 1 if alternative != "two-sided" else 2
    return min(1.0, sided / total)


def two_sample(x: ArrayLike, y: ArrayLike, alternative: Alternative = "two-sided") -> Permutation:
    """Permutation test of mean(x) - mean(y), the raters' group labels relabelled.

    NaN values are dropped. Needs at least one value on each side.

    >>> r = two_sample([70, 80, 90, 85], [20, 30, 25, 35])
    >>> r.statistic, round(r.p, 3), r.exact
    (53.75, 0.029, True)
    """
    a = np.asarray(x, dtype=float)
    b = np.asarray(y, dtype=float)
    a, b = a[~np.isnan(a)], b[~np.isnan(b)]
    if a.size == 0 or b.size == 0:
        raise ValueError("two_sample needs at least one value on each side")
    pooled = np.concatenate([a, b])
    n, k = pooled.size, a.size
    observed = float(a.mean() - b.mean())
    total_sum = pooled.sum()
    count = math.comb(n, k)
    floor = min_p("two_sample", (k, n - k), alternative)
    if count <= EXACT_LIMIT:
        idx = np.array(list(itertools.combinations(range(n), k)), dtype=np.int64)
        sums = pooled[idx].sum(axis=1)
        null = sums / k - (total_sum - sums) / (n - k)
        return Permutation(observed, _p(observed, null, alternative, False), True, (k, n - k), floor)
    rng = np.random.default_rng(SEED)
    keys = rng.random((RESAMPLES, n))
    first = np.argpartition(keys, k - 1, axis=1)[:, :k]  # k random raters per draw
    sums = pooled[first].sum(axis=1)
    null = sums / k - (total_sum - sums) / (n - k)
    return Permutation(observed, _p(observed, null, alternative, True), False, (k, n - k), floor)


def sign_flip(d: ArrayLike, alternative: Alternative = "two-sided") -> Permutation:
    """Permutation test of mean(d) = 0 for paired differences, flipping each rater's sign.

    Under the null hypothesis each rater's difference is as likely positive as
    negative (a symmetric distribution around 0), so every sign pattern is
    equally likely. NaN values are dropped; needs at least one value.

    >>> r = sign_flip([-30, -25, -40, -20, -35], "less")
    >>> r.statistic, r.p, r.exact
    (-30.0, 0.03125, True)
    """
    v = np.asarray(d, dtype=float)
    v = v[~np.isnan(v)]
    if v.size == 0:
        raise ValueError("sign_flip needs at least one value")
    n = v.size
    observed = float(v.mean())
    floor = min_p("sign_flip", (n,), alternative)
    if 2**n <= EXACT_LIMIT:
        signs = 1.0 - 2.0 * ((np.arange(2**n)[:, None] >> np.arange(n)) & 1)
        null = (signs * v).mean(axis=1)
        return Permutation(observed, _p(observed, null, alternative, False), True, (n,), floor)
    # RESAMPLES random sign patterns as random bits (a fair coin each): flipping the raters with bit 1
    # gives mean = (sum(v) - 2 * bits @ v) / n; twenty times faster than drawing -1/+1 one by one
    rng = np.random.default_rng(SEED)
    raw = np.frombuffer(rng.bytes(RESAMPLES * ((n + 7) // 8)), dtype=np.uint8).reshape(RESAMPLES, -1)
    null = (v.sum() - 2.0 * _flipped_sums(raw, v)) / n
    return Permutation(observed, _p(observed, null, alternative, True), False, (n,), floor)


_BYTE_BITS = np.unpackbits(np.arange(256, dtype=np.uint8)[:, None], axis=1).astype(np.float64)  # 256 x 8


def _flipped_sums(raw: np.ndarray, v: np.ndarray) -> np.ndarray:
    """``unpackbits(raw)[:, :n] @ v`` (bit k of byte j is rater 8j + k, the first bit the highest),
    looked up a byte at a time: each byte value's sum over its eight raters is tabled once, so
    no resamples x raters matrix of floats is made (22 MB for 275 raters, on every test)."""
    n = v.size
    weights = np.zeros(raw.shape[1] * 8)
    weights[:n] = v
    table = _BYTE_BITS @ weights.reshape(-1, 8).T  # 256 x bytes: the sum of each byte value's raters
    return table[raw, np.arange(raw.shape[1])].sum(axis=1)
