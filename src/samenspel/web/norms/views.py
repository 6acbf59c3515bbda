"""Pages of the norms app: the portfolio (and its JSON twin) and an alliance's opt-in for norms.

The portfolio lists only alliances the user may see (``access.visible_alliances``);
the opt-in page is for the alliance's facilitators only, anyone else gets the
same 404 as for an alliance that does not exist.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from samenspel.instrument.constructs import DOMAINS
from samenspel.web.alliances import access
from samenspel.web.alliances.texts import lang, pick
from samenspel.web.norms import consent, installation, portfolio


def _sorting(request: HttpRequest) -> tuple[str, bool]:
    key = request.GET.get("sort", "name")
    key = key if key in portfolio.SORT_KEYS else "name"
    return key, request.GET.get("dir") == "desc"


@login_required
def portfolio_page(request: HttpRequest) -> HttpResponse:
    """All the user's alliances side by side, sorted on the server (the page runs no inline script)."""
    key, descending = _sorting(request)
    rows = portfolio.sort(portfolio.rows_for(request.user, lang()), key, descending)
    names = rows[0].cells if rows else []

    def column(k: str, label: str) -> dict[str, object]:
        active = k == key
        flip = "asc" if active and descending else "desc" if active else ("asc" if k == "name" else "desc")
        return {"key": k, "label": label, "active": active, "url": f"?sort={k}&dir={flip}",
                "aria": ("descending" if descending else "ascending") if active else None}

    domain_columns = [column(f"domain:{c.domain}", c.name) for c in names] if names else \
        [column(f"domain:{d}", d) for d in DOMAINS]
    cols = {"name_col": column("name", pick("Alliantie", "Alliance")),
            "phase_col": column("phase", pick("Fase", "Phase")),
            "n_col": column("n", pick("Respons", "Response")),
            "findings_col": column("findings", pick("Open bevindingen", "Open findings")),
            "actions_col": column("actions", pick("Open acties", "Open actions"))}
    return render(request, "norms/portfolio.html", {
        "rows": rows, "sort": key, "descending": descending, "domain_cols": domain_columns, **cols,
        "sort_cols": [cols["name_col"], *domain_columns, *list(cols.values())[1:]],
        "json_url": reverse("norms:portfolio_json") + (f"?sort={key}&dir={'desc' if descending else 'asc'}"),
    })


@login_required
def portfolio_json(request: HttpRequest) -> JsonResponse:
    """The portfolio page's JSON twin, with the same access check and sort order."""
    key, descending = _sorting(request)
    rows = portfolio.sort(portfolio.rows_for(request.user, lang()), key, descending)
    return JsonResponse({"sort": key, "direction": "desc" if descending else "asc", "domains": list(DOMAINS),
                         "alliances": portfolio.as_json(rows)}, json_dumps_params={"ensure_ascii": False})


@login_required
def consent_page(request: HttpRequest, slug: str) -> HttpResponse:
    """Whether the alliance contributes to norms, who decided when, and the button to change it."""
    alliance = access.alliance_for(request.user, slug)  # facilitators only; anyone else: 404
    return render(request, "norms/consent.html", {
        "alliance": alliance, "contributes": consent.contributes(alliance),
        "decisions": alliance.norm_consents.select_related("by").order_by("-at", "-id"),
        "min_alliances": installation.min_alliances(),
    })


@login_required
@require_POST
def consent_set(request: HttpRequest, slug: str) -> HttpResponse:
    """Opt in (``contribute=1``) or out (``contribute=0``); only a facilitator of the alliance may."""
    alliance = access.alliance_for(request.user, slug)
    wanted = request.POST.get("contribute")
    if wanted not in ("0", "1"):
        return HttpResponse(status=400)
    contributes = wanted == "1"
    if contributes != consent.contributes(alliance):
        consent.decide(alliance, contributes, request.user)
        messages.success(request, pick("Deze alliantie draagt nu bij aan de normen.",
                                       "This alliance now contributes to the norms.") if contributes else
                         pick("Deze alliantie draagt niet meer bij aan nieuwe normen.",
                              "This alliance no longer contributes to new norms."))
    return redirect("norms:consent", slug=alliance.slug)


@login_required
def comparison_json(request: HttpRequest, slug: str, code: str) -> JsonResponse:
    """The dashboard's norms section as JSON (``dashboard.json`` stays the diagnosis of FORMATS.md §3).

    ``?norm=`` picks the group as on the page; ``comparison`` is null while the round has no stored profile.
    """
    from samenspel.web.alliances.diagnosis import reading_for
    from samenspel.web.norms import comparison

    rnd = access.round_for(request.user, slug, code, role=None)
    reading_for(rnd)  # as the dashboard does first: a reading computed now stores the round's profile
    found = comparison.for_round(rnd, request.GET.get("norm"), lang())
    if found is not None:
        found = {**found, "period": list(found["period"]) if found.get("period") else None}
    return JsonResponse({"alliance": rnd.alliance.slug, "round": rnd.code, "comparison": found},
                        json_dumps_params={"ensure_ascii": False})
