"""Disclosure control in the reading: counts, rates and names, decided once before anything is laid out.

The analysis already computes every published figure over published groups
only (``analysis.disclosure``): partners below the minimum are merged into
"other partners" or left out, per measure, role and network tie. What is left
for the reading is what a reader sees besides figures (docs/PRIVACY.md):

* counts: a partner below the minimum shows as "fewer than N", never with its
  count, and the total is the total of the published groups, so no hidden
  count follows by subtraction;
* response rates: only for shown partners whose invitations are known, never
  above 100%, and the total rate over those partners only;
* names: the small partners are named (without figures), the merged group is
  called "other partners".
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from samenspel.analysis import Diagnosis
from samenspel.analysis.disclosure import OTHER


@dataclass(frozen=True)
class Disclosure:
    """The privacy decisions of one reading: who is shown, what counts and rates may be given."""

    min_group: int
    shown: tuple[str, ...]  # partners with figures of their own
    hidden: tuple[str, ...]  # partners with respondents, but fewer than the minimum group
    counts: Mapping[str, int | None]  # partner -> respondents; None = fewer than the minimum (not shown)
    invited: Mapping[str, int] = field(default_factory=dict)  # shown partners' invitations, where known
    total: int = 0  # respondents in the published groups
    merged: tuple[str, ...] = ()  # small partners published together as "other partners"
    left_out: tuple[str, ...] = ()  # small partners (together below the minimum too) left out of every figure

    def rate(self, partner: str) -> float | None:
        """The response rate of a shown partner whose invitations are known (never above 100%)."""
        n, inv = self.counts.get(partner), self.invited.get(partner)
        return None if n is None or not inv or n > inv else n / inv

    @property
    def total_rate(self) -> float | None:
        """Respondents over invitations, over the partners whose invitations are known and that are shown."""
        known = [p for p in self.invited if self.rate(p) is not None]
        invited = sum(self.invited[p] for p in known)
        answered = sum(self.counts[p] or 0 for p in known)
        return answered / invited if invited else None

    def to_dict(self) -> dict[str, object]:
        return {"min_group": self.min_group, "shown": list(self.shown), "hidden": list(self.hidden),
                "merged": list(self.merged), "left_out": list(self.left_out), "counts": dict(self.counts),
                "scope": "published_groups"}


def disclose(d: Diagnosis, invited: Mapping[str, int] | None = None) -> tuple[Diagnosis, Disclosure]:
    """The diagnosis as it may be published, and the decisions about counts, rates and names."""
    m = d.settings.min_group
    shown = tuple(p for p, n in d.partners.items() if n >= m)
    counts: dict[str, int | None] = {p: n for p, n in d.partners.items() if n >= m}
    counts.update({p: None for p in d.hidden})
    known = {p: v for p, v in (invited or {}).items() if p in shown and p != OTHER}
    return d, Disclosure(m, shown, d.hidden, counts, known, d.n_respondents, d.merged, d.left_out)
