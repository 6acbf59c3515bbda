"""Facilitator pages for one measurement round: invitations, response rates,
closing, import, export and deleting one respondent's data.

The round page has a JSON twin (``round.json``): status, dates and response
counts per partner from the same context, never who answered, e-mail
addresses or links.
"""

from __future__ import annotations

import io
import secrets
import statistics

import defusedcsv.csv as people_csv  # OWASP's CSV-injection advice for a file people open in a spreadsheet

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from samenspel.errors import InputError, SamenspelError
from samenspel.instrument.duration import to_minutes
from samenspel.responses.coverage import require_someone
from samenspel.responses.writer import to_csv, to_xlsx
from samenspel.web.alliances import access, dataset, survey, texts, tokens
from samenspel.web.alliances.forms import (AnonymousLinksForm, ConfirmForm, ContactsForm, ImportForm, InviteForm,
                                          estimate_partners)
from samenspel.web.alliances.importing import import_into, read_for_round, warn_coverage
from samenspel.web.alliances.models import MeasurementRound, ReportJob, Respondent
from samenspel.web.alliances.tasks import message as mail_text
from samenspel.web.alliances.tasks import send_links
from samenspel.web.alliances.texts import pick


def rates(rnd: MeasurementRound) -> list[dict[str, object]]:
    """Per partner: invited, started, submitted, as counts only."""
    rows = rnd.alliance.partners.annotate(
        invited=Count("respondents", filter=Q(respondents__round=rnd)),
        started=Count("respondents", filter=Q(respondents__round=rnd, respondents__started_at__isnull=False)),
        submitted=Count("respondents", filter=Q(respondents__round=rnd, respondents__submitted_at__isnull=False)),
    ).filter(Q(archived_at__isnull=True) | Q(invited__gt=0)).order_by("name")  # archived: only if in this round
    return [
        {"partner": p, "invited": p.invited, "started": p.started, "submitted": p.submitted,
         "rate": round(100 * p.submitted / p.invited) if p.invited else None}
        for p in rows
    ]


def _base_url(request: HttpRequest) -> str:
    from django.conf import settings

    return settings.SAMENSPEL_BASE_URL or request.build_absolute_uri("/").rstrip("/")


NOT_OPENED = "not_opened"
IN_PROGRESS = "in_progress"
SUBMITTED = "submitted"
STATUS_LABELS = {NOT_OPENED: ("nog niet geopend", "not opened yet"), IN_PROGRESS: ("bezig", "in progress"),
                 SUBMITTED: ("verstuurd", "submitted")}


def status_of(r: Respondent) -> str:
    """Not opened, in progress or submitted, from the respondent's own timestamps (``started_at`` is set at the
    first question seen, ``submitted_at`` on submitting)."""
    if r.submitted_at is not None:
        return SUBMITTED
    return IN_PROGRESS if r.started_at is not None else NOT_OPENED


def _links(request: HttpRequest, rnd: MeasurementRound) -> list[dict[str, object]]:
    """Every person with a link, as the participants table shows them: status, last activity, link and, for
    those not yet submitted, a reminder text to copy (in the respondent's language)."""
    base = _base_url(request)
    out = []
    for r in rnd.respondents.filter(nonce__gt="").select_related("partner", "round__alliance"):
        link = base + reverse("respondent:start", kwargs={"token": tokens.token_for(r)})
        status = status_of(r)
        last = max((t for t in (r.started_at, r.submitted_at) if t is not None), default=None)
        row: dict[str, object] = {"respondent": r, "link": link, "status": status,
                                  "status_label": pick(*STATUS_LABELS[status]), "last": last,
                                  "contacted": r.reminded_at or r.invited_at}
        if status != SUBMITTED:
            subject, body = mail_text(r, base, "reminder")
            row["reminder"] = f"{subject}\n\n{body}"
        out.append(row)
    return out


