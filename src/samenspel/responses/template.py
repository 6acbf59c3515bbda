"""An XLSX answer sheet for collecting answers in Excel or on paper.

Not every alliance runs an online survey: a secretary may type in paper
forms, or partners fill in a spreadsheet. The sheet is the response format
itself (FORMATS.md §2), pre-filled with one row per respondent and item (and
per rated partner for relation items), so once the ``value`` column is filled
it imports with ``read_responses`` as it is. The question text sits in the
``question`` column, which the reader ignores (docs/FORMATS-NOTES.md).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from samenspel.errors import SamenspelError
from samenspel.i18n import Text, check_language
from samenspel.instrument.model import Instrument, Item
from samenspel.responses.model import ROLES

SHEET_COLUMNS: tuple[str, ...] = (
    "alliance", "round", "respondent", "partner", "role", "language", "item", "target", "question", "value",
    "instrument",
)  # fmt: skip
MAX_RESPONDENTS = 500
PARTNER_PLACEHOLDER = "{partner}"  # in the text of relation items (docs/INSTRUMENT.md)

_YES_NO = Text("1 = ja, 0 = nee", "1 = yes, 0 = no")
_YES_NO_DK = Text("1 = ja, 0 = nee, leeg = weet ik niet", "1 = yes, 0 = no, empty = don't know")
_OPEN = Text("open antwoord", "open answer")
_ABOUT = Text("over", "about")
_BAD_VALUE = Text(
    "Dit antwoord past niet bij de vraag; kijk naar de schaal in de kolom question. Leeg laten mag (weet niet).",
    "This answer does not fit the question; see the scale in the question column. Leaving it empty is fine (don't know).",
)
_BAD_ROLE = Text("Kies board, manager, staff of other, of laat leeg.", "Choose board, manager, staff or other, or leave empty.")
_ITEMS_HEADER = {
    "nl": ("item", "construct", "soort", "schaal", "vraag"),
    "en": ("item", "construct", "type", "scale", "question"),
}
_HELP = {
    "nl": (
        "Antwoordblad Samenspel",
        "Vul per rij alleen de kolom value in; laat leeg bij 'weet niet'.",
        "Vul eventueel de rol in: board, manager, staff of other.",
        "Verander de andere kolommen en de volgorde van de bladen niet.",
        "Het blad items toont alle vragen met hun schaal.",
        "Inlezen: samenspel validate dit-bestand.xlsx",
    ),
    "en": (
        "Samenspel answer sheet",
        "Per row fill in only the value column; leave it empty for 'don't know'.",
        "Optionally fill in the role: board, manager, staff or other.",
        "Do not change the other columns or the order of the sheets.",
        "The items sheet lists every question with its scale.",
        "To import: samenspel validate this-file.xlsx",
    ),
}


def respondent_ids(partners: Sequence[str], respondents_per_partner: int) -> list[tuple[str, str]]:
    """Pseudonymous ids ``R01-01``, ``R01-02``, ... per partner, as (respondent, partner) pairs."""
    return [
        (f"R{p + 1:02d}-{r + 1:02d}", partner)
        for p, partner in enumerate(partners)
        for r in range(respondents_per_partner)
    ]


def scale_hint(item: Item, lang: str, full: bool = False) -> str:
    """The answers an item takes, in words: ``1 = oneens ... 5 = eens``, ``1 = forming; 2 = ...``.

    ``full`` lists every scale label (items sheet); otherwise only both ends (next to the answer cell).
    """
    if item.type == "text":
        return _OPEN(lang)
    if item.type == "check":
        return _YES_NO_DK(lang) if item.dont_know else _YES_NO(lang)
    if item.type == "choice":
        return "; ".join(f"{o.value} = {o.text(lang)}" for o in item.options)
    if item.type == "bipolar" and item.poles is not None:
        return f"{item.min} = {item.poles[0](lang)} ... {item.max} = {item.poles[1](lang)}"
    if item.labels and item.min is not None and len(item.labels) == (item.max or 0) - item.min + 1:
        if full:
            return "; ".join(f"{item.min + i} = {label(lang)}" for i, label in enumerate(item.labels))
        return f"{item.min} = {item.labels[0](lang)} ... {item.max} = {item.labels[-1](lang)}"
    return f"{item.min}-{item.max}"


def question_text(item: Item, lang: str, target: str | None = None) -> str:
    """The question as shown next to the answer cell; relation items name the partner rated."""
    text = item.text(lang)
    if target is not None:
        text = text.replace(PARTNER_PLACEHOLDER, target) if PARTNER_PLACEHOLDER in text else f"{text} {_ABOUT(lang)}: {target}"
    return f"{text} ({scale_hint(item, lang)})"


def template_bytes(
    instrument: Instrument | None = None,
    partners: Sequence[str] = (),
    respondents_per_partner: int = 5,
    lang: str = "nl",
    alliance: str = "alliance",
    round: str = "1",
) -> bytes:
    """The answer sheet as XLSX bytes; see :func:`write_template`."""
    lang = _check(partners, respondents_per_partner, lang, alliance, round)
    if instrument is None:
        from samenspel.instrument import default_selection, questionnaire
        from samenspel.knowledge import load_knowledge

        instrument = questionnaire(default_selection(load_knowledge()))
    workbook = Workbook()
    sheet = workbook.worksheets[0]
    sheet.title = "responses"
    _fill_responses(sheet, instrument, list(partners), respondents_per_partner, lang, alliance, round)
    _fill_items(workbook.create_sheet("items"), instrument, lang)
    help_sheet = workbook.create_sheet("help")
    for line in _HELP[lang]:
        help_sheet.append([line])
    help_sheet["A1"].font = Font(bold=True)
    help_sheet.column_dimensions["A"].width = 90
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def write_template(
    path: str | Path,
    instrument: Instrument | None = None,
    partners: Sequence[str] = (),
    respondents_per_partner: int = 5,
    lang: str = "nl",
    alliance: str = "alliance",
    round: str = "1",
) -> None:
    """Write an answer sheet for ``partners`` x ``respondents_per_partner`` respondents to ``path``."""
    data = template_bytes(instrument, partners, respondents_per_partner, lang, alliance, round)
    Path(path).write_bytes(data)


def _check(partners: Sequence[str], respondents: int, lang: str, alliance: str, round: str) -> str:
    names = [p.strip() for p in partners]
    if not names or any(not p for p in names):
        raise SamenspelError("give the partners as a comma-separated list of names, e.g. --partners A,B,C")
    if len(set(names)) != len(names):
        raise SamenspelError("each partner may appear only once in --partners")
    if any(p != q for p, q in zip(names, partners, strict=True)):
        raise SamenspelError("partner names may not start or end with spaces")
    if not 1 <= respondents <= MAX_RESPONDENTS:
        raise SamenspelError(f"respondents per partner must be between 1 and {MAX_RESPONDENTS}, not {respondents}")
    if not alliance.strip() or not round.strip():
        raise SamenspelError("alliance and round ids may not be empty")
    try:
        return check_language(lang)
    except ValueError as exc:
        raise SamenspelError(str(exc)) from None


def _validation_key(item: Item) -> tuple[str, ...] | None:
    if item.type == "text":
        return None
    if item.type == "choice":
        return ("list", ",".join(str(o.value) for o in item.options))
    if item.type == "check":
        return ("list", "0,1")
    return ("whole", str(item.min), str(item.max))


def _fill_responses(
    sheet: Worksheet,
    instrument: Instrument,
    partners: list[str],
    respondents: int,
    lang: str,
    alliance: str,
    round_id: str,
) -> None:
    sheet.append(list(SHEET_COLUMNS))
    runs: dict[tuple[str, ...], list[tuple[int, int]]] = {}
    row_number = 1
    for respondent, partner in respondent_ids(partners, respondents):
        for item in instrument.items:
            targets: list[str | None] = [p for p in partners if p != partner] if item.type == "relation" else [None]
            for target in targets:
                row_number += 1
                question = question_text(item, lang, target)
                sheet.append([alliance, round_id, respondent, partner, None, lang, item.id, target, question, None,
                              instrument.key])
                key = _validation_key(item)
                if key is not None:
                    spans = runs.setdefault(key, [])
                    if spans and spans[-1][1] == row_number - 1:
                        spans[-1] = (spans[-1][0], row_number)
                    else:
                        spans.append((row_number, row_number))
    value_col = "J"
    for key, spans in runs.items():
        if key[0] == "list":
            dv = DataValidation(type="list", formula1=f'"{key[1]}"', allow_blank=True)
        else:
            dv = DataValidation(type="whole", operator="between", formula1=key[1], formula2=key[2], allow_blank=True)
        dv.error, dv.errorTitle, dv.showErrorMessage = _BAD_VALUE(lang), "Samenspel", True
        for start, end in spans:
            dv.add(f"{value_col}{start}:{value_col}{end}")
        sheet.add_data_validation(dv)
    if row_number > 1:
        role = DataValidation(type="list", formula1=f'"{",".join(ROLES)}"', allow_blank=True)
        role.error, role.errorTitle, role.showErrorMessage = _BAD_ROLE(lang), "Samenspel", True
        role.add(f"E2:E{row_number}")
        sheet.add_data_validation(role)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for column, width in zip("ABCDEFGHIJK", (22, 14, 10, 22, 10, 9, 14, 22, 80, 8, 20), strict=True):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "A2"


def _fill_items(sheet: Worksheet, instrument: Instrument, lang: str) -> None:
    sheet.append(list(_ITEMS_HEADER[lang]))
    for item in instrument.items:
        sheet.append([item.id, item.construct, item.type, scale_hint(item, lang, full=True), item.text(lang)])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for column, width in zip("ABCDE", (16, 28, 10, 40, 90), strict=True):
        sheet.column_dimensions[column].width = width
    for row in sheet.iter_rows(min_row=2, min_col=5, max_col=5):
        row[0].alignment = Alignment(wrap_text=True)
