"""Whole-network and per-partner measures of one relation graph.

Formulas and sources are in docs/NETWORK.md; every function here is pure and
reads only a :class:`~samenspel.network.graph.Network`.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping

from samenspel.network.brandes import betweenness_centrality
from samenspel.network.graph import Network

#: Above this many partners betweenness is estimated from this many pivots.
EXACT_BETWEENNESS_LIMIT = 200
BETWEENNESS_SEED = 20260101


def density(net: Network) -> float | None:
    """Share of the n(n-1) possible directed ties that somebody rated."""
    n = len(net.partners)
    if n < 2:
        return None
    return len(net.ties) / (n * (n - 1))


def mean_weight(net: Network) -> float | None:
    """Mean POMP weight over the ties present (unrated pairs left out, not zero)."""
    if not net.ties:
        return None
    return math.fsum(t.weight for t in net.ties) / len(net.ties)


def reciprocity(net: Network) -> float | None:
    """Share of ties whose reverse tie also exists (Wasserman & Faust 1994, ch. 13).

    Equals networkx ``overall_reciprocity``: mutual ties / all ties.
    """
    if not net.ties:
        return None
    mutual = sum(1 for t in net.ties if net.tie(t.target, t.source) is not None)
    return mutual / len(net.ties)


def weighted_reciprocity(net: Network) -> float | None:
    """Squartini et al. (2013) weighted reciprocity on pairs rated both ways.

    r = sum over mutual pairs of 2 * min(w_ab, w_ba) / sum over mutual pairs of
    (w_ab + w_ba). 1 means every pair rates each other equally; 0 means one
    side of every pair gives the minimum. Only pairs rated both ways enter,
    so an unrated direction is not read as a zero rating.
    """
    num = den = 0.0
    for t in net.ties:
        back = net.tie(t.target, t.source)
        if back is None:
            continue
        num += min(t.weight, back.weight)
        den += t.weight
    if den == 0:
        return None
    return num / den


def in_strength(net: Network) -> dict[str, float | None]:
    """Mean POMP rating each partner receives (each rating partner counts once)."""
    received: dict[str, list[float]] = {p: [] for p in net.partners}
    for t in net.ties:
        received[t.target].append(t.weight)
    return {p: (math.fsum(v) / len(v) if v else None) for p, v in received.items()}


def out_strength(net: Network, hidden: Collection[str] = ()) -> dict[str, float | None]:
    """Mean POMP rating each partner gives; None for hidden partners (privacy)."""
    given: dict[str, list[float]] = {p: [] for p in net.partners}
    for t in net.ties:
        given[t.source].append(t.weight)
    return {p: (None if p in hidden or not v else math.fsum(v) / len(v)) for p, v in given.items()}


def strength_centralization(strength: Mapping[str, float | None]) -> float | None:
    """Freeman (1979) centralisation of a 0-100 strength score.

    C = sum_i (max - s_i) / ((n - 1) * 100) over partners with a score; 1 when
    one partner gets 100 and all others 0, 0 when all are equal.
    """
    values = [v for v in strength.values() if v is not None]
    if len(values) < 2:
        return None
    top = max(values)
    return math.fsum(top - v for v in values) / ((len(values) - 1) * 100.0)


def in_degree_centralization(net: Network) -> float | None:
    """Freeman's in-degree centralisation of the binary graph (Wasserman & Faust 1994, 5.2).

    C = sum_i (max - d_i) / (n - 1)^2, with d_i the number of partners that rated i.
    """
    n = len(net.partners)
    if n < 2:
        return None
    deg = {p: 0 for p in net.partners}
    for t in net.ties:
        deg[t.target] += 1
    top = max(deg.values())
    return sum(top - d for d in deg.values()) / ((n - 1) ** 2)


def distance(weight: float) -> float | None:
    """Path length of a tie for betweenness: 100 / weight; a zero tie carries no path."""
    return None if weight <= 0 else 100.0 / weight


def betweenness(net: Network) -> dict[str, float]:
    """Normalised (0-1) directed betweenness with tie length 100 / weight.

    Brandes' algorithm (``network.brandes``, our port of networkx's); a
    strongly trusted tie (100) has length 1, a tie of 25 counts as 4 steps,
    so a route through two strongly trusted partners beats a direct weak tie.
    Normalised by (n-1)(n-2). Above ``EXACT_BETWEENNESS_LIMIT`` partners it
    is estimated from that many pivots with a fixed seed (Brandes & Pich 2007).
    """
    # The graph as networkx's DiGraph held it: every partner a node, in
    # partner order, then the ties in tie order (a node a tie names that is
    # not a partner is added after them, as DiGraph.add_edge would).
    adj: dict[str, dict[str, float]] = {p: {} for p in net.partners}
    for t in net.ties:
        d = distance(t.weight)
        if d is not None:
            adj.setdefault(t.source, {})
            adj.setdefault(t.target, {})
            adj[t.source][t.target] = d
    n = len(net.partners)
    if n < 3:
        return {p: 0.0 for p in net.partners}
    k = EXACT_BETWEENNESS_LIMIT if n > EXACT_BETWEENNESS_LIMIT else None
    result = betweenness_centrality(adj, k=k, seed=BETWEENNESS_SEED)
    return {p: float(result[p]) for p in net.partners}
