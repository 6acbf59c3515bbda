"""Pages of steering: the meeting, the action list, and the forms that change them.

Every view fetches its round through ``alliances.access``: facilitators and
viewers of the alliance read (``role=None``), only facilitators change
anything (the default role), and anyone else gets a 404, so an outsider
cannot learn that a round or an action exists.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.views.decorators.http import require_POST

from samenspel.web.alliances import access
from samenspel.web.alliances.diagnosis import reading_for
from samenspel.web.alliances.models import MeasurementRound, Membership
from samenspel.web.alliances.texts import lang, pick
from samenspel.web.steering import contributors, decisions, export, goals, meeting
from samenspel.web.steering.forms import STATUS_LABELS, ActionForm, GoalForm, NoteForm, StatusForm
from samenspel.web.steering.models import Action, Contributor, MeetingNote, StatusChange

BIGGEST_ID = 2**63 - 1
"""Ids above this are no row on any database (PostgreSQL would fail on the comparison itself)."""

BACK = {"meeting-2": 2, "meeting-3": 3, "meeting-4": 4}
"""Where a form posted from the meeting returns to: the step it came from."""


def _kb() -> Any:
    from samenspel.knowledge import load_knowledge

    return load_knowledge()


def _back(request: HttpRequest, rnd: MeasurementRound) -> HttpResponse:
    step = BACK.get(request.POST.get("back", ""))
    args = [rnd.alliance.slug, rnd.code]
    if step:
        return redirect(reverse("steering:meeting", args=args) + f"#step-{step}")
    return redirect("steering:actions", *args)


def _action_form(rnd: MeasurementRound, data: Any = None, initial: dict[str, str] | None = None) -> ActionForm:
    return ActionForm(data, round=rnd, addressable=meeting.addressable(reading_for(rnd), _kb(), lang()),
                      initial=initial)


def _taken(s: dict[str, Any] | None, chosen: str) -> dict[str, str] | None:
    """The decision form filled in from one of step 3's suggested interventions (``?take=<id>``): its name and
    first step as what is decided, the finding it answers as what it addresses; the group edits and records it."""
    for a in (s or {}).get("advice", ()):
        if a["id"] == chosen:
            what = f"{a['name']}: {a['first_step']}" if a.get("first_step") else a["name"]
            return {"what": what, "addresses": a["finding"]}
    return None


def action_rows(rnd: MeasurementRound, request: HttpRequest | None = None) -> list[dict[str, Any]]:
    """The round's actions as pages and the PDF list them, with labels in the page's language."""
    names = dict(meeting.addressable(reading_for(rnd), _kb(), lang()))
    return [{"action": a, "status": decisions.status_label(a.status), "addresses": names.get(a.addresses, a.addresses),
             "history": [{"at": h.at, "old": decisions.status_label(h.old) if h.old else "",
                          "new": decisions.status_label(h.new), "note": h.note} for h in a.history.all()],
             "link": owner_link_url(request, a) if request is not None else None}
            for a in rnd.actions.select_related("partner").prefetch_related("history")]


@login_required
def meeting_page(request: HttpRequest, slug: str, code: str) -> HttpResponse:
    """The reflection meeting in four steps, for a projector; viewers see it without the forms."""
    rnd = access.round_for(request.user, slug, code, role=None)
    is_facilitator = access.role_in(request.user, rnd.alliance) == Membership.FACILITATOR
    reading = reading_for(rnd)
    kb = _kb()
    notes: dict[str, list[str]] = {}
    for n in rnd.meeting_notes.all():
        notes.setdefault(f"{n.kind}:{n.finding}", []).append(n.text)
    s = meeting.steps(reading, kb, lang()) if reading is not None else None
    for f in s["findings"] if s else ():
        f.said = notes.get(f"{MeetingNote.MEANING}:{f.id}", [])
    return render(request, "steering/meeting.html", {
        "alliance": rnd.alliance, "round": rnd, "is_facilitator": is_facilitator, "s": s,
        "own_options": notes.get(f"{MeetingNote.OPTION}:", []),
        "action_form": _action_form(rnd, initial=_taken(s, request.GET.get("take", ""))) if is_facilitator else None,
        "actions": action_rows(rnd),
    })


@login_required
def actions_page(request: HttpRequest, slug: str, code: str) -> HttpResponse:
    """The round's decisions and actions with their status; facilitators add and update them."""
    rnd = access.round_for(request.user, slug, code, role=None)
    is_facilitator = access.role_in(request.user, rnd.alliance) == Membership.FACILITATOR
    team = contributors.current(rnd.alliance) if is_facilitator else set()
    return render(request, "steering/actions.html", {
        "alliance": rnd.alliance, "round": rnd, "is_facilitator": is_facilitator,
        "may_update": contributors.may_update(request.user, rnd.alliance),
        "viewers": [{"user": m.user, "contributor": m.user_id in team}
                    for m in contributors.candidates(rnd.alliance)] if is_facilitator else [],
        "actions": action_rows(rnd, request if is_facilitator else None),
        "action_form": _action_form(rnd) if is_facilitator else None, "status_form": StatusForm(),
    })


