"""Advice that fits this alliance: prioritised interventions, opposite advice reconciled, the reflection agenda.

* ``advice()`` picks at most three interventions for the findings on page one,
  those that suit the alliance's phase (and, where the knowledge base says so,
  its form and governance model) first, each with the reasons it fits here.
* ``conflicts()`` notices when two parts of the diagnosis advise opposite
  things: the trust quadrant or the control-vs-trust advice says "more trust"
  while respondents want the trust-control paradox to move towards control
  (or the other way round). The reading says so instead of giving both.
* ``agenda()`` fills the four steps of the reflection moment (seed 002 §3)
  with this round's findings; it never proposes "hold a reflection moment" as
  an action of the reflection moment itself.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from samenspel.analysis import Diagnosis
from samenspel.i18n import Text
from samenspel.knowledge.advice import Reason, rank_interventions
from samenspel.knowledge.model import KnowledgeBase
from samenspel.reading.context import AllianceContext
from samenspel.reading.findings import Finding
from samenspel.reading.notation import num

MAX_ADVICE = 3
"""Interventions on page one."""
REFLECTION_MOMENT = "reflection_moment"
"""The intervention that *is* the reflection moment: never an item on its own agenda."""
TRUST_CONTROL = "trust_control"
"""The paradox whose desired position can contradict the trust advice (pole A trust, pole B control)."""
FILLABLE = ("collaboration_form", "alliance_form", "governance_model")
"""Context the alliance's details hold (web app, alliance.yaml): advice missing it says so."""


@dataclass(frozen=True)
class Advice:
    """One intervention to consider first: for which finding, and why it fits here."""

    intervention: str
    finding: str  # the finding id it addresses
    problem: str  # the knowledge-base problem whose interventions it comes from
    reasons: tuple[Reason, ...]  # knowledge.advice: why it fits (phase, form, governance model), for then against

    def to_dict(self) -> dict[str, object]:
        return {"intervention": self.intervention, "finding": self.finding, "problem": self.problem,
                "reasons": [{"code": r.code, "context": r.context, "value": r.value, "weight": r.weight,
                             "source": r.source} for r in self.reasons]}


@dataclass(frozen=True)
class Conflict:
    """Two parts of the diagnosis that advise opposite things, with the numbers behind each."""

    code: str  # "trust_vs_control"
    advice: str  # what the trust reading advises: "more_trust" or "more_control"
    advice_from: str  # "quadrant" or "governance"
    wish: str  # where respondents want the paradox to go: "trust" or "control"
    desired: float
    n: int

    def to_dict(self) -> dict[str, object]:
        return {"code": self.code, "advice": self.advice, "advice_from": self.advice_from, "wish": self.wish,
                "desired": self.desired, "n": self.n}


@dataclass(frozen=True)
class AgendaStep:
    """One of the four steps, with what this round brings to it (finding ids and intervention ids)."""

    order: int
    step: str  # knowledge-base reflection step id
    findings: tuple[str, ...] = ()
    questions_for: tuple[str, ...] = ()  # problems whose questions to ask
    interventions: tuple[str, ...] = ()
    phase_do: bool = False  # the phase's "what to do"
    decisions: bool = False

    def to_dict(self) -> dict[str, object]:
        return {"order": self.order, "step": self.step, "findings": list(self.findings),
                "questions_for": list(self.questions_for), "interventions": list(self.interventions),
                "phase_do": self.phase_do, "decisions": self.decisions}


def _problem_for(f: Finding, kb: KnowledgeBase) -> str | None:
    """The knowledge-base problem whose interventions address a finding."""
    if f.kind == "problem":
        return f.code
    if f.kind in ("divergence", "low", "drop"):
        domain = f.code
        if f.kind == "divergence" and domain == "ambition":
            return "no_shared_ambition"
        matches = [p.id for p in kb.problems.values() if domain in p.domains]
        return matches[0] if matches else None
    return None


@dataclass(frozen=True)
class _Measured:
    """A low score on one statement of the leadership and governance module that makes an intervention fit."""

    indicator: str
    intervention: str
    label: Text  # with {value} and {n}
    source: str


