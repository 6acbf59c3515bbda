"""The questionnaire as a printable Markdown form, in one language.

For alliances that prefer paper, or a workshop where people fill in the
questionnaire on the spot. Every item shows its id, so answers can be typed
into the response CSV (FORMATS.md §2) afterwards. Likert items share one
table per run of items; relation items become a grid with a row per partner.
"""

from __future__ import annotations

from collections.abc import Iterator

from samenspel.i18n import Text, check_language
from samenspel.instrument.model import Instrument, Item

BOX = "☐"
PARTNER_ROWS = 6  # empty rows in the relation grid, one per other partner
ANSWER_LINES = 3  # dotted lines under an open question
LINE = "." * 72

UI: dict[str, Text] = {
    "minutes": Text("Invultijd: ongeveer {n} minuten", "Time to fill in: about {n} minutes"),
    "version": Text("versie {v}", "version {v}"),
    "pulse": Text("korte versie (pulsmeting)", "short version (pulse survey)"),
    "how": Text(
        "Zet per vraag één kruisje in het vakje dat het best past; in een lijst mag je meer aankruisen. "
        "Laat een vraag leeg als je het "
        "antwoord niet weet. De code achter elke vraag is voor het verwerken van de antwoorden.",
        "Tick one box per question, the one that fits best; in a list you may tick several. "
        "Leave a question empty if you don't know "
        "the answer. The code after each question is for processing the answers.",
    ),
    "how_v2": Text(
        "Zet per vraag één kruisje in het vakje dat het best past. Weet je het antwoord niet, of past de vraag "
        "niet bij jou, laat haar dan leeg. De code achter elke vraag is voor het verwerken van de antwoorden.",
        "Tick one box per question, the one that fits best. If you don't know the answer, or the question does "
        "not apply to you, leave it empty. The code after each question is for processing the answers.",
    ),
    "partner": Text("Mijn organisatie (partner)", "My organisation (partner)"),
    "role": Text("Mijn rol", "My role"),
    "roles": Text("☐ bestuur ☐ management ☐ medewerker ☐ anders", "☐ board ☐ management ☐ staff ☐ other"),
    "statement": Text("Uitspraak", "Statement"),
    "question": Text("Vraag", "Question"),
    "this_partner": Text("deze partner", "this partner"),
    "partner_column": Text("Andere partner", "Other partner"),
    "grid": Text(
        "Schrijf per andere partner een rij: de naam, en in elke kolom een cijfer van {lo} tot {hi}.",
        "Write one row per other partner: the name, and in each column a number from {lo} to {hi}.",
    ),
}


def to_markdown(instrument: Instrument, lang: str = "nl") -> str:
    """A printable questionnaire in ``lang`` (nl or en)."""
    lang = check_language(lang)
    out: list[str] = [f"# {instrument.title(lang)}", ""]
    meta = [UI["minutes"](lang).format(n=instrument.minutes), UI["version"](lang).format(v=instrument.version)]
    if instrument.short:
        meta.append(UI["pulse"](lang))
    how = UI["how_v2"] if instrument.modular else UI["how"]
    out += ["*" + " · ".join(meta) + "*", "", instrument.instructions(lang), "", how(lang), ""]
    out += [f"{UI['partner'](lang)}: {'_' * 30}", "", f"{UI['role'](lang)}: {UI['roles'](lang)}", ""]
    number = 1
    for index, part in enumerate(instrument.parts, start=1):
        out += [f"## {index}. {part.title(lang)}", "", part.intro(lang), ""]
        legends: set[str] = set()  # a scale legend is shown once per part
        for block in _blocks(instrument.items_in(part.id)):
            out += _render_block(block, number, lang, legends)
            out.append("")
            number += len(block)
    return "\n".join(out).rstrip() + "\n"


def _blocks(items: tuple[Item, ...]) -> Iterator[list[Item]]:
    """Runs of items that render together (same type, scale and poles)."""
    block: list[Item] = []
    for item in items:
        if block and not _same_block(block[-1], item):
            yield block
            block = []
        block.append(item)
    if block:
        yield block


def _same_block(a: Item, b: Item) -> bool:
    if a.type != b.type or a.type in ("choice", "text"):
        return False
    return (a.min, a.max, a.labels, a.poles) == (b.min, b.max, b.labels, b.poles)


def _render_block(block: list[Item], first: int, lang: str, legends: set[str]) -> list[str]:
    kind = block[0].type
    if kind in ("likert", "bipolar") or (kind == "check" and block[0].dont_know):  # 2.0: yes / no per line
        return _scale_table(block, first, lang, legends)
    if kind == "check":
        return [f"- {BOX} {n}. {_cell(it.text(lang))} `{it.id}`" for n, it in enumerate(block, start=first)]
    if kind == "relation":
        return _relation_grid(block, first, lang)
    item = block[0]
    lines = [f"**{first}.** {item.text(lang)} `{item.id}`", ""]
    if kind == "choice":
        lines += [f"- {BOX} {o.value}. {o.text(lang)}" for o in item.options]
    else:  # text
        lines += [LINE + "  "] * (ANSWER_LINES - 1) + [LINE]
    return lines


def _legend(item: Item, lang: str) -> str:
    """What the scale values mean: labels, or the two poles of a bipolar item."""
    low, high = item.min or 0, item.max or 0
    if item.poles is not None:
        return f"{low} = {item.poles[0](lang)} · {high} = {item.poles[1](lang)}"
    return " · ".join(f"{low + i} = {label(lang)}" for i, label in enumerate(item.labels))


def _scale_table(block: list[Item], first: int, lang: str, legends: set[str]) -> list[str]:
    values = range(block[0].min or 0, (block[0].max or 0) + 1)
    legend = _legend(block[0], lang)
    lines: list[str] = []
    if legend and (legend not in legends or block[0].poles is not None):
        lines += [f"**{legend}**" if block[0].poles is not None else legend, ""]
        legends.add(legend)
    head = UI["statement"](lang) if block[0].type == "likert" else UI["question"](lang)
    lines.append(f"| | {head} | " + " | ".join(str(v) for v in values) + " |")
    lines.append("|---:|---|" + "|".join(":-:" for _ in values) + "|")
    for n, it in enumerate(block, start=first):
        lines.append(f"| {n} | {_cell(it.text(lang))} `{it.id}` | " + " | ".join(BOX for _ in values) + " |")
    return lines


def _relation_grid(block: list[Item], first: int, lang: str) -> list[str]:
    partner = UI["this_partner"](lang)
    lines = [f"**{n}.** {it.text(lang).replace('{partner}', partner)} `{it.id}`  " for n, it in enumerate(block, first)]
    lines[-1] = lines[-1].rstrip()
    lines += ["", UI["grid"](lang).format(lo=block[0].min, hi=block[0].max)]
    if block[0].labels:
        lines.append(_legend(block[0], lang))
    lines.append("")
    lines.append(f"| {UI['partner_column'](lang)} | " + " | ".join(str(n) for n in range(first, first + len(block))) + " |")
    lines.append("|---|" + "|".join(":-:" for _ in block) + "|")
    lines += ["| " + "_" * 24 + " | " + " | ".join(" " for _ in block) + " |"] * PARTNER_ROWS
    return lines


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return text.replace("|", "\\|").replace("\n", " ")
