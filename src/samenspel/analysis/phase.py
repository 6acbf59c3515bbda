"""Phase on the common axis 1-4 (issue 3 point 5; KNOWLEDGE.md §4).

The ``phase`` item is a choice whose option values are the axis. We report the
distribution, the modal phase (ties go to the earlier phase: when in doubt,
advice for the earlier phase is the safer one), Van der Eijk's agreement and
the modal phase's id on the axis; the reading layer adds the knowledge base's
advice for it (what you see, what to do).

Questionnaire 2.0 also asks ``phase:detail``: which of seed 004's three phases
(design and align, discover and learn, productivity and added value; the
knowledge base's ``phase_details``) fits best. It refines axis 3, where 004's
last two phases both sit; ``detail`` reports its modal stage (the option id)
and distribution next to the common axis, which stays what rounds and
alliances are compared on.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from samenspel.analysis import measures
from samenspel.analysis.matrix import RoundMatrix
from samenspel.analysis.disclosure import kept
from samenspel.analysis.scales import Groups

AXIS = (1, 2, 3, 4)


@dataclass(frozen=True)
class PhaseDetail:
    """Seed 004's phase as respondents see it (construct ``phase:detail``): option ids, no texts."""

    modal: str | None  # option id, e.g. "discover_learn" (a knowledge-base phase_details id)
    agreement: float | None
    distribution: dict[str, float]  # option id -> share of respondents
    n: int

    def to_dict(self) -> dict[str, object]:
        return {"modal": self.modal, "agreement": self.agreement, "distribution": dict(self.distribution),
                "n": self.n}


@dataclass(frozen=True)
class PhaseResult:
    modal: int | None
    agreement: float | None
    distribution: dict[str, float]
    n: int
    by_partner: dict[str, int | None]  # modal phase per partner (None below the minimum group)
    detail: PhaseDetail | None = None  # seed 004's phase, where the questionnaire asks it (2.0)

    def to_dict(self) -> dict[str, object]:
        return {"modal": self.modal, "agreement": self.agreement, "distribution": dict(self.distribution),
                "n": self.n, "by_partner": dict(self.by_partner),
                "detail": self.detail.to_dict() if self.detail else None}


def _modal(values: np.ndarray) -> int | None:
    counts = [int(np.sum(values == a)) for a in AXIS]
    return AXIS[int(np.argmax(counts))] if sum(counts) else None


def phase(matrix: RoundMatrix, groups: Groups) -> PhaseResult | None:
    cols = matrix.exact("phase")
    if not cols:
        return None
    v = matrix.raw[:, cols[0]]
    valued = ~np.isnan(v) & np.isin(v, AXIS)
    # over the published rows only (analysis.disclosure, rule 2)
    ok, kept_groups = kept(valued, groups.masks, groups.partners, groups.min_group)
    counts = [int(np.sum(v[ok] == a)) for a in AXIS]
    n = sum(counts)
    modal = _modal(v[ok])
    by_partner = {p: (_modal(v[ok & groups.masks[p]]) if p in kept_groups else None) for p in groups.partners}
    return PhaseResult(
        modal=modal,
        agreement=measures.ordinal_agreement(counts) if n >= 2 else None,
        distribution={str(a): (c / n if n else 0.0) for a, c in zip(AXIS, counts)},
        n=n, by_partner=by_partner, detail=detail(matrix, groups),
    )


def detail(matrix: RoundMatrix, groups: Groups) -> PhaseDetail | None:
    """The modal 004 phase (ties to the earlier stage), its distribution and agreement, over the published
    rows; None if not asked."""
    cols = matrix.exact("phase:detail")
    if not cols:
        return None
    item = matrix.items[cols[0]]
    stages = {o.value: o.id for o in item.options}
    values = sorted(stages)
    v = matrix.raw[:, cols[0]]
    ok, _ = kept(~np.isnan(v) & np.isin(v, values), groups.masks, groups.partners, groups.min_group)
    counts = [int(np.sum(v[ok] == k)) for k in values]
    n = sum(counts)
    modal = stages[values[int(np.argmax(counts))]] if n else None
    return PhaseDetail(
        modal=modal,
        agreement=measures.ordinal_agreement(counts) if n >= 2 else None,
        distribution={stages[k]: (c / n if n else 0.0) for k, c in zip(values, counts)},
        n=n,
    )
