"""The minimum-group rule and "missing is not zero" (ARCHITECTURE.md, FORMATS.md §2-3).

Partner S has only 2 respondents (minimum group 3): its ratings of others
count in alliance-wide figures and in what the others receive, but its own
out-ties never show in per-partner output.
"""

from __future__ import annotations

import json

import pytest

from samenspel.errors import SamenspelError
from samenspel.network import build_networks, measure
from samenspel.render.picture import render_svg
from samenspel.responses.model import Answer

from netsynth import ITEMS, answers

SIZES = {"A": 3, "B": 3, "C": 4, "S": 2}


def rule(dim, s, t, k):
    if s == "S":
        return 1  # S's own, very recognisable ratings: POMP 0
    return 4 if dim != "dependency" else 3


@pytest.fixture(scope="module")
def small_group():
    ans, who = answers(SIZES, rule)
    return measure(build_networks(ans, ITEMS, list(SIZES), who))


def test_small_partner_out_values_hidden(small_group):
    s = small_group.partners["S"]
    assert s.hidden and s.n == 2
    for dim in ("trust", "dependency", "influence", "exchange"):
        assert s[f"out_{dim}"] is None
        assert s[f"in_{dim}"] is not None  # what others say about S may be shown


def test_small_partner_ratings_count_in_others_in_values(small_group):
    """A receives 75 from B and C and 0 from S: (75 + 75 + 0) / 3 = 50."""
    assert small_group.partners["A"]["in_trust"] == 50.0
    assert small_group.networks["trust"].weight("S", "A") == 0.0  # kept inside the core
    assert small_group.dimensions["trust"].ties == 12  # density counts S's ties
    assert small_group.density == 1.0


def test_small_partner_out_ties_never_in_output(small_group):
    d = small_group.to_dict()
    for dim, ties in d["ties"].items():
        assert ties and all(t["source"] != "S" for t in ties), dim
    for key in ("asymmetric_pairs", "discordant_pairs"):
        assert all("S" not in (p["a"], p["b"]) for p in d[key])
    assert all("S" not in (p.a, p.b) for p in small_group.dependency_pairs)
    assert d["partners"]["S"]["out_trust"] is None
    assert d["hidden"] == ["S"]
    json.dumps(d)  # serialisable


def test_small_partner_power_leaves_out_its_own_dependency(small_group):
    """Power of S = mean(in_influence, in_dependency) = (75 + 50) / 2, not using S's out_dependency (0)."""
    assert small_group.partners["S"].power == 62.5
    # A: in_influence (75 + 75 + 0) / 3 = 50, in_dependency (50 + 50 + 0) / 3 = 33.3, out_dependency 50
    assert small_group.partners["A"].power == pytest.approx((50 + 100 / 3 + (100 - 50)) / 3)


def test_small_partner_out_ties_not_drawn(small_group):
    svg = render_svg(small_group, "trust")
    assert svg.count('class="tie"') == 9  # 12 ties minus S's 3
    assert "S \u2192" not in svg
    assert "\u2192 S:" in svg


def test_min_group_one_shows_everyone():
    ans, who = answers(SIZES, rule)
    res = measure(build_networks(ans, ITEMS, list(SIZES), who, min_group=1))
    assert res.partners["S"]["out_trust"] == 0.0
    assert not res.networks.hidden


def test_group_size_counts_only_people_who_rated():
    """C has 4 respondents but only 2 gave relation ratings: hidden."""
    ans, who = answers(SIZES, lambda d, s, t, k: None if s == "C" and k >= 2 else 3)
    res = measure(build_networks(ans, ITEMS, list(SIZES), who))
    assert res.partners["C"].n == 2 and res.partners["C"].hidden


def test_missing_is_not_zero():
    """A's third respondent leaves B empty: A->B is the mean of the two answers, not of three."""
    ans = [
        Answer("x", "r1", "a0", "A", "rel_trust", 5.0, target="B"),
        Answer("x", "r1", "a1", "A", "rel_trust", 4.0, target="B"),
        Answer("x", "r1", "a2", "A", "rel_trust", None, target="B"),
        Answer("x", "r1", "b0", "B", "rel_trust", 3.0, target="A"),
    ]
    who = {"a0": "A", "a1": "A", "a2": "A", "b0": "B"}
    nets = build_networks(ans, ITEMS, ["A", "B", "C"], who, min_group=1)
    trust = nets["trust"]
    assert trust.weight("A", "B") == 87.5  # (100 + 75) / 2; as zero it would be 58.3
    assert trust.tie("A", "B").n_raters == 2
    assert trust.tie("A", "C") is None and trust.tie("C", "A") is None  # nobody rated: no tie
    res = measure(nets)
    assert res.partners["C"]["in_trust"] is None
    assert res.partners["A"]["out_trust"] == 87.5  # C not rated: not a zero
    assert res.density == pytest.approx(2 / 6)
    assert nets.group_size("A") == 2  # a2 gave no rating at all


@pytest.mark.parametrize(
    "answer, message",
    [
        (Answer("x", "r1", "a0", "A", "rel_trust", 3.0, target="A"), "rates itself"),
        (Answer("x", "r1", "a0", "A", "rel_trust", 3.0, target="Z"), "not in the partner list"),
        (Answer("x", "r1", "a0", "A", "rel_trust", 3.0, target=None), "target"),
        (Answer("x", "r1", "a0", "A", "rel_trust", 7.0, target="C"), "outside 1-5"),
        (Answer("x", "r2", "a0", "A", "rel_trust", 3.0, target="C"), "several rounds"),
        (Answer("x", "r1", "a0", "A", "rel_trust", 2.0, target="B"), "two answers"),
    ],
)
def test_bad_answers_are_user_errors(answer, message):
    base = Answer("x", "r1", "a0", "A", "rel_trust", 3.0, target="B")
    with pytest.raises(SamenspelError, match=message):
        build_networks([base, answer], ITEMS, ["A", "B", "C"], {"a0": "A"})
