"""Louvain communities and modularity of an undirected weighted graph of plain dicts.

Why our own: this used to be ``networkx.community.louvain_communities`` and
``networkx.community.modularity``, and importing networkx costs about 0.1 s
of every ``samenspel analyse`` (a tenth of the 1 s target). This module is a
faithful port of networkx 3.6.1 (``networkx/algorithms/community/louvain.py``:
``louvain_communities``, ``louvain_partitions``, ``_one_level``,
``_neighbor_weights``, ``_gen_graph``; ``quality.py``: ``modularity``),
restricted to undirected simple graphs with a weight on every edge.

Louvain is greedy and its answer depends on the order of everything, so the
port keeps networkx's orders exactly, or the communities (and the chance
test built on them, ``communities._chance``) would change:

* nodes in insertion order, each node's neighbours in the order its edges
  were added (a ``dict`` per node, as networkx's adjacency);
* the copy ``louvain_partitions`` makes before the first level re-adds the
  edges in ``G.edges`` order (each edge once, from the node that comes
  first), which reorders some neighbour lists;
* one ``random.Random(seed)``, shuffled once per level;
* reading the own community's weight inserts it (networkx uses a
  ``defaultdict``), so it is tried last among the candidate communities
  (when no neighbour is in it its gain is exactly 0.0, so it never wins;
  kept all the same, so that the loop is networkx's);
* a self-loop counts twice in a node's weighted degree, the graph's size is
  the degree sum / 2;
* the same set operations (``update``, ``difference_update``, ``copy``), so
  even the sets' iteration order, and with it the float sums of modularity,
  is networkx's (that order follows Python's string hashing, so the last bit
  of a modularity can differ between two processes, with networkx as with
  this port, unless ``PYTHONHASHSEED`` is fixed; the output rounds it and
  prints a zero as 0.0, never -0.0); and
  the same float expressions in the same order.

tests/network/test_net_louvain.py checks it against networkx 3.6.1 (a test
dependency only).

Blondel, V. D., Guillaume, J.-L., Lambiotte, R. & Lefebvre, E. (2008). Fast
unfolding of communities in large networks. J. Stat. Mech. P10008. Newman,
M. E. J. & Girvan, M. (2004). Finding and evaluating community structure in
networks. Phys. Rev. E 69, 026113.

The code ported is from NetworkX (Copyright (c) 2004-2025, NetworkX Developers;
3-clause BSD license): its copyright notice, conditions and disclaimer are in
NETWORKX-LICENSE.txt beside this module.
"""

from __future__ import annotations

import random
from collections.abc import Hashable, Iterable, Iterator, Mapping

#: node -> {neighbour: weight}, symmetric (adj[u][v] == adj[v][u]); a
#: self-loop is the one entry adj[u][u]. Order as networkx's Graph adjacency.
Graph = dict[Hashable, dict[Hashable, float]]


def add_edge(adj: Graph, u: Hashable, v: Hashable, weight: float) -> None:
    """``Graph.add_edge(u, v, weight=...)``: adds missing nodes (u first), keeps an existing edge's place."""
    if u not in adj:
        adj[u] = {}
    if v not in adj:
        adj[v] = {}
    adj[u][v] = weight
    adj[v][u] = weight


def edges(adj: Mapping[Hashable, Mapping[Hashable, float]], nbunch: Iterable[Hashable] | None = None
          ) -> Iterator[tuple[Hashable, Hashable, float]]:
    """``G.edges(nbunch, data=weight)``: each edge once, from the first of its ends that ``nbunch`` reaches."""
    seen: dict[Hashable, int] = {}
    for n in (adj if nbunch is None else (n for n in nbunch if n in adj)):
        for nbr, wt in adj[n].items():
            if nbr not in seen:
                yield n, nbr, wt
        seen[n] = 1


def degrees(adj: Mapping[Hashable, Mapping[Hashable, float]]) -> dict[Hashable, float]:
    """``dict(G.degree(weight=...))``: a self-loop's weight counts twice."""
    return {n: sum(nbrs.values()) + (n in nbrs and nbrs[n]) for n, nbrs in adj.items()}


def modularity(adj: Mapping[Hashable, Mapping[Hashable, float]], communities: Iterable[Iterable[Hashable]],
               resolution: float = 1) -> float:
    """Newman-Girvan modularity of a partition, as ``nx.community.modularity(G, communities, weight)``.

    Q = sum over communities c of L_c / m - resolution * (d_c / 2m)^2, with
    L_c the weight inside c, d_c its degree sum and m the total weight.
    """
    if not isinstance(communities, list):
        communities = list(communities)
    if not _is_partition(adj, communities):
        raise ValueError("modularity needs a partition of the graph's nodes")
    out_degree = in_degree = degrees(adj)
    deg_sum = sum(out_degree.values())
    m = deg_sum / 2
    norm = 1 / deg_sum**2

    def community_contribution(community: Iterable[Hashable]) -> float:
        comm = set(community)
        L_c = sum(wt for u, v, wt in edges(adj, comm) if v in comm)
        out_degree_sum = sum(out_degree[u] for u in comm)
        in_degree_sum = out_degree_sum
        return L_c / m - resolution * out_degree_sum * in_degree_sum * norm

    return sum(map(community_contribution, communities))


