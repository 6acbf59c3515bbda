"""The respondent's questionnaire behind a personal link ``/r/<token>/``.

No login: the link is the key. Answers are saved on every page inside one
transaction that first locks the respondent row, so two tabs or a double
click never duplicate or lose answers; after submitting, the link only
says thank you.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.views.decorators.http import require_POST

from samenspel.i18n import Text
from samenspel.instrument.duration import to_minutes
from samenspel.instrument.model import Instrument, Item, Part
from samenspel.web.alliances import survey, tokens
from samenspel.web.alliances.models import Answer, Partner, Respondent


class Gone(Exception):
    """The link can no longer be used: submitted, closed or unknown."""

    def __init__(self, reason: str):
        self.reason = reason


def _respondent(token: str) -> Respondent:
    respondent = tokens.find(token)
    if respondent is None:
        raise Gone("unknown")
    if respondent.submitted_at is not None:
        raise Gone("submitted")
    if not respondent.round.accepts_answers():
        opens = respondent.round.opens
        raise Gone("not_yet" if respondent.round.status == "open" and opens > timezone.localdate() else "closed")
    return respondent


def _gone(request: HttpRequest, reason: str, lang: str = "nl", respondent: Respondent | None = None) -> HttpResponse:
    translation.activate(lang)
    status = {"unknown": 404, "not_yet": 403}.get(reason, 410)
    opens = respondent.round.opens if respondent is not None else None
    return render(request, "respondent/gone.html", {"reason": reason, "lang": lang, "opens": opens}, status=status)


def _with_respondent(view: Any) -> Any:
    """Look the link up, refuse politely when it is used up, and switch language."""

    def wrapper(request: HttpRequest, token: str, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            respondent = _respondent(token)
        except Gone as gone:
            found = tokens.find(token)
            return _gone(request, gone.reason, found.language if found else "nl", found)
        translation.activate(respondent.language)
        request.LANGUAGE_CODE = respondent.language
        return view(request, respondent, token, *args, **kwargs)

    wrapper.__name__ = view.__name__
    wrapper.__doc__ = view.__doc__
    return wrapper


def _others(respondent: Respondent) -> list[Partner]:
    return list(respondent.round.alliance.partners.exclude(pk=respondent.partner_id).order_by("code"))


def _instrument(respondent: Respondent) -> Instrument:
    return survey.round_questionnaire(respondent.round)


def _estimate(respondent: Respondent, instrument: Instrument):  # type: ignore[no-untyped-def]
    """The time estimate in the respondent's language, for this alliance's number of partners."""
    from samenspel.instrument import estimate

    partners = max(respondent.round.alliance.partners.count(), 2)
    return estimate(instrument, respondent.language, partners)


def _stored_raw(respondent: Respondent, item_ids: list[str] | None = None) -> dict[str, str]:
    """Saved answers as form values; only ``item_ids`` (one page) when given. Flat rows, no
    model instances: this runs on every page view, up to 200 respondents at once."""
    raw: dict[str, str] = {}
    answers = respondent.answers.all() if item_ids is None else respondent.answers.filter(item__in=item_ids)
    rows = answers.values_list("item", "target__code", "value", "text", "dont_know", "missing")
    for item, target, value, text, dont_know, missing in rows:
        name = f"i__{item}" if target is None else f"i__{item}__{target}"
        raw[name] = "" if missing == "skipped" else survey.raw_value(value, text, dont_know)
    return raw


def _widget(item: Item, name: str, raw: str, error: Text | None, lang: str, label: str) -> dict[str, Any]:
    points = [
        {"raw": v, "label": text.get(lang), "checked": raw == v, "id": f"{name}-{v}"} for v, text in survey.scale(item)
    ]
    return {
        "name": name,
        "label": label,
        "points": points,
        "dk": item.dont_know and item.type != "text",
        "dk_checked": raw == survey.DONT_KNOW,
        "raw": raw,
        "error": error.get(lang) if error else "",
    }


def _page_items(
    instrument: Instrument, part: Part, others: list[Partner], raw: dict[str, str], errors: dict[str, Text], lang: str
) -> list[dict[str, Any]]:
    blocks = []
    for item in instrument.items_in(part.id):
        text = item.text.get(lang)
        if item.type == "relation":
            caption = text.replace("{partner}", Text("deze partner", "this partner").get(lang))
            rows = []
            for p in others:
                name = survey.field_name(item, p.code)
                w = _widget(item, name, raw.get(name, ""), errors.get(name), lang, text.replace("{partner}", p.name))
                w["partner"] = p.name
                rows.append(w)
            head = [label for _, label in ((v, t.get(lang)) for v, t in survey.scale(item))]
            blocks.append({"kind": "grid", "item": item, "caption": caption, "rows": rows, "head": head,
                           "dk": item.dont_know, "error": any(r["error"] for r in rows)})
            continue
        name = survey.field_name(item)
        w = _widget(item, name, raw.get(name, ""), errors.get(name), lang, text)
        # a 1.0 check item is a box to tick; a 2.0 one asks yes / no / don't know like a scale
        kind = {"check": "scale" if item.dont_know else "check", "text": "text"}.get(item.type, "scale")
        w.update({"kind": kind, "item": item})
        if item.type == "bipolar" and item.poles is not None:
            w["poles"] = (item.poles[0].get(lang), item.poles[1].get(lang))
        blocks.append(w)
    return blocks


def _save(respondent_id: int, item_ids: list[str], answers: list[survey.Parsed]) -> bool:
    """Replace this page's answers atomically; False when the link was used up meanwhile."""
    with transaction.atomic():
        respondent = Respondent.objects.select_for_update().select_related("round").get(pk=respondent_id)
        if respondent.submitted_at is not None or not respondent.round.accepts_answers():
            return False
        partners = dict(Partner.objects.filter(alliance_id=respondent.round.alliance_id).values_list("code", "id"))
        Answer.objects.filter(respondent=respondent, item__in=item_ids).delete()
        Answer.objects.bulk_create(
            Answer(
                respondent_id=respondent.pk,
                item=a.item,
                target_id=partners[a.target] if a.target else None,
                value=a.value,
                text=a.text,
                dont_know=a.dont_know,
                missing=a.missing,
            )
            for a in answers
        )
        if respondent.started_at is None:
            respondent.started_at = timezone.now()
            respondent.save(update_fields=["started_at"])
    return True


