"""``python -m samenspel.web api_token USER [--name N]``: make an API token and print it once."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from samenspel.web.alliances.api import create_token


class Command(BaseCommand):
    help = "Create a bearer token for the JSON API; it is printed once and stored only as a hash."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("username")
        parser.add_argument("--name", default="")

    def handle(self, *args: Any, **options: Any) -> None:
        user = get_user_model().objects.filter(username=options["username"]).first()
        if user is None:
            raise CommandError(f"no user {options['username']!r}")
        self.stdout.write(create_token(user, options["name"]))
