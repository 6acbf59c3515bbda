"""Shared CLI bits: language and output options, writing output."""

from __future__ import annotations

from pathlib import Path

import typer

from samenspel.errors import SamenspelError
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
