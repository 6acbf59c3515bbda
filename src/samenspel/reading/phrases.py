"""The words of a reading: every sentence an output shows, in one language, from one place.

Renderers call these functions and lay the results out; they never word a
finding, a number or a warning themselves. Page-one sentences carry no
statistics beyond n (no eta², p, alpha or source codes); the details add the
thresholds and tests.
"""

from __future__ import annotations

from samenspel.analysis.disclosure import OTHER
from samenspel.analysis.notice import Notice
from samenspel.analysis.rules import INDICATORS
from samenspel.knowledge.model import KnowledgeBase
from samenspel.reading import naming
from samenspel.reading.advice import Advice, AgendaStep, Conflict
from samenspel.reading.findings import Evidence, Finding
from samenspel.reading.labels import L, t
from samenspel.reading.notation import count, num, p_value, pct
from samenspel.reading.reading import Reading


def partner(r: Reading, code: str, lang: str = "nl") -> str:
    """A partner by its display name; the merged small partners as "other partners"."""
    if code == OTHER:
        return t("other_partners", lang)
    return naming.partner(code, r.names)


def round_(r: Reading, code: object) -> str:
    """A round by its display name where the alliance gives one (codes stay in files for machines)."""
    return naming.round_name(str(code) if code is not None else None, r.context.rounds)


def _value(indicator: str, value: float, lang: str) -> str:
    unit = INDICATORS.get(indicator, "score")
    if unit == "share":
        return num(value, lang, 2)
    return num(abs(value) if unit == "points" and indicator != "ambition_change" else value, lang,
                sign=indicator == "ambition_change")


def _subject(f: Finding, kb: KnowledgeBase, lang: str) -> str:
    if f.kind in ("divergence", "low", "drop", "rise"):
        return naming.domain(kb, f.code, lang)
    if f.kind == "tension":
        return naming.paradox(kb, f.code, lang)
    if f.kind == "strength":
        return naming.scale(kb, f.code, lang)
    return naming.problem(kb, f.code, lang)


def headline(f: Finding, kb: KnowledgeBase, lang: str) -> str:
    """What a finding is, in a few words: the problem's name, "Partners see ambition differently", ..."""
    subject = _subject(f, kb, lang)
    in_sentence = naming.in_sentence(subject, lang)
    if f.kind == "problem":
        return t("f_problem" if f.clear else "f_problem_weak", lang, name=subject)
    key = {"divergence": "f_divergence", "low": "f_low", "tension": "f_tension", "drop": "f_drop",
           "rise": "f_rise", "strength": "f_strength"}[f.kind]
    name = subject if f.kind in ("drop", "rise", "strength") else in_sentence
    if f.kind == "tension":
        name = f"‘{subject}’"
    return t(key, lang, name=name)


def detail(f: Finding, r: Reading, kb: KnowledgeBase, lang: str) -> str:
    """One plain sentence with the numbers behind a finding and its n (page one: no statistics)."""
    facts = f.facts
    if f.kind == "problem":
        first = f.evidence[0] if f.evidence else None
        return evidence_line(first, r, kb, lang, stats=False) if first else ""
    if f.kind == "divergence":
        return t("f_divergence_detail", lang, hi=num(facts["hi"], lang), hi_p=partner(r, str(facts["hi_p"]), lang),  # type: ignore[arg-type]
                 lo=num(facts["lo"], lang), lo_p=partner(r, str(facts["lo_p"]), lang), n=facts["n"])  # type: ignore[arg-type]
    if f.kind == "low":
        return t("f_low_detail", lang, score=num(facts["score"], lang), n=facts["n"])  # type: ignore[arg-type]
    if f.kind == "tension":
        return t("f_tension_detail", lang, t=num(facts["tension"], lang), n=facts["n"])  # type: ignore[arg-type]
    if f.kind in ("drop", "rise"):
        return t("f_drop_detail", lang, prev=num(facts["prev"], lang), now=num(facts["now"], lang), n=facts["n"])  # type: ignore[arg-type]
    if f.kind == "strength":
        return t("f_strength_detail", lang, score=num(facts["score"], lang), n=facts["n"])  # type: ignore[arg-type]
    return ""


