"""Where an alliance stands against a norm group (issue 16, point 2): a band, never a target.

The band is coarse on purpose - below the lower quartile, the middle half,
above the upper quartile - because a norm describes how alliances are, not
how they should be; a finer rank would invite chasing a number. Every
placement says how many alliances, and which kind, stand behind it, and is
hidden (with the reason) when the comparison would not be like with like or
the group is too small.
"""

from __future__ import annotations

from dataclasses import dataclass

from samenspel.norms.norms import NormSet
from samenspel.norms.profile import Profile

BANDS = ("below_q1", "middle", "above_q3")
HIDDEN_REASONS = ("version", "no_norm", "too_few", "no_value")
"""Why a placement is hidden: another questionnaire version; no norm for this group and measure (too few
alliances, or held back by the differencing rule); a norm over fewer alliances than the reader's own minimum
(``min_alliances``: an imported file may have been published under a lower one); the alliance has no
published figure for the measure."""


@dataclass(frozen=True)
class Placement:
    """One measure of one alliance against one norm group."""

    measure: str
    group: str  # the norm group, e.g. "all" or "alliance_form:strategic_alliance"
    value: float | None  # the alliance's own published figure
    band: str | None  # one of BANDS; None when hidden
    n: int  # alliances behind the norm (0 when hidden)
    q1: float | None = None
    median: float | None = None
    q3: float | None = None
    questionnaire: str = ""
    hidden: str | None = None  # one of HIDDEN_REASONS

    def to_dict(self) -> dict[str, object]:
        return {"measure": self.measure, "group": self.group, "value": self.value, "band": self.band, "n": self.n,
                "q1": self.q1, "median": self.median, "q3": self.q3, "questionnaire": self.questionnaire,
                "hidden": self.hidden}


def band(value: float, q1: float, q3: float) -> str:
    """Below the lower quartile, in the middle half (quartiles included), or above the upper quartile."""
    if value < q1:
        return "below_q1"
    if value > q3:
        return "above_q3"
    return "middle"


def place(profile: Profile, normset: NormSet, group: str = "all", min_alliances: int = 0) -> list[Placement]:
    """Each measure of the profile (and each measure of the norm set) against ``group``.

    Hidden for every measure when the questionnaire versions differ: the same
    domain name over other items is not the same measure. A norm row over
    fewer than ``min_alliances`` alliances is hidden too (``too_few``): the
    reader's own minimum holds for norm files others published.
    """
    measures = list(dict.fromkeys([*profile.measures, *normset.measures]))
    out: list[Placement] = []
    for measure in measures:
        value = profile.measures.get(measure)
        if profile.questionnaire != normset.questionnaire:
            out.append(Placement(measure, group, value, None, 0, questionnaire=normset.questionnaire,
                                 hidden="version"))
            continue
        row = normset.row(group, measure)
        if row is None:
            out.append(Placement(measure, group, value, None, 0, questionnaire=normset.questionnaire,
                                 hidden="no_norm"))
            continue
        if row.n < min_alliances:
            out.append(Placement(measure, group, value, None, 0, questionnaire=normset.questionnaire,
                                 hidden="too_few"))
            continue
        if value is None:
            out.append(Placement(measure, group, None, None, row.n, row.q1, row.median, row.q3,
                                 normset.questionnaire, hidden="no_value"))
            continue
        out.append(Placement(measure, group, value, band(value, row.q1, row.q3), row.n, row.q1, row.median, row.q3,
                             normset.questionnaire))
    return out