MEASURED_LOW = 50.0
"""A module statement below the middle of its scale (with enough evidence) counts as a reason."""
_MEASURED = (
    _Measured("leadership.neutral", "independent_chair",
              Text("Respondenten zien de voorzitter partij kiezen als belangen botsen ({value}; n = {n})",
                   "Respondents see the chair take sides when interests clash ({value}; n = {n})"),
              "004 Inzichten in alliantiesturing"),
    _Measured("leadership.independent", "independent_chair",
              Text("De voorzitter staat voor respondenten niet los van één partner ({value}; n = {n})",
                   "To respondents the chair does not stand apart from one partner ({value}; n = {n})"),
              "004 Inzichten in alliantiesturing"),
    _Measured("leadership.function", "coordination_as_function",
              Text("Coördineren wordt gezien als bron van macht ({value}; n = {n})",
                   "Coordinating is seen as a source of power ({value}; n = {n})"),
              "004 Inzichten in alliantiesturing"),
    _Measured("governance.strategic_decisions", "clear_decisions_and_roles",
              Text("Het is onduidelijk hoe strategische besluiten vallen ({value}; n = {n})",
                   "It is unclear how strategic decisions are made ({value}; n = {n})"),
              "003 ch. 1, Allianties met meerdere partners"),
    _Measured("governance.participation", "governance_transparency",
              Text("Niet alle partners hebben een stem in het bestuur ({value}; n = {n})",
                   "Not all partners have a say in the governance ({value}; n = {n})"),
              "003 ch. 1, Allianties met meerdere partners"),
    _Measured("governance.accountability", "governance_transparency",
              Text("Wie namens de samenwerking besluit, legt weinig verantwoording af ({value}; n = {n})",
                   "Those who decide for the collaboration account little for it ({value}; n = {n})"),
              "003 ch. 1, Allianties met meerdere partners"),
)
CONFLICT_INTERVENTION = "conflict_by_type"


def measured_reasons(d: Diagnosis, kb: KnowledgeBase) -> dict[str, tuple[Reason, ...]]:
    """Reasons from this round's own answers (2.0's leadership and governance module) that make
    interventions fit: a chair seen taking sides puts "an independent chair" first, a named main
    kind of conflict puts "handle each conflict by its type" first, with that type's approach (000 §4).
    Only with enough evidence (the rules' minimums); a round without the module gives none."""
    out: dict[str, list[Reason]] = {}
    for m in _MEASURED:
        v = d.indicators.get(m.indicator)
        if v is None or not v.enough(d.settings) or v.value >= MEASURED_LOW or m.intervention not in kb.interventions:
            continue
        label = Text(m.label.nl.format(value=num(v.value, "nl"), n=v.n), m.label.en.format(value=num(v.value, "en"), n=v.n))
        out.setdefault(m.intervention, []).append(
            Reason(f"measured_{m.indicator}", "measured", m.indicator, 1, label, None, m.source))
    c = d.conflict
    if (c is not None and c.main is not None and c.main in kb.conflict_types and c.n >= d.settings.min_evidence_n
            and c.partners >= d.settings.min_evidence_partners and CONFLICT_INTERVENTION in kb.interventions):
        kind = kb.conflict_types[c.main]
        share = {lang: f"{round(100 * c.share(c.main))}%" for lang in ("nl", "en")}
        label = Text(f"{share['nl']} van de respondenten noemt vooral een {kind.name.nl.lower()} (n = {c.n}): "
                     f"{kind.approach.nl}",
                     f"{share['en']} of the respondents name mainly a {kind.name.en.lower()} (n = {c.n}): "
                     f"{kind.approach.en}")
        out.setdefault(CONFLICT_INTERVENTION, []).append(
            Reason(f"measured_conflict_{c.main}", "measured", c.main, 1, label, None, kind.source))
    return {k: tuple(v) for k, v in out.items()}


def ranked_interventions(problem: str, kb: KnowledgeBase, phase: int | None,
                         context: AllianceContext, phase_detail: str | None = None,
                         measured: Mapping[str, Sequence[Reason]] | None = None,
                         ) -> list[tuple[str, tuple[Reason, ...]]]:
    """A problem's interventions, those that fit this alliance first, with the reasons they fit
    (``knowledge.advice.rank_interventions``: phase, 004 phase, alliance form, form of collaboration,
    governance model)."""
    if problem not in kb.problems:
        return []
    ranked = rank_interventions(kb, problem, phase=phase, phase_detail=phase_detail,
                                alliance_form=context.alliance_form,
                                collaboration_form=context.collaboration_form,
                                governance_model=context.governance_model, measured=measured)
    return [(r.id, r.reasons) for r in ranked.ranked]


