"""Reading well-formed response files in the variants spreadsheets produce (FORMATS.md §2)."""

from __future__ import annotations

import io
from datetime import date, datetime

import pytest
from responses_testkit import HEADER
from openpyxl import Workbook

from samenspel.responses.reader import read_responses, read_responses_data


def test_semicolon_decimal_comma_bom_crlf(toy, write):
    """What Excel on a Dutch computer writes: BOM, ';', '3,0', CRLF, quoted text with ';' and a line break."""
    content = (
        "\ufeffalliance;round;respondent;partner;item;value;target;role;round_date;language\r\n"
        "zorg;2025-voorjaar;r01;Gemeente;amb_01;3,0;;Board;2025-04-14;NL\r\n"
        "zorg;2025-voorjaar;r01;Gemeente;rel_trust;4;Ziekenhuis;;2025-04-14;nl\r\n"
        'zorg;2025-voorjaar;r01;Gemeente;open_better;"Meer doen; minder ""praten""\r\nen sneller";;;;\r\n'
    )
    responses = read_responses(write("excel.csv", content.encode("utf-8")), toy)
    first, relation, text = responses.answers
    assert first.value == 3.0 and first.role == "board" and first.language == "nl"
    assert first.round_date == date(2025, 4, 14)
    assert relation.target == "Ziekenhuis" and relation.value == 4.0
    assert text.value == 'Meer doen; minder "praten"\r\nen sneller'
    assert responses.partners() == ["Gemeente", "Ziekenhuis"]


def test_decimal_comma_in_quoted_comma_file(toy, write):
    responses = read_responses(write("a.csv", HEADER + '\na,r1,x,A,amb_01,"4,0"\n'), toy)
    assert responses.answers[0].value == 4.0


def test_open_text_kept_verbatim_ids_stripped(toy, write):
    responses = read_responses(write("a.csv", HEADER + "\n a , r1 , x , A , open_better ,  twee spaties  \n"), toy)
    answer = responses.answers[0]
    assert (answer.alliance, answer.respondent, answer.item) == ("a", "x", "open_better")
    assert answer.value == "  twee spaties  "


def test_blank_lines_are_skipped(toy, write):
    responses = read_responses(write("a.csv", HEADER + "\n\na,r1,x,A,amb_01,2\n,,,,,\n"), toy)
    assert len(responses.answers) == 1


def test_rounds_ordered_by_date(toy, write):
    content = HEADER + ",round_date\na,najaar,x,A,amb_01,2,2025-10-01\na,voorjaar,x,A,amb_01,3,2025-04-01\n"
    assert read_responses(write("a.csv", content), toy).rounds() == ["voorjaar", "najaar"]


