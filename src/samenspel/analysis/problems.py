"""Judging the exemplary problems and the strengths: the rules of ``rules.py`` applied to indicators.

``indicators()`` gathers the named numbers the rules read, each with the
evidence behind it (how many answers, from how many partners, and for network
asymmetries the permutation test's p); ``judge()`` applies every problem rule;
``strengths()`` every strength rule. All of it is codes and numbers: the
reading layer words it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np

from samenspel.analysis.conflict import ConflictResult
from samenspel.analysis.notice import Notice, notice
from samenspel.analysis.rules import BASE, RULES, STRENGTHS, AGREEMENT_LEVEL, Rule
from samenspel.analysis.scales import ScaleResult
from samenspel.analysis.settings import Settings
from samenspel.network import NetworkResult

RANGE_LARGE = 25.0
"""Points between the highest and lowest partner on a domain that count as a large difference (one answer step)."""


@dataclass(frozen=True, slots=True)
class IndicatorValue:
    """A number a rule reads, and what it rests on."""

    value: float
    n: int  # answers (persons, or raters) behind it
    partners: int  # partners those answers come from
    p: float | None = None  # a test's p (adjusted for the number of candidates), where one was done
    about: tuple[str, ...] = ()  # partners the value is about (network asymmetries)
    testable: bool = True  # False when the test could not reach the level with so few raters

    def enough(self, settings: Settings) -> bool:
        """Whether this value may count: enough answers from enough partners, and a test that could decide."""
        return self.testable and self.n >= settings.min_evidence_n and self.partners >= settings.min_evidence_partners

    def to_dict(self) -> dict[str, object]:
        return {"value": self.value, "n": self.n, "partners": self.partners, "p": self.p, "about": list(self.about),
                "testable": self.testable}


@dataclass(frozen=True)
class Evidence:
    """One condition of a rule that was judged: the number, its threshold and what it rests on."""

    indicator: str
    value: float
    threshold: float  # where the signal begins (rule ``start``)
    full: float
    direction: str
    weight: float
    degree: float
    defining: bool  # one of the rule's signs
    n: int
    partners: int
    p: float | None = None
    about: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, object]:
        return {"indicator": self.indicator, "value": self.value, "threshold": self.threshold, "full": self.full,
                "direction": self.direction, "weight": self.weight, "degree": self.degree,
                "defining": self.defining, "n": self.n, "partners": self.partners, "p": self.p,
                "about": list(self.about)}


@dataclass(frozen=True)
class Finding:
    """A problem found: how strongly, and the evidence (its sign first)."""

    id: str
    strength: float
    sign: float  # degree of the defining sign (the weakest group's strongest)
    support: float  # weighted mean degree of the other conditions judged
    evidence: tuple[Evidence, ...]
    source: str
    coverage: float  # share of the rule's weight whose indicators had enough evidence

    def to_dict(self) -> dict[str, object]:
        return {"id": self.id, "strength": self.strength, "sign": self.sign, "support": self.support,
                "source": self.source, "coverage": self.coverage, "indicators": [e.to_dict() for e in self.evidence]}


@dataclass(frozen=True)
class Strength:
    """A strength found: a scale that scores high, with agreement, not split between partners."""

    id: str
    indicator: str
    value: float
    n: int
    partners: int
    agreement: float | None
    source: str

    def to_dict(self) -> dict[str, object]:
        return {"id": self.id, "indicator": self.indicator, "value": self.value, "n": self.n,
                "partners": self.partners, "agreement": self.agreement, "source": self.source}


@dataclass(frozen=True)
class Judged:
    """What the problem rules said: found problems, strongest first, and the rules that could not judge."""

    found: tuple[Finding, ...]
    not_judged: dict[str, tuple[str, ...]] = field(default_factory=dict)  # problem -> sign indicators lacking evidence


def _scale(res: ScaleResult) -> IndicatorValue | None:
    if res.score is None or np.isnan(res.score):
        return None
    return IndicatorValue(float(res.score), res.n, res.n_partners)


def _partner_range(res: ScaleResult) -> float | None:
    shown = [v for v in res.by_partner.values() if v is not None]
    return max(shown) - min(shown) if len(shown) >= 2 else None


def indicators(
    domains: Mapping[str, ScaleResult],
    signals: Mapping[str, ScaleResult],
    extra: Mapping[str, ScaleResult],
    motives: tuple[float | None, int, int] | None,
    network: NetworkResult | None,
    ambition_change: tuple[float, bool, int, int] | None,
    conflict: ConflictResult | None = None,
) -> dict[str, IndicatorValue]:
    """The named numbers the rules read, each with its evidence; one without data is simply absent.

    ``motives`` is (overlap, respondents, partners compared); ``ambition_change``
    is (change, meaningful?, n, partners) of the trend against the previous round.
    """
    out: dict[str, IndicatorValue] = {}
    for key, res in domains.items():
        value = _scale(res)
        if value is not None:
            out[f"domain.{key}"] = value
    for key, res in signals.items():
        value = _scale(res)
        if value is not None:
            out[f"signal.{key}"] = value
    for key in ("trust", "formal_overlap"):
        if key in extra and (value := _scale(extra[key])) is not None:
            out[key] = value
    for key, res in extra.items():  # 2.0's leadership and governance module: one statement each
        if key.startswith(("leadership:", "governance:")) and (value := _scale(res)) is not None:
            out[key.replace(":", ".")] = value
    if conflict is not None and conflict.n:
        for kind in ("power", "relational"):
            out[f"conflict.{kind}"] = IndicatorValue(conflict.share(kind), conflict.n, conflict.partners)
    amb = domains.get("ambition")
    if amb is not None and amb.divergence is not None:
        rng = _partner_range(amb)
        if rng is not None:
            real = amb.divergence.flag
            out["ambition_gap"] = IndicatorValue(rng if real else 0.0, amb.n, amb.divergence.groups,
                                                 amb.divergence.p_holm)
    judged = [r for r in domains.values() if r.divergence is not None and _partner_range(r) is not None]
    if judged:
        large = [r for r in judged if r.divergence is not None and r.divergence.flag
                 and (_partner_range(r) or 0.0) >= RANGE_LARGE]
        out["partner_range_share"] = IndicatorValue(len(large) / len(judged), min(r.n for r in judged),
                                                    min(r.divergence.groups for r in judged if r.divergence))
    if motives is not None and motives[0] is not None:
        out["motive_overlap"] = IndicatorValue(float(motives[0]), motives[1], motives[2])
    if ambition_change is not None:
        change, meaningful, n, partners = ambition_change
        out["ambition_change"] = IndicatorValue(change if meaningful else 0.0, n, partners)
    form = [out.get("domain.organisation"), out.get("domain.process")]
    substance = [out.get("domain.ambition"), out.get("signal.commitment")]
    if all(v is not None for v in form + substance):
        parts = [v for v in form + substance if v is not None]
        out["form_over_substance"] = IndicatorValue(
            float(np.mean([v.value for v in parts[:2]]) - np.mean([v.value for v in parts[2:]])),
            min(v.n for v in parts), min(v.partners for v in parts))
    commitment, backing = out.get("signal.commitment"), out.get("signal.backing")
    if commitment is not None and backing is not None:
        out["commitment_minus_backing"] = IndicatorValue(commitment.value - backing.value,
                                                         min(commitment.n, backing.n),
                                                         min(commitment.partners, backing.partners))
    if network is not None:
        out.update(network_indicators(network))
    # measured, but no partner reached the minimum of answers: "too few answers", not "not measured"
    for prefix, results in (("domain", domains), ("signal", signals)):
        for key, res in results.items():
            if res.score is None and res.n_answered > 0:
                out.setdefault(f"{prefix}.{key}", IndicatorValue(float("nan"), 0, 0))
    return out


def network_indicators(network: NetworkResult) -> dict[str, IndicatorValue]:
    """Indicators from the relationship network: only asymmetries a permutation test over raters backs.

    A tested claim that does not pass gives 0 (no sign); one whose test cannot
    reach the level with so few raters is not testable (not judged).
    """
    out: dict[str, IndicatorValue] = {}
    for name, t in network.tested.items():
        out[f"network.{name}"] = IndicatorValue(t.effect if t.real else 0.0, t.raters, t.partners, t.p,
                                                t.about, t.testable)
    return out


def evaluate(rule: Rule, values: Mapping[str, IndicatorValue], settings: Settings) -> tuple[
        float | None, float, float, tuple[Evidence, ...], float, tuple[str, ...]]:
    """(strength or None when not judgeable, sign, support, evidence, coverage, sign indicators lacking evidence)."""
    defining = rule.defining
    usable = {k: v for k, v in values.items() if v.enough(settings)}
    degrees: dict[str, float] = {}
    evidence: list[Evidence] = []
    used = 0.0
    for c in rule.conditions:
        iv = usable.get(c.indicator)
        if iv is None:
            continue
        d = c.degree(iv.value)
        degrees[c.indicator] = d
        used += c.weight
        if d > 0:
            evidence.append(Evidence(c.indicator, iv.value, c.start, c.full, c.direction, c.weight, d,
                                     c.indicator in defining, iv.n, iv.partners, iv.p, iv.about))
    coverage = used / sum(c.weight for c in rule.conditions)
    lacking = tuple(i for i in rule.defining if i not in usable)
    group_degrees: list[float | None] = []
    for group in rule.signs:
        present = [degrees[i] for i in group if i in degrees]
        thin = any(i in values and i not in usable for i in group)
        best = max(present) if present else None
        # a group whose judged signs are absent but one of whose signs had too few answers is not judged
        group_degrees.append(None if best is None or (best == 0.0 and thin) else best)
    if any(g == 0.0 for g in group_degrees if g is not None):
        sign = 0.0  # a sign group was judged and is absent: the problem is not there, whatever else is unknown
    elif any(g is None for g in group_degrees):
        return None, 0.0, 0.0, (), coverage, lacking
    else:
        sign = min(g for g in group_degrees if g is not None)
    if not any(c.indicator not in defining for c in rule.conditions):
        return sign, sign, 0.0, _sorted(evidence), coverage, lacking  # nothing but signs: the sign is the strength
    others = [c for c in rule.conditions if c.indicator not in defining and c.indicator in degrees]
    weight = sum(c.weight for c in others)
    support = sum(c.weight * degrees[c.indicator] for c in others) / weight if weight else 0.0
    strength = sign * (BASE + (1 - BASE) * support)
    return strength, sign, support, _sorted(evidence), coverage, lacking


def _sorted(evidence: list[Evidence]) -> tuple[Evidence, ...]:
    """The signs first, then by weight times degree."""
    return tuple(sorted(evidence, key=lambda e: (not e.defining, -e.weight * e.degree)))


def judge(values: Mapping[str, IndicatorValue], settings: Settings, notices: list[Notice]) -> Judged:
    """All problems with strength > 0, strongest first; a notice for each rule that could not judge."""
    found: list[Finding] = []
    not_judged: dict[str, tuple[str, ...]] = {}
    for rule in RULES:
        strength, sign, support, evidence, coverage, lacking = evaluate(rule, values, settings)
        if strength is None:
            thin = tuple(i for i in lacking if i in values)  # measured, but too few answers or raters
            not_judged[rule.problem] = lacking
            notices.append(notice(f"rule_not_judged:{rule.problem}", thin=thin,
                                  missing=tuple(i for i in lacking if i not in values)))
            continue
        if round(strength, 4) <= 0:  # FORMATS.md §3: only strength > 0, also after rounding
            continue
        found.append(Finding(rule.problem, round(strength, 4), round(sign, 4), round(support, 4), evidence,
                             rule.source, round(coverage, 4)))
    found.sort(key=lambda f: -f.strength)
    return Judged(tuple(found), not_judged)


def strengths(values: Mapping[str, IndicatorValue], scales: Mapping[str, ScaleResult],
              settings: Settings) -> tuple[Strength, ...]:
    """The strengths found, highest first: a scale at or above its level, agreed on, not split between partners."""
    out: list[Strength] = []
    for rule in STRENGTHS:
        iv = values.get(rule.indicator)
        res = scales.get(rule.indicator)
        if iv is None or res is None or not iv.enough(settings) or iv.value < rule.level:
            continue
        if res.rwg is not None and res.rwg < AGREEMENT_LEVEL:
            continue
        if res.divergence is not None and res.divergence.flag:
            continue
        out.append(Strength(rule.id, rule.indicator, iv.value, iv.n, iv.partners, res.rwg, rule.source))
    out.sort(key=lambda s: -s.value)
    return tuple(out)
