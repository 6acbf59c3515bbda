"""Each exemplary problem, built into a dataset on purpose, is found with its defining sign in the evidence."""

from __future__ import annotations

import pytest

from samenspel.analysis import analyse
from samenspel.analysis.rules import RULES
from analysis_synth import DOMAINS, HEALTHY_RELATION, make_responses, merge

PARTNERS = {"A": 8, "B": 8, "C": 8, "D": 6}


def _camps(dim: str, rater: str, target: str) -> float:
    """Two camps {A, B} and {C, D} that trust each other inside and not across."""
    if dim != "trust":
        return HEALTHY_RELATION[dim]
    same = (rater in "AB") == (target in "AB")
    return 4.6 if same else 1.4


def _power(dim: str, rater: str, target: str) -> float:
    """A steers: all say A has the influence and they depend on it; A depends on nobody."""
    if dim == "influence":
        return 5.0 if target == "A" else 2.0
    if dim == "dependency":
        return 1.0 if rater == "A" else (5.0 if target == "A" else 3.0)
    return HEALTHY_RELATION[dim]


# problem id -> (levels, partner levels, relation levels)
CASES: dict[str, tuple[dict, dict, object]] = {
    "no_shared_ambition": (
        {"domain:ambition": 2.2},
        {"A": {"domain:ambition": 1.4, "motive:market": 0.95, "motive:cost": 0.95, "motive:knowledge": 0.05,
               "motive:external": 0.05, "motive:personal": 0.05},
         "B": {"domain:ambition": 3.4, "motive:market": 0.05, "motive:cost": 0.05, "motive:knowledge": 0.95,
               "motive:external": 0.05, "motive:personal": 0.05},
         "C": {"domain:ambition": 1.6, "motive:market": 0.05, "motive:cost": 0.05, "motive:knowledge": 0.05,
               "motive:external": 0.95, "motive:personal": 0.05}},
        None),
    "staff_instability": ({"signal:turnover": 4.4, "signal:continuity": 1.6}, {}, None),
    "sham_collaboration": (
        {"signal:talk_not_do": 4.4, "signal:agreements_kept": 1.8, "signal:commitment": 1.8,
         "domain:ambition": 2.6, "domain:organisation": 4.4, "domain:process": 4.4}, {}, None),
    "under_organisation": (
        {"domain:organisation": 1.6, "formal_overlap": 1.6, "signal:agreements_kept": 1.8}, {}, None),
    "persistent_enemy_image": ({"signal:stereotypes": 4.4}, {}, _camps),
    "double_loyalty": (
        {"signal:torn_loyalty": 4.4, "signal:backing": 1.6, "signal:commitment": 4.4}, {}, None),
    "unbridgeable_diversity": (
        {"signal:values_fit": 1.6},
        {"A": {f"domain:{d}": 4.8 for d in DOMAINS}, "B": {f"domain:{d}": 1.4 for d in DOMAINS},
         "C": {f"domain:{d}": 3.0 for d in DOMAINS}},
        None),
    "simmering_power_play": ({"signal:dominance": 4.4, "signal:voice": 1.6}, {}, _power),
    "over_organisation": (
        {"signal:rules_burden": 4.5, "signal:commitment": 2.0, "formal_overlap": 4.7}, {}, None),
}


def _find(diagnosis, problem_id):
    return next((p for p in diagnosis.problems if p.id == problem_id), None)


@pytest.mark.parametrize("problem_id", sorted(CASES))
def test_problem_built_in_is_found_with_evidence(problem_id, instrument, kb):
    levels, partner_levels, relation = CASES[problem_id]
    rs = make_responses(instrument, PARTNERS, levels=levels, partner_levels=partner_levels, relation=relation,
                        seed=7)
    d = analyse(rs, instrument, kb)
    found = _find(d, problem_id)
    assert found is not None, [p.id for p in d.problems]
    assert found.strength >= d.settings.strong_problem, (found.strength, [e.indicator for e in found.evidence])
    assert found.evidence and all(e.degree > 0 for e in found.evidence)
    rule = next(r for r in RULES if r.problem == problem_id)
    assert found.evidence[0].defining and found.evidence[0].indicator in rule.defining  # its own sign
    assert all(e.n >= d.settings.min_evidence_n for e in found.evidence)
    # interventions of the knowledge base, those suited to the modal phase (3) first
    from samenspel.reading.advice import ranked_interventions
    from samenspel.reading.context import AllianceContext

    assert ranked_interventions(problem_id, kb, d.phase.modal, AllianceContext())[0][0] == f"{problem_id}_late"
    from samenspel.reading import read
    from samenspel.render.json import diagnosis_json

    entry = next(p for p in diagnosis_json(read(d, kb), kb, "en")["problems"] if p["id"] == problem_id)
    assert entry["evidence"] and all("{" not in e and "n = " in e or "raters" in e for e in entry["evidence"])
    assert entry["interventions"][0] == f"{problem_id}_late"
    assert {"indicator", "value", "threshold", "n", "partners", "defining"} <= set(entry["indicators"][0])


def test_fading_perspective_found_over_two_rounds(instrument, kb):
    """Ambition dropping between rounds with low energy, perspective and results (001 §8.4.2)."""
    before = make_responses(instrument, PARTNERS, seed=1, round_id="2025")
    after = make_responses(instrument, PARTNERS, seed=2, round_id="2026", levels={
        "domain:ambition": 3.0, "signal:perspective": 1.8, "signal:energy": 1.8, "signal:results": 2.0})
    d = analyse(merge(before, after), instrument, kb)
    found = _find(d, "fading_perspective")
    assert found is not None and found.strength >= d.settings.strong_problem
    assert "ambition_change" in {e.indicator for e in found.evidence}
    assert "fading_perspective" in d.trend.new_problems


def test_each_rule_has_a_case():
    assert {r.problem for r in RULES} == set(CASES) | {"fading_perspective"}


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_healthy_alliance_shows_no_problem_strongly(instrument, kb, seed):
    rs = make_responses(instrument, PARTNERS, seed=seed)
    d = analyse(rs, instrument, kb)
    assert all(p.strength < d.settings.strong_problem for p in d.problems), [(p.id, p.strength) for p in d.problems]


def test_healthy_alliance_over_two_rounds_shows_no_problem_strongly(instrument, kb):
    rs = merge(make_responses(instrument, PARTNERS, seed=3, round_id="r1"),
               make_responses(instrument, PARTNERS, seed=4, round_id="r2"))
    d = analyse(rs, instrument, kb)
    assert all(p.strength < d.settings.strong_problem for p in d.problems), [(p.id, p.strength) for p in d.problems]
