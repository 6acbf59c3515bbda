"""Hostile and oversized input files are refused before they can hurt the process (issue 13, point 1).

The dangerous cases run in a child process with a hard memory cap (RLIMIT_AS)
and a time cap, so that a regression shows as a failed test, not as a killed
test runner; nothing here measures speed.
"""

from __future__ import annotations

import io
import resource
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import openpyxl
import pytest

from samenspel.errors import SamenspelError
from samenspel.responses import limits
from samenspel.responses.reader import read_responses_data

HEADER = ["alliance", "round", "respondent", "partner", "item", "value"]
MEMORY_CAP = 1536 * 1024 * 1024  # the child may use 1.5 GB of address space; the bomb wants hundreds of GB
TIME_CAP = 120


def _xlsx(cells: dict[str, object], dimension: str | None = None) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    for col, name in enumerate(HEADER, 1):
        sheet.cell(1, col, name)
    sheet.append(["a", "r1", "x", "A", "amb_01", 3])
    for ref, value in cells.items():
        sheet[ref] = value
    out = io.BytesIO()
    book.save(out)
    data = out.getvalue()
    if dimension is None:
        return data
    # rewrite the sheet's <dimension> tag so that it lies about the used range
    src = zipfile.ZipFile(io.BytesIO(data))
    rewritten = io.BytesIO()
    with zipfile.ZipFile(rewritten, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                start = body.index(b"<dimension ref=\"") + len(b"<dimension ref=\"")
                end = body.index(b"\"", start)
                body = body[:start] + dimension.encode() + body[end:]
            dst.writestr(info, body)
    return rewritten.getvalue()


def bomb() -> bytes:
    """The 1.6 KB workbook of issue 13: one cell at XFD1048576, the sheet's dimension saying A1:F2."""
    return _xlsx({"XFD1048576": "x"}, dimension="A1:F2")


def _run_capped(path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))

    return subprocess.run([sys.executable, "-m", "samenspel", *args, str(path)], capture_output=True, text=True,
                          timeout=TIME_CAP, preexec_fn=cap)


BOMB = Path(__file__).parents[1] / "fixtures" / "bad" / "bomb.xlsx"


def test_the_bomb_fixture_is_small_and_made_by_bomb():
    """tests/fixtures/bad/bomb.xlsx (used by the web tests too) is what ``bomb()`` makes."""
    data = BOMB.read_bytes()
    assert len(data) < 8 * 1024
    # compared as canonical XML: openpyxl writes empty elements differently when lxml is installed
    sheets = [zipfile.ZipFile(io.BytesIO(d)).read("xl/worksheets/sheet1.xml").decode() for d in (data, bomb())]
    assert ET.canonicalize(sheets[0]) == ET.canonicalize(sheets[1])


@pytest.mark.parametrize("command", [("validate",), ("analyse",)])
def test_xlsx_bomb_gives_exit_2_under_a_memory_cap(tmp_path: Path, command: tuple[str, ...]):
    path = tmp_path / "bomb.xlsx"
    path.write_bytes(bomb())
    result = _run_capped(path, *command)
    assert result.returncode == 2, result.stderr[-2000:]
    assert "bomb.xlsx" in result.stderr and "up to column 16,384, beyond the limit of 64 columns" in result.stderr
    assert "Traceback" not in result.stderr and "panicked" not in result.stderr


def test_stray_cell_far_below_is_refused_with_the_limit():
    with pytest.raises(SamenspelError, match=r"up to row 1,000,000 and column 26, 26,000,000 cells, beyond the limit of 6,400,000 cells.*Ctrl\+End"):
        read_responses_data(_xlsx({"Z1000000": "x"}), "far.xlsx")


def test_wide_sheet_is_refused():
    with pytest.raises(SamenspelError, match="column 702"):
        read_responses_data(_xlsx({"ZZ3": 1}), "wide.xlsx")


def test_a_lying_dimension_tag_does_not_hide_cells():
    data = _xlsx({"ZZ200000": "x"}, dimension="A1:F2")
    with pytest.raises(SamenspelError, match="up to column 702, beyond"):
        read_responses_data(data, "lying.xlsx")


def test_zip_bomb_stops_at_the_decompression_budget():
    payload = io.BytesIO()
    with zipfile.ZipFile(payload, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/sharedStrings.xml", b"<sst>" + b" " * (8 * 1024 * 1024) + b"</sst>")
    small = limits.Limits(max_xml_bytes=4 * 1024 * 1024)
    with pytest.raises(SamenspelError, match="unpacks to more than"):
        limits.check_xlsx(payload.getvalue(), "zip.xlsx", small)


def test_cells_without_a_reference_are_refused():
    data = _xlsx({})
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            body = src.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":  # 20,000 cells in row 1 with no reference
                body = body.replace(b"</row>", b"<c/>" * 20_000 + b"</row>", 1)
            dst.writestr(info, body)
    with pytest.raises(SamenspelError, match="cells without a cell reference"):
        limits.check_xlsx(out.getvalue(), "norefs.xlsx")


def test_long_sheet_within_the_limits_gives_its_real_size():
    data = _xlsx({"F150000": 1})
    assert limits.check_xlsx(data, "long.xlsx") == ()  # within the limits, and no error cells
    with pytest.raises(SamenspelError, match="up to row 150,000 and column 26"):
        limits.check_xlsx(_xlsx({"F150000": 1, "Z1": 1}), "long.xlsx", limits.Limits(max_xlsx_cells=3_000_000))


def test_ordinary_workbook_passes_the_check():
    data = _xlsx({})
    limits.check_xlsx(data, "ok.xlsx")
    assert len(read_responses_data(data, "ok.xlsx").answers) == 1


def test_oversized_csv_is_refused_by_size():
    small = limits.Limits(max_bytes=1000)
    with pytest.raises(SamenspelError, match="more than the limit of 0 MB"):
        limits.check_size(b"x" * 2000, "big.csv", small)


def test_csv_with_too_many_columns_is_refused():
    data = (",".join(HEADER + [f"c{i}" for i in range(100)]) + "\n").encode()
    with pytest.raises(SamenspelError, match="106 columns, more than the limit of 64"):
        read_responses_data(data, "wide.csv")


def test_csv_with_too_many_rows_is_refused():
    small = limits.Limits(max_rows=3)
    with pytest.raises(SamenspelError, match="5 rows, more than the limit of 3"):
        limits.check_table(5, 6, "long.csv", small)


@pytest.mark.parametrize("letters,number", [("A", 1), ("Z", 26), ("AA", 27), ("ZZ", 702), ("XFD", 16384)])
def test_column_numbers(letters: str, number: int):
    assert limits.column_number(letters) == number


@pytest.mark.parametrize("trailing", ["\n", ""])
def test_the_row_limit_counts_the_rows_below_the_header(monkeypatch, trailing: str):
    """A file of exactly the limit passes; one more row is refused and reported as that many rows."""
    monkeypatch.setattr(limits.check_table, "__defaults__", (limits.Limits(max_rows=3),))
    row = "a1,r1,p{i},A,amb_01,3"
    body = "\n".join([",".join(HEADER)] + [row.format(i=i) for i in range(3)]) + trailing
    read_responses_data(body.encode(), "three.csv")  # exactly the limit: read (the answers are valid)
    four = "\n".join([",".join(HEADER)] + [row.format(i=i) for i in range(4)]) + trailing
    with pytest.raises(SamenspelError, match="has 4 rows, more than the limit of 3"):
        read_responses_data(four.encode(), "four.csv")
