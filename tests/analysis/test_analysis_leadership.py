"""Questionnaire 2.0's leadership and governance module feeds the diagnosis (issue 11 point 1).

The module's statements (seed 004 on collaborative leadership, seed 003 on
multi-partner governance) and the kind of conflict (seed 000 §4) are
supporting evidence for power play, under-organisation and the enemy image:
they strengthen a problem whose own sign is there, never make one alone, and
a round without the module is judged without them (not as zeros).
"""

from __future__ import annotations

import dataclasses

import pytest
from analysis_synth import make_instrument, make_responses

from samenspel.analysis import Settings, analyse
from samenspel.i18n import Text
from samenspel.instrument.model import Item, Option

T = Text("x", "x")
LEADERSHIP = ("function", "independent", "neutral")
GOVERNANCE = ("strategic_decisions", "participation", "secretariat", "accountability")
KINDS = ("power", "interest", "relational", "task", "none")


@pytest.fixture(scope="module")
def with_module():  # type: ignore[no-untyped-def]
    base = make_instrument()
    extra = [Item(id=f"lead_{k}", construct=f"leadership:{k}", type="likert", text=T, part="p", min=1, max=5)
             for k in LEADERSHIP]
    extra += [Item(id=f"gov_{k}", construct=f"governance:{k}", type="likert", text=T, part="p", min=1, max=5)
              for k in GOVERNANCE]
    extra.append(Item(id="conflict_type", construct="conflict:type", type="choice", text=T, part="p",
                      options=tuple(Option(k, v, T) for v, k in enumerate(KINDS, start=1))))
    return dataclasses.replace(base, items=base.items + tuple(extra))


PARTNERS = {"A": 6, "B": 6, "C": 6}
CHAIR_TAKES_SIDES = {**{f"leadership:{k}": 1.6 for k in LEADERSHIP},
                     **{f"governance:{k}": 1.8 for k in GOVERNANCE}, "conflict:type": 1.0}
HEALTHY_MODULE = {**{f"leadership:{k}": 4.2 for k in LEADERSHIP},
                  **{f"governance:{k}": 4.2 for k in GOVERNANCE}, "conflict:type": 4.0}


def _power_play(d) -> float:  # type: ignore[no-untyped-def]
    return next((f.strength for f in d.problems if f.id == "simmering_power_play"), 0.0)


def test_a_chair_who_takes_sides_strengthens_power_play_whose_own_sign_is_there(with_module, kb):
    sign = {"signal:dominance": 3.3}  # one partner has somewhat too much say: the sign, partly
    plain = analyse(make_responses(with_module, PARTNERS, levels={**sign, **HEALTHY_MODULE}, seed=4), with_module, kb)
    taken = analyse(make_responses(with_module, PARTNERS, levels={**sign, **CHAIR_TAKES_SIDES}, seed=4),
                    with_module, kb)
    assert _power_play(taken) > _power_play(plain) > 0
    evidence = {e.indicator for f in taken.problems if f.id == "simmering_power_play" for e in f.evidence}
    assert {"leadership.neutral", "conflict.power"} <= evidence


def test_the_module_alone_never_makes_a_problem(with_module, kb):
    d = analyse(make_responses(with_module, PARTNERS, levels=CHAIR_TAKES_SIDES, seed=5), with_module, kb)
    assert _power_play(d) == 0.0
    assert d.indicators["leadership.neutral"].value < 40 and d.indicators["conflict.power"].value > 0.5


def test_unclear_governance_supports_under_organisation(with_module, kb):
    low_org = {"domain:organisation": 2.7}
    plain = analyse(make_responses(with_module, PARTNERS, levels={**low_org, **HEALTHY_MODULE}, seed=6),
                    with_module, kb)
    unclear = analyse(make_responses(with_module, PARTNERS, levels={**low_org, **CHAIR_TAKES_SIDES}, seed=6),
                      with_module, kb)

    def strength(d):  # type: ignore[no-untyped-def]
        return next((f.strength for f in d.problems if f.id == "under_organisation"), 0.0)

    assert strength(unclear) > strength(plain) > 0


def test_the_kind_of_conflict_counts_published_groups_only(with_module, kb):
    """Partner D (2 respondents, below the minimum, together with nobody) is left out of the shares."""
    rs = make_responses(with_module, {**PARTNERS, "D": 2}, levels=HEALTHY_MODULE, seed=7,
                        partner_levels={"D": {"conflict:type": 1.0}})
    d = analyse(rs, with_module, kb, settings=Settings(min_group=3))
    assert d.conflict is not None and d.conflict.n == 18 and d.conflict.partners == 3
    assert d.conflict.share("power") == 0.0 and d.conflict.main == "task"
    assert d.to_dict()["conflict"]["main"] == "task"  # type: ignore[index]


def test_a_round_without_the_module_is_judged_without_it(instrument, kb):
    d = analyse(make_responses(instrument, PARTNERS, levels={"signal:dominance": 3.3}, seed=4), instrument, kb)
    assert d.conflict is None
    assert not any(k.startswith(("leadership.", "governance.", "conflict.")) for k in d.indicators)
    assert _power_play(d) > 0


def test_the_advice_follows_the_chair_and_the_kind_of_conflict(with_module):
    """Power play with a chair seen taking sides: "an independent chair" comes first among the power-play
    interventions, with the measured reason; a named main conflict brings its type's approach (000 §4)."""
    from samenspel.knowledge import load_knowledge
    from samenspel.reading import read
    from samenspel.reading import phrases as P
    from samenspel.reading.advice import ranked_interventions

    kb = load_knowledge()  # the real knowledge base: its interventions and conflict types

    levels = {"signal:dominance": 4.4, "signal:voice": 1.8, **CHAIR_TAKES_SIDES}
    r = read(analyse(make_responses(with_module, PARTNERS, levels=levels, seed=8), with_module, kb), kb)
    assert any(f.id == "problem:simmering_power_play" for f in r.top)
    ranked = ranked_interventions("simmering_power_play", kb, r.phase, r.context, measured=r.measured)
    order = [i for i, _ in ranked]
    assert order[0] == "independent_chair"  # two measured reasons: the chair takes sides, stands with one partner
    before = [i for i, _ in ranked_interventions("simmering_power_play", kb, r.phase, r.context)]
    assert order.index("conflict_by_type") < before.index("conflict_by_type")
    reasons = dict(ranked)
    assert any(x.code == "measured_leadership.neutral" for x in reasons["independent_chair"])
    conflict = next(x for x in reasons["conflict_by_type"] if x.context == "measured")
    assert kb.conflict_types["power"].approach.en in conflict.label.en
    on_page_one = [a for a in r.advice if a.problem == "simmering_power_play"]
    assert on_page_one and on_page_one[0].intervention == "independent_chair"
    why = P.advice_item(on_page_one[0], r, kb, "en")["why"]
    assert "n = 18" in why

    healthy = read(analyse(make_responses(with_module, PARTNERS, levels={"signal:dominance": 4.4,
                                                                         "signal:voice": 1.8, **HEALTHY_MODULE},
                                          seed=8), with_module, kb), kb)
    assert set(healthy.measured) == {"conflict_by_type"}  # a chair and governance that work: no reason there
    assert healthy.measured["conflict_by_type"][0].value == "task"  # a task conflict: to be used (000 §4)
