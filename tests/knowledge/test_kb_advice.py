"""The advice ranking (knowledge.advice): phase first, then context fits, then the problem's own order.

A small hand-built knowledge base makes every ordering rule visible; the
shipped one is checked on a few cases worked out by hand from its data.
"""

from __future__ import annotations

import pytest

from samenspel.errors import SamenspelError
from samenspel.i18n import Text
from samenspel.knowledge import KnowledgeBase, load_knowledge
from samenspel.knowledge.advice import rank_interventions
from samenspel.knowledge.model import (
    AllianceForm, CollaborationForm, ContextFit, GovernanceModel, Indicator, Intervention, Phase, PhaseDetail, Problem,
)


def T(s: str) -> Text:
    return Text(f"{s} nl", f"{s} en")


@pytest.fixture(scope="module")
def small() -> KnowledgeBase:
    """Problem p with a (phases 1-2, fits lead_partner), b (phase 3, 004 discover_learn),
    c (all phases, caution for multi_partner) and d (phases 2-3, fits form x), in that order."""
    fit = ContextFit("governance_model", ("lead_partner",), T("lead reason"), "003 ch. 1, Allianties met meerdere partners")
    caution = ContextFit("alliance_form", ("multi_partner",), T("careful"), "003 ch. 1, Allianties met meerdere partners",
                         suits=False)
    form_fit = ContextFit("collaboration_form", ("x",), T("form reason"), "000 Tabel 3")
    interventions = {
        "a": Intervention("a", T("a"), T("a"), (1, 2), "004 Start", T("step a"), (), (fit,)),
        "b": Intervention("b", T("b"), T("b"), (3,), "004 Ontdekken en leren", T("step b"), ("discover_learn",)),
        "c": Intervention("c", T("c"), T("c"), (1, 2, 3, 4), "002 §3", T("step c"), (), (caution,)),
        "d": Intervention("d", T("d"), T("d"), (2, 3), "000 §3", T("step d"), (), (form_fit,)),
    }
    problem = Problem("p", T("p"), T("p"), ("ambition",), (Indicator("i", T("i")),), ("a", "b", "c", "d"), (), "000 §3")
    phases = {a: Phase(a, T(f"phase {a}"), T("q"), (), (), "000 §4") for a in (1, 2, 3, 4)}
    details = {
        "design_align": PhaseDetail("design_align", 1, T("start"), T("s"), (1, 2), (), (), "004 fig. 1, Start"),
        "discover_learn": PhaseDetail("discover_learn", 2, T("learn"), T("l"), (3,), (), (), "004 fig. 1, Ontdekken en leren"),
    }
    return KnowledgeBase(
        sources={}, domains={}, motive_categories={}, paradoxes={}, phases=phases, phase_models={}, factors={},
        trust_quadrants={}, trust_modes={}, governance_advice={}, reflection_steps=(), conflict_types={},
        problems={"p": problem}, interventions=interventions,
        collaboration_forms={"x": CollaborationForm("x", T("form x"), T("x"), "social_sciences", "volatile", "000 Tabel 1")},
        alliance_forms={"multi_partner": AllianceForm("multi_partner", T("multi"), T("m"), "003 ch. 1")},
        governance_models={"lead_partner": GovernanceModel("lead_partner", T("lead"), T("l"), "003 ch. 1"),
                           "cooperative": GovernanceModel("cooperative", T("coop"), T("c"), "003 ch. 1")},
        phase_details=details,
    )  # fmt: skip


def order(advice: object) -> list[str]:
    return [r.id for r in advice.ranked]  # type: ignore[attr-defined]


def test_without_context_the_problem_order_stays_and_all_context_is_reported(small: KnowledgeBase) -> None:
    advice = rank_interventions(small, "p")
    assert order(advice) == ["a", "b", "c", "d"]
    assert all(r.in_phase is None and r.score == 0 and r.reasons == () for r in advice.ranked)
    assert {n.context: n.interventions for n in advice.not_used} == {
        "phase": ("a", "b", "d"), "phase_detail": ("b",), "alliance_form": ("c",),
        "collaboration_form": ("d",), "governance_model": ("a",),
    }  # fmt: skip
    assert advice.not_used[0].label.en == (
        "The phase is not known, so advice that depends on it was not used (3 of the 4 interventions)."
    )


def test_phase_puts_suited_interventions_first_and_says_why(small: KnowledgeBase) -> None:
    advice = rank_interventions(small, "p", phase=3)
    assert order(advice) == ["b", "c", "d", "a"]  # ties keep the problem order; a does not suit phase 3
    b, a = advice.ranked[0], advice.ranked[-1]
    assert b.reasons[0].code == "suits_phase" and b.reasons[0].label.en == "Suits phase 3 (phase 3 en)"
    assert b.reasons[0].source == "004 Ontdekken en leren"
    assert a.in_phase is False and a.reasons[0].code == "not_for_phase" and a.reasons[0].label.en == (
        "Better suited to phase 1, 2")
    assert "phase" not in {n.context for n in advice.not_used}
    assert {n.context for n in advice.not_used} >= {"phase_detail"}  # at phase 3 only 004's phase tells


