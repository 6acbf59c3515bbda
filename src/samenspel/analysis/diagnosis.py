"""The frozen result of one analysis and its JSON form (FORMATS.md §3)."""

from __future__ import annotations

import math
from dataclasses import dataclass

from samenspel.analysis.motives import FactorShare, Motives
from samenspel.analysis.notice import Notice
from samenspel.analysis.paradoxes import ParadoxResult
from samenspel.analysis.phase import PhaseResult
from samenspel.analysis.problems import Finding
from samenspel.analysis.scales import ItemDivergence, ScaleResult
from samenspel.analysis.settings import Settings
from samenspel.analysis.trend import Trend
from samenspel.analysis.trust import Governance, TrustFormal
from samenspel.network import NetworkResult

SCHEMA = "samenspel-diagnosis/1"


@dataclass(frozen=True)
class Diagnosis:
    """Everything the analysis found for one alliance and one round."""

    alliance: str
    round: str
    rounds: tuple[str, ...]
    n_respondents: int
    partners: dict[str, int]  # partner -> respondents in this round (0 = only rated by others)
    roles: dict[str, int]
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
    indicators: dict[str, float]
    problems: tuple[Finding, ...]
    trend: Trend | None
    notices: tuple[Notice, ...]
    settings: Settings

    def shown(self, partner: str) -> bool:
        """Whether a partner's own figures may be shown (minimum group size)."""
        return self.partners.get(partner, 0) >= self.settings.min_group

    def to_dict(self, lang: str = "nl") -> dict[str, object]:
        """FORMATS.md §3: the must keys first, then documented extension keys (docs/ANALYSIS.md)."""
        d: dict[str, object] = {
            "alliance": self.alliance,
            "round": self.round,
            "n_respondents": self.n_respondents,
            "partners": {p: {"n": n, "shown": self.shown(p)} for p, n in self.partners.items()},
            "domains": {k: v.to_dict() for k, v in self.domains.items()},
            "paradoxes": {k: v.to_dict() for k, v in self.paradoxes.items()},
            "phase": self.phase.to_dict() if self.phase else None,
            "trust_formal": self.trust_formal.to_dict() if self.trust_formal else None,
            "governance": self.governance.to_dict() if self.governance else None,
            "network": self.network.to_dict() if self.network else None,
            "problems": [f.to_dict(lang) for f in self.problems],
            "warnings": [n.get(lang) for n in self.notices],
            # extensions
            "schema": SCHEMA,
            "language": lang,
            "rounds": list(self.rounds),
            "min_group": self.settings.min_group,
            "roles": dict(self.roles),
            "scales": {k: v.to_dict() for k, v in self.scales.items()},
            "signals": {k: v.to_dict() for k, v in self.signals.items()},
            "motives": self.motives.to_dict() if self.motives else None,
            "factors": {
                "failure": [f.to_dict() for f in self.factors if f.kind == "failure"],
                "success": [f.to_dict() for f in self.factors if f.kind == "success"],
            },
            "divergent_items": [i.to_dict() for i in self.divergent_items],
            "indicators": dict(self.indicators),
            "warning_codes": [n.code for n in self.notices],
        }
        if self.trend is not None:
            d["trend"] = self.trend.to_dict()
        return clean(d)  # type: ignore[return-value]


def clean(value: object, digits: int = 4) -> object:
    """JSON-safe copy: NaN becomes null, floats rounded, tuples become lists."""
    if isinstance(value, float):
        return None if math.isnan(value) or math.isinf(value) else round(value, digits)
    if isinstance(value, dict):
        return {str(k): clean(v, digits) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [clean(v, digits) for v in value]
    return value
