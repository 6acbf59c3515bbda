"""Which kind of conflict respondents see (questionnaire 2.0's leadership and governance module).

Seed 000 §4 tells four kinds of conflict apart, each asking its own way of
dealing with it: a power conflict is to be prevented, a conflict of interests
reconciled, a relational conflict handled, a task conflict used (different
views on the work renew it). The item ``conflict:type`` asks what a conflict
in the alliance is mainly about, or that there is none that matters.

We report the distribution over the published rows only (analysis.disclosure,
rule 2) and the *main* kind: the kind most often named, when at least
``MAIN_SHARE`` of the respondents who answered name it (ties: none; "no
conflict" is never a main kind). The rules read the shares of power and
relational conflict as supporting evidence (docs/RULES.md), and the reading
ranks "handle each conflict according to its type" higher when there is a
main kind. A module not asked gives ``None``: not measured, never "no
conflict".
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from samenspel.analysis.disclosure import kept
from samenspel.analysis.matrix import RoundMatrix
from samenspel.analysis.scales import Groups

NONE = "none"
MAIN_SHARE = 0.4
"""Share of the respondents who answered that must name a kind before it counts as the main conflict."""


@dataclass(frozen=True)
class ConflictResult:
    """The kinds of conflict respondents name: option ids (power, interest, relational, task, none)."""

    distribution: dict[str, float]  # option id -> share of those who answered
    n: int  # respondents who answered (published rows)
    partners: int  # published groups those answers come from
    main: str | None  # the kind named by at least MAIN_SHARE, most often; None when no kind stands out

    def share(self, kind: str) -> float:
        return self.distribution.get(kind, 0.0)

    def to_dict(self) -> dict[str, object]:
        return {"distribution": dict(self.distribution), "n": self.n, "partners": self.partners, "main": self.main}


def conflict(matrix: RoundMatrix, groups: Groups) -> ConflictResult | None:
    """The distribution of ``conflict:type`` over the published rows; None when the round did not ask it."""
    cols = matrix.exact("conflict:type")
    if not cols:
        return None
    item = matrix.items[cols[0]]
    kinds = {o.value: o.id for o in item.options}
    v = matrix.raw[:, cols[0]]
    ok, kept_groups = kept(~np.isnan(v) & np.isin(v, list(kinds)), groups.masks, groups.partners, groups.min_group)
    n = int(np.count_nonzero(ok))
    counts = {kinds[k]: int(np.sum(v[ok] == k)) for k in sorted(kinds)}
    distribution = {k: (c / n if n else 0.0) for k, c in counts.items()}
    named = sorted(((share, k) for k, share in distribution.items() if k != NONE), reverse=True)
    main = None
    if named and named[0][0] >= MAIN_SHARE and (len(named) == 1 or named[1][0] < named[0][0]):
        main = named[0][1]
    partners = sum(1 for g in kept_groups if np.any(ok & groups.masks[g]))
    return ConflictResult(distribution, n, partners, main)
