"""``analyse()``: from the answers of a round to a :class:`Diagnosis` (pure; no I/O).

Order of work: prepare the matrix; scales (domains, trust and formal overlap,
uncertainty, signals) with reliability, agreement and divergence; paradoxes;
phase; trust quadrant and governance advice; motives and factors; the
relationship network; the problem rules; and, when an earlier round exists,
the trend against the round before.

Each round is read with the questionnaire it was answered with (``questionnaires``:
one for all rounds, a mapping round -> questionnaire, or a function of the
round). A module a round did not ask has no items in its questionnaire, so
nothing about it is computed: it is absent from the diagnosis, never a zero.
"""

from __future__ import annotations

from dataclasses import dataclass

from samenspel.analysis.diagnosis import Diagnosis
from samenspel.analysis.matrix import RoundMatrix, build_matrix, split_rounds
from samenspel.analysis.motives import FactorShare, Motives, factors, motives
from samenspel.analysis.names import scale_name
from samenspel.analysis.notice import Notice
from samenspel.analysis.paradoxes import ParadoxResult, paradoxes
from samenspel.analysis.phase import PhaseResult, phase
from samenspel.analysis.problems import Finding, indicators, judge
from samenspel.analysis.scales import Groups, ItemDivergence, ScaleResult, divergent_items, holm_flags, scale
from samenspel.analysis.settings import Settings
from samenspel.analysis.trend import comparable_scales, trend
from samenspel.analysis.trust import Governance, TrustFormal, governance, trust_formal
from samenspel.errors import SamenspelError
from samenspel.i18n import Text
from samenspel.instrument.model import Instrument
from samenspel.knowledge.model import KnowledgeBase
from samenspel.network import NetworkResult, build_networks, measure, relation_items
from samenspel.responses.model import Answer, ResponseSet
from samenspel.responses.versions import Questionnaires, resolver

OTHER_SCALES = ("trust", "formal_overlap", "uncertainty:relational", "uncertainty:field")
SINGLE_ITEM_KINDS = ("leadership", "governance")
"""Constructs of 2.0's leadership and governance module: one item each, scored like signals, kept in ``scales``."""


@dataclass(frozen=True)
class _Round:
    instrument: Instrument
    matrix: RoundMatrix
    groups: Groups
    domains: dict[str, ScaleResult]
    scales: dict[str, ScaleResult]
    signals: dict[str, ScaleResult]
    paradoxes: dict[str, ParadoxResult]
    phase: PhaseResult | None
    trust_formal: TrustFormal | None
    governance: Governance | None
    network: NetworkResult | None
    motives: Motives | None
    factors: tuple[FactorShare, ...]
    divergent: tuple[ItemDivergence, ...]


def analyse(
    responses: ResponseSet, instrument: Questionnaires, kb: KnowledgeBase, *, round: str | None = None,
    settings: Settings = Settings(),
) -> Diagnosis:
    """Diagnose one round (default: the last); with an earlier round, add the trend against it.

    ``instrument`` is the questionnaire of every round, a mapping round ->
    questionnaire, or a function of the round id
    (``samenspel.responses.versions.per_round(responses)`` reads it from a file).
    Raises :class:`SamenspelError` for an empty set or an unknown round.
    """
    questionnaire_of = resolver(instrument)
    rounds, by_round = split_rounds(responses)
    if not rounds:
        raise SamenspelError("there are no answers to analyse")
    if round is None:
        round = rounds[-1]
    elif round not in rounds:
        raise SamenspelError(f"unknown round {round!r}; rounds in the file: {', '.join(rounds)}")
    notices: list[Notice] = []
    current = _round(by_round[round], questionnaire_of(round), kb, round, settings, notices)
    ambition_change = None
    previous: _Round | None = None
    idx = rounds.index(round)
    if idx > 0:
        # the previous round only feeds the trend (scale scores and problems): skip what it does not use
        prev_id = rounds[idx - 1]
        previous = _round(by_round[prev_id], questionnaire_of(prev_id), kb, prev_id, settings, [], full=False)
        shared = comparable_scales(previous.matrix, current.matrix, previous.groups, current.groups,
                                   {"domains": previous.domains, "scales": _all_scales(previous)},
                                   {"domains": current.domains, "scales": _all_scales(current)}, settings)
        before, after = shared.before["domains"].get("ambition"), shared.after["domains"].get("ambition")
        if before and after and before.score is not None and after.score is not None:
            ambition_change = after.score - before.score
        notices += shared.notices(prev_id, previous.instrument, current.instrument)
    phase_axis = current.phase.modal if current.phase else None
    values = indicators(current.domains, current.signals, current.scales,
                        current.motives.overlap if current.motives else None, current.network, ambition_change)
    found = judge(values, kb, phase_axis, notices)
    tr = None
    if previous is not None:
        prev_values = indicators(previous.domains, previous.signals, previous.scales,
                                 previous.motives.overlap if previous.motives else None, previous.network, None)
        prev_found = judge(prev_values, kb, previous.phase.modal if previous.phase else None, [])
        tr = trend(rounds[idx - 1], shared.before, shared.after, prev_found, found, basis=shared.basis,
                   restarted=shared.restarted, questionnaires=(previous.instrument.key, current.instrument.key))
    m = current.matrix
    return Diagnosis(
        alliance=responses.alliance, round=round, rounds=tuple(rounds), n_respondents=m.n,
        partners=dict(current.groups.partner_n), roles=dict(current.groups.role_n),
        domains=current.domains, scales=current.scales, signals=current.signals, paradoxes=current.paradoxes,
        phase=current.phase, trust_formal=current.trust_formal, governance=current.governance,
        network=current.network, motives=current.motives, factors=current.factors,
        divergent_items=current.divergent, indicators=values, problems=found, trend=tr,
        notices=tuple(notices), settings=settings,
    )


