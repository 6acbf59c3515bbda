"""The text and markdown layout of a reading: page one first, then the details.

Only layout: the findings, their order, the strengths, the advice and every
privacy decision come from the reading (``samenspel.reading``); the words from
``reading.phrases`` and ``reading.labels``; the numbers from
``reading.notation``. Page one is what a chair reads in two minutes: the
findings, the strengths, the phase and trust quadrant, response and data
quality in one line, with no statistics beyond n; what to do first follows it.
"""

from __future__ import annotations

from samenspel.knowledge.model import KnowledgeBase
from samenspel.reading import naming
from samenspel.reading import phrases as P
from samenspel.reading.labels import t
from samenspel.reading.notation import num, p_value, pct
from samenspel.reading.reading import Reading
from samenspel.render.blocks import Block, Bullets, Heading, Para, Table

ITEM_TEXT_WIDTH = 60
"""Question texts in the table of divergent items are cut to this many characters."""
FACTORS_EACH_END = 5
"""Success conditions listed at each end (most and least in place)."""


def _short(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip(" ,;:") + "…"


def page_one(r: Reading, kb: KnowledgeBase, lang: str) -> list[Block]:
    """Title, one line of response and quality, the findings, strengths, phase and quadrant, advice."""
    d = r.diagnosis
    title = r.context.name or d.alliance or "?"
    blocks: list[Block] = [Heading(1, t("title", lang, alliance=title)),
                           Para(t("intro", lang, round=P.round_(r, d.round), quality=P.quality_line(r, kb, lang)))]
    phase = P.phase_line(r, kb, lang) or t("no_phase", lang)
    quadrant = P.quadrant_name(r, kb, lang) or t("no_trust", lang)
    blocks.append(Para(t("context_line", lang, phase=phase, quadrant=quadrant)))
    blocks.append(Heading(2, t("signals", lang)))
    if r.top:
        blocks.append(Bullets(tuple(f"{P.headline(f, kb, lang)}. {P.detail(f, r, kb, lang)}" for f in r.top),
                              numbered=True))
    else:
        blocks.append(Para(t("no_signals", lang)))
    blocks.append(Heading(2, t("strengths", lang)))
    if r.top_strengths:
        blocks.append(Bullets(tuple(f"{P.headline(f, kb, lang)}. {P.detail(f, r, kb, lang)}"
                                    for f in r.top_strengths)))
    else:
        blocks.append(Para(t("no_strengths", lang)))
    if r.conflicts:
        blocks.append(Heading(2, t("conflicts", lang)))
        blocks.append(Bullets(tuple(P.conflict_text(c, kb, lang) for c in r.conflicts)))
    return blocks


def advice(r: Reading, kb: KnowledgeBase, lang: str) -> list[Block]:
    """What to do first: at most three interventions that fit here, each with why and a first step."""
    if not r.advice:
        return []
    items = []
    for a in r.advice:
        item = P.advice_item(a, r, kb, lang)
        line = f"{item['name']}: {item['why']}."
        if item["first_step"]:
            line += f" {t('first_step', lang)}: {item['first_step']}"
        items.append(line)
    blocks: list[Block] = [Heading(2, t("advice", lang)), Bullets(tuple(items), numbered=True)]
    if r.advice_not_used:
        blocks.append(Para(P.advice_not_used(r, lang)))
    return blocks


def details(r: Reading, kb: KnowledgeBase, lang: str, instrument_text: dict[str, str] | None = None) -> list[Block]:
    """Everything behind page one, with the statistics."""
    d = r.diagnosis
    blocks: list[Block] = [Heading(2, t("details", lang))]
    blocks += _findings(r, kb, lang)
    blocks += _domains(r, kb, lang)
    blocks += _phase(r, kb, lang)
    blocks += _trust(r, kb, lang)
    blocks += _paradoxes(r, kb, lang)
    blocks += _items(r, kb, lang, instrument_text or {})
    blocks += _factors(r, kb, lang)
    blocks += _network(r, lang)
    blocks += _trend(r, kb, lang)
    notes = [P.notice_text(n, r, kb, lang) for n in d.notices]
    if notes:
        blocks.append(Heading(3, t("warnings", lang)))
        blocks.append(Bullets(tuple(notes)))
    blocks.append(Para(t("min_group_line", lang, min=r.disclosure.min_group)))
    return blocks


def outline(r: Reading, kb: KnowledgeBase, lang: str = "nl", instrument_text: dict[str, str] | None = None) -> list[Block]:
    return page_one(r, kb, lang) + advice(r, kb, lang) + details(r, kb, lang, instrument_text)


def _findings(r: Reading, kb: KnowledgeBase, lang: str) -> list[Block]:
    blocks: list[Block] = [Heading(3, t("problems", lang))]
    clear = [f for f in r.findings if f.clear]
    if not clear:
        blocks.append(Para(t("no_problems", lang)))
    for f in clear:
        label = t("clear_signal", lang)
        if f.kind == "problem":
            label += f", {t('strength', lang, s=num(f.weight, lang, 2))}"
        blocks.append(Para(f"{P.headline(f, kb, lang)} ({label})"))
        blocks.append(Bullets(tuple(P.evidence_line(e, r, kb, lang) for e in f.evidence)))
        if f.kind == "problem":
            known = kb.problems.get(f.code)
            if known and known.questions:
                blocks.append(Para(t("questions", lang) + ":"))
                blocks.append(Bullets(tuple(q.get(lang) for q in known.questions)))
    weak = [f for f in r.findings if not f.clear]
    if weak:
        blocks.append(Para(t("weak_list", lang, p="; ".join(
            f"{P.headline(f, kb, lang)} ({P.evidence_line(f.evidence[0], r, kb, lang).rstrip('.')})" if f.evidence
            else P.headline(f, kb, lang) for f in weak))))
    for nj in r.not_judged:
        blocks.append(Para(P.notice_text(next(n for n in r.diagnosis.notices
                                               if n.code == f"rule_not_judged:{nj.problem}"), r, kb, lang)))
    return blocks


def _domains(r: Reading, kb: KnowledgeBase, lang: str) -> list[Block]:
    d = r.diagnosis
    if not d.domains:
        return []
    shown = [p for p in r.disclosure.shown]
    header = (t("div_domain", lang), t("score", lang), "±", "n", "alpha", t("rwg", lang), t("differ", lang),
              *(P.partner(r, p, lang) for p in shown))
    rows = []
    for key, res in d.domains.items():
        flag = res.divergence.flag if res.divergence is not None else None
        rows.append((naming.domain(kb, key, lang), num(res.score, lang), num(res.margin, lang), str(res.n),
                     num(res.reliability.alpha if res.reliability else None, lang, 2), num(res.rwg, lang, 2),
                     "–" if flag is None else t("yes" if flag else "no", lang),
                     *(num(res.by_partner.get(p), lang) for p in shown)))
    blocks: list[Block] = [Heading(3, t("domains", lang)), Table(header, tuple(rows))]
    blocks.extend(Para(line) for line in P.hidden_lines(r, lang))
    return blocks


def _phase(r: Reading, kb: KnowledgeBase, lang: str) -> list[Block]:
    ph = r.diagnosis.phase
    line = P.phase_line(r, kb, lang)
    if ph is None or line is None or ph.modal is None:
        return []
    known = kb.phases[ph.modal]
    spread = " · ".join(f"{a}: {pct(s, lang)}" for a, s in ph.distribution.items())
    blocks: list[Block] = [Heading(3, t("phase_box", lang)),
                           Para(f"{line}. {t('phase_share', lang, share=pct(ph.distribution.get(str(ph.modal)), lang))} "
                                f"{t('phase_spread', lang, parts=spread)} (n = {ph.n})"),
                           Para(t("phase_question", lang, q=known.question.get(lang)))]
    if known.do:
        blocks.append(Para(t("todo", lang) + ":"))
        blocks.append(Bullets(tuple(x.get(lang) for x in known.do)))
    return blocks


def _trust(r: Reading, kb: KnowledgeBase, lang: str) -> list[Block]:
    d = r.diagnosis
    tf, g = d.trust_formal, d.governance
    if tf is None and g is None:
        return []
    blocks: list[Block] = [Heading(3, t("trust_box", lang))]
    if tf is not None and tf.quadrant is not None:
        q = kb.trust_quadrants.get(tf.quadrant)
        blocks.append(Para(f"{t('trust_line', lang, t=num(tf.trust, lang), f=num(tf.formal_overlap, lang))} "
                           f"{q.name.get(lang) if q else tf.quadrant}: {q.advice.get(lang) if q else ''}".rstrip(": ")))
    if g is not None and g.advice is not None:
        ga = kb.governance_advice.get(g.advice)
        blocks.append(Para(t("governance_line", lang, r=num(g.relational_uncertainty, lang),
                             f=num(g.field_uncertainty, lang),
                             name=naming.in_sentence(ga.name.get(lang), lang) if ga else g.advice)
                           + (f" {ga.advice.get(lang)}" if ga else "")))
    return blocks


def _paradoxes(r: Reading, kb: KnowledgeBase, lang: str) -> list[Block]:
    d = r.diagnosis
    if not d.paradoxes:
        return []
    rows = tuple((naming.paradox(kb, k, lang), num(p.now, lang), num(p.desired, lang), num(p.tension, lang),
                  num(p.polarisation, lang, 2), str(p.n))
                 for k, p in sorted(d.paradoxes.items(), key=lambda kv: -(kv[1].tension or 0)))
    return [Heading(3, t("paradoxes", lang)),
            Table((t("paradox", lang), t("now", lang), t("desired", lang), t("tension", lang),
                   t("polarisation", lang), "n"), rows),
            Para(t("paradox_note", lang))]


def _items(r: Reading, kb: KnowledgeBase, lang: str, texts: dict[str, str]) -> list[Block]:
    d = r.diagnosis
    if not d.divergent_items:
        return []
    shown = list(r.disclosure.shown)
    marker = " " + t("reversed", lang)
    rows = tuple(((_short(texts.get(i.item, i.item), ITEM_TEXT_WIDTH)) + (marker if i.reverse else ""),
                  num(i.eta2, lang, 2), str(i.n), *(num(i.by_partner.get(p), lang) for p in shown))
                 for i in d.divergent_items)
    note = t("items_note", lang, min=r.disclosure.min_group)
    if any(i.reverse for i in d.divergent_items):
        note += " " + t("reversed_note", lang)
    return [Heading(3, t("div_items", lang)),
            Table((t("item", lang), "eta²", "n", *(P.partner(r, p, lang) for p in shown)), rows), Para(note)]


def _factors(r: Reading, kb: KnowledgeBase, lang: str) -> list[Block]:
    d = r.diagnosis
    if d.motives is None and not d.factors:
        return []
    blocks: list[Block] = [Heading(3, t("motives", lang))]
    if d.motives is not None and d.motives.overlap is not None:
        blocks.append(Para(t("motive_overlap", lang, o=num(d.motives.overlap, lang, 2))))

    def label(f: object) -> str:
        fid = f.id  # type: ignore[attr-defined]
        name = kb.factors[fid].name.get(lang) if fid in kb.factors else fid
        return f"{name} ({num(100 * (f.share or 0), lang)}%, n = {f.n})"  # type: ignore[attr-defined]

    failure = sorted((f for f in d.factors if f.kind == "failure" and f.share is not None
                      and f.share >= d.settings.factor_share), key=lambda f: -(f.share or 0.0))
    if failure:
        blocks.append(Para(t("failure_recognised", lang, min=num(100 * d.settings.factor_share, lang)) + ":"))
        blocks.append(Bullets(tuple(label(f) for f in failure[:FACTORS_EACH_END])))
    success = sorted((f for f in d.factors if f.kind == "success" and f.share is not None),
                     key=lambda f: -(f.share or 0.0))
    if success:
        blocks.append(Para(t("success_in_place", lang) + ":"))
        blocks.append(Bullets(tuple(label(f) for f in success[:FACTORS_EACH_END])))
        if len(success) > FACTORS_EACH_END:
            blocks.append(Para(t("success_missing", lang) + ":"))
            blocks.append(Bullets(tuple(label(f) for f in reversed(success[-FACTORS_EACH_END:]))))
    return blocks


def _network(r: Reading, lang: str) -> list[Block]:
    net = r.diagnosis.network
    if net is None:
        return []
    blocks: list[Block] = [Heading(3, t("network", lang)),
                           Para(t("network_line", lang, d=num(net.density, lang, 2), r=num(net.reciprocity, lang, 2)))]
    sentences = P.network_sentences(r, lang)
    blocks.append(Bullets(tuple(sentences)) if sentences else Para(t("network_none", lang)))
    return blocks


def _trend(r: Reading, kb: KnowledgeBase, lang: str) -> list[Block]:
    tr = r.diagnosis.trend
    if tr is None:
        return []
    rows = []
    for k, s in tr.domains.items():
        p = s.test.get("p")
        verdict = t("trend_meaningful" if s.meaningful else "trend_not_meaningful", lang)
        rows.append((naming.domain(kb, k, lang), num(s.previous, lang), num(s.current, lang),
                     num(s.change, lang, sign=True), f"{verdict} ({t('test_' + str(s.test.get('kind')), lang)}, "
                     f"{p_value(p if isinstance(p, float) else None, lang)}, n = {s.test.get('n')})"))
    blocks: list[Block] = [Heading(3, t("trend_since", lang, r=P.round_(r, tr.previous_round))),
                           Table((t("div_domain", lang), t("previous", lang), t("now", lang), t("change", lang),
                                  t("meaningful", lang)), tuple(rows)),
                           Para(t("trend_rule", lang, level="p < " + num(r.diagnosis.settings.test_level, lang, 2),
                                  min=num(r.diagnosis.settings.min_important_change, lang)))]
    if tr.new_problems:
        blocks.append(Para(t("new_problems", lang, p=", ".join(naming.problem(kb, i, lang) for i in tr.new_problems))))
    if tr.gone_problems:
        blocks.append(Para(t("gone_problems", lang, p=", ".join(naming.problem(kb, i, lang) for i in tr.gone_problems))))
    return blocks
