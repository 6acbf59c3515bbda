"""The respondent's questionnaire behind a personal link ``/r/<token>/``.

No login: the link is the key. Answers are saved on every page inside one
transaction that first locks the respondent row, so two tabs or a double
click never duplicate or lose answers; after submitting, the link only
says thank you.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
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
from samenspel.web.alliances import survey, texts, tokens
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
    alliance = respondent.round.alliance if respondent is not None else None
    context = {"reason": reason, "lang": lang, "opens": respondent.round.opens if respondent is not None else None,
               # which alliance the link was for and whom to ask (never shown for an unknown link)
               "alliance": alliance, "contact": texts.contact_line(alliance, lang) if alliance is not None else ""}
    return render(request, "respondent/gone.html", context, status=status)


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
    # archived partners are no longer rated (their earlier ratings stay)
    return list(respondent.round.alliance.partners.exclude(pk=respondent.partner_id)
                .filter(archived_at__isnull=True).order_by("code"))


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


def _layout(item: Item) -> str:
    """How a scale is laid out: ``points`` (numbered points between two poles: one row everywhere),
    ``words`` (a few labelled options: one row from 600 px, stacked on a phone) or ``list`` (long options: stacked)."""
    if item.type == "choice":
        return "list"
    if item.type == "bipolar" or (item.type in ("likert", "relation") and len(survey.scale(item)) != 5):
        return "points"
    return "words"


def _widget(item: Item, name: str, raw: str, error: Text | None, lang: str, label: str) -> dict[str, Any]:
    scale = survey.scale(item)
    layout = _layout(item)
    points = []
    for v, text in scale:
        shown = text.get(lang)
        # on a scale of numbered points the boxes show the number; the end points' words are the poles
        number = v if layout == "points" and item.type != "relation" else ""
        points.append({"raw": v, "label": shown, "number": number, "pole": number and shown != v,
                       "checked": raw == v, "id": f"{name}-{v}"})
    dk = item.dont_know and item.type != "text"
    return {
        "name": name,
        "label": label,
        "points": points,
        "n": len(points),
        "layout": layout,
        "dk": dk,
        "dk_checked": raw == survey.DONT_KNOW,
        # a chosen answer can be taken back where leaving it open is allowed (a radio with an empty value)
        "clearable": dk,
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
                           "n": len(head),
                           "dk": item.dont_know, "error": any(r["error"] for r in rows)})
            continue
        name = survey.field_name(item)
        w = _widget(item, name, raw.get(name, ""), errors.get(name), lang, text)
        # a 1.0 check item is a box to tick; a 2.0 one asks yes / no / don't know like a scale
        kind = {"check": "scale" if item.dont_know else "check", "text": "text"}.get(item.type, "scale")
        w.update({"kind": kind, "item": item})
        if item.type == "bipolar" and item.poles is not None:
            w["poles"] = (item.poles[0].get(lang), item.poles[1].get(lang))
        elif w["layout"] == "points":
            w["poles"] = (w["points"][0]["label"], w["points"][-1]["label"])
        blocks.append(w)
    return blocks


@dataclass(frozen=True)
class Question:
    """One closed question as a respondent meets it: an item, or a relation item for one other partner."""

    name: str  # the form field
    item: Item
    partner: Partner | None

    def label(self, lang: str) -> str:
        text = self.item.text.get(lang)
        return text.replace("{partner}", self.partner.name) if self.partner is not None else text


def _closed(item: Item) -> bool:
    """Whether leaving ``item`` open counts as unanswered: open questions are optional, and an
    unticked box of a 1.0 round means "no"."""
    return item.type != "text" and not (item.type == "check" and not item.dont_know)


def _questions(instrument: Instrument, part: Part, others: list[Partner]) -> list[Question]:
    out = []
    for item in instrument.items_in(part.id):
        if not _closed(item):
            continue
        if item.type == "relation":
            out.extend(Question(survey.field_name(item, p.code), item, p) for p in others)
        else:
            out.append(Question(survey.field_name(item), item, None))
    return out


def _tally(respondent: Respondent, instrument: Instrument, others: list[Partner]) -> list[dict[str, Any]]:
    """Per page: its closed questions sorted into answered, don't know and still open; its open questions."""
    raw = _stored_raw(respondent)
    pages = []
    for number, part in enumerate(survey.pages(instrument), start=1):
        answered: list[Question] = []
        dont_know: list[Question] = []
        missing: list[Question] = []
        for q in _questions(instrument, part, others):
            value = raw.get(q.name, "")
            (missing if value == "" else dont_know if value == survey.DONT_KNOW else answered).append(q)
        texts = [it for it in instrument.items_in(part.id) if it.type == "text"]
        written = sum(1 for it in texts if raw.get(survey.field_name(it), "").strip())
        pages.append({"number": number, "part": part, "answered": answered, "dont_know": dont_know,
                      "missing": missing, "texts": len(texts), "written": written})
    return pages


def _counting_pages(instrument: Instrument) -> list[int]:
    """Numbers of the pages with questions that decide whether a response counts (domain statements)."""
    from samenspel.responses.counting import domain_items

    asked = domain_items(instrument)
    return [n for n, part in enumerate(survey.pages(instrument), start=1)
            if any(it.id in asked for it in instrument.items_in(part.id))]