def _prefixed(signals: dict[str, ScaleResult]) -> dict[str, ScaleResult]:
    return {f"signal:{k}": v for k, v in signals.items()}


def _all_scales(r: _Round) -> dict[str, ScaleResult]:
    """The scales a trend compares besides the domains: trust, formal overlap, uncertainty, leadership, signals."""
    return {**r.scales, **_prefixed(r.signals)}


def _round(answers: list[Answer], instrument: Instrument, kb: KnowledgeBase, round_id: str,
           settings: Settings, notices: list[Notice], full: bool = True) -> _Round:
    m = build_matrix(answers, instrument, round_id)
    targets = list(dict.fromkeys(a.target for a in m.relations if a.target is not None))
    groups = Groups.of(m, settings.min_group, targets)
    _group_notices(m, groups, settings, notices)
    domain_ids = list(dict.fromkeys(it.construct_key for it in m.items if it.construct_kind == "domain"))
    domains = holm_flags({d: scale(m, m.exact(f"domain:{d}"), d, f"domain:{d}", groups, settings, notices,
                                   reliability=full, agreement=full, name=scale_name(kb, d))
                          for d in domain_ids})
    scales = {c: scale(m, m.exact(c), c, c, groups, settings, notices, reliability=full, agreement=full,
                       name=scale_name(kb, c))
              for c in OTHER_SCALES if m.exact(c)}
    single = [it.construct for it in m.items if it.construct_kind in SINGLE_ITEM_KINDS]
    scales.update({c: scale(m, m.exact(c), c, c, groups, settings, notices, reliability=False, divergence=full,
                            agreement=full, name=scale_name(kb, c)) for c in dict.fromkeys(single)})
    signal_ids = list(dict.fromkeys(it.construct_key for it in m.items if it.construct_kind == "signal"))
    signals = {s: scale(m, m.exact(f"signal:{s}"), s, f"signal:{s}", groups, settings, notices, reliability=False,
                        divergence=full, agreement=full) for s in signal_ids}
    domain_cols = [c for d in domain_ids for c in m.exact(f"domain:{d}")]
    network = _network(m, instrument, groups, settings)
    mot = motives(m, groups)
    return _Round(
        instrument=instrument, matrix=m, groups=groups, domains=domains, scales=scales, signals=signals,
        paradoxes=paradoxes(m, groups, settings) if full else {}, phase=phase(m, groups, kb),
        trust_formal=trust_formal(scales.get("trust"), scales.get("formal_overlap"), kb, settings),
        governance=governance(scales.get("uncertainty:relational"), scales.get("uncertainty:field"), kb, settings),
        network=network, motives=mot, factors=factors(m, groups) if full else (),
        divergent=divergent_items(m, domain_cols, groups, settings.top_items) if full else (),
    )


def _network(m: RoundMatrix, instrument: Instrument, groups: Groups,
             settings: Settings) -> NetworkResult | None:
    if not m.relations:
        return None
    items = relation_items(instrument)
    respondent_partner = dict(zip(m.respondents, m.partners))
    nets = build_networks(m.relations, items, groups.partners, respondent_partner, settings.min_group)
    return measure(nets)


def _group_notices(m: RoundMatrix, groups: Groups, settings: Settings, notices: list[Notice]) -> None:
    if m.n < settings.min_group:
        notices.append(Notice("few_respondents", Text(
            f"Slechts {m.n} respondenten in deze ronde; de uitkomsten zijn een eerste indruk, geen conclusie.",
            f"Only {m.n} respondents in this round; the results are a first impression, not a conclusion.")))
    hidden = [p for p in groups.partners if 0 < groups.partner_n[p] < settings.min_group]
    if hidden:
        names = ", ".join(hidden)
        if len(hidden) == 1:
            text = Text(f"{names} heeft minder dan {settings.min_group} respondenten; cijfers van deze partner worden niet apart getoond.",
                        f"{names} has fewer than {settings.min_group} respondents; this partner's figures are not shown separately.")
        else:
            text = Text(f"{len(hidden)} partners hebben minder dan {settings.min_group} respondenten; hun cijfers worden niet apart getoond ({names}).",
                        f"{len(hidden)} partners have fewer than {settings.min_group} respondents; their figures are not shown separately ({names}).")
        notices.append(Notice("hidden_partners", text))
    if len(groups.eligible) < 2 and len(groups.partners) >= 2:
        notices.append(Notice("no_partner_comparison", Text(
            f"Minder dan twee partners hebben {settings.min_group} of meer respondenten; verschillen tussen partners zijn niet te toetsen.",
            f"Fewer than two partners have {settings.min_group} or more respondents; differences between partners cannot be tested.")))
