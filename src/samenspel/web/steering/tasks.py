"""Background work of steering: a reminder to an action's owner before its due date.

Runs as a django-tasks task like the invitations (``alliances.tasks``).
``samenspel serve`` runs ``python -m samenspel.web steering_reminders`` at start and
every hour (under another server, run it daily from cron or a systemd timer); it
enqueues the task for every alliance, and a
facilitator can send a round's reminders from its action list. Each action is
reminded once; the mail names the decision and its due date, never anything
of the diagnosis.
"""

from __future__ import annotations

import datetime as dt
import logging

from django.core.mail import send_mail
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import formats, timezone, translation
from django_tasks import task

from samenspel.web.steering.models import Action

log = logging.getLogger("samenspel.web")

REMIND_DAYS = 7
"""Days before its due date an action's owner gets the reminder."""


def due_soon(today: dt.date, days: int = REMIND_DAYS, round_id: int | None = None) -> QuerySet[Action]:
    """Open actions with an owner's address, due within ``days`` from ``today``, not reminded yet."""
    found = Action.objects.filter(status__in=[Action.PLANNED, Action.UNDER_WAY], due__gte=today,
                                  due__lte=today + dt.timedelta(days=days), reminded_at__isnull=True
                                  ).exclude(owner_email="")
    return found.filter(round_id=round_id) if round_id is not None else found


def message(action: Action, base_url: str) -> tuple[str, str]:
    """Subject and body (Dutch, then English: an action has no language of its own)."""
    alliance = action.round.alliance.name
    days = {}
    for lang in ("nl", "en"):
        with translation.override(lang):
            days[lang] = formats.date_format(action.due, "DATE_FORMAT") if action.due else ""
    from samenspel.web.steering.owner_links import token_for

    token = token_for(action)
    with translation.override("nl"):  # the owner's own link if there is one, else the action list (login)
        path = (reverse("steering_owner", args=[token]) if token else
                reverse("steering:actions", args=[action.round.alliance.slug, action.round.code]))
    link = base_url.rstrip("/") + path
    subject = f"Herinnering / reminder: {action.what} ({alliance})"
    body = (f"Beste {action.owner or 'collega'},\n\nIn {alliance} is afgesproken: {action.what}\n"
            f"Klaar op: {days['nl']}. Stand nu: {action.status.replace('_', ' ')}.\n"
            f"Stand bekijken en bijwerken: {link}\n\n"
            f"Dear {action.owner or 'colleague'},\n\nIn {alliance} it was agreed: {action.what}\n"
            f"Due: {days['en']}. Status now: {action.status.replace('_', ' ')}.\n"
            f"See and update its status: {link}\n")
    return subject, body


@task()
def remind_owners(base_url: str, round_id: int | None = None, days: int = REMIND_DAYS) -> int:
    """Mail the owner of each action due soon (once); returns how many were sent."""
    sent = 0
    for action in due_soon(timezone.localdate(), days, round_id).select_related("round__alliance", "partner"):
        subject, body = message(action, base_url)
        send_mail(subject, body, None, [action.owner_email])
        action.reminded_at = timezone.now()
        action.save(update_fields=["reminded_at"])
        sent += 1
    log.info("sent %d action reminders", sent)
    return sent
