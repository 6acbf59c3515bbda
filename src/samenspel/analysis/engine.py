"""``analyse()``: from the answers of a round to a :class:`Diagnosis` (pure; no I/O).

Order of work: prepare the matrix; scales (domains, trust and formal overlap,
uncertainty, signals) with reliability, agreement and divergence; paradoxes;
phase; trust quadrant and governance advice; motives and factors; the
relationship network; the problem rules; and, when an earlier round exists,
the trend against the round before.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from samenspel.analysis.conflict import ConflictResult, conflict
from samenspel.analysis.diagnosis import Diagnosis
from samenspel.analysis.disclosure import PartnerPlan, group_counts, plan
from samenspel.analysis.matrix import RoundMatrix, build_matrix, split_rounds
from samenspel.analysis.motives import FactorShare, Motives, factors, motives
from samenspel.analysis.notice import Notice, notice
from samenspel.analysis.paradoxes import ParadoxResult, paradoxes
from samenspel.analysis.phase import PhaseResult, phase
from samenspel.analysis.problems import IndicatorValue, indicators, judge, strengths
from samenspel.analysis.scales import Groups, ItemDivergence, ScaleResult, divergent_items, holm_flags, scale
from samenspel.analysis.settings import Settings
from samenspel.analysis.trend import comparable_scales, scale_trend, trend
from samenspel.analysis.trust import Governance, TrustFormal, governance, trust_formal
from samenspel.errors import SamenspelError
from samenspel.instrument.model import Instrument
from samenspel.knowledge.model import KnowledgeBase
from samenspel.network import NetworkResult, build_networks, measure, relation_items
from samenspel.responses.counting import Count, anyone, decide, domain_items, not_asked
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
    not_counted: tuple[str, ...]
    plan: PartnerPlan
    conflict: ConflictResult | None = None


def analyse(
    responses: ResponseSet, instrument: Questionnaires, kb: KnowledgeBase | None = None, *,
    round: str | None = None, settings: Settings = Settings(),
) -> Diagnosis:
    """Diagnose one round (default: the last); with an earlier round, add the trend against it.

    ``instrument`` is the questionnaire of every round, a mapping round ->
    questionnaire, or a function of the round id
    (``samenspel.responses.versions.per_round(responses)`` reads it from a file).
    Only respondents with substantive answers count (``responses.counting``,
    judged on each round's own questionnaire); the others are reported in a
    notice, never analysed as a person. ``kb`` is accepted for callers of the
    0.1 signature; the analysis itself needs no knowledge-base text (the reading
    layer adds it). Raises :class:`SamenspelError` for an empty set, an unknown
    round, or a round in which nobody counts.
    """
    questionnaire_of = resolver(instrument)
    rounds, by_round = split_rounds(responses)
    if not rounds:
        raise SamenspelError("there are no answers to analyse")
    if round is None:
        round = rounds[-1]
    elif round not in rounds:
        raise SamenspelError(f"unknown round {round!r}; rounds in the file: {', '.join(rounds)}")
    prepared: dict[str, tuple[RoundMatrix, Count]] = {}

    def prepare(r: str) -> tuple[RoundMatrix, Count]:
        """A round's answer matrix, everyone in it, and who counts: built once, only for rounds used."""
        if r not in prepared:
            full = build_matrix(by_round[r], questionnaire_of(r), r)
            prepared[r] = (full, who_counts(full, by_round[r], questionnaire_of(r)))
        return prepared[r]

    full, who = prepare(round)
    if not who.counted:
        raise SamenspelError(
            f"{responses.source}: nobody in round {round} counts as a respondent (each of the "
            f"{len(who.not_counted)} answered fewer than half of the domain questions asked); there is "
            "nothing to analyse in that round")
    notices: list[Notice] = []
    current = _round(full, who, questionnaire_of(round), settings, notices)
    previous: _Round | None = None
    idx = rounds.index(round)
    # the trend compares with the latest earlier round in which anyone counts
    before_id = next((r for r in reversed(rounds[:idx]) if prepare(r)[1].counted), None)
    if before_id is not None:
        # the previous round only feeds the trend (scale scores and problems): skip what it does not use
        previous = _round(*prepare(before_id), questionnaire_of(before_id), settings, [], full=False)
    ambition = None
    shared = None
    if previous is not None:
        # two questionnaires: scales compared on the items both rounds asked (analysis.trend)
        shared = comparable_scales(previous.matrix, current.matrix, previous.groups, current.groups,
                                   {"domains": previous.domains, "scales": _all_scales(previous)},
                                   {"domains": current.domains, "scales": _all_scales(current)}, settings)
        notices += shared.notices(previous.matrix.round, previous.instrument, current.instrument)
        before, after = shared.before["domains"].get("ambition"), shared.after["domains"].get("ambition")
        if before is not None and after is not None:
            t = scale_trend(before, after, settings)
            if t.change is not None:
                n = t.test.get("n")
                ambition = (t.change, t.meaningful, int(n) if isinstance(n, int) else after.n, after.n_partners)
    values = _indicators(current, ambition)
    judged = judge(values, settings, notices)
    found_strengths = strengths(values, _by_indicator(current), settings)
    tr = None
    if previous is not None and shared is not None:
        prev_judged = judge(_indicators(previous, None), settings, [])
        tr = trend(previous.matrix.round, shared.before, shared.after, prev_judged.found, judged.found, settings,
                   basis=shared.basis, restarted=shared.restarted,
                   questionnaires=(previous.instrument.key, current.instrument.key))
    m = current.matrix
    return Diagnosis(
        alliance=responses.alliance, round=round, rounds=tuple(rounds), n_respondents=m.n,
        partners=dict(current.groups.partner_n),
        roles=group_counts(current.groups.role_n, m.n, settings.min_group),
        domains=current.domains, scales=current.scales, signals=current.signals, paradoxes=current.paradoxes,
        phase=current.phase, trust_formal=current.trust_formal, governance=current.governance,
        network=current.network, motives=current.motives, factors=current.factors,
        divergent_items=current.divergent, indicators=values, problems=judged.found,
        not_judged=judged.not_judged, strengths=found_strengths, trend=tr,
        notices=tuple(notices), settings=settings, not_counted=current.not_counted,
        merged=current.plan.merged, left_out=current.plan.left_out, conflict=current.conflict,
    )


def _indicators(r: _Round, ambition: tuple[float, bool, int, int] | None) -> dict[str, IndicatorValue]:
    mot = (r.motives.overlap, r.motives.n, r.motives.compared) if r.motives else None
    return indicators(r.domains, r.signals, r.scales, mot, r.network, ambition, r.conflict)


def _by_indicator(r: _Round) -> dict[str, ScaleResult]:
    """Scales by the indicator name the strength rules use (``domain.relation``, ``trust``)."""
    out = {f"domain.{k}": v for k, v in r.domains.items()}
    out.update({k: v for k, v in r.scales.items() if k in ("trust", "formal_overlap")})
    return out


def _prefixed(signals: dict[str, ScaleResult]) -> dict[str, ScaleResult]:
    return {f"signal:{k}": v for k, v in signals.items()}


def _all_scales(r: _Round) -> dict[str, ScaleResult]:
    """The scales a trend compares besides the domains: trust, formal overlap, uncertainty, leadership, signals."""
    return {**r.scales, **_prefixed(r.signals)}


def who_counts(full: RoundMatrix, answers: Sequence[Answer], instrument: Instrument) -> Count:
    """Who counts in a round (``responses.counting``), read off its matrix of everyone's answers.

    The same rule and result as :func:`samenspel.responses.counting.count` for
    answers that passed validation (domain items hold numbers, so an answered
    domain item is a filled cell); it saves the analysis a second walk over them.
    """
    ids, filled = full.answered(domain_items(instrument))
    seen = [i for i, any_ in zip(ids, filled.any(axis=0).tolist()) if any_]

    def hits(asked: frozenset[str]) -> dict[str, int]:
        picked = [j for j, i in enumerate(ids) if i in asked]
        return dict(zip(full.respondents, filled[:, picked].sum(axis=1).tolist()))

    return decide(full.round, instrument, False, full.respondents, seen, not_asked(answers), hits,
                  lambda: anyone(answers))


def _round(full_matrix: RoundMatrix, who: Count, instrument: Instrument, settings: Settings,
           notices: list[Notice], full: bool = True) -> _Round:
    not_counted = who.not_counted
    if not_counted:
        notices.append(notice("not_counted", n=len(not_counted)))
        full_matrix = full_matrix.only(who.counted)
    heads: dict[str, int] = {}
    for partner in full_matrix.partners:
        heads[partner] = heads.get(partner, 0) + 1
    partners = plan(heads, settings.min_group)
    # publish only groups of at least the minimum (analysis.disclosure): small partners merged or left out,
    # and only raters of shown partners in the network
    m = full_matrix.published(partners.group_of, set(partners.shown))
    targets = list(dict.fromkeys(a.target for a in full_matrix.relations if a.target is not None))
    groups = Groups.of(m, settings.min_group, [t for t in targets if t not in set(m.partners)])
    _group_notices(m, partners, groups, settings, notices)
    domain_ids = list(dict.fromkeys(it.construct_key for it in m.items if it.construct_kind == "domain"))
    domains = holm_flags({d: scale(m, m.exact(f"domain:{d}"), d, f"domain:{d}", groups, settings, notices,
                                   reliability=full, agreement=full)
                          for d in domain_ids})
    scales = {c: scale(m, m.exact(c), c, c, groups, settings, notices, reliability=full, agreement=full)
              for c in OTHER_SCALES if m.exact(c)}
    single = [it.construct for it in m.items if it.construct_kind in SINGLE_ITEM_KINDS]
    scales.update({c: scale(m, m.exact(c), c, c, groups, settings, notices, reliability=False, divergence=full,
                            agreement=full) for c in dict.fromkeys(single)})
    signal_ids = list(dict.fromkeys(it.construct_key for it in m.items if it.construct_kind == "signal"))
    signals = {s: scale(m, m.exact(f"signal:{s}"), s, f"signal:{s}", groups, settings, notices, reliability=False,
                        divergence=full, agreement=full) for s in signal_ids}
    domain_cols = [c for d in domain_ids for c in m.exact(f"domain:{d}")]
    network = _network(m, instrument, groups, settings)
    mot = motives(m, groups)
    return _Round(
        instrument=instrument, matrix=m, groups=groups, domains=domains, scales=scales, signals=signals,
        paradoxes=paradoxes(m, groups, settings) if full else {}, phase=phase(m, groups),
        trust_formal=trust_formal(scales.get("trust"), scales.get("formal_overlap"), settings),
        governance=governance(scales.get("uncertainty:relational"), scales.get("uncertainty:field"), settings),
        network=network, motives=mot, factors=factors(m, groups) if full else (),
        divergent=divergent_items(m, domain_cols, groups, settings.top_items) if full else (),
        not_counted=not_counted, plan=partners, conflict=conflict(m, groups),
    )


def _network(m: RoundMatrix, instrument: Instrument, groups: Groups,
             settings: Settings) -> NetworkResult | None:
    if not m.relations:
        return None
    items = relation_items(instrument)
    respondent_partner = dict(zip(m.respondents, m.partners))
    nets = build_networks(m.relations, items, groups.partners, respondent_partner, settings.min_group,
                          min_raters=settings.min_group)
    return measure(nets)


def _group_notices(m: RoundMatrix, partners: PartnerPlan, groups: Groups, settings: Settings,
                   notices: list[Notice]) -> None:
    if m.n < settings.min_group:
        notices.append(notice("few_respondents", n=m.n, min=settings.min_group))
    if partners.merged:
        notices.append(notice("merged_partners", partners=partners.merged, min=settings.min_group))
    if partners.left_out:
        notices.append(notice("hidden_partners", partners=partners.left_out, min=settings.min_group))
    if len(groups.eligible) < 2 and len(groups.partners) >= 2:
        notices.append(notice("no_partner_comparison", min=settings.min_group))
