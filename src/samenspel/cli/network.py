"""``samenspel network FILE``: the relationship network between the partners."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from samenspel.cli.common import fail, language, write_output
from samenspel.errors import SamenspelError
from samenspel.i18n import Text
from samenspel.instrument.model import Instrument

if TYPE_CHECKING:  # the network package (networkx) is imported when the command runs, not at start-up
    from samenspel.network import NetworkResult

FORMATS = ("text", "json", "svg")


def instrument() -> Instrument | None:
    """The questionnaire; None means each round's own version (tests replace this)."""
    return None


def analyse_file(file: Path, round_id: str | None, min_group: int) -> tuple[str, str, NetworkResult]:
    """Read ``file`` and measure the network of one round (default: the last). Returns (alliance, round, result)."""
    from samenspel.network import build_networks, measure, relation_items
    from samenspel.responses.reader import read_responses
    from samenspel.responses.versions import per_round

    given = instrument()
    responses = read_responses(file, given)
    rounds = responses.rounds()
    if not rounds:
        raise SamenspelError(f"{file}: no answers")
    if round_id is None:
        round_id = rounds[-1]
    elif round_id not in rounds:
        raise SamenspelError(f"{file}: no round '{round_id}'; rounds in the file: {', '.join(rounds)}")
    inst = given or per_round(responses)[round_id]
    items = relation_items(inst)
    if not items:
        raise SamenspelError("the questionnaire has no relation items (relation:<dimension>)")
    chosen = responses.for_round(round_id)
    nets = build_networks(chosen.answers, items, chosen.partners(), chosen.respondents(), min_group=min_group)
    return responses.alliance, round_id, measure(nets)


def register(app: typer.Typer) -> None:
    @app.command("network")
    def network(
        file: Annotated[Path, typer.Argument(help="Response file (.csv or .xlsx).")],
        dimension: Annotated[str, typer.Option("--dimension", help="trust, dependency, influence or exchange.")] = "trust",
        round_id: Annotated[str | None, typer.Option("--round", help="Round to show (default: the last).")] = None,
        fmt: Annotated[str, typer.Option("--format", help="text, json or svg.")] = "text",
        lang: Annotated[str, typer.Option("--lang", help="Language of the output: nl or en.")] = "nl",
        min_group: Annotated[int, typer.Option("--min-group", help="Minimum respondents before a partner's own ratings are shown.")] = 3,
        out: Annotated[Path | None, typer.Option("-o", "--output", help="Write here instead of stdout.")] = None,
    ) -> None:
        """Who trusts, depends on, sees influence in and exchanges with whom; camps, power, isolation."""
        import json

        from samenspel.network import DIMENSIONS
        from samenspel.network.picture import render_svg

        try:
            lang = language(lang)
            if dimension not in DIMENSIONS:
                raise SamenspelError(f"unknown dimension '{dimension}'; choose one of {', '.join(DIMENSIONS)}")
            if fmt not in FORMATS:
                raise SamenspelError(f"unknown format '{fmt}'; choose one of {', '.join(FORMATS)}")
            alliance, round_id, result = analyse_file(file, round_id, min_group)
            if fmt == "json":
                doc = {"alliance": alliance, "round": round_id, "network": result.to_dict()}
                text = json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
            elif fmt == "svg":
                text = render_svg(result, dimension, lang)
            else:
                text = summary(result, dimension, lang, alliance, round_id)
            write_output(text, out)
        except SamenspelError as exc:
            fail(exc)


# -- the text summary ------------------------------------------------------------------------

T = {
    "title": Text("Netwerk van de partners: {alliance}, ronde {round}", "Partner network: {alliance}, round {round}"),
    "ties": Text(
        "{dimension}: {ties} van de {possible} mogelijke relaties beoordeeld (dichtheid {density}), "
        "gemiddeld {mean} op 0-100.",
        "{dimension}: {ties} of the {possible} possible relations rated (density {density}), mean {mean} on 0-100.",
    ),
    "recip": Text(
        "Wederkerigheid {recip} (gewogen {wrecip}); centralisatie {central}.",
        "Reciprocity {recip} (weighted {wrecip}); centralisation {central}.",
    ),
    "head": Text(
        "Per partner ({dimension}: ontvangen / gegeven; macht 0-100; tussenpositie 0-1)",
        "Per partner ({dimension}: received / given; power 0-100; betweenness 0-1)",
    ),
    "cols": Text("ontvangen gegeven macht tussenpositie", "received given power betweenness"),
    "hidden": Text(
        "* minder dan {n} respondenten: eigen oordelen niet getoond.",
        "* fewer than {n} respondents: own ratings not shown.",
    ),
    "groups": Text("Groepen in het vertrouwen: {groups} (modulariteit {q}).", "Trust groups: {groups} (modularity {q})."),
    "one_group": Text("Geen afzonderlijke groepen in het vertrouwen.", "No separate groups in the trust network."),
    "findings": Text("Bevindingen", "Findings"),
    "none": Text("Geen opvallende patronen.", "No notable patterns."),
}


def summary(result: NetworkResult, dimension: str, lang: str, alliance: str, round_id: str) -> str:
    """A short readable report of the network (Dutch by default)."""
    dim = result.dimensions[dimension]
    n = len(result.networks.partners)
    from samenspel.network.findings import DIMENSION_NAMES

    name = DIMENSION_NAMES[dimension].get(lang)

    def num(x: float | None, digits: int = 2) -> str:
        if x is None:
            return "-"
        s = f"{x:.{digits}f}"
        return s.replace(".", ",") if lang == "nl" else s

    lines = [
        T["title"].get(lang).format(alliance=alliance, round=round_id),
        "",
        T["ties"].get(lang).format(
            dimension=name.capitalize(),
            ties=dim.ties,
            possible=n * (n - 1),
            density=num(dim.density),
            mean=num(dim.mean_weight, 0),
        ),
        T["recip"].get(lang).format(
            recip=num(dim.reciprocity), wrecip=num(dim.weighted_reciprocity), central=num(dim.centralization)
        ),
        "",
        T["head"].get(lang).format(dimension=name),
    ]
    width = max([len(p) for p in result.partners] + [8]) + 2
    cols = T["cols"].get(lang).split()
    lines.append(" " * width + "".join(f"{c:>14}" for c in cols))
    for p, m in result.partners.items():
        mark = "*" if m.hidden else ""
        lines.append(
            f"{p + mark:<{width}}"
            + f"{num(m[f'in_{dimension}'], 0):>14}{num(m[f'out_{dimension}'], 0):>14}"
            + f"{num(m.power, 0):>14}{num(m.betweenness):>14}"
        )
    if result.networks.hidden:
        lines.append(T["hidden"].get(lang).format(n=result.networks.min_group))
    lines.append("")
    c = result.communities
    if c.split:
        groups = " | ".join(", ".join(g) for g in c.groups)
        lines.append(T["groups"].get(lang).format(groups=groups, q=num(c.modularity)))
    else:
        lines.append(T["one_group"].get(lang))
    lines += ["", T["findings"].get(lang) + ":"]
    if result.findings:
        lines += [f"- {f.text(lang)}" for f in result.findings]
    else:
        lines.append("- " + T["none"].get(lang))
    return "\n".join(lines) + "\n"