def evidence_line(e: Evidence, r: Reading, kb: KnowledgeBase, lang: str, stats: bool = True) -> str:
    """An evidence sentence with its n; with ``stats`` also where the sign begins and the test."""
    key = f"ev_{e.indicator}"
    about = [partner(r, p, lang) for p in e.about]
    quiet = bool(set(e.about) & set(r.disclosure.hidden))  # never a figure next to a small partner's name
    if quiet and f"{key}_words" in L:
        key = f"{key}_words"
    fields = {"value": _value(e.indicator, e.value, lang), "about0": about[0] if about else "",
              "about1": about[1] if len(about) > 1 else "", "pct": pct(e.value, lang)}
    kind, _, code = e.indicator.partition(".")
    if key in L:
        text = t(key, lang, **fields)
    elif kind in ("divergence", "change"):
        text = t(f"ev_{kind}", lang, value=num(e.value, lang, sign=kind == "change"),
                 name=naming.in_sentence(naming.domain(kb, code, lang), lang))
    elif kind == "tension":
        text = t("ev_tension", lang, value=num(e.value, lang), name=naming.paradox(kb, code, lang))
    else:
        text = f"{e.indicator}: {fields['value']}"
    text = text[:1].upper() + text[1:]
    if quiet:
        return f"{text} ({t('n_raters_words', lang)})."
    if e.indicator.startswith("network."):
        extra = [t("n_raters", lang, n=e.n, p=e.partners)]
    else:
        extra = [t("n_of", lang, n=count(e.n, lang), p=e.partners)]
    if stats:
        if e.threshold is not None and e.direction in ("low", "high"):
            extra.append(t(f"ev_threshold_{e.direction}", lang, start=_value(e.indicator, e.threshold, lang)))
        if e.p is not None and kind in ("network", "divergence", "change"):
            extra.append(t(f"ev_tested_{kind}", lang, p=p_value(e.p, lang)))
    return f"{text} ({'; '.join(extra)})."


def hidden_lines(r: Reading, lang: str = "nl") -> list[str]:
    """What became of the partners below the minimum: merged into "other partners", or left out of every
    figure. Said next to every table of partner figures (report, dashboard, text)."""
    d = r.disclosure
    lines = []
    if d.merged:
        lines.append(t("notice_merged_partners", lang, min=d.min_group, other=t("other_partners", lang),
                       names=", ".join(partner(r, x, lang) for x in d.merged)))
    if d.left_out:
        lines.append(t("notice_hidden_partners", lang, min=d.min_group,
                       names=", ".join(partner(r, x, lang) for x in d.left_out)))
    return lines


