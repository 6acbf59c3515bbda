"""``python -m samenspel.web steering_reminders``: enqueue the reminders to action owners (run it daily)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand

from samenspel.web.steering.tasks import REMIND_DAYS, remind_owners


class Command(BaseCommand):
    help = "Remind owners of actions due within the next days (once per action); run daily."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--days", type=int, default=REMIND_DAYS, help="days before the due date")

    def handle(self, *args: Any, **options: Any) -> None:
        base = settings.SAMENSPEL_BASE_URL or "http://localhost:8000"
        remind_owners.enqueue(base, None, options["days"])
        self.stdout.write("reminders enqueued")
