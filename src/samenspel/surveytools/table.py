"""A survey tool's response export, read into memory: one row per respondent, one column per answer.

Readers (one per tool) only decode their file into a :class:`ToolExport`;
:mod:`samenspel.surveytools.conversion` decides what the columns mean. The
tools' own codes for an empty answer are kept apart here, because they say
different things: "shown but not answered" (:data:`SKIPPED`) and "not shown"
(:data:`NOT_SHOWN`) become the ``missing`` reasons ``skipped`` and
``not_asked``; an empty cell without such a code stays "unknown" (``""``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Union

from samenspel.errors import InputError, Problem, SamenspelError
from samenspel.responses import limits


class Empty(Enum):
    """Why a tool left a cell empty, where its export says so."""

    SKIPPED = "skipped"  # shown, not answered (LimeSurvey "", Qualtrics -99)
    NOT_SHOWN = "not_asked"  # not shown (LimeSurvey NULL, {question_not_shown}; Qualtrics empty with -99 in use)


SKIPPED = Empty.SKIPPED
NOT_SHOWN = Empty.NOT_SHOWN
RawValue = Union[str, Empty]  # "" = empty without a reason


@dataclass
class ToolExport:
    """A response export of one tool: header rows and data rows with their line (CSV) or row (XLSX)."""

    tool: str  # limesurvey | qualtrics | msforms
    variant: str  # e.g. "csv", "vv", "current", "legacy", "xlsx"
    source: str  # the file name, for messages
    columns: list[str]  # first header row: codes (LimeSurvey, Qualtrics) or question texts (Forms)
    rows: list[tuple[int, list[RawValue]]]  # (line or row number, cells), as long as ``columns``
    texts: list[str] = field(default_factory=list)  # question texts per column, where the export has them
    meta: set[int] = field(default_factory=set)  # the tool's bookkeeping columns (dates, ids, ...), ignored
    respondent: int | None = None  # column with the response id
    language: int | None = None  # column with the respondent's language
    where: str = "line"  # "line" for text files, "row" for workbooks
    notes: list[str] = field(default_factory=list)  # what the reader noticed, for the user

    def column_name(self, index: int) -> str:
        name = self.columns[index] if index < len(self.columns) else ""
        return name or f"column {index + 1}"


def fail(source: str, line: int | None, message: str) -> InputError:
    return InputError([Problem(source, line, message)])


def decode_text(data: bytes, source: str) -> str:
    """UTF-8 text (BOM or not); another encoding is refused with the line of its first bad byte."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise fail(source, line, f"the file is not UTF-8 text (byte 0x{data[exc.start]:02X}); export it again "
                                 "from the survey tool as UTF-8 (the default), without opening and saving it "
                                 "in Excel") from None


MAX_WIDE_COLUMNS = 2_000
"""Most columns in a tool's export (one column per answer cell plus the tool's own columns).

The full questionnaire for six partners is about 250 columns; LimeSurvey's
timing columns can double that. Samenspel's own long format keeps its limit
of 64 columns (samenspel.responses.limits)."""
WIDE_LIMITS = limits.Limits(max_columns=MAX_WIDE_COLUMNS)


def check_wide(n_rows: int, n_columns: int, source: str) -> None:
    """Refuse an export with more columns or rows than the limits allow, before it is parsed further."""
    if n_columns > MAX_WIDE_COLUMNS:
        raise SamenspelError(f"{source}: the export has {n_columns:,} columns, more than the limit of "
                             f"{MAX_WIDE_COLUMNS:,}; export only the questions of this questionnaire")
    limits.check_table(n_rows, 0, source)
