"""Pages of the norms app: the portfolio (and its JSON twin), an alliance's opt-in for norms, and imported
norm files (for users with ``norms.manage_norm_files``).

The portfolio lists only alliances the user may see (``access.visible_alliances``);
the opt-in page is for the alliance's facilitators only, anyone else gets the
same 404 as for an alliance that does not exist.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from samenspel.instrument.constructs import DOMAINS
from samenspel.web.alliances import access
from samenspel.web.alliances.texts import lang, pick, shown_problems
from samenspel.web.norms import consent, installation, portfolio


def _sorting(request: HttpRequest) -> tuple[str, bool]:
    key = request.GET.get("sort", "name")
    key = key if key in portfolio.SORT_KEYS else "name"
    return key, request.GET.get("dir") == "desc"


@login_required
def portfolio_page(request: HttpRequest) -> HttpResponse:
    """All the user's alliances side by side, sorted on the server (the page runs no inline script), in pages
    of ``portfolio.PAGE_SIZE`` (``?page=``); sorting links start at page 1."""
    key, descending = _sorting(request)
    wanted = request.GET.get("page", "1")
    rows, number, pages = portfolio.page_of(request.user, lang(), key, descending,
                                            int(wanted) if wanted.isdigit() and len(wanted) < 6 else 1)
    names = rows[0].cells if rows else []
    here = f"?sort={key}&dir={'desc' if descending else 'asc'}"
    paging = {"number": number, "pages": pages, "size": portfolio.PAGE_SIZE,
              "previous": f"{here}&page={number - 1}" if number > 1 else None,
              "next": f"{here}&page={number + 1}" if number < pages else None,
              "all": [{"number": i, "url": f"{here}&page={i}", "current": i == number} for i in range(1, pages + 1)]}

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
        "rows": rows, "sort": key, "descending": descending, "domain_cols": domain_columns, **cols, "paging": paging,
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

    ``?normset=`` picks the norm set and ``?norm=`` the group, as on the page; ``comparison`` is null while the round has no stored profile.
    """
    from samenspel.web.alliances.diagnosis import reading_for
    from samenspel.web.norms import comparison

    rnd = access.round_for(request.user, slug, code, role=None)
    reading_for(rnd)  # as the dashboard does first: a reading computed now stores the round's profile
    found = comparison.for_round(rnd, request.GET.get("norm"), lang(), request.GET.get("normset"))
    if found is not None:
        found = {**found, "period": list(found["period"]) if found.get("period") else None}
    return JsonResponse({"alliance": rnd.alliance.slug, "round": rnd.code, "comparison": found},
                        json_dumps_params={"ensure_ascii": False})


def _may_manage(request: HttpRequest) -> bool:
    from samenspel.web.norms import imports

    return request.user.has_perm(imports.MANAGE)


def _imports_page(request: HttpRequest, form: object = None, status: int = 200, **extra: object) -> HttpResponse:
    from samenspel.web.norms import imports
    from samenspel.web.norms.forms import NormFileForm
    from samenspel.web.norms.models import ImportedNormSet

    sets = ImportedNormSet.objects.select_related("imported_by").annotate(n_rows=Count("rows"))
    return render(request, "norms/imports.html", {
        "form": form or NormFileForm(), "sets": sets, "accepted": imports.accepted_questionnaires(),
        "min_alliances": installation.min_alliances(), **extra}, status=status)


@login_required
def imports_page(request: HttpRequest) -> HttpResponse:
    """Imported norm files and the form to import one; only for users with ``norms.manage_norm_files``.

    A refused file gets a message naming what is wrong (another questionnaire
    version, a missing description, every bad row with its line) and nothing is
    stored; a sound file is stored whole (``imports.store``).
    """
    from samenspel.errors import InputError, SamenspelError
    from samenspel.norms.normfile import VersionError
    from samenspel.web.norms import imports
    from samenspel.web.norms.forms import NormFileForm

    if not _may_manage(request):
        return render(request, "norms/no_permission.html", status=403)
    if request.method != "POST":
        return _imports_page(request)
    form = NormFileForm(request.POST, request.FILES)
    if not form.is_valid():
        return _imports_page(request, form, status=400)
    rows_file, desc_file = form.cleaned_data["rows"], form.cleaned_data["description"]
    rows, desc = rows_file.read(), desc_file.read()
    try:
        nf = imports.read(rows, rows_file.name, desc, desc_file.name)
        kept = imports.store(nf, rows_file.name, imports.digest(rows, desc), request.user)
    except VersionError as exc:
        return _imports_page(request, form, status=400, refused=pick(
            f"Niet geïmporteerd: deze normen zijn voor vragenlijst {exc.found}; deze installatie gebruikt "
            f"{' en '.join(imports.accepted_questionnaires())}. Normen van een andere vragenlijst(versie) gaan over "
            "andere vragen en zijn niet te vergelijken.",
            f"Not imported: these norms are for questionnaire {exc.found}; this installation uses "
            f"{' and '.join(imports.accepted_questionnaires())}. Norms of another questionnaire (version) are about "
            "other questions and do not compare."))
    except imports.AlreadyImported as exc:
        return _imports_page(request, form, status=400, refused=pick(
            f"Niet geïmporteerd: precies dit normbestand is al geïmporteerd ({exc.existing.name}, "
            f"{exc.existing.imported_at:%Y-%m-%d}).",
            f"Not imported: exactly this norm file was imported before ({exc.existing.name}, "
            f"{exc.existing.imported_at:%Y-%m-%d})."))
    except InputError as exc:
        problems, more = shown_problems(exc.problems)
        return _imports_page(request, form, status=400, refused=pick(
            "Niet geïmporteerd; er is niets opgeslagen. Het normbestand heeft deze problemen (bestand:regel):",
            "Not imported; nothing was stored. The norm file has these problems (file:line):"),
            problems=problems, more_problems=more)
    except SamenspelError as exc:
        return _imports_page(request, form, status=400, refused=pick(
            "Niet geïmporteerd; er is niets opgeslagen. Het probleem:", "Not imported; nothing was stored. The problem:"),
            problems=[str(exc)])
    messages.success(request, pick(
        f"Geïmporteerd: {kept.name}, {len(nf.normset.rows)} normregels over {kept.n_alliances} allianties.",
        f"Imported: {kept.name}, {len(nf.normset.rows)} norm rows over {kept.n_alliances} alliances."))
    return redirect("norms:imports")


@login_required
@require_POST
def import_delete(request: HttpRequest, pk: int) -> HttpResponse:
    """Delete an imported norm file (its rows go with it); dashboards fall back to the installation's own norms."""
    from samenspel.web.norms.models import ImportedNormSet

    if not _may_manage(request):
        return render(request, "norms/no_permission.html", status=403)
    kept = get_object_or_404(ImportedNormSet, pk=pk)
    name = kept.name
    kept.delete()
    messages.success(request, pick(f"Verwijderd: {name}.", f"Deleted: {name}."))
    return redirect("norms:imports")