def _summary(rows: list[dict[str, object]]) -> dict[str, int]:
    counts = {NOT_OPENED: 0, IN_PROGRESS: 0, SUBMITTED: 0}
    for row in rows:
        counts[str(row["status"])] += 1
    return {**counts, "total": len(rows),
            "to_mail": sum(1 for row in rows
                           if row["status"] != SUBMITTED and row["respondent"].email),  # type: ignore[attr-defined]
            "link_only": sum(1 for row in rows
                             if row["status"] != SUBMITTED and not row["respondent"].email)}  # type: ignore[attr-defined]


def answering_times(rnd: MeasurementRound) -> dict[str, object]:
    """The round's median answering time: from the first question seen to submitting, web respondents only.

    Imported respondents have no times. Someone who stopped and came back later
    counts with the whole span; the median keeps a few of them from moving it much.
    """
    spans = [
        (done - began).total_seconds()
        for began, done in rnd.respondents.filter(imported=False, started_at__isnull=False, submitted_at__isnull=False)
        .values_list("started_at", "submitted_at")
        if done >= began
    ]
    median = statistics.median(spans) if spans else None
    return {"n": len(spans), "median_seconds": round(median) if median is not None else None,
            "median_minutes": to_minutes(median) if median is not None else None}


def questionnaire_data(rnd: MeasurementRound) -> dict[str, object]:
    """The round's questionnaire in words, with its estimated time for this alliance's number of partners."""
    from samenspel.instrument import estimate
    from samenspel.knowledge import load_knowledge

    lang = texts.lang()
    selection = survey.round_selection(rnd)
    instrument = survey.round_questionnaire(rnd)
    partners = estimate_partners(rnd.alliance)
    seconds = estimate(instrument, lang, partners).seconds
    kb = load_knowledge()
    return {
        "id": instrument.id, "version": instrument.version, "pulse": instrument.short,
        "modules": [{"id": m.id, "title": m.title.get(lang)} for m in instrument.modules if m.id != "core"],
        "paradoxes": [kb.paradoxes[p].name.get(lang) if p in kb.paradoxes else p for p in instrument.paradoxes]
        if "paradoxes" in selection.modules else [],
        "items": len(instrument.items), "partners": partners,
        "estimate_seconds": round(seconds), "estimate_minutes": to_minutes(seconds),
    }


def _round_data(rnd: MeasurementRound) -> dict[str, object]:
    """What the round page and its JSON twin both show."""
    return {"alliance": rnd.alliance, "round": rnd, "rates": rates(rnd), "accepting": rnd.accepts_answers(),
            "questionnaire": questionnaire_data(rnd), "answering": answering_times(rnd)}


def _has_answers(rnd: MeasurementRound) -> bool:
    """Whether anyone submitted in this round: only then is there a diagnosis or a report to look at."""
    return rnd.respondents.filter(submitted_at__isnull=False).exists()


def _context(request: HttpRequest, rnd: MeasurementRound, **extra: object) -> dict[str, object]:
    context: dict[str, object] = {
        **_round_data(rnd),
        "invite_form": InviteForm(alliance=rnd.alliance),
        "contacts_form": ContactsForm(alliance=rnd.alliance),
        "anon_form": AnonymousLinksForm(alliance=rnd.alliance),
        "import_form": ImportForm(),
        "has_answers": _has_answers(rnd),
        "has_links": rnd.respondents.exclude(nonce="").exists(),
        "has_respondents": rnd.respondents.exists(),
        "to_remind": rnd.respondents.filter(submitted_at__isnull=True).exclude(nonce="").exclude(email="").count(),
        "open": rnd.status == MeasurementRound.OPEN,
    }
    context.update(extra)
    context["page_problems"] = _problems(context)
    return context


