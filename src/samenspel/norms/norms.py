"""Norms from many profiles: quartiles per measure and comparable group (issue 16, point 2)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from samenspel.norms.profile import Profile

MIN_ALLIANCES = 10


@dataclass(frozen=True)
class NormRow:
    """One published norm: a measure in a group."""

    group: str  # e.g. "all", "alliance_form:strategic", "phase:2", "size:4-6"
    measure: str
    n: int
    q1: float
    median: float
    q3: float
    p90: float | None = None


@dataclass(frozen=True)
class NormGroup:
    group: str
    n: int


@dataclass(frozen=True)
class NormSet:
    questionnaire: str
    min_alliances: int
    rows: tuple[NormRow, ...]
    groups: tuple[NormGroup, ...] = ()
    period: tuple[str | None, str | None] = (None, None)
    members: Mapping[tuple[str, str], frozenset[str]] = field(default_factory=dict, repr=False)


def build_norms(profiles: Iterable[Profile], min_alliances: int = MIN_ALLIANCES) -> NormSet:
    raise NotImplementedError
