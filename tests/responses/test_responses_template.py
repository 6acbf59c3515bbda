"""The XLSX answer sheet: filled in, it imports as it is; the items sheet lists every question."""

from __future__ import annotations

import io
import random

import pytest
from openpyxl import load_workbook

from samenspel.errors import SamenspelError
from samenspel.responses.reader import read_responses, read_responses_data
from samenspel.responses.template import SHEET_COLUMNS, template_bytes, write_template

PARTNERS = ["Gemeente Tiel", "Ziekenhuis", "Coöperatie"]


def _fill(data: bytes, seed: int = 1) -> tuple[bytes, dict[int, object]]:
    """Fill every value cell with a random allowed answer (or leave it empty), as a user would."""
    workbook = load_workbook(io.BytesIO(data))
    sheet = workbook["responses"]
    rng = random.Random(seed)
    col = SHEET_COLUMNS.index("value") + 1
    lists, ranges = {}, {}
    for dv in sheet.data_validations.dataValidation:
        for cells in dv.sqref.ranges:
            if cells.min_col != col:
                continue  # the role column has its own list
            for row in range(cells.min_row, cells.max_row + 1):
                if dv.type == "list":
                    lists[row] = [int(v) for v in dv.formula1.strip('"').split(",")]
                else:
                    ranges[row] = (int(dv.formula1), int(dv.formula2))
    filled = {}
    for row in range(2, sheet.max_row + 1):
        if rng.random() < 0.1:
            continue
        if row in lists:
            value: object = rng.choice(lists[row])
        elif row in ranges:
            value = rng.randint(*ranges[row])
        else:
            value = "Meer samen doen, minder praten"
        sheet.cell(row, col).value = value
        sheet.cell(row, SHEET_COLUMNS.index("role") + 1).value = "staff"
        filled[row] = value
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue(), filled


def test_filled_template_imports_without_edits(toy):
    data = template_bytes(toy, PARTNERS, 3, "nl", "zorg", "2025-voorjaar")
    filled_data, filled = _fill(data)
    responses = read_responses_data(filled_data, "filled.xlsx", toy)
    relation_items = sum(1 for it in toy.items if it.type == "relation")
    per_respondent = len(toy.items) - relation_items + relation_items * (len(PARTNERS) - 1)
    assert len(responses.answers) == 3 * len(PARTNERS) * per_respondent
    assert len(responses.respondents()) == 9
    assert responses.rounds() == ["2025-voorjaar"] and responses.alliance == "zorg"
    assert sum(a.value is not None for a in responses.answers) == len(filled)
    assert all(a.target != a.partner for a in responses.answers)
    assert {a.role for a in responses.answers if a.value is not None} == {"staff"}


def test_empty_template_imports_as_all_missing(toy, tmp_path):
    path = tmp_path / "sheet.xlsx"
    write_template(path, toy, ["A", "B"], 1, "en", "x", "1")
    responses = read_responses(path, toy)
    assert all(a.value is None for a in responses.answers)
    assert {a.language for a in responses.answers} == {"en"}


def test_questions_in_chosen_language_and_items_sheet(toy):
    workbook = load_workbook(io.BytesIO(template_bytes(toy, ["A", "B"], 1, "en", "x", "1")))
    assert workbook.sheetnames == ["responses", "items", "help"]
    sheet = workbook["responses"]
    header = [c.value for c in sheet[1]]
    assert tuple(header) == SHEET_COLUMNS
    questions = [row[header.index("question")] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert questions[0] == "Question about amb_01 (1-5)"
    assert "Question about trust about: B (1-5)" in questions
    assert "Question about fase (1 = phase 1; 2 = phase 2; 3 = phase 3; 4 = phase 4)" in questions
    items = list(workbook["items"].iter_rows(min_row=2, values_only=True))
    assert [row[0] for row in items] == [it.id for it in toy.items]


def test_value_cells_have_data_validation(toy):
    sheet = load_workbook(io.BytesIO(template_bytes(toy, ["A", "B"], 2, "nl", "x", "1")))["responses"]
    kinds = {(dv.type, dv.formula1, dv.formula2) for dv in sheet.data_validations.dataValidation}
    assert ("whole", "1", "5") in kinds and ("whole", "1", "7") in kinds
    assert ("list", '"1,2,3,4"', None) in kinds and ("list", '"0,1"', None) in kinds
    assert ("list", '"board,manager,staff,other"', None) in kinds


@pytest.mark.parametrize(
    ("partners", "respondents", "lang", "message"),
    [
        ([], 3, "nl", "give the partners"),
        (["A", "A"], 3, "nl", "only once"),
        (["A", ""], 3, "nl", "give the partners"),
        (["A", "B"], 0, "nl", "between 1 and 500"),
        (["A", "B"], 3, "de", "unknown language"),
    ],
)
def test_bad_template_requests(toy, partners, respondents, lang, message):
    with pytest.raises(SamenspelError, match=message):
        template_bytes(toy, partners, respondents, lang, "x", "1")


def test_real_questionnaire_names_the_rated_partner_and_imports():
    """With the real questionnaire: '{partner}' is replaced by the target, labels show both scale ends;
    the sheet names its questionnaire, so it imports without being told which one."""
    from samenspel.instrument import load_instrument

    instrument = load_instrument()
    data = template_bytes(instrument, ["Gemeente", "Ziekenhuis"], 1, "nl", "x", "1")
    sheet = load_workbook(io.BytesIO(data))["responses"]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    questions = [row[SHEET_COLUMNS.index("question")] for row in rows]
    assert not any("{partner}" in q for q in questions)
    trust = [row for row in rows if row[SHEET_COLUMNS.index("item")] == "rel_trust"]
    assert [row[SHEET_COLUMNS.index("target")] for row in trust] == ["Ziekenhuis", "Gemeente"]
    assert "Ziekenhuis" in trust[0][SHEET_COLUMNS.index("question")]
    assert questions[[row[6] for row in rows].index("amb_02")].endswith("(1 = helemaal oneens ... 5 = helemaal eens)")
    assert {row[SHEET_COLUMNS.index("instrument")] for row in rows} == {"samenspel-core@2.0"}
    filled, _ = _fill(data)
    assert len(read_responses_data(filled, "filled.xlsx", instrument).answers) == len(rows)
    assert len(read_responses_data(filled, "filled.xlsx").answers) == len(rows)
