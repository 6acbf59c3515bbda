"""``samenspel network FILE``: the relationship network between the partners.

It shows the network the analysis already computed for the round (the same
privacy rule, names from the alliance context file), never a second one.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from samenspel.cli.analyse import CONFIRM_HELP, SMALL_GROUPS_FLAG

from samenspel.cli.common import fail, language, output_format, write_output
from samenspel.errors import SamenspelError

FORMATS = ("text", "json", "svg")


def instrument():  # type: ignore[no-untyped-def]
    """The questionnaire; None means each round's own version (tests replace this)."""
    return None


def register(app: typer.Typer) -> None:
    @app.command("network")
    def network(
        file: Annotated[Path, typer.Argument(help="Response file (.csv or .xlsx).")],
        dimension: Annotated[str, typer.Option("--dimension", help="trust, dependency, influence or exchange.")] = "trust",
        round_id: Annotated[str | None, typer.Option("--round", help="Round to show (default: the last).")] = None,
        fmt: Annotated[str | None, typer.Option("--format", help="text, json or svg; default from the -o extension, else text.")] = None,
        lang: Annotated[str, typer.Option("--lang", help="Language of the output: nl or en.")] = "nl",
        min_group: Annotated[int | None, typer.Option("--min-group", help="Minimum respondents before a partner's own ratings are shown (default 3, or the context file's).")] = None,
        context: Annotated[Path | None, typer.Option("--context", help="Alliance context file (default: alliance.yaml beside FILE).")] = None,
        out: Annotated[Path | None, typer.Option("-o", "--output", help="Write here instead of stdout.")] = None,
        confirm_small: Annotated[bool, typer.Option(SMALL_GROUPS_FLAG, help=CONFIRM_HELP)] = False,
    ) -> None:
        """Who trusts, depends on, sees influence in and exchanges with whom; camps, power, isolation."""
        import json

        from samenspel.cli.analyse import reading_of
        from samenspel.network import DIMENSIONS
        from samenspel.render.network import network_summary
        from samenspel.render.picture import render_svg

        try:
            lang = language(lang)
            if dimension not in DIMENSIONS:
                raise SamenspelError(f"unknown dimension '{dimension}'; choose one of {', '.join(DIMENSIONS)}")
            if fmt is not None and fmt not in FORMATS:
                raise SamenspelError(f"unknown format '{fmt}'; choose one of {', '.join(FORMATS)}")
            fmt = output_format(out, fmt, {".txt": "text", ".json": "json", ".svg": "svg"}, "text")
            reading, _, _ = reading_of(file, round_id, min_group, context, instrument(), confirm_small=confirm_small)
            net = reading.diagnosis.network
            if net is None:
                raise SamenspelError(f"{file}: no relation answers in round {reading.diagnosis.round}")
            if fmt == "json":
                doc = {"alliance": reading.diagnosis.alliance, "round": reading.diagnosis.round, "network": net.to_dict()}
                text = json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
            elif fmt == "svg":
                text = render_svg(net, dimension, lang, labels=reading.names, min_raters=reading.disclosure.min_group,
                                  quiet=reading.disclosure.hidden)
            else:
                text = network_summary(reading, dimension, lang)
            write_output(text, out)
        except SamenspelError as exc:
            fail(exc)


