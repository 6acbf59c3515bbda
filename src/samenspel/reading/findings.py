"""Findings: what a diagnosis says, each with a stable id and its evidence, ranked once for every output.

A finding is one thing worth saying: a problem the rules found, a clear
difference between partners, a very low score, a tension that hinders, a
meaningful drop since the previous round, or a strength. Its id is
``kind:code`` (``problem:under_organisation``, ``divergence:ambition``,
``strength:relation``) and stays the same across rounds and questionnaire
versions, so later work (actions, norms) can refer to it.

The ranking (docs/RULES.md, "Page one"): clear findings before weak ones;
among clear ones, problems by strength (at most two on page one while other
kinds are there), then a meaningful drop, a clear difference between
partners, a very low score, a hindering tension. Page one takes the first
three that are not about the same thing: a difference on ambition is left
out when a problem already rests on ambition. No renderer ranks for itself.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from samenspel.analysis import Diagnosis
from samenspel.analysis.problems import RANGE_LARGE

KIND_ORDER: tuple[str, ...] = ("problem", "drop", "divergence", "low", "tension")
"""Kinds of finding in order of importance (page one)."""
PAGE_ONE = 3
"""Findings on page one."""
MAX_PROBLEMS_ON_TOP = 2
"""At most this many problems among the page-one findings while clear findings of other kinds exist."""
RANGE_NOTABLE = 15.0
"""A tested difference between partners is reported from this many points between the highest and lowest partner."""
LOW_SCORE = 40.0
"""A domain score below this is very low (the midpoint is 50)."""
TENSION_CLEAR = 65.0
"""A paradox hindering at least this much (0-100) is a clear finding; from 60 it is listed."""
TENSION_LISTED = 60.0
STRENGTHS_ON_TOP = 2
"""Strengths on page one."""


@dataclass(frozen=True)
class Evidence:
    """One line of evidence, language-free: the number, what it rests on, and where the sign begins."""

    indicator: str
    value: float
    n: int
    partners: int
    threshold: float | None = None
    direction: str | None = None
    p: float | None = None
    about: tuple[str, ...] = ()
    defining: bool = False
    margin: float | None = None  # half-width of the 95% interval of a score

    def to_dict(self) -> dict[str, object]:
        return {"indicator": self.indicator, "value": self.value, "n": self.n, "partners": self.partners,
                "threshold": self.threshold, "direction": self.direction, "p": self.p, "about": list(self.about),
                "defining": self.defining, "margin": self.margin}


@dataclass(frozen=True)
class Finding:
    """Something worth saying, with a stable id, its weight for ranking and its evidence."""

    id: str
    kind: str  # problem, drop, divergence, low, tension, strength, rise
    code: str
    weight: float  # 0-1 within a kind
    clear: bool  # a clear signal (may go on page one)
    evidence: tuple[Evidence, ...]
    about: frozenset[str]  # what it is about: domain:X, signal:Y, paradox:Z, network:...
    facts: Mapping[str, object] = field(default_factory=dict)  # the numbers its headline needs
    source: str = ""

    def to_dict(self) -> dict[str, object]:
        return {"id": self.id, "kind": self.kind, "code": self.code, "weight": round(self.weight, 4),
                "clear": self.clear, "about": sorted(self.about), "facts": dict(self.facts),
                "evidence": [e.to_dict() for e in self.evidence], "source": self.source}


def _about(indicator: str) -> str:
    if indicator.startswith("domain."):
        return "domain:" + indicator.split(".", 1)[1]
    if indicator == "ambition_gap" or indicator == "ambition_change":
        return "domain:ambition"
    if indicator.startswith("signal."):
        return "signal:" + indicator.split(".", 1)[1]
    if indicator.startswith("network."):
        return "network:" + indicator.split(".", 1)[1]
    return indicator


def problems(d: Diagnosis) -> list[Finding]:
    """The problems at or above the notable strength: clear from ``strong_problem``."""
    out = []
    for f in d.problems:
        if f.strength < d.settings.notable_problem:
            continue
        evidence = tuple(Evidence(e.indicator, e.value, e.n, e.partners, e.threshold, e.direction, e.p, e.about,
                                  e.defining, _margin(d, e.indicator)) for e in f.evidence)
        about = frozenset(_about(e.indicator) for e in f.evidence if e.defining)
        out.append(Finding(f"problem:{f.id}", "problem", f.id, f.strength, f.strength >= d.settings.strong_problem,
                           evidence, about, {"strength": f.strength}, f.source))
    return out


def _margin(d: Diagnosis, indicator: str) -> float | None:
    kind, _, key = indicator.partition(".")
    res = (d.domains.get(key) if kind == "domain" else d.signals.get(key) if kind == "signal"
           else d.scales.get(indicator))
    return res.margin if res is not None else None


def _enough(d: Diagnosis, n: int, partners: int) -> bool:
    return n >= d.settings.min_evidence_n and partners >= d.settings.min_evidence_partners


def divergences(d: Diagnosis) -> list[Finding]:
    """Domains on which partners differ: a tested difference (Holm) of at least ``RANGE_NOTABLE`` points."""
    out = []
    for key, r in d.domains.items():
        div = r.divergence
        shown = {p: v for p, v in r.by_partner.items() if v is not None}
        if div is None or not div.flag or len(shown) < 2:
            continue
        hi_p = max(shown, key=lambda p: shown[p])
        lo_p = min(shown, key=lambda p: shown[p])
        spread = shown[hi_p] - shown[lo_p]
        if spread < RANGE_NOTABLE:
            continue
        ev = Evidence(f"divergence.{key}", spread, r.n, div.groups, RANGE_NOTABLE, "high", div.p_holm)
        out.append(Finding(f"divergence:{key}", "divergence", key, min(1.0, spread / 40.0), spread >= RANGE_LARGE,
                           (ev,), frozenset({f"domain:{key}"}),
                           {"hi": shown[hi_p], "hi_p": hi_p, "lo": shown[lo_p], "lo_p": lo_p, "n": r.n,
                            "eta2": div.eta2, "p": div.p_holm}))
    return out


def low_scores(d: Diagnosis) -> list[Finding]:
    """Domains scoring very low, on enough answers."""
    out = []
    for key, r in d.domains.items():
        if r.score is None or r.score >= LOW_SCORE or not _enough(d, r.n, r.n_partners):
            continue
        ev = Evidence(f"domain.{key}", r.score, r.n, r.n_partners, LOW_SCORE, "low", margin=r.margin)
        out.append(Finding(f"low:{key}", "low", key, min(1.0, (LOW_SCORE - r.score) / LOW_SCORE + 0.5), True,
                           (ev,), frozenset({f"domain:{key}"}), {"score": r.score, "n": r.n}))
    return out


def tensions(d: Diagnosis) -> list[Finding]:
    """Paradoxes whose tension hinders the work, on enough answers."""
    out = []
    for key, p in d.paradoxes.items():
        if p.tension is None or p.tension < TENSION_LISTED or not _enough(d, p.n_tension, p.n_partners):
            continue
        ev = Evidence(f"tension.{key}", p.tension, p.n_tension, p.n_partners, TENSION_LISTED, "high")
        out.append(Finding(f"tension:{key}", "tension", key, (p.tension - 50) / 50, p.tension >= TENSION_CLEAR,
                           (ev,), frozenset({f"paradox:{key}"}), {"tension": p.tension, "n": p.n_tension}))
    return out


def changes(d: Diagnosis) -> tuple[list[Finding], list[Finding]]:
    """Meaningful drops (findings) and rises (strengths) of the domains since the previous round."""
    drops, rises = [], []
    if d.trend is None:
        return drops, rises
    for key, s in d.trend.domains.items():
        if not s.meaningful or s.change is None:
            continue
        n = s.test.get("n")
        n = int(n) if isinstance(n, int) else 0
        partners = d.domains[key].n_partners if key in d.domains else 0
        ev = Evidence(f"change.{key}", s.change, n, partners, d.settings.min_important_change, None,
                      s.test.get("p") if isinstance(s.test.get("p"), float) else None)  # type: ignore[arg-type]
        facts = {"prev": s.previous, "now": s.current, "change": s.change, "n": n}
        if s.change < 0:
            drops.append(Finding(f"drop:{key}", "drop", key, min(1.0, 0.5 - s.change / 30.0), True, (ev,),
                                 frozenset({f"domain:{key}"}), facts))
        else:
            rises.append(Finding(f"rise:{key}", "rise", key, min(1.0, 0.5 + s.change / 30.0), True, (ev,),
                                 frozenset({f"domain:{key}"}), facts))
    return drops, rises


def strengths(d: Diagnosis) -> list[Finding]:
    """The strengths the strength rules found (``analysis.rules.STRENGTHS``)."""
    out = []
    for s in d.strengths:
        key = s.indicator.split(".", 1)[1] if s.indicator.startswith("domain.") else s.indicator
        margin = _margin(d, s.indicator)
        ev = Evidence(s.indicator, s.value, s.n, s.partners, None, None, margin=margin)
        about = f"domain:{key}" if s.indicator.startswith("domain.") else s.indicator
        out.append(Finding(f"strength:{s.id}", "strength", s.id, s.value / 100.0, True, (ev,), frozenset({about}),
                           {"score": s.value, "n": s.n, "indicator": s.indicator, "agreement": s.agreement},
                           s.source))
    return out


def rank(found: list[Finding]) -> list[Finding]:
    """Clear before weak, then by kind (``KIND_ORDER``), then by weight; stable for equal weights."""
    return sorted(found, key=lambda f: (not f.clear, KIND_ORDER.index(f.kind), -f.weight))


def page_one(ranked: list[Finding], k: int = PAGE_ONE) -> list[Finding]:
    """Up to ``k`` clear findings, never two about the same thing, at most two problems while other kinds wait."""
    clear = [f for f in ranked if f.clear]
    others = any(f.kind != "problem" for f in clear)
    chosen: list[Finding] = []

    def fits(f: Finding) -> bool:
        return not any(f.about & c.about for c in chosen)

    for f in clear:
        if len(chosen) == k:
            break
        if f.kind == "problem" and others and sum(c.kind == "problem" for c in chosen) >= MAX_PROBLEMS_ON_TOP:
            continue
        if fits(f):
            chosen.append(f)
    for f in clear:  # fill up with problems held back, if nothing else was left
        if len(chosen) < k and f not in chosen and fits(f):
            chosen.append(f)
    return sorted(chosen, key=ranked.index)


def all_findings(d: Diagnosis) -> tuple[list[Finding], list[Finding]]:
    """(every finding ranked, every strength best first) of a diagnosis."""
    drops, rises = changes(d)
    ranked = rank(problems(d) + drops + divergences(d) + low_scores(d) + tensions(d))
    good = sorted(strengths(d) + rises, key=lambda f: (f.kind != "strength", -f.weight))
    return ranked, good
