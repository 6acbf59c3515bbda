"""The reading of one round: analysed once, cached once per round (not per language).

The web app only converts its rows to a ResponseSet, calls the analysis and
the reading layer, and caches the (language-free) reading until an answer,
the alliance's settings or the invitations change. Every page, JSON twin, the
API and the report lay out this one reading.
"""

from __future__ import annotations

import hashlib
import logging
from typing import Any

from django.core.cache import cache
from django.db.models import Count, Max
from django.dispatch import Signal

from samenspel.reading import AllianceContext, Reading
from samenspel.responses.counting import Count as Counted
from samenspel.responses.model import ResponseSet
from samenspel.web.alliances import dataset, survey
from samenspel.web.alliances.models import Alliance, Answer, MeasurementRound

_NOBODY = Counted("", frozenset(), (), ())

reading_computed = Signal()
"""Sent with ``round`` and ``reading`` (None: the round has nothing to show) whenever a reading is computed,
not when it comes from the cache; the norms app stores the round's profile from it (issue 16, point 5)."""

#: per-partner numbers in ``network.partners`` that describe the partner (not its size or camp)
NETWORK_FIGURES = ("in_trust", "out_trust", "in_dependency", "out_dependency", "in_influence", "out_influence",
                   "in_exchange", "out_exchange", "betweenness", "power")


def context_of(alliance: Alliance) -> AllianceContext:
    """The alliance's stored settings and the names of its partners and rounds, as the reading layer knows them.

    Every output for people shows these names; the codes stay in files for machines (docs/FORMATS.md)."""
    names = dict(alliance.partners.values_list("code", "name"))
    return AllianceContext(name=alliance.name, collaboration_form=alliance.collaboration_form or None,
                           alliance_form=alliance.alliance_form or None,
                           governance_model=alliance.governance_model or None,
                           phase_model=alliance.phase_model or None, min_group=alliance.min_group,
                           partners=names, rounds=dict(alliance.rounds.values_list("code", "name")),
                           source=f"alliance {alliance.slug}",
                           min_group_changes=tuple(
                               (c.at.date().isoformat(), int(c.old), int(c.new))
                               for c in alliance.setting_changes.filter(setting="min_group", after_answers=True)
                               if c.old.isdigit() and c.new.isdigit()))


def _version(rnd: MeasurementRound, invited: dict[str, int] | None) -> str:
    """Changes whenever the round opens or closes, or a submitted answer, the alliance's settings or partners,
    or the invitations change."""
    stats = Answer.objects.filter(
        respondent__round__alliance=rnd.alliance, respondent__submitted_at__isnull=False
    ).aggregate(n=Count("id"), last=Max("id"), sub=Max("respondent__submitted_at"))
    a = rnd.alliance
    partners = sorted(a.partners.values_list("code", "name"))
    partners += sorted(a.rounds.values_list("code", "name"))  # round names appear in the report and trend
    raw = (f"{rnd.status}-{stats['n']}-{stats['last']}-{stats['sub']}-{a.min_group}-{a.name}-{a.collaboration_form}-"
           f"{a.governance_model}-{a.phase_model}-{partners}-{sorted((invited or {}).items())}")
    return hashlib.sha256(raw.encode()).hexdigest()[:20]


def version(rnd: MeasurementRound) -> str:
    """The cache version of ``rnd``'s reading (answers, settings, partners, invitations)."""
    from samenspel.web.alliances.reporting import invited

    return _version(rnd, invited(rnd))


def reading_for(rnd: MeasurementRound) -> Reading | None:
    """The reading of ``rnd`` (trend included), or None while the round has no submitted answers."""
    from samenspel.analysis import Settings, analyse
    from samenspel.knowledge import load_knowledge
    from samenspel.reading import read
    from samenspel.web.alliances.reporting import invited

    links = invited(rnd)
    key = f"samenspel-reading-{rnd.pk}-{_version(rnd, links)}"
    cached = cache.get(key)
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    if not Answer.objects.filter(respondent__round=rnd, respondent__submitted_at__isnull=False).exists():
        _announce(rnd, None)
        return None
    kb = load_knowledge()
    questionnaires = {r.code: survey.round_questionnaire(r) for r in rnd.alliance.rounds.all()}
    responses = dataset.alliance_responses(rnd.alliance)
    if rnd.status == MeasurementRound.OPEN:
        responses = in_steps(responses, rnd, questionnaires)
        if not any(a.round == rnd.code for a in responses.answers):
            _announce(rnd, None)
            return None
    diagnosis = analyse(responses, questionnaires, kb,  # each round its own questionnaire
                        round=rnd.code, settings=Settings(min_group=rnd.alliance.min_group))
    reading = read(diagnosis, kb, context_of(rnd.alliance), invited=links)
    cache.set(key, reading, timeout=3600)
    _announce(rnd, reading)
    return reading


def _announce(rnd: MeasurementRound, reading: Reading | None) -> None:
    """Tell listeners (the norms app) about a computed reading; a listener's failure never breaks a page."""
    for receiver, result in reading_computed.send_robust(sender=MeasurementRound, round=rnd, reading=reading):
        if isinstance(result, Exception):
            logging.getLogger(__name__).error("reading_computed receiver %r failed", receiver, exc_info=result)


def in_steps(responses: ResponseSet, rnd: MeasurementRound, questionnaires: dict) -> ResponseSet:
    """An open round's answers as results may show them: only the first k x minimum counted submissions.

    Comparing the dashboard before and after one submission would give that
    person's answers (docs/PRIVACY.md, "Open rounds"). While a round is open its
    results therefore change only in steps of at least the minimum group size of
    new substantive submissions, taken in the order they were submitted; the
    rest waits for the next step or for the round to close. Earlier rounds are
    untouched.
    """
    from samenspel.responses.counting import count

    counted = set(count(responses, questionnaires).get(rnd.code, _NOBODY).counted)
    order = [code for code in rnd.respondents.filter(submitted_at__isnull=False)
             .order_by("submitted_at", "id").values_list("code", flat=True) if code in counted]
    m = max(1, rnd.alliance.min_group)
    keep = set(order[:len(order) // m * m])
    rows = tuple(a for a in responses.answers if a.round != rnd.code or a.respondent in keep)
    return ResponseSet(rows, source=responses.source)


def diagnose(rnd: MeasurementRound, lang: str = "nl") -> dict[str, Any] | None:
    """The diagnosis JSON (docs/FORMATS.md §3) of ``rnd`` in ``lang``, or None without answers."""
    from samenspel.knowledge import load_knowledge
    from samenspel.render.json import diagnosis_json

    reading = reading_for(rnd)
    return None if reading is None else diagnosis_json(reading, load_knowledge(), lang)


def for_viewer(data: dict[str, Any]) -> dict[str, Any]:
    """The diagnosis as a viewer may read it: no network figures of partners below the minimum group."""
    network = data.get("network")
    if not network:
        return data
    partners = {}
    for name, row in (network.get("partners") or {}).items():
        small = row.get("hidden") or not (data.get("partners") or {}).get(name, {}).get("shown", True)
        partners[name] = {k: (None if small and k in NETWORK_FIGURES else v) for k, v in row.items()}
    return {**data, "network": {**network, "partners": partners}}
