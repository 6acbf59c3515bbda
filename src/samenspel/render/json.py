"""The diagnosis JSON (FORMATS.md §3, schema ``samenspel-diagnosis/2``) laid out from a reading.

The must-keys keep their meaning: ``problems`` are all exemplary problems with
a strength above 0, strongest first, each with ``evidence`` sentences in the
output's language and ``interventions`` ids (those that fit the alliance
first); ``warnings`` are sentences too. Schema 2 (FORMATS.md §4): a partner
below the minimum group has ``n: null`` with ``n_below``, and findings carry
stable ids ``kind:code``. Everything else is in documented extra keys
(docs/FORMATS.md §3): the ranked ``findings`` with structured evidence,
``page_one``, ``strengths``, ``advice``, ``conflicts``, ``quality``,
``disclosure`` and ``context``.
"""

from __future__ import annotations

import json
from typing import Any

from samenspel.analysis.diagnosis import clean
from samenspel.analysis.disclosure import OTHER
from samenspel.knowledge.model import KnowledgeBase
from samenspel.reading import naming
from samenspel.reading import phrases as P
from samenspel.reading.advice import ranked_interventions
from samenspel.reading.findings import Finding
from samenspel.reading.reading import Reading

SCHEMA = "samenspel-diagnosis/2"


def _finding(f: Finding, r: Reading, kb: KnowledgeBase, lang: str) -> dict[str, Any]:
    out = f.to_dict()
    out["headline"] = P.headline(f, kb, lang)
    out["detail"] = P.detail(f, r, kb, lang)
    for e, line in zip(out["evidence"], f.evidence):
        e["text"] = P.evidence_line(line, r, kb, lang)
    return out


def _partners(r: Reading, lang: str) -> dict[str, Any]:
    """Schema 2: a partner below the minimum has ``n: null`` and ``n_below``; the merged group is ``~other``."""
    out: dict[str, Any] = {}
    m = r.disclosure.min_group
    hidden = set(r.disclosure.hidden)
    for p, n in r.diagnosis.partners.items():
        if p in hidden:
            continue
        entry: dict[str, Any] = {"n": n, "shown": n >= m, "name": P.partner(r, p, lang)}
        if p == OTHER:
            entry["members"] = list(r.disclosure.merged)
        out[p] = entry
    for p in r.disclosure.hidden:
        out[p] = {"n": None, "shown": False, "n_below": m, "name": P.partner(r, p, lang),
                  "published_in": OTHER if p in r.disclosure.merged else None}
    return out


def diagnosis_json(r: Reading, kb: KnowledgeBase, lang: str = "nl") -> dict[str, Any]:
    """The diagnosis JSON of one reading in ``lang``."""
    d = r.diagnosis
    base = d.to_dict()
    findings_by_problem = {f.code: f for f in r.findings if f.kind == "problem"}
    problems = []
    for prob in d.problems:
        ranked = [i for i, _ in ranked_interventions(prob.id, kb, r.phase, r.context, measured=r.measured)]
        found = findings_by_problem.get(prob.id)
        evidence = [P.evidence_line(e, r, kb, lang) for e in found.evidence] if found else []
        if not evidence:  # a problem below the notable strength: its evidence without the reading's margins
            from samenspel.reading.findings import Evidence

            evidence = [P.evidence_line(Evidence(e.indicator, e.value, e.n, e.partners, e.threshold, e.direction,
                                                 e.p, e.about, e.defining), r, kb, lang) for e in prob.evidence]
        problems.append({
            "id": prob.id, "strength": prob.strength, "evidence": evidence, "interventions": ranked,
            "finding": f"problem:{prob.id}", "clear": prob.strength >= d.settings.strong_problem,
            "name": naming.problem(kb, prob.id, lang), "source": prob.source, "sign": prob.sign,
            "support": prob.support, "coverage": prob.coverage, "indicators": [e.to_dict() for e in prob.evidence],
        })
    phase = base["phase"]
    if isinstance(phase, dict) and phase.get("modal") in kb.phases:
        phase["name"] = kb.phases[phase["modal"]].name.get(lang)
    out: dict[str, Any] = {
        "alliance": d.alliance,
        "round": d.round,
        "n_respondents": d.n_respondents,
        "scope": "published_groups",
        "partners": _partners(r, lang),
        "domains": base["domains"],
        "paradoxes": base["paradoxes"],
        "phase": phase,
        "trust_formal": base["trust_formal"],
        "governance": base["governance"],
        "conflict": base["conflict"],  # kinds of conflict named (2.0 leadership module); null = not asked
        "network": base["network"],
        "problems": problems,
        "warnings": [P.notice_text(n, r, kb, lang) for n in d.notices],
        # extensions (docs/FORMATS.md §3)
        "schema": SCHEMA,
        "language": lang,
        "rounds": list(d.rounds),
        "min_group": d.settings.min_group,
        "roles": base["roles"],
        "scales": base["scales"],
        "signals": base["signals"],
        "motives": base["motives"],
        "factors": {"failure": [f for f in base["factors"] if f["kind"] == "failure"],  # type: ignore[index, union-attr]
                    "success": [f for f in base["factors"] if f["kind"] == "success"]},  # type: ignore[index, union-attr]
        "divergent_items": base["divergent_items"],
        "indicators": base["indicators"],
        "not_counted": base["not_counted"],
        "warning_codes": [n.code for n in d.notices],
        "findings": [_finding(f, r, kb, lang) for f in r.findings],
        "strengths": [_finding(f, r, kb, lang) for f in r.strengths],
        "page_one": {
            "findings": [f.id for f in r.top],
            "strengths": [f.id for f in r.top_strengths],
            "quality": P.quality_line(r, kb, lang),
            "phase": P.phase_line(r, kb, lang),
            "quadrant": P.quadrant_name(r, kb, lang),
        },
        "advice": [{**a.to_dict(), **P.advice_item(a, r, kb, lang)} for a in r.advice],
        "advice_not_used": list(r.advice_not_used),
        "conflicts": [{**c.to_dict(), "text": P.conflict_text(c, kb, lang)} for c in r.conflicts],
        "quality": r.quality.to_dict(),
        "not_judged": [n.to_dict() for n in r.not_judged],
        "disclosure": r.disclosure.to_dict(),
        "context": {"name": r.context.name, "collaboration_form": r.context.collaboration_form,
                    "alliance_form": r.context.alliance_form, "governance_model": r.context.governance_model,
                    "phase_model": r.context.phase_model},
    }
    if d.trend is not None:
        out["trend"] = base["trend"]
    return clean(out)  # type: ignore[return-value]


def render_json(r: Reading, kb: KnowledgeBase, lang: str = "nl") -> str:
    return json.dumps(diagnosis_json(r, kb, lang), ensure_ascii=False, indent=2) + "\n"
