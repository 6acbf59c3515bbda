"""Report downloads: the round's steering-group report as HTML (at once) or
PDF (built by a background task, with a progress page that polls via htmx).

Access as for the dashboard: facilitators and viewers of the alliance; a job
is only found through its own round, so a job id of another alliance is a 404.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from samenspel.web.alliances import access, reporting
from samenspel.web.alliances.models import MeasurementRound, ReportJob
from samenspel.web.alliances.tasks import build_report_pdf


def _lang(value: str | None) -> str:
    return "en" if value == "en" else "nl"


def _filename(rnd: MeasurementRound, lang: str, ext: str) -> str:
    return f"samenspel-{rnd.alliance.slug}-{rnd.code}-{lang}.{ext}"


def _job(rnd: MeasurementRound, job: int) -> ReportJob:
    found = rnd.report_jobs.filter(pk=job).first()
    if found is None:
        raise Http404("no such report")
    return found


@login_required
def report_page(request: HttpRequest, slug: str, code: str) -> HttpResponse:
    rnd = access.round_for(request.user, slug, code, role=None)
    jobs = rnd.report_jobs.defer("pdf")[:5]
    has_answers = rnd.respondents.filter(submitted_at__isnull=False).exists()
    return render(request, "facilitator/report.html",
                  {"alliance": rnd.alliance, "round": rnd, "jobs": jobs, "has_answers": has_answers})


@login_required
def report_html(request: HttpRequest, slug: str, code: str) -> HttpResponse:
    rnd = access.round_for(request.user, slug, code, role=None)
    lang = _lang(request.GET.get("lang"))
    html = reporting.report_html(rnd, lang)
    if html is None:
        raise Http404("no answers in this round")
    response = HttpResponse(html, content_type="text/html; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_filename(rnd, lang, "html")}"'
    return response


@login_required
@require_POST
def report_pdf(request: HttpRequest, slug: str, code: str) -> HttpResponse:
    rnd = access.round_for(request.user, slug, code, role=None)
    if not rnd.respondents.filter(submitted_at__isnull=False).exists():
        raise Http404("no answers in this round")
    job = ReportJob.objects.create(round=rnd, requested_by=request.user, language=_lang(request.POST.get("lang")))
    build_report_pdf.enqueue(job.pk)
    return redirect("facilitator:report_job", slug=slug, code=code, job=job.pk)


@login_required
def report_job(request: HttpRequest, slug: str, code: str, job: int) -> HttpResponse:
    rnd = access.round_for(request.user, slug, code, role=None)
    found = _job(rnd, job)
    template = "facilitator/report_status.html" if request.headers.get("HX-Request") else "facilitator/report_job.html"
    response = render(request, template, {"alliance": rnd.alliance, "round": rnd, "job": found})
    if found.status in (ReportJob.DONE, ReportJob.FAILED) and request.headers.get("HX-Request"):
        response["HX-Trigger"] = "report-finished"
    return response


@login_required
def report_download(request: HttpRequest, slug: str, code: str, job: int) -> HttpResponse:
    rnd = access.round_for(request.user, slug, code, role=None)
    found = _job(rnd, job)
    if found.status != ReportJob.DONE or not found.pdf:
        raise Http404("report not ready")
    response = HttpResponse(bytes(found.pdf), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{_filename(rnd, found.language, "pdf")}"'
    return response
