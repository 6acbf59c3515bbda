"""Power and (a)symmetry between partners.

Power index, after Emerson's power-dependence relation (1962): A's power
over B is B's dependence on A. So a partner gains power when others depend
on it (``in_dependency``) and when others see it steering decisions
(``in_influence``), and loses power as it depends on the others itself
(``out_dependency``). The index is the mean of the three 0-100 parts, with
the last one turned round (100 - out_dependency), so it stays on 0-100 and
50 is neutral. For a hidden partner (too few respondents) ``out_dependency``
may not be shown, and an index built from it would give it away, so its
index is the mean of the two received parts only.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass

from samenspel.network.graph import Network


@dataclass(frozen=True, slots=True)
class PowerLead:
    """The partner with the highest power index and its lead over the next."""

    partner: str
    power: float
    runner_up: str | None
    runner_up_power: float | None
    gap: float | None  # power - runner_up_power
    dominant: bool  # gap and level above the thresholds


@dataclass(frozen=True, slots=True)
class PairDifference:
    """How differently two partners rate each other on one dimension.

    ``a_to_b`` is A's rating of B. For dependency, ``difference`` > 0 means A
    depends more on B than B on A, by that many POMP points.
    """

    dimension: str
    a: str
    b: str
    a_to_b: float
    b_to_a: float

    @property
    def difference(self) -> float:
        return self.a_to_b - self.b_to_a


def power_index(
    in_influence: float | None, in_dependency: float | None, out_dependency: float | None
) -> float | None:
    """Mean of in_influence, in_dependency and 100 - out_dependency, over the parts known."""
    parts = [v for v in (in_influence, in_dependency) if v is not None]
    if not parts:
        return None
    if out_dependency is not None:
        parts.append(100.0 - out_dependency)
    return sum(parts) / len(parts)


def power_lead(power: Mapping[str, float | None], gap_min: float, level_min: float) -> PowerLead | None:
    """Top partner by power (ties broken by partner order) and its gap to the next."""
    ranked = sorted(((v, i, p) for i, (p, v) in enumerate(power.items()) if v is not None), key=lambda x: (-x[0], x[1]))
    if not ranked:
        return None
    top, _, partner = ranked[0]
    if len(ranked) == 1:
        return PowerLead(partner, top, None, None, None, False)
    second, _, runner = ranked[1]
    gap = top - second
    return PowerLead(partner, top, runner, second, gap, gap >= gap_min and top >= level_min)


def pair_differences(net: Network, hidden: Collection[str]) -> tuple[PairDifference, ...]:
    """Every pair rated both ways, neither side hidden, A before B in partner order.

    A hidden partner's pairs are left out: with the other side shown, the
    pair would reveal its own rating.
    """
    order = {p: i for i, p in enumerate(net.partners)}
    out = []
    for t in net.ties:
        if order[t.source] > order[t.target] or t.source in hidden or t.target in hidden:
            continue
        back = net.tie(t.target, t.source)
        if back is not None:
            out.append(PairDifference(net.dimension, t.source, t.target, t.weight, back.weight))
    return tuple(out)


def oriented(pair: PairDifference) -> PairDifference:
    """The same pair written so that ``difference`` >= 0 (A the more dependent one)."""
    if pair.difference >= 0:
        return pair
    return PairDifference(pair.dimension, pair.b, pair.a, pair.b_to_a, pair.a_to_b)
