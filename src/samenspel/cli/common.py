"""Shared CLI bits: language and output options, writing output."""

from __future__ import annotations

from pathlib import Path
from typing import NoReturn

import typer

from samenspel.errors import InputError, SamenspelError
from samenspel.i18n import check_language

LangOption = typer.Option("nl", "--lang", help="Language of the output: nl or en.")


def language(value: str) -> str:
    try:
        return check_language(value)
    except ValueError as exc:
        raise SamenspelError(str(exc)) from None


def write_output(text: str | bytes, out: Path | None) -> None:
    """Print to stdout, or write to ``out`` atomically (never a half-written file)."""
    if out is None:
        if isinstance(text, bytes):
            typer.get_binary_stream("stdout").write(text)
        else:
            typer.echo(text, nl=not text.endswith("\n"))
        return
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".part")
    if isinstance(text, bytes):
        tmp.write_bytes(text)
    else:
        tmp.write_text(text, encoding="utf-8")
    tmp.replace(out)


def show_error(exc: SamenspelError, consequence: str = "nothing was read") -> None:
    """Every problem on its own line on stderr (``file:line: reason``), then a count."""
    if isinstance(exc, InputError):
        for problem in exc.problems:
            typer.echo(str(problem), err=True)
        count = len(exc.problems)
        typer.echo(f"{count} problem{'s' if count != 1 else ''}; {consequence}", err=True)
    else:
        typer.echo(f"samenspel: {exc}", err=True)


def fail(exc: SamenspelError, consequence: str = "nothing was read") -> NoReturn:
    """Show a user error and leave with its exit code (2): no traceback."""
    show_error(exc, consequence)
    raise typer.Exit(exc.exit_code)
