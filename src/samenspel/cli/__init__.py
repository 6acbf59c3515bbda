"""The ``samenspel`` command line: a thin adapter over the core.

Each command group lives in its own module with a ``register(app)`` function.
Errors a user can act on (:class:`~samenspel.errors.SamenspelError`) are shown
as a message on stderr with exit code 2, never as a traceback.
"""

from __future__ import annotations

import importlib
import sys

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
        sys.exit(exc.exit_code)
