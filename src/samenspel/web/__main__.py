"""``python -m samenspel.web <command>``: Django's manage.py for Samenspel."""

import os
import sys

from django.core.management import execute_from_command_line


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samenspel.web.settings")
    execute_from_command_line(["samenspel-web", *sys.argv[1:]])


if __name__ == "__main__":
    main()
