"""Weighted measures on a three-partner example computed by hand.

Partners A, B, C with three respondents each; ratings 1-5, POMP = 25 * (v - 1).

Trust (respondent ratings -> tie weight):
    A->B 5,4,4  -> 100,75,75 -> 83.33 (n 3, sd 14.43)
    B->A 3,3,-  -> 50,50     -> 50    (n 2: the empty answer is missing)
    A->C 2,2,2  -> 25
    B->C 1,2,3  -> 0,25,50   -> 25    (sd 25)
    C->B 4,4,4  -> 75
    C->A -,-,-  -> no tie (nobody rated it)
  density 5/6; reciprocity (mutual ties / ties) 4/5 = 0.8;
  weighted reciprocity (Squartini et al. 2013, mutual pairs only)
    = (50 + 50 + 25 + 25) / (83.33 + 50 + 25 + 75) = 150 / 233.33 = 9/14 = 0.643;
  in_trust A 50 (from B only, C's silence is not a zero), B (83.33+75)/2 = 79.17, C 25;
  out_trust A (83.33+25)/2 = 54.17, B (50+25)/2 = 37.5, C 75;
  strength centralisation (Freeman) = ((79.17-50) + 0 + (79.17-25)) / (2 * 100) = 0.417;
  in-degree A 1, B 2, C 2: in-degree centralisation = (2-1) / (3-1)^2 = 0.25.
  Betweenness, tie length 100 / w: A->B 1.2, B->A 2, A->C 4, B->C 4, C->B 1.33.
    C->A runs C->B->A (3.33; there is no direct tie); every other pair is direct
    (A->C 4 < 5.2 via B; B->C 4 < 6 via A). So B is on 1 of 2 possible
    routes through it: 1 / ((n-1)(n-2)) = 0.5; A and C 0.
Dependency: A->B 100, B->A 25, A->C 75, B->C 50, C->B 50 (C->A missing)
  pairs: A-B difference 75 (A depends more on B), B-C 0; A-C not rated both ways.
Influence: A->B 100, C->B 75, B->A 25, C->A 50, A->C 0, B->C 0
  in_influence A 37.5, B 87.5, C 0; in_dependency A 25, B 75, C 62.5;
  out_dependency A 87.5, B 37.5, C 50.
  power = mean(in_influence, in_dependency, 100 - out_dependency):
  A (37.5 + 25 + 12.5) / 3 = 25, B (87.5 + 75 + 62.5) / 3 = 75, C (0 + 62.5 + 50) / 3 = 37.5;
  B leads C by 37.5 points: dominant.
Low trust (< 40): C receives 25 and 25 from both raters -> distrusted, and
  peripheral (received trust 25 < 40; exchange not asked, so not counted).
Discordant trust pairs (>= 25 points): B-C (25 vs 75) then A-B (83.33 vs 50).
Broker: B's betweenness 0.5 >= 0.2 and there are no camps to bridge.
"""

from __future__ import annotations

import pytest

from samenspel.network import build_networks, measure
from samenspel.responses.model import Answer

from netsynth import ITEMS

RATINGS = {
    ("trust", "A", "B"): (5, 4, 4),
    ("trust", "B", "A"): (3, 3, None),
    ("trust", "A", "C"): (2, 2, 2),
    ("trust", "B", "C"): (1, 2, 3),
    ("trust", "C", "B"): (4, 4, 4),
    ("dependency", "A", "B"): (5, 5, 5),
    ("dependency", "B", "A"): (2, 2, 2),
    ("dependency", "A", "C"): (4, 4, 4),
    ("dependency", "B", "C"): (3, 3, 3),
    ("dependency", "C", "B"): (3, 3, 3),
    ("influence", "A", "B"): (5, 5, 5),
    ("influence", "C", "B"): (4, 4, 4),
    ("influence", "B", "A"): (2, 2, 2),
    ("influence", "C", "A"): (3, 3, 3),
    ("influence", "A", "C"): (1, 1, 1),
    ("influence", "B", "C"): (1, 1, 1),
}
ITEM = {"trust": "rel_trust", "dependency": "rel_dep", "influence": "rel_infl"}


def hand_answers() -> list[Answer]:
    out = []
    for (dim, s, t), values in RATINGS.items():
        for k, v in enumerate(values):
            out.append(Answer("x", "r1", f"{s}{k}", s, ITEM[dim], v, target=t))
    return out