def not_used(problems: Sequence[str], kb: KnowledgeBase, phase: int | None, context: AllianceContext,
             phase_detail: str | None = None) -> tuple[str, ...]:
    """The context fields that are unknown and would have changed the advice for these problems."""
    out: list[str] = []
    for problem in problems:
        if problem not in kb.problems:
            continue
        ranked = rank_interventions(kb, problem, phase=phase, phase_detail=phase_detail,
                                    alliance_form=context.alliance_form,
                                    collaboration_form=context.collaboration_form,
                                    governance_model=context.governance_model)
        out += [n.context for n in ranked.not_used if n.context not in out and n.context in FILLABLE]
    order = FILLABLE
    return tuple(sorted(out, key=order.index))


def advice(top: Sequence[Finding], kb: KnowledgeBase, phase: int | None, context: AllianceContext,
           k: int = MAX_ADVICE, phase_detail: str | None = None,
           measured: Mapping[str, Sequence[Reason]] | None = None) -> tuple[Advice, ...]:
    """At most ``k`` interventions for the page-one findings, one per finding first, then second choices."""
    lists = []
    for f in top:
        problem = _problem_for(f, kb)
        if problem is not None:
            lists.append((f, problem, ranked_interventions(problem, kb, phase, context, phase_detail, measured)))
    chosen: list[Advice] = []
    taken: set[str] = set()
    for depth in range(max((len(x[2]) for x in lists), default=0)):
        for f, problem, ranked in lists:
            if len(chosen) == k:
                return tuple(chosen)
            if depth < len(ranked):
                i, reasons = ranked[depth]
                if i not in taken and i != REFLECTION_MOMENT:
                    taken.add(i)
                    chosen.append(Advice(i, f.id, problem, tuple(r for r in reasons if r.weight > 0)))
    return tuple(chosen)


def conflicts(d: Diagnosis, lean_margin: float | None = None) -> tuple[Conflict, ...]:
    """Trust advice against the wish on the trust-control paradox (pole A trust, 0; pole B control, 100)."""
    par = d.paradoxes.get(TRUST_CONTROL)
    if par is None or par.desired is None or par.now is None:
        return ()
    margin = d.settings.lean_margin if lean_margin is None else lean_margin
    move = par.desired - par.now
    wish = "control" if move >= margin else "trust" if move <= -margin else None
    if wish is None:
        return ()
    out = []
    q = d.trust_formal.quadrant if d.trust_formal else None
    if q is not None and q.startswith("low_trust") and wish == "control":
        out.append(Conflict("trust_vs_control", "more_trust", "quadrant", wish, par.desired, par.n))
    g = d.governance.advice if d.governance else None
    if g == "more_trust" and wish == "control" and not out:
        out.append(Conflict("trust_vs_control", "more_trust", "governance", wish, par.desired, par.n))
    if g == "more_control" and wish == "trust":
        out.append(Conflict("trust_vs_control", "more_control", "governance", wish, par.desired, par.n))
    return tuple(out)


def agenda(top: Sequence[Finding], strengths: Sequence[Finding], findings: Sequence[Finding],
           advised: Sequence[Advice], kb: KnowledgeBase, phase: int | None) -> tuple[AgendaStep, ...]:
    """The four reflection steps, each with what this round brings to it."""
    steps = sorted(kb.reflection_steps, key=lambda s: s.order)
    problems = ([f.code for f in findings if f.kind == "problem" and f.clear]
                or [f.code for f in findings if f.kind == "problem"][:1])
    out = []
    for pos, step in enumerate(steps, 1):
        if pos == 1:  # see the diversity and synergy: strengths and differences
            ids = [f.id for f in strengths[:2]] + [f.id for f in findings if f.kind == "divergence"]
            out.append(AgendaStep(step.order, step.id, findings=tuple(ids)))
        elif pos == 2:  # analyse the bottlenecks: the questions partners ask each other
            out.append(AgendaStep(step.order, step.id, findings=tuple(f.id for f in top),
                                  questions_for=tuple(p for p in problems if p in kb.problems)))
        elif pos == 3:  # alternatives: the advice, then more of each problem's interventions
            ids = [a.intervention for a in advised]
            for p in problems:
                for i, _ in ranked_interventions(p, kb, phase, AllianceContext())[:3]:
                    if i not in ids and i != REFLECTION_MOMENT:
                        ids.append(i)
            out.append(AgendaStep(step.order, step.id, interventions=tuple(ids)))
        else:
            out.append(AgendaStep(step.order, step.id, phase_do=phase in kb.phases, decisions=pos == len(steps)))
    return tuple(out)
