"""Facilitator pages for alliances and partners (login required, object-level access).

The home and alliance pages each have a JSON twin (``index.json``) built from
the same context as the HTML, with the same access check: ids, names, dates
and statuses only, never members, e-mail addresses or respondent links.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.urls import reverse
from django.views.decorators.http import require_POST

from samenspel.instrument.duration import to_minutes
from samenspel.web.alliances import access, members
from samenspel.web.alliances.forms import AllianceForm, ConfirmForm, MemberForm, PartnerEditForm, PartnerForm, RoundForm
from samenspel.web.alliances.models import Alliance, Answer, MeasurementRound, Membership, Partner, SettingChange
from samenspel.web.alliances.texts import pick


CREATE_ALLIANCES = "alliances.add_alliance"
"""The permission to create alliances; administrators grant it (docs/WEB.md, "Who sees what")."""


def _home_context(request: HttpRequest) -> dict[str, object]:
    return {"alliances": access.visible_alliances(request.user),
            "may_create": request.user.has_perm(CREATE_ALLIANCES)}


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """The alliances this user runs or views."""
    return render(request, "facilitator/home.html", _home_context(request))


@login_required
def home_json(request: HttpRequest) -> JsonResponse:
    """The home page's JSON twin: the alliances this user may see, with their role in each."""
    alliances = _home_context(request)["alliances"]
    if getattr(request.user, "is_superuser", False):
        roles: dict[int, str] = {}
    else:
        roles = dict(Membership.objects.filter(user=request.user).values_list("alliance_id", "role"))
    return _json({"alliances": [
        {"slug": a.slug, "name": a.name, "role": roles.get(a.pk, Membership.FACILITATOR),
         "url": reverse("facilitator:alliance", args=[a.slug]),
         "json": reverse("facilitator:alliance_json", args=[a.slug])}
        for a in alliances  # type: ignore[attr-defined]
    ]})


def _json(data: dict[str, object]) -> JsonResponse:
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False})


@login_required
def alliance_new(request: HttpRequest) -> HttpResponse:
    """Create an alliance; its creator becomes its facilitator. Needs the permission administrators grant."""
    if not request.user.has_perm(CREATE_ALLIANCES):
        return render(request, "facilitator/no_permission.html", status=403)
    form = AllianceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            alliance = form.save()
            Membership.objects.create(user=request.user, alliance=alliance, role=Membership.FACILITATOR)
            record_min_group(alliance, None, request.user)
        messages.success(request, pick("Alliantie aangemaakt: ", "Alliance created: ") + alliance.name)
        return redirect("facilitator:alliance", slug=alliance.slug)
    return render(request, "facilitator/alliance_form.html", {"form": form})


@login_required
def alliance(request: HttpRequest, slug: str) -> HttpResponse:
    """One alliance: partners, rounds, and forms to add both. Viewers see results only."""
    alliance = access.alliance_for(request.user, slug, role=None)
    return render(request, "facilitator/alliance.html", _alliance_context(alliance, access.role_in(request.user, alliance)))


@login_required
def alliance_json(request: HttpRequest, slug: str) -> JsonResponse:
    """The alliance page's JSON twin: details, partners and rounds (links to a round's page for facilitators only)."""
    alliance = access.alliance_for(request.user, slug, role=None)
    data = _alliance_data(alliance, access.role_in(request.user, alliance))
    manages = data["role"] == Membership.FACILITATOR

    def one_round(r: MeasurementRound) -> dict[str, object]:
        out: dict[str, object] = {
            "code": r.code, "name": r.name, "status": r.status, "accepting_answers": r.accepts_answers(),
            "opens": r.opens, "closes": r.closes, "pulse": r.short,
            "dashboard": reverse("facilitator:dashboard", args=[alliance.slug, r.code]),
            "dashboard_json": reverse("facilitator:dashboard_json", args=[alliance.slug, r.code]),
        }
        if manages:
            out["url"] = reverse("facilitator:round", args=[alliance.slug, r.code])
            out["json"] = reverse("facilitator:round_json", args=[alliance.slug, r.code])
        return out

    return _json({
        "slug": alliance.slug, "name": alliance.name, "role": data["role"],
        "collaboration_form": alliance.collaboration_form or None,
        "governance_model": alliance.governance_model or None,
        "phase_model": alliance.phase_model or None,
        "min_group": alliance.min_group,
        "partners": [{"code": p.code, "name": p.name} for p in data["partners"]],  # type: ignore[attr-defined]
        **({"archived_partners": [{"code": p.code, "name": p.name, "archived_at": p.archived_at}
                                  for p in data["archived"]]} if manages else {}),  # type: ignore[attr-defined]
        "rounds": [one_round(r) for r in data["rounds"]],  # type: ignore[attr-defined]
    })


