"""Facilitator pages for alliances and partners (login required, object-level access)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from samenspel.web.alliances import access
from samenspel.web.alliances.forms import AllianceForm, ConfirmForm, MemberForm, PartnerForm, RoundForm
from samenspel.web.alliances.models import Alliance, Membership
from samenspel.web.alliances.texts import pick


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """The alliances this user runs or views."""
    alliances = access.visible_alliances(request.user)
    return render(request, "facilitator/home.html", {"alliances": alliances})


@login_required
def alliance_new(request: HttpRequest) -> HttpResponse:
    """Create an alliance; its creator becomes its facilitator."""
    form = AllianceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            alliance = form.save()
            Membership.objects.create(user=request.user, alliance=alliance, role=Membership.FACILITATOR)
        messages.success(request, pick("Alliantie aangemaakt: ", "Alliance created: ") + alliance.name)
        return redirect("facilitator:alliance", slug=alliance.slug)
    return render(request, "facilitator/alliance_form.html", {"form": form})


@login_required
def alliance(request: HttpRequest, slug: str) -> HttpResponse:
    """One alliance: partners, rounds, and forms to add both. Viewers see results only."""
    alliance = access.alliance_for(request.user, slug, role=None)
    return render(request, "facilitator/alliance.html", _alliance_context(alliance, access.role_in(request.user, alliance)))


def _alliance_context(alliance: Alliance, role: str | None, **forms: object) -> dict[str, object]:
    """The alliance page's context; ``forms`` replaces a form (one with errors) by name."""
    context: dict[str, object] = {
        "alliance": alliance,
        "role": role,
        "partners": alliance.partners.all(),
        "rounds": alliance.rounds.all(),
        "partner_form": PartnerForm(alliance=alliance),
        "round_form": RoundForm(alliance=alliance),
        "member_form": MemberForm(),
        "members": alliance.memberships.select_related("user").order_by("role", "user__username"),
    }
    context.update(forms)
    return context


@login_required
def alliance_edit(request: HttpRequest, slug: str) -> HttpResponse:
    alliance = access.alliance_for(request.user, slug)
    form = AllianceForm(request.POST or None, instance=alliance)
    if request.method == "POST" and form.is_valid():
        alliance = form.save()
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
        return redirect("facilitator:alliance", slug=slug)
    context = _alliance_context(alliance, Membership.FACILITATOR, partner_form=form)
    return render(request, "facilitator/alliance.html", context, status=400)


@login_required
@require_POST
def round_add(request: HttpRequest, slug: str) -> HttpResponse:
    alliance = access.alliance_for(request.user, slug)
    form = RoundForm(request.POST, alliance=alliance)
    if form.is_valid():
        rnd = form.save(commit=False)
        rnd.alliance = alliance
        rnd.save()
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
    """Give an existing user a role (facilitator or viewer) in this alliance."""
    alliance = access.alliance_for(request.user, slug)
    form = MemberForm(request.POST)
    if form.is_valid():
        Membership.objects.update_or_create(
            user=form.cleaned_data["username"], alliance=alliance, defaults={"role": form.cleaned_data["role"]}
        )
        messages.success(request, pick("Toegang gegeven aan ", "Access given to ") + str(form.cleaned_data["username"]))
    else:
        messages.error(request, "; ".join(e for errs in form.errors.values() for e in errs))
    return redirect("facilitator:alliance", slug=slug)
