"""Norms from many profiles: quartiles per measure and comparable group (issue 16, point 2).

A norm says how a measure is spread over comparable alliances: the median and
the quartiles (type-7 quantiles, numpy's default), and the 90th percentile
only where at least ``P90_MIN`` alliances stand behind it. Groups: all
alliances, and per alliance form, phase and size band; a norm set holds one
questionnaire version, so norms compare like with like (profiles of other
versions are left out and counted).

Privacy one level up (docs/NORMS.md, "Disclosure rules"), the alliance taking
the place of the respondent of docs/PRIVACY.md:

1. **Minimum.** A figure is published only when at least ``min_alliances``
   (default 10) alliances have the measure in the group.
2. **One alliance, one profile.** Several rounds of one alliance would give it
   more weight and let its own figures dominate a small group: the last
   profile given per alliance is used.
3. **Differencing.** Quantiles of two sets that differ by one alliance can give
   that alliance's value exactly (the median of {1,2,3,4} and of {1,2,3,4,x}
   with 2 <= x <= 3 is x). So for each measure, a group whose alliance set
   differs from an already published set - in this norm set or in an earlier
   published one (``previous``) - by at least one but fewer than
   ``min_alliances`` alliances is not published with new figures: within one
   build it is suppressed; against an earlier build of the same group its
   earlier figures are carried over unchanged, so one alliance leaving (or
   joining, or a new round of one alliance) changes nothing until at least
   the minimum has changed.
4. **Rounding.** Published quantiles are rounded (0-100 scores to whole
   points), which blurs what the rules above leave.

What this does not cover: combinations of three or more published sets, and
norm files built by other installations over overlapping alliances; both are
named in docs/NORMS.md.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

import numpy as np

from samenspel.errors import SamenspelError
from samenspel.norms.profile import Profile

MIN_ALLIANCES = 10
"""Fewest alliances behind a published norm figure (docs/NORMS.md)."""
P90_MIN = 50
"""Fewest alliances before the 90th percentile is published."""
DIMENSIONS: tuple[str, ...] = ("alliance_form", "phase", "size_band")
"""Profile fields that make comparable groups besides "all"; the questionnaire version is fixed per norm set."""
ALL = "all"


def rounding_step(measure: str) -> float:
    """The step published quantiles of ``measure`` are rounded to: whole points for 0-100 scores."""
    kind = measure.split(":", 1)[0]
    if kind in ("domain", "scale"):
        return 1.0
    if measure in ("divergence:flagged", "network:communities"):
        return 0.5
    return 0.01  # shares and coefficients on 0-1 (network density, eta squared)


def _round(value: float, step: float) -> float:
    return round(round(value / step) * step, 4)


@dataclass(frozen=True)
class NormRow:
    """One published norm: the spread of a measure over the alliances of a group."""

    group: str  # "all", "alliance_form:strategic_alliance", "phase:2", "size_band:4-6"
    measure: str
    n: int  # alliances behind the figures
    q1: float
    median: float
    q3: float
    p90: float | None = None
    carried: bool = False  # figures carried over unchanged from an earlier published norm set (rule 3)

    @property
    def dimension(self) -> str:
        return self.group.split(":", 1)[0]

    def to_dict(self) -> dict[str, object]:
        return {"group": self.group, "measure": self.measure, "n": self.n, "q1": self.q1, "median": self.median,
                "q3": self.q3, "p90": self.p90}


@dataclass(frozen=True)
class NormGroup:
    """A comparable group and how many alliances it holds (those with any published figure)."""

    group: str
    n: int


@dataclass(frozen=True)
class Suppressed:
    """A group x measure not published, and why: ``too_few`` or ``differencing`` (kept for the builder's log)."""

    group: str
    measure: str
    reason: str


@dataclass(frozen=True)
class NormSet:
    """Norms of one questionnaire version, ready to place alliances against or to publish."""

    questionnaire: str
    min_alliances: int
    rows: tuple[NormRow, ...]
    groups: tuple[NormGroup, ...] = ()
    period: tuple[str | None, str | None] = (None, None)
    n_alliances: int = 0
    other_versions: int = 0  # profiles left out because they answered another questionnaire version
    suppressed: tuple[Suppressed, ...] = ()
    # (group, measure) -> "alliance @ round" behind the row: the installation's own record for rule 3, never exported
    members: Mapping[tuple[str, str], frozenset[str]] = field(default_factory=dict, repr=False)
    source: str = ""  # where an imported norm set came from

    def row(self, group: str, measure: str) -> NormRow | None:
        return next((r for r in self.rows if r.group == group and r.measure == measure), None)

    @property
    def measures(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(r.measure for r in self.rows))

    def group_n(self, group: str) -> int | None:
        return next((g.n for g in self.groups if g.group == group), None)

    def ledger(self) -> dict[str, object]:
        """The installation's private record of who stood behind each published row (rule 3 of a later build).

        Never part of an open norm file: it names alliances.
        """
        return {"questionnaire": self.questionnaire, "min_alliances": self.min_alliances,
                "rows": [{**r.to_dict(), "members": sorted(self.members.get((r.group, r.measure), ()))}
                         for r in self.rows]}

    @staticmethod
    def from_ledger(data: Mapping[str, object]) -> NormSet:
        """A norm set read back from :meth:`ledger` (for ``previous``)."""
        try:
            rows, members = [], {}
            for r in data["rows"]:  # type: ignore[union-attr]
                row = NormRow(str(r["group"]), str(r["measure"]), int(r["n"]), float(r["q1"]), float(r["median"]),
                              float(r["q3"]), None if r.get("p90") is None else float(r["p90"]))
                rows.append(row)
                members[(row.group, row.measure)] = frozenset(str(m) for m in r["members"])
            return NormSet(str(data["questionnaire"]), int(data["min_alliances"]), tuple(rows),  # type: ignore[arg-type]
                           members=members)
        except (KeyError, TypeError, ValueError) as exc:
            raise SamenspelError(f"not a norm ledger ({type(exc).__name__}: {exc})") from None


def quantiles(values: Sequence[float]) -> tuple[float, float, float, float]:
    """(q1, median, q3, p90) of ``values``, type-7 (linear) quantiles as numpy computes them."""
    q = np.quantile(np.asarray(values, dtype=float), [0.25, 0.5, 0.75, 0.9])
    return float(q[0]), float(q[1]), float(q[2]), float(q[3])


def member(profile: Profile) -> str:
    """Who stands behind a figure: the alliance *and* its round.

    A new round of one alliance changes its value as much as its leaving
    does, so for rule 3 it counts as one member out and one in.
    """
    return f"{profile.alliance} @ {profile.round}"


def group_keys(profile: Profile) -> list[str]:
    """The comparable groups a profile belongs to: "all" and one per known dimension value."""
    keys = [ALL]
    for dim in DIMENSIONS:
        value = getattr(profile, dim)
        if value is not None:
            keys.append(f"{dim}:{value}")
    return keys


def build_norms(profiles: Iterable[Profile], min_alliances: int = MIN_ALLIANCES, *,
                questionnaire: str | None = None, previous: Sequence[NormSet] = ()) -> NormSet:
    """Norms over ``profiles`` under the rules of the module's docstring.

    ``questionnaire`` picks the version (default: the one most profiles
    answered); ``previous`` are the norm sets this installation published
    before, with their members (:meth:`NormSet.ledger`), for rule 3.
    """
    if min_alliances < 2:
        raise SamenspelError(f"the minimum number of alliances behind a norm must be at least 2, not {min_alliances}")
    latest: dict[str, Profile] = {}
    for p in profiles:  # rule 2: the last profile per alliance
        latest.pop(p.alliance, None)
        latest[p.alliance] = p
    versions = Counter(p.questionnaire for p in latest.values())
    if questionnaire is None:
        questionnaire = min(versions, key=lambda v: (-versions[v], v)) if versions else ""
    chosen = [p for p in latest.values() if p.questionnaire == questionnaire]
    other = len(latest) - len(chosen)
    by_group: dict[str, list[tuple[str, Mapping[str, float]]]] = {}  # group -> (member, measures) of its profiles
    for p in chosen:
        entry = (member(p), p.measures)
        for key in group_keys(p):
            by_group.setdefault(key, []).append(entry)
    # "all" first, then larger groups before smaller: the broad norm wins when two sets are too alike
    order = sorted(by_group, key=lambda g: (g != ALL, -len(by_group[g]), g))
    measures = sorted({m for p in chosen for m in p.measures})
    published: dict[str, list[frozenset[str]]] = {m: [] for m in measures}
    earlier: dict[tuple[str, str], tuple[NormRow, frozenset[str]]] = {}
    for prev in previous:
        if prev.questionnaire != questionnaire:
            continue
        for row in prev.rows:
            members = prev.members.get((row.group, row.measure))
            if members is not None:
                earlier[(row.group, row.measure)] = (row, members)
                published.setdefault(row.measure, []).append(members)
    rows: list[NormRow] = []
    members_of: dict[tuple[str, str], frozenset[str]] = {}
    suppressed: list[Suppressed] = []
    for group in order:
        entries = by_group[group]
        everyone = frozenset(who for who, _ in entries)  # one profile per alliance: members are distinct
        for measure in measures:
            having = [(who, values[measure]) for who, values in entries if measure in values]
            ids = everyone if len(having) == len(entries) else frozenset(who for who, _ in having)
            if len(ids) < min_alliances:
                if having:
                    suppressed.append(Suppressed(group, measure, "too_few"))
                continue
            before = earlier.get((group, measure))
            if before is not None and 0 < len(ids ^ before[1]) < min_alliances:
                rows.append(replace(before[0], carried=True))  # rule 3 across builds: keep the old figures
                members_of[(group, measure)] = before[1]
                continue
            if any(abs(len(ids) - len(other_set)) < min_alliances and 0 < len(ids ^ other_set) < min_alliances
                   for other_set in published[measure]):  # sizes apart by the minimum cannot be too alike
                suppressed.append(Suppressed(group, measure, "differencing"))
                continue
            q1, med, q3, p90 = quantiles([v for _, v in having])
            step = rounding_step(measure)
            rows.append(NormRow(group, measure, len(ids), _round(q1, step), _round(med, step), _round(q3, step),
                                _round(p90, step) if len(ids) >= P90_MIN else None))
            published[measure].append(ids)
            members_of[(group, measure)] = ids
    behind: dict[str, set[str]] = {}
    for (g, _), ids in members_of.items():
        behind.setdefault(g, set()).update(ids)
    shown = dict.fromkeys(r.group for r in rows)
    groups = tuple(NormGroup(g, len(behind[g])) for g in order if g in shown)  # members: one per alliance in a build
    periods = sorted(p.period for p in chosen if p.period)
    return NormSet(
        questionnaire=questionnaire, min_alliances=min_alliances, rows=tuple(rows), groups=groups,
        period=(periods[0], periods[-1]) if periods else (None, None), n_alliances=len(chosen),
        other_versions=other, suppressed=tuple(suppressed), members=members_of,
    )
