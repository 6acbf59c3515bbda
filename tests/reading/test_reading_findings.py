"""Findings ranked once: ids, order, page one without repeats, strengths, thin evidence (docs/RULES.md, "Page one")."""

from __future__ import annotations

import pytest
from analysis_synth import DOMAINS, make_responses, merge

from samenspel.analysis import analyse
from samenspel.reading import read
from samenspel.reading.findings import KIND_ORDER, MAX_PROBLEMS_ON_TOP, PAGE_ONE

PARTNERS = {"A": 8, "B": 8, "C": 8}


def reading(instrument, kb, **kw):  # type: ignore[no-untyped-def]
    rs = make_responses(instrument, kw.pop("partners", PARTNERS), **kw)
    return read(analyse(rs, instrument, kb), kb)


def test_finding_ids_are_kind_and_code(instrument, kb):
    r = reading(instrument, kb, seed=3, levels={"signal:dominance": 4.6, "signal:voice": 1.4})
    assert r.findings and all(f.id == f"{f.kind}:{f.code}" for f in (*r.findings, *r.strengths))
    assert r.findings[0].id == "problem:simmering_power_play"


def test_strongest_problem_first_and_a_divergence_no_problem_cites(instrument, kb):
    r = reading(instrument, kb, seed=3, levels={"signal:dominance": 4.6, "signal:voice": 1.4},
                partner_levels={"A": {"domain:process": 1.5}, "B": {"domain:process": 4.8}})
    ids = [f.id for f in r.top]
    assert ids[0] == "problem:simmering_power_play"
    assert "divergence:process" in ids and len(ids) <= PAGE_ONE


def test_page_one_never_says_the_same_thing_twice(instrument, kb):
    """A divergence on ambition is left out when the ambition problem already rests on it."""
    r = reading(instrument, kb, seed=6, levels={"domain:ambition": 3.0},
                partner_levels={"A": {"domain:ambition": 1.3}, "B": {"domain:ambition": 4.8}})
    ids = [f.id for f in r.top]
    assert "problem:no_shared_ambition" in ids and "divergence:ambition" not in ids
    assert "divergence:ambition" in [f.id for f in r.findings]  # still in the details
    for i, a in enumerate(r.top):
        for b in r.top[i + 1:]:
            assert not (a.about & b.about), (a.id, b.id)
    assert len(set(ids)) == len(ids)


def test_at_most_two_problems_on_page_one_while_other_kinds_wait(instrument, kb):
    r = reading(instrument, kb, seed=2, levels={
        "signal:dominance": 4.6, "signal:voice": 1.4, "signal:rules_burden": 4.6, "signal:turnover": 4.6,
        "signal:continuity": 1.4}, partner_levels={"A": {"domain:process": 1.5}, "B": {"domain:process": 4.8}})
    kinds = [f.kind for f in r.top]
    assert kinds.count("problem") == MAX_PROBLEMS_ON_TOP and "divergence" in kinds


def test_ranking_is_clear_first_then_by_kind(instrument, kb):
    r = reading(instrument, kb, seed=3, levels={"signal:dominance": 4.6, "signal:voice": 1.4, "domain:organisation": 1.8},
                partner_levels={"A": {"domain:process": 1.5}, "B": {"domain:process": 4.8}})
    keys = [(not f.clear, KIND_ORDER.index(f.kind), -f.weight) for f in r.findings]
    assert keys == sorted(keys)


def test_healthy_alliance_has_no_clear_problem_and_shows_strengths(instrument, kb):
    high = {f"domain:{d}": 4.5 for d in DOMAINS} | {"trust": 4.5}
    r = reading(instrument, kb, seed=0, levels=high)
    assert not [f for f in r.findings if f.kind == "problem" and f.clear]
    assert r.top_strengths and all(f.kind == "strength" for f in r.top_strengths)
    assert all(f.facts["score"] >= 70 for f in r.strengths if f.kind == "strength")


def test_a_split_high_score_is_not_a_strength(instrument, kb):
    """A domain high on average but split between partners is no shared strength."""
    r = reading(instrument, kb, seed=1, levels={"domain:relation": 4.4},
                partner_levels={"A": {"domain:relation": 5.0}, "B": {"domain:relation": 5.0}, "C": {"domain:relation": 3.0}})
    assert "strength:relation" not in [f.id for f in r.strengths]


def test_thin_evidence_says_too_few_answers_instead_of_a_problem(instrument, kb):
    """The case of issue 9: 4/3/2 respondents and many blanks; an enemy image from 2 of 9 answers is no finding."""
    rs = make_responses(instrument, {"A": 4, "B": 3, "C": 2}, seed=5, levels={"signal:stereotypes": 4.8})
    kept = tuple(a for a in rs.answers if a.item != "sig_stereotypes" or a.respondent in ("A0", "B0"))
    from samenspel.responses.model import ResponseSet

    d = analyse(ResponseSet(kept), instrument, kb)
    r = read(d, kb)
    assert "problem:persistent_enemy_image" not in [f.id for f in r.findings]
    thin = next(n for n in r.not_judged if n.problem == "persistent_enemy_image")
    assert "signal.stereotypes" in thin.thin


def test_a_trend_of_three_points_is_not_meaningful_however_many_answered(instrument, kb):
    big = {p: 25 for p in "ABCDEF"}
    before = make_responses(instrument, big, seed=1, round_id="r1", noise=0.2, person_noise=0.1)
    after = make_responses(instrument, big, seed=2, round_id="r2", noise=0.2, person_noise=0.1,
                           levels={"domain:interests": 4.32})
    d = analyse(merge(before, after), instrument, kb)
    t = d.trend.domains["interests"]
    assert 1.5 < t.change < 5 and t.test["p"] < 0.05 and not t.meaningful
    assert "rise:interests" not in [f.id for f in read(d, kb).strengths]


def test_meaningful_drop_is_a_finding(instrument, kb):
    before = make_responses(instrument, PARTNERS, seed=1, round_id="r1")
    after = make_responses(instrument, PARTNERS, seed=2, round_id="r2", levels={"domain:relation": 3.0})
    r = read(analyse(merge(before, after), instrument, kb), kb)
    drop = next(f for f in r.findings if f.id == "drop:relation")
    assert drop.clear and drop.facts["change"] < -5


@pytest.mark.parametrize("seed", range(4))
def test_every_finding_has_evidence_with_its_n(instrument, kb, seed):
    r = reading(instrument, kb, seed=seed, levels={"signal:dominance": 4.4, "domain:organisation": 2.0},
                partner_levels={"A": {"domain:process": 1.5}})
    for f in (*r.findings, *r.strengths):
        assert f.evidence and all(e.n > 0 for e in f.evidence), f.id
