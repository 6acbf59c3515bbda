"""The ``samenspel`` command line: a thin adapter over the core.

Each command group lives in its own module with a ``register(app)`` function.
Errors a user can act on (:class:`~samenspel.errors.SamenspelError`) are shown
as a message on stderr with exit code 2, never as a traceback.
"""

from __future__ import annotations

import atexit
import importlib
import os
import sys
from typing import NoReturn

import typer

from samenspel import __version__
from samenspel.errors import SamenspelError

app = typer.Typer(
    name="samenspel",
    help="Samenspel: see how an inter-organisational collaboration is doing and what to do about it.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    # Plain help: the rich help panel labels every flag "<bool>" (--short <bool>), which reads as if
    # the flag took a value; the plain one shows the flags as they are typed.
    rich_markup_mode=None,
)


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"samenspel {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_show_version, is_eager=True,
                                 help="Show the version and exit."),
) -> None:
    """Samenspel: see how an inter-organisational collaboration is doing and what to do about it."""

# Modules that add commands; each has register(app).
COMMAND_MODULES: tuple[str, ...] = (
    "samenspel.cli.kb",
    "samenspel.cli.instrument",
    "samenspel.cli.responses",
    "samenspel.cli.surveytools",
    "samenspel.cli.analyse",
    "samenspel.cli.network",
    "samenspel.cli.report",
    "samenspel.cli.serve",
    "samenspel.cli.norms",
)

for _name in COMMAND_MODULES:
    try:
        _module = importlib.import_module(_name)
    except ModuleNotFoundError as exc:  # a command group not built yet
        if exc.name != _name:
            raise
        continue
    _module.register(app)


def main() -> None:
    """Entry point: run the app and turn user errors into a message and exit code 2."""
    try:
        app()
    except SamenspelError as exc:
        from samenspel.cli.common import show_error

        show_error(exc)
        leave(exc.exit_code)
    except SystemExit as exc:  # how typer ends every command
        leave(exc.code)
    leave(0)


def leave(code: object) -> NoReturn:
    """End the process as ``sys.exit(code)`` would, without freeing every object one by one.

    After an analysis the heap holds 100,000s of answers; tearing it down took 50-85 ms of
    a one-second command. Exit handlers still run and the output streams are flushed; only
    the interpreter's final clean-up is skipped (mypy's ``hard_exit`` does the same). Only the
    program's entry point does this: tests call the app itself.
    """
    if code is None:
        status = 0
    elif isinstance(code, int):
        status = code
    else:  # sys.exit("message") prints the message and exits 1
        print(code, file=sys.stderr)
        status = 1
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe (| head) or stream: nothing more to say
            pass
    os._exit(status)
