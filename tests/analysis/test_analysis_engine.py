"""The engine's use of the statistics and its contract (FORMATS.md §3, issue 3 points 1-6, 8)."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest

from samenspel.analysis import Settings, analyse
from samenspel.analysis.matrix import build_matrix, person_scores
from samenspel.analysis.stats import cronbach_alpha, icc_groups, one_way, paired_change, rwg_j
from samenspel.errors import SamenspelError
from samenspel.responses.model import Answer, ResponseSet
from analysis_synth import make_responses, merge

PARTNERS = {"A": 6, "B": 5, "C": 4, "D": 2}

MUST = {"alliance", "round", "n_respondents", "partners", "domains", "paradoxes", "phase", "trust_formal",
        "governance", "network", "problems", "warnings"}


@pytest.fixture(scope="module")
def diagnosis(instrument, kb):
    return analyse(make_responses(instrument, PARTNERS, seed=11), instrument, kb)


def as_json(diagnosis, kb, lang="nl"):  # type: ignore[no-untyped-def]
    """The diagnosis JSON of FORMATS.md §3, as ``samenspel analyse --format json`` prints it."""
    from samenspel.reading import read
    from samenspel.render.json import diagnosis_json

    return json.loads(json.dumps(diagnosis_json(read(diagnosis, kb), kb, lang), allow_nan=False))


def test_json_has_every_must_key_of_formats_3(diagnosis, kb):
    d = as_json(diagnosis, kb)  # no NaN in the JSON
    assert MUST <= set(d)
    assert d["schema"] == "samenspel-diagnosis/2"
    assert d["partners"]["A"]["n"] == 6
    amb = d["domains"]["ambition"]
    assert {"score", "sd", "n", "alpha", "by_partner", "divergence", "agreement"} <= set(amb)
    assert {"eta2", "p", "flag"} <= set(amb["divergence"]) and "rwg" in amb["agreement"]
    assert set(d["domains"]) == {"ambition", "interests", "relation", "organisation", "process"}
    p = d["paradoxes"]["open_closed"]
    assert {"now", "desired", "gap", "polarisation", "tension"} <= set(p)
    assert {"modal", "agreement", "distribution"} <= set(d["phase"]) and set(d["phase"]["distribution"]) == {"1", "2", "3", "4"}
    assert d["trust_formal"]["quadrant"] in {"high_trust_high_formal", "high_trust_low_formal",
                                              "low_trust_high_formal", "low_trust_low_formal"}
    assert d["governance"]["advice"] in {"more_control", "more_trust", "balance"}
    assert {"density", "reciprocity", "centralization", "partners", "communities", "isolates"} <= set(d["network"])
    assert isinstance(d["warnings"], list)
    for prob in d["problems"]:
        assert {"id", "strength", "evidence", "interventions"} <= set(prob) and 0 < prob["strength"] <= 1
    strengths = [p["strength"] for p in d["problems"]]
    assert strengths == sorted(strengths, reverse=True)


def _walk(obj, path=()):
    if isinstance(obj, dict):
        for k, v in obj.items():
            yield from _walk(v, (*path, k))
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            yield from _walk(v, (*path, i))
    else:
        yield path, obj


def test_partner_with_two_respondents_is_never_shown_on_its_own(diagnosis, kb):
    """D has 2 respondents: every per-partner figure of D is null (FORMATS §3 by_partner), its count too (schema 2)."""
    d = as_json(diagnosis, kb)
    assert d["partners"]["D"] == {"n": None, "shown": False, "n_below": 3, "name": "D", "published_in": None}
    assert d["n_respondents"] == 15 and d["scope"] == "published_groups"  # D's 2 are in no figure at all
    hits = [(path, v) for path, v in _walk({k: v for k, v in d.items() if k not in ("network", "partners")}) if "D" in path]
    assert hits, "D should appear as a key with null values"
    for path, value in hits:
        if path[-1] == "D" or "D" in path[:-1]:
            assert value is None, path
    # the network part hides what D's respondents gave (issue 4); received ratings are about D, not by D
    for key, value in d["network"]["partners"]["D"].items():
        if key.startswith("out_"):
            assert value is None, key


def test_scale_scores_use_pomp_and_reverse_keys(instrument):
    """POMP = 100 (x - min) / (max - min) after turning reverse items around (FORMATS §1)."""
    answers = [Answer("x", "r", "p1", "A", "amb_1", 5.0), Answer("x", "r", "p1", "A", "amb_4", 1.0),
               Answer("x", "r", "p2", "A", "amb_1", 3.0), Answer("x", "r", "p2", "A", "amb_4", None)]
    m = build_matrix(ResponseSet(tuple(answers)).answers, instrument, "r")
    cols = m.exact("domain:ambition")
    amb4 = m.column["amb_4"]
    assert m.raw[0, amb4] == 5.0 and m.pomp[0, amb4] == 100.0  # reverse item 1 -> 5 -> 100
    assert math.isnan(m.raw[1, amb4])  # empty answer is missing, not 0
    scores = person_scores(m.pomp[:, cols], 0.5)
    assert scores[0] == 100.0  # 2 of 4 items answered: exactly half is enough
    assert math.isnan(scores[1])  # 1 of 4 items: no scale score


def test_engine_passes_the_right_data_to_the_statistics(instrument, kb):
    """Domain figures equal the stats functions applied by hand to the same matrix."""
    rs = make_responses(instrument, {"A": 6, "B": 6, "C": 6}, seed=5, partner_levels={"B": {"domain:process": 2.5}})
    d = analyse(rs, instrument, kb)
    m = build_matrix(rs.answers, instrument, d.round)
    cols = m.exact("domain:process")
    persons = person_scores(m.pomp[:, cols], 0.5)
    res = d.domains["process"]
    assert res.score == pytest.approx(np.nanmean(persons))
    assert res.reliability.alpha == pytest.approx(cronbach_alpha(m.raw[:, cols]).alpha)
    assert res.rwg == pytest.approx(rwg_j(m.raw[:, cols], 5))
    labels = list(m.partners)
    ow = one_way(persons, labels)
    assert res.divergence.eta2 == pytest.approx(ow.eta2) and res.divergence.flag == ow.flag
    assert res.divergence.icc1 == pytest.approx(icc_groups(persons, labels).icc1)
    a_rows = np.asarray(labels) == "A"
    assert res.rwg_by_partner["A"] == pytest.approx(rwg_j(m.raw[a_rows][:, cols], 5))
    assert res.by_partner["B"] == pytest.approx(np.mean(persons[np.asarray(labels) == "B"]))
    assert res.divergence.flag  # B was built 1.7 points lower on process
    assert d.divergent_items and d.divergent_items[0].construct == "domain:process"


def test_paradox_phase_trust_and_governance(instrument, kb):
    levels = {"paradox:open_closed:now": 1.3, "paradox:open_closed:desired": 3.0, "paradox:open_closed:tension": 4.5,
              "trust": 4.5, "formal_overlap": 1.5, "uncertainty:relational": 4.5, "uncertainty:field": 1.5,
              "phase": 2.0}
    d = analyse(make_responses(instrument, {"A": 5, "B": 5, "C": 5}, levels=levels, seed=2), instrument, kb)
    oc = d.paradoxes["open_closed"]
    assert oc.lean == "a" and oc.gap > 20 and oc.towards_balance > 0.6 and oc.tension > 75
    assert oc.gap == pytest.approx(oc.desired - oc.now)
    assert d.phase.modal == 2
    assert sum(d.phase.distribution.values()) == pytest.approx(1.0)
    assert d.trust_formal.quadrant == "high_trust_low_formal"
    assert d.governance.advice == "more_control"


def test_motive_overlap_is_mean_pairwise_proportional_similarity(instrument, kb):
    same = {"motive:market": 0.0, "motive:cost": 0.0, "motive:knowledge": 1.0, "motive:external": 1.0,
            "motive:personal": 0.0}
    other = {"motive:market": 1.0, "motive:cost": 0.0, "motive:knowledge": 1.0, "motive:external": 0.0,
             "motive:personal": 0.0}
    rs = make_responses(instrument, {"A": 3, "B": 3, "C": 3}, levels=same, partner_levels={"C": other}, seed=1)
    d = analyse(rs, instrument, kb)
    # profiles A = B = (knowledge .5, external .5), C = (market .5, knowledge .5):
    # sum of minima AB = 1, AC = BC = .5 (Czekanowski)
    assert d.motives.overlap == pytest.approx((1 + 0.5 + 0.5) / 3)
    assert d.motives.main["C"] == "market"


def test_too_few_respondents_gives_warnings_not_a_crash(instrument, kb):
    rs = make_responses(instrument, {"A": 1, "B": 1}, seed=3)
    d = analyse(rs, instrument, kb)
    codes = {n.code for n in d.notices}
    assert {"few_respondents", "hidden_partners", "no_partner_comparison"} <= codes
    js = as_json(d, kb, "en")
    assert js["n_respondents"] == 0 and js["warnings"]  # two people in all: no figure may be published
    assert js["domains"]["ambition"]["by_partner"] == {"A": None, "B": None}
    assert "divergence" not in js["domains"]["ambition"]


def test_missing_answers_and_single_respondent(instrument, kb):
    d = analyse(make_responses(instrument, {"A": 1}, missing=0.3, seed=4), instrument, kb)
    assert d.n_respondents == 0 and d.left_out == ("A",) and d.network is None


def test_nearly_empty_submissions_do_not_count(instrument, kb):
    """Who counts (responses.counting): someone who answered few domain questions is kept out of n."""
    rs = make_responses(instrument, {"A": 4}, missing=0.9, seed=4)
    full = make_responses(instrument, {"B": 4}, seed=4, respondent_prefix="b")
    d = analyse(merge(rs, full), instrument, kb)
    assert d.n_respondents == 4 and len(d.not_counted) == 4
    assert "not_counted" in {n.code for n in d.notices}
    with pytest.raises(SamenspelError, match="nobody in round 2026-1 counts as a respondent"):
        analyse(rs, instrument, kb)


def test_one_real_respondent_and_two_empty_submissions_stay_hidden(instrument, kb):
    """Issue "Privacy that holds under attack": empty submissions never lift a partner over the minimum."""
    real = make_responses(instrument, {"A": 1}, seed=5, respondent_prefix="a")
    empty = make_responses(instrument, {"A": 2}, missing=0.95, seed=6, respondent_prefix="e")
    others = make_responses(instrument, {"B": 4, "C": 4}, seed=7, respondent_prefix="b")
    d = analyse(merge(real, empty, others), instrument, kb)
    assert len(d.not_counted) == 2 and d.partners.get("A") in (None, 1)
    assert not d.shown("A") and "A" in d.left_out
    assert all(res.by_partner.get("A") is None for res in d.domains.values())
    assert d.n_respondents == 8


def test_unknown_round_lists_the_rounds(instrument, kb):
    rs = merge(make_responses(instrument, PARTNERS, round_id="r1"), make_responses(instrument, PARTNERS, round_id="r2"))
    with pytest.raises(SamenspelError, match="r1, r2"):
        analyse(rs, instrument, kb, round="r9")
    assert analyse(rs, instrument, kb).round == "r2"
    assert analyse(rs, instrument, kb, round="r1").trend is None


def test_min_group_setting_changes_what_is_shown(instrument, kb):
    d = analyse(make_responses(instrument, PARTNERS, seed=11), instrument, kb, settings=Settings(min_group=5))
    assert d.domains["ambition"].by_partner["C"] is None and d.domains["ambition"].by_partner["B"] is not None
    with pytest.raises(SamenspelError):
        Settings(min_group=0)


def test_trend_is_paired_for_the_same_respondents(instrument, kb):
    before = make_responses(instrument, PARTNERS, seed=1, round_id="r1")
    after = make_responses(instrument, PARTNERS, seed=2, round_id="r2", levels={"domain:relation": 3.0})
    d = analyse(merge(before, after), instrument, kb)
    t = d.trend.domains["relation"]
    assert t.test["kind"] == "paired" and t.test["n"] == sum(n for n in PARTNERS.values() if n >= 3)
    assert t.change == pytest.approx(t.current - t.previous) and t.change < -15
    assert t.test["p"] < 0.01
    b, a = d.trend.domains["relation"], None
    prev = analyse(merge(before, after), instrument, kb, round="r1").domains["relation"]
    cur = d.domains["relation"]
    both = [r for r in cur.persons if r in prev.persons]
    ref = paired_change([prev.persons[r] for r in both], [cur.persons[r] for r in both])
    assert b.test["t"] == pytest.approx(ref.t) and a is None
    assert "signal:turnover" in d.trend.scales and "trend" in as_json(d, kb)


def test_trend_is_independent_for_new_respondents(instrument, kb):
    before = make_responses(instrument, PARTNERS, seed=1, round_id="r1", respondent_prefix="x")
    after = make_responses(instrument, PARTNERS, seed=2, round_id="r2", respondent_prefix="y")
    d = analyse(merge(before, after), instrument, kb)
    assert d.trend.domains["ambition"].test["kind"] == "independent"


def test_public_api():
    import samenspel.analysis as a

    assert set(a.__all__) == {"SETTINGS_TABLE", "Diagnosis", "Settings", "analyse"}


def test_round_order_matches_the_response_model():
    from datetime import date

    from samenspel.analysis.matrix import split_rounds

    answers = (Answer("x", "late", "p", "A", "amb_1", 3.0, round_date=date(2026, 9, 1)),
               Answer("x", "undated", "p", "A", "amb_1", 3.0),
               Answer("x", "early", "p", "A", "amb_1", 3.0, round_date=date(2026, 1, 1)))
    rs = ResponseSet(answers)
    order, by_round = split_rounds(rs)
    assert order == rs.rounds() == ["early", "late", "undated"]
    assert {k: len(v) for k, v in by_round.items()} == {"late": 1, "undated": 1, "early": 1}
