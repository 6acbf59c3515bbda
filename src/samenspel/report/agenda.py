"""The agenda for the next reflection moment, filled with this alliance's findings.

The four steps come from the knowledge base (seed 002 §3): map diversity and
synergy, analyse bottlenecks, debate alternatives, decide. We put under each
step what this measurement brings to it: strongest and weakest angle and the
clear differences (step 1); each problem with the questions partners ask each
other (step 2); interventions to weigh, those suited to the phase first
(step 3); the phase's "what to do" from seed 004 and a table for decisions
(step 4).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from samenspel.knowledge.model import KnowledgeBase
from samenspel.report import naming
from samenspel.report.labels import t
from samenspel.report.notation import num

MAX_INTERVENTIONS = 3
"""Interventions per problem on the agenda; the report's problem section lists them all."""


def _problems_on_agenda(d: Mapping[str, Any], strong: float) -> list[Mapping[str, Any]]:
    found = list(d.get("problems") or [])
    clear = [f for f in found if f["strength"] >= strong]
    return clear or found[:1]


def agenda(d: Mapping[str, Any], kb: KnowledgeBase, lang: str, strong: float) -> list[dict[str, Any]]:
    """One entry per reflection step: name, description, and findings (lines and groups of questions)."""
    steps = sorted(kb.reflection_steps, key=lambda s: s.order)
    problems = _problems_on_agenda(d, strong)
    out: list[dict[str, Any]] = []
    for pos, step in enumerate(steps, 1):
        lines: list[str] = []
        groups: list[dict[str, Any]] = []
        if pos == 1:
            scored = [(r["score"], k) for k, r in (d.get("domains") or {}).items() if r.get("score") is not None]
            if scored:
                hi, lo = max(scored), min(scored)
                lines.append(t("agenda_strong", lang, name=naming.domain(kb, hi[1], lang), score=num(hi[0], lang)))
                if lo != hi:
                    lines.append(t("agenda_weak", lang, name=naming.domain(kb, lo[1], lang), score=num(lo[0], lang)))
            for k, r in (d.get("domains") or {}).items():
                if (r.get("divergence") or {}).get("flag"):
                    lines.append(t("sig_divergence", lang, name=naming.in_sentence(naming.domain(kb, k, lang), lang)) + ".")
            overlap = (d.get("motives") or {}).get("overlap")
            if overlap is not None:
                lines.append(t("agenda_motives", lang, o=num(overlap, lang, 2)))
        elif pos == 2:
            for f in problems:
                known = kb.problems.get(f["id"])
                if known and known.questions:
                    groups.append({"title": t("agenda_questions", lang, name=naming.in_sentence(
                        naming.problem(kb, f["id"], lang), lang)), "items": [q.get(lang) for q in known.questions]})
        elif pos == 3:
            for f in problems:
                ids = list(f.get("interventions") or [])[:MAX_INTERVENTIONS]
                if ids:
                    groups.append({"title": naming.problem(kb, f["id"], lang),
                                   "items": [naming.intervention(kb, i, lang) for i in ids]})
        elif pos == 4:
            axis = (d.get("phase") or {}).get("modal")
            if axis in kb.phases:
                ph = kb.phases[axis]
                groups.append({"title": t("agenda_phase", lang, name=naming.in_sentence(ph.name.get(lang), lang)),
                               "items": [x.get(lang) for x in ph.do]})
        out.append({"number": t("step", lang, n=step.order), "name": step.name.get(lang),
                    "description": step.description.get(lang), "lines": lines, "groups": groups,
                    "decisions": pos == len(steps), "source": step.source})
    return out
