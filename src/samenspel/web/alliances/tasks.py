"""Background work: sending invitations and reminders by e-mail.

Runs on django-tasks' database backend (``manage db_worker``; ``samenspel
serve`` starts it). The task gets respondent ids, never links: each link is
recomputed from the secret key when the mail is written.
"""

from __future__ import annotations

import logging

from django.core.mail import send_mail
from django.urls import reverse
from django.utils import formats, timezone, translation
from django_tasks import task

from samenspel.web.alliances import tokens
from samenspel.web.alliances.texts import contact_line
from samenspel.web.alliances.models import Respondent

log = logging.getLogger("samenspel.web")

SUBJECT = {
    "invite": ("Uitnodiging: vragenlijst over de samenwerking in {alliance}", "Invitation: questionnaire on the collaboration in {alliance}"),
    "reminder": ("Herinnering: vragenlijst over de samenwerking in {alliance}", "Reminder: questionnaire on the collaboration in {alliance}"),
}
BODY = {
    "nl": (
        "Beste {name},\n\n{lead}\n\nJe persoonlijke link:\n{link}\n\n"
        "De link is alleen voor jou; stuur hem niet door. Je antwoorden worden zonder naam bewaard "
        "en worden alleen besproken als groepsuitkomst.\n{closes}{contact}\nMet vriendelijke groet,\n{alliance}\n"
    ),
    "en": (
        "Dear {name},\n\n{lead}\n\nYour personal link:\n{link}\n\n"
        "The link is for you only; please do not forward it. Your answers are stored without your name "
        "and only discussed as group results.\n{closes}{contact}\nKind regards,\n{alliance}\n"
    ),
}
LEAD = {
    ("invite", "nl"): "Je bent uitgenodigd een korte vragenlijst in te vullen over hoe de samenwerking in {alliance} verloopt.",
    ("invite", "en"): "You are invited to fill in a short questionnaire on how the collaboration in {alliance} is going.",
    ("reminder", "nl"): "We hebben je antwoorden op de vragenlijst over {alliance} nog niet ontvangen. Doe je nog mee?",
    ("reminder", "en"): "We have not yet received your answers to the questionnaire on {alliance}. Will you still take part?",
}


def message(respondent: Respondent, base_url: str, kind: str) -> tuple[str, str]:
    """Subject and body of one invitation or reminder, in the respondent's language."""
    lang = "en" if respondent.language == "en" else "nl"
    alliance = respondent.round.alliance.name
    link = base_url.rstrip("/") + reverse("respondent:start", kwargs={"token": tokens.token_for(respondent)})
    closes = ""
    if respondent.round.closes:
        with translation.override(lang):  # "1 december 2026" / "Dec. 1, 2026", as on the pages
            day = formats.date_format(respondent.round.closes, "DATE_FORMAT")
        closes = f"De vragenlijst sluit na {day}.\n" if lang == "nl" else f"The questionnaire closes after {day}.\n"
    contact = contact_line(respondent.round.alliance, lang)
    contact = contact + "\n" if contact else ""
    name = respondent.name or ("deelnemer" if lang == "nl" else "participant")
    subject = SUBJECT[kind][0 if lang == "nl" else 1].format(alliance=alliance)
    body = BODY[lang].format(lead=LEAD[(kind, lang)].format(alliance=alliance), link=link, closes=closes,
                             alliance=alliance, contact=contact, name=name)
    return subject, body


@task()
def send_links(respondent_ids: list[int], base_url: str, kind: str = "invite") -> int:
    """Mail each respondent (with an address, not yet submitted) their link; returns how many were sent."""
    sent = 0
    for respondent in Respondent.objects.filter(pk__in=respondent_ids).select_related("round__alliance"):
        if not respondent.email or respondent.submitted_at is not None or not respondent.nonce:
            continue
        subject, body = message(respondent, base_url, kind)
        send_mail(subject, body, None, [respondent.email])
        now = timezone.now()
        if kind == "invite":
            respondent.invited_at = now
            respondent.save(update_fields=["invited_at"])
        else:
            respondent.reminded_at = now
            respondent.save(update_fields=["reminded_at"])
        sent += 1
    log.info("sent %d %s mails", sent, kind)
    return sent


@task()
def build_report_pdf(job_id: int) -> str:
    """Render the PDF report of one :class:`ReportJob` and store it on the job; returns its status.

    A failure is kept on the job (the page shows it) and logged by type only:
    the report holds answers-derived figures, which never go to the log.
    """
    from samenspel.web.alliances.models import ReportJob
    from samenspel.web.alliances.reporting import report_pdf

    job = ReportJob.objects.select_related("round__alliance").filter(pk=job_id).first()
    if job is None:  # deleted in the meantime (e.g. the alliance)
        return "gone"
    ReportJob.objects.filter(pk=job.pk).update(status=ReportJob.RUNNING)
    try:
        pdf = report_pdf(job.round, job.language)
    except Exception as exc:  # noqa: BLE001 - any failure must end up on the job, not kill the worker
        log.error("report %d failed: %s", job.pk, type(exc).__name__)
        ReportJob.objects.filter(pk=job.pk).update(status=ReportJob.FAILED, error=type(exc).__name__,
                                                   finished_at=timezone.now())
        return ReportJob.FAILED
    if pdf is None:
        ReportJob.objects.filter(pk=job.pk).update(status=ReportJob.FAILED, error="no answers",
                                                   finished_at=timezone.now())
        return ReportJob.FAILED
    ReportJob.objects.filter(pk=job.pk).update(status=ReportJob.DONE, pdf=pdf, finished_at=timezone.now())
    log.info("report %d built (%d bytes)", job.pk, len(pdf))
    return ReportJob.DONE
