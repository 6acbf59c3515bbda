"""Read a response file (CSV or XLSX, FORMATS.md §2) into a validated ResponseSet.

Only decoding happens here: bytes become rows of cells with their line
numbers. What the rows mean, and everything that can be wrong with them, is
decided in :mod:`samenspel.responses.validation`.

CSV is accepted the way spreadsheets on Dutch computers tend to save it:
UTF-8 with or without BOM, comma or semicolon as delimiter (guessed from the
header), decimal commas, quoted fields with line breaks, CRLF line endings.
"""

from __future__ import annotations

import csv
import gc
import io
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from itertools import compress, count, islice
from operator import itemgetter, methodcaller
from pathlib import Path
from typing import Any, overload

from python_calamine import CalamineError, CalamineWorkbook

from samenspel.errors import InputError, Problem, SamenspelError
from samenspel.instrument.model import Instrument
from samenspel.responses import limits
from samenspel.responses.model import ResponseSet
from samenspel.responses.validation import Cell, as_text, build_responses_from_lines

Line = tuple[int, Sequence[Cell]]  # a data row: its line in the file and its cells

CSV_SUFFIXES: tuple[str, ...] = (".csv", ".txt")
XLSX_SUFFIXES: tuple[str, ...] = (".xlsx", ".xlsm")


def read_responses(path: str | Path, instrument: Instrument | None = None) -> ResponseSet:
    """Read and validate a CSV or XLSX response file; raise InputError with every problem found.

    Without ``instrument`` each round is checked against the questionnaire version it
    was answered with (column ``instrument``, else its item ids: ``responses.versions``).
    """
    path = Path(path)
    _check_suffix(path.name)
    return read_responses_data(file_bytes(path, "a response file"), str(path), instrument)


