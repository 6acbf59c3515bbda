"""Our Louvain (``network.louvain``) against networkx 3.6.1, the independent reference.

``network.louvain`` is a port of networkx 3.6.1's ``louvain_communities``
and ``modularity`` so that the CLI need not import networkx; networkx stays a
test dependency to check it. Louvain is greedy and order-dependent, so the
partition must be *exactly* networkx's (as a set of frozensets) on a few
hundred random weighted undirected graphs of 2-40 nodes: camps with dense
strong ties inside and sparse weak ties across, pure noise, and weights
that tie (few distinct values, so gains tie and the order of trying decides),
edges added in random order and direction (so that the copy networkx makes
before the first level reorders neighbours). The modularity must equal
networkx's within 1e-12. Then ``find_communities`` (groups, modularity,
p-value of the 99-shuffle chance test, split) must equal what the
networkx-backed ``_louvain`` it replaced gives; a copy of that is kept here
as the reference.
"""

from __future__ import annotations

import dataclasses
import random

import networkx as nx
import pytest

from samenspel.network import communities
from samenspel.network.communities import NEUTRAL, find_communities
from samenspel.network.graph import Network, Tie
from samenspel.network.louvain import add_edge, louvain_communities, modularity


def random_graph(seed: int) -> tuple[dict, nx.Graph]:
    """The same random undirected graph twice: as our adjacency dicts and as a networkx Graph."""
    rng = random.Random(seed)
    n = rng.randint(2, 40)
    nodes = [f"org{i}" for i in rng.sample(range(200), n)]
    kind = ("camps", "noise", "ties")[seed % 3]
    camp = {v: rng.randrange(rng.randint(1, 4)) for v in nodes}
    p_in, p_out, p_noise = rng.uniform(0.3, 1.0), rng.uniform(0.0, 0.4), rng.uniform(0.1, 1.0)
    pairs = [(a, b) for i, a in enumerate(nodes) for b in nodes[i + 1:]]
    rng.shuffle(pairs)
    adj: dict[str, dict[str, float]] = {v: {} for v in nodes}
    g = nx.Graph()
    g.add_nodes_from(nodes)
    for a, b in pairs:
        inside = camp[a] == camp[b]
        if kind == "noise":
            if rng.random() >= p_noise:
                continue
            w = rng.uniform(0.1, 50.0)
        elif rng.random() < (p_in if inside else p_out):
            w = float(rng.choice([10, 25, 50])) if kind == "ties" else (
                rng.uniform(20.0, 50.0) if inside else rng.uniform(0.1, 20.0))
        else:
            continue
        if rng.random() < 0.5:
            a, b = b, a
        add_edge(adj, a, b, w)
        g.add_edge(a, b, bond=w)
    return adj, g


def as_sets(partition) -> set[frozenset]:
    return {frozenset(c) for c in partition}


@pytest.mark.parametrize("seed", range(300))
def test_partition_and_modularity_equal_networkx(seed):
    adj, g = random_graph(seed)
    reference = nx.community.louvain_communities(g, weight="bond", seed=42)
    ours = louvain_communities(adj, seed=42)
    assert as_sets(ours) == as_sets(reference)
    if g.number_of_edges() == 0:
        return  # everyone alone; modularity is 0/0 (find_communities does not ask for it)
    assert modularity(adj, ours) == pytest.approx(nx.community.modularity(g, reference, weight="bond"), rel=0, abs=1e-12)


def test_the_cases_are_not_trivial():
    """Most graphs split in more than one community; several need more than one level."""
    split = levels = 0
    for seed in range(300):
        _, g = random_graph(seed)
        if g.number_of_edges():
            split += len(nx.community.louvain_communities(g, weight="bond", seed=42)) > 1
            levels += len(list(nx.community.louvain_partitions(g, weight="bond", seed=42))) > 1
    assert split > 200 and levels > 50


