"""What a rendered diagnosis says, in which order: the three strongest signals first.

An alliance manager should get the gist in five minutes: title and who
answered, the three strongest signals, then the details per theme. Partners
below the minimum group size never get a figure of their own here either;
they are listed as "too few respondents". Numbers are rounded here (not in
the analysis) and Dutch uses a decimal comma.
"""

from __future__ import annotations

from dataclasses import dataclass

from samenspel.analysis import Diagnosis
from samenspel.analysis.scales import ScaleResult
from samenspel.knowledge.model import KnowledgeBase
from samenspel.render.blocks import Block, Bullets, Heading, Para, Table
from samenspel.render.labels import t

TENSION_HIGH = 60.0
"""A paradox whose tension (0-100) reaches this counts as a signal."""
LOW_SCORE = 50.0
"""A domain score below this counts as a signal."""
MIN_SALIENCE = 0.1
"""Weaker candidates are not among the strongest signals (they stay in the details)."""


def num(x: float | None, lang: str, digits: int = 0) -> str:
    if x is None:
        return "–"
    s = f"{x:.{digits}f}"
    return s.replace(".", ",") if lang == "nl" else s


@dataclass(frozen=True)
class Signal:
    salience: float  # 0-1, for ordering only
    headline: str
    details: tuple[str, ...]


def _domain_name(kb: KnowledgeBase, key: str, lang: str) -> str:
    d = kb.domains.get(key)
    return d.name.get(lang) if d else key


def _paradox_name(kb: KnowledgeBase, key: str, lang: str) -> str:
    p = kb.paradoxes.get(key)
    return p.name.get(lang) if p else key


def _problem_name(kb: KnowledgeBase, key: str, lang: str) -> str:
    p = kb.problems.get(key)
    return p.name.get(lang) if p else key


def signals(d: Diagnosis, kb: KnowledgeBase, lang: str) -> list[Signal]:
    """Candidate signals with a salience: problems, clear divergence, low scores, strong tensions."""
    out: list[Signal] = []
    for f in d.problems:
        out.append(Signal(f.strength, t("problem_signal", lang, name=_problem_name(kb, f.id, lang),
                                        s=num(f.strength, lang, 2)),
                          tuple(e.text.get(lang) for e in f.evidence[:2])))
    for key, res in d.domains.items():
        div = res.divergence
        if div is not None and div.flag and div.eta2 is not None:
            out.append(Signal(0.8 * min(1.0, div.eta2 / 0.2), t("divergence_signal", lang, name=_domain_name(kb, key, lang),
                              eta2=num(div.eta2, lang, 2), p=num(div.p, lang, 3)), ()))
        if res.score is not None and res.score < LOW_SCORE:
            out.append(Signal((LOW_SCORE - res.score) / LOW_SCORE, t("low_signal", lang, name=_domain_name(kb, key, lang),
                              score=num(res.score, lang)), ()))
    for key, p in d.paradoxes.items():
        if p.tension is not None and p.tension >= TENSION_HIGH:
            out.append(Signal(0.7 * (p.tension - 50) / 50, t("tension_signal", lang, name=_paradox_name(kb, key, lang),
                              t=num(p.tension, lang)), ()))
    out.sort(key=lambda s: -s.salience)
    return [s for s in out if s.salience >= MIN_SALIENCE]


def _hidden(d: Diagnosis) -> list[str]:
    return [p for p, n in d.partners.items() if 0 < n < d.settings.min_group]


def _scale_table(d: Diagnosis, kb: KnowledgeBase, lang: str, results: dict[str, ScaleResult]) -> Table:
    shown = [p for p in d.partners if d.shown(p)]
    header = (t("domain", lang), t("score", lang), "alpha", t("agreement", lang), t("differ", lang), *shown)
    rows = []
    for key, r in results.items():
        flag = r.divergence.flag if r.divergence is not None else None
        rows.append((
            _domain_name(kb, key, lang), num(r.score, lang),
            num(r.reliability.alpha if r.reliability else None, lang, 2), num(r.rwg, lang, 2),
            "–" if flag is None else t("yes" if flag else "no", lang),
            *(num(r.by_partner.get(p), lang) for p in shown),
        ))
    return Table(header, tuple(rows))


