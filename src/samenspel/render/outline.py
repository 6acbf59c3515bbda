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
from samenspel.knowledge import naming
from samenspel.knowledge.model import KnowledgeBase
from samenspel.render.blocks import Block, Bullets, Heading, Para, Table
from samenspel.render.labels import t

ITEM_TEXT_WIDTH = 60
"""Question texts in the table of divergent items are cut to this many characters."""


def _short(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip(" ,;:") + "…"

TENSION_HIGH = 60.0
"""A paradox whose tension (0-100) reaches this counts as a signal."""
LOW_SCORE = 40.0
"""A domain score below this is very low and counts as a signal."""
DIVERGENCE_FULL = 0.2
"""eta² at which a flagged divergence gets the full salience 1 (Cohen's large effect is 0.14)."""
MAX_PROBLEMS_ON_TOP = 2
"""At most this many problems among the three strongest signals while other kinds of signal exist."""
KIND_ORDER = ("problem", "divergence", "low", "quadrant", "tension")
"""Kinds of signal in order of importance (docs/ANALYSIS.md, "The three strongest signals")."""
FACTORS_EACH_END = 5
"""Success conditions listed at each end (most and least in place); the rest are counted."""


def num(x: float | None, lang: str, digits: int = 0) -> str:
    if x is None:
        return "–"
    s = f"{x:.{digits}f}"
    return s.replace(".", ",") if lang == "nl" else s


def p_text(p: object, lang: str) -> str:
    """A p value as readers expect it: 'p < 0,001' below one in a thousand, else 'p = 0,054'."""
    if not isinstance(p, (int, float)) or p != p:
        return "p –"
    if p < 0.001:
        return f"p < {num(0.001, lang, 3)}"
    return f"p = {num(float(p), lang, 3)}"


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[:2] != text[:2].upper() else text


@dataclass(frozen=True)
class Signal:
    salience: float  # 0-1, for ordering within a kind
    headline: str
    details: tuple[str, ...]
    kind: str = "problem"
    about: frozenset[str] = frozenset()  # domains the signal is about (to avoid saying the same twice)


def _lean(kb: KnowledgeBase, key: str, lean: str | None, lang: str) -> str:
    """The pole a paradox leans to, by its name ('in balans' when balanced)."""
    if lean is None:
        return "–"
    p = kb.paradoxes.get(key)
    if p is None or lean == "balanced":
        return t(f"lean_{lean}", lang)
    return _lower_first((p.pole_a if lean == "a" else p.pole_b).get(lang))


def _domains_in(evidence_ids: list[str]) -> frozenset[str]:
    return frozenset(i.split(".", 1)[1] for i in evidence_ids if i.startswith(("domain.", "divergence.")))


def candidates(d: Diagnosis, kb: KnowledgeBase, lang: str) -> list[Signal]:
    """Every possible signal with its kind and salience (0-1), strongest first within a kind."""
    out: list[Signal] = []
    for f in d.problems:
        if f.strength >= d.settings.notable_problem:
            out.append(Signal(f.strength, t("problem_signal", lang, name=naming.problem(kb, f.id, lang),
                                            s=num(f.strength, lang, 2)),
                              tuple(e.text.get(lang) for e in f.evidence[:1]), "problem",
                              _domains_in([e.indicator for e in f.evidence])))
    for key, res in d.domains.items():
        div = res.divergence
        if div is not None and div.flag and div.eta2 is not None:
            out.append(Signal(min(1.0, div.eta2 / DIVERGENCE_FULL), t(
                "divergence_signal", lang, name=naming.domain(kb, key, lang), pct=num(100 * div.eta2, lang),
                eta2=num(div.eta2, lang, 2), p=p_text(div.p, lang)), (), "divergence", frozenset({key})))
        if res.score is not None and res.score < LOW_SCORE:
            out.append(Signal(min(1.0, (LOW_SCORE - res.score) / LOW_SCORE + 0.5), t(
                "low_signal", lang, name=naming.domain(kb, key, lang), score=num(res.score, lang)),
                (), "low", frozenset({key})))
    tf = d.trust_formal
    if tf is not None and tf.quadrant is not None and tf.quadrant.startswith("low_trust") and tf.trust is not None:
        qname = tf.advice.get("name") if tf.advice else None
        label = qname[lang] if isinstance(qname, dict) else tf.quadrant
        out.append(Signal(min(1.0, (d.settings.quadrant_cut - tf.trust) / d.settings.quadrant_cut + 0.5), t(
            "quadrant_signal", lang, t=num(tf.trust, lang), f=num(tf.formal_overlap, lang), q=_lower_first(label)),
            (), "quadrant"))
    for key, par in d.paradoxes.items():
        if par.tension is not None and par.tension >= TENSION_HIGH:
            out.append(Signal((par.tension - 50) / 50, t("tension_signal", lang, name=naming.paradox(kb, key, lang),
                              t=num(par.tension, lang)), (), "tension"))
    out.sort(key=lambda s: (KIND_ORDER.index(s.kind), -s.salience))
    return out


def signals(d: Diagnosis, kb: KnowledgeBase, lang: str, n: int = 3) -> list[Signal]:
    """The ``n`` most important and varied signals (the ranking of docs/ANALYSIS.md).

    1. strong problems (strength >= ``strong_problem``), strongest first, at most
       ``MAX_PROBLEMS_ON_TOP``; 2. the strongest signal of each other kind in
       ``KIND_ORDER`` (large divergence, very low score, the trust quadrant, a
       strong tension); 3. what is left, by kind and strength. A signal about a
       domain already named by a chosen problem's evidence is left out.
    """
    pool = candidates(d, kb, lang)
    chosen: list[Signal] = []

    def take(s: Signal) -> None:
        if len(chosen) < n and s not in chosen and not (s.kind != "problem" and s.about & covered()):
            chosen.append(s)

    def covered() -> frozenset[str]:
        return frozenset().union(*(c.about for c in chosen if c.kind == "problem"))

    for s in [s for s in pool if s.kind == "problem" and s.salience >= d.settings.strong_problem][:MAX_PROBLEMS_ON_TOP]:
        take(s)
    for kind in KIND_ORDER[1:]:
        for s in (s for s in pool if s.kind == kind):
            before = len(chosen)
            take(s)
            if len(chosen) > before:
                break
    for s in pool:
        take(s)
    return chosen


def _hidden(d: Diagnosis) -> list[str]:
    return [p for p, n in d.partners.items() if 0 < n < d.settings.min_group]


def _scale_table(d: Diagnosis, kb: KnowledgeBase, lang: str, results: dict[str, ScaleResult]) -> Table:
    shown = [p for p in d.partners if d.shown(p)]
    header = (t("domain", lang), t("score", lang), "alpha", t("agreement", lang), t("differ", lang), *shown)
    rows = []
    for key, r in results.items():
        flag = r.divergence.flag if r.divergence is not None else None
        rows.append((
            naming.domain(kb, key, lang), num(r.score, lang),
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
        blocks.append(Bullets(tuple(s.headline + (". " + " ".join(s.details) if s.details else ".") for s in top),
                              numbered=True))

    if d.domains:
        blocks.append(Heading(2, t("domains", lang)))
        blocks.append(_scale_table(d, kb, lang, d.domains))
        if _hidden(d):
            blocks.append(Para(", ".join(f"{p}: {hidden_text}" for p in _hidden(d))))

    notable = [f for f in d.problems if f.strength >= d.settings.notable_problem]
    weak = [f for f in d.problems if f.strength < d.settings.notable_problem]
    if d.problems:
        blocks.append(Heading(2, t("problems", lang)))
        for f in notable:
            blocks.append(Heading(3, f"{naming.problem(kb, f.id, lang)} ({t('strength', lang)} {num(f.strength, lang, 2)})"))
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
        if weak:
            blocks.append(Para(t("weak_problems", lang, min=num(d.settings.notable_problem, lang, 2), p=", ".join(
                f"{naming.problem(kb, f.id, lang)} ({num(f.strength, lang, 2)})" for f in weak))))

    if d.phase is not None and d.phase.modal is not None:
        blocks.append(Heading(2, t("phase", lang)))
        name = d.phase.advice.get("name", {}) if d.phase.advice else {}
        pname = name.get(lang, "") if isinstance(name, dict) else ""
        blocks.append(Para(t("phase_line", lang, modal=d.phase.modal, name=pname, agr=num(d.phase.agreement, lang, 2))))
        blocks.append(Para(t("distribution", lang) + ": " + ", ".join(
            f"{t('phase_n', lang, n=a)}: {num(100 * s, lang)}%" for a, s in d.phase.distribution.items())))
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
                                 q=_lower_first(qname[lang]) if isinstance(qname, dict) else tf.quadrant)))
            if isinstance(adv, dict):
                blocks.append(Para(adv[lang]))
        g = d.governance
        if g is not None and g.advice is not None:
            gname = g.text.get("name") if g.text else None
            blocks.append(Para(t("governance_line", lang, r=num(g.relational_uncertainty, lang),
                                 f=num(g.field_uncertainty, lang),
                                 a=_lower_first(gname[lang]) if isinstance(gname, dict) else g.advice)))
            adv = g.text.get("advice") if g.text else None
            if isinstance(adv, dict):
                blocks.append(Para(adv[lang]))

    if d.paradoxes:
        blocks.append(Heading(2, t("paradoxes", lang)))
        rows = tuple(
            (naming.paradox(kb, k, lang), num(p.now, lang), num(p.desired, lang), num(p.tension, lang),
             num(p.polarisation, lang, 2), _lean(kb, k, p.lean, lang))
            for k, p in sorted(d.paradoxes.items(), key=lambda kv: -(kv[1].tension or 0)))
        blocks.append(Table((t("paradox", lang), t("now", lang), t("desired", lang), t("tension", lang),
                             t("polarisation", lang), t("lean", lang)), rows))

    if d.divergent_items:
        blocks.append(Heading(2, t("items", lang)))
        shown = [p for p in d.partners if d.shown(p)]
        marker = " " + t("reversed", lang)
        blocks.append(Table((t("question", lang), "eta²", *shown), tuple(
            ((_short(i.text.get(lang), ITEM_TEXT_WIDTH) if i.text else i.item) + (marker if i.reverse else ""),
             num(i.eta2, lang, 2), *(num(i.by_partner.get(p), lang) for p in shown))
            for i in d.divergent_items)))
        blocks.append(Para(t("items_note", lang) + (" " + t("reversed_note", lang)
                                                    if any(i.reverse for i in d.divergent_items) else "")))

    if d.motives is not None or d.factors:
        blocks.append(Heading(2, t("motives", lang)))
        if d.motives is not None and d.motives.overlap is not None:
            blocks.append(Para(t("motive_overlap", lang, o=num(d.motives.overlap, lang, 2))))
        from samenspel.analysis.motives import recognised

        def label(f: object) -> str:
            fid = f.id  # type: ignore[attr-defined]
            name = kb.factors[fid].name.get(lang) if fid in kb.factors else fid
            return f"{name} ({num(100 * (f.share or 0), lang)}%)"  # type: ignore[attr-defined]

        hits = recognised(d.factors, "failure", d.settings)
        if hits:
            blocks.append(Para(t("failure", lang, min=num(100 * d.settings.factor_share, lang)) + ":"))
            blocks.append(Bullets(tuple(label(f) for f in hits[:FACTORS_EACH_END])))
            if len(hits) > FACTORS_EACH_END:
                blocks.append(Para(t("more_factors", lang, n=len(hits) - FACTORS_EACH_END)))
        success = sorted((f for f in d.factors if f.kind == "success" and f.share is not None),
                         key=lambda f: -(f.share or 0.0))
        if len(success) <= 2 * FACTORS_EACH_END:
            if success:
                blocks.append(Para(t("success_all", lang) + ":"))
                blocks.append(Bullets(tuple(label(f) for f in success)))
        else:
            most, least = success[:FACTORS_EACH_END], success[-FACTORS_EACH_END:]
            rest = success[FACTORS_EACH_END:-FACTORS_EACH_END]
            blocks.append(Para(t("success_most", lang) + ":"))
            blocks.append(Bullets(tuple(label(f) for f in most)))
            blocks.append(Para(t("success_least", lang) + ":"))
            blocks.append(Bullets(tuple(label(f) for f in reversed(least))))
            blocks.append(Para(t("success_rest", lang, n=len(rest), hi=num(100 * (rest[0].share or 0), lang),
                                 lo=num(100 * (rest[-1].share or 0), lang))))

    if d.network is not None:
        net = d.network.to_dict()
        blocks.append(Heading(2, t("network", lang)))
        blocks.append(Para(t("network_line", lang, d=num(net.get("density"), lang, 2),  # type: ignore[arg-type]
                             r=num(net.get("reciprocity"), lang, 2), c=num(net.get("centralization"), lang, 2))))  # type: ignore[arg-type]
        groups = net.get("communities")
        if isinstance(groups, list) and len(groups) > 1:
            blocks.append(Para(t("communities", lang, n=len(groups), g="; ".join(
                f"({i}) {', '.join(g)}" for i, g in enumerate(groups, 1)))))
        if d.network.dominant:
            blocks.append(Para(t("dominant", lang, p=d.network.dominant)))

    if d.trend is not None:
        tr = d.trend
        blocks.append(Heading(2, t("trend", lang, r=tr.previous_round)))
        rows = []
        for k, s in tr.domains.items():
            p = s.test.get("p")
            rows.append((naming.domain(kb, k, lang), num(s.previous, lang), num(s.current, lang),
                         num(s.change, lang) if s.change is None else (("+" if s.change > 0 else "") + num(s.change, lang)),
                         f"{t('test_' + str(s.test.get('kind')), lang)}, {p_text(p, lang)}"))
        blocks.append(Table((t("domain", lang), t("previous", lang), t("now", lang), t("change", lang),
                             t("test", lang)), tuple(rows)))
        if tr.new_problems:
            blocks.append(Para(t("new_problems", lang, p=", ".join(naming.problem(kb, i, lang) for i in tr.new_problems))))
        if tr.gone_problems:
            blocks.append(Para(t("gone_problems", lang, p=", ".join(naming.problem(kb, i, lang) for i in tr.gone_problems))))

    if d.notices:
        blocks.append(Heading(2, t("warnings", lang)))
        blocks.append(Bullets(tuple(n.get(lang) for n in d.notices)))
    return blocks
