"""Recognise which tool wrote an export, and read it; the entry point for ``samenspel import`` and the web form.

The checks look at the first bytes only: a workbook is a Forms export; a text
whose first line starts with ``"id"`` and names ``submitdate`` is LimeSurvey's
CSV, one whose second line starts with ``id`` and a tab is LimeSurvey's VV
file; ``V1,V2,...`` or ``StartDate,...,ResponseId`` is Qualtrics. A file of
another kind gets an error that says what it looks like instead.
"""

from __future__ import annotations

from pathlib import Path

from samenspel.errors import SamenspelError
from samenspel.responses import limits
from samenspel.surveytools import TOOLS, limesurvey, msforms, qualtrics
from samenspel.surveytools.table import ToolExport, fail

CHOICES: tuple[str, ...] = ("auto", *TOOLS)


def detect(data: bytes, name: str) -> str:
    """The tool that wrote ``data``; raises a clear error when none fits."""
    if data[:2] == b"PK":
        return "msforms"
    try:
        head = data[: 1 << 20].decode("utf-8-sig", errors="replace")
    except LookupError:  # pragma: no cover - utf-8 always exists
        head = ""
    if head[:2] in ("\ufffe", "\ufeff") or data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise fail(name, 1, "the file is UTF-16 text (a Qualtrics TSV export?); export the data as CSV instead")
    if limesurvey.looks_like(head):
        return "limesurvey"
    if qualtrics.looks_like(head):
        return "qualtrics"
    first = head.partition("\n")[0].lower()
    if "alliance" in first and "respondent" in first and "item" in first:
        raise fail(name, 1, "this is a response file in Samenspel's own format; import it as it is "
                            "(samenspel validate / the normal import), not as a survey tool's export")
    raise fail(name, 1, "cannot tell which survey tool made this file; give the tool (--from limesurvey, "
                        "qualtrics or msforms) or export the responses again as described in docs/SURVEY-TOOLS.md")


def read_export(data: bytes, name: str, tool: str = "auto") -> ToolExport:
    """Read an export of ``tool`` (or the detected tool) within the input limits."""
    if tool not in CHOICES:
        raise SamenspelError(f"unknown survey tool '{tool}'; choose one of {', '.join(CHOICES)}")
    limits.check_size(data, name)
    if tool == "auto":
        tool = detect(data, name)
    if tool == "msforms":
        if data[:2] != b"PK":
            raise fail(name, None, "a Microsoft Forms export is an Excel workbook (.xlsx); this file is not one")
        return msforms.read_msforms(data, name)
    if data[:2] == b"PK":
        raise fail(name, None, f"this is an Excel workbook; export the {tool} responses as CSV instead")
    if tool == "limesurvey":
        return limesurvey.read_limesurvey(data, name)
    return qualtrics.read_qualtrics(data, name)


def read_export_file(path: Path, tool: str = "auto") -> ToolExport:
    from samenspel.responses.reader import file_bytes

    return read_export(file_bytes(path, "an export file"), str(path), tool)
