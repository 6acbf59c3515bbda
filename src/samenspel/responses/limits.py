"""Hard limits on input files, checked before a file is parsed (docs/FORMATS.md, "Limits").

A response file comes from people we do not know (a web upload, an e-mail
attachment). Two kinds of file can take a server down without these checks:

* a spreadsheet whose used range is absurd: an XLSX of 1.6 KB with one cell at
  XFD1048576 makes the spreadsheet library allocate the full 16,384 x 1,048,576
  grid (hundreds of GB) and the process aborts. The sheet's ``<dimension>`` tag
  may lie, so the range is found from the cell references themselves, by
  streaming the decompressed sheet XML through a regular expression, with a cap
  on how many bytes are decompressed (a zip bomb stops at the cap);
* a file that is simply too large: its size, rows and columns are capped.

The defaults fit the largest real use we know of (a national monitor round of a
few hundred thousand answers) with room to spare; a file beyond them gets a clear
error naming the limit.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from posixpath import dirname, join, normpath

from samenspel.errors import SamenspelError

MAX_FILE_BYTES = 200 * 1024 * 1024
"""Largest response file read (CSV or XLSX as stored), 200 MB."""
MAX_ROWS = 2_000_000
"""Most data rows in a response file (one answer per row)."""
MAX_COLUMNS = 64
"""Most columns in a response file; the format has 12."""
MAX_XML_BYTES = 2 * 1024 * 1024 * 1024
"""Most bytes decompressed from all parts of an XLSX together (2 GB), which stops zip bombs."""
MAX_XLSX_CELLS = 6_400_000
"""Most cells in the used range of a worksheet (rows x columns): 500,000 answers in 12 columns.

