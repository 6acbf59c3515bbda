"""Padgett's Florentine marriage network through the whole pipeline.

Each family is a partner with three respondents; a marriage tie becomes a
mutual trust rating of 5 (POMP 100), every other pair is left unanswered.
With all ties equally strong the weighted betweenness must equal the
classic binary one.

Source of the expected numbers: Wasserman & Faust (1994), *Social Network
Analysis*, chapter 5 (actor degree and betweenness centrality of the Padgett
marriage relation, standardised), the same values networkx reports for
``florentine_families_graph()`` (15 families; Pucci, who has no marriage
tie, is not in that graph). Medici: degree 6, betweenness 0.522, the highest.
"""

from __future__ import annotations

import networkx as nx
import pytest

from samenspel.network import build_networks, measure
from samenspel.network.measures import betweenness

from netsynth import ITEMS, answers

PUBLISHED_BETWEENNESS = {
    "Medici": 0.522,
    "Guadagni": 0.255,
    "Albizzi": 0.212,
    "Salviati": 0.143,
    "Ridolfi": 0.114,
    "Bischeri": 0.104,
    "Strozzi": 0.103,
    "Barbadori": 0.093,
    "Tornabuoni": 0.092,
    "Castellani": 0.055,
    "Peruzzi": 0.022,
    "Acciaiuoli": 0.0,
    "Ginori": 0.0,
    "Lamberteschi": 0.0,
    "Pazzi": 0.0,
}
PUBLISHED_DEGREE = {
    "Medici": 6, "Guadagni": 4, "Strozzi": 4, "Albizzi": 3, "Bischeri": 3, "Castellani": 3,
    "Peruzzi": 3, "Ridolfi": 3, "Tornabuoni": 3, "Barbadori": 2, "Salviati": 2,
    "Acciaiuoli": 1, "Ginori": 1, "Lamberteschi": 1, "Pazzi": 1,
}


@pytest.fixture(scope="module")
def florence():
    g = nx.florentine_families_graph()
    families = sorted(g.nodes)

    def rule(dim, source, target, k):
        return 5 if g.has_edge(source, target) else None

    ans, who = answers({f: 3 for f in families}, rule, dims=("trust",))
    return measure(build_networks(ans, ITEMS, families, who))


def test_betweenness_matches_published(florence):
    got = {p: round(m.betweenness, 3) for p, m in florence.partners.items()}
    assert got == PUBLISHED_BETWEENNESS
    assert max(got, key=got.get) == "Medici"


def test_degree_matches_published(florence):
    """Degree = number of families whose respondents rated it; degree centrality = degree / (n - 1)."""
    trust = florence.networks["trust"]
    degree = {p: sum(1 for t in trust.ties if t.target == p) for p in trust.partners}
    assert degree == PUBLISHED_DEGREE
    assert round(degree["Medici"] / 14, 3) == 0.429


def test_unrated_pairs_are_not_ties(florence):
    """20 marriages -> 40 directed ties of 210 possible; density 0.190 as the undirected 20/105."""
    assert florence.dimensions["trust"].ties == 40
    assert round(florence.density, 3) == 0.19
    assert florence.reciprocity == 1.0
    assert florence.dimensions["trust"].mean_weight == 100.0


def test_uniform_weight_does_not_change_betweenness(florence):
    """Tie length is 100 / weight, so all ties at 50 (length 2) give the same betweenness."""
    from dataclasses import replace

    from samenspel.network.graph import Network

    trust = florence.networks["trust"]
    halved = Network("trust", trust.partners, tuple(replace(t, weight=50.0) for t in trust.ties))
    assert {p: round(v, 3) for p, v in betweenness(halved).items()} == PUBLISHED_BETWEENNESS
