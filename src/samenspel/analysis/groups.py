"""Group means with the privacy rule: no figure for a group below the minimum size."""

from __future__ import annotations

import numpy as np


def mean_or_none(values: np.ndarray) -> float | None:
    v = values[~np.isnan(values)]
    return float(v.mean()) if v.size else None


def sd_or_none(values: np.ndarray) -> float | None:
    v = values[~np.isnan(values)]
    return float(v.std(ddof=1)) if v.size > 1 else None


def published_means(values: np.ndarray, masks: dict[str, np.ndarray], order: list[str],
                    min_group: int) -> tuple[float | None, int, dict[str, float | None], np.ndarray]:
    """(alliance-wide mean, n, mean per group, rows used) of one measure, over the published groups only.

    A group with fewer than ``min_group`` values on this measure is left out of
    the alliance-wide mean too (``analysis.disclosure``, rule 2).
    """
    from samenspel.analysis.disclosure import kept

    valued = ~np.isnan(values)
    rows, groups = kept(valued, masks, order, min_group)
    means: dict[str, float | None] = dict.fromkeys(order)
    for g in groups:
        means[g] = settled(float(values[masks[g] & rows].mean()))
    n = int(np.count_nonzero(rows))
    return (settled(float(values[rows].mean())) if n else None), n, means, rows


def settled(value: float) -> float:
    """A mean without the last bits that depend on the order the values were summed in.

    The same answers in another row order must give the same figures and the same
    decisions at every threshold (lean, rules); otherwise *who* in a merged group gave
    an answer could show (tests/security/test_disclosure_invariance.py)."""
    return round(value, 9)
