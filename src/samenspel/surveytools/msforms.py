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
from samenspel.i18n import Text
from samenspel.responses import limits
from samenspel.responses.validation import as_text
from samenspel.surveytools.layout import Layout, Question
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


# -- the questionnaire as a Word document for Forms' Quick Import ----------------------------
def forms_questions(layout: Layout) -> list[tuple[Question, Text, tuple[Text, ...]]]:
    """Every Forms question: (layout question, title, option texts); grids become one question per row."""
    out: list[tuple[Question, Text, tuple[Text, ...]]] = []
    for question in layout.questions():
        if question.kind in ("grid", "relation"):
            for cell in question.cells:
                out.append((question, cell.text, tuple(c.label for c in question.choices)))
        elif question.kind == "checks":
            out.append((question, question.text, tuple(c.label for c in question.cells)))
        else:
            out.append((question, question.text, tuple(c.label for c in question.choices)))
    return out


def to_docx(layout: Layout, lang: str = "nl") -> bytes:
    """A Word document that Forms' Quick Import turns into the questionnaire, in one language.

    Each question is a numbered paragraph with its options as bullets below
    it; a part of the questionnaire starts with a heading. The question titles
    are exactly the texts the importer later matches against the Excel headings.
    """
    from docx import Document

    instrument = layout.instrument
    document = Document()
    document.core_properties.title = instrument.title(lang)
    document.core_properties.author = "Samenspel"
    document.add_heading(instrument.title(lang), level=0)
    document.add_paragraph(instrument.instructions(lang))
    bullet = document.styles["List Bullet"].style_id  # set by id: python-docx scans all styles per lookup
    number = 0
    part_of = {id(q): g.part for g in layout.groups for q in g.questions}
    current = None
    for question, title, options in forms_questions(layout):
        part = part_of[id(question)]
        if part is not current:
            document.add_heading(part.title(lang), level=1)
            current = part
        number += 1
        paragraph = document.add_paragraph()
        paragraph.add_run(f"{number}. {title(lang)}").bold = True
        for option in options:
            document.add_paragraph(option(lang))._p.get_or_add_pPr().style = bullet
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


INSTRUCTIONS = Text(
    """# {title}: in Microsoft Forms zetten

1. Open Microsoft Forms (forms.office.com) en kies **Snel importeren** (Quick import).
2. Kies **Uploaden vanaf dit apparaat** en selecteer `{name}`; kies **Enquête** (Survey), niet Quiz.
3. Controleer na het importeren:
   - de vragen met *meer antwoorden mogelijk* ({checks}): zet **Meerdere antwoorden** aan;
   - de open vragen ({texts}): zet **Lang antwoord** aan;
   - wijzig de titels van vragen en antwoorden niet: Samenspel herkent de antwoorden aan die teksten.
4. Laat geen vraag verplicht zijn; wie iets niet weet, kiest "weet ik niet" of slaat de vraag over.
5. Verzamel de antwoorden en kies daarna **Antwoorden > Resultaten openen in Excel**.
6. Importeer dat Excel-bestand in Samenspel: `samenspel import bestand.xlsx --from msforms --partners "{partners}" --alliance ... --round ... -o antwoorden.csv`, of via **Importeren** op de pagina van de ronde.
""",
    """# {title}: putting it into Microsoft Forms

1. Open Microsoft Forms (forms.office.com) and choose **Quick import**.
2. Choose **Upload from this device**, select `{name}` and choose **Survey**, not Quiz.
3. After the import, check:
   - the questions where several answers are allowed ({checks}): switch on **Multiple answers**;
   - the open questions ({texts}): switch on **Long answer**;
   - do not change the titles of questions and options: Samenspel recognises the answers by those texts.
4. Make no question required; people who do not know choose "don't know" or skip the question.
5. Collect the responses, then choose **Responses > Open results in Excel**.
6. Import that Excel file into Samenspel: `samenspel import file.xlsx --from msforms --partners "{partners}" --alliance ... --round ... -o responses.csv`, or with **Import** on the round's page.
""",
)


def forms_instructions(layout: Layout, docx_name: str, lang: str = "nl") -> str:
    """Step-by-step instructions that go with the Word document."""
    questions = forms_questions(layout)
    numbers = {kind: [str(n) for n, (q, _, _) in enumerate(questions, start=1) if q.kind == kind]
               for kind in ("checks", "text")}
    return INSTRUCTIONS(lang).format(title=layout.instrument.title(lang), name=docx_name,
                                     checks=", ".join(numbers["checks"]) or "-",
                                     texts=", ".join(numbers["text"]) or "-",
                                     partners=",".join(layout.partners))
