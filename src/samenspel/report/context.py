"""From a diagnosis (its JSON form) and the knowledge base to what the template shows.

Works on ``Diagnosis.to_dict(lang)`` so the web app can feed the same data.
All rounding, language and naming happens here; the template only lays out.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from samenspel.analysis.rules import INDICATORS, RULES
from samenspel.instrument.model import Instrument
from samenspel.knowledge.model import KnowledgeBase
from samenspel.report import charts, naming
from samenspel.report.agenda import agenda
from samenspel.report.labels import t
from samenspel.report.notation import long_date, num, p_value, pct
from samenspel.report.privacy import hidden_partners, local_decimals, network_sentences, shown_partners
from samenspel.report.signals import ALPHA, discuss_first, partner_range, signals, strongest

ROLES = ("board", "manager", "staff", "other")


@dataclass(frozen=True)
class Options:
    """What the report needs besides the diagnosis data (settings the JSON does not carry)."""

    lang: str = "nl"
    title: str | None = None  # display name of the alliance; default from its id
    day: date | None = None  # date printed on the report
    invited: Mapping[str, int] | None = None  # partner -> people invited, for response rates
    alpha_low: float = 0.7  # Settings.alpha_low
    quadrant_cut: float = 50.0  # Settings.quadrant_cut
    strong_problem: float = 0.3  # Settings.strong_problem
    network_svg: str | None = None  # the trust picture (samenspel.network.picture.render_svg)


def display_name(alliance: str) -> str:
    """"zorgalliantie-rivierenland" -> "Zorgalliantie Rivierenland"."""
    words = alliance.replace("_", " ").replace("-", " ").split()
    return " ".join(w[:1].upper() + w[1:] for w in words) or "?"


def build_context(d: Mapping[str, Any], kb: KnowledgeBase, instrument: Instrument | None, opt: Options) -> dict[str, Any]:
    lang = opt.lang
    shown = shown_partners(d)
    hidden = hidden_partners(d)
    min_group = d.get("min_group", 3)
    ctx: dict[str, Any] = {
        "lang": lang,
        "L": lambda key, **kw: t(key, lang, **kw),
        "title": opt.title or display_name(d.get("alliance") or ""),
        "round_line": t("round_line", lang, round=d.get("round"), date=long_date(opt.day or date.today(), lang)),
        "shown": shown,
        "hidden": hidden,
        "min_group": min_group,
        "strong": num(opt.strong_problem, lang, 2),
    }
    ctx["summary_line"] = _summary_line(d, kb, opt, shown)
    scores = [f"{naming.domain(kb, k, lang)} {num(r['score'], lang)}" for k, r in (d.get("domains") or {}).items()
              if r.get("score") is not None]
    ctx["glance"] = t("glance", lang, scores=" · ".join(scores)) if scores else ""
    ctx["signals"] = strongest(signals(d, kb, lang, opt.strong_problem))
    ctx["phase"] = _phase(d, kb, lang)
    ctx["trust"] = _trust(d, kb, lang, opt.quadrant_cut)
    ctx["discuss"] = discuss_first(d, kb, lang)
    ctx["domains"] = _domains(d, kb, lang, shown)
    ctx["divergence"] = _divergence(d, kb, instrument, lang, shown)
    ctx["paradoxes"] = _paradoxes(d, kb, lang)
    ctx["network"] = _network(d, lang, hidden, opt.network_svg)
    ctx["problems"] = _problems(d, kb, lang, opt.strong_problem)
    ctx["trend"] = _trend(d, kb, lang)
    ctx["agenda"] = agenda(d, kb, lang, opt.strong_problem)
    ctx["appendix"] = _appendix(d, kb, lang, opt, shown, hidden)
    ctx["warnings"] = _warnings(d, kb, lang, hidden)
    return ctx


def _alpha(r: Mapping[str, Any]) -> float | None:
    rel = r.get("reliability") or {}
    values = [v for v in (rel.get("alpha"), rel.get("omega")) if v is not None]
    return min(values) if values else None


def _known_rate(d: Mapping[str, Any], invited: Mapping[str, int] | None) -> tuple[int, int]:
    """Respondents and invitations of the partners whose invitations are known (for a response rate)."""
    partners = d.get("partners") or {}
    known = [p for p in (invited or {}) if p in partners]
    return sum(partners[p].get("n", 0) for p in known), sum((invited or {})[p] for p in known)


def _summary_line(d: Mapping[str, Any], kb: KnowledgeBase, opt: Options, shown: list[str]) -> str:
    lang = opt.lang
    partners = d.get("partners") or {}
    parts = [t("response_line", lang, n=d.get("n_respondents", 0), p=sum(1 for v in partners.values() if v.get("n")))]
    answered, invited = _known_rate(d, opt.invited)
    if invited:
        parts.append(t("response_rate", lang, rate=pct(answered / invited, lang)))
    domains = d.get("domains") or {}
    judged = {k: _alpha(r) for k, r in domains.items() if _alpha(r) is not None}
    low = [k for k, v in judged.items() if v is not None and v < opt.alpha_low]
    if not judged:
        parts.append(t("reliability_none", lang))
    elif not low:
        parts.append(t("reliability_all", lang, k=len(judged)))
    else:
        names = ", ".join(naming.in_sentence(naming.domain(kb, k, lang), lang) for k in low)
        parts.append(t("reliability_some", lang, ok=len(judged) - len(low), k=len(judged), low=names))
    return "; ".join(parts) + "."


def _phase(d: Mapping[str, Any], kb: KnowledgeBase, lang: str) -> dict[str, Any] | None:
    ph = d.get("phase") or {}
    axis = ph.get("modal")
    if axis is None or axis not in kb.phases:
        return None
    known = kb.phases[axis]
    share = (ph.get("distribution") or {}).get(str(axis))
    spread = " · ".join(f"{a}: {pct(s, lang)}" for a, s in (ph.get("distribution") or {}).items() if s is not None)
    return {"line": t("phase_line", lang, axis=axis, name=known.name.get(lang)),
            "spread": t("phase_spread", lang, parts=spread) if spread else "",
            "share": t("phase_share", lang, share=pct(share, lang)) if share is not None else "",
            "question": t("phase_question", lang, q=known.question.get(lang)),
            "do": [x.get(lang) for x in known.do], "name": known.name.get(lang), "source": known.source}


def _trust(d: Mapping[str, Any], kb: KnowledgeBase, lang: str, cut: float) -> dict[str, Any] | None:
    tf = d.get("trust_formal") or {}
    if tf.get("quadrant") is None:
        return None
    adv = tf.get("advice") or {}
    names = {k: q.name.get(lang) for k, q in kb.trust_quadrants.items()}
    svg = charts.quadrant(tf["trust"], tf["formal_overlap"], cut, names, t("scale_formal_overlap", lang),
                          t("scale_trust", lang), lang)
    out = {"svg": svg,
           "line": t("trust_line", lang, t=num(tf.get("trust"), lang), f=num(tf.get("formal_overlap"), lang)),
           "name": (adv.get("name") or {}).get(lang, ""), "advice": (adv.get("advice") or {}).get(lang, ""),
           "source": adv.get("source", ""), "governance": None}
    g = d.get("governance") or {}
    if g.get("advice"):
        text = g.get("text") or {}
        out["governance"] = {
            "line": t("governance_line", lang, r=num(g.get("relational_uncertainty"), lang),
                      f=num(g.get("field_uncertainty"), lang),
                      name=naming.in_sentence((text.get("name") or {}).get(lang, g["advice"]), lang)),
            "advice": (text.get("advice") or {}).get(lang, ""), "source": text.get("source", "")}
    return out


def _domains(d: Mapping[str, Any], kb: KnowledgeBase, lang: str, shown: list[str]) -> dict[str, Any] | None:
    domains = d.get("domains") or {}
    if not domains:
        return None
    rows = [{"name": naming.domain(kb, k, lang), "score": r.get("score"), "label": num(r.get("score"), lang)}
            for k, r in domains.items() if r.get("score") is not None]
    partner_rows = [{"name": naming.domain(kb, k, lang), "partner": p, "score": r["by_partner"][p]}
                    for k, r in domains.items() for p in shown
                    if isinstance((r.get("by_partner") or {}).get(p), (int, float))]
    svg = charts.domains(rows, partner_rows, shown, t("score_axis", lang), lang) if rows else None
    header = [t("partner", lang), "n", *(naming.domain(kb, k, lang) for k in domains)]
    table = [[t("all_respondents", lang), str(d.get("n_respondents", "")), *(num(r.get("score"), lang) for r in domains.values())]]
    partners = d.get("partners") or {}
    for p in shown:
        table.append([p, str(partners[p]["n"]), *(num((r.get("by_partner") or {}).get(p), lang) for r in domains.values())])
    return {"svg": svg, "header": header, "rows": table}


def _eta_words(eta2: float, lang: str) -> str:
    return t("div_large" if eta2 >= 0.14 else "div_medium" if eta2 >= 0.06 else "div_small", lang)


def _divergence(d: Mapping[str, Any], kb: KnowledgeBase, instrument: Instrument | None, lang: str,
                shown: list[str]) -> dict[str, Any]:
    rows = []
    for k, r in (d.get("domains") or {}).items():
        div = r.get("divergence") or {}
        rng = partner_range(r.get("by_partner") or {}, shown)
        if div.get("flag") and div.get("eta2") is not None and rng:
            rows.append([naming.domain(kb, k, lang),
                         f"{_eta_words(div['eta2'], lang)} (eta² {num(div['eta2'], lang, 2)}, {p_value(div.get('p'), lang)})",
                         f"{rng[0]} {num(rng[1], lang)} · {rng[2]} {num(rng[3], lang)}"])
    items = []
    for it in d.get("divergent_items") or []:
        text = it["item"]
        if instrument is not None and instrument.has_item(it["item"]):
            text = instrument.item(it["item"]).text.get(lang)
        rng = partner_range(it.get("by_partner") or {}, shown)
        if rng:
            items.append([text, f"{_eta_words(it['eta2'], lang)} (eta² {num(it['eta2'], lang, 2)})",
                          f"{rng[0]} {num(rng[1], lang)} · {rng[2]} {num(rng[3], lang)}"])
    return {"rows": rows, "questions": items}


def _paradoxes(d: Mapping[str, Any], kb: KnowledgeBase, lang: str) -> dict[str, Any] | None:
    ps = [(k, p) for k, p in (d.get("paradoxes") or {}).items() if p.get("now") is not None and p.get("desired") is not None]
    if not ps:
        return None
    ps.sort(key=lambda kp: -(kp[1].get("tension") or 0))
    rows, table = [], []
    for k, p in ps:
        known = kb.paradoxes.get(k)
        pole_a = known.pole_a.get(lang) if known else "A"
        pole_b = known.pole_b.get(lang) if known else "B"
        rows.append({"pole_a": pole_a, "pole_b": pole_b, "now": p["now"], "desired": p["desired"]})
        table.append([naming.paradox(kb, k, lang), num(p["now"], lang), num(p["desired"], lang),
                      num(p.get("tension"), lang), num(p.get("polarisation"), lang, 2)])
    svg = charts.paradoxes(rows, t("now", lang), t("desired", lang), lang)
    return {"svg": svg, "rows": table}


def _network(d: Mapping[str, Any], lang: str, hidden: list[str], svg: str | None) -> dict[str, Any] | None:
    net = d.get("network")
    if not net:
        return None
    return {"svg": svg,
            "line": t("network_line", lang, d=num(net.get("density"), lang, 2), r=num(net.get("reciprocity"), lang, 2)),
            "findings": network_sentences(net, hidden, lang)}


def _problems(d: Mapping[str, Any], kb: KnowledgeBase, lang: str, strong: float) -> dict[str, Any]:
    clear, weak = [], []
    for f in d.get("problems") or []:
        name = naming.problem(kb, f["id"], lang)
        if f["strength"] < strong:
            weak.append(f"{name} ({t('strength', lang, s=num(f['strength'], lang, 2))})")
            continue
        known = kb.problems.get(f["id"])
        suited = set(f.get("suited_interventions") or [])
        clear.append({
            "name": name, "strength": t("strength", lang, s=num(f["strength"], lang, 2)), "width": round(100 * f["strength"]),
            "description": known.description.get(lang) if known else "",
            "evidence": [local_decimals(e, lang) for e in f.get("evidence") or []],
            "interventions": [{"name": naming.intervention(kb, i, lang),
                               "description": kb.interventions[i].description.get(lang) if i in kb.interventions else "",
                               "source": kb.interventions[i].source if i in kb.interventions else ""}
                              for i in f.get("interventions") or [] if i in suited or not suited],
            "others": [naming.intervention(kb, i, lang) for i in f.get("interventions") or [] if suited and i not in suited],
            "source": f.get("source", ""),
        })
    return {"found": clear, "weak": weak}


def _trend(d: Mapping[str, Any], kb: KnowledgeBase, lang: str) -> dict[str, Any] | None:
    tr = d.get("trend")
    if not tr:
        return None
    rows, chart_rows = [], []
    for k, s in (tr.get("domains") or {}).items():
        p = (s.get("test") or {}).get("p")
        meaningful = "–" if p is None else f"{t('yes' if p < ALPHA else 'no', lang)} ({p_value(p, lang)})"
        name = naming.domain(kb, k, lang)
        rows.append([name, num(s.get("previous"), lang), num(s.get("current"), lang),
                     num(s.get("change"), lang, 1, sign=True), meaningful])
        if s.get("previous") is not None and s.get("current") is not None:
            chart_rows.append({"name": name, "previous": s["previous"], "current": s["current"]})
    prev_label = f"{t('previous', lang)} ({tr.get('previous_round')})"
    now_label = f"{t('now', lang)} ({d.get('round')})"
    svg = charts.trend(chart_rows, prev_label, now_label, lang) if chart_rows else None
    new = [naming.problem(kb, i, lang) for i in tr.get("new_problems") or []]
    gone = [naming.problem(kb, i, lang) for i in tr.get("gone_problems") or []]
    return {"intro": t("trend_intro", lang, r=tr.get("previous_round")), "rows": rows, "svg": svg,
            "new": t("new_problems", lang, p=", ".join(new)) if new else "",
            "gone": t("gone_problems", lang, p=", ".join(gone)) if gone else ""}


def _appendix(d: Mapping[str, Any], kb: KnowledgeBase, lang: str, opt: Options, shown: list[str],
              hidden: list[str]) -> dict[str, Any]:
    partners = d.get("partners") or {}
    invited = opt.invited or {}
    rows = []
    for p, v in partners.items():
        if not v.get("n"):
            continue
        if p in shown:
            inv = invited.get(p)
            rate = pct(v["n"] / inv, lang) if inv else "–"
            rows.append([p, str(v["n"]), str(inv) if inv else "–", rate])
        else:
            rows.append([p, t("too_few", lang), "", ""])
    answered, total_inv = _known_rate(d, invited)
    total = [t("total", lang), str(d.get("n_respondents", 0)), str(total_inv) if total_inv else "–",
             pct(answered / total_inv, lang) if total_inv else "–"]
    roles = d.get("roles") or {}
    role_text = ", ".join(f"{t('role_' + r, lang)} {n}" for r, n in roles.items() if n and r in ROLES)
    reliability = []
    for group in ("domains", "scales"):
        for k, r in (d.get(group) or {}).items():
            rel = r.get("reliability")
            if not rel:
                continue
            reliability.append([naming.scale(kb, k, lang), str(rel.get("k", "")), str(rel.get("n", "")),
                                num(rel.get("alpha"), lang, 2), num(rel.get("omega"), lang, 2),
                                num((r.get("agreement") or {}).get("rwg"), lang, 2)])
    sources = [f"{s.id}: {s.citation(lang)}" for s in kb.sources.values()]
    rules = [[naming.problem(kb, r.problem, lang),
              "; ".join(f"{INDICATORS[c.indicator].label.get(lang) if c.indicator in INDICATORS else c.indicator} "
                        f"({t('rule_' + c.direction, lang)})" for c in r.conditions), r.source] for r in RULES]
    return {"rows": rows, "total": total, "invited": bool(invited), "roles": t("roles_line", lang, roles=role_text) if role_text else "",
            "reliability": reliability, "rules": rules, "reliability_text": t("reliability_text", lang, low=num(opt.alpha_low, lang, 2)),
            "privacy": t("privacy_text", lang, min=d.get("min_group", 3)), "sources": sources,
            "hidden_note": t("hidden_note", lang, min=d.get("min_group", 3)) if hidden else "",
            "hidden_names": t("hidden_names", lang, names=", ".join(hidden)) if hidden else ""}


def _warnings(d: Mapping[str, Any], kb: KnowledgeBase, lang: str, hidden: list[str]) -> list[str]:
    """The analysis' warnings in the reader's words: names instead of ids, no figure next to a small partner."""
    out: list[str] = []
    texts = d.get("warnings") or []
    codes = d.get("warning_codes") or []
    for i, code in enumerate(codes):
        kind, _, key = code.partition(":")
        if kind == "hidden_partners":
            out.append(t("w_hidden", lang, names=", ".join(hidden)))
        elif kind == "low_reliability":
            r = (d.get("domains") or {}).get(key) or (d.get("scales") or {}).get(key) or {}
            out.append(t("w_low_rel", lang, name=naming.in_sentence(naming.scale(kb, key, lang), lang),
                         v=num(_alpha(r), lang, 2)))
        elif kind == "small_n_reliability":
            out.append(t("w_small_n", lang, name=naming.in_sentence(naming.scale(kb, key, lang), lang)))
        elif kind == "rule_not_judged":
            out.append(t("w_not_judged", lang, name=naming.in_sentence(naming.problem(kb, key, lang), lang)))
        elif i < len(texts):
            out.append(local_decimals(texts[i], lang))
    return out
