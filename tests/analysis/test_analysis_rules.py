"""The rule table: ramps, weights, missing data, and that docs/RULES.md documents every rule exactly."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from samenspel.analysis.notice import Notice
from samenspel.analysis.problems import evaluate, judge
from samenspel.analysis.rules import INDICATORS, RULES, Condition, Rule
from samenspel.i18n import Text

DOCS = Path(__file__).resolve().parents[2] / "docs"


def _cond(direction, start, full, weight=1.0, indicator="x"):
    return Condition(indicator, direction, start, full, weight, Text("{value} {start}", "{value} {start}"))


@pytest.mark.parametrize("direction,start,full,value,expected", [
    ("low", 50, 30, 60, 0.0), ("low", 50, 30, 50, 0.0), ("low", 50, 30, 40, 0.5), ("low", 50, 30, 10, 1.0),
    ("high", 50, 75, 40, 0.0), ("high", 50, 75, 62.5, 0.5), ("high", 50, 75, 90, 1.0),
])
def test_degree_is_a_clamped_straight_ramp(direction, start, full, value, expected):
    assert _cond(direction, start, full).degree(value) == pytest.approx(expected)


def test_strength_is_the_weighted_mean_over_available_indicators():
    a, b, c = "signal.backing", "signal.turnover", "signal.voice"
    rule = Rule("p", "test", (_cond("low", 50, 30, 3.0, a), _cond("high", 50, 75, 1.0, b),
                              _cond("low", 50, 30, 1.0, c)))
    strength, evidence, coverage = evaluate(rule, {a: 40.0, b: 75.0})  # c missing
    assert strength == pytest.approx((3 * 0.5 + 1 * 1.0) / 4)
    assert coverage == pytest.approx(4 / 5)
    assert [e.indicator for e in evidence] == [a, b]  # by weight x degree: 1.5 then 1.0
    assert evidence[0].text.en == "40 50"


def test_rule_with_too_little_data_is_not_judged_and_warned():
    notices: list[Notice] = []
    from analysis_kb import make_kb

    found = judge({"signal.turnover": 90.0}, make_kb(), 3, notices)
    assert "staff_instability" in {f.id for f in found}  # half of its weight is there: judged
    codes = {n.code for n in notices}
    assert "rule_not_judged:simmering_power_play" in codes and "rule_not_judged:staff_instability" not in codes


def test_ten_rules_with_knowledge_ids():
    assert [r.problem for r in RULES] == [
        "no_shared_ambition", "fading_perspective", "staff_instability", "sham_collaboration", "under_organisation",
        "persistent_enemy_image", "double_loyalty", "unbridgeable_diversity", "simmering_power_play",
        "over_organisation"]


def test_rule_ids_exist_in_the_real_knowledge_base():
    from samenspel.knowledge import load_knowledge

    kb = load_knowledge()
    for r in RULES:
        assert r.problem in kb.problems
        assert all(i in kb.interventions for i in kb.problems[r.problem].interventions)


def test_evidence_templates_have_both_languages_and_placeholders():
    """Every sentence shows the measured number and where the signal starts (the split: any split)."""
    for r in RULES:
        for c in r.conditions:
            for text in (c.evidence.nl, c.evidence.en):
                assert any(f in text for f in ("{value}", "{groups}", "{count}")), (r.problem, c.indicator)
                assert any(f in text for f in ("{start}", "{start_pct}", "vanaf 2 groepen", "from 2 groups")), (r.problem, c.indicator)


def test_evidence_counts_domains_and_groups_not_shares():
    """'op 3 van de 5 invalshoeken' and 'in 2 groepen', never 'op 0,60 van de domeinen' or 'cluster(s)'."""
    from samenspel.analysis.problems import evaluate

    by_id = {r.problem: r for r in RULES}
    values = {"divergent_share": 0.6, "divergent_count": 3.0, "divergent_judged": 5.0, "signal.values_fit": 60.0}
    _, evidence, _ = evaluate(by_id["unbridgeable_diversity"], values)
    assert evidence[0].text.nl == "Partners verschillen duidelijk op 3 van de 5 invalshoeken (signaal vanaf 20%)."
    assert evidence[0].text.en == "Partners clearly differ on 3 of the 5 domains (signal from 20%)."
    _, evidence, _ = evaluate(by_id["persistent_enemy_image"], {"network.trust_split": 1.0, "signal.stereotypes": 40.0})
    assert "in 2 groepen" in evidence[0].text.nl and "into 2 groups" in evidence[0].text.en
    assert "cluster" not in evidence[0].text.nl


def test_rules_md_documents_every_rule_condition_and_indicator():
    doc = (DOCS / "RULES.md").read_text(encoding="utf-8")
    sections = re.split(r"^### ", doc, flags=re.M)
    by_rule = {s.split("`")[1]: s for s in sections[1:] if s.startswith("`")}
    for r in RULES:
        section = by_rule[r.problem]
        assert r.source in section
        for c in r.conditions:
            row = re.search(rf"^\| `{re.escape(c.indicator)}` .*\| (\w+) \| ([-\d.]+) \| ([-\d.]+) \| ([\d.]+) \|$",
                            section, flags=re.M)
            assert row, (r.problem, c.indicator)
            assert row.group(1) == c.direction
            assert [float(x) for x in row.groups()[1:]] == [c.start, c.full, c.weight], (r.problem, c.indicator)
    for ind in INDICATORS:
        assert f"`{ind}`" in doc


def test_analysis_md_documents_every_setting():
    from samenspel.analysis import SETTINGS_TABLE

    doc = (DOCS / "ANALYSIS.md").read_text(encoding="utf-8")
    for name, default, _ in SETTINGS_TABLE:
        assert re.search(rf"\| `{name}` \| {re.escape(str(default))} \|", doc), name