def _is_partition(adj: Mapping[Hashable, object], communities: list[Iterable[Hashable]]) -> bool:
    nodes = {n for c in communities for n in c if n in adj}
    return len(adj) == len(nodes) == sum(len(list(c)) for c in communities)


def louvain_communities(adj: Graph, seed: int | None = None, resolution: float = 1,
                        threshold: float = 0.0000001) -> list[set[Hashable]]:
    """The last (best) level of :func:`louvain_partitions`, as ``nx.community.louvain_communities``."""
    final: list[set[Hashable]] = []
    for partition in louvain_partitions(adj, random.Random(seed), resolution, threshold):
        final = partition
    return final


def louvain_partitions(adj: Graph, rng: random.Random, resolution: float = 1,
                       threshold: float = 0.0000001) -> Iterator[list[set[Hashable]]]:
    """Each level's partition of the original nodes, until modularity gains no more than ``threshold``."""
    partition: list[set[Hashable]] = [{u} for u in adj]
    if not any(adj.values()):  # nx.is_empty: no edges
        yield partition
        return
    mod = modularity(adj, partition, resolution=resolution)
    # networkx works on a copy: the nodes, then the edges in G.edges order.
    graph: Graph = {u: {} for u in adj}
    for u, v, wt in edges(adj):
        add_edge(graph, u, v, wt)
    m = sum(d for d in degrees(graph).values()) / 2  # graph.size(weight="weight")
    members: dict[Hashable, set[Hashable]] | None = None  # the node attribute "nodes"; none on the first level
    partition, inner_partition, improvement = _one_level(graph, members, m, partition, resolution, rng)
    improvement = True
    while improvement:
        # gh-5901: protect the yielded sets from the further manipulation here
        yield [s.copy() for s in partition]
        new_mod = modularity(graph, inner_partition, resolution=resolution)
        if new_mod - mod <= threshold:
            return
        mod = new_mod
        graph, members = _gen_graph(graph, members, inner_partition)
        partition, inner_partition, improvement = _one_level(graph, members, m, partition, resolution, rng)


def _one_level(G: Graph, members: dict[Hashable, set[Hashable]] | None, m: float,
               partition: list[set[Hashable]], resolution: float, rng: random.Random
               ) -> tuple[list[set[Hashable]], list[set[Hashable]], bool]:
    """One pass of moving single nodes to the neighbouring community that gains most modularity.

    ``partition`` holds the original nodes, ``inner_partition`` this level's
    nodes; ``members`` maps a node of this level to the original nodes it
    stands for (None on the first level, where each stands for itself).
    """
    node2com = {u: i for i, u in enumerate(G)}
    inner_partition: list[set[Hashable]] = [{u} for u in G]
    degree_of = degrees(G)
    Stot = list(degree_of.values())
    nbrs = {u: {v: wt for v, wt in G[u].items() if v != u} for u in G}
    rand_nodes = list(G)
    rng.shuffle(rand_nodes)
    nb_moves = 1
    improvement = False
    while nb_moves > 0:
        nb_moves = 0
        for u in rand_nodes:
            best_mod: float = 0
            best_com = node2com[u]
            weights2com = _neighbor_weights(nbrs[u], node2com)
            degree = degree_of[u]
            Stot[best_com] -= degree
            # networkx reads weights2com[best_com] from a defaultdict, which
            # inserts the own community (last) when no neighbour is in it.
            own = weights2com.setdefault(best_com, 0.0)
            remove_cost = -own / m + resolution * (Stot[best_com] * degree) / (2 * m**2)
            for nbr_com, wt in weights2com.items():
                gain = remove_cost + wt / m - resolution * (Stot[nbr_com] * degree) / (2 * m**2)
                if gain > best_mod:
                    best_mod = gain
                    best_com = nbr_com
            Stot[best_com] += degree
            if best_com != node2com[u]:
                com = {u} if members is None else members[u]
                partition[node2com[u]].difference_update(com)
                inner_partition[node2com[u]].remove(u)
                partition[best_com].update(com)
                inner_partition[best_com].add(u)
                improvement = True
                nb_moves += 1
                node2com[u] = best_com
    partition = list(filter(len, partition))
    inner_partition = list(filter(len, inner_partition))
    return partition, inner_partition, improvement


def _neighbor_weights(nbrs: Mapping[Hashable, float], node2com: Mapping[Hashable, int]) -> dict[int, float]:
    """Weight from a node to each community of its neighbours, in order of first neighbour."""
    weights: dict[int, float] = {}
    for nbr, wt in nbrs.items():
        c = node2com[nbr]
        weights[c] = weights.get(c, 0.0) + wt
    return weights


def _gen_graph(G: Graph, members: dict[Hashable, set[Hashable]] | None, partition: list[set[Hashable]]
               ) -> tuple[Graph, dict[Hashable, set[Hashable]]]:
    """The graph of communities: community i is node i, edge weights summed in ``G.edges`` order."""
    H: Graph = {}
    node2com: dict[Hashable, int] = {}
    new_members: dict[Hashable, set[Hashable]] = {}
    for i, part in enumerate(partition):
        nodes: set[Hashable] = set()
        for node in part:
            node2com[node] = i
            nodes.update({node} if members is None else members[node])
        H[i] = {}
        new_members[i] = nodes
    for node1, node2, wt in edges(G):
        com1 = node2com[node1]
        com2 = node2com[node2]
        temp = H[com1].get(com2, 0)
        add_edge(H, com1, com2, wt + temp)
    return H, new_members
