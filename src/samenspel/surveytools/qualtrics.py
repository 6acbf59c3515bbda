"""Qualtrics: read its CSV response export; write the questionnaire as a ``.qsf`` survey file.

Response CSV ("Data & Analysis > Export & Import > Export data > CSV"), two layouts:

- current: three header rows; row 1 the export tags (``StartDate``, ...,
  ``ResponseId``, ..., ``UserLanguage``, then one column per answer such as
  ``Q1``, ``Q5_3``, ``gambition_amb01``), row 2 the question texts (a grid
  cell as ``question - statement``), row 3 a JSON object per column
  (``{"ImportId":"QID5_3"}``; exports of 2016 write it with single quotes);
- legacy ("Use legacy exporter" / older accounts): two header rows; row 1
  ``V1``..``V10`` then the export tags, row 2 ``ResponseID``,
  ``ResponseSet``, ..., ``Finished`` then the question texts.

Values are recode values ("Use numeric values") or choice texts ("Use choice
text"). A multiple-answer question gives one column per choice (1 or the
choice text when ticked). With "Recode seen but unanswered questions as -99"
a question seen and left empty is ``-99`` and an empty cell means "not
shown"; with "... multi-value fields as 0" an unticked box of a seen list is
``0``. Without these options an empty cell says neither.
"""

from __future__ import annotations

import csv
import io
import json
import re

from samenspel.surveytools.table import NOT_SHOWN, SKIPPED, RawValue, ToolExport, check_wide, decode_text, fail

META_COLUMNS: frozenset[str] = frozenset(name.lower() for name in (
    "StartDate", "EndDate", "Status", "IPAddress", "Progress", "Duration (in seconds)", "Finished",
    "RecordedDate", "ResponseId", "ResponseID", "ResponseSet", "RecipientLastName", "RecipientFirstName",
    "RecipientEmail", "ExternalReference", "ExternalDataReference", "LocationLatitude", "LocationLongitude",
    "LocationAccuracy", "DistributionChannel", "UserLanguage", "Name", "EmailAddress", "IPAddress",
    "Q_RecaptchaScore", "Q_RelevantIDDuplicate", "Q_RelevantIDDuplicateScore", "Q_RelevantIDFraudScore",
    "Q_RelevantIDLastStartDate", "Q_BallotBoxStuffing", "Q_TotalDuration", "Q_URL",
))
_LEGACY_META = re.compile(r"^V([1-9]|10)$")
SEEN_UNANSWERED = "-99"


def is_meta(name: str) -> bool:
    key = name.strip()
    return key.lower() in META_COLUMNS or bool(_LEGACY_META.match(key)) or key == ""


def looks_like(text: str) -> str | None:
    """``current`` or ``legacy`` if the text looks like a Qualtrics CSV export, else None."""
    first = text[:4000].partition("\n")[0]
    names = [c.strip().strip('"') for c in first.split(",")]
    if names[:2] == ["V1", "V2"]:
        return "legacy"
    lowered = {n.lower() for n in names}
    if "responseid" in lowered and ("startdate" in lowered or "responseset" in lowered):
        return "current"
    return None


def read_qualtrics(data: bytes, source: str) -> ToolExport:
    """A Qualtrics CSV export (current or legacy layout) as a :class:`ToolExport`."""
    text = decode_text(data, source)
    variant = looks_like(text)
    if variant is None:
        raise fail(source, 1, "this is not a Qualtrics CSV export: its first row should hold StartDate, ..., "
                              "ResponseId (or V1, V2, ... in the legacy layout); export the data as CSV again")
    first = text.partition("\n")[0]
    check_wide(text.count("\n"), first.count(",") + 1, source)
    reader = csv.reader(io.StringIO(text, newline=""))
    numbered: list[tuple[int, list[str]]] = []
    end = 0
    try:
        for record in reader:
            numbered.append((end + 1, record))
            end = reader.line_num
    except csv.Error as exc:
        raise fail(source, reader.line_num, f"cannot read this line as CSV ({exc})") from None
    n_header = 2 if variant == "legacy" else 3
    if len(numbered) < n_header:
        raise fail(source, None, f"a Qualtrics export has {n_header} header rows; this file has fewer")
    columns = [c.strip() for c in numbered[0][1]]
    texts = numbered[1][1]
    if variant == "current" and "ImportId" not in (numbered[2][1][:1] or [""])[0]:
        raise fail(source, 3, "row 3 should hold the import ids ({\"ImportId\": ...}) of a Qualtrics export; "
                              "export the data again as CSV without removing header rows")
    import_ids = [_import_id(c) for c in numbered[2][1]] if variant == "current" else []
    raw_rows = [(line, cells) for line, cells in numbered[n_header:] if any(c.strip() for c in cells)]
    recoded = any(c == SEEN_UNANSWERED for _, cells in raw_rows for c in cells)
    rows: list[tuple[int, list[RawValue]]] = []
    for line, cells in raw_rows:
        if len(cells) < len(columns):
            cells = cells + [""] * (len(columns) - len(cells))
        if len(cells) > len(columns) and any(c.strip() for c in cells[len(columns):]):
            raise fail(source, line, f"this row has more values than the header has columns ({len(columns)})")
        rows.append((line, [_value(c, recoded) for c in cells[: len(columns)]]))
    if variant == "legacy":
        lowered = [t.strip().lower() for t in texts]
        respondent = next((i for i, t in enumerate(lowered) if t == "responseid"), 0)
        meta = {i for i, c in enumerate(columns) if is_meta(c)}
        language = None
    else:
        lowered = [c.lower() for c in columns]
        respondent = next((i for i, c in enumerate(lowered) if c == "responseid"), None)
        language = next((i for i, c in enumerate(lowered) if c == "userlanguage"), None)
        meta = {i for i, c in enumerate(columns) if is_meta(c) or import_ids[i:i + 1] in (["_recordId"],)}
    return ToolExport("qualtrics", variant, source, columns, rows, texts, meta, respondent, language)


def _import_id(cell: str) -> str:
    """``QID5_3`` from ``{"ImportId":"QID5_3"}`` (or the 2016 form with single quotes)."""
    try:
        value = json.loads(cell.replace("'", '"'))
    except ValueError:
        return ""
    return str(value.get("ImportId", "")) if isinstance(value, dict) else ""


def _value(cell: str, recoded: bool) -> RawValue:
    if cell == SEEN_UNANSWERED:
        return SKIPPED
    if cell == "" and recoded:
        return NOT_SHOWN
    return cell
