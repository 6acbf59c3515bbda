"""The problem rules and the strength rules: one readable table (docs/RULES.md explains each).

A problem rule has *conditions* on named *indicators* (numbers the analysis
computes, see ``INDICATORS``). Each condition turns its indicator into a degree
0-1 with a straight ramp:

* ``low``: 0 at or above ``start``, 1 at or below ``full``, linear between;
* ``high``: 0 at or below ``start``, 1 at or above ``full``, linear between.

Each problem needs **its own sign**: ``signs`` lists groups of indicators, and
every group must have an indicator with a degree above 0, otherwise the problem
is not found however the other conditions look (high formal alignment, for
example, is never a warning by itself). The strength is

    strength = sign x (BASE + (1 - BASE) x support)

where ``sign`` is the weakest group's strongest degree and ``support`` the
weighted mean degree of the other conditions that could be judged (0 when none
could). So a full sign alone gives ``BASE`` and supporting evidence raises it
towards 1. A rule made of signs only (no supporting conditions) has the sign
as its strength. An indicator counts only with enough evidence (``Settings``:
``min_evidence_n`` answers from ``min_evidence_partners`` partners; a tested
network asymmetry only when its permutation test says it is not noise); when a
sign group has no indicator with enough evidence the problem is "not judged:
too few answers", never "not found".

Strengths are rules too (``STRENGTHS``): a domain or scale that scores high
with agreement and without a split between partners, under the same evidence
minimums.

Sources: the nine exemplary problems of seed 001 §8.4 (titles only in the
seeds: the indicators are our elaboration, docs/SOURCES.md) and
over-organisation from seed 004. Thresholds were set with the calibration
benchmark (benchmarks/rules_calibration.py; docs/RULES.md shows its table).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Unit = Literal["score", "eta2", "share", "points", "count"]

BASE = 0.6
"""Strength of a problem whose sign is fully present without supporting evidence."""


@dataclass(frozen=True, slots=True)
class Condition:
    indicator: str
    direction: Literal["low", "high"]
    start: float  # where the signal begins
    full: float  # where it counts fully
    weight: float = 1.0

    def degree(self, value: float) -> float:
        if self.direction == "low":
            d = (self.start - value) / (self.start - self.full)
        else:
            d = (value - self.start) / (self.full - self.start)
        return min(1.0, max(0.0, d))


@dataclass(frozen=True, slots=True)
class Rule:
    problem: str  # KNOWLEDGE.md §7 id
    source: str
    conditions: tuple[Condition, ...]
    signs: tuple[tuple[str, ...], ...]  # groups of indicators; each group needs one present

    @property
    def defining(self) -> frozenset[str]:
        return frozenset(i for group in self.signs for i in group)

    def condition(self, indicator: str) -> Condition:
        return next(c for c in self.conditions if c.indicator == indicator)


@dataclass(frozen=True, slots=True)
class StrengthRule:
    """A strength: a scale scoring at least ``level`` with agreement, not split between partners."""

    id: str  # finding code, e.g. "relation" (finding id strength:relation)
    indicator: str  # e.g. "domain.relation"
    level: float
    source: str


#: Every indicator a rule may use, with its unit. Scores are POMP 0-100 (50 = middle).
INDICATORS: dict[str, Unit] = {
    "domain.ambition": "score", "domain.interests": "score", "domain.relation": "score",
    "domain.organisation": "score", "domain.process": "score",
    "ambition_gap": "points",  # range between partners on ambition, when the difference is tested real
    "partner_range_share": "share",  # share of domains where partners are 25+ points apart, tested real
    "motive_overlap": "share",
    "ambition_change": "points",  # a meaningful change of ambition since the previous round, else 0
    "form_over_substance": "points",
    "commitment_minus_backing": "points",
    "trust": "score", "formal_overlap": "score",
    "signal.turnover": "score", "signal.continuity": "score", "signal.backing": "score",
    "signal.commitment": "score", "signal.results": "score", "signal.energy": "score",
    "signal.perspective": "score", "signal.agreements_kept": "score", "signal.talk_not_do": "score",
    "signal.rules_burden": "score", "signal.voice": "score", "signal.dominance": "score",
    "signal.stereotypes": "score", "signal.values_fit": "score", "signal.torn_loyalty": "score",
    "network.trust_deficit": "points",  # how much less trust one partner receives, tested real, else 0
    "network.camps": "points",  # trust within minus between camps, when the split is tested real, else 0
    "network.influence_lead": "points",  # lead in received influence over the next partner, tested real
    "network.dependency_asymmetry": "points",  # largest one-sided dependency in a pair, tested real
    # questionnaire 2.0's leadership and governance module (absent when the round did not ask it)
    "leadership.function": "score", "leadership.independent": "score", "leadership.neutral": "score",
    "governance.strategic_decisions": "score", "governance.participation": "score",
    "governance.secretariat": "score", "governance.accountability": "score",
    "conflict.power": "share",  # share of respondents who name power as what a conflict is mainly about
    "conflict.relational": "share",  # ... who name the relationship
}


def _c(indicator: str, direction: Literal["low", "high"], start: float, full: float, weight: float = 1.0) -> Condition:
    return Condition(indicator, direction, start, full, weight)


#: The problem rules, in the order of KNOWLEDGE.md §7. A signal question's sign starts at the middle
#: of the scale (50) and is full at 60 (a warning) or 40 (a low healthy signal, and the ambition and
#: organisation scores); network signs start where the largest of many ordinary differences ends.
#: Calibrated on simulated alliances (benchmarks/rules_calibration.py, docs/RULES.md "Calibration").
RULES: tuple[Rule, ...] = (
    Rule("no_shared_ambition", "001 §8.4.1", (
        _c("domain.ambition", "low", 50, 40, 2.0),
        _c("ambition_gap", "high", 25, 40, 2.0),
        _c("motive_overlap", "low", 0.5, 0.25, 1.0),
    ), (("domain.ambition", "ambition_gap"),)),
    Rule("fading_perspective", "001 §8.4.2", (
        _c("signal.perspective", "low", 50, 40, 1.5),
        _c("signal.energy", "low", 50, 40, 1.5),
        _c("ambition_change", "low", -5, -15, 1.5),
        _c("signal.results", "low", 50, 40, 1.0),
    ), (("signal.perspective", "signal.energy", "ambition_change"),)),
    Rule("staff_instability", "001 §8.4.3", (
        _c("signal.turnover", "high", 50, 60, 2.0),
        _c("signal.continuity", "low", 50, 40, 2.0),
    ), (("signal.turnover", "signal.continuity"),)),
    Rule("sham_collaboration", "001 §8.4.4", (
        _c("signal.talk_not_do", "high", 50, 60, 2.0),
        _c("signal.agreements_kept", "low", 50, 40, 1.5),
        _c("signal.commitment", "low", 50, 40, 1.5),
        _c("form_over_substance", "high", 10, 25, 1.0),
    ), (("signal.talk_not_do", "signal.agreements_kept"),)),
    Rule("under_organisation", "001 §8.4.5", (
        _c("domain.organisation", "low", 50, 40, 2.0),
        _c("formal_overlap", "low", 50, 35, 1.0),
        _c("signal.agreements_kept", "low", 50, 40, 1.0),
        _c("governance.strategic_decisions", "low", 50, 40, 1.0),
        _c("governance.secretariat", "low", 50, 40, 0.5),
    ), (("domain.organisation",),)),
    Rule("persistent_enemy_image", "001 §8.4.6", (
        _c("signal.stereotypes", "high", 50, 60, 2.0),
        _c("network.trust_deficit", "high", 10, 25, 1.5),
        _c("network.camps", "high", 10, 25, 1.0),
        _c("conflict.relational", "high", 0.25, 0.5, 1.0),
    ), (("signal.stereotypes", "network.trust_deficit"),)),
    Rule("double_loyalty", "001 §8.4.7", (
        _c("signal.torn_loyalty", "high", 50, 60, 2.0),
        _c("signal.backing", "low", 50, 40, 2.0),
        _c("commitment_minus_backing", "high", 10, 25, 1.0),
    ), (("signal.torn_loyalty", "signal.backing"),)),
    Rule("unbridgeable_diversity", "001 §8.4.8", (
        _c("partner_range_share", "high", 0.4, 0.8, 2.0),
        _c("signal.values_fit", "low", 50, 40, 2.0),
    ), (("partner_range_share",), ("signal.values_fit",))),
    Rule("simmering_power_play", "001 §8.4.9", (
        _c("signal.dominance", "high", 50, 60, 1.5),
        _c("signal.voice", "low", 50, 40, 1.5),
        _c("network.influence_lead", "high", 10, 25, 1.0),
        _c("network.dependency_asymmetry", "high", 35, 50, 1.0),
        _c("leadership.function", "low", 50, 40, 1.0),
        _c("leadership.neutral", "low", 50, 40, 1.0),
        _c("governance.participation", "low", 50, 40, 1.0),
        _c("conflict.power", "high", 0.25, 0.5, 1.0),
    ), (("signal.dominance", "signal.voice", "network.influence_lead", "network.dependency_asymmetry"),)),
    Rule("over_organisation", "004 Start", (
        _c("signal.rules_burden", "high", 50, 60, 2.0),
        _c("signal.commitment", "low", 50, 40, 1.0),
        _c("formal_overlap", "high", 70, 85, 0.5),
    ), (("signal.rules_burden",),)),
)

STRENGTH_LEVEL = 70.0
"""A scale at or above this (POMP) with agreement and no split between partners is a strength."""
AGREEMENT_LEVEL = 0.7
"""rwg(J) at or above which respondents agree well enough to call a high score a shared strength."""

#: The strength rules: the five angles, trust and formal alignment.
STRENGTHS: tuple[StrengthRule, ...] = (
    StrengthRule("ambition", "domain.ambition", STRENGTH_LEVEL, "001 §1.3"),
    StrengthRule("interests", "domain.interests", STRENGTH_LEVEL, "001 §1.3"),
    StrengthRule("relation", "domain.relation", STRENGTH_LEVEL, "001 §1.3"),
    StrengthRule("organisation", "domain.organisation", STRENGTH_LEVEL, "001 §1.3"),
    StrengthRule("process", "domain.process", STRENGTH_LEVEL, "001 §1.3"),
    StrengthRule("trust", "trust", STRENGTH_LEVEL, "002 §2"),
    StrengthRule("formal_overlap", "formal_overlap", STRENGTH_LEVEL, "002 §2"),
)


def _check() -> None:
    for rule in RULES:
        used = {c.indicator for c in rule.conditions}
        for c in rule.conditions:
            if c.indicator not in INDICATORS:
                raise RuntimeError(f"rule {rule.problem} uses unknown indicator {c.indicator}")
            if c.start == c.full or c.weight <= 0:
                raise RuntimeError(f"rule {rule.problem}: bad ramp for {c.indicator}")
        if not rule.signs or not rule.defining <= used:
            raise RuntimeError(f"rule {rule.problem}: its signs must be among its conditions")
    for s in STRENGTHS:
        if s.indicator not in INDICATORS:
            raise RuntimeError(f"strength {s.id} uses unknown indicator {s.indicator}")


_check()