def _problems(context: dict[str, object]) -> list[dict[str, object]]:
    """What went wrong on the round page, for a summary at its top.

    The forms sit far down the page: on a phone a refused import or invitation
    reloaded the page at its top with nothing to see. Each entry links to the
    form, whose own message stays beside it.
    """
    out: list[dict[str, object]] = []
    found = context.get("import_problems")
    if isinstance(found, list) and found:
        out.append({"href": "#import-h", "lang": context.get("import_problems_lang"), "detail": found[0],
                    "more": len(found) - 1 + int(context.get("more_problems") or 0),  # type: ignore[call-overload]
                    "text": pick("Het bestand is niet geïmporteerd; er is niets veranderd.",
                                 "The file was not imported; nothing was changed.")})
    for name, anchor, text in (
        ("import_form", "#import-h", pick("Het bestand is niet geïmporteerd.", "The file was not imported.")),
        ("invite_form", "#invite-h", pick("Er is niemand uitgenodigd.", "Nobody was invited.")),
        ("contacts_form", "#contacts-h", pick("Er is niemand uitgenodigd.", "Nobody was invited.")),
        ("anon_form", "#anon-h", pick("Er zijn geen links gemaakt.", "No links were made.")),
    ):
        form = context.get(name)
        errors = getattr(form, "errors", None) if getattr(form, "is_bound", False) else None
        if errors:
            first = next(iter(errors.values()))
            out.append({"href": anchor, "text": text, "detail": first[0], "more": 0, "lang": None})
    return out


@login_required
def round_detail(request: HttpRequest, slug: str, code: str) -> HttpResponse:
    rnd = access.round_for(request.user, slug, code)
    return render(request, "facilitator/round.html", _context(request, rnd))


@login_required
def round_json(request: HttpRequest, slug: str, code: str) -> JsonResponse:
    """The round page's JSON twin: status, dates and per-partner counts (same access: facilitators)."""
    rnd = access.round_for(request.user, slug, code)
    data = _round_data(rnd)
    counts = [{"partner": r["partner"].code, "name": r["partner"].name,  # type: ignore[attr-defined]
               "invited": r["invited"], "started": r["started"], "submitted": r["submitted"], "rate": r["rate"]}
              for r in data["rates"]]  # type: ignore[attr-defined]
    total = {k: sum(int(c[k]) for c in counts) for k in ("invited", "started", "submitted")}
    return JsonResponse({
        "alliance": rnd.alliance.slug, "code": rnd.code, "name": rnd.name, "status": rnd.status,
        "accepting_answers": data["accepting"], "opens": rnd.opens, "closes": rnd.closes, "pulse": rnd.short,
        "questionnaire": data["questionnaire"], "answering_time": data["answering"],
        "response": counts, "total": total,
        "dashboard_json": reverse("facilitator:dashboard_json", args=[slug, code]),
    }, json_dumps_params={"ensure_ascii": False})


@login_required
@require_POST
def invite(request: HttpRequest, slug: str, code: str) -> HttpResponse:
    """Make personal links for one partner; mail those with an address in the background."""
    rnd = access.round_for(request.user, slug, code)
    if (closed := _closed(request, rnd)) is not None:
        return closed
    form = InviteForm(request.POST, alliance=rnd.alliance)
    if not form.is_valid():
        return render(request, "facilitator/round.html", _context(request, rnd, invite_form=form), status=400)
    data = form.cleaned_data
    made = _make(rnd, [{"partner": data["partner"], "role": data["role"] or "", "email": email or "",
                        "language": data["language"]}
                       for email in [None] * (data["count"] or 0) + list(data["emails"])])
    mailed = _mail(request, made)
    done = pick(f"{len(made)} links gemaakt", f"{len(made)} links made")
    if mailed:
        done += pick(f"; {len(mailed)} uitnodigingen worden gemaild", f"; {len(mailed)} invitations are being e-mailed")
    messages.success(request, done)
    return redirect("facilitator:links", slug=slug, code=code)


def _make(rnd: MeasurementRound, people: list[dict[str, object]]) -> list[Respondent]:
    """One respondent with a fresh personal link per entry (partner, role, language, optional name and e-mail)."""
    made = []
    with transaction.atomic():
        for person in people:
            r = Respondent.objects.create(round=rnd, code=f"r{secrets.token_hex(4)}", **person)  # type: ignore[arg-type]
            tokens.issue(r)
            made.append(r)
    return made


def _mail(request: HttpRequest, made: list[Respondent]) -> list[int]:
    """Mail the invitations of those with an address, in the background once the links are saved."""
    mailed = [r.pk for r in made if r.email]
    if mailed:
        base = _base_url(request)
        transaction.on_commit(lambda: send_links.enqueue(mailed, base, "invite"))
    return mailed