def _xlsx(rows: list[list[object]]) -> bytes:
    workbook = Workbook()
    sheet = workbook.worksheets[0]
    for row in rows:
        sheet.append(row)
    workbook.create_sheet("other").append(["ignored"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_xlsx_with_numbers_dates_and_numeric_ids(toy):
    data = _xlsx(
        [
            HEADER.split(",") + ["round_date", "target"],
            ["a", 2025, 101, "A", "amb_01", 4, datetime(2025, 4, 14), None],
            ["a", 2025, 101, "A", "rel_trust", 2.0, "2025-04-14", "B"],
            ["a", 2025, 101, "A", "mot_market", True, None, None],
            ["a", 2025, 101, "A", "open_better", "Samen, echt samen", None, None],
        ]
    )
    responses = read_responses_data(data, "sheet.xlsx", toy)
    values = [a.value for a in responses.answers]
    assert values == [4.0, 2.0, 1.0, "Samen, echt samen"]
    assert {a.respondent for a in responses.answers} == {"101"}
    assert {a.round for a in responses.answers} == {"2025"}
    assert {a.round_date for a in responses.answers} == {date(2025, 4, 14), None}


def test_xlsx_problems_use_sheet_row_numbers(toy):
    data = _xlsx([HEADER.split(","), ["a", "r1", "x", "A", "amb_01", 3], [None] * 6, ["a", "r1", "x", "A", "amb_02", 9]])
    with pytest.raises(Exception) as info:
        read_responses_data(data, "sheet.xlsx", toy)
    assert str(info.value) == "sheet.xlsx:4: value 9 is out of range for item amb_02 (1-5)"


def test_column_names_ignore_case_and_spaces_and_question_is_ignored(toy, write):
    """docs/FORMATS-NOTES.md: ' Alliance ' matches alliance; the question column is read past."""
    content = " Alliance ,ROUND,Respondent,partner,item,question,Value\na,r1,x,A,amb_01,Hoe zit het?,4\n"
    answer = read_responses(write("a.csv", content), toy).answers[0]
    assert (answer.alliance, answer.round, answer.value) == ("a", "r1", 4.0)


# -- the plain CSV path ------------------------------------------------------
# A text without quotes, carriage returns or NULs is split at line breaks and delimiters
# instead of going through the csv module (twice as fast on a large file). These check that
# it reads exactly what the csv module reads, blank lines and odd whitespace included.

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from samenspel.responses import reader as reader_module  # noqa: E402

_CSV_CHARS = st.sampled_from(["a", "1", "é", ",", ";", " ", "\t", "\n", "\n", "\r\n", "\r", "\u2028", "\x1c",
                              "\x0b", "\xa0"])


def _through_csv(data: bytes, name: str, monkeypatch: pytest.MonkeyPatch):
    with monkeypatch.context() as m:
        m.setattr(reader_module, "_plain_lines", lambda text: None)
        return reader_module._csv_rows(data, name)


@settings(max_examples=400, deadline=None)
@given(body=st.lists(_CSV_CHARS, max_size=80).map("".join))
def test_the_plain_path_reads_what_the_csv_module_reads(body: str) -> None:
    data = ("alliance,round,respondent\n" + body).encode()
    with pytest.MonkeyPatch.context() as monkeypatch:
        try:
            want = _through_csv(data, "x.csv", monkeypatch)
        except Exception as exc:  # the same refusal, e.g. an empty file
            with pytest.raises(type(exc)):
                reader_module._csv_rows(data, "x.csv")
            return
    for lazy in (False, True):
        got = reader_module._csv_rows(data, "x.csv", lazy=lazy)
        assert list(got[0]) == list(want[0])
        assert [(line, list(cells)) for line, cells in got[1]] == [(line, list(cells)) for line, cells in want[1]]


@pytest.mark.parametrize("text", [
    "alliance,round\n\n a , b \n",  # an empty line in the middle
    "alliance,round\n , \nx,y\n",  # a line of only whitespace and delimiters
    "alliance,round\nx,y\n\n\n",  # blank lines at the end
    "\n\nalliance,round\nx,y\n",  # blank lines before the header
    "alliance;round\nx;y\n;;\n",  # semicolons
    "alliance,round\nx,y",  # no final line break
    "alliance;round\r\nx;y\r\n;;\r\n",  # Excel's CRLF line ends
])
def test_the_plain_path_handles_blank_lines_as_csv_does(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    data = text.encode()
    try:
        want = _through_csv(data, "x.csv", monkeypatch)
    except Exception as exc:
        with pytest.raises(type(exc), match=str(exc).split(":")[-1].strip()[:20]):
            reader_module._csv_rows(data, "x.csv")
        return
    assert reader_module._plain_lines(data.decode()) is not None
    assert reader_module._csv_rows(data, "x.csv") == want
    header, rows = reader_module._csv_rows(data, "x.csv", lazy=True)
    assert (header, list(rows)) == want


def test_quotes_or_lone_carriage_returns_take_the_csv_module(monkeypatch: pytest.MonkeyPatch) -> None:
    assert reader_module._plain_lines('a,b\n"x",y\n') is None
    assert reader_module._plain_lines("a,b\rx,y\r") is None
    assert reader_module._plain_lines("a,b\r\nx\r\r\ny\r\n") is None  # a lone CR before a CRLF: a line end to csv
    assert reader_module._plain_lines("a,b\r\nx,y\r\n") == ["a,b", "x,y"]  # Excel's CRLF: the plain path
    assert reader_module._plain_lines("a,b\nx" + "y" * 200_000 + ",z\n") is None  # past csv's field limit


def test_split_lines_is_a_sequence_of_numbered_rows() -> None:
    rows = reader_module.SplitLines(["h1,h2", "a,b", "c", "d,e,f"], ",")
    assert len(rows) == 3
    assert list(rows) == [(2, ["a", "b"]), (3, ["c"]), (4, ["d", "e", "f"])]
    assert rows[0] == (2, ["a", "b"]) and rows[-1] == (4, ["d", "e", "f"])
    assert rows[1:] == [(3, ["c"]), (4, ["d", "e", "f"])]
    with pytest.raises(IndexError):
        rows[3]
    with pytest.raises(IndexError):
        list(rows.pairs(0, 1))  # row "c" has one cell
    assert list(reader_module.SplitLines(["h", "a,b,c,d"], ",").pairs(1, 2)) == [("b", "c")]


def test_a_large_plain_file_reads_the_same_answers_lazily_and_through_csv(toy, write, monkeypatch) -> None:
    """The whole read (versions, answers, problems) is the same whichever way the rows come."""
    lines = [HEADER] + [f"a,r1,p{i:03d},A,amb_01,{1 + i % 5}" for i in range(300)] + ["a,r1,x,A,amb_01,9", "a,r1,y,A,nope,3"]
    path = write("big.csv", "\n".join(lines) + "\n")
    from samenspel.errors import InputError

    def problems() -> list[tuple[int | None, str]]:
        with pytest.raises(InputError) as info:
            read_responses(path, toy)
        return [(p.line, p.message) for p in info.value.problems]

    lazy = problems()
    monkeypatch.setattr(reader_module, "_plain_lines", lambda text: None)
    assert problems() == lazy and len(lazy) == 2
