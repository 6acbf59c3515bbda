"""Group means with the privacy rule: no figure for a group below the minimum size."""

from __future__ import annotations

import numpy as np


def mean_or_none(values: np.ndarray) -> float | None:
    v = values[~np.isnan(values)]
    return float(v.mean()) if v.size else None


def sd_or_none(values: np.ndarray) -> float | None:
    v = values[~np.isnan(values)]
    return float(v.std(ddof=1)) if v.size > 1 else None


def group_means(
    values: np.ndarray, masks: dict[str, np.ndarray], order: list[str], sizes: dict[str, int], min_group: int
) -> dict[str, float | None]:
    """Mean per group (row mask in ``masks``) in ``order``; ``None`` where fewer than ``min_group`` gave a value.

    A group is shown only when both its head count (``sizes``) and the number
    of its members with a value on this scale or item reach ``min_group``: a
    partner of four of whom two answered a scale must not show those two
    people's mean (docs/PRIVACY.md).
    """
    shown = [g for g in order if sizes.get(g, 0) >= min_group]
    out: dict[str, float | None] = dict.fromkeys(order)
    if not shown:
        return out
    # all shown groups at once: a groups x respondents membership matrix times the values
    member = np.array([masks[g] for g in shown], dtype=float)
    valid = ~np.isnan(values)
    counts = member @ valid.astype(float)
    sums = member @ np.where(valid, values, 0.0)
    for g, c, total in zip(shown, counts.tolist(), sums.tolist()):
        out[g] = total / c if c >= min_group else None
    return out
