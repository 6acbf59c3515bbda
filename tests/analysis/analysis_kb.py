"""A small knowledge base for the engine's tests (the real one is tested by its owner)."""

from __future__ import annotations

from samenspel.analysis.rules import RULES
from samenspel.i18n import Text
from samenspel.knowledge.model import (
    GovernanceAdvice, Indicator, Intervention, KnowledgeBase, Phase, Problem, TrustQuadrant,
)


def T(s: str) -> Text:
    return Text(f"{s} (nl)", f"{s} (en)")


def make_kb() -> KnowledgeBase:
    """Every rule's problem with two interventions: one for phases 1-2, one for phases 3-4."""
    interventions: dict[str, Intervention] = {}
    problems: dict[str, Problem] = {}
    for rule in RULES:
        early, late = f"{rule.problem}_early", f"{rule.problem}_late"
        interventions[early] = Intervention(early, T(early), T(early), (1, 2), "test")
        interventions[late] = Intervention(late, T(late), T(late), (3, 4), "test")
        problems[rule.problem] = Problem(rule.problem, T(rule.problem), T(rule.problem), ("ambition",),
                                         (Indicator("i", T("i")),), (early, late), (T("q"),), "test")
    phases = {a: Phase(a, T(f"phase {a}"), T("question"), (T("see"),), (T(f"do {a}"),), "test") for a in range(1, 5)}
    quadrants = {q: TrustQuadrant(q, T(q), T(f"advice {q}"), "test") for q in (
        "high_trust_high_formal", "high_trust_low_formal", "low_trust_high_formal", "low_trust_low_formal")}
    gov = {g: GovernanceAdvice(g, T(g), T(f"advice {g}"), "test") for g in ("more_control", "more_trust", "balance")}
    return KnowledgeBase(
        sources={}, domains={}, motive_categories={}, paradoxes={}, phases=phases, phase_models={}, factors={},
        trust_quadrants=quadrants, trust_modes={}, governance_advice=gov, reflection_steps=(), conflict_types={},
        problems=problems, interventions=interventions, collaboration_forms={}, alliance_forms={},
        governance_models={},
    )