def test_phase_detail_and_fits_raise_an_intervention_within_its_phase(small: KnowledgeBase) -> None:
    advice = rank_interventions(small, "p", phase=3, phase_detail="discover_learn", collaboration_form="x")
    assert order(advice) == ["b", "d", "c", "a"]  # b: phase + 004 phase (2), d: phase + form (2), c: phase (1)
    assert [r.code for r in advice.ranked[0].reasons] == ["suits_phase", "suits_phase_detail"]
    form = advice.ranked[1].reasons[1]
    assert (form.code, form.value, form.weight) == ("suits_collaboration_form", "x", 1)
    assert form.reason == T("form reason") and form.label.nl == "Past bij samenwerkingsvorm: form x nl"
    assert "phase_detail" not in {n.context for n in advice.not_used}


def test_a_caution_counts_against(small: KnowledgeBase) -> None:
    advice = rank_interventions(small, "p", phase=3, alliance_form="multi_partner")
    assert order(advice) == ["b", "d", "c", "a"]
    c = advice.ranked[2]
    assert c.score == 0 and [r.code for r in c.reasons] == ["suits_phase", "not_for_alliance_form"]
    assert c.reasons[1].label.en == "Less suited to alliance form: multi en" and c.reasons[1].weight == -1


def test_governance_model_and_the_start_implied_by_phase_2(small: KnowledgeBase) -> None:
    advice = rank_interventions(small, "p", phase=2, governance_model="lead_partner")
    assert order(advice) == ["a", "c", "d", "b"]
    assert [r.code for r in advice.ranked[0].reasons] == ["suits_phase", "suits_governance_model"]
    assert advice.top(2) == advice.ranked[:2] and len(advice.top()) == 3
    assert "phase_detail" not in {n.context for n in advice.not_used}  # phase 2 lies in 004's start
    other = rank_interventions(small, "p", phase=2, governance_model="cooperative")
    assert order(other) == ["a", "c", "d", "b"] and other.ranked[0].score == 1  # no claim for cooperative


def test_phase_detail_alone_gives_the_axis(small: KnowledgeBase) -> None:
    advice = rank_interventions(small, "p", phase_detail="design_align")
    assert order(advice) == ["a", "c", "d", "b"]
    assert advice.ranked[-1].in_phase is False


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [({"phase": 5}, "not a position on the axis"), ({"phase_detail": "middle"}, "unknown phase detail 'middle'"),
     ({"governance_model": "kooperative"}, "unknown governance model 'kooperative'"),
     ({"alliance_form": "cartel"}, "unknown alliance form 'cartel'")],
)  # fmt: skip
def test_unknown_context_is_a_user_error(small: KnowledgeBase, kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(SamenspelError, match=message):
        rank_interventions(small, "p", **kwargs)  # type: ignore[arg-type]
    with pytest.raises(SamenspelError, match="unknown problem id 'q'"):
        rank_interventions(small, "q")


# --- the shipped knowledge base, worked out by hand from interventions.yaml and problems.yaml ---


def test_power_play_under_a_lead_partner_in_phase_2() -> None:
    """voice_small_partners: phase 2, 004's start, lead partner (3); power_balance_check and
    coordination_as_function: phase 2 and lead partner (2 each; problem order decides)."""
    advice = rank_interventions(load_knowledge(), "simmering_power_play", phase=2, governance_model="lead_partner")
    assert [r.id for r in advice.top()] == ["voice_small_partners", "power_balance_check", "coordination_as_function"]
    lead = advice.ranked[1].reasons[1]
    assert lead.code == "suits_governance_model" and lead.source.startswith("003 ch. 1, Allianties met meerdere")
    assert lead.reason is not None and "leidende-partnermodel" in lead.reason.nl
    assert all(r.first_step is not None for r in advice.top())
    assert [n.context for n in advice.not_used] == ["alliance_form"]


def test_under_organisation_in_a_cooperative_partnership_in_phase_3() -> None:
    advice = rank_interventions(
        load_knowledge(), "under_organisation", phase=3, governance_model="cooperative",
        collaboration_form="area_development_partnership",
    )  # fmt: skip
    assert [r.id for r in advice.top()] == [
        "clear_decisions_and_roles", "business_case_transparency", "governance_transparency",
    ]  # fmt: skip
    assert [r.id for r in advice.ranked[-2:]] == ["choose_form_consciously", "working_agreements"]  # not phase 3


def test_fading_perspective_in_004s_productive_phase_of_a_multi_partner_alliance() -> None:
    advice = rank_interventions(
        load_knowledge(), "fading_perspective", phase_detail="productivity_value", alliance_form="multi_partner"
    )
    assert [r.id for r in advice.top(2)] == ["harvest_and_record", "organise_contradiction"]
    assert advice.ranked[-1].id == "reopen_network" and advice.ranked[-1].score == -2


def test_every_problem_and_phase_gives_three_interventions_with_a_first_step() -> None:
    kb = load_knowledge()
    for problem_id in kb.problems:
        for phase in (1, 2, 3, 4):
            top = rank_interventions(kb, problem_id, phase=phase).top()
            assert len(top) == 3 and all(r.first_step is not None for r in top), (problem_id, phase)
