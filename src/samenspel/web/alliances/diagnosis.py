"""The diagnosis of one round, computed by :func:`samenspel.analysis.analyse`.

The web app only converts its rows to a ResponseSet and calls the analysis;
results are cached until an answer in the alliance changes.
"""

from __future__ import annotations

import hashlib
from typing import Any

from django.core.cache import cache
from django.db.models import Count, Max

from samenspel.web.alliances import dataset, survey
from samenspel.web.alliances.models import Answer, MeasurementRound


def _version(rnd: MeasurementRound) -> str:
    """Changes whenever a submitted answer of the alliance is added, changed or removed."""
    stats = Answer.objects.filter(
        respondent__round__alliance=rnd.alliance, respondent__submitted_at__isnull=False
    ).aggregate(n=Count("id"), last=Max("id"), sub=Max("respondent__submitted_at"))
    return f"{stats['n']}-{stats['last']}-{stats['sub']}-{rnd.alliance.min_group}"


def diagnose(rnd: MeasurementRound, lang: str = "nl") -> dict[str, Any] | None:
    """``analyse(...).to_dict(lang)`` for ``rnd`` (with the trend against earlier rounds), or None without answers."""
    from samenspel.analysis import Settings, analyse
    from samenspel.knowledge import load_knowledge

    version = hashlib.sha256(_version(rnd).encode()).hexdigest()[:20]
    key = f"samenspel-diagnosis-{rnd.pk}-{lang}-{version}"
    cached = cache.get(key)
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    if not Answer.objects.filter(respondent__round=rnd, respondent__submitted_at__isnull=False).exists():
        return None
    responses = dataset.alliance_responses(rnd.alliance)
    result = analyse(
        responses,
        survey.load_instrument(short=rnd.short),
        load_knowledge(),
        round=rnd.code,
        settings=Settings(min_group=rnd.alliance.min_group),
    ).to_dict(lang)
    cache.set(key, result, timeout=3600)
    return result
