"""Hostile and careless response files get a clear error or warning, never a silent wrong answer (issue 13).

Each case once passed (exit 0, or a database error in the web app): NUL and
other control characters, ids longer than the web app's columns, digits
other than 0-9, Excel error cells read as blanks, one extra column reported
on every line, and huge numbers echoed in their rounded float form.
"""

from __future__ import annotations

import io
import zipfile

import openpyxl
import pytest

from samenspel.errors import InputError
from samenspel.instrument import load_instrument
from samenspel.responses.reader import read_responses_data
from samenspel.responses.validation import MAX_ID_LENGTH

HEADER = "alliance,round,respondent,partner,item,value"


@pytest.fixture(scope="module")
def inst():
    return load_instrument(version="1.0")  # the items these cases name


def problems(content: str, inst, name: str = "in.csv") -> list[str]:
    with pytest.raises(InputError) as info:
        read_responses_data(content.encode("utf-8"), name, inst)
    return [str(p) for p in info.value.problems]


def test_nul_in_an_open_answer_is_an_error_with_line_and_item(inst):
    text_item = next(it.id for it in inst.items if it.type == "text")
    found = problems(f'{HEADER}\na,r1,x,A,amb_01,3\na,r1,x,A,{text_item},"goed\x00 zo"\n', inst)
    assert found == [f"in.csv:3: the open answer to item {text_item} contains the control character NUL (U+0000) "
                     "at position 5; remove it (it is often left by copying from another program)"]


def test_line_breaks_and_tabs_stay_allowed_in_open_answers(inst):
    text_item = next(it.id for it in inst.items if it.type == "text")
    data = f'{HEADER}\na,r1,x,A,{text_item},"een\tmet\r\ntwee regels"\n'.encode()
    assert read_responses_data(data, "ok.csv", inst).answers[0].value == "een\tmet\r\ntwee regels"


@pytest.mark.parametrize("column, cell", [("respondent", "x\x00y"), ("partner", "A\x07"), ("round", "r\x1b1")])
def test_control_characters_in_ids_are_errors(inst, column, cell):
    row = {"alliance": "a", "round": "r1", "respondent": "x", "partner": "A"} | {column: cell}
    found = problems(f"{HEADER}\n{row['alliance']},{row['round']},{row['respondent']},{row['partner']},amb_01,3\n", inst)
    assert len(found) == 1 and found[0].startswith("in.csv:2: ") and f"{column} '" in found[0]
    assert "control character" in found[0] and "\x00" not in found[0] and "\x07" not in found[0]


@pytest.mark.parametrize("column", ["respondent", "partner"])
def test_ids_longer_than_the_database_allows_are_errors(inst, column):
    limit = MAX_ID_LENGTH[column]
    ok = "x" * limit
    row = f"a,r1,{ok if column == 'respondent' else 'r'},{ok if column == 'partner' else 'A'},amb_01,3"
    assert read_responses_data(f"{HEADER}\n{row}\n".encode(), "ok.csv", inst).answers
    long = "x" * (limit + 1)
    row = f"a,r1,{long if column == 'respondent' else 'r'},{long if column == 'partner' else 'A'},amb_01,3"
    assert problems(f"{HEADER}\n{row}\n", inst) == [
        f"in.csv:2: {column} '{'x' * 20}...' is {limit + 1} characters long; a {column} id has at most {limit}"]


def test_the_web_columns_are_as_long_as_the_file_check_allows():
    from samenspel.web.alliances.models import Partner, Respondent

    assert Respondent._meta.get_field("code").max_length == MAX_ID_LENGTH["respondent"]
    assert Partner._meta.get_field("code").max_length == MAX_ID_LENGTH["partner"] == MAX_ID_LENGTH["target"]


@pytest.mark.parametrize("value", ["\uff13", "\u0663", "\u06f3", "\u0969"])  # full-width, Arabic-Indic, Persian, Devanagari 3
def test_digits_other_than_0_to_9_are_refused(inst, value):
    found = problems(f"{HEADER}\na,r1,x,A,amb_01,{value}\n", inst)
    assert len(found) == 1 and "written with digits other than 0-9" in found[0] and found[0].startswith("in.csv:2:")


