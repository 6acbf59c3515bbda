"""Disclosure control in the analysis: every published figure is computed over published groups only.

Samenspel promises that no group below the minimum size (default 3) can be
singled out, also not by subtraction across partners, roles, items or rounds
(docs/PRIVACY.md). Hiding the small group's own figure is not enough: the
alliance-wide score with its n and every shown partner's score give the
hidden one exactly. So the analysis publishes only figures of *published
groups*, and every alliance-wide figure is a figure over those groups:

1. **Partners.** Partners below the minimum are merged into one group "other
   partners" when together they reach the minimum; otherwise their
   respondents are left out of every published figure (the reading says so).
   Raters of such partners are left out of the network too.
2. **Per measure.** A partner with fewer than the minimum *answers* to one
   scale, item or question (blanks) is left out of that measure's figures
   altogether, not just of its own column: otherwise the measure's
   alliance-wide figure and the others' would give its few answers.
3. **Roles.** A role breakdown is published only when no role group below the
   minimum, and no partner x role cell below the minimum, can be worked out
   from the published partner and role figures (an exact linear audit).
4. **Network.** A tie counts (in every aggregate and picture) only when at
   least the minimum of raters stand behind it.
5. **Trends.** A paired comparison is used only when the people who came or
   left between rounds are none or at least the minimum; otherwise one
   newcomer's score would follow from the two totals and the paired change.

The functions here are pure and work on boolean row masks.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

OTHER = "~other"
"""Partner code of the merged group of partners below the minimum ("other partners")."""


@dataclass(frozen=True)
class PartnerPlan:
    """How the partners of a round are published: shown, merged into "other partners", or left out."""

    shown: tuple[str, ...]  # partners with at least the minimum of respondents
    merged: tuple[str, ...]  # small partners that together form the group OTHER
    left_out: tuple[str, ...]  # small partners whose respondents (together fewer than the minimum) are left out
    min_group: int

    def group_of(self, partner: str) -> str | None:
        """The published group of a respondent's partner; None when left out."""
        if partner in self.merged:
            return OTHER
        if partner in self.left_out:
            return None
        return partner

    @property
    def hidden(self) -> tuple[str, ...]:
        return self.merged + self.left_out


def plan(head_counts: Mapping[str, int], min_group: int) -> PartnerPlan:
    """Which partners are shown, merged or left out, from their head counts (respondents who count)."""
    shown = tuple(p for p, n in head_counts.items() if n >= min_group)
    small = tuple(p for p, n in head_counts.items() if 0 < n < min_group)
    together = sum(head_counts[p] for p in small)
    if small and together >= min_group:
        return PartnerPlan(shown, small, (), min_group)
    return PartnerPlan(shown, (), small, min_group)


def group_counts(head_counts: Mapping[str, int], total: int, min_group: int) -> dict[str, int | None]:
    """Head counts of overlapping-free groups (roles) safe to publish next to ``total`` (rule 3).

    A count below the minimum is withheld (None). Because the total is
    published, one withheld group would follow by subtraction, so the smallest
    shown counts are withheld too until the withheld groups are at least two
    and together reach the minimum. Respondents outside every group (no role)
    form a group of their own that is never named.
    """
    out: dict[str, int | None] = dict(head_counts)
    outside = total - sum(head_counts.values())
    hidden = [g for g, n in head_counts.items() if 0 < n < min_group]
    hidden_n = sum(head_counts[g] for g in hidden) + (outside if 0 < outside < min_group else 0)
    n_hidden = len(hidden) + (1 if 0 < outside < min_group else 0)
    shown = sorted((g for g, n in head_counts.items() if n >= min_group), key=lambda g: (head_counts[g], g))
    while n_hidden and (n_hidden < 2 or hidden_n < min_group) and shown:
        g = shown.pop(0)
        hidden.append(g)
        hidden_n += head_counts[g]
        n_hidden += 1
    if n_hidden == 1 or (n_hidden and hidden_n < min_group):
        return {g: None for g in head_counts}  # nothing left to hide them behind
    for g in hidden:
        out[g] = None
    return out


def kept(valued: np.ndarray, masks: Mapping[str, np.ndarray], order: Sequence[str],
         min_group: int) -> tuple[np.ndarray, list[str]]:
    """Rows of one measure that may enter its published figures, and the groups kept (rule 2).

    A group is kept when at least ``min_group`` of its rows have a value; the
    rows are the valued rows of the kept groups.
    """
    groups = [g for g in order if int(np.count_nonzero(masks[g] & valued)) >= min_group]
    rows = np.zeros(valued.shape[0], dtype=bool)
    for g in groups:
        rows |= masks[g] & valued
    return rows, groups


def determined(sets: Sequence[np.ndarray], target: np.ndarray) -> bool:
    """Whether the sum over ``target`` rows follows from the sums over ``sets`` (an exact linear audit).

    Published means with their counts are sums over sets of rows; a target sum
    is worked out exactly iff its indicator vector lies in the span of the
    sets' indicator vectors (least squares with a zero residual).
    """
    if not np.any(target):
        return False
    a = np.array([s.astype(float) for s in sets]).T if sets else np.zeros((target.size, 0))
    if a.shape[1] == 0:
        return False
    coef, *_ = np.linalg.lstsq(a, target.astype(float), rcond=None)
    return bool(np.allclose(a @ coef, target, atol=1e-8))


def roles_safe(rows: np.ndarray, partner_masks: Mapping[str, np.ndarray], partners: Sequence[str],
               role_masks: Mapping[str, np.ndarray], roles: Sequence[str], min_group: int,
               merged: Sequence[np.ndarray] = ()) -> list[str]:
    """The roles whose figures may be published for one measure (rule 3); empty when none may.

    Every role group within ``rows`` must reach the minimum, the respondents
    without a role count as a group too, and no small role or partner x role
    cell may follow from the published partner, role and total sums.
    """
    in_rows = {r: role_masks[r] & rows for r in roles}
    shown = [r for r in roles if int(np.count_nonzero(in_rows[r])) >= min_group]
    if not shown:
        return []
    covered = np.zeros(rows.shape[0], dtype=bool)
    for r in roles:
        covered |= in_rows[r]
    no_role = rows & ~covered
    targets = [in_rows[r] for r in roles if r not in shown and np.any(in_rows[r])]
    if np.any(no_role):
        targets.append(no_role)
    for small in merged:  # a partner merged into "other partners" stays hidden from role sums too
        if np.any(small & rows):
            targets.append(small & rows)
            targets += [small & in_rows[r] for r in roles if np.any(small & in_rows[r])]
    for p in partners:
        for r in roles:
            cell = partner_masks[p] & in_rows[r]
            if 0 < int(np.count_nonzero(cell)) < min_group:
                targets.append(cell)
    sets = [partner_masks[p] & rows for p in partners] + [in_rows[r] for r in shown] + [rows]
    if any(determined(sets, t) for t in targets):
        return []
    return shown
