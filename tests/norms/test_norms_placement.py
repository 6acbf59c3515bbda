"""Placement: a band against a norm group, with how many alliances stand behind it; hidden when not comparable."""

from __future__ import annotations

from normsynth import profile
from samenspel.norms import build_norms, place
from samenspel.norms.placement import band


def _norms():
    return build_norms([profile(f"a{i}", {"domain:relation": float(10 + 4 * i)}, form="joint_venture" if i < 20
                                else "multi_partner") for i in range(30)])


def test_bands():
    assert band(10, 20, 40) == "below_q1"
    assert band(20, 20, 40) == "middle"
    assert band(40, 20, 40) == "middle"
    assert band(41, 20, 40) == "above_q3"


def test_placement_against_all_and_a_form():
    ns = _norms()
    row = ns.row("all", "domain:relation")
    (low,) = place(profile("x", {"domain:relation": row.q1 - 1}), ns)
    assert (low.band, low.n, low.hidden, low.group) == ("below_q1", 30, None, "all")
    (high,) = place(profile("x", {"domain:relation": row.q3 + 1}), ns, "alliance_form:joint_venture")
    assert high.band == "above_q3" and high.n == 20


def test_hidden_for_another_questionnaire_version():
    (p,) = place(profile("x", {"domain:relation": 50.0}, questionnaire="samenspel-core@1.0"), _norms())
    assert (p.band, p.hidden, p.n) == (None, "version", 0)


def test_hidden_where_the_group_is_too_small_or_unknown():
    ns = _norms()
    (p,) = place(profile("x", {"domain:relation": 50.0}), ns, "phase:2")
    assert (p.band, p.hidden) == (None, "no_norm")


def test_a_measure_the_alliance_has_no_figure_for():
    ns = _norms()
    (p,) = place(profile("x", {}), ns)
    assert (p.measure, p.value, p.band, p.hidden, p.n) == ("domain:relation", None, None, "no_value", 30)


def test_a_norm_below_the_readers_own_minimum_is_hidden():
    """A file published under a lower minimum: the reader's own minimum hides its smaller groups (too_few)."""
    ns = _norms()
    (p,) = place(profile("x", {"domain:relation": 50.0}), ns, "alliance_form:multi_partner", min_alliances=11)
    assert (p.hidden, p.band, p.n, p.q1) == ("too_few", None, 0, None)
    (p,) = place(profile("x", {"domain:relation": 50.0}), ns, "alliance_form:multi_partner", min_alliances=10)
    assert p.hidden is None and p.n == 10