def file_bytes(path: Path, what: str) -> bytes:
    """The contents of an input file, or a clear error naming the file (``what``: "a response file")."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise SamenspelError(f"{path}: file not found") from None
    except IsADirectoryError:
        raise SamenspelError(f"{path}: is a directory, not {what}") from None
    except OSError as exc:
        raise SamenspelError(f"{path}: cannot read the file ({exc.strerror})") from None


def read_responses_data(data: bytes, name: str, instrument: Instrument | None = None) -> ResponseSet:
    """Like :func:`read_responses` for file contents already in memory (e.g. a web upload named ``name``)."""
    suffix = _check_suffix(name)
    limits.check_size(data, name)
    with _collector_paused():
        if suffix in XLSX_SUFFIXES:
            header, rows = _xlsx_rows(data, name)
        else:
            header, rows = _csv_rows(data, name, lazy=True)
        responses = build_responses_from_lines(header, rows, instrument, name)
        del rows  # freed before the collector is back, so it does not scan them
    return responses


def read_table(data: bytes, name: str) -> tuple[list[Cell], list[Line]]:
    """A small CSV or XLSX table (header, numbered rows) within the same input limits as a response file.

    For other uploads people make, such as the facilitator's list of contacts; the
    caller gives meaning to the columns. Raises :class:`InputError`/:class:`SamenspelError`.
    """
    suffix = _check_suffix(name)
    limits.check_size(data, name)
    return _xlsx_rows(data, name) if suffix in XLSX_SUFFIXES else _csv_rows(data, name)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a file becomes answers.

    Reading makes hundreds of thousands of small objects and no reference cycles; with the
    collector on, CPython 3.11 scans the growing heap again and again, which took more time
    than the reading itself (measured with benchmarks/import_bench.py).
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _check_suffix(name: str) -> str:
    suffix = Path(name).suffix.lower()
    if suffix not in CSV_SUFFIXES + XLSX_SUFFIXES:
        shown = f"'{suffix}'" if suffix else "without extension"
        raise SamenspelError(f"{name}: unsupported file type {shown}; use a .csv or .xlsx file")
    return suffix


def _empty(name: str) -> InputError:
    return InputError([Problem(name, None, "the file is empty; expected a header with alliance,round,respondent,partner,item,value")])


def _csv_rows(data: bytes, name: str, lazy: bool = False) -> tuple[list[Cell], Sequence[Line]]:
    """The header and the numbered non-blank rows of a CSV file.

    With ``lazy``, a plain text (:func:`_plain_lines`) without blank lines gives its rows as
    :class:`SplitLines`, split one at a time as they are read: a large file then never holds
    every row's cells at once (a third less memory for the bench file, and time with it).
    """
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(
            [Problem(name, line, f"the file is not UTF-8 text (byte 0x{data[exc.start]:02X}); save it as 'CSV UTF-8'")]
        ) from None
    if not text.strip():
        raise _empty(name)
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    # rows below the header (quoted line breaks make this an upper bound, which is what a limit needs)
    limits.check_table(text.count("\n") - text.endswith("\n"), first_line.count(delimiter) + 1, name)
    starts: Sequence[int]  # the line each record starts on
    lines = _plain_lines(text)
    records: list[list[str]]
    if lines is not None:
        if not _has_blank_line(_lf(text), delimiter):  # so the header is on line 1 and every line is a row
            split = SplitLines(lines, delimiter)
            return lines[0].split(delimiter), (split if lazy else list(split))
        # csv reads an empty line as no cells at all
        records = [line.split(delimiter) if line else [] for line in lines]
        starts = range(1, len(records) + 1)
    else:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        try:
            records = list(reader)
        except csv.Error as exc:
            raise InputError([Problem(name, reader.line_num, f"cannot read this line as CSV ({exc})")]) from None
        if reader.line_num == len(records):  # one record per line: no quoted line breaks
            starts = range(1, len(records) + 1)
        else:
            numbered = list(_numbered(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)))
            starts, records = [line for line, _ in numbered], [cells for _, cells in numbered]
    # Skip blank lines before the header as spreadsheets sometimes write them.
    first = next((i for i, cells in enumerate(records) if any(c.strip() for c in cells)), None)
    if first is None:
        raise _empty(name)
    if starts[first] != 1:
        raise InputError([Problem(name, starts[first], "the header must be on the first line")])
    body = islice(records, 1, None)
    not_blank = map(str.strip, map("".join, islice(records, 1, None)))  # C loops: cheap for 100,000s of rows
    rows = list(compress(zip(starts[1:], body), not_blank))
    return list(records[0]), rows


def _lf(text: str) -> str:
    """The text with Windows line ends (CRLF) as LF (once: ``"\\r\\r\\n"`` keeps a lone CR)."""
    return text.replace("\r\n", "\n") if "\r" in text else text


def _plain_lines(text: str) -> list[str] | None:
    """The lines of a CSV text without quotes, lone carriage returns, NULs or very long lines; else None.

    Such a text (what Samenspel and most survey tools write, and Excel's "CSV UTF-8" with its
    CRLF line ends) means exactly its lines split at the delimiter, as :mod:`csv` would read it,
    and splitting is about twice as fast as the csv parser on a large file. Anything else goes
    through :mod:`csv`, which also words its errors.
    """
    if '"' in text or "\0" in text:
        return None
    text = _lf(text)
    if "\r" in text:  # a carriage return on its own: csv reads it as a line end, split("\n") would not
        return None
    lines = text.split("\n")
    if lines[-1] == "":
        lines.pop()  # the final line break ends the last record; it does not start one
    if max(map(len, lines), default=0) > csv.field_size_limit():
        return None  # let csv refuse an overlong field with its own message
    return lines


class SplitLines(Sequence[Line]):
    """The rows below the header of a plain CSV text as (line, cells), each split when it is read.

    Reading a file goes over its rows twice (the questionnaire version, then the answers);
    splitting again costs less than keeping a million cells alive between the two.
    """

    def __init__(self, lines: list[str], delimiter: str) -> None:
        self._lines = lines  # line 1 is the header
        self._split = methodcaller("split", delimiter)
        self._delimiter = delimiter

    def __len__(self) -> int:
        return len(self._lines) - 1

    def __iter__(self) -> Iterator[Line]:
        return zip(count(2), map(self._split, islice(self._lines, 1, None)))

    @overload
    def __getitem__(self, index: int) -> Line: ...
    @overload
    def __getitem__(self, index: slice) -> list[Line]: ...
    def __getitem__(self, index: int | slice) -> Line | list[Line]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        return index + 2, self._split(self._lines[index + 1])

    def pairs(self, a: int, b: int) -> Iterator[tuple[str, str]]:
        """Cells ``a`` and ``b`` of every row, splitting no further than needed (IndexError on a short row)."""
        return map(itemgetter(a, b), map(methodcaller("split", self._delimiter, max(a, b) + 1),
                                        islice(self._lines, 1, None)))


def _has_blank_line(text: str, delimiter: str) -> bool:
    """Whether a text without carriage returns has a line of only whitespace and delimiters.

    One regular-expression scan of the text instead of joining and stripping every row.
    """
    gap = f"(?:[^\\S\\n]|{re.escape(delimiter)})*"
    text = text.removesuffix("\n")
    return re.match(f"{gap}(?:\\n|\\Z)", text) is not None or re.search(f"\\n{gap}(?:\\n|\\Z)", text) is not None


def _numbered(reader: Any) -> Iterator[tuple[int, list[str]]]:
    """Records with the line they start on (a quoted field may span several lines)."""
    end = 0
    for record in reader:
        yield end + 1, record
        end = reader.line_num


def _xlsx_rows(data: bytes, name: str) -> tuple[list[Cell], list[Line]]:
    errors = limits.check_xlsx(data, name)  # before the workbook library sees the file: it trusts the sheet's range
    try:
        workbook = CalamineWorkbook.from_object(io.BytesIO(data))
        if not workbook.sheet_names:
            raise _empty(name)
        table = workbook.get_sheet_by_index(0).to_python(skip_empty_area=False)
    except (CalamineError, ValueError, OSError) as exc:  # broken zip or XML, password, not a workbook
        raise SamenspelError(f"{name}: cannot read this file as an Excel workbook ({exc})") from None
    # Empty cells stay "" (calamine's empty): validation reads "" and None alike.
    lines: list[Line] = [(line, row) for line, row in enumerate(table, 1) if _filled(row)]
    if not lines:
        raise _empty(name)
    (header_line, header), body = lines[0], lines[1:]
    if header_line != 1:
        raise InputError([Problem(name, header_line, "the header must be in the first row of the first sheet")])
    limits.check_table(len(body), len(header), name)
    if errors:  # the library reads an error cell as empty: it would pass as "don't know"
        raise InputError([
            Problem(name, e.row, f"cell {e.ref} holds the Excel error {e.code or 'value'} instead of an answer; "
                                 "correct the formula or type the answer in the cell")
            for e in errors
        ])
    return header, body


def _filled(row: Sequence[Cell]) -> bool:
    """Whether a worksheet row has anything in it; usually its first cell says so."""
    first = row[0] if row else None
    if type(first) is str and first.strip():
        return True
    return any(as_text(c).strip() for c in row)