def _base_context(respondent: Respondent, token: str, instrument: Instrument) -> dict[str, Any]:
    return {
        "respondent": respondent,
        "token": token,
        "alliance": respondent.round.alliance,
        "instrument": instrument,
        # Text is callable, so a template would call it with its default language: pass strings
        "title": instrument.title.get(respondent.language),
        "lang": respondent.language,
        "pages": survey.pages(instrument),
    }


@_with_respondent
def start(request: HttpRequest, respondent: Respondent, token: str) -> HttpResponse:
    """Welcome, privacy statement, a language switch, and where to continue."""
    instrument = _instrument(respondent)
    context = _base_context(respondent, token, instrument)
    context["resume"] = _resume_page(respondent, instrument)
    context["minutes"] = to_minutes(_estimate(respondent, instrument).seconds)
    context["instructions"] = instrument.instructions.get(respondent.language)
    return render(request, "respondent/start.html", context)


def _resume_page(respondent: Respondent, instrument: Instrument) -> int:
    """The first page without any saved answer (pages are saved whole), else the last page."""
    saved = set(respondent.answers.values_list("item", flat=True))
    parts = survey.pages(instrument)
    for number, part in enumerate(parts, start=1):
        if not any(item.id in saved for item in instrument.items_in(part.id)):
            return number
    return len(parts)


