"""From a reading to what the report template (and the web dashboard) shows: layout only.

The findings, their order, the strengths, the advice, the agenda and every
privacy decision come from the reading (``samenspel.reading``); the words from
``reading.phrases``/``reading.labels``, the numbers from ``reading.notation``.
Here they are arranged into the report's parts and its charts are drawn.
"""

from __future__ import annotations

from collections.abc import Mapping

from dataclasses import dataclass
from datetime import date
from typing import Any

from samenspel.analysis.rules import RULES
from samenspel.instrument.model import Instrument
from samenspel.knowledge.model import KnowledgeBase
from samenspel.reading import naming
from samenspel.reading import phrases as P
from samenspel.reading.labels import t
from samenspel.reading.notation import long_date, num, p_value, pct
from samenspel.reading.reading import Reading
from samenspel.report import charts

ROLES = ("board", "manager", "staff", "other")


@dataclass(frozen=True)
class Options:
    """How the report is laid out; everything it says comes from the reading."""

    lang: str = "nl"
    day: date | None = None  # date printed on the report (default today)


def display_name(alliance: str) -> str:
    """"zorgalliantie-rivierenland" -> "Zorgalliantie Rivierenland"."""
    words = alliance.replace("_", " ").replace("-", " ").split()
    return " ".join(w[:1].upper() + w[1:] for w in words) or "?"


