"""Judging the exemplary problems: rules of ``rules.py`` applied to the indicators.

``indicators()`` gathers the named numbers the rules read from the round's
results (and the network and trend when present); ``judge()`` applies every
rule and returns the problems with a strength above 0, strongest first, each
with its evidence and the knowledge base's interventions, those suited to the
modal phase first.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from samenspel.analysis.notice import Notice
from samenspel.analysis.rules import RULES, Rule, template_fields
from samenspel.analysis.scales import ScaleResult
from samenspel.i18n import Text
from samenspel.knowledge.model import KnowledgeBase
from samenspel.network import NetworkResult


@dataclass(frozen=True)
class Evidence:
    """One condition that fired: the sentence and the numbers behind it."""

    indicator: str
    value: float
    threshold: float  # where the signal begins (rule ``start``)
    full: float
    direction: str
    weight: float
    degree: float
    text: Text

    def to_dict(self) -> dict[str, object]:
        return {"indicator": self.indicator, "value": self.value, "threshold": self.threshold, "full": self.full,
                "direction": self.direction, "weight": self.weight, "degree": self.degree,
                "text": self.text.as_dict()}


@dataclass(frozen=True)
class Finding:
    """A problem found, with how strongly, why, and what to do."""

    id: str
    strength: float
    evidence: tuple[Evidence, ...]
    interventions: tuple[str, ...]  # suited to the modal phase first
    suited: tuple[str, ...]  # those suited to the modal phase
    name: Text | None
    source: str
    coverage: float  # share of the rule's weight whose indicators were available

    def to_dict(self, lang: str = "nl") -> dict[str, object]:
        return {"id": self.id, "strength": self.strength, "evidence": [e.text.get(lang) for e in self.evidence],
                "interventions": list(self.interventions), "suited_interventions": list(self.suited),
                "name": self.name.as_dict() if self.name else None, "source": self.source,
                "coverage": self.coverage, "indicators": [e.to_dict() for e in self.evidence]}


def indicators(
    domains: Mapping[str, ScaleResult],
    signals: Mapping[str, ScaleResult],
    extra: Mapping[str, ScaleResult],
    motive_overlap: float | None,
    network: NetworkResult | None,
    ambition_change: float | None,
) -> dict[str, float]:
    """The named numbers the rules read; an indicator without data is simply absent."""
    out: dict[str, float] = {}

    def put(name: str, value: float | None) -> None:
        if value is not None and not np.isnan(value):
            out[name] = float(value)

    for key, res in domains.items():
        put(f"domain.{key}", res.score)
        if res.divergence is not None and res.divergence.eta2 is not None:
            # only a difference that passes the stats flag rule (medium effect and p < .05) counts
            put(f"divergence.{key}", res.divergence.eta2 if res.divergence.flag else 0.0)
    judged = [r.divergence for r in domains.values() if r.divergence is not None]
    if judged:
        put("divergent_share", sum(d.flag for d in judged) / len(judged))
        put("divergent_count", float(sum(d.flag for d in judged)))
        put("divergent_judged", float(len(judged)))
    amb = domains.get("ambition")
    if amb is not None:
        shown = [v for v in amb.by_partner.values() if v is not None]  # hidden partners are None
        if len(shown) >= 2:
            put("ambition_lowest_partner", min(shown))
    for key, res in signals.items():
        put(f"signal.{key}", res.score)
    for key in ("trust", "formal_overlap"):
        if key in extra:
            put(key, extra[key].score)
    put("motive_overlap", motive_overlap)
    put("ambition_change", ambition_change)
    form = [out.get("domain.organisation"), out.get("domain.process")]
    substance = [out.get("domain.ambition"), out.get("signal.commitment")]
    if all(v is not None for v in form + substance):
        put("form_over_substance", float(np.mean(form)) - float(np.mean(substance)))  # type: ignore[arg-type]
    if "signal.commitment" in out and "signal.backing" in out:
        put("commitment_minus_backing", out["signal.commitment"] - out["signal.backing"])
    if network is not None:
        out.update(network_indicators(network))
    return out


def network_indicators(network: NetworkResult) -> dict[str, float]:
    """Indicators from the relationship network (issue 4's ``NetworkResult``).

    Received figures (``in_trust``) are shown for every partner, also hidden
    ones, so they may be used; pair differences leave hidden partners out.
    """
    out: dict[str, float] = {}
    in_trust = [m.values.get("in_trust") for m in network.partners.values()]
    known = [float(v) for v in in_trust if v is not None]
    if len(known) >= 2:
        out["network.lowest_in_trust"] = min(known)
    lead = network.power_lead
    if lead is not None and lead.gap is not None:
        out["network.power_gap"] = float(lead.gap)
    if network.dependency_pairs:
        out["network.dependency_asymmetry"] = max(p.difference for p in network.dependency_pairs)
    groups = network.communities.groups
    out["network.trust_split"] = float(len(groups) - 1) if network.communities.split else 0.0
    return out


def evaluate(rule: Rule, values: Mapping[str, float]) -> tuple[float, tuple[Evidence, ...], float]:
    """Strength (0-1), evidence and coverage of one rule; strength NaN when not judgeable."""
    total = rule.total_weight
    used = 0.0
    score = 0.0
    evidence: list[Evidence] = []
    for c in rule.conditions:
        if c.indicator not in values:
            continue
        v = values[c.indicator]
        d = c.degree(v)
        used += c.weight
        score += c.weight * d
        if d > 0:
            text = Text(*(getattr(c.evidence, lang).format(**template_fields(c, v, values, lang))
                          for lang in ("nl", "en")))
            evidence.append(Evidence(c.indicator, v, c.start, c.full, c.direction, c.weight, d, text))
    coverage = used / total
    if coverage < 0.5:
        return float("nan"), (), coverage
    evidence.sort(key=lambda e: -e.weight * e.degree)
    return score / used, tuple(evidence), coverage


def judge(values: Mapping[str, float], kb: KnowledgeBase, phase: int | None,
          notices: list[Notice]) -> tuple[Finding, ...]:
    """All problems with strength > 0, strongest first."""
    found: list[Finding] = []
    for rule in RULES:
        strength, evidence, coverage = evaluate(rule, values)
        problem = kb.problems.get(rule.problem)
        if np.isnan(strength):
            name = problem.name if problem else Text(rule.problem, rule.problem)
            notices.append(Notice(f"rule_not_judged:{rule.problem}", Text(
                f"Het knelpunt '{name.nl}' is niet beoordeeld: er zijn te weinig gegevens "
                f"(signalen met {coverage:.0%} van het gewicht beschikbaar, minstens 50% nodig).",
                f"The problem '{name.en}' was not judged: too little data "
                f"(signals carrying {coverage:.0%} of its weight available, at least 50% needed).")))
            continue
        if round(strength, 4) <= 0:  # FORMATS.md §3: only strength > 0, also after rounding
            continue
        interventions: tuple[str, ...] = ()
        suited: tuple[str, ...] = ()
        if problem is not None:
            known = [i for i in problem.interventions if i in kb.interventions]
            ordered = sorted(known, key=lambda i: phase not in kb.interventions[i].phases) if phase else known
            interventions = tuple(ordered)
            suited = tuple(i for i in ordered if phase in kb.interventions[i].phases)
        found.append(Finding(rule.problem, round(strength, 4), evidence, interventions, suited,
                             problem.name if problem else None, rule.source, round(coverage, 4)))
    found.sort(key=lambda f: -f.strength)
    return tuple(found)