def notice_text(n: Notice, r: Reading, kb: KnowledgeBase, lang: str) -> str:
    """A warning of the analysis in words; names instead of ids, never a figure next to a small partner."""
    p = n.params
    if n.kind == "few_respondents":
        return t("notice_few_respondents", lang, n=p.get("n"))
    if n.kind == "hidden_partners":
        names = ", ".join(partner(r, x, lang) for x in (p.get("partners") or ()))  # type: ignore[union-attr]
        return t("notice_hidden_partners", lang, min=p.get("min"), names=names)
    if n.kind == "merged_partners":
        names = ", ".join(partner(r, x, lang) for x in (p.get("partners") or ()))  # type: ignore[union-attr]
        return t("notice_merged_partners", lang, min=p.get("min"), names=names, other=t("other_partners", lang))
    if n.kind == "no_partner_comparison":
        return t("notice_no_partner_comparison", lang, min=p.get("min"))
    if n.kind == "small_n_reliability":
        return t("notice_small_n_reliability", lang, name=naming.in_sentence(naming.scale(kb, n.key, lang), lang),
                 n=p.get("n"), min=p.get("min"))
    if n.kind == "low_reliability":
        return t("notice_low_reliability", lang, name=naming.in_sentence(naming.scale(kb, n.key, lang), lang),
                 v=num(p.get("value"), lang, 2), low=num(p.get("low"), lang, 2))  # type: ignore[arg-type]
    if n.kind == "rule_not_judged":
        thin = p.get("thin") or ()
        missing = p.get("missing") or ()
        name = naming.problem(kb, n.key, lang)
        if thin:
            return t("notice_rule_not_judged_thin", lang, name=name, what=indicators_text(thin, kb, lang))  # type: ignore[arg-type]
        return t("notice_rule_not_judged_missing", lang, name=name, what=indicators_text(missing, kb, lang))  # type: ignore[arg-type]
    if n.kind == "not_counted":
        return t("notice_not_counted", lang, n=p.get("n"))
    if n.kind == "trend_shared_items":
        names = ", ".join(naming.in_sentence(_scale_name(s, kb, lang), lang) for s in (p.get("scales") or ()))  # type: ignore[union-attr]
        versions = t("notice_versions", lang, before=p.get("before"), after=p.get("after")) \
            if p.get("before") != p.get("after") else ""
        return t("notice_trend_shared_items", lang, round=round_(r, p.get("round")), versions=versions, names=names)
    if n.kind == "trend_factors_restart":
        return t("notice_trend_factors_restart", lang, version=p.get("version"))
    if n.kind == "trend_restarted":
        names = ", ".join(naming.in_sentence(_scale_name(s, kb, lang), lang) for s in (p.get("scales") or ()))  # type: ignore[union-attr]
        return t("notice_trend_restarted", lang, round=round_(r, p.get("round")), names=names)
    return n.code


def _scale_name(key: str, kb: KnowledgeBase, lang: str) -> str:
    """A scale key as the trend knows it: a domain, ``trust``, ``signal:turnover``, ``leadership:neutral``."""
    if key.startswith("signal:"):
        return indicator_name("signal." + key.split(":", 1)[1], kb, lang)
    return naming.scale(kb, key, lang)


def indicator_name(indicator: str, kb: KnowledgeBase, lang: str) -> str:
    """What an indicator measures, in a few words ("shared ambition", "burden of rules")."""
    if indicator.startswith("domain."):
        return naming.in_sentence(naming.domain(kb, indicator.split(".", 1)[1], lang), lang)
    label = L.get(f"ind_{indicator}")
    return label.get(lang) if label else indicator


def indicators_text(indicators: tuple[str, ...], kb: KnowledgeBase, lang: str) -> str:
    return ", ".join(indicator_name(i, kb, lang) for i in indicators)


def quality_line(r: Reading, kb: KnowledgeBase, lang: str) -> str:
    """Response and data quality in one line."""
    q = r.quality
    parts = [t("response_line", lang, n=q.n, p=q.partners)]
    rate = r.disclosure.total_rate
    if rate is not None:
        parts.append(t("response_rate", lang, rate=pct(rate, lang)))
    if q.not_counted:
        parts.append(t("not_counted", lang, k=q.not_counted))
    if not q.judged:
        parts.append(t("reliability_none", lang))
    elif q.reliable == q.judged:
        parts.append(t("reliability_all", lang, k=q.judged))
    else:
        low = [naming.in_sentence(naming.domain(kb, k, lang), lang) for k in q.unreliable]
        parts.append(t("reliability_some", lang, ok=q.reliable, k=q.judged, low=", ".join(low)))
    return "; ".join(parts) + "."


def phase_line(r: Reading, kb: KnowledgeBase, lang: str) -> str | None:
    ph = r.diagnosis.phase
    if ph is None or ph.modal is None or ph.modal not in kb.phases:
        return None
    return t("phase_line", lang, axis=ph.modal, name=kb.phases[ph.modal].name.get(lang))


def quadrant_name(r: Reading, kb: KnowledgeBase, lang: str) -> str | None:
    tf = r.diagnosis.trust_formal
    if tf is None or tf.quadrant is None:
        return None
    q = kb.trust_quadrants.get(tf.quadrant)
    return q.name.get(lang) if q else tf.quadrant


