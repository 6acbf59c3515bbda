"""Sub-groups in the trust network ("wij en zij"): who trusts whom more than the rest.

The directed trust ties are made symmetric (mean of the directions rated)
and only the trust *above the neutral midpoint* binds: a pair's bond is
max(0, trust - 50). Without that shift a dense network where every pair rated
every other has modularity near zero even when two camps distrust each other,
because a low rating still counts as a (weak) positive tie. Louvain
(Blondel et al. 2008, networkx, fixed seed) then splits the partners; the
split is reported only when its modularity (Newman & Girvan 2004) exceeds a
threshold, else everyone is one community.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import networkx as nx

from samenspel.network.graph import Network

LOUVAIN_SEED = 42
NEUTRAL = 50.0


@dataclass(frozen=True)
class Communities:
    groups: tuple[tuple[str, ...], ...]  # reported communities, largest first
    modularity: float | None  # of the best split found, even when not reported
    split: bool  # modularity above threshold and at least two groups
    trust_within: float | None  # mean directed trust inside a group
    trust_between: float | None  # mean directed trust across groups

    def of(self, partner: str) -> int | None:
        for i, g in enumerate(self.groups):
            if partner in g:
                return i
        return None


def symmetric_trust(net: Network) -> dict[tuple[str, str], float]:
    """(a, b) with a before b in partner order -> mean of the trust ties rated between them."""
    order = {p: i for i, p in enumerate(net.partners)}
    pairs: dict[tuple[str, str], list[float]] = {}
    for t in net.ties:
        a, b = sorted((t.source, t.target), key=order.__getitem__)
        pairs.setdefault((a, b), []).append(t.weight)
    return {k: math.fsum(v) / len(v) for k, v in pairs.items()}


def find_communities(trust: Network, threshold: float) -> Communities:
    """Louvain communities of the bonds max(0, trust - 50); see the module docstring."""
    order = {p: i for i, p in enumerate(trust.partners)}
    g = nx.Graph()
    g.add_nodes_from(trust.partners)
    for (a, b), w in symmetric_trust(trust).items():
        if w > NEUTRAL:
            g.add_edge(a, b, bond=w - NEUTRAL)
    everyone = (tuple(trust.partners),)
    if g.number_of_edges() == 0:
        return Communities(everyone, None, False, _mean_trust(trust, everyone, True), None)
    found = nx.community.louvain_communities(g, weight="bond", seed=LOUVAIN_SEED)
    groups = tuple(
        sorted(
            (tuple(sorted(c, key=order.__getitem__)) for c in found),
            key=lambda c: (-len(c), order[c[0]]),
        )
    )
    q = float(nx.community.modularity(g, [set(c) for c in groups], weight="bond"))
    split = q > threshold and len(groups) > 1
    if not split:
        return Communities(everyone, q, False, _mean_trust(trust, everyone, True), None)
    return Communities(groups, q, True, _mean_trust(trust, groups, True), _mean_trust(trust, groups, False))


def _mean_trust(trust: Network, groups: tuple[tuple[str, ...], ...], within: bool) -> float | None:
    member = {p: i for i, g in enumerate(groups) for p in g}
    values = [t.weight for t in trust.ties if (member.get(t.source) == member.get(t.target)) == within]
    return math.fsum(values) / len(values) if values else None
