"""``samenspel import``: read a LimeSurvey, Qualtrics or Microsoft Forms export into the standard response file."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from samenspel.cli.common import fail, write_output
from samenspel.errors import SamenspelError


def register(app: typer.Typer) -> None:
    @app.command("import")
    def import_(
        file: Annotated[Path, typer.Argument(help="The tool's response export (.csv, VV .txt/.csv, or Forms .xlsx).")],
        tool: Annotated[str, typer.Option("--from", help="auto (recognise it), limesurvey, qualtrics or msforms.")] = "auto",
        alliance: Annotated[str, typer.Option("--alliance", help="Alliance id for every answer.")] = "alliance",
        round_id: Annotated[str, typer.Option("--round", help="Round id for every answer.")] = "1",
        round_date: Annotated[str | None, typer.Option("--round-date", help="Date of the round, YYYY-MM-DD.")] = None,
        partners: Annotated[str | None, typer.Option("--partners", help="The partners, comma-separated, as given "
                                                      "when the questionnaire was exported.")] = None,
        partner: Annotated[str | None, typer.Option("--partner", help="The partner of every respondent, when the "
                                                     "export has no partner question (one link per partner).")] = None,
        role: Annotated[str | None, typer.Option("--role", help="The role of every respondent without a role "
                                                  "answer: board, manager, staff or other.")] = None,
        mapping: Annotated[Path | None, typer.Option("--mapping", help="A mapping file (YAML) for columns with "
                                                      "codes of their own; see docs/SURVEY-TOOLS.md.")] = None,
        out: Annotated[Path | None, typer.Option("-o", "--output", help="Write the responses here (.csv or .xlsx) "
                                                 "instead of stdout.")] = None,
    ) -> None:
        """Convert a survey tool's export into Samenspel's response file; every problem with its line and column."""
        from samenspel.responses.model import ROLES
        from samenspel.responses.writer import to_csv, to_xlsx
        from samenspel.surveytools.codes import parse_partners
        from samenspel.surveytools.conversion import Constants, convert
        from samenspel.surveytools.detect import read_export_file
        from samenspel.surveytools.layout import build_layout
        from samenspel.surveytools.mapping import read_mapping

        try:
            questionnaire = _instrument()
            when = None
            if round_date is not None:
                try:
                    when = date.fromisoformat(round_date)
                except ValueError:
                    raise SamenspelError(f"--round-date '{round_date}' is not a date; write YYYY-MM-DD") from None
            if role is not None and role not in ROLES:
                raise SamenspelError(f"--role '{role}' is not a role; choose one of {', '.join(ROLES)}")
            names = parse_partners(partners)
            if partner is not None and names and partner not in names:
                raise SamenspelError(f"--partner '{partner}' is not in --partners ({', '.join(names)})")
            export = read_export_file(file, tool)  # first: a file of the wrong kind is the first thing to say
            layout = build_layout(questionnaire, names)
            rules = None
            if mapping is not None:
                try:
                    data = mapping.read_bytes()
                except OSError as exc:
                    raise SamenspelError(f"{mapping}: cannot read the mapping file ({exc.strerror})") from None
                rules = read_mapping(data, str(mapping), questionnaire)
            result = convert(export, layout, Constants(alliance, round_id, when, partner, role), rules)
            responses = result.responses
            if out is not None and out.suffix.lower() == ".xlsx":
                write_output(to_xlsx(responses), out)
            else:
                write_output(to_csv(responses), out)
        except SamenspelError as exc:
            fail(exc, "nothing was imported")
        for note in result.notes:
            typer.echo(f"note: {note}", err=True)
        people = responses.respondents()
        typer.echo(f"imported {export.tool} ({export.variant}): {len(people)} respondents, "
                   f"{len(responses.answers)} answers, {len(responses.partners())} partners", err=True)


def _instrument():  # type: ignore[no-untyped-def]
    """The questionnaire the export was made from (the full one; a later --modules option selects items)."""
    from samenspel.cli.responses import instrument
    from samenspel.instrument import load_instrument

    return instrument() or load_instrument()