def conflict_text(c: Conflict, kb: KnowledgeBase, lang: str) -> str:
    source = "c_from_quadrant" if c.advice_from == "quadrant" else "c_from_governance"
    return t(f"conflict_{c.advice}", lang, source=t(source, lang), desired=num(c.desired, lang), n=c.n)


def advice_item(a: Advice, r: Reading, kb: KnowledgeBase, lang: str) -> dict[str, str]:
    """Name, why it fits here, and the first step of an intervention on page one."""
    iv = kb.interventions.get(a.intervention)
    why = [t("why_problem", lang, name=naming.in_sentence(naming.problem(kb, a.problem, lang), lang))]
    why += [t("why_phase", lang) if r.code == "suits_phase" else naming.in_sentence(r.label.get(lang), lang)
            for r in a.reasons]
    first = getattr(iv, "first_step", None) if iv is not None else None
    return {"name": naming.intervention(kb, a.intervention, lang), "why": "; ".join(why),
            "first_step": first.get(lang) if first is not None else "",
            "description": iv.description.get(lang) if iv is not None else "", "source": iv.source if iv else ""}


def advice_not_used(r: Reading, lang: str) -> str:
    if not r.advice_not_used:
        return ""
    words = {"collaboration_form": "ctx_form", "alliance_form": "ctx_alliance_form",
             "governance_model": "ctx_governance", "phase_detail": "ctx_phase_detail"}
    return t("advice_not_used", lang, what=", ".join(t(words[k], lang) for k in r.advice_not_used))


def network_sentences(r: Reading, lang: str) -> list[str]:
    """What stands out in the network, only what a test or a group figure backs, partners by name."""
    net = r.diagnosis.network
    if net is None:
        return []
    out: list[str] = []
    tested = net.tested
    hidden = set(r.disclosure.hidden)
    for f in net.findings:
        ps = [partner(r, p, lang) for p in f.partners]
        nums = {k: num(v, lang) for k, v in f.numbers.items() if v is not None}
        if f.kind == "camps":
            groups = " | ".join(", ".join(partner(r, p, lang) for p in g) for g in f.groups)
            out.append(t("net_camps", lang, groups=groups))
            out.append(t("net_camps_numbers", lang, within=nums.get("trust_within", "–"),
                         between=nums.get("trust_between", "–")))
        elif f.kind == "asymmetric_dependency":
            claim = tested.get("dependency_asymmetry")
            if claim is not None and claim.real and set(claim.about) == set(f.partners):
                out.append(t("net_asymmetric_dependency", lang, p0=ps[0], p1=ps[1], a_to_b=nums.get("a_to_b", "–"),
                             b_to_a=nums.get("b_to_a", "–")))
        elif f.kind == "distrusted":
            claim = tested.get("trust_deficit")
            if claim is not None and claim.real and claim.about == f.partners:
                out.append(t("net_distrusted", lang, p0=ps[0]))
        elif f.kind == "dominant_partner":
            lead = tested.get("influence_lead")
            if lead is not None and lead.real:
                key = "net_dominant_words" if set(f.partners) & hidden else "net_dominant_partner"
                out.append(t(key, lang, p0=ps[0], p1=ps[1], gap=nums.get("gap", "–")))
        elif f.kind in ("isolated", "peripheral", "broker"):
            out.append(t(f"net_{f.kind}", lang, p0=ps[0]))
        elif f.kind == "discordant" and not (set(f.partners) & hidden):
            dim = t(f"dim_{f.extra.get('dimension', 'trust')}", lang)
            out.append(t("net_discordant", lang, p0=ps[0], p1=ps[1], dimension=dim, a_to_b=nums.get("a_to_b", "–"),
                         b_to_a=nums.get("b_to_a", "–")))
    return out


def agenda_titles(step: AgendaStep, kb: KnowledgeBase, lang: str) -> tuple[str, str]:
    s = next((x for x in kb.reflection_steps if x.id == step.step), None)
    return (s.name.get(lang) if s else step.step, s.description.get(lang) if s else "")