def _alliance_data(alliance: Alliance, role: str | None) -> dict[str, object]:
    """What the alliance page and its JSON twin both show (archived partners only to facilitators)."""
    data: dict[str, object] = {"alliance": alliance, "role": role,
                               "partners": alliance.partners.filter(archived_at__isnull=True),
                               "rounds": alliance.rounds.annotate(
                                   submitted=Count("respondents", filter=Q(respondents__submitted_at__isnull=False)))}
    if role == Membership.FACILITATOR:
        data["archived"] = alliance.partners.filter(archived_at__isnull=False)
    return data


def _alliance_context(alliance: Alliance, role: str | None, **forms: object) -> dict[str, object]:
    """The alliance page's context; ``forms`` replaces a form (one with errors) by name."""
    context: dict[str, object] = {
        **_alliance_data(alliance, role),
        "partner_form": PartnerForm(alliance=alliance),
        "member_form": MemberForm(),
        "members": members.listed(alliance),
    }
    context.update(forms)
    if role == Membership.FACILITATOR:
        round_form = context.get("round_form") or RoundForm(alliance=alliance)
        context["round_form"] = round_form
        context["round_estimate"] = round_form.estimate_data()  # type: ignore[attr-defined]
        context["round_minutes"] = to_minutes(round_form.default_seconds)  # type: ignore[attr-defined]
    return context


def record_min_group(alliance: Alliance, old: int | None, user: object) -> None:
    """Keep the trail of the minimum group size: who, when, old, new, and whether answers were in."""
    after = Answer.objects.filter(respondent__round__alliance=alliance, respondent__submitted_at__isnull=False).exists()
    SettingChange.objects.create(alliance=alliance, setting="min_group", old="" if old is None else str(old),
                                 new=str(alliance.min_group), by=user if getattr(user, "pk", None) else None,
                                 after_answers=after)


@login_required
def alliance_edit(request: HttpRequest, slug: str) -> HttpResponse:
    alliance = access.alliance_for(request.user, slug)
    before = alliance.min_group
    form = AllianceForm(request.POST or None, instance=alliance)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            alliance = form.save()
            if alliance.min_group != before:
                record_min_group(alliance, before, request.user)
        messages.success(request, pick("Gegevens opgeslagen.", "Details saved."))
        return redirect("facilitator:alliance", slug=alliance.slug)
    return render(request, "facilitator/alliance_form.html", {"form": form, "alliance": alliance})


@login_required
@require_POST
def partner_add(request: HttpRequest, slug: str) -> HttpResponse:
    alliance = access.alliance_for(request.user, slug)
    form = PartnerForm(request.POST, alliance=alliance)
    if form.is_valid():
        partner = form.save(commit=False)
        partner.alliance = alliance
        partner.save()
        messages.success(request, pick(f"Partner toegevoegd: {partner.name} (code {partner.code}).",
                                       f"Partner added: {partner.name} (code {partner.code})."))
        return redirect("facilitator:alliance", slug=slug)
    context = _alliance_context(alliance, Membership.FACILITATOR, partner_form=form)
    return render(request, "facilitator/alliance.html", context, status=400)


