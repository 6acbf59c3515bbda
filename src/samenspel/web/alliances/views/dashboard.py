"""The diagnosis of a round: an HTML page and its JSON twin (``dashboard.json``).

Open to facilitators and viewers of the alliance. Per-partner figures of
partners below the minimum group size are null in the analysis itself.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import translation

from samenspel.web.alliances import access
from samenspel.web.alliances.diagnosis import diagnose


def _lang() -> str:
    return "en" if (translation.get_language() or "nl").startswith("en") else "nl"


def _named(kind: str, ids: list[str], lang: str) -> list[tuple[str, str]]:
    from samenspel.knowledge import load_knowledge

    table: dict[str, Any] = getattr(load_knowledge(), kind)
    return [(i, table[i].name.get(lang) if i in table else i) for i in ids]


@login_required
def dashboard(request: HttpRequest, slug: str, code: str) -> HttpResponse:
    rnd = access.round_for(request.user, slug, code, role=None)
    lang = _lang()
    diagnosis = diagnose(rnd, lang)
    context: dict[str, Any] = {"alliance": rnd.alliance, "round": rnd, "d": diagnosis}
    if diagnosis is not None:
        from samenspel.knowledge import load_knowledge

        kb = load_knowledge()
        context["partners"] = list(diagnosis["partners"])
        context["domains"] = [
            {"id": k, "name": kb.domains[k].name.get(lang) if k in kb.domains else k, **v,
             "cells": [v.get("by_partner", {}).get(p) for p in context["partners"]]}
            for k, v in diagnosis["domains"].items()
        ]
        context["paradoxes"] = [
            {"id": k, "name": kb.paradoxes[k].name.get(lang) if k in kb.paradoxes else k, **v}
            for k, v in diagnosis["paradoxes"].items()
        ]
        context["problems"] = [
            {**p, "name": kb.problems[p["id"]].name.get(lang) if p["id"] in kb.problems else p["id"],
             "named_interventions": _named("interventions", p.get("interventions", []), lang)}
            for p in diagnosis["problems"]
        ]
        quadrant = diagnosis["trust_formal"].get("quadrant")
        context["quadrant"] = kb.trust_quadrants.get(quadrant) if quadrant else None
        modal = diagnosis["phase"].get("modal")
        context["phase"] = kb.phases.get(modal) if modal else None
        model = kb.phase_models.get(rnd.alliance.phase_model)
        if model is not None and modal:
            context["stages"] = [st for st in model.stages if modal in st.axis]
            context["phase_model"] = model
        advice = diagnosis["governance"].get("advice")
        context["advice"] = kb.governance_advice.get(advice) if advice else None
    return render(request, "facilitator/dashboard.html", context)


@login_required
def dashboard_json(request: HttpRequest, slug: str, code: str) -> JsonResponse:
    rnd = access.round_for(request.user, slug, code, role=None)
    diagnosis = diagnose(rnd, _lang())
    if diagnosis is None:
        return JsonResponse({"error": "no submitted answers in this round"}, status=404)
    return JsonResponse(diagnosis, json_dumps_params={"ensure_ascii": False})
