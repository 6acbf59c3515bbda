"""Phase on the common axis 1-4 (issue 3 point 5; KNOWLEDGE.md §4).

The ``phase`` item is a choice whose option values are the axis. We report the
distribution, the modal phase (ties go to the earlier phase: when in doubt,
advice for the earlier phase is the safer one), Van der Eijk's agreement and
the knowledge base's advice (what you see, what to do) for the modal phase.

Questionnaire 2.0 also asks ``phase:detail``: which of seed 004's three phases
(the knowledge base's phase model ``steering_practice``: design and align,
discover and learn, productivity and added value) fits best. It refines axis
3, where 004's "discover and learn" and "productivity and added value" both
sit; ``detail`` reports its modal stage and distribution next to the common
axis, which stays what rounds and alliances are compared on.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from samenspel.analysis import measures
from samenspel.analysis.matrix import RoundMatrix
from samenspel.analysis.scales import Groups
from samenspel.knowledge.model import KnowledgeBase

AXIS = (1, 2, 3, 4)
DETAIL_MODEL = "steering_practice"


@dataclass(frozen=True)
class PhaseDetail:
    """Seed 004's phase as respondents see it (construct ``phase:detail``)."""

    modal: str | None  # stage id of the phase model, e.g. "discover_learn"
    agreement: float | None
    distribution: dict[str, float]  # stage id -> share of respondents
    n: int
    name: dict[str, str] | None  # the modal stage's name, nl and en
    axis: tuple[int, ...]  # where the modal stage sits on the common axis

    def to_dict(self) -> dict[str, object]:
        return {"modal": self.modal, "agreement": self.agreement, "distribution": dict(self.distribution),
                "n": self.n, "name": self.name, "axis": list(self.axis), "model": DETAIL_MODEL}


@dataclass(frozen=True)
class PhaseResult:
    modal: int | None
    agreement: float | None
    distribution: dict[str, float]
    n: int
    by_partner: dict[str, int | None]  # modal phase per partner (None below the minimum group)
    advice: dict[str, object]  # knowledge-base texts for the modal phase: question, see, do, source
    detail: PhaseDetail | None = None  # seed 004's phase, where the questionnaire asks it (2.0)

    def to_dict(self) -> dict[str, object]:
        return {"modal": self.modal, "agreement": self.agreement, "distribution": dict(self.distribution),
                "n": self.n, "by_partner": dict(self.by_partner), "advice": self.advice,
                "detail": self.detail.to_dict() if self.detail else None}


def _modal(values: np.ndarray) -> int | None:
    counts = [int(np.sum(values == a)) for a in AXIS]
    return AXIS[int(np.argmax(counts))] if sum(counts) else None


def phase(matrix: RoundMatrix, groups: Groups, kb: KnowledgeBase) -> PhaseResult | None:
    cols = matrix.exact("phase")
    if not cols:
        return None
    v = matrix.raw[:, cols[0]]
    ok = ~np.isnan(v) & np.isin(v, AXIS)
    counts = [int(np.sum(v[ok] == a)) for a in AXIS]
    n = sum(counts)
    modal = _modal(v[ok])
    by_partner = {
        p: (_modal(v[ok & groups.masks[p]]) if groups.partner_n[p] >= groups.min_group else None) for p in groups.partners
    }
    advice: dict[str, object] = {}
    if modal is not None and modal in kb.phases:
        ph = kb.phases[modal]
        advice = {"name": ph.name.as_dict(), "question": ph.question.as_dict(),
                  "see": [t.as_dict() for t in ph.see], "do": [t.as_dict() for t in ph.do], "source": ph.source}
    return PhaseResult(
        modal=modal,
        agreement=measures.ordinal_agreement(counts) if n >= 2 else None,
        distribution={str(a): (c / n if n else 0.0) for a, c in zip(AXIS, counts)},
        n=n, by_partner=by_partner, advice=advice, detail=detail(matrix, kb),
    )


def detail(matrix: RoundMatrix, kb: KnowledgeBase) -> PhaseDetail | None:
    """The modal 004 phase (ties to the earlier stage), its distribution and agreement; None if not asked."""
    cols = matrix.exact("phase:detail")
    model = kb.phase_models.get(DETAIL_MODEL)
    if not cols or model is None:
        return None
    item = matrix.items[cols[0]]
    stages = {o.value: o.id for o in item.options}
    values = sorted(stages)
    v = matrix.raw[:, cols[0]]
    v = v[~np.isnan(v)]
    counts = [int(np.sum(v == k)) for k in values]
    n = sum(counts)
    modal = stages[values[int(np.argmax(counts))]] if n else None
    stage = next((s for s in model.stages if s.id == modal), None)
    return PhaseDetail(
        modal=modal,
        agreement=measures.ordinal_agreement(counts) if n >= 2 else None,
        distribution={stages[k]: (c / n if n else 0.0) for k, c in zip(values, counts)},
        n=n, name=stage.name.as_dict() if stage else None, axis=tuple(stage.axis) if stage else (),
    )
