"""Brandes' betweenness centrality on a directed graph of plain dicts.

Why our own: this used to be ``networkx.betweenness_centrality``, and importing
networkx costs about 0.1 s of every ``samenspel analyse`` (a tenth of the
1 s target) for one function of 60 lines. This module is a faithful port of
networkx 3.6.1 (``networkx/algorithms/centrality/betweenness.py``:
``betweenness_centrality``, ``_single_source_dijkstra_path_basic``,
``_accumulate_basic`` and ``_rescale``), restricted to what Samenspel asks
for: a directed weighted graph, ``normalized=True``, ``endpoints=False``,
optionally ``k`` sampled pivots. It keeps networkx's order of nodes, of
neighbours (adjacency insertion order), of heap entries (a counter breaks
ties of distance), of random draws (``Random(seed).sample(list(nodes), k)``)
and of float operations, so it gives the same numbers, bit for bit on the
graphs we tried. tests/network/test_net_brandes.py checks it against
networkx 3.6.1 (a test dependency only).

Brandes, U. (2001). A faster algorithm for betweenness centrality. Journal of
Mathematical Sociology 25(2), 163-177. Brandes, U. & Pich, C. (2007).
Centrality estimation in large networks. International Journal of
Bifurcation and Chaos 17(7), 2303-2318.

The code ported is from NetworkX (Copyright (c) 2004-2025, NetworkX Developers;
3-clause BSD license): its copyright notice, conditions and disclaimer are in
NETWORKX-LICENSE.txt beside this module.
"""

from __future__ import annotations

import math
import random
from collections.abc import Hashable, Mapping
from heapq import heappop, heappush
from itertools import count
from typing import TypeVar

N = TypeVar("N", bound=Hashable)

#: node -> {successor: length of the tie}; the keys' order is the node order,
#: each inner dict's order the order in which the ties were added.
Adjacency = Mapping[N, Mapping[N, float]]


def betweenness_centrality(adj: Adjacency[N], k: int | None = None, seed: int | None = None) -> dict[N, float]:
    """Normalised directed betweenness, as ``nx.betweenness_centrality(G, k, True, weight, False, seed)``.

    ``adj`` holds every node as a key (isolated ones with an empty dict) and
    the length of each directed tie. With ``k`` (fewer than all nodes) only
    ``k`` pivots drawn by ``random.Random(seed).sample`` are sources, and the
    sums are scaled up as networkx does (sources and other nodes apart).
    """
    betweenness: dict[N, float] = dict.fromkeys(adj, 0.0)
    if k == len(adj):
        # networkx does this for speed; the result is the same either way.
        k = None
    if k is None:
        nodes: list[N] | Mapping[N, Mapping[N, float]] = adj
    else:
        nodes = random.Random(seed).sample(list(adj), k)
    for s in nodes:
        S, P, sigma = _single_source_dijkstra_path_basic(adj, s)
        _accumulate_basic(betweenness, S, P, sigma, s)
    return _rescale(betweenness, len(adj), None if k is None else list(nodes))


def _single_source_dijkstra_path_basic(
    adj: Adjacency[N], s: N
) -> tuple[list[N], dict[N, list[N]], dict[N, float]]:
    """Nodes in order of distance from ``s``, their shortest-path predecessors and path counts.

    Eppstein's Dijkstra as in networkx, counting ties of length exactly
    equal as more shortest paths. Its quirks are kept on purpose: the source
    counts its own path twice (``sigma[s]`` becomes 2), which scales every
    count by 2 and cancels in the ratios, so the floats stay networkx's.
    """
    S: list[N] = []
    P: dict[N, list[N]] = {}
    for v in adj:
        P[v] = []
    sigma: dict[N, float] = dict.fromkeys(adj, 0.0)
    D: dict[N, float] = {}
    sigma[s] = 1.0
    seen: dict[N, float] = {s: 0}
    c = count()
    Q: list[tuple[float, int, N, N]] = []  # (distance, counter, predecessor, node): the counter breaks ties
    heappush(Q, (0, next(c), s, s))
    while Q:
        (dist, _, pred, v) = heappop(Q)
        if v in D:
            continue  # already searched this node
        sigma[v] += sigma[pred]  # count paths
        S.append(v)
        D[v] = dist
        for w, length in adj[v].items():
            vw_dist = dist + length
            if w not in D and (w not in seen or vw_dist < seen[w]):
                seen[w] = vw_dist
                heappush(Q, (vw_dist, next(c), v, w))
                sigma[w] = 0.0
                P[w] = [v]
            elif vw_dist == seen[w]:  # handle equal paths
                sigma[w] += sigma[v]
                P[w].append(v)
    return S, P, sigma


def _accumulate_basic(
    betweenness: dict[N, float], S: list[N], P: dict[N, list[N]], sigma: dict[N, float], s: N
) -> None:
    """Add the source's dependencies (Brandes' back-propagation) to ``betweenness``; empties ``S``."""
    delta: dict[N, float] = dict.fromkeys(S, 0)  # int 0 as in networkx: 1 + 0 is the same float
    while S:
        w = S.pop()
        coeff = (1 + delta[w]) / sigma[w]
        for v in P[w]:
            delta[v] += sigma[v] * coeff
        if w != s:
            betweenness[w] += delta[w]


def _rescale(betweenness: dict[N, float], n: int, sampled_nodes: list[N] | None) -> dict[N, float]:
    """Divide by the (n-1)(n-2) ordered pairs, networkx's way (times the reciprocal).

    With sampled pivots (and endpoints excluded) a source cannot lie on its
    own paths, so sources are scaled by 1/((k-1)(n-2)) and the others by
    1/(k(n-2)).
    """
    N_ = n - 1  # endpoints excluded: v is never the target t
    if N_ < 2:
        return betweenness
    if sampled_nodes is None:
        K_source = N_
        scale = 1 / (K_source * (N_ - 1))
        if scale != 1:
            for v in betweenness:
                betweenness[v] *= scale
        return betweenness
    K_source = len(sampled_nodes)
    scale_source = 1 / ((K_source - 1) * (N_ - 1)) if K_source > 1 else math.nan
    scale_nonsource = 1 / (K_source * (N_ - 1))
    sampled = set(sampled_nodes)
    for v in betweenness:
        betweenness[v] *= scale_source if v in sampled else scale_nonsource
    return betweenness
