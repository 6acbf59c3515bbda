"""``samenspel instrument``: print the questionnaire as JSON or as a paper form, or write it for a survey tool."""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from samenspel.cli.common import chosen_questionnaire, fail, language, output_format, write_output
from samenspel.errors import SamenspelError


class Format(str, Enum):
    json = "json"
    markdown = "markdown"
    lss = "lss"
    qsf = "qsf"
    forms = "forms"


TOOL_FORMATS = (Format.lss, Format.qsf, Format.forms)


def register(app: typer.Typer) -> None:
    @app.command("instrument")
    def instrument(
        format: Optional[Format] = typer.Option(
            None, "--format", "-f", help="json (both languages), markdown (a printable form), lss (LimeSurvey), qsf "
                                         "(Qualtrics) or forms (a Word file for Microsoft Forms' Quick Import); default "
                                         "from the -o extension, else json."),
        lang: str = typer.Option("nl", "--lang", help="Language of the markdown form and the Forms document; the "
                                 "first language of the LimeSurvey and Qualtrics files (they hold both)."),
        short: bool = typer.Option(False, "--short", help="The pulse version (about 5 minutes) instead of a full round."),
        version: str = typer.Option("2.0", "--version", help="Questionnaire version: 2.0 (current) or 1.0."),
        modules: Optional[str] = typer.Option(None, "--modules", help="Optional modules, comma-separated (default: the default full round), e.g. paradoxes,leadership,motives,open."),
        paradoxes: Optional[str] = typer.Option(None, "--paradoxes", help="Paradox ids to ask, comma-separated (default: the six of --phase)."),
        phase: Optional[int] = typer.Option(None, "--phase", help="Phase 1-4 whose paradoxes are the default set."),
        everything: bool = typer.Option(False, "--all", help="Every item of the version, all modules (what a response file may hold)."),
        partners: Optional[str] = typer.Option(None, "--partners", help="lss, qsf, forms: the partners of the "
                                               "alliance, comma-separated (\"A,B,C\"); relation questions get one row "
                                               "per partner."),
        out: Optional[Path] = typer.Option(None, "--output", "-o", help="Write to this file instead of the screen."),
    ) -> None:
        """Print the questionnaire: JSON per FORMATS.md §1, a Markdown form to print, or a file for a survey tool."""
        from samenspel.instrument import to_json, to_markdown

        try:
            chosen = language(lang)
            fmt = Format(output_format(out, format.value if format else None,
                                       {".json": "json", ".md": "markdown", ".markdown": "markdown", ".lss": "lss",
                                        ".qsf": "qsf", ".docx": "forms"}, "json"))
            questionnaire = chosen_questionnaire(version, short, modules, paradoxes, phase, everything)
        except SamenspelError as exc:
            fail(exc, "nothing was written")
        if fmt in TOOL_FORMATS:
            try:
                _tool_file(fmt, questionnaire, chosen, partners, out)
            except SamenspelError as exc:
                fail(exc, "nothing was written")
            return
        if fmt is Format.json:
            text = json.dumps(to_json(questionnaire), ensure_ascii=False, indent=2) + "\n"
        else:
            text = to_markdown(questionnaire, chosen)
        write_output(text, out)


def _tool_file(format: Format, questionnaire: object, lang: str, partners: str | None, out: Path | None) -> None:
    """Write the questionnaire for LimeSurvey, Qualtrics or Forms (the caller chose the items)."""
    from samenspel.surveytools.codes import parse_partners
    from samenspel.surveytools.layout import build_layout

    layout = build_layout(questionnaire, parse_partners(partners))  # type: ignore[arg-type]
    if format is Format.lss:
        from samenspel.surveytools.limesurvey import to_lss

        write_output(to_lss(layout, lang), out)
    elif format is Format.qsf:
        from samenspel.surveytools.qualtrics import to_qsf

        write_output(to_qsf(layout, lang), out)
    else:
        from samenspel.surveytools.msforms import forms_instructions, to_docx

        if out is None or out.suffix.lower() != ".docx":
            raise SamenspelError("the Forms document is a Word file; give -o NAME.docx")
        write_output(to_docx(layout, lang), out)
        guide = out.with_name(out.stem + ("-instructies.md" if lang == "nl" else "-instructions.md"))
        write_output(forms_instructions(layout, out.name, lang), guide)
        typer.echo(f"wrote {out} and {guide}", err=True)
