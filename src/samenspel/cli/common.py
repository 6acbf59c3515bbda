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


def chosen_questionnaire(version: str, short: bool, modules: str | None, paradoxes: str | None,
                         phase: int | None, everything: bool):  # type: ignore[no-untyped-def]
    """The questionnaire the ``--version/--short/--modules/--paradoxes/--phase/--all`` options ask for.

    Default: the default full round of the version (core, the default modules and,
    for 2.0, the paradoxes of ``--phase``); ``--all`` gives every item of the version.
    """
    from samenspel.instrument import catalogue, default_selection, questionnaire
    from samenspel.instrument.selection import Selection, check_version, modular
    from samenspel.knowledge import load_knowledge

    check_version(version)
    if phase is not None and phase not in (1, 2, 3, 4):
        raise SamenspelError(f"--phase must be 1, 2, 3 or 4, not {phase}")
    if short:
        if modules or paradoxes or everything:
            raise SamenspelError("--short is the fixed pulse: leave out --modules, --paradoxes and --all")
        return questionnaire(Selection(version, True))
    if everything:
        return catalogue(version)
    chosen = default_selection(load_knowledge(), phase, version)
    if not modular(version):
        if modules or paradoxes:
            raise SamenspelError(f"questionnaire {version} has no modules; leave out --modules and --paradoxes")
        return questionnaire(chosen)
    mods = chosen.modules if modules is None else tuple(m.strip() for m in modules.split(",") if m.strip() and m.strip() != "core")
    pars = chosen.paradoxes if paradoxes is None else tuple(p.strip() for p in paradoxes.split(",") if p.strip())
    return questionnaire(Selection(version, False, mods, pars))
