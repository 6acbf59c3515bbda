"""Motives and their overlap between partners; failure factors and success conditions.

(issue 3 point 6; KNOWLEDGE.md §2 and §5, seeds 001 tabel 2.1 and 000 Tabel 2-3.)

A respondent "has" a motive category when they ticked at least one item of
it. A partner's motive set is the categories ticked by at least half of its
respondents. Motive overlap is the mean Jaccard similarity (shared / either)
of the motive sets over all pairs of partners shown (>= minimum group); two
empty sets count as equal. Factors are ``check`` items; we report the share
of respondents ticking each, overall and per partner shown.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

import numpy as np

from samenspel.analysis.groups import group_means, mean_or_none
from samenspel.analysis.matrix import RoundMatrix
from samenspel.analysis.scales import Groups
from samenspel.analysis.settings import Settings


@dataclass(frozen=True)
class Motives:
    share: dict[str, float | None]  # category -> share of respondents (0-1)
    by_partner: dict[str, dict[str, float | None] | None]  # partner -> category -> share
    sets: dict[str, tuple[str, ...] | None]  # partner -> categories of the majority
    overlap: float | None  # mean pairwise Jaccard, 0-1

    def to_dict(self) -> dict[str, object]:
        return {"share": dict(self.share), "by_partner": dict(self.by_partner),
                "sets": {p: list(s) if s is not None else None for p, s in self.sets.items()},
                "overlap": self.overlap}


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


def jaccard(a: set[str], b: set[str]) -> float:
    return 1.0 if not a and not b else len(a & b) / len(a | b)


def motives(matrix: RoundMatrix, groups: Groups) -> Motives | None:
    cats = list(dict.fromkeys(it.construct_key for it in matrix.items if it.construct_kind == "motive"))
    if not cats:
        return None
    ticked = {c: _ticked(matrix, matrix.exact(f"motive:{c}")) for c in cats}
    share = {c: mean_or_none(v) for c, v in ticked.items()}
    by_partner: dict[str, dict[str, float | None] | None] = {p: None for p in groups.partners}
    sets: dict[str, tuple[str, ...] | None] = {p: None for p in groups.partners}
    for p in groups.eligible:
        shares = {c: group_means(v, groups.masks, [p], groups.partner_n, groups.min_group)[p] for c, v in ticked.items()}
        by_partner[p] = shares
        sets[p] = tuple(c for c, s in shares.items() if s is not None and s >= 0.5)
    pairs = [jaccard(set(sets[a] or ()), set(sets[b] or ())) for a, b in combinations(groups.eligible, 2)]
    return Motives(share, by_partner, sets, float(np.mean(pairs)) if pairs else None)


def factors(matrix: RoundMatrix, groups: Groups) -> tuple[FactorShare, ...]:
    out: list[FactorShare] = []
    for kind in ("failure", "success"):
        ids = list(dict.fromkeys(it.construct_key for it in matrix.items if it.construct_kind == kind))
        for fid in ids:
            v = _ticked(matrix, matrix.exact(f"{kind}:{fid}"))
            out.append(FactorShare(fid, kind, mean_or_none(v), int(np.sum(~np.isnan(v))),
                                   group_means(v, groups.masks, groups.partners, groups.partner_n, groups.min_group)))
    return tuple(out)


def recognised(shares: tuple[FactorShare, ...], kind: str, settings: Settings) -> list[FactorShare]:
    """Factors of ``kind`` ticked by at least ``settings.factor_share`` of respondents, most ticked first."""
    hits = [f for f in shares if f.kind == kind and f.share is not None and f.share >= settings.factor_share]
    return sorted(hits, key=lambda f: -(f.share or 0.0))
