"""``samenspel validate | export | template | demo``: response files in and out."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from samenspel.cli.common import chosen_questionnaire, fail, language, output_format, show_warnings, write_output
from samenspel.errors import SamenspelError
from samenspel.instrument.model import Instrument
from samenspel.responses.model import ResponseSet


def instrument() -> Instrument | None:
    """The questionnaire to check against; None means each round's own version (tests replace this)."""
    return None


def summary(responses: ResponseSet) -> str:
    """One line saying what a valid file holds."""
    answers = responses.answers
    empty = sum(1 for a in answers if a.value is None)
    rounds = ", ".join(responses.rounds())
    return (
        f"OK: {len(answers)} answers ({empty} empty), {len(responses.respondents())} respondents, "
        f"{len(responses.partners())} partners, alliance {responses.alliance}, rounds {rounds}"
    )


def _questionnaires(responses: ResponseSet):  # type: ignore[no-untyped-def]
    """The questionnaire given (tests), else each round's own version as the file names or implies it."""
    from samenspel.responses.versions import per_round

    return instrument() or per_round(responses)


def _read(path: Path) -> ResponseSet:
    from samenspel.responses.reader import read_responses

    return read_responses(path, instrument())


def register(app: typer.Typer) -> None:
    @app.command("validate")
    def validate(file: Annotated[Path, typer.Argument(help="Response file (.csv or .xlsx).")]) -> None:
        """Check a response file against the questionnaire; list every problem with its line.

        Warns about respondents who do not count (fewer than half of the domain
        questions answered) and answers that stop before the questionnaire's
        last part; a file in which nobody counts is an error.
        """
        from samenspel.responses.coverage import require_someone

        try:
            responses = _read(file)
            coverage = require_someone(responses, _questionnaires(responses))
        except SamenspelError as exc:
            fail(exc)
        show_warnings(coverage.warnings)
        typer.echo(summary(responses))

    @app.command("export")
    def export(
        file: Annotated[Path, typer.Argument(help="Response file (.csv or .xlsx).")],
        out: Annotated[Path | None, typer.Option("-o", "--output", help="Write here (.csv for software, lossless; .xlsx to open in a spreadsheet) instead of stdout.")] = None,
        round_id: Annotated[str | None, typer.Option("--round", help="Export only this round.")] = None,
    ) -> None:
        """Read and validate a response file, then write it in the standard CSV format (or as XLSX)."""
        from samenspel.responses.writer import to_csv, to_xlsx

        try:
            fmt = output_format(out, None, {".csv": "csv", ".txt": "csv", ".xlsx": "xlsx"}, "csv")
            responses = _read(file)
            if round_id is not None:
                if round_id not in responses.rounds():
                    raise SamenspelError(
                        f"{file}: no round '{round_id}'; rounds in the file: {', '.join(responses.rounds())}"
                    )
                responses = responses.for_round(round_id)
            if fmt == "xlsx":
                write_output(to_xlsx(responses), out)
            else:
                write_output(to_csv(responses), out)
        except SamenspelError as exc:
            fail(exc)

    @app.command("template")
    def template(
        partners: Annotated[str, typer.Option("--partners", help="Partner names, comma-separated: A,B,C.")],
        out: Annotated[Path, typer.Option("-o", "--output", help="The .xlsx answer sheet to write.")],
        respondents: Annotated[int, typer.Option("--respondents", help="Respondents per partner.")] = 5,
        lang: Annotated[str, typer.Option("--lang", help="Language of the questions: nl or en.")] = "nl",
        alliance: Annotated[str, typer.Option("--alliance", help="Alliance id to pre-fill.")] = "alliance",
        round_id: Annotated[str, typer.Option("--round", help="Round id to pre-fill.")] = "1",
        short: Annotated[bool, typer.Option("--short", help="The pulse version instead of a full round.")] = False,
        version: Annotated[str, typer.Option("--version", help="Questionnaire version: 2.0 (current) or 1.0.")] = "2.0",
        modules: Annotated[str | None, typer.Option("--modules", help="Optional modules, comma-separated (default: the default full round).")] = None,
        paradoxes: Annotated[str | None, typer.Option("--paradoxes", help="Paradox ids to ask, comma-separated.")] = None,
        phase: Annotated[int | None, typer.Option("--phase", help="Phase 1-4 whose paradoxes are the default set.")] = None,
    ) -> None:
        """Write an XLSX answer sheet, pre-filled per respondent and question, to fill in Excel or on paper."""
        from samenspel.responses.template import template_bytes

        try:
            if out.suffix.lower() != ".xlsx":
                raise SamenspelError(f"{out}: the answer sheet is an Excel file; give a name ending in .xlsx")
            names = [p.strip() for p in partners.split(",")]
            questions = instrument() or chosen_questionnaire(version, short, modules, paradoxes, phase, False)
            data = template_bytes(questions, names, respondents, language(lang), alliance, round_id)
            write_output(data, out)
        except SamenspelError as exc:
            fail(exc)
        typer.echo(f"wrote {out}: {len(names)} partners x {respondents} respondents", err=True)

    @app.command("demo")
    def demo(
        out: Annotated[Path, typer.Option("-o", "--output", help="Directory to write the demo files to.")],
        seed: Annotated[int, typer.Option("--seed", help="Random seed; the same seed gives the same data.")] = 7,
    ) -> None:
        """Write a synthetic demo alliance: responses.csv, responses.xlsx and README.md."""
        from samenspel.demo import demo_readme, make_demo
        from samenspel.responses.writer import to_csv, to_xlsx

        try:
            if out.exists() and not out.is_dir():
                raise SamenspelError(f"{out}: exists and is not a directory")
            responses = make_demo(seed, instrument())
            write_output(to_csv(responses), out / "responses.csv")
            write_output(to_xlsx(responses), out / "responses.xlsx")
            write_output(demo_readme(responses, seed), out / "README.md")
        except SamenspelError as exc:
            fail(exc)
        typer.echo(f"wrote {out}/responses.csv, responses.xlsx, README.md ({summary(responses)[4:]})", err=True)
