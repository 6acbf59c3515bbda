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
    """Mean per group (row mask in ``masks``) in ``order``; ``None`` where the group has fewer than ``min_group`` respondents.

    ``sizes`` counts respondents per group in the round, so a group is hidden
    by its head count, not by how many answered this one scale.
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
        out[g] = total / c if c > 0 else None
    return out
