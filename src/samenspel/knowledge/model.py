"""Typed, frozen objects of the knowledge base (see docs/ARCHITECTURE.md).

The YAML files in ``data/`` are loaded and validated into these classes by
``knowledge.loader``. Views and analyses read the knowledge only through
these objects; they never hard-code a factor, paradox or text.

Every entry has a stable ``id``, a bilingual ``name`` (and usually a
``description``) written in our own words, and a ``source`` such as
``"000 §4"`` or ``"000 Tabel 2"`` naming the seed sections whose content it
rests on. Where a seed gives only the title of a section (seed 001's table of
contents), an entry built on that title says so: ``basis: elaboration`` with
``elaboration_of`` naming the title (docs/SOURCES.md).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from samenspel.i18n import Text

if TYPE_CHECKING:
    from samenspel.knowledge.provenance import Provenance

Axis = Literal[1, 2, 3, 4]
Basis = Literal["source", "elaboration"]
FitContext = Literal["alliance_form", "collaboration_form", "governance_model"]
# Where a fit claim's ids live: ContextFit.context -> KnowledgeBase field.
FIT_KINDS: dict[str, str] = {
    "alliance_form": "alliance_forms",
    "collaboration_form": "collaboration_forms",
    "governance_model": "governance_models",
}


@dataclass(frozen=True, slots=True)
class Sourced:
    """How an entry relates to its seeds, beside its ``source``.

    ``basis: source`` (the default): the entry restates, in our own words,
    content that is in the cited sections. ``basis: elaboration``: the entry
    is our own elaboration on a section of which the seeds give only the
    title; ``elaboration_of`` names that section (e.g. ``"001 §8.4.5"``), so a
    reader is never told that a book says what only its table of contents
    names. The loader checks both against the seed registry in sources.yaml.
    The fields are keyword-only so every subclass keeps its positional order.
    """

    basis: Basis = field(default="source", kw_only=True)
    elaboration_of: str | None = field(default=None, kw_only=True)


@dataclass(frozen=True, slots=True)
class Domain(Sourced):
    """One of the five angles (KNOWLEDGE.md §1)."""

    id: str
    name: Text
    description: Text
    covers: Text  # what items of this domain ask about
    neglect: Text  # what happens when the domain is neglected (001 §8.2)
    source: str


@dataclass(frozen=True, slots=True)
class Motive(Sourced):
    id: str
    name: Text
    source: str


@dataclass(frozen=True, slots=True)
class MotiveCategory(Sourced):
    """A category of motives (001 tabel 2.1) or ``personal`` drives."""

    id: str  # market, cost, knowledge, external, personal
    name: Text
    description: Text
    motives: tuple[Motive, ...]
    source: str


@dataclass(frozen=True, slots=True)
class Paradox(Sourced):
    """A tension between two poles that must be kept in balance (000 §4)."""

    id: str
    name: Text
    pole_a: Text
    pole_b: Text
    description: Text
    phases: tuple[int, ...]  # placement on the common axis 1-4; all four for `conflict`
    source: str
    inferred_placement: bool = True  # placement in 000 fig. 1 is our reading


@dataclass(frozen=True, slots=True)
class PhaseStage:
    """A stage of one phase model, placed on the common axis."""

    id: str
    name: Text
    axis: tuple[int, ...]  # usually one value; a stage may span two


@dataclass(frozen=True, slots=True)
class PhaseModel(Sourced):
    """One of the phase models an alliance can pick (KNOWLEDGE.md §4)."""

    id: str  # boonstra, boonstra_eguiguren, process_compass, steering_practice
    name: Text
    description: Text
    stages: tuple[PhaseStage, ...]
    source: str


@dataclass(frozen=True, slots=True)
class Phase(Sourced):
    """A position on the common axis with its question and advice."""

    axis: int  # 1-4
    name: Text
    question: Text  # central question of the phase (000)
    see: tuple[Text, ...]  # what you see (004)
    do: tuple[Text, ...]  # what to do (004)
    source: str


@dataclass(frozen=True, slots=True)
class Factor(Sourced):
    """A failure factor (000 Tabel 2) or success condition (000 Tabel 3)."""

    id: str
    kind: Literal["failure", "success"]
    discipline: str  # business_administration, organisation_science, public_administration, social_sciences
    name: Text  # short label
    item: Text  # statement a respondent ticks in the questionnaire
    domains: tuple[str, ...]  # linked domain ids
    source: str
    subgroup: str | None = None  # public administration: contractual / partnership
    opposite: str | None = None  # id of the opposite entry, if one exists


@dataclass(frozen=True, slots=True)
class TrustQuadrant(Sourced):
    """A cell of the trust x formal-overlap quadrant with its advice (002 fig. 2)."""

    id: str  # high_trust_high_formal, high_trust_low_formal, low_trust_high_formal, low_trust_low_formal
    name: Text
    advice: Text
    source: str


@dataclass(frozen=True, slots=True)
class TrustMode(Sourced):
    """A trust/vigilance mode (001 §5.1.3-5.1.6); the 2x2 is inferred."""

    id: str
    name: Text
    description: Text
    trust: Literal["low", "high"]
    vigilance: Literal["low", "high"]
    source: str


@dataclass(frozen=True, slots=True)
class GovernanceAdvice(Sourced):
    """Control-vs-trust advice from relational vs field uncertainty (004)."""

    id: str  # more_control, more_trust, balance
    name: Text
    advice: Text
    source: str


@dataclass(frozen=True, slots=True)
class ReflectionStep(Sourced):
    """A step of the four-step reflection moment (002 §3)."""

    order: int
    id: str
    name: Text
    description: Text
    source: str


@dataclass(frozen=True, slots=True)
class ConflictType(Sourced):
    id: str  # power, interest, relational, task
    name: Text
    approach: Text
    source: str


@dataclass(frozen=True, slots=True)
class ContextFit:
    """A claim that an intervention especially fits (or does not fit) some contexts.

    ``context`` names the kind of context: an alliance form (003), a form of
    collaboration (000 Tabel 1) or a multi-partner governance model (003);
    ``ids`` are entries of that kind. ``suits: false`` is a caution: the
    seeds say the intervention works against that context. Every claim has
    its own reason and source, because the advice shows them to the steering
    group; contexts no seed speaks about are left neutral (no claim).
    """

    context: FitContext
    ids: tuple[str, ...]
    reason: Text  # one short sentence: why it fits (or not) there
    source: str
    suits: bool = True


@dataclass(frozen=True, slots=True)
class Intervention(Sourced):
    """Something an alliance can do; suited to some phases (1-4).

    ``first_step`` is one small, concrete action a steering group can take
    next week to start it; the loader requires it for every intervention
    (the default only serves code that builds a knowledge base by hand).
    ``phase_details`` names the phases of seed 004 whose "what to do" the
    intervention carries out; ``fits`` holds the context claims. The advice
    ranks by both (knowledge.advice).
    """

    id: str
    name: Text
    description: Text
    phases: tuple[int, ...]
    source: str
    first_step: Text | None = None
    phase_details: tuple[str, ...] = ()
    fits: tuple[ContextFit, ...] = ()


@dataclass(frozen=True, slots=True)
class Indicator:
    """A sign of an exemplary problem, in words (the rule lives in the analysis)."""

    id: str
    text: Text


@dataclass(frozen=True, slots=True)
class Problem(Sourced):
    """An exemplary problem (001 §8.4) or over-organisation (004)."""

    id: str
    name: Text
    description: Text
    domains: tuple[str, ...]
    indicators: tuple[Indicator, ...]
    interventions: tuple[str, ...]  # Intervention ids
    questions: tuple[Text, ...]  # questions partners ask each other in a reflection moment
    source: str


@dataclass(frozen=True, slots=True)
class CollaborationForm(Sourced):
    """A form of collaboration (000 Tabel 1)."""

    id: str
    name: Text
    description: Text
    discipline: str
    durability: str  # long_intensive, long_robust, long_flexible, temporary_robust, temporary_flexible, volatile
    source: str


@dataclass(frozen=True, slots=True)
class AllianceForm(Sourced):
    """An alliance form (003)."""

    id: str
    name: Text
    description: Text
    source: str


@dataclass(frozen=True, slots=True)
class GovernanceModel(Sourced):
    """A multi-partner governance model (003)."""

    id: str  # cooperative, lead_partner, central_office
    name: Text
    description: Text
    source: str


@dataclass(frozen=True, slots=True)
class SourceText:
    """A seed text the knowledge rests on (for the report's list of sources).

    ``sections`` and ``titles_only`` are the registry every citation is
    checked against (docs/SOURCES.md): the parts of the work whose content
    the seed text holds, as citations name them (``"§1"``, ``"Tabel 2"``,
    ``"Start"``), and the sections of which the seed gives only the title
    (a table of contents), by § number. A § number under a ``titles_only``
    entry may not be cited as a source; only ``elaboration_of`` may name it.
    A seed without ``sections`` is not checked section by section.
    """

    id: str  # "000"
    citation: Text  # author(s), year, title; notes in both languages
    source: str = ""
    holds: Text | None = None  # what part of the work the seed text contains
    sections: tuple[str, ...] = ()
    titles_only: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class PhaseDetail(Sourced):
    """One of seed 004's three development phases, finer than the common axis.

    Seed 004 splits what the common axis calls functioning (3) into
    "discover and learn" and "productivity and added value", and its start
    spans forming and shaping (1-2). The questionnaire's ``phase:detail``
    answers map to these ids. The interventions that carry out a phase's
    "what to do" name it in ``Intervention.phase_details``, so the advice can
    say "suits 004's phase" where the common axis cannot tell 3 from 3.
    """

    id: str  # design_align, discover_learn, productivity_value (the options of phase:detail)
    order: int  # 1-3, as in 004 fig. 1
    name: Text
    description: Text
    axis: tuple[int, ...]  # place on the common axis
    see: tuple[Text, ...]  # what you see
    do: tuple[Text, ...]  # what to do
    source: str


@dataclass(frozen=True)
class KnowledgeBase:
    """All knowledge, validated; look-ups by id are dicts in insertion order."""

    sources: dict[str, SourceText]
    domains: dict[str, Domain]
    motive_categories: dict[str, MotiveCategory]
    paradoxes: dict[str, Paradox]
    phases: dict[int, Phase]
    phase_models: dict[str, PhaseModel]
    factors: dict[str, Factor]
    trust_quadrants: dict[str, TrustQuadrant]
    trust_modes: dict[str, TrustMode]
    governance_advice: dict[str, GovernanceAdvice]
    reflection_steps: tuple[ReflectionStep, ...]
    conflict_types: dict[str, ConflictType]
    problems: dict[str, Problem]
    interventions: dict[str, Intervention]
    collaboration_forms: dict[str, CollaborationForm]
    alliance_forms: dict[str, AllianceForm]
    governance_models: dict[str, GovernanceModel]
    extra: dict[str, object] = field(default_factory=dict)
    phase_details: dict[str, PhaseDetail] = field(default_factory=dict)

    @property
    def failure_factors(self) -> tuple[Factor, ...]:
        return tuple(f for f in self.factors.values() if f.kind == "failure")

    @property
    def success_conditions(self) -> tuple[Factor, ...]:
        return tuple(f for f in self.factors.values() if f.kind == "success")

    def interventions_for(self, problem_id: str, phase: int | None = None) -> tuple[Intervention, ...]:
        """A problem's interventions, those suited to ``phase`` first (all if no phase).

        ``knowledge.advice.rank_interventions`` ranks by the whole alliance
        context (form, governance model, 004 phase) and says why.
        """
        items = [self.interventions[i] for i in self.problems[problem_id].interventions]
        if phase is None:
            return tuple(items)
        return tuple(sorted(items, key=lambda it: phase not in it.phases))

    def provenance(self, entry_id: str) -> Provenance:
        """Where entry ``entry_id`` comes from, as a reader should be told (knowledge.provenance)."""
        from samenspel.knowledge.provenance import provenance

        return provenance(self, entry_id)
