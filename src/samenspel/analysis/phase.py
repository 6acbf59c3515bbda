"""Phase on the common axis 1-4 (issue 3 point 5; KNOWLEDGE.md §4).

The ``phase`` item is a choice whose option values are the axis. We report the
distribution, the modal phase (ties go to the earlier phase: when in doubt,
advice for the earlier phase is the safer one), Van der Eijk's agreement and
the modal phase's id on the axis; the reading layer adds the knowledge base's
advice for it (what you see, what to do).
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
class PhaseResult:
    modal: int | None
    agreement: float | None
    distribution: dict[str, float]
    n: int
    by_partner: dict[str, int | None]  # modal phase per partner (None below the minimum group)

    def to_dict(self) -> dict[str, object]:
        return {"modal": self.modal, "agreement": self.agreement, "distribution": dict(self.distribution),
                "n": self.n, "by_partner": dict(self.by_partner)}


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
        n=n, by_partner=by_partner,
    )