@pytest.fixture(scope="module")
def result():
    who = {f"{p}{k}": p for p in "ABC" for k in range(3)}
    return measure(build_networks(hand_answers(), ITEMS, ["A", "B", "C"], who))


def test_tie_weights_raters_and_spread(result):
    trust = result.networks["trust"]
    ab = trust.tie("A", "B")
    assert (round(ab.weight, 2), ab.n_raters, round(ab.sd, 2)) == (83.33, 3, 14.43)
    ba = trust.tie("B", "A")
    assert (ba.weight, ba.n_raters, ba.sd) == (50.0, 2, 0.0)
    assert trust.tie("C", "A") is None
    assert trust.tie("B", "C").sd == 25.0


def test_density_and_reciprocity(result):
    t = result.dimensions["trust"]
    assert t.ties == 5
    assert t.density == pytest.approx(5 / 6)
    assert result.density == pytest.approx(5 / 6)
    assert result.reciprocity == pytest.approx(0.8)
    assert t.weighted_reciprocity == pytest.approx(9 / 14)


def test_strengths(result):
    p = result.partners
    assert p["A"]["in_trust"] == 50.0
    assert p["B"]["in_trust"] == pytest.approx(79.1667, abs=1e-4)
    assert p["C"]["in_trust"] == 25.0
    assert p["A"]["out_trust"] == pytest.approx(54.1667, abs=1e-4)
    assert p["B"]["out_trust"] == 37.5
    assert p["C"]["out_trust"] == 75.0
    assert p["A"]["in_exchange"] is None  # not asked: unknown, not zero


def test_centralisation(result):
    assert result.centralization == pytest.approx(0.41667, abs=1e-5)
    assert result.dimensions["trust"].in_degree_centralization == 0.25


def test_betweenness(result):
    assert {p: m.betweenness for p, m in result.partners.items()} == {"A": 0.0, "B": 0.5, "C": 0.0}


def test_dependency_asymmetry(result):
    pairs = {(p.a, p.b): p.difference for p in result.dependency_pairs}
    assert pairs == {("A", "B"): 75.0, ("B", "C"): 0.0}
    assert [(p.a, p.b) for p in result.asymmetric_pairs] == [("A", "B")]


def test_power_index_and_dominance(result):
    assert {p: m.power for p, m in result.partners.items()} == {"A": 25.0, "B": 75.0, "C": 37.5}
    lead = result.power_lead
    assert (lead.partner, lead.runner_up, lead.gap, lead.dominant) == ("B", "C", 37.5, True)
    assert result.dominant == "B"


def test_low_trust_and_periphery(result):
    assert [(d.partner, d.raters, d.low) for d in result.distrusted] == [("C", 2, 2)]
    assert [(e.partner, e.reasons) for e in result.peripheral] == [("C", ("low_received",))]
    assert result.isolates == ("C",)


def test_discordant_pairs(result):
    assert [(p.a, p.b, round(p.difference, 2)) for p in result.discordant_pairs] == [
        ("B", "C", -50.0),
        ("A", "B", 33.33),
    ]


def test_findings_name_partners_and_numbers(result):
    by_id = {f.id: f for f in result.findings}
    assert set(by_id) == {
        "dominant_partner",
        "distrusted:C",
        "asymmetric_dependency:A:B",
        "discordant:trust:B:C",
        "discordant:trust:A:B",
        "peripheral:C",
        "broker:B",
    }
    dom = by_id["dominant_partner"]
    assert dom.partners == ("B", "C")
    assert round(dom.numbers["power"]) == 75 and round(dom.numbers["gap"]) == 38
    assert by_id["asymmetric_dependency:A:B"].partners == ("A", "B")
    assert by_id["discordant:trust:B:C"].extra == {"dimension": "trust"}


def test_to_dict_has_the_formats_keys(result):
    d = result.to_dict()
    for key in ("density", "reciprocity", "centralization", "partners", "communities", "isolates"):
        assert key in d
    a = d["partners"]["A"]
    for key in ("in_trust", "out_trust", "in_dependency", "out_dependency", "in_influence", "betweenness"):
        assert key in a
    # only A-B trust each other above 50 (bond 16.7): one edge, modularity 0 -> one community
    assert d["communities"] == [["A", "B", "C"]]
    assert d["modularity"] == 0.0
    assert d["isolates"] == ["C"]
