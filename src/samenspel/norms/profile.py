"""An alliance-level profile of one round: what norms are built from (issue 16, point 1).

A profile holds only alliance-level aggregates that the diagnosis publishes
after disclosure control (``analysis.disclosure``): domain and scale scores
over published groups, a divergence summary, phase, trust quadrant, network
summaries, and the alliance's kind (questionnaire, form, governance, size
band). Never a respondent's answer and never a partner's figure, so storing or
pooling profiles shares nothing the alliance's own report does not show.

The web app stores ``Profile.to_dict()`` per analysed round; norms are built
from those dictionaries, never from answers (issue 16, point 5).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from samenspel.errors import SamenspelError

PROFILE_VERSION = 1
"""Version of the profile dictionary; ``from_dict`` refuses any other, so a stored profile is never misread."""

SIZE_BANDS: tuple[tuple[int, int | None, str], ...] = ((0, 3, "2-3"), (4, 6, "4-6"), (7, 12, "7-12"), (13, None, "13+"))
"""Size bands by number of partner organisations: coarse on purpose, so a band never points to one alliance."""

NETWORK_MEASURES = ("density", "reciprocity", "centralization")
"""Whole-network figures of the headline (trust) dimension, as the diagnosis JSON publishes them."""


def size_band(n_partners: int) -> str:
    """The size band of an alliance with ``n_partners`` partner organisations."""
    for lo, hi, name in SIZE_BANDS:
        if n_partners >= lo and (hi is None or n_partners <= hi):
            return name
    return SIZE_BANDS[0][2]


@dataclass(frozen=True)
class Profile:
    """One alliance in one round, as norms see it: alliance-level figures and the alliance's kind."""

    alliance: str
    round: str
    questionnaire: str  # e.g. "samenspel-core@2.0"
    modules: tuple[str, ...]
    measures: Mapping[str, float]  # measure id -> published alliance-level figure ("domain:relation" -> 61.2)
    phase: int | None = None  # modal phase on the common axis (1-4)
    quadrant: str | None = None  # trust x formal overlap quadrant (knowledge base id)
    alliance_form: str | None = None
    governance_model: str | None = None
    collaboration_form: str | None = None
    size_band: str | None = None
    n_partners: int = 0
    n_respondents: int = 0  # respondents in the published groups
    period: str | None = None  # ISO date (or year) of the round, where known
    version: int = PROFILE_VERSION
    counts: Mapping[str, int] = field(default_factory=dict)  # measure id -> respondents behind it (published n)

    def value(self, measure: str) -> float | None:
        return self.measures.get(measure)

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe, language-free; the web app stores exactly this."""
        return {
            "version": self.version, "alliance": self.alliance, "round": self.round,
            "questionnaire": self.questionnaire, "modules": list(self.modules),
            "measures": {k: round(float(v), 4) for k, v in sorted(self.measures.items())},
            "counts": {k: int(v) for k, v in sorted(self.counts.items())},
            "phase": self.phase, "quadrant": self.quadrant, "alliance_form": self.alliance_form,
            "governance_model": self.governance_model, "collaboration_form": self.collaboration_form,
            "size_band": self.size_band, "n_partners": self.n_partners, "n_respondents": self.n_respondents,
            "period": self.period,
        }

    @staticmethod
    def from_dict(data: Mapping[str, Any]) -> Profile:
        """A profile from ``to_dict``'s output; a clear error for another version or a malformed field."""
        if not isinstance(data, Mapping):
            raise SamenspelError("a profile is a mapping of fields")
        version = data.get("version")
        if version != PROFILE_VERSION:
            raise SamenspelError(f"profile version {version!r} is not supported; this Samenspel reads version "
                                 f"{PROFILE_VERSION}")
        measures = data.get("measures") or {}
        if not isinstance(measures, Mapping) or not all(
                isinstance(k, str) and _number(v) for k, v in measures.items()):
            raise SamenspelError("profile: measures maps each measure id to a finite number")
        counts = data.get("counts") or {}
        if not isinstance(counts, Mapping) or not all(isinstance(v, int) for v in counts.values()):
            raise SamenspelError("profile: counts maps each measure id to a whole number")
        for key in ("alliance", "round", "questionnaire"):
            if not isinstance(data.get(key), str):
                raise SamenspelError(f"profile: {key} must be text")
        phase = data.get("phase")
        if phase is not None and (not isinstance(phase, int) or isinstance(phase, bool)):
            raise SamenspelError("profile: phase must be a whole number or null")
        for key in ("n_partners", "n_respondents"):
            if not isinstance(data.get(key, 0), int) or isinstance(data.get(key), bool):
                raise SamenspelError(f"profile: {key} must be a whole number")
        return Profile(
            alliance=data["alliance"], round=data["round"], questionnaire=data["questionnaire"],
            modules=tuple(str(m) for m in data.get("modules") or ()),
            measures={str(k): float(v) for k, v in measures.items()},
            counts={str(k): int(v) for k, v in counts.items()},
            phase=phase, quadrant=_text(data, "quadrant"), alliance_form=_text(data, "alliance_form"),
            governance_model=_text(data, "governance_model"), collaboration_form=_text(data, "collaboration_form"),
            size_band=_text(data, "size_band"), n_partners=int(data.get("n_partners") or 0),
            n_respondents=int(data.get("n_respondents") or 0), period=_text(data, "period"),
        )


