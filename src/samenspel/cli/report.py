"""``samenspel report``: the steering-group report of one round as HTML or PDF."""

from __future__ import annotations

from datetime import date
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from samenspel.cli.common import fail, language, output_format, write_output
from samenspel.errors import SamenspelError
from samenspel.responses.model import ResponseSet


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


SUFFIXES = {".html": "html", ".htm": "html", ".pdf": "pdf"}


def choose_format(fmt: ReportFormat | None, out: Path | None) -> str:
    """The format asked for, else the output file's extension, else HTML; an unknown extension is refused."""
    return output_format(out, fmt.value if fmt is not None else None, SUFFIXES, "html")


def check_invited(counts: dict[str, int], responses: ResponseSet, round_id: str, file: Path) -> None:
    """Refuse invited numbers below the respondents in the file: a response rate above 100% is a typo."""
    people: dict[str, int] = {}
    for partner in responses.for_round(round_id).respondents().values():
        people[partner] = people.get(partner, 0) + 1
    for partner, invited in counts.items():
        answered = people.get(partner, 0)
        if answered > invited:
            raise SamenspelError(
                f"--invited '{partner}={invited}': {file} has {answered} respondents of {partner} in round "
                f"{round_id}, more than were invited (a response rate of {round(100 * answered / invited)}%); "
                f"give the number of people invited, at least {answered}")


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
        from samenspel.instrument import load_instrument
        from samenspel.knowledge import load_knowledge
        from samenspel.report import build_report
        from samenspel.responses.coverage import require_someone
        from samenspel.responses.reader import read_responses

        try:
            chosen = language(lang)
            fmt = choose_format(format, out)
            counts = parse_invited(invited)
            settings = Settings(min_group=min_group)
            instrument = load_instrument()
            responses = read_responses(file, instrument)
            chosen_round = round if round is not None else responses.rounds()[-1]
            if chosen_round in responses.rounds():  # an unknown round is the analysis's own error
                require_someone(responses, instrument, chosen_round)
            kb = load_knowledge()
            diagnosis = analyse(responses, instrument, kb, round=round, settings=settings)
            unknown = [p for p in counts if p not in diagnosis.partners]
            if unknown:
                raise SamenspelError(f"--invited names partners not in {file}: {', '.join(unknown)}")
            check_invited(counts, responses, diagnosis.round, file)
            document = build_report(diagnosis, kb, lang=chosen, fmt=fmt,  # type: ignore[arg-type]
                                    instrument=instrument, title=title, day=date.today(), invited=counts or None)
            write_output(document, out)
        except SamenspelError as exc:
            fail(exc, "no report was made")
        if out is not None:
            typer.echo(f"wrote {out} ({fmt}, {chosen}, round {diagnosis.round})", err=True)
