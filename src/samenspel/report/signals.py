"""Page one: the strongest signals of a diagnosis and what to discuss first.

A steering group reads one page. We rank what the analysis found by how
loud it is, not by theme: problems by their strength; a clear difference
between partners by its effect size (eta² 0.2 counts as loud as a strength
of 0.8); a domain score below the midpoint by its distance to 50; a paradox
that hinders by how far its hindrance passes 50; and a meaningful drop since
the previous round. No new statistics: every number comes from the diagnosis.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from samenspel.knowledge.model import KnowledgeBase
from samenspel.report import naming
from samenspel.report.labels import t
from samenspel.report.notation import num, p_value
from samenspel.report.privacy import local_decimals, shown_partners

LOW_SCORE = 50.0
"""A domain score below this (the midpoint) is a signal."""
TENSION_HIGH = 60.0
"""A paradox whose hindrance reaches this is a signal."""
ALPHA = 0.05
"""A change with a p-value below this is called meaningful."""


@dataclass(frozen=True, slots=True)
class Signal:
    loudness: float  # for ordering only
    headline: str
    detail: str
    kind: str = ""  # problem, divergence, low, tension, drop


def strongest(found: list[Signal], k: int = 3) -> list[Signal]:
    """The ``k`` loudest signals, but first the loudest of each kind, so one theme cannot fill page one."""
    picked: list[Signal] = []
    for s in found:
        if len(picked) < k and all(p.kind != s.kind for p in picked):
            picked.append(s)
    for s in found:
        if len(picked) < k and s not in picked:
            picked.append(s)
    return sorted(picked, key=lambda s: -s.loudness)


def partner_range(by_partner: Mapping[str, Any], shown: list[str]) -> tuple[str, float, str, float] | None:
    """Highest and lowest partner (only partners that may be shown)."""
    vals = [(p, float(v)) for p, v in by_partner.items() if p in shown and isinstance(v, (int, float))]
    if len(vals) < 2:
        return None
    hi = max(vals, key=lambda pv: pv[1])
    lo = min(vals, key=lambda pv: pv[1])
    return hi[0], hi[1], lo[0], lo[1]


def signals(d: Mapping[str, Any], kb: KnowledgeBase, lang: str, strong: float) -> list[Signal]:
    """All signals, loudest first."""
    out: list[Signal] = []
    shown = shown_partners(d)
    for f in d.get("problems") or []:
        if f["strength"] >= strong:
            evidence = f.get("evidence") or []
            out.append(Signal(f["strength"], t("sig_problem", lang, name=naming.problem(kb, f["id"], lang)),
                              local_decimals(evidence[0], lang) if evidence else "", "problem"))
    for key, r in (d.get("domains") or {}).items():
        name = naming.in_sentence(naming.domain(kb, key, lang), lang)
        div = r.get("divergence") or {}
        rng = partner_range(r.get("by_partner") or {}, shown)
        if div.get("flag") and div.get("eta2") is not None and rng:
            hi_p, hi, lo_p, lo = rng
            out.append(Signal(0.8 * min(1.0, div["eta2"] / 0.2), t("sig_divergence", lang, name=name),
                              t("sig_divergence_detail", lang, hi=num(hi, lang), hi_p=hi_p, lo=num(lo, lang), lo_p=lo_p), "divergence"))
        score = r.get("score")
        if score is not None and score < LOW_SCORE:
            out.append(Signal((LOW_SCORE - score) / LOW_SCORE, t("sig_low", lang, name=name),
                              t("sig_low_detail", lang, score=num(score, lang)), "low"))
    for key, p in (d.get("paradoxes") or {}).items():
        tension = p.get("tension")
        if tension is not None and tension >= TENSION_HIGH:
            out.append(Signal(0.7 * (tension - 50) / 50, t("sig_tension", lang, name=f"‘{naming.paradox(kb, key, lang)}’"),
                              t("sig_tension_detail", lang, t=num(tension, lang)), "tension"))
    trend = d.get("trend") or {}
    for key, s in (trend.get("domains") or {}).items():
        change, p = s.get("change"), (s.get("test") or {}).get("p")
        if change is not None and change < 0 and p is not None and p < ALPHA:
            out.append(Signal(0.5 + min(0.3, -change / 50), t("sig_drop", lang, name=naming.domain(kb, key, lang)),
                              t("sig_drop_detail", lang, prev=num(s.get("previous"), lang), now=num(s.get("current"), lang),
                                p=p_value(p, lang)), "drop"))
    out.sort(key=lambda s: -s.loudness)
    return [s for s in out if s.loudness > 0]


def discuss_first(d: Mapping[str, Any], kb: KnowledgeBase, lang: str) -> list[str]:
    """Up to three conversation starters: the loudest problem, the largest difference, the phase's first task."""
    out: list[str] = []
    problems = d.get("problems") or []
    if problems:
        top = problems[0]
        known = kb.problems.get(top["id"])
        if known and known.questions:
            out.append(t("discuss_problem", lang, name=naming.problem(kb, top["id"], lang),
                         question=known.questions[0].get(lang)))
    flagged = [(r["divergence"]["eta2"], k) for k, r in (d.get("domains") or {}).items()
               if (r.get("divergence") or {}).get("flag") and r["divergence"].get("eta2") is not None]
    if flagged:
        key = max(flagged)[1]
        out.append(t("discuss_divergence", lang, name=naming.in_sentence(naming.domain(kb, key, lang), lang)))
    phase = d.get("phase") or {}
    axis = phase.get("modal")
    if axis in kb.phases and kb.phases[axis].do:
        ph = kb.phases[axis]
        out.append(t("discuss_phase", lang, name=naming.in_sentence(ph.name.get(lang), lang), todo=ph.do[0].get(lang)))
    return out