The workbook library holds the whole range in memory, empty cells included, so a
stray cell far away costs as much as a full sheet. Larger data sets go as CSV."""

_CHUNK = 1 << 20
# A cell tag as every spreadsheet program writes it: the reference first (<c r="B7" ...>).
_CELL_AT = b'<c r="'
# Only references that can matter for the limits are captured, so an ordinary sheet (columns A-Z,
# fewer than 100,000 rows) gives no match at all and is scanned at the speed of a byte search.
_WIDE = re.compile(rb'<c r="([A-Z]{2,4})[0-9]')
_LONG = re.compile(rb'<c r="[A-Z]{1,4}([0-9]{6,9})"')
_ROW = re.compile(rb'<c r="[A-Z]{1,4}([0-9]{1,9})"')  # every row: for limits with many columns (wide exports)
_ANY_REF = re.compile(rb'<(?:\w+:)?c\b[^>]*?\br="([A-Z]{1,4})([0-9]{1,9})"')
_ANY_CELL = re.compile(rb"<(?:\w+:)?c[ >/]")
_ERROR_CELL = re.compile(rb'<(?:\w+:)?c\b([^>]*?\bt="e"[^>]*)>')
_REF = re.compile(rb'\br="([A-Z]{1,4})([0-9]{1,8})"')
_VALUE = re.compile(rb"<(?:\w+:)?v>([^<]{0,40})</")
_SHEET = re.compile(rb'<(?:\w+:)?sheet\b[^>]*?\b(?:\w+:)?id="([^"]+)"')
_REL = re.compile(rb"<(?:\w+:)?Relationship\b([^>]*)>")
_ATTR = re.compile(rb'\b(Id|Target)="([^"]*)"')


class _NoReference(Exception):
    """A worksheet cell without a reference (see :func:`_stream`)."""


@dataclass(frozen=True, slots=True)
class Limits:
    """The limits one read obeys; the defaults are the documented ones."""

    max_bytes: int = MAX_FILE_BYTES
    max_rows: int = MAX_ROWS
    max_columns: int = MAX_COLUMNS
    max_xml_bytes: int = MAX_XML_BYTES
    max_xlsx_cells: int = MAX_XLSX_CELLS


DEFAULT = Limits()


def column_number(letters: bytes | str) -> int:
    """Spreadsheet column letters to a 1-based number: A -> 1, Z -> 26, AA -> 27, XFD -> 16384."""
    n = 0
    for ch in letters.encode() if isinstance(letters, str) else letters:
        n = n * 26 + (ch - 64)
    return n


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):,.0f} MB"


def check_size(data: bytes, name: str, limits: Limits = DEFAULT) -> None:
    """Refuse a file larger than ``limits.max_bytes`` before anything else is done with it."""
    if len(data) > limits.max_bytes:
        raise SamenspelError(f"{name}: the file is {_mb(len(data))}, more than the limit of {_mb(limits.max_bytes)}; "
                             "split it into smaller files (one per round, for example)")


def check_table(n_rows: int, n_columns: int, name: str, limits: Limits = DEFAULT) -> None:
    """Refuse a table with more rows or columns than the limits allow."""
    if n_columns > limits.max_columns:
        raise SamenspelError(f"{name}: the file has {n_columns:,} columns, more than the limit of {limits.max_columns}; "
                             "a response file has one answer per row in at most 12 columns")
    if n_rows > limits.max_rows:
        raise SamenspelError(f"{name}: the file has {n_rows:,} rows, more than the limit of {limits.max_rows:,}; "
                             "split it into smaller files (one per round, for example)")


def _first_sheet(archive: zipfile.ZipFile) -> str:
    """The path inside the archive of the first worksheet (the one the reader uses)."""
    names = set(archive.namelist())
    try:
        workbook = archive.read("xl/workbook.xml") if "xl/workbook.xml" in names else b""
        rels = archive.read("xl/_rels/workbook.xml.rels") if "xl/_rels/workbook.xml.rels" in names else b""
    except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError):
        return ""
    first = _SHEET.search(workbook[:_CHUNK * 8])
    if first is not None:
        for m in _REL.finditer(rels[:_CHUNK * 8]):
            attrs = dict(_ATTR.findall(m.group(1)))
            if attrs.get(b"Id") == first.group(1) and b"Target" in attrs:
                target = attrs[b"Target"].decode("utf-8", "replace")
                return target.lstrip("/") if target.startswith("/") else normpath(join("xl", target))
    sheets = sorted(n for n in names if dirname(n) == "xl/worksheets" and n.endswith(".xml"))
    return sheets[0] if sheets else ""


@dataclass(frozen=True, slots=True)
class ErrorCell:
    """A cell of the first sheet that holds an Excel error (``#DIV/0!``, ``#NUM!``, ...) instead of a value."""

    row: int
    ref: str  # e.g. "F12"
    code: str  # e.g. "#DIV/0!"; empty when the file does not say


def check_xlsx(data: bytes, name: str, limits: Limits = DEFAULT) -> tuple[ErrorCell, ...]:
    """Refuse a workbook whose first sheet's used range, or whose decompressed size, is beyond the limits.

    Reads only the archive: the cell references of the first sheet give its real
    used range (the ``<dimension>`` tag is not trusted), and every part is
    decompressed with a running count, so a zip bomb stops at ``max_xml_bytes``.
    A file that is not a readable zip is left to the workbook reader, which
    reports it as not an Excel workbook.

    Returns the first sheet's error cells: the workbook library reads them as
    empty, which would turn a broken formula into a silent "don't know".
    """
    check_size(data, name, limits)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError):
        return ()
    errors: dict[str, ErrorCell] = {}
    # The fast scan reports rows below 100,000 as 99,999, which is safe only while that many rows of
    # max_columns stay within the cell limit; wide exports (many columns) need the exact last row.
    exact = 99_999 * limits.max_columns > limits.max_xlsx_cells
    with archive:
        sheet = _first_sheet(archive)
        budget = limits.max_xml_bytes
        max_row = max_col = 0
        for info in archive.infolist():
            if info.is_dir():
                continue
            scan = info.filename == sheet
            try:
                used, rows, cols = _stream(archive, info, budget, scan, errors, exact)
            except _NoReference:
                raise SamenspelError(f"{name}: the first sheet has cells without a cell reference, which this reader "
                                     "does not accept; open the file in a spreadsheet program and save it again as "
                                     ".xlsx, or save it as CSV") from None
            except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError, EOFError, ValueError):
                return ()  # the workbook reader reports a broken archive in its own words
            if used < 0:
                raise SamenspelError(
                    f"{name}: the workbook unpacks to more than {_mb(limits.max_xml_bytes)}, more than the limit; "
                    "this is not a normal response sheet (save it again from Excel, or export it as CSV)")
            budget -= used
            if scan:
                max_row, max_col = rows, cols
        advice = ("delete the stray cells far to the right of or below the answers (Ctrl+End in Excel shows the "
                  "last used cell) and save again, or save the answers as CSV")
        if max_col > limits.max_columns:
            raise SamenspelError(f"{name}: the first sheet uses cells up to column {max_col:,}, beyond the limit of "
                                 f"{limits.max_columns} columns; {advice}")
        if max_row > limits.max_rows + 1 or max_row * max_col > limits.max_xlsx_cells:
            raise SamenspelError(f"{name}: the first sheet uses cells up to row {max_row:,} and column {max_col:,}, "
                                 f"{max_row * max_col:,} cells, beyond the limit of {limits.max_xlsx_cells:,} cells; "
                                 f"{advice}")
    return tuple(sorted(errors.values(), key=lambda e: (e.row, column_number(e.ref.rstrip("0123456789")))))


