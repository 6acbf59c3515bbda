"""The next round checks: what was decided last time, and what the measures it addresses did since.

A decision names a finding (``problem:under_organisation``) or a measure
(``domain:relation``). The next round's reading already compares every
angle with the previous round (``analysis.trend``) and calls a change
meaningful only when it passes its test *and* moves at least the smallest
important change (``Settings.min_important_change``). This module uses that
verdict as it is — a rise, a drop, or "not yet visible" — and never judges a
change by a rule of its own. Figures are the published (disclosed) reading's
alliance-wide scores; no partner figure appears here.
"""

from __future__ import annotations

from dataclasses import dataclass

from samenspel.knowledge.model import KnowledgeBase
from samenspel.reading import Reading
from samenspel.reading import naming
from samenspel.reading.labels import t
from samenspel.reading.notation import num, p_value
from samenspel.web.alliances.models import MeasurementRound
from samenspel.web.steering.models import Action


def _say(lang: str, nl: str, en: str) -> str:
    return en if lang == "en" else nl

ROSE = "rose"
FELL = "fell"
NOT_VISIBLE = "not_visible"
NOT_COMPARED = "not_compared"


@dataclass(frozen=True)
class MeasureChange:
    """One measure an action addresses, with the trend's verdict on it."""

    domain: str
    verdict: str  # rose, fell, not_visible, not_compared
    previous: float | None = None
    current: float | None = None
    change: float | None = None
    p: float | None = None
    n: int | None = None


@dataclass(frozen=True)
class Outcome:
    """An action of the previous round and what became of the measures it addresses."""

    action: Action
    changes: tuple[MeasureChange, ...]
    problem: str | None = None  # the problem it addresses, if any
    problem_gone: bool | None = None  # no longer found this round (None: not a problem, or not compared)


def measures(addresses: str, kb: KnowledgeBase, before: Reading | None) -> tuple[tuple[str, ...], str | None]:
    """(the angles, the problem) an action's ``addresses`` points at.

    A measure id names its angle; a finding of the earlier round names the
    angles it is about (its defining evidence); a problem not in that reading
    names the angles the knowledge base gives it.
    """
    kind, _, code = addresses.partition(":")
    if kind == "domain":
        return ((code,) if code in kb.domains else ()), None
    problem = code if kind == "problem" else None
    found = before.finding(addresses) if before is not None else None
    if found is not None:
        domains = tuple(sorted(a.split(":", 1)[1] for a in found.about if a.startswith("domain:")))
        if domains:
            return domains, problem
    if kind in ("divergence", "low", "drop", "rise") and code in kb.domains:
        return (code,), problem
    if problem and problem in kb.problems:
        return tuple(d for d in kb.problems[problem].domains if d in kb.domains), problem
    return (), problem


def _change(domain: str, now: Reading) -> MeasureChange:
    tr = now.diagnosis.trend
    s = tr.domains.get(domain) if tr is not None else None
    if s is None or s.change is None:
        return MeasureChange(domain, NOT_COMPARED)
    p = s.test.get("p")
    n = s.test.get("n")
    verdict = (ROSE if s.change > 0 else FELL) if s.meaningful else NOT_VISIBLE
    return MeasureChange(domain, verdict, s.previous, s.current, s.change,
                         p if isinstance(p, float) else None, n if isinstance(n, int) else None)


def earlier_round(rnd: MeasurementRound, now: Reading | None) -> MeasurementRound | None:
    """The round this one is compared with: the trend's previous round, else the latest round before it."""
    if now is not None and now.diagnosis.trend is not None:
        found = rnd.alliance.rounds.filter(code=now.diagnosis.trend.previous_round).first()
        if found is not None:
            return found
    return (rnd.alliance.rounds.filter(opens__lt=rnd.opens).exclude(pk=rnd.pk).order_by("-opens", "-created_at")
            .first())


