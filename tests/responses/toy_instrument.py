"""A small questionnaire built in code, so response tests do not depend on the real one.

It has at least one item of every construct kind and type of FORMATS.md §1,
including the agreed ``signal:<id>`` and ``relation:<dimension>`` items.
"""

from __future__ import annotations

from samenspel.i18n import Text
from samenspel.instrument.model import Instrument, Item, Option, Part

SIGNALS = (
    "turnover", "continuity", "backing", "commitment", "results", "energy", "perspective",
    "agreements_kept", "talk_not_do", "rules_burden", "voice", "dominance", "stereotypes",
    "values_fit", "torn_loyalty",
)  # fmt: skip
RELATION_DIMENSIONS = ("trust", "dependency", "influence", "exchange")


def _t(word: str) -> Text:
    return Text(nl=f"Vraag over {word}", en=f"Question about {word}")


def _likert(item_id: str, construct: str, reverse: bool = False) -> Item:
    return Item(item_id, construct, "likert", _t(item_id), "main", 1, 5, reverse)


def toy_instrument() -> Instrument:
    items: list[Item] = []
    for domain, n in (("ambition", 4), ("interests", 3), ("relation", 3), ("organisation", 4), ("process", 3)):
        for i in range(1, n + 1):
            items.append(_likert(f"{domain[:3]}_{i:02d}", f"domain:{domain}", reverse=(i == n)))
    poles = (Text("open", "open"), Text("gesloten", "closed"))
    for aspect in ("now", "desired"):
        items.append(
            Item(f"par_open_closed_{aspect}", f"paradox:open_closed:{aspect}", "bipolar",
                 _t(aspect), "paradox", 1, 7, poles=poles)
        )  # fmt: skip
    items.append(_likert("par_open_closed_tension", "paradox:open_closed:tension"))
    items += [_likert("tru_01", "trust"), _likert("tru_02", "trust")]
    items += [_likert("for_01", "formal_overlap"), _likert("for_02", "formal_overlap")]
    items += [_likert("unc_rel", "uncertainty:relational"), _likert("unc_field", "uncertainty:field")]
    options = tuple(Option(f"p{v}", v, Text(f"fase {v}", f"phase {v}")) for v in (1, 2, 3, 4))
    items.append(Item("phase", "phase", "choice", _t("fase"), "phase", options=options))
    for motive in ("market", "cost", "knowledge"):
        items.append(Item(f"mot_{motive}", f"motive:{motive}", "check", _t(motive), "motives", 0, 1))
    items.append(Item("fail_conflict", "failure:conflict", "check", _t("conflict"), "factors", 0, 1))
    items.append(Item("succ_goals", "success:goals", "check", _t("doelen"), "factors", 0, 1))
    items += [_likert(f"sig_{s}", f"signal:{s}") for s in SIGNALS]
    items += [
        Item(f"rel_{d}", f"relation:{d}", "relation", _t(d), "network", 1, 5) for d in RELATION_DIMENSIONS
    ]
    items.append(Item("open_better", "open:better", "text", _t("beter"), "open"))
    items.append(Item("open_proud", "open:proud", "text", _t("trots"), "open"))
    parts = tuple(
        Part(p, Text(p, p), Text("", ""))
        for p in ("main", "paradox", "phase", "motives", "factors", "network", "open")
    )
    return Instrument("toy", "0.1", ("nl", "en"), Text("Proef", "Toy"), 10, parts, tuple(items))
