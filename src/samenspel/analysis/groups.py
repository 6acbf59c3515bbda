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
    out: dict[str, float | None] = {}
    for g in order:
        if sizes.get(g, 0) < min_group:
            out[g] = None
        else:
            out[g] = mean_or_none(values[masks[g]])
    return out
