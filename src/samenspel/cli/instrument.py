"""``samenspel instrument``: print the questionnaire as JSON or as a paper form."""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from samenspel.cli.common import language, output_format, write_output


class Format(str, Enum):
    json = "json"
    markdown = "markdown"


def register(app: typer.Typer) -> None:
    @app.command("instrument")
    def instrument(
        format: Optional[Format] = typer.Option(
            None, "--format", "-f", help="json (both languages) or markdown (a printable form); default from the -o extension, else json."),
        lang: str = typer.Option("nl", "--lang", help="Language of the markdown form: nl or en."),
        short: bool = typer.Option(False, "--short", help="The pulse version (about 5 minutes) instead of the full one."),
        out: Optional[Path] = typer.Option(None, "--output", "-o", help="Write to this file instead of the screen."),
    ) -> None:
        """Print the questionnaire: JSON per FORMATS.md §1, or a Markdown form to print."""
        from samenspel.instrument import load_instrument, to_json, to_markdown

        chosen = language(lang)
        fmt = Format(output_format(out, format.value if format else None,
                                   {".json": "json", ".md": "markdown", ".markdown": "markdown"}, "json"))
        questionnaire = load_instrument(short=short)
        if fmt is Format.json:
            text = json.dumps(to_json(questionnaire), ensure_ascii=False, indent=2) + "\n"
        else:
            text = to_markdown(questionnaire, chosen)
        write_output(text, out)
