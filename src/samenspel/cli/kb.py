"""``samenspel kb``: validate and show the knowledge base."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    kb = typer.Typer(help="The knowledge base: validate it, show an entry.", no_args_is_help=True)
    app.add_typer(kb, name="kb")

    @kb.command("validate")
    def validate() -> None:
        """Load and check the knowledge base (to be written)."""
        raise typer.Exit(1)