def _mail_and_confirm(request: HttpRequest, made: list[Respondent]) -> None:
    mailed = _mail(request, made)
    partners = len({r.partner_id for r in made})
    done = pick(f"{len(made)} links gemaakt voor {partners} partners", f"{len(made)} links made for {partners} partners") \
        if partners > 1 else pick(f"{len(made)} links gemaakt", f"{len(made)} links made")
    if mailed:
        done += pick(f"; {len(mailed)} uitnodigingen worden gemaild", f"; {len(mailed)} invitations are being e-mailed")
    bare = len(made) - len(mailed)
    if bare:
        done += pick(f". {bare} link zonder e-mail: kopieer hem hieronder en deel hem zelf." if bare == 1 else
                     f". {bare} links zonder e-mail: kopieer ze hieronder en deel ze zelf.",
                     f". {bare} link without e-mail: copy it below and share it yourself." if bare == 1 else
                     f". {bare} links without e-mail: copy them below and share them yourself.")
    messages.success(request, done)


def _closed(request: HttpRequest, rnd: MeasurementRound) -> HttpResponse | None:
    """A closed round makes no new links: the page says so instead of inviting anyone."""
    if rnd.status == MeasurementRound.OPEN:
        return None
    messages.error(request, pick("Deze ronde is gesloten; heropen hem eerst om mensen uit te nodigen.",
                                 "This round is closed; reopen it first to invite people."))
    return redirect("facilitator:round", slug=rnd.alliance.slug, code=rnd.code)


@login_required
@require_POST
def invite_contacts(request: HttpRequest, slug: str, code: str) -> HttpResponse:
    """Invite everyone on a list of contacts at once (pasted or uploaded): a link each, mailed where there is an
    address; everything or, on any problem in the list, nothing."""
    rnd = access.round_for(request.user, slug, code)
    if (closed := _closed(request, rnd)) is not None:
        return closed
    form = ContactsForm(request.POST, request.FILES, alliance=rnd.alliance)
    if not form.is_valid():
        return render(request, "facilitator/round.html", _context(request, rnd, contacts_form=form), status=400)
    already = {e.lower() for e in rnd.respondents.exclude(email="").values_list("email", flat=True)}
    people = [c for c in form.cleaned_data["people"] if not c.email or c.email.lower() not in already]
    skipped = len(form.cleaned_data["people"]) - len(people)
    made = _make(rnd, [{"partner": c.partner, "name": c.name, "email": c.email, "role": c.role,
                        "language": c.language} for c in people])
    if made:
        _mail_and_confirm(request, made)
    if skipped:  # the same list sent twice, or a list that grew: nobody gets two links
        messages.info(request, pick(f"{skipped} van de lijst waren al uitgenodigd in deze ronde en kregen geen "
                                    "nieuwe link.",
                                    f"{skipped} on the list were already invited in this round and got no new link."))
    return redirect("facilitator:links", slug=slug, code=code)


@login_required
@require_POST
def invite_anonymous(request: HttpRequest, slug: str, code: str) -> HttpResponse:
    """A number of links without names for every partner, in one form."""
    rnd = access.round_for(request.user, slug, code)
    if (closed := _closed(request, rnd)) is not None:
        return closed
    form = AnonymousLinksForm(request.POST, alliance=rnd.alliance)
    if not form.is_valid():
        return render(request, "facilitator/round.html", _context(request, rnd, anon_form=form), status=400)
    data = form.cleaned_data
    made = _make(rnd, [{"partner": p, "role": data["role"] or "", "language": data["language"]}
                       for p, n in data["counts"].items() for _ in range(n)])
    _mail_and_confirm(request, made)
    return redirect("facilitator:links", slug=slug, code=code)


@login_required
def links(request: HttpRequest, slug: str, code: str) -> HttpResponse:
    """The participants table: everyone with a link, their status and last activity, copy buttons and
    reminder texts; ``links.csv`` gives the links as a file."""
    rnd = access.round_for(request.user, slug, code)
    rows = _links(request, rnd)
    return render(request, "facilitator/links.html", {"alliance": rnd.alliance, "round": rnd, "links": rows,
                                                      "summary": _summary(rows),
                                                      "open": rnd.status == MeasurementRound.OPEN})


