"""Where an alliance stands against a norm group (issue 16, point 2): a band, never a target."""

from __future__ import annotations

from dataclasses import dataclass

from samenspel.norms.norms import NormSet
from samenspel.norms.profile import Profile


@dataclass(frozen=True)
class Placement:
    measure: str
    group: str
    value: float | None
    band: str | None  # "below_q1" | "middle" | "above_q3"; None when hidden
    n: int
    hidden: str | None = None  # why the comparison is not shown


def place(profile: Profile, normset: NormSet, group: str = "all") -> list[Placement]:
    raise NotImplementedError