@_with_respondent
def page(request: HttpRequest, respondent: Respondent, token: str, number: int) -> HttpResponse:
    """One part of the questionnaire; POST saves it and moves on."""
    instrument = _instrument(respondent)
    parts = survey.pages(instrument)
    if not 1 <= number <= len(parts):
        return redirect("respondent:review", token=token)
    part = parts[number - 1]
    others = _others(respondent)
    lang = respondent.language
    errors: dict[str, Text] = {}
    if request.method == "POST":
        result = survey.parse_page(instrument, part, [p.code for p in others], request.POST.dict())
        raw, errors = result.raw, result.errors
        if not errors:
            ids = [it.id for it in instrument.items_in(part.id)]
            if not _save(respondent.pk, ids, result.answers):
                return _gone(request, "submitted", lang)
            nav = request.POST.get("nav", "next")
            if nav == "prev" and number > 1:
                return redirect("respondent:page", token=token, number=number - 1)
            if nav == "next" and number < len(parts):
                return redirect("respondent:page", token=token, number=number + 1)
            return redirect("respondent:review", token=token)
    else:
        raw = _stored_raw(respondent, [it.id for it in instrument.items_in(part.id)])
        if respondent.started_at is None:  # the clock of the answering time starts at the first question seen
            Respondent.objects.filter(pk=respondent.pk, started_at__isnull=True).update(started_at=timezone.now())
    context = _base_context(respondent, token, instrument)
    context.update(
        {
            "part": part,
            "part_title": part.title.get(lang),
            "part_intro": part.intro.get(lang),
            "number": number,
            "total": len(parts),
            "blocks": _page_items(instrument, part, others, raw, errors, lang),
            "has_errors": bool(errors),
            "minutes_left": to_minutes(_estimate(respondent, instrument).remaining(part.id)),
        }
    )
    return render(request, "respondent/page.html", context, status=400 if errors else 200)


def _shown(item: Item, answer: Answer, lang: str) -> str:
    if answer.missing == "skipped":
        return ""
    if answer.dont_know:
        return survey.DONT_KNOW_TEXT.get(lang)
    if answer.value is None:
        return answer.text
    raw = survey.raw_value(answer.value, "", False)
    for v, label in survey.scale(item):
        if v == raw:
            text = label.get(lang)
            return text if text == v or item.type in ("likert", "choice", "check") else f"{v} ({text})"
    return raw if item.type != "check" else Text("nee", "no").get(lang)


@_with_respondent
def review(request: HttpRequest, respondent: Respondent, token: str) -> HttpResponse:
    """Everything answered so far, per part, with a link back to each page, then submit."""
    instrument = _instrument(respondent)
    lang = respondent.language
    answers = {(a.item, a.target.code if a.target else None): a for a in respondent.answers.select_related("target")}
    others = _others(respondent)
    sections = []
    for number, part in enumerate(survey.pages(instrument), start=1):
        rows = []
        total = answered = 0
        for item in instrument.items_in(part.id):
            targets = [(p.code, p.name) for p in others] if item.type == "relation" else [(None, None)]
            for code, pname in targets:
                total += 1
                a = answers.get((item.id, code))
                if a is not None and a.missing == "skipped":
                    a = None  # seen, not answered
                if a is not None:
                    answered += 1
                text = item.text.get(lang)
                rows.append(
                    {
                        "question": text.replace("{partner}", pname) if pname else text,
                        "answer": _shown(item, a, lang) if a is not None else "",
                    }
                )
        sections.append({"part": part, "title": part.title.get(respondent.language), "number": number,
                         "rows": rows, "total": total, "answered": answered})
    context = _base_context(respondent, token, instrument)
    context["sections"] = sections
    return render(request, "respondent/review.html", context)


@require_POST
def submit(request: HttpRequest, token: str) -> HttpResponse:
    """Hand in; a second click or a second tab lands on the same thank-you page."""
    respondent = tokens.find(token)
    if respondent is None:
        return _gone(request, "unknown")
    with transaction.atomic():
        locked = Respondent.objects.select_for_update().select_related("round").get(pk=respondent.pk)
        if locked.submitted_at is None:
            if not locked.round.accepts_answers():
                return _gone(request, "closed", locked.language)
            locked.submitted_at = timezone.now()
            locked.save(update_fields=["submitted_at"])
    return redirect("respondent:thanks", token=token)


def thanks(request: HttpRequest, token: str) -> HttpResponse:
    respondent = tokens.find(token)
    if respondent is None or respondent.submitted_at is None:
        return _gone(request, "unknown")
    translation.activate(respondent.language)
    return render(request, "respondent/thanks.html", {"lang": respondent.language, "alliance": respondent.round.alliance})


@require_POST
@_with_respondent
def language(request: HttpRequest, respondent: Respondent, token: str) -> HttpResponse:
    """Switch between Dutch and English; answers stay as they are."""
    lang = request.POST.get("lang", "nl")
    if lang in ("nl", "en"):
        respondent.language = lang
        respondent.save(update_fields=["language"])
    back = request.POST.get("next", "")
    prefix = reverse("respondent:start", kwargs={"token": token})
    return redirect(back if back.startswith(prefix) else prefix)