def _number(v: object) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)


def _text(data: Mapping[str, Any], key: str) -> str | None:
    v = data.get(key)
    if v is not None and not isinstance(v, str):
        raise SamenspelError(f"profile: {key} must be text or null")
    return v


def profile_of(reading_or_diagnosis: Any, context: Any = None, *, questionnaire: str | None = None,
               modules: tuple[str, ...] | None = None, period: str | None = None) -> Profile:
    """The profile of a reading (or a published diagnosis) in its alliance context.

    A :class:`~samenspel.reading.Reading` carries its own published diagnosis
    and context; ``context`` (an :class:`~samenspel.reading.AllianceContext`)
    overrides it. Only figures the diagnosis publishes enter: every score here
    is already computed over published groups, and no ``by_partner``,
    ``by_role`` or per-respondent value is read. ``questionnaire`` and
    ``modules`` default to what the items of the diagnosis show (the web app,
    which knows the round's questionnaire, passes it).
    """
    from samenspel.analysis import Diagnosis
    from samenspel.analysis.disclosure import OTHER

    diagnosis = getattr(reading_or_diagnosis, "diagnosis", reading_or_diagnosis)
    if not isinstance(diagnosis, Diagnosis):
        raise SamenspelError("profile_of takes a Reading or a Diagnosis")
    if context is None:
        context = getattr(reading_or_diagnosis, "context", None)
    d = diagnosis
    measures: dict[str, float] = {}
    counts: dict[str, int] = {}
    for key, r in d.domains.items():
        _put(measures, counts, f"domain:{key}", r.score, r.n)
    for key, r in d.scales.items():
        _put(measures, counts, f"scale:{key}", r.score, r.n)
    flagged = [r.divergence for r in d.domains.values() if r.divergence is not None]
    if flagged:  # divergence summary: how many domains split the partners, and the largest effect
        measures["divergence:flagged"] = float(sum(1 for v in flagged if v.flag))  # published flags
        etas = [v.eta2 for v in flagged if v.eta2 is not None and math.isfinite(v.eta2)]
        if etas:
            measures["divergence:eta2_max"] = round(float(max(etas)), 4)
    if d.network is not None:
        head = d.network.to_dict()
        for key in NETWORK_MEASURES:
            v = head.get(key)
            if _number(v):
                measures[f"network:{key}"] = round(float(v), 4)  # type: ignore[arg-type]
        measures["network:communities"] = float(len(d.network.communities.groups))
    partners = [p for p in d.partners if p != OTHER] + list(d.merged) + list(d.left_out)
    n_partners = len(dict.fromkeys(partners))
    if questionnaire is None or modules is None:
        found_q, found_m = _questionnaire_of(d)
        questionnaire = questionnaire or found_q
        modules = found_m if modules is None else modules
    return Profile(
        alliance=d.alliance, round=d.round, questionnaire=questionnaire, modules=tuple(modules),
        measures=measures, counts=counts,
        phase=d.phase.modal if d.phase else None,
        quadrant=d.trust_formal.quadrant if d.trust_formal else None,
        alliance_form=getattr(context, "alliance_form", None),
        governance_model=getattr(context, "governance_model", None),
        collaboration_form=getattr(context, "collaboration_form", None),
        size_band=size_band(n_partners), n_partners=n_partners, n_respondents=d.n_respondents, period=period,
    )


def _put(measures: dict[str, float], counts: dict[str, int], key: str, score: float | None, n: int) -> None:
    if score is not None and math.isfinite(score):
        measures[key] = round(float(score), 4)  # as stored: to_dict/from_dict give the same profile back
        counts[key] = int(n)


def _questionnaire_of(d: Any) -> tuple[str, tuple[str, ...]]:
    """The questionnaire and modules the items of the diagnosis come from (``responses.versions``)."""
    from samenspel.instrument.selection import infer_selection
    from samenspel.responses.versions import infer_version

    items = {i for group in (d.domains, d.scales, d.signals) for r in group.values() for i in r.items}
    version = infer_version(items)
    selection = infer_selection(version, items)
    return selection.key, tuple(selection.modules)