@login_required
@require_POST
def action_add(request: HttpRequest, slug: str, code: str) -> HttpResponse:
    rnd = access.round_for(request.user, slug, code)
    form = _action_form(rnd, request.POST)
    if not form.is_valid():
        return render(request, "steering/actions.html", {
            "alliance": rnd.alliance, "round": rnd, "is_facilitator": True, "may_update": True,
            "actions": action_rows(rnd, request), "action_form": form, "status_form": StatusForm(), "viewers": [],
        }, status=400)
    with transaction.atomic():
        action = form.save(commit=False)
        action.round = rnd
        action.save()
        StatusChange.objects.create(action=action, old="", new=action.status, by=request.user)
    return _back(request, rnd)


def set_status(action: Action, status: str, note: str, user: Any) -> None:
    """Change an action's status and keep the change in its history (the API does the same)."""
    with transaction.atomic():
        StatusChange.objects.create(action=action, old=action.status, new=status, note=note,
                                    by=user if getattr(user, "pk", None) else None)
        action.status, action.note, action.updated_at = status, note, timezone.now()
        action.save(update_fields=["status", "note", "updated_at"])


@login_required
@require_POST
def action_status(request: HttpRequest, slug: str, code: str, pk: int) -> HttpResponse:
    """Change an action's status: facilitators, and viewers they made contributors."""
    rnd = access.round_for(request.user, slug, code, role=None)
    if not contributors.may_update(request.user, rnd.alliance):
        raise Http404("no such action")
    action = rnd.actions.filter(pk=pk).first() if pk <= BIGGEST_ID else None
    if action is None:
        raise Http404("no such action")
    form = StatusForm(request.POST)
    if form.is_valid():
        set_status(action, form.cleaned_data["status"], form.cleaned_data["note"], request.user)
        return _back(request, rnd)
    return HttpResponse(status=400)


@login_required
@require_POST
def remind(request: HttpRequest, slug: str, code: str) -> HttpResponse:
    """Send the reminders of this round's actions due soon now, instead of waiting for the daily run."""
    from django.conf import settings

    from samenspel.web.steering.tasks import due_soon, remind_owners

    rnd = access.round_for(request.user, slug, code)
    n = due_soon(timezone.localdate(), round_id=rnd.pk).count()
    base = settings.SAMENSPEL_BASE_URL or request.build_absolute_uri("/").rstrip("/")
    remind_owners.enqueue(base, rnd.pk)
    messages.success(request, pick(f"{n} herinneringen worden gemaild", f"{n} reminders are being e-mailed"))
    return redirect("steering:actions", slug, code)


def owner_link_url(request: HttpRequest, action: Action) -> str | None:
    """The owner's personal link in full, for the facilitator to pass on; None without one."""
    from django.conf import settings

    from samenspel.web.steering import owner_links

    token = owner_links.token_for(action)
    if token is None:
        return None
    base = settings.SAMENSPEL_BASE_URL or request.build_absolute_uri("/").rstrip("/")
    return base + reverse("steering_owner", args=[token])


@login_required
@require_POST
def link_issue(request: HttpRequest, slug: str, code: str, pk: int) -> HttpResponse:
    """Make (or renew, revoking the old one) the personal link of an action's owner."""
    from samenspel.web.steering import owner_links

    rnd = access.round_for(request.user, slug, code)
    action = rnd.actions.filter(pk=pk).first() if pk <= BIGGEST_ID else None
    if action is None:
        raise Http404("no such action")
    owner_links.issue(action)
    return redirect(reverse("steering:actions", args=[slug, code]) + f"#action-{action.pk}")


def owner_page(request: HttpRequest, token: str) -> HttpResponse:
    """An action behind its owner's personal link: what was decided, and a form to update its status.

    No login: the link is the key, and it opens this one action only, nothing of the diagnosis.
    """
    from samenspel.web.steering import owner_links

    action = owner_links.find(token)
    page_lang = "en" if request.GET.get("lang") == "en" else "nl"
    with translation.override(page_lang):
        if action is None:
            return render(request, "steering/owner_gone.html", status=404)
        form = StatusForm(request.POST or None, initial={"status": action.status})
        if request.method == "POST" and form.is_valid():
            set_status(action, form.cleaned_data["status"], form.cleaned_data["note"], None)
            return redirect(reverse("steering_owner", args=[token]) + ("?lang=en" if page_lang == "en" else ""))
        return render(request, "steering/owner.html", {
            "action": action, "status": decisions.status_label(action.status), "form": form, "lang": page_lang,
            "history": [{"at": h.at, "new": decisions.status_label(h.new), "note": h.note} for h in action.history.all()],
        }, status=400 if form.errors else 200)