def outcomes(rnd: MeasurementRound, now: Reading | None, before: Reading | None, kb: KnowledgeBase,
             earlier: MeasurementRound | None) -> list[Outcome]:
    """Each action of the earlier round with the verdict of this round's trend on what it addresses."""
    if earlier is None:
        return []
    out = []
    for action in earlier.actions.select_related("partner"):
        domains, problem = measures(action.addresses, kb, before)
        changes = tuple(_change(d, now) if now is not None else MeasureChange(d, NOT_COMPARED) for d in domains)
        gone = None
        tr = now.diagnosis.trend if now is not None else None
        if problem and tr is not None and tr.previous_round == earlier.code and problem in tr.problems:
            gone = problem in tr.gone_problems or tr.problems[problem].get("current") is None
        out.append(Outcome(action, changes, problem, gone))
    return out


def sentence(c: MeasureChange, kb: KnowledgeBase, lang: str) -> str:
    """What the trend says about one measure, with its numbers and n, in ``lang``."""
    name = naming.domain(kb, c.domain, lang)
    if c.verdict == NOT_COMPARED:
        return _say(lang, f"{name}: niet in beide rondes gemeten, dus nog niet te zeggen",
                    f"{name}: not measured in both rounds, so nothing to say yet")
    figures = (f"{num(c.previous, lang)} → {num(c.current, lang)}, {num(c.change, lang, 1, sign=True)}; "
               f"{p_value(c.p, lang)}, n = {c.n}")
    if c.verdict == ROSE:
        return _say(lang, f"{name} is betekenisvol gestegen ({figures})", f"{name} rose meaningfully ({figures})")
    if c.verdict == FELL:
        return _say(lang, f"{name} is betekenisvol gedaald ({figures})", f"{name} fell meaningfully ({figures})")
    return _say(lang, f"{name}: nog geen verandering te zien ({figures})", f"{name}: no change visible yet ({figures})")


def rule(now: Reading, lang: str) -> str:
    """The evidence rule every trend uses, in the report's own words."""
    s = now.diagnosis.settings
    return t("trend_rule", lang, level="p < " + num(s.test_level, lang, 2), min=num(s.min_important_change, lang))


def last_time(rnd: MeasurementRound, lang: str) -> dict[str, object] | None:
    """The "what we decided last time and what happened" section of ``rnd``'s dashboard, or None without
    decisions in the earlier round."""
    from samenspel.knowledge import load_knowledge
    from samenspel.web.alliances.diagnosis import reading_for
    from samenspel.web.steering.decisions import status_label

    now = reading_for(rnd)
    earlier = earlier_round(rnd, now)
    if earlier is None or not earlier.actions.exists():
        return None
    kb = load_knowledge()
    before = reading_for(earlier)
    items = []
    for o in outcomes(rnd, now, before, kb, earlier):
        lines = [sentence(c, kb, lang) for c in o.changes]
        if not o.changes:
            lines.append(_say(lang, "Pakt niets aan dat de vragenlijst meet",
                              "Addresses nothing the questionnaire measures"))
        if o.problem and o.problem_gone is not None:
            name = naming.problem(kb, o.problem, lang)
            lines.append(_say(lang, f"{name}: deze ronde niet meer gevonden", f"{name}: no longer found this round")
                         if o.problem_gone else
                         _say(lang, f"{name}: deze ronde nog steeds gevonden", f"{name}: still found this round"))
        items.append({"id": o.action.pk, "what": o.action.what, "owner": o.action.owner,
                      "status": status_label(o.action.status, lang), "note": o.action.note, "lines": lines,
                      "verdicts": [c.verdict for c in o.changes]})
    caveat = _say(lang, "Een verandering laat zien wat bewoog, niet dat het besluit de oorzaak was.",
                  "A change shows what moved, not that the decision caused it.")
    title = _say(lang, "Wat we vorige keer besloten en wat ervan kwam", "What we decided last time and what happened")
    of = _say(lang, f"Besluiten van {earlier.name}.", f"Decisions of {earlier.name}.")
    return {"round": earlier, "title": title, "items": items,
            "intro": " ".join(x for x in (of, rule(now, lang) if now is not None else "", caveat) if x)}
