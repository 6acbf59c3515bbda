"""The rule table: ramps, defining signs, evidence minimums, and that docs/RULES.md documents every rule exactly."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from samenspel.analysis.notice import Notice
from samenspel.analysis.problems import IndicatorValue, evaluate, judge
from samenspel.analysis.rules import BASE, INDICATORS, RULES, STRENGTHS, Condition, Rule
from samenspel.analysis.settings import Settings

DOCS = Path(__file__).resolve().parents[2] / "docs"
S = Settings()


def iv(value: float, n: int = 30, partners: int = 4, **kw: object) -> IndicatorValue:
    return IndicatorValue(value, n, partners, **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize("direction,start,full,value,expected", [
    ("low", 50, 30, 60, 0.0), ("low", 50, 30, 50, 0.0), ("low", 50, 30, 40, 0.5), ("low", 50, 30, 10, 1.0),
    ("high", 50, 75, 40, 0.0), ("high", 50, 75, 62.5, 0.5), ("high", 50, 75, 90, 1.0),
])
def test_degree_is_a_clamped_straight_ramp(direction, start, full, value, expected):
    assert Condition("x", direction, start, full).degree(value) == pytest.approx(expected)


def _rule() -> Rule:
    return Rule("p", "test", (Condition("sign", "high", 50, 70, 2.0), Condition("a", "low", 50, 30, 3.0),
                              Condition("b", "high", 50, 75, 1.0)), (("sign",),))


def test_strength_is_the_sign_times_base_plus_support():
    strength, sign, support, evidence, coverage, _ = evaluate(_rule(), {"sign": iv(60), "a": iv(40), "b": iv(75)}, S)
    assert sign == pytest.approx(0.5)
    assert support == pytest.approx((3 * 0.5 + 1 * 1.0) / 4)
    assert strength == pytest.approx(0.5 * (BASE + (1 - BASE) * support))
    assert coverage == 1.0
    assert evidence[0].indicator == "sign" and evidence[0].defining  # the sign first


def test_full_sign_alone_gives_the_base_strength():
    strength, *_ = evaluate(_rule(), {"sign": iv(90), "a": iv(60)}, S)
    assert strength == pytest.approx(BASE)


def test_without_its_sign_a_problem_is_not_found_however_the_rest_looks():
    """Each problem needs its own sign: strong support alone is no problem."""
    strength, sign, *_ = evaluate(_rule(), {"sign": iv(40), "a": iv(10), "b": iv(90)}, S)
    assert strength == 0 and sign == 0


def test_high_formal_alignment_is_never_a_warning_by_itself():
    rule = next(r for r in RULES if r.problem == "over_organisation")
    strength, *_ = evaluate(rule, {"formal_overlap": iv(95), "signal.commitment": iv(70), "signal.rules_burden": iv(30)}, S)
    assert strength == 0


@pytest.mark.parametrize("n,partners", [(4, 3), (30, 1)])
def test_thin_evidence_is_not_judged(n: int, partners: int):
    """Below the minimum answers (5) or partners (2) an indicator does not count: 'too few answers'."""
    notices: list[Notice] = []
    judged = judge({"signal.stereotypes": iv(90, n, partners)}, S, notices)
    assert "persistent_enemy_image" not in {f.id for f in judged.found}
    assert "persistent_enemy_image" in judged.not_judged
    notice = next(x for x in notices if x.code == "rule_not_judged:persistent_enemy_image")
    assert notice.params["thin"] == ("signal.stereotypes",)


def test_untestable_network_claim_is_not_judged():
    claim = iv(40, 8, 2, p=None, about=("A", "B"), testable=False)
    judged = judge({"network.dependency_asymmetry": claim}, S, [])
    assert "simmering_power_play" in judged.not_judged


def test_a_sign_judged_absent_makes_the_problem_absent_not_unjudged():
    judged = judge({"signal.rules_burden": iv(30)}, S, [])
    assert "over_organisation" not in judged.not_judged
    assert "over_organisation" not in {f.id for f in judged.found}


def test_unbridgeable_diversity_needs_both_large_differences_and_poor_fit():
    rule = next(r for r in RULES if r.problem == "unbridgeable_diversity")
    only_fit, *_ = evaluate(rule, {"signal.values_fit": iv(20), "partner_range_share": iv(0.2)}, S)
    both, *_ = evaluate(rule, {"signal.values_fit": iv(20), "partner_range_share": iv(0.8)}, S)
    assert only_fit == 0 and both == pytest.approx(1.0)


def test_ten_rules_with_knowledge_ids():
    assert [r.problem for r in RULES] == [
        "no_shared_ambition", "fading_perspective", "staff_instability", "sham_collaboration", "under_organisation",
        "persistent_enemy_image", "double_loyalty", "unbridgeable_diversity", "simmering_power_play",
        "over_organisation"]


def test_rules_refer_to_constructs_never_to_item_ids():
    from samenspel.instrument import load_instrument

    items = {it.id for it in load_instrument().items}
    for r in RULES:
        assert not ({c.indicator for c in r.conditions} & items), r.problem


def test_rule_ids_exist_in_the_real_knowledge_base():
    from samenspel.knowledge import load_knowledge

    kb = load_knowledge()
    for r in RULES:
        assert r.problem in kb.problems
        assert all(i in kb.interventions for i in kb.problems[r.problem].interventions)


def test_every_indicator_has_evidence_words_and_a_name():
    from samenspel.reading.labels import L

    for ind in INDICATORS:
        assert f"ev_{ind}" in L, ind
        assert ind.startswith("domain.") or f"ind_{ind}" in L, ind


def test_rules_md_documents_every_rule_condition_sign_and_indicator():
    doc = (DOCS / "RULES.md").read_text(encoding="utf-8")
    sections = re.split(r"^### ", doc, flags=re.M)
    by_rule = {s.split("`")[1]: s for s in sections[1:] if s.startswith("`")}
    for r in RULES:
        section = by_rule[r.problem]
        assert r.source in section
        for c in r.conditions:
            row = re.search(rf"^\| `{re.escape(c.indicator)}` .*\| (\w+) \| ([-\d.]+) \| ([-\d.]+) \| ([\d.]+) \| (yes|no) \|$",
                            section, flags=re.M)
            assert row, (r.problem, c.indicator)
            assert row.group(1) == c.direction
            assert [float(x) for x in row.groups()[1:4]] == [c.start, c.full, c.weight], (r.problem, c.indicator)
            assert (row.group(5) == "yes") == (c.indicator in r.defining), (r.problem, c.indicator)
        assert "Defining sign" in section, r.problem
    for ind in INDICATORS:
        assert f"`{ind}`" in doc
    for s in STRENGTHS:
        assert f"`strength:{s.id}`" in doc


def test_analysis_md_documents_every_setting():
    from samenspel.analysis import SETTINGS_TABLE

    doc = (DOCS / "ANALYSIS.md").read_text(encoding="utf-8")
    for name, default, _ in SETTINGS_TABLE:
        assert re.search(rf"\| `{name}` \| {re.escape(str(default))} \|", doc), name