@login_required
@require_POST
def contributor_set(request: HttpRequest, slug: str) -> HttpResponse:
    """Make a viewer of the alliance a contributor (may update actions), or end it; facilitators only."""
    alliance = access.alliance_for(request.user, slug)
    user_id = request.POST.get("user", "")
    member = contributors.candidates(alliance).filter(user_id=int(user_id)).first() if user_id.isdigit() and int(
        user_id) <= BIGGEST_ID else None
    if member is None:
        raise Http404("no such viewer")
    if request.POST.get("contributor") == "1":
        Contributor.objects.get_or_create(alliance=alliance, user=member.user)
    else:
        Contributor.objects.filter(alliance=alliance, user=member.user).delete()
    back = request.POST.get("round", "")
    if back and alliance.rounds.filter(code=back).exists():
        return redirect("steering:actions", slug, back)
    return redirect("facilitator:alliance", slug=slug)


PULSE_DAYS = 28
"""How long a pulse round started from the action list stays open."""


@login_required
@require_POST
def pulse(request: HttpRequest, slug: str, code: str) -> HttpResponse:
    """Start a pulse round (the short questionnaire) to check progress on this round's actions before the next
    full round; its dashboard then says what became of them. The facilitator invites from its round page."""
    import datetime as dt

    from samenspel.web.alliances.models import CURRENT_INSTRUMENT

    rnd = access.round_for(request.user, slug, code)
    today = timezone.localdate()
    stem = f"{rnd.code[:30]}-puls"
    new_code, n = stem, 1
    while rnd.alliance.rounds.filter(code=new_code).exists():
        n += 1
        new_code = f"{stem}-{n}"
    new = MeasurementRound.objects.create(
        alliance=rnd.alliance, code=new_code, name=pick(f"Pulsmeting na {rnd.name}", f"Pulse check after {rnd.name}"),
        opens=today, closes=today + dt.timedelta(days=PULSE_DAYS), short=True, instrument=CURRENT_INSTRUMENT)
    messages.success(request, pick("Pulsmeting aangemaakt; nodig hier de deelnemers uit.",
                                   "Pulse round created; invite the participants here."))
    return redirect("facilitator:round", slug=slug, code=new.code)


@login_required
@require_POST
def note_add(request: HttpRequest, slug: str, code: str) -> HttpResponse:
    rnd = access.round_for(request.user, slug, code)
    form = NoteForm(request.POST)
    if form.is_valid() and form.cleaned_data["text"].strip():
        note = form.save(commit=False)
        note.round = rnd
        note.save()
        return _back(request, rnd)
    return HttpResponse(status=400)


@login_required
def decisions_pdf(request: HttpRequest, slug: str, code: str) -> HttpResponse:
    """The one-page decision list to send round after the meeting."""
    rnd = access.round_for(request.user, slug, code, role=None)
    pdf = decisions.pdf(rnd, action_rows(rnd), lang())
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="decisions-{rnd.alliance.slug}-{rnd.code}.pdf"'
    return response


@login_required
def steering_json(request: HttpRequest, slug: str) -> JsonResponse:
    """The alliance's steering data (actions, history, notes) for its GDPR export; facilitators only."""
    alliance = access.alliance_for(request.user, slug)
    response = JsonResponse(export.alliance_steering(alliance), json_dumps_params={"ensure_ascii": False})
    response["Content-Disposition"] = f'attachment; filename="steering-{alliance.slug}.json"'
    return response


def _goals_page(request: HttpRequest, alliance: Any, form: GoalForm | None = None, status: int = 200,
                errors: list[str] | None = None) -> HttpResponse:
    is_facilitator = access.role_in(request.user, alliance) == Membership.FACILITATOR
    return render(request, "steering/goals.html", {
        "alliance": alliance, "is_facilitator": is_facilitator, "t": goals.table(alliance),
        "goal_form": (form or GoalForm()) if is_facilitator else None, "errors": errors or [],
    }, status=status)


@login_required
def goals_page(request: HttpRequest, slug: str) -> HttpResponse:
    """The alliance's own goals with a value per round; facilitators add goals and enter values."""
    return _goals_page(request, access.alliance_for(request.user, slug, role=None))


@login_required
@require_POST
def goal_add(request: HttpRequest, slug: str) -> HttpResponse:
    alliance = access.alliance_for(request.user, slug)
    form = GoalForm(request.POST)
    if form.is_valid():
        name = form.cleaned_data["name"].strip()
        if alliance.goals.filter(name=name).exists():
            form.add_error("name", pick("Dit doel staat er al.", "This goal is already there."))
        else:
            alliance.goals.create(name=name, unit=form.cleaned_data["unit"].strip())
            return redirect("steering:goals", slug=slug)
    return _goals_page(request, alliance, form, status=400)


@login_required
@require_POST
def goal_values(request: HttpRequest, slug: str) -> HttpResponse:
    alliance = access.alliance_for(request.user, slug)
    wrong = goals.save(alliance, {k: v for k, v in request.POST.items()})
    if wrong:
        return _goals_page(request, alliance, status=400, errors=wrong)
    return redirect("steering:goals", slug=slug)


__all__ = ["STATUS_LABELS", "action_add", "action_status", "actions_page", "contributor_set", "decisions_pdf", "goal_add", "goal_values",
           "goals_page", "link_issue", "meeting_page", "note_add", "owner_page", "pulse", "remind", "set_status", "steering_json"]