@pytest.mark.parametrize("value", ["1_0", "nan", "infinity", "0x3"])
def test_what_python_reads_as_a_float_is_no_answer(inst, value):
    assert problems(f"{HEADER}\na,r1,x,A,amb_01,{value}\n", inst) == [
        f"in.csv:2: value '{value}' is not a number; item amb_01 expects 1-5"]


def test_a_huge_number_is_echoed_as_typed(inst):
    assert problems(f"{HEADER}\na,r1,x,A,amb_01,99999999999999999999999999999\n", inst) == [
        "in.csv:2: value 99999999999999999999999999999 is out of range for item amb_01 (1-5)"]


def test_an_unknown_column_is_one_error_not_one_per_row(inst):
    rows = [f"a,r1,x{i},A,amb_01,3,note" for i in range(500)]
    assert problems(f"{HEADER},comment\n" + "\n".join(rows) + "\n", inst) == [
        "in.csv:1: unknown column 'comment'; allowed columns are alliance, round, respondent, partner, item, "
        "value, role, target, round_date, language, missing, instrument"]


def test_values_beyond_the_header_are_one_error_with_a_count(inst):
    rows = [f"a,r1,x{i},A,amb_01,3,oops" for i in range(500)]
    assert problems(f"{HEADER}\n" + "\n".join(rows) + "\n", inst) == [
        "in.csv:2: value 'oops' in column 7, which has no name (and on 499 more lines)"]


def _with_error_cell(ref: str, code: str) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADER.split(","))
    sheet.append(["a", "r1", "x", "A", "amb_01", 1])
    sheet.append(["a", "r1", "x", "A", "amb_02", 3])
    out = io.BytesIO()
    book.save(out)
    src = zipfile.ZipFile(io.BytesIO(out.getvalue()))
    xml = src.read("xl/worksheets/sheet1.xml").decode()
    cell = f'<c r="{ref}" t="n"><v>1</v></c>'
    assert cell in xml
    xml = xml.replace(cell, f'<c r="{ref}" t="e"><f>SQRT(-1)</f><v>{code}</v></c>')  # as Excel saves an error
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as dst:
        for info in src.infolist():
            dst.writestr(info, xml if info.filename == "xl/worksheets/sheet1.xml" else src.read(info))
    return buffer.getvalue()


@pytest.mark.parametrize("code", ["#NUM!", "#DIV/0!", "#N/A", "#VALUE!"])
def test_an_excel_error_cell_is_an_error_naming_its_line(inst, code):
    """The spreadsheet library reads an error cell as empty: it passed as "don't know" with exit 0."""
    with pytest.raises(InputError) as info:
        read_responses_data(_with_error_cell("F2", code), "sheet.xlsx", inst)
    assert [str(p) for p in info.value.problems] == [
        f"sheet.xlsx:2: cell F2 holds the Excel error {code} instead of an answer; correct the formula or "
        "type the answer in the cell"]


@pytest.mark.parametrize("column", ["respondent", "partner", "target"])
def test_a_bad_id_is_one_problem_however_many_rows_repeat_it(inst, column):
    """A respondent's id is on every row of theirs: one problem with a count, not one per row, and no false
    "fill in the target column" after a bad target."""
    long = "x" * (MAX_ID_LENGTH[column] + 1)
    respondent = long if column == "respondent" else "r"
    partner = long if column == "partner" else "A"
    target = long if column == "target" else "B"
    items = ("rel_trust", "rel_dependency", "rel_influence")
    rows = [f"a,r1,{respondent},{partner},{item},3,,{target}" for item in items]
    found = problems("\n".join([HEADER + ",role,target", *rows]) + "\n", inst)
    assert found == [f"in.csv:2: {column} '{'x' * 20}...' is {len(long)} characters long; a {column} id has at most "
                     f"{MAX_ID_LENGTH[column]} (and on 2 more lines)"]
