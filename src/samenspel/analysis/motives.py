"""Motives and their overlap between partners; failure factors and success conditions.

(issue 3 point 6; KNOWLEDGE.md §2 and §5, seeds 001 tabel 2.1 and 000 Tabel 2-3.)

A category may have several motive items (001 tabel 2.1). A respondent's
weight for a category is the share of its items they ticked; ``share`` is the
mean of that over respondents. A partner's motive profile is its mean weight
per category, scaled to sum to 1. Motive overlap is the mean, over all pairs
of partners shown (>= minimum group), of Czekanowski's proportional
similarity ``sum_c min(p_c, q_c)`` of their profiles: 1 = the same motives in
the same proportions, 0 = no motive in common. ``main`` is each partner's
strongest category. Factors are ``check`` items; we report the share of
respondents ticking each, overall and per partner shown.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

import numpy as np

from samenspel.analysis.disclosure import kept
from samenspel.analysis.groups import mean_or_none, published_means
from samenspel.analysis.matrix import RoundMatrix
from samenspel.analysis.scales import Groups
from samenspel.analysis.settings import Settings


@dataclass(frozen=True)
class Motives:
    share: dict[str, float | None]  # category -> mean share of its items ticked (0-1)
    by_partner: dict[str, dict[str, float | None] | None]  # partner -> category -> share
    main: dict[str, str | None]  # partner -> strongest category
    overlap: float | None  # mean pairwise proportional similarity, 0-1
    n: int = 0  # respondents who answered any motive item
    compared: int = 0  # partners whose profiles entered the overlap

    def to_dict(self) -> dict[str, object]:
        return {"share": dict(self.share), "by_partner": dict(self.by_partner), "main": dict(self.main),
                "overlap": self.overlap, "n": self.n, "compared": self.compared}


@dataclass(frozen=True)
class FactorShare:
    id: str
    kind: str  # failure or success
    share: float | None
    n: int
    by_partner: dict[str, float | None]

    def to_dict(self) -> dict[str, object]:
        return {"id": self.id, "kind": self.kind, "share": self.share, "n": self.n, "by_partner": dict(self.by_partner)}


def _ticked(matrix: RoundMatrix, cols: list[int]) -> np.ndarray:
    """1 where any item of ``cols`` is ticked, 0 where answered but none ticked, NaN if none answered."""
    block = matrix.raw[:, cols]
    answered = ~np.isnan(block).all(axis=1)
    out = np.full(matrix.n, np.nan)
    out[answered] = (np.nan_to_num(block[answered]) > 0).any(axis=1).astype(float)
    return out


def _weight(matrix: RoundMatrix, cols: list[int]) -> np.ndarray:
    """Share of the ``cols`` items a respondent ticked; NaN if they answered none."""
    block = matrix.raw[:, cols]
    answered = (~np.isnan(block)).sum(axis=1)
    out = np.full(matrix.n, np.nan)
    some = answered > 0
    out[some] = (np.nan_to_num(block[some]) > 0).sum(axis=1) / answered[some]
    return out


def similarity(p: dict[str, float], q: dict[str, float]) -> float | None:
    """Czekanowski's proportional similarity of two profiles (each scaled to sum 1)."""
    sp, sq = sum(p.values()), sum(q.values())
    if sp <= 0 or sq <= 0:
        return None
    return float(sum(min(p[c] / sp, q.get(c, 0.0) / sq) for c in p))


def motives(matrix: RoundMatrix, groups: Groups) -> Motives | None:
    cats = list(dict.fromkeys(it.construct_key for it in matrix.items if it.construct_kind == "motive"))
    if not cats:
        return None
    weights = {c: _weight(matrix, matrix.exact(f"motive:{c}")) for c in cats}
    answered = ~np.isnan(np.column_stack(list(weights.values()))).all(axis=1)
    # over the published rows only (analysis.disclosure, rule 2): partners with the minimum of answers
    rows, kept_groups = kept(answered, groups.masks, groups.partners, groups.min_group)
    share = {c: mean_or_none(v[rows]) for c, v in weights.items()}
    by_partner: dict[str, dict[str, float | None] | None] = {p: None for p in groups.partners}
    main: dict[str, str | None] = {p: None for p in groups.partners}
    profiles: dict[str, dict[str, float]] = {}
    for p in kept_groups:
        shares = {c: mean_or_none(v[groups.masks[p] & rows]) for c, v in weights.items()}
        by_partner[p] = shares
        known = {c: v for c, v in shares.items() if v is not None}
        if known and max(known.values()) > 0:
            main[p] = max(known, key=lambda c: known[c])
            profiles[p] = known
    pairs = [similarity(profiles[a], profiles[b]) for a, b in combinations(profiles, 2)]
    kept_pairs = [x for x in pairs if x is not None]
    return Motives(share, by_partner, main, float(np.mean(kept_pairs)) if kept_pairs else None,
                   int(np.count_nonzero(rows)), len(profiles))


def factors(matrix: RoundMatrix, groups: Groups) -> tuple[FactorShare, ...]:
    out: list[FactorShare] = []
    for kind in ("failure", "success"):
        ids = list(dict.fromkeys(it.construct_key for it in matrix.items if it.construct_kind == kind))
        for fid in ids:
            v = _ticked(matrix, matrix.exact(f"{kind}:{fid}"))
            share, n, by_partner, _ = published_means(v, groups.masks, groups.partners, groups.min_group)
            out.append(FactorShare(fid, kind, share, n, by_partner))
    return tuple(out)


def recognised(shares: tuple[FactorShare, ...], kind: str, settings: Settings) -> list[FactorShare]:
    """Factors of ``kind`` ticked by at least ``settings.factor_share`` of respondents, most ticked first."""
    hits = [f for f in shares if f.kind == kind and f.share is not None and f.share >= settings.factor_share]
    return sorted(hits, key=lambda f: -(f.share or 0.0))
