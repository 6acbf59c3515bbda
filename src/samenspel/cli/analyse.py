"""``samenspel analyse``: read a response file, diagnose one round, print JSON, text or markdown."""

from __future__ import annotations

import json
import os
import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from samenspel.cli.common import language, write_output

if "numpy" not in sys.modules:
    # The analysis works on small matrices (respondents x items of one scale);
    # BLAS worker threads only add start-up and contention there (measured:
    # the benchmark's pure analysis ran 2-3x slower on a busy 2-core machine).
    for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(_var, "1")


class Format(str, Enum):
    json = "json"
    text = "text"
    markdown = "markdown"


def register(app: typer.Typer) -> None:
    @app.command("analyse")
    def analyse_command(
        file: Path = typer.Argument(..., help="Response file (CSV or XLSX, FORMATS.md §2)."),
        round: Optional[str] = typer.Option(None, "--round", "-r", help="Round to diagnose (default: the last)."),
        format: Format = typer.Option(Format.text, "--format", "-f", help="json (FORMATS.md §3), text or markdown."),
        lang: str = typer.Option("nl", "--lang", help="Language of texts: nl or en."),
        min_group: int = typer.Option(3, "--min-group", help="Minimum respondents before a partner's figures are shown."),
        out: Optional[Path] = typer.Option(None, "--output", "-o", help="Write to this file instead of the screen."),
    ) -> None:
        """Diagnose a round: scores, agreement, paradoxes, phase, trust, network, problems with evidence."""
        from samenspel.analysis import Settings, analyse
        from samenspel.knowledge import load_knowledge
        from samenspel.responses.reader import read_responses
        from samenspel.responses.versions import per_round

        chosen = language(lang)
        settings = Settings(min_group=min_group)
        responses = read_responses(file)  # each round against the questionnaire version it was answered with
        kb = load_knowledge()
        diagnosis = analyse(responses, per_round(responses), kb, round=round, settings=settings)
        if format is Format.json:
            text = json.dumps(diagnosis.to_dict(chosen), ensure_ascii=False, indent=2) + "\n"
        elif format is Format.markdown:
            from samenspel.render import render_markdown

            text = render_markdown(diagnosis, kb, chosen)
        else:
            from samenspel.render import render_text

            text = render_text(diagnosis, kb, chosen)
        write_output(text, out)