@login_required
def links_csv(request: HttpRequest, slug: str, code: str) -> HttpResponse:
    """The links as a CSV for people (mail merge, a spreadsheet): a cell that would start a formula
    (``=``, ``+``, ``-``, ``@``, tab, CR; e.g. an imported respondent id) is written with a leading ``'``."""
    rnd = access.round_for(request.user, slug, code)
    buffer = io.StringIO(newline="")
    writer = people_csv.writer(buffer, lineterminator="\n")
    writer.writerow(["partner", "respondent", "role", "email", "language", "link", "partner_name", "name"])
    base = _base_url(request)
    for r in rnd.respondents.filter(nonce__gt="").select_related("partner"):
        link = base + reverse("respondent:start", kwargs={"token": tokens.token_for(r)})
        writer.writerow([r.partner.code, r.code, r.role, r.email, r.language, link, r.partner.name, r.name])
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{rnd.alliance.slug}-{rnd.code}-links.csv"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_POST
def remind(request: HttpRequest, slug: str, code: str) -> HttpResponse:
    """Mail a reminder to everyone with an address who has not submitted yet."""
    rnd = access.round_for(request.user, slug, code)
    waiting = rnd.respondents.filter(submitted_at__isnull=True).exclude(nonce="")
    ids = list(waiting.exclude(email="").values_list("pk", flat=True))
    link_only = waiting.filter(email="").count()
    if ids:
        send_links.enqueue(ids, _base_url(request), "reminder")
    n = len(ids)
    done = pick(f"{n} herinnering wordt gemaild." if n == 1 else f"{n} herinneringen worden gemaild.",
                f"{n} reminder is being e-mailed." if n == 1 else f"{n} reminders are being e-mailed.")
    if link_only:
        done += pick(f" {link_only} deelnemer heeft alleen een link: kopieer de herinneringstekst in de tabel."
                     if link_only == 1 else
                     f" {link_only} deelnemers hebben alleen een link: kopieer hun herinneringstekst in de tabel.",
                     f" {link_only} respondent only has a link: copy the reminder text in the table."
                     if link_only == 1 else
                     f" {link_only} respondents only have a link: copy their reminder text in the table.")
    messages.success(request, done)
    back = "facilitator:links" if request.POST.get("next") == "links" else "facilitator:round"
    return redirect(back, slug=slug, code=code)


@login_required
@require_POST
def set_status(request: HttpRequest, slug: str, code: str) -> HttpResponse:
    """Close (or reopen) a round; a closed round's links say so kindly."""
    rnd = access.round_for(request.user, slug, code)
    status = request.POST.get("status")
    if status in (MeasurementRound.OPEN, MeasurementRound.CLOSED):
        rnd.status = status
        rnd.save(update_fields=["status"])
        messages.success(request, pick("De ronde is gesloten; links werken niet meer.",
                                       "The round is closed; links no longer work.")
                         if status == MeasurementRound.CLOSED else
                         pick("De ronde is weer open.", "The round is open again."))
    return redirect("facilitator:round", slug=slug, code=code)


