"""Trends over measurement rounds (issue 3 point 8).

Per scale: the previous and current score, the change, and a test of the
change. Respondents who answered both rounds (same pseudonymous id) are
compared paired; when fewer than ``MIN_PAIRED`` are paired, the two rounds are
compared as independent groups. Problems are compared by id: new, gone, and
change in strength.

Two rounds may have been answered with different questionnaires (1.0 and 2.0,
or a pulse and a full round). A scale is then compared on the items both
rounds asked (same id, same meaning: docs/INSTRUMENT.md), rescored on those
items in both rounds, and the trend says so (``basis``). A scale measured in
both rounds without any item in common (the yes/no factors of 2.0 against the
ticked ones of 1.0) has no trend: its series starts again (``restarted``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from samenspel.analysis import measures
from samenspel.analysis.matrix import RoundMatrix
from samenspel.analysis.notice import Notice, notice
from samenspel.analysis.problems import Finding
from samenspel.analysis.scales import Groups, ScaleResult, scale
from samenspel.analysis.settings import Settings
from samenspel.instrument.model import Instrument

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
    basis: dict[str, tuple[str, ...]] = field(default_factory=dict)  # scale -> the shared items it was compared on
    restarted: tuple[str, ...] = ()  # scales measured in both rounds with no item in common: no trend
    questionnaires: tuple[str, str] | None = None  # (previous, current), e.g. samenspel-core@1.0, @2.0

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = {
            "previous_round": self.previous_round,
            "domains": {k: v.to_dict() for k, v in self.domains.items()},
            "scales": {k: v.to_dict() for k, v in self.scales.items()},
            "problems": {k: dict(v) for k, v in self.problems.items()},
            "new_problems": list(self.new_problems), "gone_problems": list(self.gone_problems)}
        out["shared_items"] = {k: list(v) for k, v in self.basis.items()}
        out["restarted"] = list(self.restarted)
        if self.questionnaires is not None:
            out["questionnaires"] = {"previous": self.questionnaires[0], "current": self.questionnaires[1]}
        return out


def scale_trend(before: ScaleResult, after: ScaleResult, settings: Settings = Settings()) -> ScaleTrend:
    """Change of one scale with its test; meaningful only when the test passes ``settings.test_level``
    AND the change is at least ``settings.min_important_change`` points: a +3 on 0-100 is not news,
    however many answered.

    A paired comparison is used only when the people who came or left between the
    rounds are none or at least the minimum group (docs/PRIVACY.md): with one
    newcomer, the two totals and the paired change would give that person's score.
    """
    change = after.score - before.score if after.score is not None and before.score is not None else None
    both = [r for r in after.persons if r in before.persons]
    came, left = len(after.persons) - len(both), len(before.persons) - len(both)
    safe = all(k == 0 or k >= settings.min_group for k in (came, left))
    if len(both) >= MIN_PAIRED and safe:
        test = measures.change_paired([before.persons[r] for r in both], [after.persons[r] for r in both])
    else:
        test = measures.change_independent(list(before.persons.values()), list(after.persons.values()))
    p = test.get("p")
    meaningful = (change is not None and isinstance(p, float) and p < settings.test_level
                  and abs(change) >= settings.min_important_change)
    return ScaleTrend(before.score, after.score, change, test, meaningful)


def trend(previous_round: str, before: Mapping[str, Mapping[str, ScaleResult]],
          after: Mapping[str, Mapping[str, ScaleResult]], problems_before: tuple[Finding, ...],
          problems_after: tuple[Finding, ...], settings: Settings = Settings(), *,
          basis: Mapping[str, tuple[str, ...]] | None = None,
          restarted: tuple[str, ...] = (), questionnaires: tuple[str, str] | None = None) -> Trend:
    """Compare two rounds; ``before``/``after`` map a group name ("domains", "scales") to its scales.

    Give them as :func:`comparable_scales` returns them when the rounds' questionnaires may differ.
    """
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
        dict(basis or {}), tuple(restarted), questionnaires,
    )


@dataclass(frozen=True)
class Comparable:
    """Two rounds' scales made comparable: rescored on shared items where their questionnaires differ."""

    before: dict[str, dict[str, ScaleResult]]
    after: dict[str, dict[str, ScaleResult]]
    basis: dict[str, tuple[str, ...]]  # scale key -> shared items, only where a scale was rescored
    restarted: tuple[str, ...]

    def notices(self, previous_round: str, before: Instrument, after: Instrument) -> list[Notice]:
        """What a reader must know about this comparison (codes and what the sentence needs)."""
        out: list[Notice] = []
        if self.basis:
            out.append(notice("trend_shared_items", round=previous_round, scales=tuple(self.basis),
                              before=before.key, after=after.key))
        yes_no = any(it.type == "check" and it.dont_know for it in after.items)
        ticked = any(it.type == "check" and not it.dont_know for it in before.items)
        if yes_no and ticked:
            out.append(notice("trend_factors_restart", version=after.version))
        if self.restarted:
            out.append(notice("trend_restarted", round=previous_round, scales=self.restarted))
        return out


def comparable_scales(
    before_matrix: RoundMatrix, after_matrix: RoundMatrix, before_groups: Groups, after_groups: Groups,
    before: Mapping[str, Mapping[str, ScaleResult]], after: Mapping[str, Mapping[str, ScaleResult]],
    settings: Settings,
) -> Comparable:
    """The scales of two rounds on a common footing: the same items in both, else left out.

    A scale whose items are the same in both rounds is kept as computed. One
    whose items differ is rescored in both rounds on the items both asked (by
    id; docs/INSTRUMENT.md keeps an id's meaning across versions), without
    reliability or divergence: a trend needs only the scores.
    """
    out_before: dict[str, dict[str, ScaleResult]] = {}
    out_after: dict[str, dict[str, ScaleResult]] = {}
    basis: dict[str, tuple[str, ...]] = {}
    restarted: list[str] = []
    for group in ("domains", "scales"):
        b_group, a_group = before.get(group, {}), after.get(group, {})
        out_before[group], out_after[group] = {}, {}
        for key, a_res in a_group.items():
            b_res = b_group.get(key)
            if b_res is None:
                continue
            if set(b_res.items) == set(a_res.items):
                out_before[group][key], out_after[group][key] = b_res, a_res
                continue
            shared = tuple(i for i in a_res.items if i in set(b_res.items))
            if not shared:
                restarted.append(key)
                continue
            b_cols = [before_matrix.column[i] for i in shared]
            a_cols = [after_matrix.column[i] for i in shared]
            quiet: list[Notice] = []
            out_before[group][key] = scale(before_matrix, b_cols, key, b_res.construct, before_groups, settings, quiet,
                                           reliability=False, divergence=False, agreement=False)
            out_after[group][key] = scale(after_matrix, a_cols, key, a_res.construct, after_groups, settings, quiet,
                                          reliability=False, divergence=False, agreement=False)
            basis[key] = shared
    return Comparable(out_before, out_after, basis, tuple(restarted))
