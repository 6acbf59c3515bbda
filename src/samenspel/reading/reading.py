"""``read()``: one reading of a diagnosis, built once, laid out by every output.

The reading is language-free and cacheable (the web caches it once per round,
not per language): findings ranked once with their evidence, the strengths,
the context (phase, trust quadrant, form and governance model), the advice,
the privacy decisions, and the data quality. Text, markdown, JSON, the report
and the dashboard only lay it out, through ``reading.phrases`` (words) and
``reading.notation`` (numbers).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from samenspel.analysis import Diagnosis
from samenspel.knowledge.model import KnowledgeBase
from samenspel.reading import advice as advising
from samenspel.reading import findings as found
from samenspel.reading.context import AllianceContext
from samenspel.reading.disclosure import Disclosure, disclose
from samenspel.reading.findings import Finding


@dataclass(frozen=True)
class Quality:
    """Response and data quality in one line: who answered, who did not count, how reliable the angles are."""

    n: int
    partners: int  # partners with respondents
    not_counted: int
    reliable: int  # domains whose alpha and omega reach the level
    judged: int  # domains whose reliability could be judged
    unreliable: tuple[str, ...]

    def to_dict(self) -> dict[str, object]:
        return {"n": self.n, "partners": self.partners, "not_counted": self.not_counted, "reliable": self.reliable,
                "judged": self.judged, "unreliable": list(self.unreliable)}


@dataclass(frozen=True)
class NotJudged:
    """A problem the rules could not judge, and why: too few answers (thin) or not measured (missing)."""

    problem: str
    thin: tuple[str, ...]
    missing: tuple[str, ...]

    def to_dict(self) -> dict[str, object]:
        return {"problem": self.problem, "thin": list(self.thin), "missing": list(self.missing)}


@dataclass(frozen=True)
class Reading:
    """Everything every output says about one round, decided once."""

    diagnosis: Diagnosis  # the published diagnosis (after disclosure control)
    context: AllianceContext
    disclosure: Disclosure
    findings: tuple[Finding, ...]  # every finding, ranked
    top: tuple[Finding, ...]  # page one: at most three distinct clear findings
    strengths: tuple[Finding, ...]  # strengths and meaningful rises, best first
    advice: tuple[advising.Advice, ...]
    advice_not_used: tuple[str, ...]  # context fields the advice could not weigh
    conflicts: tuple[advising.Conflict, ...]
    agenda: tuple[advising.AgendaStep, ...]
    quality: Quality
    not_judged: tuple[NotJudged, ...]
    phase: int | None  # the modal phase on the common axis
    names: Mapping[str, str] = field(default_factory=dict)  # partner code -> display name
    # reasons from this round's own answers that make interventions fit (advice.measured_reasons)
    measured: Mapping[str, tuple[advising.Reason, ...]] = field(default_factory=dict)

    @property
    def clear(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.clear)

    @property
    def weak(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if not f.clear)

    @property
    def top_strengths(self) -> tuple[Finding, ...]:
        return self.strengths[:found.STRENGTHS_ON_TOP]

    def finding(self, finding_id: str) -> Finding | None:
        return next((f for f in (*self.findings, *self.strengths) if f.id == finding_id), None)


def _quality(d: Diagnosis) -> Quality:
    judged, low = 0, []
    for key, r in d.domains.items():
        rel = r.reliability
        values = [v for v in ((rel.alpha, rel.omega) if rel else ()) if v is not None]
        if not values:
            continue
        judged += 1
        if min(values) < d.settings.alpha_low:
            low.append(key)
    return Quality(d.n_respondents, sum(1 for n in d.partners.values() if n > 0), len(d.not_counted),
                   judged - len(low), judged, tuple(low))


def _not_judged(d: Diagnosis) -> tuple[NotJudged, ...]:
    out = []
    for n in d.notices:
        if n.kind == "rule_not_judged":
            thin = n.params.get("thin") or ()
            missing = n.params.get("missing") or ()
            out.append(NotJudged(n.key, tuple(thin) if isinstance(thin, tuple) else (),
                                 tuple(missing) if isinstance(missing, tuple) else ()))
    return tuple(out)


def read(diagnosis: Diagnosis, kb: KnowledgeBase, context: AllianceContext | None = None,
         invited: Mapping[str, int] | None = None) -> Reading:
    """The one reading of ``diagnosis`` in ``context``; ``invited`` gives response rates where known."""
    context = context or AllianceContext()
    published, disclosure = disclose(diagnosis, invited)
    ranked, good = found.all_findings(published)
    top = found.page_one(ranked)
    phase = published.phase.modal if published.phase else None
    detail = published.phase.detail.modal if published.phase and published.phase.detail else None
    if detail is not None and detail not in kb.phase_details:
        detail = None
    measured = advising.measured_reasons(published, kb)
    advised = advising.advice(top, kb, phase, context, phase_detail=detail, measured=measured)
    missing = advising.not_used(tuple(dict.fromkeys(a.problem for a in advised)), kb, phase, context, detail)
    return Reading(
        diagnosis=published, context=context, disclosure=disclosure, findings=tuple(ranked), top=tuple(top),
        strengths=tuple(good), advice=advised, advice_not_used=missing,
        conflicts=advising.conflicts(published),
        agenda=advising.agenda(top, good, ranked, advised, kb, phase),
        quality=_quality(published), not_judged=_not_judged(published), phase=phase,
        names=dict(context.partners), measured=measured,
    )