@login_required
@require_POST
def import_file(request: HttpRequest, slug: str, code: str) -> HttpResponse:
    """Import a response file (FORMATS.md §2) into this round: everything or, on any problem, nothing."""
    rnd = access.round_for(request.user, slug, code)
    form = ImportForm(request.POST, request.FILES)
    if not form.is_valid():
        return render(request, "facilitator/round.html", _context(request, rnd, import_form=form), status=400)
    upload = form.cleaned_data["file"]
    # the file check (samenspel.responses) words its problems in English; import_into in the page's language
    problems_lang = "en"
    try:
        with transaction.atomic():  # the round takes the file's questionnaire only if the import succeeds
            responses = read_for_round(rnd, upload.read(), upload.name)
            coverage = require_someone(responses, survey.round_questionnaire(rnd))  # a file of empty answers is no data
            problems_lang = texts.lang()
            summary = import_into(rnd, responses)
            rnd.save(update_fields=["instrument", "short", "modules", "paradoxes"])
    except InputError as exc:
        rnd.refresh_from_db()
        problems, more = texts.shown_problems(exc.problems)
        return render(request, "facilitator/round.html", _context(
            request, rnd, import_problems=problems, import_problems_lang=problems_lang,
            more_problems=more), status=400)
    except SamenspelError as exc:
        rnd.refresh_from_db()
        return render(request, "facilitator/round.html", _context(
            request, rnd, import_problems=[str(exc)], import_problems_lang=problems_lang), status=400)
    messages.success(request, pick(f"Geïmporteerd: {summary.respondents} deelnemers, {summary.answers} antwoorden",
                                    f"Imported: {summary.respondents} respondents, {summary.answers} answers"))
    warn_coverage(request, coverage)
    return redirect("facilitator:round", slug=slug, code=code)


@login_required
def export_csv(request: HttpRequest, slug: str, code: str) -> HttpResponse:
    """The round's submitted answers in the response format (FORMATS.md §2), for software: lossless.

    Open answers are written exactly as given, also one that starts with ``=``; a spreadsheet may
    run such a cell as a formula, so the page offers :func:`export_xlsx` for people.
    """
    rnd = access.round_for(request.user, slug, code)
    response = HttpResponse(to_csv(dataset.round_responses(rnd)), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{rnd.alliance.slug}-{rnd.code}.csv"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
def export_xlsx(request: HttpRequest, slug: str, code: str) -> HttpResponse:
    """The same answers as an Excel workbook, to open in a spreadsheet: texts are text cells, never formulas.

    A second sheet ``names`` gives the display name of every code (alliance, round, partners) for the people
    who read it; the first sheet stays the response format, so the workbook imports as it is."""
    rnd = access.round_for(request.user, slug, code)
    a = rnd.alliance
    names = [("alliance", a.slug, a.name), ("round", rnd.code, rnd.name),
             *(("partner", c, n) for c, n in a.partners.order_by("name").values_list("code", "name"))]
    response = HttpResponse(to_xlsx(dataset.round_responses(rnd), names),
                            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="{rnd.alliance.slug}-{rnd.code}.xlsx"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
def respondent_delete(request: HttpRequest, slug: str, code: str, pk: int) -> HttpResponse:
    """Delete one respondent with all their answers (GDPR), after typing their id."""
    rnd = access.round_for(request.user, slug, code)
    person = get_object_or_404(Respondent, round=rnd, pk=pk)
    respondent = person.code
    form = ConfirmForm(request.POST or None, expected=person.code)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            person.delete()
            # stored PDF reports were built with this person's answers (trends reach other rounds)
            ReportJob.objects.filter(round__alliance=rnd.alliance).delete()
        messages.success(request, pick("Verwijderd: deelnemer ", "Deleted: respondent ") + respondent)
        return redirect("facilitator:round", slug=slug, code=code)
    return render(request, "facilitator/confirm_delete.html",
                  {"form": form, "alliance": rnd.alliance, "round": rnd, "what": person.code},
                  status=400 if form.errors else 200)


@login_required
def rates_partial(request: HttpRequest, slug: str, code: str) -> HttpResponse:
    """The response table alone, refreshed by htmx every 30 seconds."""
    rnd = access.round_for(request.user, slug, code)
    return render(request, "facilitator/rates.html", {"rates": rates(rnd)})


@login_required
def respondent_lookup(request: HttpRequest, slug: str, code: str) -> HttpResponse:
    """Find a respondent by id (e.g. an imported one) to delete their data."""
    rnd = access.round_for(request.user, slug, code)
    wanted = request.GET.get("respondent", "").strip()
    found = rnd.respondents.filter(code=wanted).values_list("pk", flat=True).first() if wanted else None
    if found is not None:
        return redirect("facilitator:respondent_delete", slug=slug, code=code, pk=found)
    messages.error(request, pick("Niet in deze ronde: ", "Not in this round: ") + (wanted or "—"))
    return redirect("facilitator:round", slug=slug, code=code)
