"""Agreement and polarisation of answers on an ordered rating scale.

A paradox item asks where the alliance stands between two poles. A middling
mean can hide two camps at the poles; Van der Eijk's agreement A tells a
consensus (one peak) from a split (two peaks) without assuming interval
data, and `polarisation` rescales it to 0 (consensus) ... 1 (two camps).
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from ._common import NAN, FloatArray, as_vector


def vde_agreement(
    data: ArrayLike, n_categories: int, *, counts: bool = False, lowest: int = 1
) -> float:
    """Van der Eijk's (2001) agreement A of an ordered rating scale, in [-1, 1].

    `data` holds raw answers (integers `lowest` ... `lowest + n_categories - 1`,
    NaN = missing) or, with `counts=True`, the frequency of each category.

    Van der Eijk's algorithm: the frequency distribution is peeled into
    layers; each layer takes the smallest non-zero frequency m from every
    non-empty category, so it is a 0/1 pattern vector times m. For a pattern
    over K categories with S non-empty ones, count over all ordered triples
    of categories (i < j < l) the unimodal patterns 110 and 011 (TU) and the
    bimodal pattern 101 (TDU)::

        U = ((K - 2) TU - (K - 1) TDU) / ((K - 2) (TU + TDU))   (U = 1 if TU = TDU = 0)
        A_layer = U (1 - (S - 1) / (K - 1))                     (A_layer = 1 if S = 1)

    A is the mean of the layer values weighted by the share of answers in
    each layer. Properties: all answers in one category gives 1, a uniform
    distribution gives 0, a split between both extremes gives -1. Returns
    NaN when there are no answers. Raises ValueError (programmer error) when
    `n_categories` < 3, or when an answer is not one of the categories or a
    count is negative.
    """
    frequencies = _frequencies(data, n_categories, counts=counts, lowest=lowest)
    total = float(frequencies.sum())
    if total == 0:
        return NAN
    remaining = frequencies.copy()
    agreement = 0.0
    while (remaining > 0).any():
        pattern = remaining > 0
        layer = float(remaining[pattern].min())
        agreement += layer * float(pattern.sum()) / total * _pattern_agreement(pattern)
        remaining = np.where(pattern, remaining - layer, 0.0)
        remaining[np.isclose(remaining, 0.0)] = 0.0
    return agreement


def polarisation(
    data: ArrayLike, n_categories: int, *, counts: bool = False, lowest: int = 1
) -> float:
    """Polarisation (1 - A) / 2 in [0, 1], with A Van der Eijk's (2001) agreement.

    0 means everyone picked the same category, 0.5 a uniform spread and 1 two
    equal camps at the two ends of the scale. Arguments as `vde_agreement`;
    NaN when there are no answers.
    """
    return (1.0 - vde_agreement(data, n_categories, counts=counts, lowest=lowest)) / 2.0


def _frequencies(data: ArrayLike, n_categories: int, *, counts: bool, lowest: int) -> FloatArray:
    if int(n_categories) != n_categories or n_categories < 3:
        raise ValueError(f"n_categories must be an integer >= 3, got {n_categories}")
    arr = as_vector(data, "data")
    if counts:
        if arr.size != n_categories:
            raise ValueError(f"counts must have {n_categories} entries, got {arr.size}")
        if np.isnan(arr).any() or (arr < 0).any():
            raise ValueError("counts must be non-negative numbers")
        return arr.astype(float)
    answers = arr[~np.isnan(arr)] - lowest
    if answers.size and (
        (answers != np.round(answers)).any() or answers.min() < 0 or answers.max() >= n_categories
    ):
        raise ValueError(
            f"answers must be whole numbers from {lowest} to {lowest + n_categories - 1}"
        )
    return np.bincount(answers.astype(int), minlength=n_categories).astype(float)


def _pattern_agreement(pattern: np.ndarray) -> float:
    """Agreement of one 0/1 layer (Van der Eijk 2001, equations 2 and 3)."""
    k = pattern.size
    s = int(pattern.sum())
    if s == 1:
        return 1.0
    on = pattern.astype(int)
    # For each middle position j: filled categories before and after it.
    before = np.concatenate(([0], np.cumsum(on)[:-1]))
    after = s - before - on
    empty_before = np.arange(k) - before
    empty_after = (k - 1 - np.arange(k)) - after
    # 101: filled, empty middle, filled. 110: filled, filled middle, empty.
    # 011: empty, filled middle, filled.
    tdu = int((before * after * (on == 0)).sum())
    tu = int((before * empty_after * on).sum() + (empty_before * after * on).sum())
    if tu + tdu == 0:
        unimodality = 1.0
    else:
        unimodality = ((k - 2) * tu - (k - 1) * tdu) / ((k - 2) * (tu + tdu))
    return unimodality * (1 - (s - 1) / (k - 1))
