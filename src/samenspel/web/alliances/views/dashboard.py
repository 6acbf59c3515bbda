"""The diagnosis of a round: an HTML page and its JSON twin (``dashboard.json``).

Open to facilitators and viewers of the alliance. Both lay out the round's one
cached reading (``diagnosis.reading_for``): the page through the report's own
context (``samenspel.report.context``) and charts, so the dashboard and the
report never disagree; the JSON twin through ``samenspel.render.json``.
Viewers' JSON also loses the network figures of small partners
(:func:`diagnosis.for_viewer`).
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import translation

from samenspel.web.alliances import access, survey
from samenspel.web.alliances.diagnosis import diagnose, for_viewer, reading_for, version
from samenspel.web.alliances.models import MeasurementRound, Membership
from samenspel.web.steering import goals
from samenspel.web.steering.outcome import last_time


def _lang() -> str:
    return "en" if (translation.get_language() or "nl").startswith("en") else "nl"


def _labels(lang: str, min_group: int, strong: str) -> dict[str, str]:
    """The fixed texts in ``lang`` (the few with a placeholder filled in)."""
    from samenspel.reading.labels import L, t

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
    """What the dashboard shows (the report's layout of the reading), cached per reading and language."""
    from samenspel.knowledge import load_knowledge
    from samenspel.report import Options
    from samenspel.report.context import build_context
    from samenspel.report.document import network_picture

    key = f"samenspel-dashboard-{rnd.pk}-{lang}-{version(rnd)}"
    cached = cache.get(key)
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    reading = reading_for(rnd)
    if reading is None:
        return None
    ctx = build_context(reading, load_knowledge(), survey.round_questionnaire(rnd), Options(lang=lang),
                        network_picture(reading, lang))
    ctx.pop("L", None)  # a function; the template gets plain labels instead
    ctx["labels"] = _labels(lang, ctx["min_group"], ctx["strong"])
    cache.set(key, ctx, timeout=3600)
    return ctx


def _split_stats(cell: str) -> tuple[str, str]:
    """"groot (eta² 0,21, p < 0,001, n = 34)" -> ("groot", "eta² 0,21, p < 0,001, n = 34"): the words for
    the table a chair reads, the statistics for the folded details."""
    words, sep, rest = cell.partition(" (")
    return (words, rest[:-1] if rest.endswith(")") else rest) if sep else (cell, "")


def first_screen(r: dict[str, Any]) -> dict[str, Any]:
    """The dashboard's own arrangement of the report's context: the headline tiles and the tables with
    their statistics split off (shown folded away). Nothing is computed here that the reading did not say."""
    total = r["appendix"]["total"]  # [label, n, invited, response rate]
    notes = len(r["warnings"])
    divergence = [{"domain": row[0], "size": _split_stats(row[1]), "range": row[2]} for row in r["divergence"]["rows"]]
    questions = [{"item": row[0], "size": _split_stats(row[1]), "range": row[2]} for row in r["divergence"]["questions"]]
    trend = [{"cells": row[:4], "verdict": _split_stats(row[4])} for row in (r["trend"] or {}).get("rows", [])]
    paradoxes = [{"cells": row[:4], "stats": row[4:]} for row in (r["paradoxes"] or {}).get("rows", [])]
    return {"n": total[1], "rate": total[3] if total[3] not in ("", "–") else "", "notes": notes,
            "quality": "ok" if notes == 0 else "caution", "divergence": divergence, "questions": questions,
            "trend": trend, "paradoxes": paradoxes}


@login_required
def dashboard(request: HttpRequest, slug: str, code: str) -> HttpResponse:
    rnd = access.round_for(request.user, slug, code, role=None)
    lang = _lang()
    r = context_for(rnd, lang)
    role = access.role_in(request.user, rnd.alliance)
    earlier = rnd.alliance.rounds.exclude(pk=rnd.pk).order_by("-opens")
    return render(request, "facilitator/dashboard.html", {
        "alliance": rnd.alliance, "round": rnd, "r": r, "is_facilitator": role == Membership.FACILITATOR,
        "other_rounds": earlier, "last_time": last_time(rnd, lang), "own_goals": goals.for_round(rnd, lang),
        "head": first_screen(r) if r else None, "printing": request.GET.get("print") == "1",
    })


@login_required
def dashboard_json(request: HttpRequest, slug: str, code: str) -> JsonResponse:
    rnd = access.round_for(request.user, slug, code, role=None)
    data = diagnose(rnd, _lang())
    if data is None:
        return JsonResponse({"error": "no submitted answers in this round"}, status=404)
    if access.role_in(request.user, rnd.alliance) != Membership.FACILITATOR:
        data = for_viewer(data)
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False})
