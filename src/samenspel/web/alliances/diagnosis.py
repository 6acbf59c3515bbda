"""The diagnosis of one round, computed by :func:`samenspel.analysis.analyse`.

The web app only converts its rows to a ResponseSet and calls the analysis;
results are cached until an answer in the alliance changes. Next to the JSON
(``Diagnosis.to_dict``) the cache keeps the network picture, which needs the
Diagnosis object itself (``samenspel.report.network_picture`` scrubs the
numbers of partners below the minimum group).
"""

from __future__ import annotations

import hashlib
from typing import Any

from django.core.cache import cache
from django.db.models import Count, Max

from samenspel.web.alliances import dataset, survey
from samenspel.web.alliances.models import Answer, MeasurementRound

#: per-partner numbers in ``network.partners`` that describe the partner (not its size or camp)
NETWORK_FIGURES = ("in_trust", "out_trust", "in_dependency", "out_dependency", "in_influence", "out_influence",
                   "in_exchange", "out_exchange", "betweenness", "power")


def _version(rnd: MeasurementRound) -> str:
    """Changes whenever a submitted answer of the alliance is added, changed or removed."""
    stats = Answer.objects.filter(
        respondent__round__alliance=rnd.alliance, respondent__submitted_at__isnull=False
    ).aggregate(n=Count("id"), last=Max("id"), sub=Max("respondent__submitted_at"))
    return f"{stats['n']}-{stats['last']}-{stats['sub']}-{rnd.alliance.min_group}"


def analysed(rnd: MeasurementRound, lang: str = "nl") -> dict[str, Any] | None:
    """``{"data": to_dict(lang), "network_svg": str | None, "version": str}`` for ``rnd`` (trend included), or None without answers."""
    from samenspel.analysis import Settings, analyse
    from samenspel.knowledge import load_knowledge
    from samenspel.report import network_picture

    version = hashlib.sha256(_version(rnd).encode()).hexdigest()[:20]
    key = f"samenspel-diagnosis-{rnd.pk}-{lang}-{version}"
    cached = cache.get(key)
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    if not Answer.objects.filter(respondent__round=rnd, respondent__submitted_at__isnull=False).exists():
        return None
    responses = dataset.alliance_responses(rnd.alliance)
    questionnaires = {r.code: survey.round_questionnaire(r) for r in rnd.alliance.rounds.all()}
    diagnosis = analyse(
        responses,
        questionnaires,  # each round with the questionnaire it asked
        load_knowledge(),
        round=rnd.code,
        settings=Settings(min_group=rnd.alliance.min_group),
    )
    result = {"data": diagnosis.to_dict(lang), "network_svg": network_picture(diagnosis, lang), "version": version}
    cache.set(key, result, timeout=3600)
    return result


def diagnose(rnd: MeasurementRound, lang: str = "nl") -> dict[str, Any] | None:
    """``analyse(...).to_dict(lang)`` for ``rnd`` (with the trend against earlier rounds), or None without answers."""
    result = analysed(rnd, lang)
    return None if result is None else result["data"]


def for_viewer(data: dict[str, Any]) -> dict[str, Any]:
    """The diagnosis as a viewer may read it: no network figures of partners below the minimum group.

    The analysis already hides their scores; how others rate such a partner
    in the network is removed too, as in the report (docs/REPORT.md, Privacy).
    """
    network = data.get("network")
    if not network:
        return data
    partners = {}
    for name, row in (network.get("partners") or {}).items():
        small = row.get("hidden") or not (data.get("partners") or {}).get(name, {}).get("shown", True)
        partners[name] = {k: (None if small and k in NETWORK_FIGURES else v) for k, v in row.items()}
    return {**data, "network": {**network, "partners": partners}}
