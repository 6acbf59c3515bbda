"""``samenspel instrument``: print the questionnaire as JSON or as a paper form."""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from samenspel.cli.common import language, write_output


class Format(str, Enum):
    json = "json"
    markdown = "markdown"


def register(app: typer.Typer) -> None:
    @app.command("instrument")
    def instrument(
        format: Format = typer.Option(Format.json, "--format", "-f", help="json (both languages) or markdown (a printable form)."),
        lang: str = typer.Option("nl", "--lang", help="Language of the markdown form: nl or en."),
        short: bool = typer.Option(False, "--short", help="The pulse version (about 5 minutes) instead of the full one."),
        out: Optional[Path] = typer.Option(None, "--output", "-o", help="Write to this file instead of the screen."),
    ) -> None:
        """Print the questionnaire: JSON per FORMATS.md §1, or a Markdown form to print."""
        from samenspel.instrument import load_instrument, to_json, to_markdown

        chosen = language(lang)
        questionnaire = load_instrument(short=short)
        if format is Format.json:
            text = json.dumps(to_json(questionnaire), ensure_ascii=False, indent=2) + "\n"
        else:
            text = to_markdown(questionnaire, chosen)
        write_output(text, out)
