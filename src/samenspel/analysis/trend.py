"""Trends over measurement rounds (issue 3 point 8).

Per scale: the previous and current score, the change, and a test of the
change. Respondents who answered both rounds (same pseudonymous id) are
compared paired; when fewer than ``MIN_PAIRED`` are paired, the two rounds are
compared as independent groups. Problems are compared by id: new, gone, and
change in strength.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from samenspel.analysis import measures
from samenspel.analysis.problems import Finding
from samenspel.analysis.scales import ScaleResult
from samenspel.analysis.settings import Settings

MIN_PAIRED = 5
"""Fewest respondents present in both rounds for a paired comparison."""


@dataclass(frozen=True)
class ScaleTrend:
    previous: float | None
    current: float | None
    change: float | None
    test: dict[str, object]  # kind (paired/independent), n, statistic, p, effect size
    meaningful: bool = False  # passes the test AND moves at least the smallest important change

    def to_dict(self) -> dict[str, object]:
        return {"previous": self.previous, "current": self.current, "change": self.change, "test": dict(self.test),
                "meaningful": self.meaningful}


@dataclass(frozen=True)
class Trend:
    previous_round: str
    domains: dict[str, ScaleTrend]
    scales: dict[str, ScaleTrend]  # trust, formal_overlap, signals (signal:<id>) ...
    problems: dict[str, dict[str, float | None]]  # id -> previous, current strength (None = not found)
    new_problems: tuple[str, ...]
    gone_problems: tuple[str, ...]

    def to_dict(self) -> dict[str, object]:
        return {"previous_round": self.previous_round,
                "domains": {k: v.to_dict() for k, v in self.domains.items()},
                "scales": {k: v.to_dict() for k, v in self.scales.items()},
                "problems": {k: dict(v) for k, v in self.problems.items()},
                "new_problems": list(self.new_problems), "gone_problems": list(self.gone_problems)}


def scale_trend(before: ScaleResult, after: ScaleResult, settings: Settings = Settings()) -> ScaleTrend:
    """Change of one scale with its test; meaningful only when the test passes ``settings.test_level``
    AND the change is at least ``settings.min_important_change`` points: a +3 on 0-100 is not news,
    however many answered."""
    change = after.score - before.score if after.score is not None and before.score is not None else None
    both = [r for r in after.persons if r in before.persons]
    if len(both) >= MIN_PAIRED:
        test = measures.change_paired([before.persons[r] for r in both], [after.persons[r] for r in both])
    else:
        test = measures.change_independent(list(before.persons.values()), list(after.persons.values()))
    p = test.get("p")
    meaningful = (change is not None and isinstance(p, float) and p < settings.test_level
                  and abs(change) >= settings.min_important_change)
    return ScaleTrend(before.score, after.score, change, test, meaningful)


def trend(previous_round: str, before: Mapping[str, Mapping[str, ScaleResult]],
          after: Mapping[str, Mapping[str, ScaleResult]], problems_before: tuple[Finding, ...],
          problems_after: tuple[Finding, ...], settings: Settings = Settings()) -> Trend:
    """Compare two rounds; ``before``/``after`` map a group name ("domains", "scales") to its scales."""
    parts: dict[str, dict[str, ScaleTrend]] = {}
    for group in ("domains", "scales"):
        b, a = before.get(group, {}), after.get(group, {})
        parts[group] = {k: scale_trend(b[k], a[k], settings) for k in a if k in b}
    pb = {f.id: f.strength for f in problems_before}
    pa = {f.id: f.strength for f in problems_after}
    ids = list(dict.fromkeys([*pa, *pb]))
    return Trend(
        previous_round, parts["domains"], parts["scales"],
        {i: {"previous": pb.get(i), "current": pa.get(i)} for i in ids},
        tuple(i for i in pa if i not in pb), tuple(i for i in pb if i not in pa),
    )
