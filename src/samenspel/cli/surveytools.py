"""``samenspel import``: read a LimeSurvey, Qualtrics or Microsoft Forms export into the standard response file."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from samenspel.cli.common import fail, show_warnings, write_output
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
        questionnaire_version: Annotated[str, typer.Option("--questionnaire", help="The questionnaire version the "
                                                            "round was fielded with: 2.0, 1.0, or auto (the version "
                                                            "whose questions the export holds).")] = "auto",
        out: Annotated[Path | None, typer.Option("-o", "--output", help="Write the responses here (.csv or .xlsx) "
                                                 "instead of stdout.")] = None,
    ) -> None:
        """Convert a survey tool's export into Samenspel's response file; every problem with its line and column."""
        from samenspel.responses.model import ROLES, ResponseSet
        from samenspel.responses.writer import to_csv, to_xlsx
        from samenspel.surveytools.codes import parse_partners
        from samenspel.surveytools.conversion import Constants, convert
        from samenspel.surveytools.detect import read_export_file
        from samenspel.surveytools.layout import build_layout
        from samenspel.surveytools.mapping import read_mapping

        try:
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
            data = None
            if mapping is not None:
                try:
                    data = mapping.read_bytes()
                except OSError as exc:
                    raise SamenspelError(f"{mapping}: cannot read the mapping file ({exc.strerror})") from None
            first_error: SamenspelError | None = None
            for key, questionnaire in _questionnaires(questionnaire_version):
                try:
                    rules = read_mapping(data, str(mapping), questionnaire) if data is not None else None
                    result = convert(export, build_layout(questionnaire, names),
                                     Constants(alliance, round_id, when, partner, role), rules)
                except SamenspelError as exc:  # the next (older) version may be the one fielded
                    first_error = first_error or exc
                    continue
                break
            else:
                assert first_error is not None
                raise first_error
            if key:  # say which questionnaire the round was answered with (FORMATS.md §4, column instrument)
                result = replace(result, responses=ResponseSet(
                    tuple(a._replace(instrument=key) for a in result.responses.answers), result.responses.source))
            responses = result.responses
            if out is not None and out.suffix.lower() == ".xlsx":
                write_output(to_xlsx(responses), out)
            else:
                write_output(to_csv(responses), out)
        except SamenspelError as exc:
            fail(exc, "nothing was imported")
        for note in result.notes:
            typer.echo(f"note: {note}", err=True)
        show_warnings(_coverage_warnings(responses))
        people = responses.respondents()
        typer.echo(f"imported {export.tool} ({export.variant}): {len(people)} respondents, "
                   f"{len(responses.answers)} answers, {len(responses.partners())} partners", err=True)


def _questionnaires(version: str):  # type: ignore[no-untyped-def]
    """(instrument key, questionnaire) pairs to try, newest first: every item of a version, so that any
    module selection fits; a test's own questionnaire alone (key empty)."""
    from samenspel.cli.responses import instrument
    from samenspel.instrument import load_instrument
    from samenspel.instrument.loader import VERSIONS
    from samenspel.instrument.selection import INSTRUMENT_ID

    given = instrument()
    if given is not None:
        return [("", given)]
    if version != "auto" and version not in VERSIONS:
        raise SamenspelError(f"--questionnaire {version!r}: choose auto or one of {', '.join(VERSIONS)}")
    chosen = [version] if version != "auto" else sorted(VERSIONS, key=lambda v: tuple(map(int, v.split("."))),
                                                        reverse=True)
    return [(f"{INSTRUMENT_ID}@{v}", load_instrument(version=v)) for v in chosen]


def _coverage_warnings(responses):  # type: ignore[no-untyped-def]
    """What ``samenspel validate`` warns about the converted file: respondents who do not count, answers that
    stop early, a round in which nobody counts (an export of empty responses must not pass unremarked)."""
    from samenspel.cli.responses import instrument
    from samenspel.responses.coverage import check
    from samenspel.responses.versions import per_round

    try:
        return check(responses, instrument() or per_round(responses)).warnings
    except SamenspelError:  # the round's questionnaire cannot be told; validate will say so
        return ()
