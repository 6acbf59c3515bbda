"""Disclosure control: what a reader may see, decided once before anything is laid out (docs/PRIVACY.md).

Every output takes its figures from the *published* diagnosis this module
makes, never from the analysis directly, so no renderer decides privacy on its
own. Partners below the minimum group size get no figure of their own, their
counts show as "fewer than N", and response rates are given only for partners
that are shown.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from samenspel.analysis import Diagnosis


@dataclass(frozen=True)
class Disclosure:
    """The privacy decisions of one reading: who is shown, what counts and rates may be given."""

    min_group: int
    shown: tuple[str, ...]  # partners with figures of their own
    hidden: tuple[str, ...]  # partners with respondents, but fewer than the minimum group
    counts: Mapping[str, int | None]  # partner -> respondents; None = fewer than the minimum (not shown)
    invited: Mapping[str, int] = field(default_factory=dict)  # shown partners' invitations, where known
    total: int = 0  # respondents who count, all partners together

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
                "counts": dict(self.counts)}


def disclose(d: Diagnosis, invited: Mapping[str, int] | None = None) -> tuple[Diagnosis, Disclosure]:
    """The diagnosis as it may be published, and the decisions that made it."""
    m = d.settings.min_group
    shown = tuple(p for p, n in d.partners.items() if n >= m)
    hidden = tuple(p for p, n in d.partners.items() if 0 < n < m)
    counts = {p: (n if n >= m else None) for p, n in d.partners.items() if n > 0}
    known = {p: v for p, v in (invited or {}).items() if p in shown}
    return d, Disclosure(m, shown, hidden, counts, known, d.n_respondents)
