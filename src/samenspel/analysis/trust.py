"""Trust x formal overlap (002 fig. 2) and control-vs-trust advice (004) (issue 3 point 6).

The quadrant cuts trust and formal overlap at ``settings.quadrant_cut``.
Governance advice compares relational with field uncertainty: clearly more
relational uncertainty (partners do not know each other) calls for more
control; clearly more field uncertainty (a changing field of work) for more
trust; within ``settings.governance_margin`` points it is ``balance``.
"""

from __future__ import annotations

from dataclasses import dataclass

from samenspel.analysis.scales import ScaleResult
from samenspel.analysis.settings import Settings


@dataclass(frozen=True)
class TrustFormal:
    trust: float | None
    formal_overlap: float | None
    quadrant: str | None  # a knowledge-base trust quadrant id (002 fig. 2)
    by_partner: dict[str, str | None]  # quadrant per partner (None below the minimum group)

    def to_dict(self) -> dict[str, object]:
        return {"trust": self.trust, "formal_overlap": self.formal_overlap, "quadrant": self.quadrant,
                "by_partner": dict(self.by_partner)}


@dataclass(frozen=True)
class Governance:
    relational_uncertainty: float | None
    field_uncertainty: float | None
    advice: str | None  # more_control, more_trust, balance (a knowledge-base governance advice id)

    def to_dict(self) -> dict[str, object]:
        return {"relational_uncertainty": self.relational_uncertainty, "field_uncertainty": self.field_uncertainty,
                "advice": self.advice}


def quadrant_of(trust: float | None, formal: float | None, cut: float) -> str | None:
    if trust is None or formal is None:
        return None
    t = "high_trust" if trust >= cut else "low_trust"
    f = "high_formal" if formal >= cut else "low_formal"
    return f"{t}_{f}"


def trust_formal(trust: ScaleResult | None, formal: ScaleResult | None, settings: Settings) -> TrustFormal | None:
    if trust is None or formal is None:
        return None
    q = quadrant_of(trust.score, formal.score, settings.quadrant_cut)
    by_partner = {p: quadrant_of(v, formal.by_partner.get(p), settings.quadrant_cut)
                  for p, v in trust.by_partner.items()}
    return TrustFormal(trust.score, formal.score, q, by_partner)


def governance(relational: ScaleResult | None, field: ScaleResult | None, settings: Settings) -> Governance | None:
    if relational is None or field is None:
        return None
    r, f = relational.score, field.score
    advice = None
    if r is not None and f is not None:
        diff = r - f
        advice = ("more_control" if diff >= settings.governance_margin
                  else "more_trust" if -diff >= settings.governance_margin else "balance")
    return Governance(r, f, advice)
