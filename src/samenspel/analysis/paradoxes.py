"""Paradox profile (issue 3 point 4; KNOWLEDGE.md §3, seed 000 §4).

Per paradox: where respondents see the alliance now and where they want it
(POMP: 0 = pole A, 100 = pole B), the gap, how polarised the "now" answers
are (Van der Eijk, via ``measures``), how much the tension hinders, which pole
the alliance leans to and the share of respondents who want to move towards
balance (their desired answer is closer to the middle than their "now").
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from samenspel.analysis import measures
from samenspel.analysis.groups import published_means
from samenspel.analysis.matrix import RoundMatrix, person_scores
from samenspel.analysis.scales import Groups
from samenspel.analysis.settings import Settings


@dataclass(frozen=True)
class ParadoxResult:
    id: str
    now: float | None
    desired: float | None
    gap: float | None  # desired - now; positive = wish to move towards pole B
    polarisation: float | None  # 0 = consensus, 1 = two opposite camps
    agreement: float | None  # Van der Eijk A of the "now" answers, -1..1
    tension: float | None
    lean: str | None  # "a", "b" or "balanced"
    towards_balance: float | None  # share of respondents whose desired is nearer the middle
    by_partner: dict[str, float | None]  # "now" per partner
    n: int = 0  # respondents who placed the alliance now
    n_tension: int = 0  # respondents who rated how much the tension hinders
    n_partners: int = 0  # partners of the respondents who rated the tension

    def to_dict(self) -> dict[str, object]:
        return {"now": self.now, "desired": self.desired, "gap": self.gap, "polarisation": self.polarisation,
                "tension": self.tension, "agreement": self.agreement, "lean": self.lean,
                "towards_balance": self.towards_balance, "by_partner": dict(self.by_partner), "n": self.n,
                "n_tension": self.n_tension}


def _counts(matrix: RoundMatrix, cols: list[int], rows: np.ndarray) -> list[int] | None:
    """Frequencies per answer category of the first item over the published rows (the distribution the measure needs)."""
    if not cols:
        return None
    it = matrix.items[cols[0]]
    if it.min is None or it.max is None:
        return None
    v = matrix.raw[rows, cols[0]]
    v = v[~np.isnan(v)]
    return [int(np.sum(v == k)) for k in range(int(it.min), int(it.max) + 1)]


def paradoxes(matrix: RoundMatrix, groups: Groups, settings: Settings) -> dict[str, ParadoxResult]:
    ids = list(dict.fromkeys(it.construct_key for it in matrix.items if it.construct_kind == "paradox"))
    out: dict[str, ParadoxResult] = {}
    for pid in ids:
        now_cols = matrix.exact(f"paradox:{pid}:now")
        des_cols = matrix.exact(f"paradox:{pid}:desired")
        ten_cols = matrix.exact(f"paradox:{pid}:tension")
        now = person_scores(matrix.pomp[:, now_cols], settings.min_item_share)
        des = person_scores(matrix.pomp[:, des_cols], settings.min_item_share)
        ten = person_scores(matrix.pomp[:, ten_cols], settings.min_item_share)
        # each aspect over its published rows only (analysis.disclosure, rule 2)
        m_now, n_now, by_partner, now_rows = published_means(now, groups.masks, groups.partners, groups.min_group)
        m_des, _, _, des_rows = published_means(des, groups.masks, groups.partners, groups.min_group)
        m_ten, n_ten, ten_by, ten_rows = published_means(ten, groups.masks, groups.partners, groups.min_group)
        gap = m_des - m_now if m_now is not None and m_des is not None else None
        counts = _counts(matrix, now_cols, now_rows)
        pol = agr = None
        if counts is not None and sum(counts) >= 2:
            agr = measures.ordinal_agreement(counts)
            pol = measures.polarisation(counts)
        lean = None
        if m_now is not None:
            lean = "a" if m_now < 50 - settings.lean_margin else "b" if m_now > 50 + settings.lean_margin else "balanced"
        both = now_rows & des_rows
        towards = float(np.mean(np.abs(des[both] - 50) < np.abs(now[both] - 50))) if both.any() else None
        out[pid] = ParadoxResult(
            pid, m_now, m_des, gap, pol, agr, m_ten, lean, towards, by_partner, n_now, n_ten,
            sum(1 for v in ten_by.values() if v is not None),
        )
    return out