def outline(d: Diagnosis, kb: KnowledgeBase, lang: str = "nl") -> list[Block]:
    blocks: list[Block] = [Heading(1, t("title", lang, alliance=d.alliance or "?")),
                           Para(t("intro", lang, round=d.round, n=d.n_respondents,
                                  p=sum(1 for n in d.partners.values() if n > 0)))]
    hidden_text = t("hidden", lang, min=d.settings.min_group)
    blocks.append(Bullets(tuple(
        f"{p}: {n} {t('respondents', lang)}" if d.shown(p) else f"{p}: {hidden_text}"
        for p, n in d.partners.items() if n > 0)))

    blocks.append(Heading(2, t("top", lang)))
    top = signals(d, kb, lang)[:3]
    if not top:
        blocks.append(Para(t("none", lang)))
    else:
        blocks.append(Bullets(tuple(s.headline + (": " + " ".join(s.details) if s.details else "") for s in top),
                              numbered=True))

    if d.domains:
        blocks.append(Heading(2, t("domains", lang)))
        blocks.append(_scale_table(d, kb, lang, d.domains))
        if _hidden(d):
            blocks.append(Para(", ".join(f"{p}: {hidden_text}" for p in _hidden(d))))

    if d.problems:
        blocks.append(Heading(2, t("problems", lang)))
        for f in d.problems:
            blocks.append(Heading(3, f"{_problem_name(kb, f.id, lang)} ({t('strength', lang)} {num(f.strength, lang, 2)})"))
            blocks.append(Bullets(tuple(e.text.get(lang) for e in f.evidence)))
            if f.interventions:
                names = []
                for i in f.interventions:
                    iv = kb.interventions.get(i)
                    label = iv.name.get(lang) if iv else i
                    names.append(label + (f" ({t('suited', lang)})" if i in f.suited else ""))
                blocks.append(Para(t("interventions", lang) + ":"))
                blocks.append(Bullets(tuple(names)))
            problem = kb.problems.get(f.id)
            if problem and problem.questions:
                blocks.append(Para(t("questions", lang) + ":"))
                blocks.append(Bullets(tuple(q.get(lang) for q in problem.questions)))

    if d.phase is not None and d.phase.modal is not None:
        blocks.append(Heading(2, t("phase", lang)))
        name = d.phase.advice.get("name", {}) if d.phase.advice else {}
        pname = name.get(lang, "") if isinstance(name, dict) else ""
        blocks.append(Para(t("phase_line", lang, modal=d.phase.modal, name=pname, agr=num(d.phase.agreement, lang, 2))))
        blocks.append(Para(t("distribution", lang) + ": " + ", ".join(
            f"{a}: {num(100 * s, lang)}%" for a, s in d.phase.distribution.items())))
        todo = d.phase.advice.get("do") if d.phase.advice else None
        if isinstance(todo, list) and todo:
            blocks.append(Para(t("todo", lang) + ":"))
            blocks.append(Bullets(tuple(x[lang] for x in todo)))

    if d.trust_formal is not None or d.governance is not None:
        blocks.append(Heading(2, t("trust", lang)))
        tf = d.trust_formal
        if tf is not None and tf.quadrant is not None:
            adv = tf.advice.get("advice") if tf.advice else None
            qname = tf.advice.get("name") if tf.advice else None
            blocks.append(Para(t("trust_line", lang, t=num(tf.trust, lang), f=num(tf.formal_overlap, lang),
                                 q=qname[lang] if isinstance(qname, dict) else tf.quadrant)))
            if isinstance(adv, dict):
                blocks.append(Para(adv[lang]))
        g = d.governance
        if g is not None and g.advice is not None:
            gname = g.text.get("name") if g.text else None
            blocks.append(Para(t("governance_line", lang, r=num(g.relational_uncertainty, lang),
                                 f=num(g.field_uncertainty, lang),
                                 a=gname[lang] if isinstance(gname, dict) else g.advice)))
            adv = g.text.get("advice") if g.text else None
            if isinstance(adv, dict):
                blocks.append(Para(adv[lang]))

    if d.paradoxes:
        blocks.append(Heading(2, t("paradoxes", lang)))
        rows = tuple(
            (_paradox_name(kb, k, lang), num(p.now, lang), num(p.desired, lang), num(p.tension, lang),
             num(p.polarisation, lang, 2), t(f"lean_{p.lean}", lang) if p.lean else "–")
            for k, p in sorted(d.paradoxes.items(), key=lambda kv: -(kv[1].tension or 0)))
        blocks.append(Table((t("paradox", lang), t("now", lang), t("desired", lang), t("tension", lang),
                             t("polarisation", lang), t("lean", lang)), rows))

    if d.divergent_items:
        blocks.append(Heading(2, t("items", lang)))
        shown = [p for p in d.partners if d.shown(p)]
        blocks.append(Table(("item", "eta²", *shown), tuple(
            (i.item, num(i.eta2, lang, 2), *(num(i.by_partner.get(p), lang) for p in shown))
            for i in d.divergent_items)))

    if d.motives is not None or d.factors:
        blocks.append(Heading(2, t("motives", lang)))
        if d.motives is not None and d.motives.overlap is not None:
            blocks.append(Para(t("motive_overlap", lang, o=num(d.motives.overlap, lang, 2))))
        from samenspel.analysis.motives import recognised

        for kind in ("failure", "success"):
            hits = recognised(d.factors, kind, d.settings)
            if hits:
                blocks.append(Para(t(kind, lang) + ":"))
                blocks.append(Bullets(tuple(
                    f"{kb.factors[f.id].name.get(lang) if f.id in kb.factors else f.id} ({num(100 * (f.share or 0), lang)}%)"
                    for f in hits)))

    if d.network is not None:
        net = d.network.to_dict()
        blocks.append(Heading(2, t("network", lang)))
        blocks.append(Para(t("network_line", lang, d=num(net.get("density"), lang, 2),  # type: ignore[arg-type]
                             r=num(net.get("reciprocity"), lang, 2), c=num(net.get("centralization"), lang, 2))))  # type: ignore[arg-type]
        groups = net.get("communities")
        if isinstance(groups, list) and len(groups) > 1:
            blocks.append(Para(t("communities", lang, g=" | ".join(", ".join(g) for g in groups))))
        if d.network.dominant:
            blocks.append(Para(t("dominant", lang, p=d.network.dominant)))

    if d.trend is not None:
        tr = d.trend
        blocks.append(Heading(2, t("trend", lang, r=tr.previous_round)))
        rows = []
        for k, s in tr.domains.items():
            p = s.test.get("p")
            rows.append((_domain_name(kb, k, lang), num(s.previous, lang), num(s.current, lang),
                         num(s.change, lang) if s.change is None else (("+" if s.change > 0 else "") + num(s.change, lang)),
                         f"{s.test.get('kind')}, p {num(p, lang, 3) if isinstance(p, float) else '–'}"))
        blocks.append(Table((t("domain", lang), t("previous", lang), t("now", lang), t("change", lang),
                             t("test", lang)), tuple(rows)))
        if tr.new_problems:
            blocks.append(Para(t("new_problems", lang, p=", ".join(_problem_name(kb, i, lang) for i in tr.new_problems))))
        if tr.gone_problems:
            blocks.append(Para(t("gone_problems", lang, p=", ".join(_problem_name(kb, i, lang) for i in tr.gone_problems))))

    if d.notices:
        blocks.append(Heading(2, t("warnings", lang)))
        blocks.append(Bullets(tuple(n.get(lang) for n in d.notices)))
    return blocks
