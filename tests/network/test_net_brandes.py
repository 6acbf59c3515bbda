"""Our Brandes betweenness (``network.brandes``) against networkx 3.6.1, the independent reference.

``network.brandes`` is a port of networkx 3.6.1's ``betweenness_centrality``
so that the CLI need not import networkx; networkx stays a test dependency to
check it. On a few hundred random weighted directed graphs (2-30 nodes,
density 0.1-1) the values must equal networkx's within 1e-12: with lengths
that are small whole numbers or POMP weights turned into 100 / weight (so
that shortest paths of equal length, and so ties in Dijkstra, are common)
and with arbitrary float lengths. Also the sampled branch (``k`` pivots,
``random.Random(seed).sample``) and ``measures.betweenness`` itself against
the networkx-backed version it replaced, with the exact limit lowered so that
small graphs are sampled too.
"""

from __future__ import annotations

import math
import random

import networkx as nx
import pytest

from samenspel.network import measures
from samenspel.network.brandes import betweenness_centrality
from samenspel.network.graph import Network, Tie

LENGTHS = {
    "whole": lambda rng: float(rng.randint(1, 4)),
    "pomp": lambda rng: 100.0 / rng.choice([12.5, 25.0, 50.0, 75.0, 100.0]),
    "float": lambda rng: rng.uniform(0.5, 5.0),
}


def random_digraph(seed: int) -> tuple[dict[str, dict[str, float]], nx.DiGraph]:
    """The same random directed graph twice: as our adjacency dicts and as a networkx DiGraph."""
    rng = random.Random(seed)
    n = rng.randint(2, 30)
    p = rng.uniform(0.1, 1.0)
    length = LENGTHS[rng.choice(sorted(LENGTHS))]
    nodes = [f"P{i}" for i in rng.sample(range(100), n)]  # not in sorted order
    adj: dict[str, dict[str, float]] = {v: {} for v in nodes}
    g = nx.DiGraph()
    g.add_nodes_from(nodes)
    for a in nodes:
        for b in nodes:
            if a != b and rng.random() < p:
                d = length(rng)
                adj[a][b] = d
                g.add_edge(a, b, distance=d)
    return adj, g


def assert_same(ours: dict, reference: dict) -> None:
    assert list(ours) == list(reference)
    for v, ref in reference.items():
        if math.isnan(ref):  # networkx's 0/0 for the sole source when k = 1
            assert math.isnan(ours[v])
        else:
            assert ours[v] == pytest.approx(ref, rel=0, abs=1e-12)


@pytest.mark.parametrize("seed", range(300))
def test_exact_betweenness_equals_networkx(seed):
    adj, g = random_digraph(seed)
    reference = nx.betweenness_centrality(g, normalized=True, weight="distance")
    assert_same(betweenness_centrality(adj), reference)


@pytest.mark.parametrize("seed", range(300, 400))
def test_sampled_betweenness_equals_networkx(seed):
    adj, g = random_digraph(seed)
    k = random.Random(seed).randint(1, len(adj))
    reference = nx.betweenness_centrality(g, k=k, normalized=True, weight="distance", seed=seed)
    assert_same(betweenness_centrality(adj, k=k, seed=seed), reference)


def networkx_betweenness(net: Network) -> dict[str, float]:
    """``measures.betweenness`` as it was with networkx (commit bf0b0ce), the reference."""
    g = nx.DiGraph()
    g.add_nodes_from(net.partners)
    for t in net.ties:
        d = measures.distance(t.weight)
        if d is not None:
            g.add_edge(t.source, t.target, distance=d)
    n = len(net.partners)
    if n < 3:
        return {p: 0.0 for p in net.partners}
    k = measures.EXACT_BETWEENNESS_LIMIT if n > measures.EXACT_BETWEENNESS_LIMIT else None
    result = nx.betweenness_centrality(g, k=k, normalized=True, weight="distance", seed=measures.BETWEENNESS_SEED)
    return {p: float(result[p]) for p in net.partners}


def random_trust_network(seed: int, sizes: tuple[int, int]) -> Network:
    """Ties of POMP weight 0-100: steps of 25 (equal routes) or any value; zero ties carry no route."""
    rng = random.Random(seed)
    n = rng.randint(*sizes)
    p = rng.uniform(0.1, 1.0)
    coarse = rng.random() < 0.5
    names = tuple(f"org{i}" for i in rng.sample(range(100), n))
    ties = tuple(
        Tie(a, b, rng.choice([0.0, 25.0, 50.0, 75.0, 100.0]) if coarse else rng.uniform(0, 100), 3, None)
        for a in names for b in names if a != b and rng.random() < p
    )
    return Network("trust", names, ties)


@pytest.mark.parametrize("seed", range(100))
def test_measures_betweenness_equals_the_networkx_version(seed):
    net = random_trust_network(seed, (1, 25))
    assert_same(measures.betweenness(net), networkx_betweenness(net))


@pytest.mark.parametrize("seed", range(100, 160))
def test_measures_betweenness_sampled_equals_the_networkx_version(seed, monkeypatch):
    """Above the limit only ``EXACT_BETWEENNESS_LIMIT`` pivots: lowered to 5, graphs of 6-20 partners."""
    monkeypatch.setattr(measures, "EXACT_BETWEENNESS_LIMIT", 5)
    net = random_trust_network(seed, (6, 20))
    assert_same(measures.betweenness(net), networkx_betweenness(net))


def test_ties_of_equal_length_split_the_routes():
    """A -> B -> D and A -> C -> D are equally short: B and C each carry half of A's route to D."""
    adj = {"A": {"B": 1.0, "C": 1.0}, "B": {"D": 1.0}, "C": {"D": 1.0}, "D": {}}
    assert betweenness_centrality(adj) == pytest.approx({"A": 0.0, "B": 0.5 / 6, "C": 0.5 / 6, "D": 0.0})
