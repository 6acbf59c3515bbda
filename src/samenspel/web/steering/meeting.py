"""The reflection meeting: a round's reading laid out in the four steps of seed 002 §3.

The steps come from the reading's agenda (``reading.advice.agenda``), so the
meeting, the report's agenda and the dashboard never disagree about what the
round brings to each step. Every figure is the reading's own (after
disclosure control: partners below the minimum group never get a figure),
with its n; nothing here reads raw answers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from samenspel.knowledge.model import KnowledgeBase
from samenspel.reading import Reading
from samenspel.reading import advice as advising
from samenspel.reading import naming
from samenspel.reading import phrases as P
from samenspel.reading.findings import Finding


@dataclass
class FindingSlide:
    """One finding as the meeting shows it: headline, evidence (with n), questions to ask each other."""

    id: str
    kind: str
    headline: str
    detail: str
    evidence: list[str]
    questions: list[str] = field(default_factory=list)
    questions_about: str = ""
    said: list[str] = field(default_factory=list)  # meeting notes on this finding


def _slide(f: Finding, r: Reading, kb: KnowledgeBase, lang: str) -> FindingSlide:
    detail = P.detail(f, r, kb, lang)
    # a problem's detail is its first evidence line: list only the evidence the detail does not already say
    evidence = [line for e in f.evidence if (line := P.evidence_line(e, r, kb, lang, stats=False)) != detail]
    slide = FindingSlide(f.id, f.kind, P.headline(f, kb, lang), detail, evidence)
    problem = advising._problem_for(f, kb)  # the same mapping the advice uses
    known = kb.problems.get(problem) if problem else None
    if known is not None:
        slide.questions = [q.get(lang) for q in known.questions]
        slide.questions_about = naming.problem(kb, known.id, lang)
    return slide


def steps(r: Reading, kb: KnowledgeBase, lang: str) -> dict[str, Any]:
    """What each of the four steps shows, in ``lang``."""
    titles = {s.order: P.agenda_titles(s, kb, lang) for s in r.agenda}
    sources = {s.id: s.source for s in kb.reflection_steps}
    step_ids = {s.order: s.step for s in r.agenda}
    seen_ids = {fid for s in r.agenda if s.order == 1 for fid in s.findings}
    strengths = [_slide(f, r, kb, lang) for f in r.strengths if f.id in seen_ids or f in r.top_strengths]
    findings = [_slide(f, r, kb, lang) for f in r.top]
    advice = [{**P.advice_item(a, r, kb, lang), "id": a.intervention, "finding": a.finding} for a in r.advice]
    advised = {a.intervention for a in r.advice}
    options = [{"name": naming.intervention(kb, i, lang),
                "description": kb.interventions[i].description.get(lang) if i in kb.interventions else "",
                "source": kb.interventions[i].source if i in kb.interventions else ""}
               for s in r.agenda for i in s.interventions if i not in advised]
    phase_do: list[str] = []
    if r.phase is not None and r.phase in kb.phases:
        phase_do = [x.get(lang) for x in kb.phases[r.phase].do]

    def title(order: int) -> dict[str, str]:
        name, description = titles.get(order, ("", ""))
        return {"name": name, "description": description, "source": sources.get(step_ids.get(order, ""), "")}

    return {
        "titles": [title(i) for i in (1, 2, 3, 4)],
        "strengths": strengths,
        "findings": findings,
        "advice": advice,
        "options": options,
        "phase_do": phase_do,
        "summary": P.quality_line(r, kb, lang),
    }


def addressable(r: Reading | None, kb: KnowledgeBase, lang: str) -> list[tuple[str, str]]:
    """What a decision may address: the round's findings, then every angle (domain) as a measure."""
    out: list[tuple[str, str]] = []
    if r is not None:
        out += [(f.id, P.headline(f, kb, lang)) for f in (*r.findings, *r.strengths)]
    out += [(f"domain:{k}", naming.domain(kb, k, lang)) for k in kb.domains]
    return out
