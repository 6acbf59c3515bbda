"""Microsoft Forms: read its Excel export; write the questionnaire as a Word document for Quick Import.

Response workbook ("Responses > Open results in Excel", or "Download a copy"):
one sheet, row 1 the headings, one row per response. The first columns are
Forms' own, in the form owner's language: ``ID``, ``Start time``,
``Completion time``, ``Email`` (``anonymous`` for anonymous forms), ``Name``
and, in newer exports, ``Last modified time``; then one column per question,
headed by the question's title as typed. A choice question holds the chosen
option's text; a question with several answers holds the chosen texts, each
followed by a semicolon (``a;b;``). Forms has no code for "not shown": an
unanswered question is an empty cell.

Forms has no import format for a whole form. Its "Quick Import" turns a Word
or PDF document into a form: numbered questions, each followed by its
options on lines of their own. :func:`to_docx` writes such a document.
"""

from __future__ import annotations

import io
import re

from python_calamine import CalamineError, CalamineWorkbook

from samenspel.errors import SamenspelError
from samenspel.responses import limits
from samenspel.responses.validation import as_text
from samenspel.surveytools.table import WIDE_LIMITS, RawValue, ToolExport, check_wide, fail

_ID = re.compile(r"^(id|nr\.?|nummer)$", re.IGNORECASE)
_MODIFIED = re.compile(r"(modified|wijzig)", re.IGNORECASE)
FIXED_COLUMNS = 5  # ID, start, completion, e-mail, name


def looks_like(header: list[str]) -> bool:
    return bool(header) and bool(_ID.match(header[0].strip())) and len(header) > FIXED_COLUMNS


def read_msforms(data: bytes, source: str) -> ToolExport:
    """A Forms response workbook as a :class:`ToolExport`; the used range is checked before parsing."""
    limits.check_xlsx(data, source, WIDE_LIMITS)  # before the workbook library sees the file
    try:
        workbook = CalamineWorkbook.from_object(io.BytesIO(data))
        if not workbook.sheet_names:
            raise fail(source, None, "the workbook has no sheet")
        table = workbook.get_sheet_by_index(0).to_python(skip_empty_area=False)
    except (CalamineError, ValueError, OSError) as exc:
        raise SamenspelError(f"{source}: cannot read this file as an Excel workbook ({exc})") from None
    if not table:
        raise fail(source, None, "the workbook's first sheet is empty")
    header = [as_text(c).strip() for c in table[0]]
    while header and not header[-1]:
        header.pop()
    if not looks_like(header):
        raise fail(source, 1, "this is not a Microsoft Forms export: its first columns should be ID, Start time, "
                              "Completion time, Email and Name; use 'Open results in Excel' in Forms")
    check_wide(len(table) - 1, len(header), source)
    meta = set(range(FIXED_COLUMNS))
    if len(header) > FIXED_COLUMNS and _MODIFIED.search(header[FIXED_COLUMNS]):
        meta.add(FIXED_COLUMNS)
    rows: list[tuple[int, list[RawValue]]] = []
    for number, raw in enumerate(table[1:], start=2):
        cells: list[RawValue] = [as_text(c) if c is not None else "" for c in raw[: len(header)]]
        cells += [""] * (len(header) - len(cells))
        if any(as_text(c).strip() for c in raw[len(header):] if c is not None):
            raise fail(source, number, "this row has values to the right of the last heading; remove them")
        if any(str(c).strip() for c in cells):
            rows.append((number, cells))
    return ToolExport("msforms", "xlsx", source, header, rows, [], meta, 0, None, where="row")


def split_choices(cell: str) -> list[str]:
    """The options ticked in a several-answers question: ``a;b;`` -> [a, b]."""
    return [part.strip() for part in cell.split(";") if part.strip()]
