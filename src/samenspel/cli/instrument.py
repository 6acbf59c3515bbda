"""``samenspel instrument``: print the questionnaire as JSON or as a paper form."""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from samenspel.cli.common import chosen_questionnaire, fail, language, write_output
from samenspel.errors import SamenspelError


class Format(str, Enum):
    json = "json"
    markdown = "markdown"


def register(app: typer.Typer) -> None:
    @app.command("instrument")
    def instrument(
        format: Format = typer.Option(Format.json, "--format", "-f", help="json (both languages) or markdown (a printable form)."),
        lang: str = typer.Option("nl", "--lang", help="Language of the markdown form: nl or en."),
        short: bool = typer.Option(False, "--short", help="The pulse version (about 5 minutes) instead of a full round."),
        version: str = typer.Option("2.0", "--version", help="Questionnaire version: 2.0 (current) or 1.0."),
        modules: Optional[str] = typer.Option(None, "--modules", help="Optional modules, comma-separated (default: the default full round), e.g. paradoxes,leadership,motives,open."),
        paradoxes: Optional[str] = typer.Option(None, "--paradoxes", help="Paradox ids to ask, comma-separated (default: the six of --phase)."),
        phase: Optional[int] = typer.Option(None, "--phase", help="Phase 1-4 whose paradoxes are the default set."),
        everything: bool = typer.Option(False, "--all", help="Every item of the version, all modules (what a response file may hold)."),
        out: Optional[Path] = typer.Option(None, "--output", "-o", help="Write to this file instead of the screen."),
    ) -> None:
        """Print the questionnaire: JSON per FORMATS.md §1, or a Markdown form to print."""
        from samenspel.instrument import to_json, to_markdown

        try:
            chosen = language(lang)
            questionnaire = chosen_questionnaire(version, short, modules, paradoxes, phase, everything)
        except SamenspelError as exc:
            fail(exc)
        if format is Format.json:
            text = json.dumps(to_json(questionnaire), ensure_ascii=False, indent=2) + "\n"
        else:
            text = to_markdown(questionnaire, chosen)
        write_output(text, out)
