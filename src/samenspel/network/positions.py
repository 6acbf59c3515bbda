"""Positions of single partners: at the edge, distrusted, or in between groups."""

from __future__ import annotations

import statistics
from collections.abc import Mapping
from dataclasses import dataclass

from samenspel.network.communities import Communities, symmetric_trust
from samenspel.network.graph import Networks


@dataclass(frozen=True, slots=True)
class Peripheral:
    """A partner at the edge; ``reasons`` from ``no_ties``, ``low_received``, ``few_ties``."""

    partner: str
    reasons: tuple[str, ...]
    in_trust: float | None
    in_exchange: float | None
    rated_by: int  # partners that rated it on trust or exchange
    median_rated_by: float


@dataclass(frozen=True, slots=True)
class LowTrust:
    """A partner to whom most of the partners that rated it give low trust."""

    partner: str
    raters: int
    low: int
    share: float
    in_trust: float | None


@dataclass(frozen=True, slots=True)
class Broker:
    """High trust betweenness; ``bridges`` are the other communities it has trust ties into."""

    partner: str
    betweenness: float
    bridges: tuple[int, ...]


def peripheral(
    nets: Networks,
    in_values: Mapping[str, Mapping[str, float | None]],
    level: float,
    ties_share: float,
) -> tuple[Peripheral, ...]:
    """Partners with no ties, low received trust and exchange, or few partners rating them.

    ``low_received``: received trust and exchange both below ``level`` (a
    missing one does not count as low). ``few_ties``: rated (trust or
    exchange) by fewer partners than ``ties_share`` times the median.
    """
    touched: set[str] = set()
    rated_by: dict[str, set[str]] = {p: set() for p in nets.partners}
    for net in nets.networks:
        for t in net.ties:
            touched.update((t.source, t.target))
            if net.dimension in ("trust", "exchange"):
                rated_by[t.target].add(t.source)
    if not touched:
        return ()  # no relation answers at all: nothing is known, nobody is singled out
    median = statistics.median(len(v) for v in rated_by.values())
    out = []
    for p in nets.partners:
        reasons = []
        it, ie = in_values[p].get("in_trust"), in_values[p].get("in_exchange")
        if p not in touched:
            reasons.append("no_ties")
        else:
            known = [v for v in (it, ie) if v is not None]
            if known and all(v < level for v in known):
                reasons.append("low_received")
            if len(rated_by[p]) < ties_share * median:
                reasons.append("few_ties")
        if reasons:
            out.append(Peripheral(p, tuple(reasons), it, ie, len(rated_by[p]), float(median)))
    return tuple(out)


def distrusted(nets: Networks, low: float, share: float) -> tuple[LowTrust, ...]:
    """Partners rated below ``low`` trust by more than ``share`` of at least two rating partners."""
    trust = nets["trust"]
    got: dict[str, list[float]] = {p: [] for p in nets.partners}
    for t in trust.ties:
        got[t.target].append(t.weight)
    out = []
    for p, values in got.items():
        if len(values) < 2:
            continue
        n_low = sum(1 for v in values if v < low)
        if n_low / len(values) > share:
            out.append(LowTrust(p, len(values), n_low, n_low / len(values), sum(values) / len(values)))
    return tuple(out)


def brokers(
    nets: Networks, betweenness: Mapping[str, float], communities: Communities, level: float
) -> tuple[Broker, ...]:
    """Partners with trust betweenness >= ``level``; where camps exist, only those bridging them.

    Bridging: a (symmetrised) trust tie above 50 into another community.
    """
    sym = symmetric_trust(nets["trust"])
    out = []
    for p in nets.partners:
        b = betweenness.get(p, 0.0)
        if b < level:
            continue
        own = communities.of(p)
        bridges: set[int] = set()
        if communities.split:
            for (x, y), w in sym.items():
                if w > 50 and p in (x, y):
                    other = communities.of(y if x == p else x)
                    if other is not None and other != own:
                        bridges.add(other)
            if not bridges:
                continue
        out.append(Broker(p, b, tuple(sorted(bridges))))
    return tuple(sorted(out, key=lambda br: -br.betweenness))
