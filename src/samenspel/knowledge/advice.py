"""Which of a problem's interventions come first for this alliance (issue 9 point 5).

A steering group should not get a list of six interventions for a problem;
it should get the two or three that fit *its* situation, each with why and a
first step. The situation is what the alliance context stores: the phase on
the common axis (1-4), optionally seed 004's finer phase, the alliance form
(003), the form of collaboration (000 Tabel 1) and the multi-partner
governance model (003). The knowledge base says, per intervention, which
phases it suits (``phases``, ``phase_details``) and, where a seed supports
it, which contexts it especially fits or works against (``fits``).

The ranking, in this order:

1. An intervention suited to the alliance's phase comes before one that is
   not (unknown phase: no intervention is put back for it).
2. Then by score: +1 for the 004 phase it carries out, +1 for every fit
   claim that matches the context, -1 for every caution (``suits: false``).
   The phase itself also adds +1 (or -1 when it does not suit), so the score
   a reader sees sums every reason shown.
3. Ties keep the problem's own order in the knowledge base, which lists its
   most central interventions first.

Every reason carries a stable ``code``, the context value, a short bilingual
label, the knowledge base's reason sentence (for fit claims) and its source.
Context that is unknown but would have changed the advice for this problem
is listed in ``Advice.not_used``, so the reading can say which
context-dependent advice it could not give. 004's start spans axis 1-2, so a
phase of 1 or 2 implies it; at phase 3 (discover and learn, or productivity
and added value) only ``phase_detail`` can tell.

Pure: no I/O, no language choice; the reading picks ``nl`` or ``en``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from samenspel.errors import SamenspelError
from samenspel.i18n import Text
from samenspel.knowledge.model import FIT_KINDS, FitContext, Intervention, KnowledgeBase

Context = Literal["phase", "phase_detail", "alliance_form", "collaboration_form", "governance_model", "measured"]

# How a fit context is named in a reason label, and any context in a "not used" sentence.
_CONTEXT_NAMES: dict[str, Text] = {
    "alliance_form": Text("alliantievorm", "alliance form"),
    "collaboration_form": Text("samenwerkingsvorm", "form of collaboration"),
    "governance_model": Text("sturingsmodel", "governance model"),
}
_UNKNOWN: dict[str, Text] = {
    "phase": Text("De fase", "The phase"),
    "phase_detail": Text("De fase volgens de stuurgroeppraktijk (004)", "The phase in steering-group practice (004)"),
    "alliance_form": Text("De alliantievorm", "The alliance form"),
    "collaboration_form": Text("De samenwerkingsvorm", "The form of collaboration"),
    "governance_model": Text("Het sturingsmodel", "The governance model"),
}


@dataclass(frozen=True, slots=True)
class Reason:
    """One reason for (weight +1) or against (weight -1) an intervention in this context."""

    code: str  # suits_phase, not_for_phase, suits_phase_detail, suits_<context>, not_for_<context>
    context: Context
    value: str  # the context value it matched: "2", "discover_learn", "lead_partner"
    weight: int
    label: Text  # short: "Past bij fase 2 (Vormen)" / "Suits phase 2 (Shaping)"
    reason: Text | None  # the knowledge base's sentence why (fit claims); None for phases
    source: str  # what the claim rests on (docs/SOURCES.md)


@dataclass(frozen=True, slots=True)
class RankedIntervention:
    """An intervention with its place in this context and the reasons for it."""

    intervention: Intervention
    in_phase: bool | None  # None when the phase is unknown
    score: int  # the sum of the reasons' weights
    reasons: tuple[Reason, ...]  # reasons for first, then against

    @property
    def id(self) -> str:
        return self.intervention.id

    @property
    def first_step(self) -> Text | None:
        return self.intervention.first_step


@dataclass(frozen=True, slots=True)
class NotUsed:
    """Context the advice could not use because it is unknown, and which interventions it concerns."""

    context: Context
    interventions: tuple[str, ...]  # ids whose place would depend on it
    label: Text  # one sentence for the reading


@dataclass(frozen=True, slots=True)
class Advice:
    """A problem's interventions ranked for one alliance's context."""

    problem: str
    ranked: tuple[RankedIntervention, ...]
    not_used: tuple[NotUsed, ...]

    def top(self, n: int = 3) -> tuple[RankedIntervention, ...]:
        """The ``n`` interventions to propose first (issue 9: at most three)."""
        return self.ranked[:n]


def rank_interventions(
    kb: KnowledgeBase,
    problem_id: str,
    *,
    phase: int | None = None,
    phase_detail: str | None = None,
    alliance_form: str | None = None,
    collaboration_form: str | None = None,
    governance_model: str | None = None,
    measured: Mapping[str, Sequence[Reason]] | None = None,
) -> Advice:
    """Rank a problem's interventions for this context (each argument optional; see the module doc).

    ``measured`` adds reasons the round's own answers give, per intervention id
    (the reading decides them, e.g. "respondents see the chair taking sides");
    they count like the other reasons.

    ``phase`` is the position on the common axis (1-4); without it, the axis
    of ``phase_detail`` is used. Unknown ids and phases are user errors: they
    come from an alliance's context, which should name knowledge-base ids.
    """
    problem = kb.problems.get(problem_id)
    if problem is None:
        raise SamenspelError(f"unknown problem id '{problem_id}'")
    chosen: dict[FitContext, str | None] = {
        "alliance_form": alliance_form,
        "collaboration_form": collaboration_form,
        "governance_model": governance_model,
    }
    _check_context(kb, phase, phase_detail, chosen)
    if phase is not None:
        axis: tuple[int, ...] | None = (phase,)
    elif phase_detail is not None:
        axis = kb.phase_details[phase_detail].axis
    else:
        axis = None
    detail = phase_detail if phase_detail is not None else ("design_align" if phase in (1, 2) else None)

    keyed = []
    for index, intervention_id in enumerate(problem.interventions):
        item = _rank_one(kb, kb.interventions[intervention_id], axis, detail, chosen,
                         tuple((measured or {}).get(intervention_id, ())))
        keyed.append(((item.in_phase is False, -item.score, index), item))
    ranked = tuple(item for _key, item in sorted(keyed, key=lambda pair: pair[0]))
    return Advice(problem_id, ranked, _not_used(kb, problem.interventions, axis, detail, chosen))


def _rank_one(
    kb: KnowledgeBase,
    item: Intervention,
    axis: tuple[int, ...] | None,
    detail: str | None,
    chosen: dict[FitContext, str | None],
    measured: tuple[Reason, ...] = (),
) -> RankedIntervention:
    reasons: list[Reason] = list(measured)
    in_phase: bool | None = None
    if axis is not None:
        hits = [a for a in axis if a in item.phases]
        in_phase = bool(hits)
        reasons.append(_phase_reason(kb, item, hits[0]) if hits else _other_phase_reason(item, axis))
    if detail is not None and detail in item.phase_details:
        d = kb.phase_details[detail]
        label = Text(f"Hoort bij de fase '{d.name.nl}' (004)", f"Belongs to the phase '{d.name.en}' (004)")
        reasons.append(Reason("suits_phase_detail", "phase_detail", detail, 1, label, None, d.source))
    for fit in item.fits:
        value = chosen[fit.context]
        if value is None or value not in fit.ids:
            continue
        entry = getattr(kb, FIT_KINDS[fit.context])[value]
        what = _CONTEXT_NAMES[fit.context]
        if fit.suits:
            label = Text(f"Past bij {what.nl}: {entry.name.nl}", f"Suits {what.en}: {entry.name.en}")
        else:
            label = Text(f"Past minder bij {what.nl}: {entry.name.nl}", f"Less suited to {what.en}: {entry.name.en}")
        code = f"{'suits' if fit.suits else 'not_for'}_{fit.context}"
        reasons.append(Reason(code, fit.context, value, 1 if fit.suits else -1, label, fit.reason, fit.source))
    reasons.sort(key=lambda r: r.weight < 0)  # stable: for first, in the order found, then against
    return RankedIntervention(item, in_phase, sum(r.weight for r in reasons), tuple(reasons))


def _phase_reason(kb: KnowledgeBase, item: Intervention, axis: int) -> Reason:
    name = kb.phases[axis].name if axis in kb.phases else Text(str(axis), str(axis))
    label = Text(f"Past bij fase {axis} ({name.nl})", f"Suits phase {axis} ({name.en})")
    return Reason("suits_phase", "phase", str(axis), 1, label, None, item.source)


def _other_phase_reason(item: Intervention, axis: tuple[int, ...]) -> Reason:
    phases = ", ".join(str(p) for p in item.phases)
    label = Text(f"Past beter bij fase {phases}", f"Better suited to phase {phases}")
    return Reason("not_for_phase", "phase", ", ".join(str(a) for a in axis), -1, label, None, item.source)


def _not_used(
    kb: KnowledgeBase,
    intervention_ids: tuple[str, ...],
    axis: tuple[int, ...] | None,
    detail: str | None,
    chosen: dict[FitContext, str | None],
) -> tuple[NotUsed, ...]:
    """Unknown context that would have changed this problem's advice, with the interventions concerned."""
    items = [kb.interventions[i] for i in intervention_ids]
    depends: dict[Context, tuple[str, ...]] = {}
    if axis is None:
        depends["phase"] = tuple(i.id for i in items if set(i.phases) != {1, 2, 3, 4})
    if detail is None and (axis is None or 3 in axis):
        depends["phase_detail"] = tuple(i.id for i in items if i.phase_details)
    for context, value in chosen.items():
        if value is None:
            depends[context] = tuple(i.id for i in items if any(f.context == context for f in i.fits))
    out = []
    for context, ids in depends.items():
        if ids:
            what = _UNKNOWN[context]
            label = Text(
                f"{what.nl} is niet bekend, dus advies dat daarvan afhangt is niet gebruikt ({len(ids)} van de "
                f"{len(items)} interventies).",
                f"{what.en} is not known, so advice that depends on it was not used ({len(ids)} of the "
                f"{len(items)} interventions).",
            )
            out.append(NotUsed(context, ids, label))
    return tuple(out)


def _check_context(
    kb: KnowledgeBase, phase: int | None, phase_detail: str | None, chosen: dict[FitContext, str | None]
) -> None:
    if phase is not None and phase not in (1, 2, 3, 4):
        raise SamenspelError(f"phase {phase!r} is not a position on the axis 1-4")
    if phase_detail is not None and phase_detail not in kb.phase_details:
        raise SamenspelError(f"unknown phase detail '{phase_detail}' (known: {', '.join(kb.phase_details)})")
    for context, value in chosen.items():
        table = getattr(kb, FIT_KINDS[context])
        if value is not None and value not in table:
            raise SamenspelError(f"unknown {context.replace('_', ' ')} '{value}' (known: {', '.join(table)})")
