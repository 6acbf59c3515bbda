"""Tails and quantiles of the F and t distributions without importing scipy (private).

Why: ``import scipy.special`` costs about 0.15-0.25 s, a large part of the
start-up of ``samenspel analyse``; the analysis needs only these few
functions. All rest on the regularized incomplete beta function I_x(a, b),
evaluated by its continued fraction with the modified Lentz method
(Press et al., *Numerical Recipes*, 3rd ed., §6.4), switching to
I_x(a, b) = 1 - I_{1-x}(b, a) where that converges faster. Tests compare
every function with scipy.special on a grid (tests/analysis/stats).

    F upper tail: P(F_{d1,d2} > f) = I_{d2 / (d2 + d1 f)}(d2 / 2, d1 / 2)
    t upper tail: P(T_df > t) = I_{df / (df + t^2)}(df / 2, 1 / 2) / 2   (t >= 0)
"""

from __future__ import annotations

import functools
import math

_EPS = 1e-16
_TINY = 1e-300
_MAX_ITER = 2000


def _continued_fraction(a: float, b: float, x: float) -> float:
    """Continued fraction of I_x(a, b) (Numerical Recipes ``betacf``), modified Lentz."""
    qab, qap, qam = a + b, a + 1.0, a - 1.0
    c = 1.0
    d = 1.0 - qab * x / qap
    d = 1.0 / (d if abs(d) > _TINY else _TINY)
    h = d
    for m in range(1, _MAX_ITER + 1):
        m2 = 2 * m
        aa = m * (b - m) * x / ((qam + m2) * (a + m2))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) > _TINY else _TINY)
        c = 1.0 + aa / c
        c = c if abs(c) > _TINY else _TINY
        h *= d * c
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) > _TINY else _TINY)
        c = 1.0 + aa / c
        c = c if abs(c) > _TINY else _TINY
        step = d * c
        h *= step
        if abs(step - 1.0) < _EPS:
            break
    return h


def betainc(a: float, b: float, x: float, y: float | None = None) -> float:
    """Regularized incomplete beta I_x(a, b); ``y`` = 1 - x when the caller knows it more exactly."""
    y = 1.0 - x if y is None else y
    if x <= 0.0:
        return 0.0
    if y <= 0.0:
        return 1.0
    log_front = math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log(y)
    front = math.exp(log_front)
    if x < (a + 1.0) / (a + b + 2.0):
        return front * _continued_fraction(a, b, x) / a
    return 1.0 - front * _continued_fraction(b, a, y) / b


def f_sf(f: float, d1: float, d2: float) -> float:
    """P(F > f) for the F distribution on (d1, d2) degrees of freedom (= scipy.special.fdtrc)."""
    if math.isnan(f) or math.isnan(d1) or math.isnan(d2) or d1 <= 0 or d2 <= 0:
        return math.nan
    if f <= 0:
        return 1.0
    if math.isinf(f):
        return 0.0
    denominator = d2 + d1 * f
    return betainc(d2 / 2.0, d1 / 2.0, d2 / denominator, d1 * f / denominator)


def _f_log_pdf(f: float, d1: float, d2: float) -> float:
    return (0.5 * d1 * math.log(d1) + 0.5 * d2 * math.log(d2) + (0.5 * d1 - 1.0) * math.log(f)
            - 0.5 * (d1 + d2) * math.log(d2 + d1 * f)
            - (math.lgamma(0.5 * d1) + math.lgamma(0.5 * d2) - math.lgamma(0.5 * (d1 + d2))))


def f_isf(q: float, d1: float, d2: float) -> float:
    """The f with P(F > f) = q (= scipy.stats.f.isf): safeguarded Newton on the upper tail."""
    if not 0.0 < q < 1.0 or d1 <= 0 or d2 <= 0:
        return math.nan
    lo, hi = 0.0, 1.0
    while f_sf(hi, d1, d2) > q:  # bracket: sf falls from 1 at 0 towards 0
        lo, hi = hi, hi * 4.0
        if hi > 1e300:
            return math.inf
    x = (lo + hi) / 2.0
    for _ in range(200):
        g = f_sf(x, d1, d2) - q
        if g > 0:
            lo = x
        else:
            hi = x
        slope = math.exp(_f_log_pdf(x, d1, d2)) if x > 0 else 0.0
        nxt = x + g / slope if slope > 0 else (lo + hi) / 2.0
        if not lo < nxt < hi:
            nxt = (lo + hi) / 2.0
        if abs(nxt - x) <= 1e-15 * max(1.0, abs(x)):
            return nxt
        x = nxt
    return x


def t_sf(t: float, df: float) -> float:
    """P(T > t) for Student's t on ``df`` degrees of freedom (= scipy.special.stdtr(df, -t))."""
    if math.isnan(t) or math.isnan(df) or df <= 0:
        return math.nan
    if math.isinf(t):
        return 0.0 if t > 0 else 1.0
    tail = 0.5 * betainc(df / 2.0, 0.5, df / (df + t * t), t * t / (df + t * t))
    return tail if t >= 0 else 1.0 - tail


@functools.lru_cache(maxsize=4096)
def t_ppf(q: float, df: float) -> float:
    """The ``q`` quantile of Student's t on ``df`` degrees of freedom (= scipy.stats.t.ppf).

    Used for 95% confidence intervals of scale scores. Newton steps on ``t_sf`` (its
    slope is minus the t density) inside a bracket that doubles until it holds the
    quantile; a step that would leave the bracket halves it instead, so it cannot fail
    where bisection would not. Five or six tail evaluations instead of about fifty, and
    remembered per (q, df): a diagnosis asks for the same quantile for many scales.
    """
    if math.isnan(q) or math.isnan(df) or df <= 0 or not 0.0 < q < 1.0:
        return math.nan
    if q == 0.5:
        return 0.0
    if q < 0.5:
        return -t_ppf(1.0 - q, df)
    target = 1.0 - q  # upper tail
    lo, hi = 0.0, 1.0
    while t_sf(hi, df) > target:
        lo, hi = hi, hi * 2.0
        if hi > 1e12:
            return math.inf
    log_c = math.lgamma((df + 1.0) / 2.0) - math.lgamma(df / 2.0) - 0.5 * math.log(df * math.pi)
    t = (lo + hi) / 2.0
    for _ in range(200):
        excess = t_sf(t, df) - target
        if excess == 0.0:
            return t
        if excess > 0.0:
            lo = t
        else:
            hi = t
        density = math.exp(log_c - (df + 1.0) / 2.0 * math.log1p(t * t / df))
        new = t + excess / density if density > 0.0 else math.nan
        if not lo < new < hi:  # also NaN: halve the bracket instead
            new = (lo + hi) / 2.0
        if abs(new - t) <= 1e-13 * max(1.0, new) or hi - lo <= 1e-13 * max(1.0, hi):
            return new
        t = new
    return t
