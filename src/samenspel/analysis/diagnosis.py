"""The frozen result of one analysis: codes and numbers, never sentences.

The reading layer (``samenspel.reading``) turns a Diagnosis into what people
read, and ``samenspel.render.json`` into the diagnosis JSON of FORMATS.md §3.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from samenspel.analysis.conflict import ConflictResult
from samenspel.analysis.motives import FactorShare, Motives
from samenspel.analysis.notice import Notice
from samenspel.analysis.paradoxes import ParadoxResult
from samenspel.analysis.phase import PhaseResult
from samenspel.analysis.problems import Finding, IndicatorValue, Strength
from samenspel.analysis.scales import ItemDivergence, ScaleResult
from samenspel.analysis.settings import Settings
from samenspel.analysis.trend import Trend
from samenspel.analysis.trust import Governance, TrustFormal
from samenspel.network import NetworkResult

@dataclass(frozen=True)
class Diagnosis:
    """Everything the analysis found for one alliance and one round."""

    alliance: str
    round: str
    rounds: tuple[str, ...]
    n_respondents: int  # respondents in the published groups (analysis.disclosure)
    partners: dict[str, int]  # published group -> respondents (0 = only rated by others); "~other" = merged small partners
    roles: dict[str, int | None]  # head counts per role; None where withheld (disclosure.group_counts)
    domains: dict[str, ScaleResult]
    scales: dict[str, ScaleResult]  # trust, formal_overlap, uncertainty:*
    signals: dict[str, ScaleResult]
    paradoxes: dict[str, ParadoxResult]
    phase: PhaseResult | None
    trust_formal: TrustFormal | None
    governance: Governance | None
    network: NetworkResult | None
    motives: Motives | None
    factors: tuple[FactorShare, ...]
    divergent_items: tuple[ItemDivergence, ...]
    indicators: dict[str, IndicatorValue]
    problems: tuple[Finding, ...]
    not_judged: dict[str, tuple[str, ...]]  # problem -> sign indicators without enough evidence
    strengths: tuple[Strength, ...]
    trend: Trend | None
    notices: tuple[Notice, ...]
    settings: Settings
    not_counted: tuple[str, ...] = ()  # empty or near-empty submissions: kept, never counted
    merged: tuple[str, ...] = ()  # partners below the minimum, published together as "~other"
    left_out: tuple[str, ...] = ()  # partners below the minimum (together too) whose respondents are left out
    conflict: ConflictResult | None = None  # kinds of conflict named (2.0's leadership module); None = not asked

    @property
    def hidden(self) -> tuple[str, ...]:
        """Partners below the minimum group: never a figure of their own."""
        return self.merged + self.left_out

    def shown(self, partner: str) -> bool:
        """Whether a partner's (or the merged group's) own figures may be shown (minimum group size)."""
        return self.partners.get(partner, 0) >= self.settings.min_group

    def to_dict(self) -> dict[str, object]:
        """Every number and code of the analysis, language-free (the JSON renderer builds on it)."""
        d: dict[str, object] = {
            "alliance": self.alliance, "round": self.round, "rounds": list(self.rounds),
            "n_respondents": self.n_respondents, "partners": dict(self.partners), "roles": dict(self.roles),
            "domains": {k: v.to_dict() for k, v in self.domains.items()},
            "scales": {k: v.to_dict() for k, v in self.scales.items()},
            "signals": {k: v.to_dict() for k, v in self.signals.items()},
            "paradoxes": {k: v.to_dict() for k, v in self.paradoxes.items()},
            "phase": self.phase.to_dict() if self.phase else None,
            "trust_formal": self.trust_formal.to_dict() if self.trust_formal else None,
            "governance": self.governance.to_dict() if self.governance else None,
            "network": self.network.to_dict() if self.network else None,
            "motives": self.motives.to_dict() if self.motives else None,
            "factors": [f.to_dict() for f in self.factors],
            "divergent_items": [i.to_dict() for i in self.divergent_items],
            "indicators": {k: v.to_dict() for k, v in self.indicators.items()},
            "problems": [f.to_dict() for f in self.problems],
            "not_judged": {k: list(v) for k, v in self.not_judged.items()},
            "strengths": [s.to_dict() for s in self.strengths],
            "trend": self.trend.to_dict() if self.trend else None,
            "notices": [n.to_dict() for n in self.notices],
            "min_group": self.settings.min_group,
            "not_counted": len(self.not_counted),
            "merged": list(self.merged), "left_out": list(self.left_out),
            "conflict": self.conflict.to_dict() if self.conflict else None,
        }
        return clean(d)  # type: ignore[return-value]


def clean(value: object, digits: int = 4) -> object:
    """JSON-safe copy: NaN becomes null, floats rounded, tuples become lists."""
    if isinstance(value, float):
        # + 0.0: a negative zero (e.g. a modularity summed in set order) prints as 0.0 in every process
        return None if math.isnan(value) or math.isinf(value) else round(value, digits) + 0.0
    if isinstance(value, dict):
        return {str(k): clean(v, digits) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [clean(v, digits) for v in value]
    return value
