"""Thresholds of the network findings: one table of (name, default, help).

The table feeds :class:`Thresholds` and docs/NETWORK.md; a test checks that
every threshold is documented there. POMP points: on a 1-5 scale one answer
step is 25 points.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from samenspel.errors import SamenspelError

THRESHOLDS_TABLE: tuple[tuple[str, float, str], ...] = (
    ("dominance_gap", 15.0, "Power-index points the strongest partner must lead the next one by to be called dominant."),
    ("dominance_min", 50.0, "Lowest power index (0-100) a dominant partner can have."),
    ("asymmetry", 25.0, "Dependency difference within a pair (POMP points, one answer step) that makes it asymmetric."),
    ("discordance", 25.0, "Difference between A->B and B->A (POMP points) that makes a pair rate each other very differently."),
    ("modularity", 0.3, "Modularity above which trust communities are reported (Newman & Girvan 2004); else one community."),
    ("camp_gap", 15.0, "Mean trust within minus between communities (points) before they are called camps."),
    ("low_trust", 40.0, "A trust tie below this (POMP) is low trust."),
    ("distrust_share", 0.5, "More than this share of the rating partners giving low trust flags a partner as distrusted."),
    ("peripheral_level", 40.0, "Received trust and exchange both below this (POMP) makes a partner peripheral."),
    ("peripheral_ties", 0.5, "Rated by fewer partners than this share of the median makes a partner peripheral."),
    ("broker_betweenness", 0.2, "Normalised trust betweenness from which a partner counts as a broker."),
)


@dataclass(frozen=True)
class Thresholds:
    """Cut-offs of the network findings; defaults are those of ``THRESHOLDS_TABLE``."""

    dominance_gap: float = 15.0
    dominance_min: float = 50.0
    asymmetry: float = 25.0
    discordance: float = 25.0
    modularity: float = 0.3
    camp_gap: float = 15.0
    low_trust: float = 40.0
    distrust_share: float = 0.5
    peripheral_level: float = 40.0
    peripheral_ties: float = 0.5
    broker_betweenness: float = 0.2

    def __post_init__(self) -> None:
        for name in ("modularity", "distrust_share", "peripheral_ties", "broker_betweenness"):
            if not 0 <= getattr(self, name) <= 1:
                raise SamenspelError(f"network threshold {name} must be between 0 and 1")
        for name in ("dominance_gap", "dominance_min", "asymmetry", "discordance", "camp_gap", "low_trust", "peripheral_level"):
            if not 0 <= getattr(self, name) <= 100:
                raise SamenspelError(f"network threshold {name} must be between 0 and 100")


def _check_table() -> None:
    names = [f.name for f in fields(Thresholds)]
    if names != [row[0] for row in THRESHOLDS_TABLE]:
        raise RuntimeError("Thresholds and THRESHOLDS_TABLE disagree")  # a developer's error
    for f, (_, default, _) in zip(fields(Thresholds), THRESHOLDS_TABLE):
        if f.default != default:
            raise RuntimeError(f"default of {f.name} differs from THRESHOLDS_TABLE")


_check_table()
