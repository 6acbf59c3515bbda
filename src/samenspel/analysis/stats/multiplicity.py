"""Adjusting p values when several tests are judged together.

Testing five domains, or every pair of partners, at p < .05 each flags something
by chance far more often than one time in twenty. Holm's (1979) step-down rule
keeps the chance of any false flag in the family at the level, and is never
less powerful than Bonferroni's. Tested against statsmodels' ``multipletests``
(method ``holm``) in tests/analysis/test_analysis_holm.py.
"""

from __future__ import annotations

from collections.abc import Sequence


def holm(p_values: Sequence[float]) -> list[float]:
    """Holm's (1979) step-down adjusted p values, in the order given.

    For the i-th smallest of m p values the adjusted p is
    ``max over j <= i of min(1, (m - j + 1) * p_(j))``.

    >>> [round(p, 3) for p in holm([0.01, 0.04, 0.03])]
    [0.03, 0.06, 0.06]
    """
    order = sorted(range(len(p_values)), key=lambda i: p_values[i])
    m = len(p_values)
    out = [1.0] * m
    running = 0.0
    for rank, i in enumerate(order):
        running = max(running, min(1.0, (m - rank) * p_values[i]))
        out[i] = running
    return out
