"""Norms over profiles: quantiles against a direct computation, the minimum group and rule 2 (one profile each)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from normsynth import Q2, profile
from samenspel.errors import SamenspelError
from samenspel.norms import build_norms
from samenspel.norms.norms import P90_MIN, rounding_step


def type7(values: list[float], p: float) -> float:
    """Hyndman & Fan's type 7 quantile written out by hand (the independent implementation of these tests)."""
    xs = sorted(values)
    h = (len(xs) - 1) * p
    lo = math.floor(h)
    hi = min(lo + 1, len(xs) - 1)
    return xs[lo] + (h - lo) * (xs[hi] - xs[lo])


def test_quartiles_match_a_direct_computation():
    rng = np.random.default_rng(3)
    values = rng.uniform(20, 90, 37).round(3).tolist()
    profiles = [profile(f"a{i}", {"domain:relation": v, "network:density": v / 100}) for i, v in enumerate(values)]
    ns = build_norms(profiles)
    row = ns.row("all", "domain:relation")
    assert row is not None and row.n == 37
    for got, p in ((row.q1, 0.25), (row.median, 0.5), (row.q3, 0.75)):
        assert got == round(type7(values, p))  # 0-100 scores are published in whole points
        assert got == round(float(np.percentile(values, p * 100)))  # numpy agrees with the hand computation
    dens = ns.row("all", "network:density")
    assert dens.median == pytest.approx(round(type7([v / 100 for v in values], 0.5) / 0.01) * 0.01)
    assert row.p90 is None  # fewer than 50 alliances


def test_groups_are_computed_over_their_own_alliances():
    forms = ["joint_venture"] * 15 + ["multi_partner"] * 25
    values = [float(10 + 2 * i) for i in range(40)]
    profiles = [profile(f"a{i}", {"domain:ambition": v}, form=f) for i, (v, f) in enumerate(zip(values, forms))]
    ns = build_norms(profiles)
    jv = [v for v, f in zip(values, forms) if f == "joint_venture"]
    row = ns.row("alliance_form:joint_venture", "domain:ambition")
    assert row.n == 15 and row.median == round(type7(jv, 0.5))
    assert ns.group_n("alliance_form:joint_venture") == 15
    assert ns.row("alliance_form:multi_partner", "domain:ambition").n == 25


def test_too_few_alliances_give_no_norm():
    nine = [profile(f"a{i}", {"domain:process": 50.0 + i}) for i in range(9)]
    ns = build_norms(nine)
    assert ns.rows == ()
    assert {(s.group, s.reason) for s in ns.suppressed} == {("all", "too_few"), ("size_band:4-6", "too_few")}
    ten = build_norms([*nine, profile("a9", {"domain:process": 70.0})])
    assert ten.row("all", "domain:process").n == 10


def test_a_measure_counts_only_alliances_that_have_it():
    profiles = [profile(f"a{i}", {"domain:process": 50.0, **({"scale:leadership:function": 60.0} if i < 8 else {})})
                for i in range(12)]
    ns = build_norms(profiles)
    assert ns.row("all", "domain:process") is not None
    assert ns.row("all", "scale:leadership:function") is None  # only 8 alliances asked the module


def test_p90_only_with_at_least_50_alliances():
    values = [float(v) for v in range(P90_MIN)]
    ns = build_norms([profile(f"a{i}", {"domain:relation": v}) for i, v in enumerate(values)])
    assert ns.row("all", "domain:relation").p90 == round(type7(values, 0.9))
    ns = build_norms([profile(f"a{i}", {"domain:relation": v}) for i, v in enumerate(values[:-1])])
    assert ns.row("all", "domain:relation").p90 is None


def test_one_profile_per_alliance_the_last_one_given():
    profiles = [profile(f"a{i}", {"domain:relation": 50.0}) for i in range(10)]
    profiles += [profile("a0", {"domain:relation": 100.0})] * 5  # later rounds of one alliance
    row = build_norms(profiles).row("all", "domain:relation")
    assert row.n == 10
    assert row.q3 == 50.0  # five extra rounds of a0 would have pulled the upper quartile up


def test_one_questionnaire_version_per_norm_set():
    profiles = [profile(f"a{i}", {"domain:relation": 50.0}) for i in range(12)]
    profiles += [profile(f"b{i}", {"domain:relation": 90.0}, questionnaire="samenspel-core@1.0") for i in range(3)]
    ns = build_norms(profiles)
    assert ns.questionnaire == Q2 and ns.n_alliances == 12 and ns.other_versions == 3
    assert build_norms(profiles, questionnaire="samenspel-core@1.0").rows == ()


def test_a_minimum_below_two_is_refused():
    with pytest.raises(SamenspelError, match="at least 2"):
        build_norms([], min_alliances=1)


def test_rounding_steps():
    assert rounding_step("domain:relation") == 1.0
    assert rounding_step("scale:trust") == 1.0
    assert rounding_step("network:density") == 0.01
