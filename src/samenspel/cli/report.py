"""``samenspel report``: the steering-group report of one round as HTML or PDF."""

from __future__ import annotations

from datetime import date
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from samenspel.cli.common import fail, language, write_output
from samenspel.errors import SamenspelError


class ReportFormat(str, Enum):
    html = "html"
    pdf = "pdf"


def parse_invited(values: list[str]) -> dict[str, int]:
    """``["Gemeente=12", "Ziekenhuis=20"]`` -> ``{"Gemeente": 12, "Ziekenhuis": 20}``."""
    out: dict[str, int] = {}
    for value in values:
        partner, sep, count = value.rpartition("=")
        if not sep or not partner.strip() or not count.strip().isdigit() or int(count) < 1:
            raise SamenspelError(f"--invited {value!r}: write PARTNER=NUMBER, e.g. --invited 'Gemeente Rivierstad=12'")
        out[partner.strip()] = int(count)
    return out


def choose_format(fmt: ReportFormat | None, out: Path | None) -> str:
    """The format asked for, else the output file's suffix, else HTML."""
    if fmt is not None:
        return fmt.value
    return "pdf" if out is not None and out.suffix.lower() == ".pdf" else "html"


def register(app: typer.Typer) -> None:
    @app.command("report")
    def report_command(
        file: Path = typer.Argument(..., help="Response file (CSV or XLSX, FORMATS.md §2)."),
        round: Optional[str] = typer.Option(None, "--round", "-r", help="Round to report on (default: the last)."),
        format: Optional[ReportFormat] = typer.Option(
            None, "--format", "-f", help="html (one self-contained file) or pdf (A4); default from the -o suffix."),
        lang: str = typer.Option("nl", "--lang", help="Language of the report: nl or en."),
        min_group: int = typer.Option(3, "--min-group", help="Minimum respondents before a partner's figures are shown."),
        title: Optional[str] = typer.Option(None, "--title", help="Name of the alliance on the report (default from its id)."),
        invited: list[str] = typer.Option(
            [], "--invited", help="PARTNER=NUMBER invited, for response rates; repeat per partner."),
        out: Optional[Path] = typer.Option(None, "--output", "-o", help="Write to this file instead of the screen."),
    ) -> None:
        """The steering-group report: strongest signals first, then charts, network, problems, agenda and method."""
        from samenspel.analysis import Settings, analyse
        from samenspel.knowledge import load_knowledge
        from samenspel.report import build_report
        from samenspel.responses.reader import read_responses
        from samenspel.responses.versions import per_round

        try:
            chosen = language(lang)
            fmt = choose_format(format, out)
            counts = parse_invited(invited)
            settings = Settings(min_group=min_group)
            responses = read_responses(file)  # each round against its own questionnaire version
            questionnaires = per_round(responses)
            kb = load_knowledge()
            diagnosis = analyse(responses, questionnaires, kb, round=round, settings=settings)
            instrument = questionnaires[diagnosis.round]
            unknown = [p for p in counts if p not in diagnosis.partners]
            if unknown:
                raise SamenspelError(f"--invited names partners not in {file}: {', '.join(unknown)}")
            document = build_report(diagnosis, kb, lang=chosen, fmt=fmt,  # type: ignore[arg-type]
                                    instrument=instrument, title=title, day=date.today(), invited=counts or None)
            write_output(document, out)
        except SamenspelError as exc:
            fail(exc, "no report was made")
        if out is not None:
            typer.echo(f"wrote {out} ({fmt}, {chosen}, round {diagnosis.round})", err=True)