def build_context(r: Reading, kb: KnowledgeBase, instrument: Instrument | None, opt: Options,
                  network_svg: str | None = None, steering: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """What the report (and the dashboard) lay out. ``steering`` is what the web app adds, already worded in
    ``opt.lang``: ``last_time`` ("what we decided last time and what happened": title, intro, items) and
    ``goals`` (the alliance's own goals: title, intro, rows); either may be missing."""
    lang = opt.lang
    d = r.diagnosis
    shown = [P.partner(r, p, lang) for p in r.disclosure.shown]
    hidden = [P.partner(r, p, lang) for p in r.disclosure.hidden]
    ctx: dict[str, Any] = {
        "lang": lang,
        "L": lambda key, **kw: t(key, lang, **kw),
        "title": r.context.name or display_name(d.alliance or ""),
        "round_line": t("round_line", lang, round=P.round_(r, d.round), date=long_date(opt.day or date.today(), lang)),
        "shown": shown,
        "hidden": hidden,
        "min_group": r.disclosure.min_group,
        "strong": num(d.settings.strong_problem, lang, 2),
        "summary_line": P.quality_line(r, kb, lang),
    }
    scores = [f"{naming.domain(kb, k, lang)} {num(res.score, lang)}" for k, res in d.domains.items()
              if res.score is not None]
    ctx["glance"] = t("glance", lang, scores=" · ".join(scores)) if scores else ""
    ctx["signals"] = [{"id": f.id, "headline": P.headline(f, kb, lang), "detail": P.detail(f, r, kb, lang)}
                      for f in r.top]
    ctx["strengths"] = [{"id": f.id, "headline": P.headline(f, kb, lang), "detail": P.detail(f, r, kb, lang)}
                        for f in r.top_strengths]
    ctx["advice"] = [P.advice_item(a, r, kb, lang) for a in r.advice]
    ctx["advice_not_used"] = P.advice_not_used(r, lang)
    ctx["conflicts"] = [P.conflict_text(c, kb, lang) for c in r.conflicts]
    ctx["phase"] = _phase(r, kb, lang)
    ctx["trust"] = _trust(r, kb, lang)
    ctx["domains"] = _domains(r, kb, lang)
    ctx["divergence"] = _divergence(r, kb, instrument, lang)
    ctx["paradoxes"] = _paradoxes(r, kb, lang)
    ctx["network"] = _network(r, lang, network_svg)
    ctx["problems"] = _problems(r, kb, lang)
    ctx["trend"] = _trend(r, kb, lang)
    ctx["agenda"] = _agenda(r, kb, lang)
    ctx["appendix"] = _appendix(r, kb, lang)
    ctx["warnings"] = [P.notice_text(n, r, kb, lang) for n in d.notices]
    ctx["last_time"] = (steering or {}).get("last_time") or None
    ctx["own_goals"] = (steering or {}).get("goals") or None
    return ctx


def _phase(r: Reading, kb: KnowledgeBase, lang: str) -> dict[str, Any] | None:
    ph = r.diagnosis.phase
    if ph is None or ph.modal is None or ph.modal not in kb.phases:
        return None
    known = kb.phases[ph.modal]
    share = ph.distribution.get(str(ph.modal))
    spread = " · ".join(f"{a}: {pct(s, lang)}" for a, s in ph.distribution.items() if s is not None)
    return {"line": t("phase_line", lang, axis=ph.modal, name=known.name.get(lang)),
            "spread": t("phase_spread", lang, parts=spread) + f" (n = {ph.n})" if spread else "",
            "share": t("phase_share", lang, share=pct(share, lang)) if share is not None else "",
            "question": t("phase_question", lang, q=known.question.get(lang)),
            "do": [x.get(lang) for x in known.do], "name": known.name.get(lang), "source": known.source}


def _trust(r: Reading, kb: KnowledgeBase, lang: str) -> dict[str, Any] | None:
    d = r.diagnosis
    tf = d.trust_formal
    if tf is None or tf.quadrant is None or tf.trust is None or tf.formal_overlap is None:
        return None
    q = kb.trust_quadrants.get(tf.quadrant)
    names = {k: x.name.get(lang) for k, x in kb.trust_quadrants.items()}
    svg = charts.quadrant(tf.trust, tf.formal_overlap, d.settings.quadrant_cut, names,
                          t("scale_formal_overlap", lang), t("scale_trust", lang), lang)
    out: dict[str, Any] = {
        "svg": svg, "line": t("trust_line", lang, t=num(tf.trust, lang), f=num(tf.formal_overlap, lang)),
        "name": q.name.get(lang) if q else tf.quadrant, "advice": q.advice.get(lang) if q else "",
        "source": q.source if q else "", "governance": None}
    g = d.governance
    if g is not None and g.advice:
        ga = kb.governance_advice.get(g.advice)
        out["governance"] = {
            "line": t("governance_line", lang, r=num(g.relational_uncertainty, lang), f=num(g.field_uncertainty, lang),
                      name=naming.in_sentence(ga.name.get(lang) if ga else g.advice, lang)),
            "advice": ga.advice.get(lang) if ga else "", "source": ga.source if ga else ""}
    return out


def _domains(r: Reading, kb: KnowledgeBase, lang: str) -> dict[str, Any] | None:
    d = r.diagnosis
    if not d.domains:
        return None
    shown = list(r.disclosure.shown)
    rows = [{"name": naming.domain(kb, k, lang), "score": res.score, "label": num(res.score, lang)}
            for k, res in d.domains.items() if res.score is not None]
    partner_rows = [{"name": naming.domain(kb, k, lang), "partner": P.partner(r, p, lang), "score": res.by_partner[p]}
                    for k, res in d.domains.items() for p in shown if res.by_partner.get(p) is not None]
    svg = charts.domains(rows, partner_rows, [P.partner(r, p, lang) for p in shown], t("score_axis", lang), lang) \
        if rows else None
    header = [t("partner", lang), "n", *(naming.domain(kb, k, lang) for k in d.domains)]
    table = [[t("all_respondents", lang), str(d.n_respondents), *(num(res.score, lang) for res in d.domains.values())]]
    for p in shown:
        table.append([P.partner(r, p, lang), str(r.disclosure.counts.get(p) or ""),
                      *(num(res.by_partner.get(p), lang) for res in d.domains.values())])
    return {"svg": svg, "header": header, "rows": table}


def _eta_words(eta2: float, lang: str) -> str:
    return t("div_large" if eta2 >= 0.14 else "div_medium" if eta2 >= 0.06 else "div_small", lang)


def _range(r: Reading, by_partner: dict[str, float | None], lang: str) -> str:
    shown = {p: v for p, v in by_partner.items() if v is not None}
    if len(shown) < 2:
        return "–"
    hi = max(shown, key=lambda p: shown[p])
    lo = min(shown, key=lambda p: shown[p])
    return f"{P.partner(r, hi, lang)} {num(shown[hi], lang)} · {P.partner(r, lo, lang)} {num(shown[lo], lang)}"


def _divergence(r: Reading, kb: KnowledgeBase, instrument: Instrument | None, lang: str) -> dict[str, Any]:
    d = r.diagnosis
    rows = []
    for f in r.findings:
        if f.kind != "divergence":
            continue
        res = d.domains[f.code]
        div = res.divergence
        eta2 = div.eta2 if div and div.eta2 is not None else 0.0
        rows.append([naming.domain(kb, f.code, lang),
                     f"{_eta_words(eta2, lang)} (eta² {num(eta2, lang, 2)}, {p_value(div.p_holm if div else None, lang)}, "
                     f"n = {res.n})", _range(r, res.by_partner, lang)])
    items = []
    for it in d.divergent_items:
        text = instrument.item(it.item).text.get(lang) if instrument is not None and instrument.has_item(it.item) \
            else it.item
        items.append([text, f"{_eta_words(it.eta2, lang)} (eta² {num(it.eta2, lang, 2)}, n = {it.n})",
                      _range(r, it.by_partner, lang)])
    return {"rows": rows, "questions": items}


def _paradoxes(r: Reading, kb: KnowledgeBase, lang: str) -> dict[str, Any] | None:
    ps = [(k, p) for k, p in r.diagnosis.paradoxes.items() if p.now is not None and p.desired is not None]
    if not ps:
        return None
    ps.sort(key=lambda kp: -(kp[1].tension or 0))
    rows, table = [], []
    for k, p in ps:
        known = kb.paradoxes.get(k)
        rows.append({"pole_a": known.pole_a.get(lang) if known else "A", "pole_b": known.pole_b.get(lang) if known else "B",
                     "now": p.now, "desired": p.desired})
        table.append([naming.paradox(kb, k, lang), num(p.now, lang), num(p.desired, lang), num(p.tension, lang),
                      num(p.polarisation, lang, 2), str(p.n)])
    return {"svg": charts.paradoxes(rows, t("now", lang), t("desired", lang), lang), "rows": table}


def _network(r: Reading, lang: str, svg: str | None) -> dict[str, Any] | None:
    net = r.diagnosis.network
    if net is None:
        return None
    return {"svg": svg,
            "line": t("network_line", lang, d=num(net.density, lang, 2), r=num(net.reciprocity, lang, 2)),
            "findings": P.network_sentences(r, lang)}


def _problems(r: Reading, kb: KnowledgeBase, lang: str) -> dict[str, Any]:
    found, weak = [], []
    phase = r.phase
    for f in r.findings:
        if f.kind != "problem":
            continue
        name = naming.problem(kb, f.code, lang)
        if not f.clear:
            weak.append(f"{name} ({t('strength', lang, s=num(f.weight, lang, 2))})")
            continue
        known = kb.problems.get(f.code)
        ids = [i for i in (known.interventions if known else ()) if i in kb.interventions]
        suited = [i for i in ids if phase is not None and phase in kb.interventions[i].phases]
        chosen = suited or ids
        found.append({
            "id": f.id, "name": name, "strength": t("strength", lang, s=num(f.weight, lang, 2)),
            "width": round(100 * f.weight), "description": known.description.get(lang) if known else "",
            "evidence": [P.evidence_line(e, r, kb, lang) for e in f.evidence],
            "interventions": [{"name": naming.intervention(kb, i, lang), "description": kb.interventions[i].description.get(lang),
                               "source": kb.interventions[i].source} for i in chosen],
            "others": [naming.intervention(kb, i, lang) for i in ids if suited and i not in suited],
            "source": _origin(kb, f.code, f.source, lang),
        })
    for nj in r.not_judged:
        notice = next(n for n in r.diagnosis.notices if n.code == f"rule_not_judged:{nj.problem}")
        weak.append(P.notice_text(notice, r, kb, lang))
    return {"found": found, "weak": weak}


def _origin(kb: KnowledgeBase, problem: str, source: str, lang: str) -> str:
    """Where a problem comes from in words: "after 004 Start", or an own elaboration on a title-only
    section (seed 001 §8.4 gives only the nine problems' titles) said as such (knowledge.provenance)."""
    if problem not in kb.problems:
        return source
    return kb.provenance(problem).text(lang)


def _trend(r: Reading, kb: KnowledgeBase, lang: str) -> dict[str, Any] | None:
    tr = r.diagnosis.trend
    if tr is None:
        return None
    rows, chart_rows = [], []
    for k, s in tr.domains.items():
        p = s.test.get("p")
        verdict = t("yes" if s.meaningful else "no", lang)
        detail = f"{p_value(p if isinstance(p, float) else None, lang)}, n = {s.test.get('n')}"
        name = naming.domain(kb, k, lang)
        rows.append([name, num(s.previous, lang), num(s.current, lang), num(s.change, lang, 1, sign=True),
                     f"{verdict} ({detail})"])
        if s.previous is not None and s.current is not None:
            chart_rows.append({"name": name, "previous": s.previous, "current": s.current})
    prev_label = f"{t('previous', lang)} ({P.round_(r, tr.previous_round)})"
    now_label = f"{t('now', lang)} ({P.round_(r, r.diagnosis.round)})"
    svg = charts.trend(chart_rows, prev_label, now_label, lang) if chart_rows else None
    new = [naming.problem(kb, i, lang) for i in tr.new_problems]
    gone = [naming.problem(kb, i, lang) for i in tr.gone_problems]
    rule = t("trend_rule", lang, level="p < " + num(r.diagnosis.settings.test_level, lang, 2),
             min=num(r.diagnosis.settings.min_important_change, lang))
    return {"intro": t("trend_intro", lang, r=P.round_(r, tr.previous_round)) + " " + rule, "rows": rows, "svg": svg,
            "new": t("new_problems", lang, p=", ".join(new)) if new else "",
            "gone": t("gone_problems", lang, p=", ".join(gone)) if gone else ""}


def _agenda(r: Reading, kb: KnowledgeBase, lang: str) -> list[dict[str, Any]]:
    out = []
    for step in r.agenda:
        name, description = P.agenda_titles(step, kb, lang)
        lines: list[str] = []
        groups: list[dict[str, Any]] = []
        for fid in step.findings:
            f = r.finding(fid)
            if f is not None:
                lines.append(f"{P.headline(f, kb, lang)}. {P.detail(f, r, kb, lang)}")
        for pid in step.questions_for:
            known = kb.problems[pid]
            groups.append({"title": t("agenda_questions", lang, name=naming.in_sentence(known.name.get(lang), lang)),
                           "items": [q.get(lang) for q in known.questions]})
        if step.interventions:
            groups.append({"title": t("agenda_options", lang),
                           "items": [naming.intervention(kb, i, lang) for i in step.interventions]})
        if step.phase_do and r.phase in kb.phases:
            ph = kb.phases[r.phase]
            groups.append({"title": t("agenda_phase", lang, name=naming.in_sentence(ph.name.get(lang), lang)),
                           "items": [x.get(lang) for x in ph.do]})
        source = next((s.source for s in kb.reflection_steps if s.id == step.step), "")
        out.append({"number": t("step", lang, n=step.order), "name": name, "description": description,
                    "lines": lines, "groups": groups, "decisions": step.decisions, "source": source})
    return out


def _appendix(r: Reading, kb: KnowledgeBase, lang: str) -> dict[str, Any]:
    d = r.diagnosis
    disclosure = r.disclosure
    rows = []
    for p, n in disclosure.counts.items():
        if n is not None:
            inv = disclosure.invited.get(p)
            rows.append([P.partner(r, p, lang), str(n), str(inv) if inv else "–", pct(disclosure.rate(p), lang)])
        else:
            rows.append([P.partner(r, p, lang), t("too_few", lang), "", ""])
    total_rate = disclosure.total_rate
    total = [t("total", lang), str(d.n_respondents), str(sum(disclosure.invited.values())) if disclosure.invited else "–",
             pct(total_rate, lang)]
    role_text = ", ".join(f"{t('role_' + k, lang)} {n}" for k, n in d.roles.items()
                          if n is not None and k in ROLES)
    reliability = []
    for group in (d.domains, d.scales):
        for k, res in group.items():
            rel = res.reliability
            if rel is None:
                continue
            reliability.append([naming.scale(kb, k, lang), str(rel.k), str(rel.n), num(rel.alpha, lang, 2),
                                num(rel.omega, lang, 2), num(res.rwg, lang, 2)])
    sources = [f"{s.id}: {s.citation(lang)}" for s in kb.sources.values()]
    rules = [[naming.problem(kb, rule.problem, lang),
              "; ".join(f"{P.indicator_name(c.indicator, kb, lang)} ({t('rule_' + c.direction, lang)}"
                        f"{', ' + t('ev_defining', lang) if c.indicator in rule.defining else ''})"
                        for c in rule.conditions), _origin(kb, rule.problem, rule.source, lang)] for rule in RULES]
    return {"rows": rows, "total": total, "invited": bool(disclosure.invited),
            "roles": t("roles_line", lang, roles=role_text) if role_text else "",
            "reliability": reliability, "rules": rules,
            "reliability_text": t("reliability_text", lang, low=num(d.settings.alpha_low, lang, 2)),
            "privacy": " ".join([t("privacy_text", lang, min=disclosure.min_group)] + [
                t("privacy_changed", lang, date=date, old=old, new=new)
                for date, old, new in (r.context.min_group_changes if r.context else ())]),
            "sources": sources,
            "hidden": P.hidden_lines(r, lang)}
