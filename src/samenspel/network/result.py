"""``measure(networks) -> NetworkResult``: every network measure and finding, frozen.

``NetworkResult.to_dict()`` is the ``network`` object of FORMATS.md §3 plus
extension keys. The analysis engine's problem rules read the plain
attributes: ``power_lead``, ``asymmetric_pairs``, ``communities``,
``distrusted``, ``peripheral``, ``brokers``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from samenspel.network import findings as F
from samenspel.network.communities import Communities, find_communities
from samenspel.network.graph import Networks
from samenspel.network.measures import (
    betweenness,
    density,
    in_degree_centralization,
    in_strength,
    mean_weight,
    out_strength,
    reciprocity,
    strength_centralization,
    weighted_reciprocity,
)
from samenspel.network.positions import Broker, LowTrust, Peripheral, brokers, distrusted, peripheral
from samenspel.network.power import PairDifference, PowerLead, oriented, pair_differences, power_index, power_lead
from samenspel.network.significance import TestedClaim
from samenspel.network.significance import tested as tested_claims
from samenspel.network.thresholds import Thresholds

#: The dimension of the headline figures (density, reciprocity, centralisation, betweenness).
HEADLINE = "trust"
#: Dimensions that describe the relation itself, so A->B and B->A should agree.
#: Dependency and influence are one-sided by nature (dependency has its own asymmetry).
MUTUAL_DIMENSIONS: tuple[str, ...] = ("trust", "exchange")


@dataclass(frozen=True, slots=True)
class DimensionSummary:
    """Whole-network figures of one dimension (all ties, hidden partners' included)."""

    dimension: str
    ties: int
    density: float | None
    mean_weight: float | None
    reciprocity: float | None
    weighted_reciprocity: float | None
    centralization: float | None  # Freeman on in-strength (mean POMP received)
    in_degree_centralization: float | None  # Freeman on the binary in-degree


@dataclass(frozen=True)
class PartnerMeasures:
    partner: str
    n: int  # respondents of this partner who rated anyone
    hidden: bool  # fewer than min_group: out_<dimension> and its pairs not shown
    values: Mapping[str, float | None]  # in_trust, out_trust, ... for every dimension
    betweenness: float
    power: float | None
    community: int | None

    def __getitem__(self, key: str) -> float | None:
        return self.values[key]


@dataclass(frozen=True)
class NetworkResult:
    networks: Networks
    thresholds: Thresholds
    dimensions: Mapping[str, DimensionSummary]
    partners: Mapping[str, PartnerMeasures]
    communities: Communities
    power_lead: PowerLead | None
    dependency_pairs: tuple[PairDifference, ...]  # oriented: a depends more on b
    asymmetric_pairs: tuple[PairDifference, ...]  # |difference| >= threshold, largest first
    discordant_pairs: tuple[PairDifference, ...]  # trust/exchange, |difference| >= threshold
    distrusted: tuple[LowTrust, ...]
    peripheral: tuple[Peripheral, ...]
    brokers: tuple[Broker, ...]
    findings: tuple[F.Finding, ...]
    tested: Mapping[str, TestedClaim] = field(default_factory=dict)  # significance.tested: claims a rule may count

    @property
    def density(self) -> float | None:
        return self.dimensions[HEADLINE].density

    @property
    def reciprocity(self) -> float | None:
        return self.dimensions[HEADLINE].reciprocity

    @property
    def centralization(self) -> float | None:
        return self.dimensions[HEADLINE].centralization

    @property
    def dominant(self) -> str | None:
        lead = self.power_lead
        return lead.partner if lead is not None and lead.dominant else None

    @property
    def isolates(self) -> tuple[str, ...]:
        return tuple(p.partner for p in self.peripheral)

    def to_dict(self) -> dict[str, object]:
        """FORMATS.md §3 ``network`` (must keys first), then extension keys."""
        head = self.dimensions[HEADLINE]
        c = self.communities
        lead = self.power_lead
        return {
            "density": _r(head.density),
            "reciprocity": _r(head.reciprocity),
            "centralization": _r(head.centralization),
            "partners": {p: _partner_dict(m) for p, m in self.partners.items()},
            "communities": [list(g) for g in c.groups],
            "isolates": list(self.isolates),
            # extensions
            "headline_dimension": HEADLINE,
            "weighted_reciprocity": _r(head.weighted_reciprocity),
            "mean_weight": _r(head.mean_weight),
            "min_group": self.networks.min_group,
            "hidden": sorted(self.networks.hidden, key=self.networks.partners.index),
            "dimensions": {d: _summary_dict(s) for d, s in self.dimensions.items()},
            "modularity": _r(c.modularity),
            "modularity_p": _r(c.p_value),
            "camps": c.split,
            "trust_within": _r(c.trust_within),
            "trust_between": _r(c.trust_between),
            "power_lead": None
            if lead is None
            else {
                "partner": lead.partner,
                "power": _r(lead.power),
                "runner_up": lead.runner_up,
                "runner_up_power": _r(lead.runner_up_power),
                "gap": _r(lead.gap),
                "dominant": lead.dominant,
            },
            "dominant": self.dominant,
            "asymmetric_pairs": [_pair_dict(p) for p in self.asymmetric_pairs],
            "discordant_pairs": [_pair_dict(p) for p in self.discordant_pairs],
            "distrusted": [
                {"partner": d.partner, "raters": d.raters, "low": d.low, "share": _r(d.share), "in_trust": _r(d.in_trust)}
                for d in self.distrusted
            ],
            "peripheral": [
                {
                    "partner": p.partner,
                    "reasons": list(p.reasons),
                    "rated_by": p.rated_by,
                    "in_trust": _r(p.in_trust),
                    "in_exchange": _r(p.in_exchange),
                }
                for p in self.peripheral
            ],
            "brokers": [
                {"partner": b.partner, "betweenness": _r(b.betweenness), "bridges": list(b.bridges)}
                for b in self.brokers
            ],
            "ties": {
                d: [
                    {"source": t.source, "target": t.target, "weight": _r(t.weight), "n": t.n_raters, "sd": _r(t.sd)}
                    for t in self.networks.visible_ties(d)
                ]
                for d in self.networks.dimensions
            },
            "findings": [f.to_dict() for f in self.findings],
            "tested": {k: v.to_dict() for k, v in self.tested.items()},
        }


def measure(networks: Networks, thresholds: Thresholds = Thresholds()) -> NetworkResult:
    """Compute every measure and finding; see docs/NETWORK.md for formulas and thresholds."""
    th = thresholds
    hidden = networks.hidden
    dims = networks.dimensions
    summaries: dict[str, DimensionSummary] = {}
    values: dict[str, dict[str, float | None]] = {p: {} for p in networks.partners}
    for d in dims:
        net = networks[d]
        ins = in_strength(net)
        outs = out_strength(net, hidden)
        for p in networks.partners:
            values[p][f"in_{d}"] = ins[p]
            values[p][f"out_{d}"] = outs[p]
        summaries[d] = DimensionSummary(
            d,
            len(net.ties),
            density(net),
            mean_weight(net),
            reciprocity(net),
            weighted_reciprocity(net),
            strength_centralization(ins),
            in_degree_centralization(net),
        )
    trust = networks[HEADLINE]
    between = betweenness(trust)
    comms = find_communities(trust, th.modularity)
    power = {
        p: power_index(values[p]["in_influence"], values[p]["in_dependency"], values[p]["out_dependency"])
        for p in networks.partners
    }
    lead = power_lead(power, th.dominance_gap, th.dominance_min)
    dep_pairs = tuple(oriented(p) for p in pair_differences(networks["dependency"], hidden))
    asym = tuple(sorted((p for p in dep_pairs if p.difference >= th.asymmetry), key=lambda p: -p.difference))
    discord = tuple(
        sorted(
            (
                p
                for d in MUTUAL_DIMENSIONS
                if d in dims
                for p in pair_differences(networks[d], hidden)
                if abs(p.difference) >= th.discordance
            ),
            key=lambda p: (MUTUAL_DIMENSIONS.index(p.dimension), -abs(p.difference)),
        )
    )
    low = distrusted(networks, th.low_trust, th.distrust_share)
    edge = peripheral(networks, values, th.peripheral_level, th.peripheral_ties)
    brk = brokers(networks, between, comms, th.broker_betweenness)
    partners = {
        p: PartnerMeasures(
            p,
            networks.group_size(p),
            p in hidden,
            dict(values[p]),
            between[p],
            power[p],
            comms.of(p),
        )
        for p in networks.partners
    }
    result_findings = _findings(lead, comms, low, asym, discord, edge, brk, th, len(networks.partners))
    return NetworkResult(
        networks,
        th,
        summaries,
        partners,
        comms,
        lead,
        dep_pairs,
        asym,
        discord,
        low,
        edge,
        brk,
        result_findings,
        tested_claims(networks, comms),
    )


def _findings(
    lead: PowerLead | None,
    comms: Communities,
    low: tuple[LowTrust, ...],
    asym: tuple[PairDifference, ...],
    discord: tuple[PairDifference, ...],
    edge: tuple[Peripheral, ...],
    brk: tuple[Broker, ...],
    th: Thresholds,
    n_partners: int,
) -> tuple[F.Finding, ...]:
    out: list[F.Finding] = []
    if lead is not None and lead.dominant and lead.runner_up is not None:
        out.append(
            F.Finding(
                "dominant_partner",
                "dominant_partner",
                (lead.partner, lead.runner_up),
                {"power": lead.power, "runner_up_power": lead.runner_up_power, "gap": lead.gap},
            )
        )
    camps = tuple(g for g in comms.groups if len(g) >= 2)
    if comms.split and len(camps) >= 2 and comms.trust_within is not None and comms.trust_between is not None:
        if comms.trust_within - comms.trust_between >= th.camp_gap:
            out.append(
                F.Finding(
                    "camps",
                    "camps",
                    tuple(p for g in camps for p in g),
                    {
                        "n_groups": float(len(camps)),
                        "modularity": comms.modularity,
                        "trust_within": comms.trust_within,
                        "trust_between": comms.trust_between,
                    },
                    groups=camps,
                )
            )
    for d in low:
        out.append(
            F.Finding(
                f"distrusted:{d.partner}",
                "distrusted",
                (d.partner,),
                {"low": float(d.low), "raters": float(d.raters), "share": d.share, "in_trust": d.in_trust, "threshold": th.low_trust},
            )
        )
    for p in asym:
        out.append(
            F.Finding(
                f"asymmetric_dependency:{p.a}:{p.b}",
                "asymmetric_dependency",
                (p.a, p.b),
                {"a_to_b": p.a_to_b, "b_to_a": p.b_to_a, "difference": p.difference},
            )
        )
    for p in discord:
        out.append(
            F.Finding(
                f"discordant:{p.dimension}:{p.a}:{p.b}",
                "discordant",
                (p.a, p.b),
                {"a_to_b": p.a_to_b, "b_to_a": p.b_to_a, "difference": abs(p.difference)},
                extra={"dimension": p.dimension},
            )
        )
    for e in edge:
        isolated = "no_ties" in e.reasons
        out.append(
            F.Finding(
                f"peripheral:{e.partner}",
                "isolated" if isolated else "peripheral",
                (e.partner,),
                {
                    "rated_by": float(e.rated_by),
                    "median_rated_by": e.median_rated_by,
                    "in_trust": e.in_trust,
                    "in_exchange": e.in_exchange,
                    "others": float(n_partners - 1),
                },
            )
        )
    for b in brk:
        out.append(F.Finding(f"broker:{b.partner}", "broker", (b.partner,), {"betweenness": b.betweenness}))
    return tuple(out)


def _r(x: float | None, digits: int = 3) -> float | None:
    """Rounded for output; a negative zero (a sum of values in set order) is plain zero."""
    return None if x is None else round(x, digits) + 0.0


def _partner_dict(m: PartnerMeasures) -> dict[str, object]:
    out: dict[str, object] = {k: _r(v) for k, v in m.values.items()}
    out.update(
        {"betweenness": _r(m.betweenness), "power": _r(m.power), "community": m.community, "n": m.n, "hidden": m.hidden}
    )
    return out


def _summary_dict(s: DimensionSummary) -> dict[str, object]:
    return {
        "ties": s.ties,
        "density": _r(s.density),
        "mean_weight": _r(s.mean_weight),
        "reciprocity": _r(s.reciprocity),
        "weighted_reciprocity": _r(s.weighted_reciprocity),
        "centralization": _r(s.centralization),
        "in_degree_centralization": _r(s.in_degree_centralization),
    }


def _pair_dict(p: PairDifference) -> dict[str, object]:
    return {
        "dimension": p.dimension,
        "a": p.a,
        "b": p.b,
        "a_to_b": _r(p.a_to_b),
        "b_to_a": _r(p.b_to_a),
        "difference": _r(p.difference),
    }