def _stream(archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: int, scan: bool,
            errors: dict[str, ErrorCell], exact: bool = False) -> tuple[int, int, int]:
    """Decompress one part within ``budget`` bytes; with ``scan``, the largest row and column that matter
    and the error cells (into ``errors``, by reference).

    Returns (bytes used, max row, max column), or (-1, 0, 0) when the budget ran out.
    Rows below 100,000 and columns A-Z are reported as 99,999 and 26 at most: with at
    most 64 columns such a sheet stays within ``MAX_XLSX_CELLS`` anyway. A cell without a
    reference (allowed by the standard, written by no common program) would let the
    workbook library place cells where no reference says, so such a sheet is refused.
    """
    used = max_row = max_col = 0
    tail = b""
    with archive.open(info) as part:
        while True:
            chunk = part.read(_CHUNK)
            if not chunk:
                break
            used += len(chunk)
            if used > budget:
                return -1, 0, 0
            if not scan:
                continue
            block = tail + chunk
            cut = block.rfind(b"<")  # a tag cut at the chunk border is scanned with the next block
            if cut < 0 or block.find(b">", cut) >= 0:
                cut = len(block)
            body, tail = block[:cut], block[cut:]
            if b't="e"' in body:
                _errors(block, body, errors)
            rows, cols = _scan(body, exact)
            max_row, max_col = max(max_row, rows), max(max_col, cols)
    if scan and tail:
        rows, cols = _scan(tail, exact)
        max_row, max_col = max(max_row, rows), max(max_col, cols)
    return used, max_row, max_col


def _errors(block: bytes, body: bytes, errors: dict[str, ErrorCell]) -> None:
    """The error cells whose tag lies in ``body`` (their value may follow in the rest of ``block``)."""
    for m in _ERROR_CELL.finditer(body):
        ref = _REF.search(m.group(1))
        if ref is not None:
            value = _VALUE.search(block, m.end(), m.end() + 4096)
            key = (ref.group(1) + ref.group(2)).decode()
            errors[key] = ErrorCell(int(ref.group(2)), key, value.group(1).decode("utf-8", "replace").strip()
                                    if value else "")


def _scan(body: bytes, exact: bool = False) -> tuple[int, int]:
    """(max row, max column) of the cell references in ``body``, as :func:`_stream` describes."""
    cells = body.count(b"<c ") + body.count(b"<c>") + body.count(b"<c/>")
    if cells and body.count(_CELL_AT) == cells:  # the common layout: one fast pass each
        cols = max(map(column_number, set(_WIDE.findall(body))), default=26)
        rows = max(map(int, (_ROW if exact else _LONG).findall(body)), default=0 if exact else 99_999)
        return rows, cols
    refs = _ANY_REF.findall(body)
    if len(refs) != len(_ANY_CELL.findall(body)):
        raise _NoReference()
    if not refs:
        return 0, 0
    return max(int(r) for _, r in refs), max(column_number(c) for c, _ in refs)
