"""Small synthetic alliances for the network tests, built from rating rules."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from samenspel.responses.model import Answer

ITEMS = {"rel_trust": ("trust", 1.0, 5.0), "rel_dep": ("dependency", 1.0, 5.0),
         "rel_infl": ("influence", 1.0, 5.0), "rel_exch": ("exchange", 1.0, 5.0)}
ITEM_OF = {dim: item for item, (dim, _, _) in ITEMS.items()}


def answers(
    sizes: dict[str, int],
    rule: Callable[[str, str, str, int], float | None],
    dims: Sequence[str] = ("trust", "dependency", "influence", "exchange"),
) -> tuple[list[Answer], dict[str, str]]:
    """One answer per respondent, rated partner and dimension: ``rule(dim, source, target, k)``.

    ``k`` numbers the respondent within its partner; ``None`` means not answered.
    """
    out: list[Answer] = []
    who: dict[str, str] = {}
    for source, n in sizes.items():
        for k in range(n):
            resp = f"{source}-{k}"
            who[resp] = source
            for target in sizes:
                if target == source:
                    continue
                for dim in dims:
                    v = rule(dim, source, target, k)
                    out.append(Answer("x", "r1", resp, source, ITEM_OF[dim], v, target=target))
    return out, who


def relation_instrument():
    """A questionnaire with only the four relation items (1-5), so CLI tests do not need the real one."""
    from samenspel.i18n import Text
    from samenspel.instrument.model import Instrument, Item, Part

    items = tuple(
        Item(item, f"relation:{dim}", "relation", Text(f"Over {dim}", f"About {dim}"), "net", lo, hi)
        for item, (dim, lo, hi) in ITEMS.items()
    )
    part = Part("net", Text("Relaties", "Relations"), Text("Over de andere partners.", "About the other partners."))
    return Instrument("toy-network", "1", ("nl", "en"), Text("Toets", "Test"), 5, (part,), items)


def csv_text(answer_list: Sequence[Answer]) -> str:
    lines = ["alliance,round,respondent,partner,item,value,target"]
    for a in answer_list:
        value = "" if a.value is None else f"{a.value:g}"
        lines.append(f"{a.alliance},{a.round},{a.respondent},{a.partner},{a.item},{value},{a.target}")
    return "\n".join(lines) + "\n"
