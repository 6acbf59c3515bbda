"""``samenspel report``: the steering-group report of one round as HTML or PDF."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from samenspel.cli.analyse import CONFIRM_HELP, SMALL_GROUPS_FLAG

from samenspel.cli.common import fail, language, output_format, write_output
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


SUFFIXES = {".html": "html", ".htm": "html", ".pdf": "pdf"}


def choose_format(fmt: ReportFormat | None, out: Path | None) -> str:
    """The format asked for, else the output file's extension, else HTML; an unknown extension is refused."""
    return output_format(out, fmt.value if fmt is not None else None, SUFFIXES, "html")


def check_invited(counts: dict[str, int], people: Mapping[str, int], round_id: str, file: Path) -> None:
    """Refuse invited numbers below the respondents in the file: a response rate above 100% is a typo."""
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
        file: Path = typer.Argument(..., help="Response file (CSV or XLSX, docs/FORMATS.md §2)."),
        round: Optional[str] = typer.Option(None, "--round", "-r", help="Round to report on (default: the last)."),
        format: Optional[ReportFormat] = typer.Option(
            None, "--format", "-f", help="html (one self-contained file) or pdf (A4); default from the -o suffix."),
        lang: str = typer.Option("nl", "--lang", help="Language of the report: nl or en."),
        min_group: Optional[int] = typer.Option(None, "--min-group", help="Minimum respondents before a partner's figures are shown (default 3, or the context file's)."),
        title: Optional[str] = typer.Option(None, "--title", help="Name of the alliance on the report (default: the context file's, else from its id)."),
        context: Optional[Path] = typer.Option(None, "--context", help="Alliance context file (default: alliance.yaml beside FILE; docs/FORMATS.md §5)."),
        invited: list[str] = typer.Option(
            [], "--invited", help="PARTNER=NUMBER invited, for response rates; repeat per partner."),
        out: Optional[Path] = typer.Option(None, "--output", "-o", help="Write to this file instead of the screen."),
        confirm_small: bool = typer.Option(False, SMALL_GROUPS_FLAG, help=CONFIRM_HELP),
    ) -> None:
        """The steering-group report: page one first, then charts, network, problems, agenda and method."""
        from dataclasses import replace

        from samenspel.cli.analyse import reading_of
        from samenspel.reading import read
        from samenspel.report import build_report

        try:
            chosen = language(lang)
            fmt = choose_format(format, out)
            counts = parse_invited(invited)
            reading, kb, instrument = reading_of(file, round, min_group, context, confirm_small=confirm_small)
            diagnosis = reading.diagnosis
            unknown = [p for p in counts if p not in diagnosis.partners]
            if unknown:
                raise SamenspelError(f"--invited names partners not in {file}: {', '.join(unknown)}")
            check_invited(counts, diagnosis.partners, diagnosis.round, file)
            if counts or title:
                ctx = replace(reading.context, name=title) if title else reading.context
                reading = read(diagnosis, kb, ctx, invited=counts or None)
            document = build_report(reading, kb, lang=chosen, fmt=fmt,  # type: ignore[arg-type]
                                    instrument=instrument, day=date.today())
            write_output(document, out)
        except SamenspelError as exc:
            fail(exc, "no report was made")
        if out is not None:
            typer.echo(f"wrote {out} ({fmt}, {chosen}, round {diagnosis.round})", err=True)
