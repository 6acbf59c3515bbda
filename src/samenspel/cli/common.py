"""Shared CLI bits: language and output options, writing output."""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import NoReturn

import typer

from samenspel.errors import InputError, Problem, SamenspelError
from samenspel.i18n import check_language

LangOption = typer.Option("nl", "--lang", help="Language of the output: nl or en.")


def language(value: str) -> str:
    try:
        return check_language(value)
    except ValueError as exc:
        raise SamenspelError(str(exc)) from None


def check_output(out: Path | None) -> None:
    """Refuse an output path that cannot be a file, before any work is done for it."""
    if out is None:
        return
    if str(out).endswith(("/", os.sep)) or out.is_dir():
        raise SamenspelError(f"{out}: is a directory; give a file name, e.g. {out / 'result'}{out.suffix or ''}")
    for parent in out.parents:
        if parent.exists():
            if not parent.is_dir():
                raise SamenspelError(f"{out}: cannot write there, because {parent} is a file, not a folder")
            break


def output_format(out: Path | None, given: str | None, by_suffix: Mapping[str, str], default: str) -> str:
    """The format asked for with ``--format``, else the one the ``-o`` file's extension names.

    An extension that names no format this command writes, or another format
    than ``--format`` asks for, is refused: ``report -o x.docx`` must not
    quietly write HTML into a .docx file.
    """
    check_output(out)  # "is a directory" says more than "no extension"
    suffix = out.suffix.lower() if out is not None else ""
    known = sorted(set(by_suffix))
    if out is not None and suffix not in by_suffix:
        shown = f"'{suffix}'" if suffix else "no extension"
        raise SamenspelError(f"{out}: {shown} is not a format this command writes; use {', '.join(known)}")
    implied = by_suffix.get(suffix)
    if given is not None and implied is not None and implied != given:
        raise SamenspelError(f"{out}: the extension {suffix} does not match --format {given}; "
                             f"use .{given if given != 'markdown' else 'md'} or leave --format out")
    return given or implied or default


def write_output(text: str | bytes, out: Path | None) -> None:
    """Print to stdout, or write to ``out`` atomically (never a half-written file, never a traceback)."""
    if out is None:
        if isinstance(text, bytes):
            typer.get_binary_stream("stdout").write(text)
        else:
            typer.echo(text, nl=not text.endswith("\n"))
        return
    check_output(out)
    tmp = out.with_name(out.name + ".part")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            tmp.write_bytes(text)
        else:
            tmp.write_text(text, encoding="utf-8")
        tmp.replace(out)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)  # no .part file left behind
        raise SamenspelError(f"{out}: cannot write the file ({_reason(exc)}); nothing was written") from None


def _reason(exc: OSError) -> str:
    if exc.errno == errno.EISDIR:
        return "it is a directory"
    return exc.strerror or type(exc).__name__


def show_warnings(problems: Iterable[Problem]) -> None:
    """Each warning on its own line on stderr, after ``warning:``."""
    for problem in problems:
        typer.echo(f"warning: {problem}", err=True)


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