@pytest.mark.parametrize("seed", range(20))
def test_modularity_of_other_partitions_equals_networkx(seed):
    """Modularity of any partition, not only Louvain's: random groups, a self-loop included."""
    adj, g = random_graph(seed)
    first = next(iter(adj))
    add_edge(adj, first, first, 7.5)
    g.add_edge(first, first, bond=7.5)
    rng = random.Random(seed)
    groups: dict[int, set] = {}
    for v in adj:
        groups.setdefault(rng.randrange(3), set()).add(v)
    parts = list(groups.values())
    assert modularity(adj, parts) == pytest.approx(nx.community.modularity(g, parts, weight="bond"), rel=0, abs=1e-12)


def networkx_louvain(partners, sym):
    """``communities._louvain`` as it was with networkx (commit bf0b0ce), the reference."""
    g = nx.Graph()
    g.add_nodes_from(partners)
    for (a, b), w in sym.items():
        if w > NEUTRAL:
            g.add_edge(a, b, bond=w - NEUTRAL)
    if g.number_of_edges() == 0:
        return [set(partners)], None
    found = nx.community.louvain_communities(g, weight="bond", seed=communities.LOUVAIN_SEED)
    return found, float(nx.community.modularity(g, found, weight="bond"))


def random_trust(seed: int) -> Network:
    """A directed trust network of 2-14 partners: camps (high inside, low across) or patternless ratings."""
    rng = random.Random(seed)
    n = rng.randint(2, 14)
    names = tuple(f"P{i}" for i in rng.sample(range(50), n))
    camps = rng.random() < 0.6
    camp = {p: rng.randrange(2) for p in names}
    p = rng.uniform(0.4, 1.0)
    ties = []
    for a in names:
        for b in names:
            if a == b or rng.random() >= p:
                continue
            if camps:
                w = rng.choice([75.0, 100.0]) if camp[a] == camp[b] else rng.choice([25.0, 50.0])
            else:
                w = rng.uniform(0, 100)
            ties.append(Tie(a, b, w, 3, None))
    return Network("trust", names, tuple(ties))


@pytest.mark.parametrize("seed", range(60))
def test_find_communities_equals_the_networkx_version(seed, monkeypatch):
    """Groups, modularity, chance test and split as with networkx (threshold low, so the test often runs)."""
    net = random_trust(seed)
    threshold = (0.0, 0.1, 0.3)[seed % 3]
    ours = find_communities(net, threshold)
    monkeypatch.setattr(communities, "_louvain", networkx_louvain)
    reference = find_communities(net, threshold)
    if reference.modularity is None:
        assert ours.modularity is None
    else:
        assert ours.modularity == pytest.approx(reference.modularity, rel=0, abs=1e-12)
    assert dataclasses.replace(ours, modularity=reference.modularity) == reference


def test_network_measures_do_not_import_networkx():
    """A whole network result (betweenness, camps with the chance test) with networkx never imported."""
    import subprocess
    import sys

    code = ("import sys; sys.path.insert(0, 'tests/network'); import samenspel.cli; "
            "from samenspel.network import build_networks, measure; from netsynth import ITEMS, answers; "
            "camp = {'A1': 1, 'A2': 1, 'A3': 1, 'A4': 1, 'B1': 2, 'B2': 2, 'B3': 2, 'B4': 2, 'X': 0}; "
            "rule = lambda d, s, t, k: (5 if camp[s] == camp[t] else 4 if 0 in (camp[s], camp[t]) else 1) "
            "if d == 'trust' else 3; "
            "ans, who = answers({p: 3 for p in camp}, rule); res = measure(build_networks(ans, ITEMS, list(camp), who)); "
            "assert res.communities.split and max(m.betweenness for m in res.partners.values()) > 0, res; "
            "print('networkx' in sys.modules)")
    root = __file__.rsplit("/tests/", 1)[0]
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=root).stdout
    assert out.strip() == "False"
