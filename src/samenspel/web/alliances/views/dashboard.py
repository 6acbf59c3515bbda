"""The diagnosis of a round: an HTML page and its JSON twin (``dashboard.json``).

Open to facilitators and viewers of the alliance. The page is laid out from
the steering-group report's own context (``samenspel.report.context``) and
charts (``samenspel.report.charts``: Vega-Lite rendered to inline SVG by
vl-convert, offline), so the dashboard and the report never disagree and
share one privacy rule: per-partner figures only for partners with at least
the minimum group of respondents. Viewers' JSON also loses the network
figures of those small partners (:func:`diagnosis.for_viewer`).
"""

from __future__ import annotations

import hashlib
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import translation

from samenspel.web.alliances import access, reporting, survey
from samenspel.web.alliances.diagnosis import analysed, for_viewer
from samenspel.web.alliances.models import MeasurementRound, Membership


def _lang() -> str:
    return "en" if (translation.get_language() or "nl").startswith("en") else "nl"


def _labels(lang: str, min_group: int, strong: str) -> dict[str, str]:
    """The report's fixed texts in ``lang`` (the few with a placeholder filled in)."""
    from samenspel.report.labels import L, t

    fill = {"domains_intro": {"min": min_group}, "problems_intro": {"strong": strong}}
    out = {}
    for key, text in L.items():
        raw = text.get(lang)
        if key in fill:
            out[key] = t(key, lang, **fill[key])
        elif "{" not in raw:
            out[key] = raw
    return out


def context_for(rnd: MeasurementRound, lang: str) -> dict[str, Any] | None:
    """What the dashboard shows (the report's context), cached with the diagnosis version."""
    from samenspel.knowledge import load_knowledge
    from samenspel.report.context import build_context

    result = analysed(rnd, lang)
    if result is None:
        return None
    invited = reporting.invited(rnd)
    links = hashlib.sha256(repr(sorted((invited or {}).items())).encode()).hexdigest()[:12]
    key = f"samenspel-dashboard-{rnd.pk}-{lang}-{result['version']}-{links}"
    cached = cache.get(key)
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    opts = reporting.options(rnd, lang, result["network_svg"])
    ctx = build_context(result["data"], load_knowledge(), survey.round_questionnaire(rnd), opts)
    ctx.pop("L", None)  # a function; the template gets plain labels instead
    ctx["labels"] = _labels(lang, ctx["min_group"], ctx["strong"])
    cache.set(key, ctx, timeout=3600)
    return ctx


@login_required
def dashboard(request: HttpRequest, slug: str, code: str) -> HttpResponse:
    rnd = access.round_for(request.user, slug, code, role=None)
    lang = _lang()
    r = context_for(rnd, lang)
    role = access.role_in(request.user, rnd.alliance)
    earlier = rnd.alliance.rounds.exclude(pk=rnd.pk).order_by("-opens")
    return render(request, "facilitator/dashboard.html", {
        "alliance": rnd.alliance, "round": rnd, "r": r, "is_facilitator": role == Membership.FACILITATOR,
        "other_rounds": earlier,
    })


@login_required
def dashboard_json(request: HttpRequest, slug: str, code: str) -> JsonResponse:
    rnd = access.round_for(request.user, slug, code, role=None)
    result = analysed(rnd, _lang())
    if result is None:
        return JsonResponse({"error": "no submitted answers in this round"}, status=404)
    data = result["data"]
    if access.role_in(request.user, rnd.alliance) != Membership.FACILITATOR:
        data = for_viewer(data)
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False})
