"""An alliance-level profile of one round: what norms are built from (issue 16, point 1).

A profile holds only alliance-level aggregates that the diagnosis publishes
after disclosure control (``analysis.disclosure``): domain and scale scores
over published groups, a divergence summary, phase, trust quadrant, network
summaries, and the alliance's kind (questionnaire, form, governance, size
band). Never a respondent's answer and never a partner's figure, so storing or
pooling profiles shares nothing the alliance's own report does not show.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

PROFILE_VERSION = 1
"""Version of the profile dictionary; bump on an incompatible change (``from_dict`` refuses others)."""


@dataclass(frozen=True)
class Profile:
    """One alliance in one round, as norms see it."""

    alliance: str
    round: str
    questionnaire: str  # e.g. "samenspel-core@2.0"
    modules: tuple[str, ...]
    measures: Mapping[str, float]  # measure id -> published alliance-level figure ("domain:relation" -> 61.2)
    phase: int | None = None
    quadrant: str | None = None
    alliance_form: str | None = None
    governance_model: str | None = None
    collaboration_form: str | None = None
    size_band: str | None = None
    n_partners: int = 0
    n_respondents: int = 0
    period: str | None = None  # ISO date (or year) of the round, where known
    version: int = PROFILE_VERSION

    def to_dict(self) -> dict[str, Any]:
        raise NotImplementedError

    @staticmethod
    def from_dict(data: Mapping[str, Any]) -> Profile:
        raise NotImplementedError


def profile_of(reading_or_diagnosis: Any, context: Any = None) -> Profile:
    """The profile of a reading (or a published diagnosis) in its alliance context."""
    raise NotImplementedError
