"""Every kind of bad response file gives exit code 2 and names file, line and reason (FORMATS.md §2)."""

from __future__ import annotations

from pathlib import Path

import pytest
from responses_testkit import FIXTURES, HEADER

from samenspel.errors import InputError
from samenspel.responses.reader import read_responses

OK = "a,r1,x,A,amb_01,3"  # a valid row of the toy questionnaire

# (case id, header, data rows, line of the problem, part of the message)
CASES: list[tuple[str, str, list[str], int | None, str]] = [
    ("missing column", "alliance,round,respondent,partner,item", ["a,r1,x,A,amb_01"], 1, "missing column value"),
    ("missing columns", "alliance,round,item,value", ["a,r1,amb_01,3"], 1, "missing columns respondent, partner"),
    ("unknown column", HEADER + ",colour", [OK + ",blue"], 1, "unknown column 'colour'"),
    ("misspelt column", HEADER + ",rol", [OK + ",board"], 1, "unknown column 'rol' (did you mean 'role'?)"),
    ("column twice", HEADER + ",value", [OK + ",3"], 1, "column 'value' appears twice"),
    ("empty file", "", [], None, "the file is empty"),
    ("header only", HEADER, [], None, "has a header but no answers"),
    ("empty alliance", HEADER, [OK, ",r1,y,A,amb_01,3"], 3, "empty alliance"),
    ("empty round", HEADER, [OK, "a,,y,A,amb_01,3"], 3, "empty round"),
    ("empty respondent", HEADER, [OK, "a,r1,,A,amb_01,3"], 3, "empty respondent"),
    ("empty partner", HEADER, [OK, "a,r1,y,,amb_01,3"], 3, "empty partner"),
    ("empty item", HEADER, [OK, "a,r1,y,A,,3"], 3, "empty item"),
    ("unknown item", HEADER, [OK, "a,r1,x,A,amb_99,3"], 3, "unknown item 'amb_99'"),
    ("not a number", HEADER, ["a,r1,x,A,amb_01,veel"], 2, "value 'veel' is not a number; item amb_01 expects 1-5"),
    ("out of range", HEADER, [OK, "a,r1,x,A,amb_02,7"], 3, "value 7 is out of range for item amb_02 (1-5)"),
    ("zero on likert", HEADER, ["a,r1,x,A,amb_02,0"], 2, "value 0 is out of range for item amb_02 (1-5)"),
    ("bipolar out of range", HEADER, ["a,r1,x,A,par_open_closed_now,8"], 2, "out of range for item par_open_closed_now (1-7)"),
    ("not whole", HEADER, ["a,r1,x,A,amb_02,2.5"], 2, "value 2.5 is not a whole number; item amb_02 expects 1-5"),
    ("not an option", HEADER, ["a,r1,x,A,phase,5"], 2, "value 5 is not an option of item phase (one of 1, 2, 3, 4)"),
    ("check not 0/1", HEADER, ["a,r1,x,A,mot_market,2"], 2, "value 2 is not allowed for item mot_market (0 or 1)"),
    ("relation without target", HEADER + ",target", ["a,r1,x,A,rel_trust,4,"], 2, "item rel_trust rates another partner; fill in the target"),
    ("target on non-relation", HEADER + ",target", ["a,r1,x,A,amb_01,4,B"], 2, "target 'B' given for item amb_01, which is not a relation item"),
    ("target is own partner", HEADER + ",target", ["a,r1,x,A,rel_trust,4,A"], 2, "target 'A' is the respondent's own partner"),
    ("duplicate", HEADER, [OK, "a,r1,y,A,amb_01,3", "a,r1,x,A,amb_01,4"], 4, "duplicate answer of respondent x to item amb_01 in round r1 (first at line 2)"),
    ("duplicate relation", HEADER + ",target", ["a,r1,x,A,rel_trust,4,B", "a,r1,x,A,rel_trust,2,B"], 3, "to item rel_trust, target B in round r1"),
    ("two partners", HEADER, [OK, "a,r1,x,B,amb_02,3"], 3, "respondent x belongs to partner 'B' here but to 'A' at line 2 in round r1"),
    ("two alliances", HEADER, [OK, "b,r1,y,A,amb_01,3"], 3, "second alliance 'b' (line 2 has 'a')"),
    ("unknown role", HEADER + ",role", [OK + ",chair"], 2, "unknown role 'chair'; allowed roles are board, manager, staff, other"),
    ("invalid date", HEADER + ",round_date", [OK + ",15-04-2025"], 2, "invalid round_date '15-04-2025'; write a date as YYYY-MM-DD"),
    ("impossible date", HEADER + ",round_date", [OK + ",2025-02-30"], 2, "invalid round_date '2025-02-30'"),
    ("unknown language", HEADER + ",language", [OK + ",de"], 2, "unknown language 'de'; allowed languages are nl, en"),
    ("round with two dates", HEADER + ",round_date", [OK + ",2025-04-01", "a,r1,y,A,amb_01,3,2025-04-02"], 3, "round r1 has round_date 2025-04-02 here but 2025-04-01 at line 2"),
    ("value without column name", HEADER + ",", [OK + ",oops"], 2, "value 'oops' in column 7, which has no name"),
]


