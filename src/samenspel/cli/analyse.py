"""``samenspel analyse``: read a response file, diagnose one round, print JSON, text or markdown."""

from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from samenspel.cli.common import language, output_format, write_output

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


SUFFIXES = {".json": "json", ".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown"}


SMALL_GROUPS_FLAG = "--confirm-small-groups"
CONFIRM_HELP = "Needed with a minimum group size below 3: figures of groups of 1 or 2 respondents single people out."


def check_min_group(chosen: int, confirmed: bool) -> None:
    """A minimum group size below 3 shows groups of one or two people: only on explicit confirmation."""
    from samenspel.errors import SamenspelError

    if chosen < 1:
        raise SamenspelError(f"the minimum group size must be at least 1, not {chosen}")
    if chosen < 3 and not confirmed:
        raise SamenspelError(
            f"a minimum group size of {chosen} shows the figures of groups of {chosen} respondent"
            f"{'s' if chosen != 1 else ''}, which can single people out; add {SMALL_GROUPS_FLAG} if that is "
            "really intended (docs/PRIVACY.md)")


def reading_of(file: Path, round: str | None, min_group: int | None, context_file: Path | None,  # type: ignore[no-untyped-def]
               instrument=None, confirm_small: bool = False):
    """Read ``file`` (and its alliance context) and return (reading, knowledge base, instrument).

    The context file is ``--context`` or ``alliance.yaml`` beside the response file
    (docs/FORMATS.md §5); ``--min-group`` overrides its privacy setting. ``instrument``
    defaults to the built-in questionnaire (tests pass their own).
    """
    from samenspel.analysis import Settings, analyse
    from samenspel.instrument import load_instrument
    from samenspel.knowledge import load_knowledge
    from samenspel.reading import beside, load_context, read
    from samenspel.responses.reader import read_responses
    from samenspel.responses.versions import per_round

    kb = load_knowledge()
    found = context_file or beside(file)
    context = load_context(found, kb) if found is not None else None
    chosen = min_group if min_group is not None else (context.min_group if context and context.min_group else 3)
    check_min_group(chosen, confirm_small)
    if instrument is not None:
        responses = read_responses(file, instrument)
        questionnaires = instrument
    else:  # each round against the questionnaire version it was answered with
        responses = read_responses(file)
        questionnaires = per_round(responses)
    diagnosis = analyse(responses, questionnaires, kb, round=round, settings=Settings(min_group=chosen))
    used = instrument or questionnaires.get(diagnosis.round) or load_instrument()  # type: ignore[union-attr]
    return read(diagnosis, kb, context), kb, used


def register(app: typer.Typer) -> None:
    @app.command("analyse")
    def analyse_command(
        file: Path = typer.Argument(..., help="Response file (CSV or XLSX, docs/FORMATS.md §2)."),
        round: Optional[str] = typer.Option(None, "--round", "-r", help="Round to diagnose (default: the last)."),
        format: Optional[Format] = typer.Option(
            None, "--format", "-f", help="json (docs/FORMATS.md §3), text or markdown; default from the -o extension, else text."),
        lang: str = typer.Option("nl", "--lang", help="Language of texts: nl or en."),
        min_group: Optional[int] = typer.Option(None, "--min-group", help="Minimum respondents before a partner's figures are shown (default 3, or the context file's)."),
        context: Optional[Path] = typer.Option(None, "--context", help="Alliance context file (default: alliance.yaml beside FILE; docs/FORMATS.md §5)."),
        out: Optional[Path] = typer.Option(None, "--output", "-o", help="Write to this file instead of the screen."),
        confirm_small: bool = typer.Option(False, SMALL_GROUPS_FLAG, help=CONFIRM_HELP),
    ) -> None:
        """Diagnose a round: findings with evidence, strengths, phase, trust, network, and what to do first."""
        chosen = language(lang)
        fmt = Format(output_format(out, format.value if format else None, SUFFIXES, Format.text.value))
        reading, kb, instrument = reading_of(file, round, min_group, context, confirm_small=confirm_small)
        if fmt is Format.json:
            from samenspel.render.json import render_json

            text = render_json(reading, kb, chosen)
        else:
            from samenspel.render import render_markdown, render_text

            texts = {it.id: it.text.get(chosen) for it in instrument.items}
            text = (render_markdown if fmt is Format.markdown else render_text)(reading, kb, chosen, texts)
        write_output(text, out)
