"""Write answers back out in the response format (FORMATS.md §2), losslessly.

``export`` must give a file that ``read_responses`` reads back into exactly
the same answers, so other tools can round-trip our data. Hence: comma
delimiter, UTF-8 without BOM, the must columns plus only the optional columns
that carry a value, whole numbers without ``.0``, open texts verbatim.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

from samenspel.responses.model import COLUMNS, OPTIONAL_COLUMNS, Answer, ResponseSet, Value


def columns_used(responses: ResponseSet) -> tuple[str, ...]:
    """The must columns, then each optional column that at least one answer fills."""
    used = [c for c in OPTIONAL_COLUMNS if any(getattr(a, c) is not None for a in responses.answers)]
    return COLUMNS + tuple(used)


def format_value(value: Value) -> str:
    """A value as written in a file: ``3`` not ``3.0``; empty for missing."""
    if value is None:
        return ""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return value


def _fields(answer: Answer, columns: tuple[str, ...]) -> list[str]:
    out = []
    for column in columns:
        raw = getattr(answer, column)
        if column == "value":
            out.append(format_value(raw))
        elif column == "round_date":
            out.append(raw.isoformat() if raw is not None else "")
        else:
            out.append("" if raw is None else raw)
    return out


def write_csv(responses: ResponseSet, path_or_stream: str | Path | TextIO) -> None:
    """Write ``responses`` as CSV to a path or an open text stream."""
    if isinstance(path_or_stream, str | Path):
        Path(path_or_stream).write_text(to_csv(responses), encoding="utf-8", newline="")
        return
    path_or_stream.write(to_csv(responses))


def to_csv(responses: ResponseSet) -> str:
    """The CSV text of ``responses`` (comma-delimited, ``\\n`` line ends, quoted only where needed)."""
    columns = columns_used(responses)
    lines = [_csv_line(columns)]
    lines.extend(_csv_line(_fields(answer, columns)) for answer in responses.answers)
    lines.append("")
    return "\n".join(lines)


_NEEDS_QUOTES = re.compile(r'[,"\r\n]')


def _csv_line(fields: Sequence[str]) -> str:
    """One CSV line, quoting a field only when it holds a comma, quote, CR or LF.

    Python 3.11's csv writer does not quote a lone CR when the line end is LF,
    so an open answer with a CR would not read back; hence our own quoting.
    """
    return ",".join(
        '"' + f.replace('"', '""') + '"' if _NEEDS_QUOTES.search(f) else f for f in fields
    )


def to_xlsx(responses: ResponseSet, names: Sequence[tuple[str, str, str]] = ()) -> bytes:
    """The same table as an XLSX workbook with a first sheet ``responses`` (numbers as numbers).

    ``names`` (kind, code, display name), e.g. ``("partner", "GEM", "Gemeente Rivierstad")``, adds a
    second sheet ``names`` so a person reading the codes can look up what they stand for; readers of
    the response format read the first sheet only, so the workbook still imports as it is.
    """
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("responses")
    columns = columns_used(responses)
    sheet.append(list(columns))
    for answer in responses.answers:
        row: list[object] = []
        for column, text in zip(columns, _fields(answer, columns), strict=True):
            value = answer.value if column == "value" else None
            if isinstance(value, float):
                row.append(int(value) if value.is_integer() else value)
            else:
                cell = WriteOnlyCell(sheet, value=text or None)
                if text:
                    cell.data_type = "s"  # keep texts such as "=..." or "007" as typed, never a formula
                row.append(cell)
        sheet.append(row)
    if names:
        lookup = workbook.create_sheet("names")
        lookup.append(["kind", "code", "name"])
        for kind, code, name in names:
            lookup.append([_text_cell(lookup, kind), _text_cell(lookup, code), _text_cell(lookup, name)])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _text_cell(sheet: object, text: str) -> object:
    cell = WriteOnlyCell(sheet, value=text or None)
    if text:
        cell.data_type = "s"  # a name such as "=Gemeente" stays text, never a formula
    return cell