def _content(header: str, rows: list[str]) -> str:
    return "\n".join([header, *rows]) + "\n" if header else ""


@pytest.mark.parametrize(("header", "rows", "line", "reason"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_file_exits_2_naming_file_line_and_reason(cli, write, header, rows, line, reason):
    path = write("answers.csv", _content(header, rows))
    result = cli("validate", path)
    assert result.exit_code == 2
    where = f"{path}:{line}: " if line is not None else f"{path}: "
    assert f"{where}" in result.stderr
    assert reason in result.stderr
    assert any(ln.startswith(where) and reason in ln for ln in result.stderr.splitlines())
    assert "Traceback" not in result.output


@pytest.mark.parametrize(("header", "rows", "line", "reason"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_file_returns_nothing(toy, write, header, rows, line, reason):
    """All-or-nothing: a file with any problem raises and yields no answers."""
    path = write("answers.csv", _content(header, rows))
    with pytest.raises(InputError) as info:
        read_responses(path, toy)
    assert any(p.line == line and reason in p.message and p.file == str(path) for p in info.value.problems)


def test_every_problem_is_listed(cli):
    """A file with five different problems lists all five, in file order (fixture several_problems.csv)."""
    path = FIXTURES / "several_problems.csv"
    result = cli("validate", path)
    assert result.exit_code == 2
    lines = [ln for ln in result.stderr.splitlines() if ln.startswith(str(path))]
    assert [ln.split(":")[1] for ln in lines] == ["3", "4", "5", "6", "7"]
    assert "5 problems; nothing was read" in result.stderr


def test_repeated_conflict_is_reported_once(toy, write):
    """A second alliance on many rows is one problem, not one per row."""
    rows = [OK] + [f"b,r1,y,A,amb_0{i},3" for i in range(1, 5)]
    with pytest.raises(InputError) as info:
        read_responses(write("a.csv", _content(HEADER, rows)), toy)
    assert len(info.value.problems) == 1


def test_not_utf8(cli):
    path = FIXTURES / "latin1.csv"
    result = cli("validate", path)
    assert result.exit_code == 2
    assert f"{path}:3: the file is not UTF-8 text (byte 0xEB); save it as 'CSV UTF-8'" in result.stderr


def test_line_numbers_count_physical_lines_of_multiline_texts(toy, write):
    """A quoted open answer spanning three lines shifts the next row to line 5."""
    content = HEADER + '\na,r1,x,A,open_better,"een\ntwee\ndrie"\na,r1,x,A,amb_01,9\n'
    with pytest.raises(InputError) as info:
        read_responses(write("a.csv", content), toy)
    assert [p.line for p in info.value.problems] == [5]


def test_empty_value_is_missing_not_zero(toy, write):
    responses = read_responses(write("a.csv", HEADER + "\na,r1,x,A,amb_01,\na,r1,x,A,mot_market,\n"), toy)
    assert [a.value for a in responses.answers] == [None, None]


@pytest.mark.parametrize("name", ["answers.ods", "answers.json", "answers"])
def test_unsupported_extension(cli, write, name):
    path = write(name, HEADER + "\n" + OK + "\n")
    result = cli("validate", path)
    assert result.exit_code == 2
    assert "unsupported file type" in result.stderr and "use a .csv or .xlsx file" in result.stderr


def test_missing_file(cli, tmp_path: Path):
    result = cli("validate", tmp_path / "nope.csv")
    assert result.exit_code == 2
    assert f"{tmp_path / 'nope.csv'}: file not found" in result.stderr


def test_broken_xlsx(cli, write):
    result = cli("validate", write("broken.xlsx", b"this is not a zip file"))
    assert result.exit_code == 2
    assert "cannot read this file as an Excel workbook" in result.stderr