def _counts_toward_results(respondent: Respondent, instrument: Instrument) -> tuple[bool, int, int]:
    """Whether the saved answers make a response that counts (``responses.counting``, the rule the
    analysis and the privacy steps use), with the domain questions answered and the number needed."""
    from samenspel.responses.counting import MIN_DOMAIN_SHARE, domain_items, substantive

    asked = domain_items(instrument)
    answered = set(respondent.answers.filter(item__in=asked, value__isnull=False).values_list("item", flat=True))
    need = max(1, math.ceil(MIN_DOMAIN_SHARE * len(asked))) if asked else 1
    if not asked:  # a questionnaire without domain questions: any answer counts
        answered = set(respondent.answers.exclude(value__isnull=True, text="").values_list("item", flat=True))
    return substantive(answered, asked), len(answered), need


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
    """Welcome, privacy statement, a language switch, and where to continue (with how far you got)."""
    instrument = _instrument(respondent)
    context = _base_context(respondent, token, instrument)
    resume = _resume_page(respondent, instrument)
    estimate = _estimate(respondent, instrument)
    context["resume"] = resume
    context["minutes"] = to_minutes(estimate.seconds)
    context["instructions"] = instrument.instructions.get(respondent.language)
    if respondent.answers.exists():
        tally = _tally(respondent, instrument, _others(respondent))
        part = context["pages"][resume - 1]
        context["progress"] = {
            "page": resume,
            "total": len(context["pages"]),
            "part_title": part.title.get(respondent.language),
            "answered": sum(len(t["answered"]) + len(t["dont_know"]) for t in tally),
            "questions": sum(len(t["answered"]) + len(t["dont_know"]) + len(t["missing"]) for t in tally),
            "minutes_left": to_minutes(estimate.remaining(part.id)),
        }
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
    unanswered: list[Question] = []
    nav = "next" if number < len(parts) else "review"
    if request.method == "POST":
        result = survey.parse_page(instrument, part, [p.code for p in others], request.POST.dict())
        raw, errors = result.raw, result.errors
        if not errors:
            ids = [it.id for it in instrument.items_in(part.id)]
            if not _save(respondent.pk, ids, result.answers):
                return _gone(request, "submitted", lang, respondent)
            nav = request.POST.get("nav", nav)
            if nav == "prev" and number > 1:
                return redirect("respondent:page", token=token, number=number - 1)
            # before moving on: once, a gentle note listing what is still open (saved already, never blocking)
            unanswered = [q for q in _questions(instrument, part, others) if raw.get(q.name, "").strip() == ""]
            if not unanswered or request.POST.get("warned"):
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
            "unanswered": [{"name": q.name, "label": q.label(lang)} for q in unanswered],
            "nav": nav if nav in ("next", "review") else "next",
        }
    )
    return render(request, "respondent/page.html", context, status=400 if errors else 200)


REVIEW_LISTED = 3
"""Open questions listed per page on the review; the rest is a count with a link (the review stays short on a phone)."""
REVIEW_LISTED_ALL = 9
"""Open questions listed on the whole review at most (within about three phone screens)."""


@_with_respondent
def review(request: HttpRequest, respondent: Respondent, token: str) -> HttpResponse:
    """A short review: per page how many questions are answered, "don't know" or still open, the open
    ones with a link back, then submit, unless nothing that counts was answered yet."""
    instrument = _instrument(respondent)
    lang = respondent.language
    rows = []
    budget = REVIEW_LISTED_ALL
    for t in _tally(respondent, instrument, _others(respondent)):
        missing = t["missing"]
        shown = min(len(missing), REVIEW_LISTED, budget)
        budget -= shown
        rows.append({
            "number": t["number"],
            "title": t["part"].title.get(lang),
            "answered": len(t["answered"]),
            "dont_know": len(t["dont_know"]),
            "missing": len(missing),
            "questions": len(t["answered"]) + len(t["dont_know"]) + len(missing),
            "listed": [{"name": q.name, "label": q.label(lang)} for q in missing[:shown]],
            "more": len(missing) - shown,
            "texts": t["texts"],
            "written": t["written"],
        })
    counts, have, need = _counts_toward_results(respondent, instrument)
    context = _base_context(respondent, token, instrument)
    context.update({
        "rows": rows,
        "answered": sum(r["answered"] for r in rows),
        "dont_know": sum(r["dont_know"] for r in rows),
        "missing": sum(r["missing"] for r in rows),
        "questions": sum(r["questions"] for r in rows),
        "counts": counts,
        "have": have,
        "need": need,
        "counting_pages": ", ".join(str(n) for n in _counting_pages(instrument)),
        "first_open": next((r["number"] for r in rows if r["missing"]), 1),
    })
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
                return _gone(request, "closed", locked.language, locked)
            if not _counts_toward_results(locked, _instrument(locked))[0]:
                # nothing (or too little) that counts: not a response yet; the review explains why
                return redirect("respondent:review", token=token)
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
