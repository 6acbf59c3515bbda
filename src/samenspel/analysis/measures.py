"""The one place where the engine calls ``analysis.stats``.

The statistics (formulas, references, their own tests) belong to
``analysis.stats``; this module adapts their results to what the engine
needs (``None`` instead of NaN, plain tuples), so a change there touches one
file here.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np


def _num(x: float | None) -> float | None:
    return None if x is None or (isinstance(x, float) and math.isnan(x)) else float(x)


def canonical(block: np.ndarray) -> np.ndarray:
    """The rows of a respondents x items block in an order fixed by their answers.

    Iterative estimates (omega's factor model) and sums in floating point depend a
    little on row order; in a fixed order the same answers always give the same figure,
    so swapping who in a merged group said what changes nothing shown
    (tests/security/test_disclosure_invariance.py)."""
    if block.ndim != 2 or block.shape[0] < 2:
        return block
    keys = np.where(np.isnan(block), -1.0, block)
    return block[np.lexsort(keys.T[::-1])]


def alpha(block: np.ndarray) -> tuple[float | None, tuple[float, float] | None, int]:
    """Cronbach's alpha, its Feldt 95% interval and the n used (pairwise deletion)."""
    from samenspel.analysis.stats.reliability import cronbach_alpha

    r = cronbach_alpha(canonical(block))
    a, lo, hi = _num(r.alpha), _num(r.ci_low), _num(r.ci_high)
    return a, ((lo, hi) if lo is not None and hi is not None else None), int(r.n)


def omega(block: np.ndarray) -> float | None:
    """McDonald's omega total (one factor); ``None`` when it cannot be estimated."""
    from samenspel.analysis.stats.reliability import mcdonald_omega

    return _num(mcdonald_omega(canonical(block)).omega)


def agreement_rwg(block: np.ndarray, n_options: int) -> float | None:
    """Within-group agreement: r_wg for one item, r_wg(J) for several (James et al. 1984)."""
    from samenspel.analysis.stats.agreement import rwg, rwg_j

    if block.shape[0] < 2:
        return None
    if block.shape[1] == 1:
        return _num(rwg(block[:, 0], n_options))
    return _num(rwg_j(block, n_options))


def agreement_rwg_groups(block: np.ndarray, rows: Sequence[np.ndarray], n_options: int) -> list[float | None]:
    """``agreement_rwg`` for several groups of rows at once (same formulas, one matrix product).

    For each group (boolean row mask): item variances over the raters who
    answered (n - 1), their mean over the J items with at least 2 ratings,
    and r_wg(J) = J (1 - r) / (J (1 - r) + r) with r = mean variance / ((A^2 - 1) / 12),
    0 when r >= 1 (James et al. 1984); ``None`` for fewer than 2 rows or no item.
    """
    from samenspel.analysis.stats.agreement import uniform_null_variance

    if not rows:
        return []
    sigma2 = uniform_null_variance(n_options)
    member = np.array(rows, dtype=float)
    present = ~np.isnan(block)
    x = np.where(present, block, 0.0)
    counts = member @ present.astype(float)
    sums = member @ x
    with np.errstate(invalid="ignore", divide="ignore"):
        means = sums / counts
        # centred second moments per group and item: sum over members of (x - group mean)^2
        squares = member @ (x * x) - counts * means**2
        variances = np.where(counts >= 2, np.maximum(squares, 0.0) / (counts - 1), np.nan)
    out: list[float | None] = []
    for n_rows, var in zip(member.sum(axis=1).tolist(), variances):
        used = var[~np.isnan(var)]
        if n_rows < 2 or used.size == 0:
            out.append(None)
            continue
        j = used.size
        ratio = float(used.mean()) / sigma2
        out.append(0.0 if ratio >= 1 else j * (1 - ratio) / (j * (1 - ratio) + ratio))
    return out


def between_partners(samples: Sequence[np.ndarray], min_group: int = 2) -> tuple[
        float | None, float | None, float | None, bool]:
    """One-way ANOVA over the partner groups: F, p, eta squared and the divergence flag."""
    from samenspel.analysis.stats.divergence import one_way_samples

    r = one_way_samples([np.asarray(s, dtype=float) for s in samples], min_group_size=min_group)
    return _num(r.F), _num(r.p), _num(r.eta2), bool(r.flag)


def icc(samples: Sequence[np.ndarray]) -> tuple[float | None, float | None]:
    """ICC(1) and ICC(2) of person scores nested in partners (Bliese 2000)."""
    from samenspel.analysis.stats.agreement import icc_samples

    r = icc_samples([np.asarray(s, dtype=float) for s in samples])
    return _num(r.icc1), _num(r.icc2)


def ordinal_agreement(counts: Sequence[int]) -> float | None:
    """Van der Eijk's agreement A (-1..1) of category counts; ``None`` below 3 categories."""
    from samenspel.analysis.stats.polarisation import vde_agreement

    if len(counts) < 3 or sum(counts) == 0:
        return None
    return _num(vde_agreement(list(counts), len(counts), counts=True))


def polarisation(counts: Sequence[int]) -> float | None:
    """Polarisation (1 - A) / 2, 0 (consensus) .. 1 (two camps at the poles)."""
    from samenspel.analysis.stats.polarisation import polarisation as vde_polarisation

    if len(counts) < 3 or sum(counts) == 0:
        return None
    return _num(vde_polarisation(list(counts), len(counts), counts=True))


def _change_dict(kind: str, r: object) -> dict[str, object]:
    from samenspel.analysis.stats.change import Change

    if not isinstance(r, Change):  # a developer's error
        raise TypeError(f"expected a Change, got {type(r).__name__}")
    return {"kind": kind, "n": r.n, "n_before": r.n_before, "n_after": r.n_after, "mean_diff": _num(r.mean_diff),
            "t": _num(r.t), "df": _num(r.df), "p": _num(r.p), "effect": r.effect, "effect_size": _num(r.d),
            "rank_p": _num(r.wilcoxon_p), "warning": r.warning}


def change_paired(before: Sequence[float], after: Sequence[float]) -> dict[str, object]:
    """Paired t test (Student), Cohen's d_z and Wilcoxon signed-rank p of the same respondents."""
    from samenspel.analysis.stats.change import paired_change

    return _change_dict("paired", paired_change(before, after))


def change_independent(before: Sequence[float], after: Sequence[float]) -> dict[str, object]:
    """Welch's t test, Hedges' g and Mann-Whitney p of two independent rounds."""
    from samenspel.analysis.stats.change import independent_change

    return _change_dict("independent", independent_change(before, after))
