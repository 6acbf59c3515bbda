"""Measures against independent implementations on random weighted networks.

- betweenness: a brute-force count over all shortest paths (Floyd-Warshall
  distances, path counts by enumeration), written here from Freeman's (1977)
  definition, not Brandes' algorithm that the code uses;
- reciprocity: networkx ``overall_reciprocity``;
- weighted reciprocity: Squartini et al. (2013) r = W<-> / W summed over
  ordered pairs, on a network where every pair is rated both ways;
- in-degree centralisation: a star is 1 and a complete graph 0 (Freeman 1979).
"""

from __future__ import annotations

import itertools
import random

import networkx as nx
import pytest

from samenspel.network.graph import Network, Tie
from samenspel.network.measures import (
    betweenness,
    in_degree_centralization,
    reciprocity,
    strength_centralization,
    weighted_reciprocity,
)


def random_network(n: int, p: float, seed: int) -> Network:
    rng = random.Random(seed)
    names = tuple(f"P{i}" for i in range(n))
    ties = tuple(
        Tie(a, b, rng.uniform(1, 100), 3, None) for a, b in itertools.permutations(names, 2) if rng.random() < p
    )
    return Network("trust", names, ties)


def brute_force_betweenness(net: Network) -> dict[str, float]:
    """Freeman: sum over ordered pairs s != t != v of sigma_st(v) / sigma_st, / ((n-1)(n-2))."""
    nodes = net.partners
    inf = float("inf")
    d = {(a, b): (0.0 if a == b else inf) for a in nodes for b in nodes}
    for t in net.ties:
        d[(t.source, t.target)] = 100.0 / t.weight
    for k in nodes:
        for i in nodes:
            for j in nodes:
                if d[(i, k)] + d[(k, j)] < d[(i, j)]:
                    d[(i, j)] = d[(i, k)] + d[(k, j)]
    succ = {a: [(t.target, 100.0 / t.weight) for t in net.ties if t.source == a] for a in nodes}

    def paths(s: str, t: str) -> list[list[str]]:
        out = []

        def walk(node: str, path: list[str], length: float) -> None:
            if node == t:
                out.append(path)
                return
            for nxt, w in succ[node]:
                if nxt not in path and abs(length + w + d[(nxt, t)] - d[(s, t)]) < 1e-9:
                    walk(nxt, path + [nxt], length + w)

        walk(s, [s], 0.0)
        return out

    score = dict.fromkeys(nodes, 0.0)
    for s, t in itertools.permutations(nodes, 2):
        if d[(s, t)] == inf:
            continue
        ps = paths(s, t)
        for v in nodes:
            if v not in (s, t):
                score[v] += sum(1 for p in ps if v in p) / len(ps)
    n = len(nodes)
    return {v: score[v] / ((n - 1) * (n - 2)) for v in nodes}


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_betweenness_equals_brute_force(seed):
    net = random_network(8, 0.45, seed)
    got = betweenness(net)
    expected = brute_force_betweenness(net)
    assert got == pytest.approx(expected, abs=1e-9)
    assert max(expected.values()) > 0  # the case is not trivial


@pytest.mark.parametrize("seed", [4, 5])
def test_reciprocity_equals_networkx(seed):
    net = random_network(12, 0.4, seed)
    g = nx.DiGraph((t.source, t.target) for t in net.ties)
    assert reciprocity(net) == pytest.approx(nx.overall_reciprocity(g))


def test_weighted_reciprocity_equals_squartini_when_all_pairs_mutual():
    net = random_network(9, 1.0, 6)
    w = {(t.source, t.target): t.weight for t in net.ties}
    both = sum(min(w[(a, b)], w[(b, a)]) for a, b in w)
    assert weighted_reciprocity(net) == pytest.approx(both / sum(w.values()))


def test_in_degree_centralisation_star_and_complete():
    names = tuple("ABCDE")
    star = Network("trust", names, tuple(Tie(p, "A", 80.0, 3, None) for p in names[1:]))
    full = Network("trust", names, tuple(Tie(a, b, 80.0, 3, None) for a, b in itertools.permutations(names, 2)))
    assert in_degree_centralization(star) == 1.0
    assert in_degree_centralization(full) == 0.0


def test_strength_centralisation_extremes():
    assert strength_centralization({"A": 100.0, "B": 0.0, "C": 0.0}) == 1.0
    assert strength_centralization({"A": 60.0, "B": 60.0, "C": None}) == 0.0
    assert strength_centralization({"A": 60.0}) is None