@login_required
def partner_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Rename a partner (its display name); the code that links rounds and files stays."""
    alliance = access.alliance_for(request.user, slug)
    partner = get_object_or_404(Partner, alliance=alliance, pk=pk)
    before = partner.name
    form = PartnerEditForm(request.POST or None, instance=partner)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, pick(f"Partner hernoemd: {before} heet nu {partner.name}.",
                                       f"Partner renamed: {before} is now called {partner.name}.")
                         if partner.name != before else pick("Niets gewijzigd.", "Nothing changed."))
        return redirect("facilitator:alliance", slug=slug)
    return render(request, "facilitator/partner_form.html", {"alliance": alliance, "partner": partner, "form": form},
                  status=400 if form.errors else 200)


@login_required
@require_POST
def partner_archive(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Archive a partner (or bring it back). Nothing is deleted: its answers and the ratings of it stay in every
    round; an archived partner only gets no new links."""
    alliance = access.alliance_for(request.user, slug)
    partner = get_object_or_404(Partner, alliance=alliance, pk=pk)
    if request.POST.get("archive") == "0":
        partner.archived_at = None
        done = pick(f"{partner.name} is weer actief.", f"{partner.name} is active again.")
    else:
        partner.archived_at = timezone.now()
        done = pick(f"{partner.name} is gearchiveerd. De antwoorden blijven bewaard; er komen geen nieuwe links bij.",
                    f"{partner.name} is archived. Its answers are kept; it gets no new links.")
    partner.save(update_fields=["archived_at"])
    messages.success(request, done)
    return redirect("facilitator:alliance", slug=slug)


@login_required
@require_POST
def round_add(request: HttpRequest, slug: str) -> HttpResponse:
    alliance = access.alliance_for(request.user, slug)
    form = RoundForm(request.POST, alliance=alliance)
    if form.is_valid():
        rnd = form.save(commit=False)
        rnd.alliance = alliance
        rnd.save()
        messages.success(request, pick(f"Ronde aangemaakt: {rnd.name} (code {rnd.code}). Nodig nu de deelnemers uit.",
                                       f"Round created: {rnd.name} (code {rnd.code}). Now invite the respondents."))
        return redirect("facilitator:round", slug=slug, code=rnd.code)
    context = _alliance_context(alliance, Membership.FACILITATOR, round_form=form)
    return render(request, "facilitator/alliance.html", context, status=400)


@login_required
def alliance_delete(request: HttpRequest, slug: str) -> HttpResponse:
    """Delete an alliance with everything in it (GDPR); the user types its id to confirm."""
    alliance = access.alliance_for(request.user, slug)
    form = ConfirmForm(request.POST or None, expected=alliance.slug)
    if request.method == "POST" and form.is_valid():
        name = alliance.name
        alliance.delete()
        messages.success(request, pick("Verwijderd: ", "Deleted: ") + name)
        return redirect("facilitator:home")
    return render(request, "facilitator/confirm_delete.html",
                  {"form": form, "alliance": alliance, "what": alliance.name}, status=400 if form.errors else 200)


@login_required
@require_POST
def member_add(request: HttpRequest, slug: str) -> HttpResponse:
    """Give a username a role (facilitator or viewer) in this alliance; the answer never says whether it exists."""
    alliance = access.alliance_for(request.user, slug)
    form = MemberForm(request.POST)
    if form.is_valid():
        name = form.cleaned_data["username"]
        members.give(alliance, name, form.cleaned_data["role"])
        messages.success(request, pick(
            f"Toegang vastgelegd voor {name}. Heeft {name} nog geen account, dan geldt de toegang vanaf de "
            "eerste keer inloggen.",
            f"Access recorded for {name}. If {name} has no account yet, the access applies from their first login."))
    else:
        messages.error(request, "; ".join(e for errs in form.errors.values() for e in errs))
    return redirect("facilitator:alliance", slug=slug)
