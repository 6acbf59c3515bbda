"""Write response exports in each survey tool's own layout from known answers (the round-trip fixtures).

Each writer reproduces the structure of the tool's real export, as documented
by the tool and seen in public example files (see tests/surveytools/README.md):

- LimeSurvey CSV: LimeSurvey's CsvWriter (application/helpers/admin/export/CsvWriter.php):
  UTF-8 BOM, every value quoted, NULL as an unquoted empty field, CRLF, LF inside values,
  a blank CRLF line at the end, the separator from the dialog;
- LimeSurvey VV: the VV export in LimeSurvey's export controller: PHP fputcsv with tabs (a
  field with a space, tab or quote is quoted), texts on line 1, codes ``q_sub`` on line 2,
  ``{question_not_shown}`` for NULL and ``{newline}``/``{tab}``/``{lbrace}``/``{quote}`` escapes;
- Qualtrics current: the three header rows and the metadata columns of qualtRics'
  tests/testthat/files/sample.csv (export tags; texts; ``{"ImportId":...}``);
- Qualtrics legacy: the two header rows of qualtRics' sample_legacy.csv (``V1``..``V10``,
  ``ResponseID,ResponseSet,...``, a trailing comma on every line);
- Microsoft Forms: the columns ID, Start time, Completion time, Email, Name, Last modified
  time, then one column per question titled with it; several answers as ``a;b;``.

The known answers are first made representable in the tool (:func:`known`): LimeSurvey and
Qualtrics with -99 keep every missing reason apart, Forms and Qualtrics without -99 cannot.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from datetime import date, datetime, timedelta

from openpyxl import Workbook

from samenspel.demo import make_demo
from samenspel.responses.model import Answer, ResponseSet
from samenspel.surveytools.codes import ROLE_CODES
from samenspel.surveytools.layout import Cell, Layout, Question
from samenspel.surveytools.msforms import forms_questions

ALLIANCE = "zorgalliantie-rivierenland"
ROUND = "2025-voorjaar"
ROUND_DATE = date(2025, 4, 14)
Key = tuple[str, str | None]  # (item id, target)


def demo_round(instrument) -> ResponseSet:  # type: ignore[no-untyped-def]
    demo = make_demo(7, instrument)
    return demo.for_round(ROUND)


def tool_ids(tool: str, respondents: list[str]) -> dict[str, str]:
    """The response id each tool gives a respondent: LimeSurvey and Forms count, Qualtrics has R_ ids."""
    if tool == "qualtrics":
        return {r: f"R_{i:03d}sAmEnSpElQx"[:17] for i, r in enumerate(respondents, start=1)}
    return {r: str(i) for i, r in enumerate(respondents, start=1)}


def known(layout: Layout, source: ResponseSet, tool: str, *, recoded: bool = True, language: bool = True) -> ResponseSet:
    """Every cell of the layout for every respondent, as the tool can tell it back.

    ``tool`` is limesurvey, qualtrics or msforms; for Qualtrics ``recoded`` says whether
    the export recodes seen-but-unanswered (-99) and unticked boxes (0).
    """
    by_respondent: dict[str, dict[Key, Answer]] = {}
    for a in source.answers:
        by_respondent.setdefault(a.respondent, {})[(a.item, a.target)] = a
    ids = tool_ids(tool, list(by_respondent))
    out: list[Answer] = []
    for n, (person, answers) in enumerate(by_respondent.items()):
        first = next(iter(answers.values()))
        partner, role = first.partner, first.role
        lang = first.language if language else None
        touched = {q.code: any(answers.get((c.item.id, None)) is not None and answers[(c.item.id, None)].value == 1
                               for c in q.cells) for q in layout.questions() if q.kind == "checks"}
        for k, (question, cell) in enumerate(layout.cells()):
            if cell.item is None or cell.target == partner:
                continue
            given = answers.get((cell.item.id, cell.target))
            value = given.value if given is not None else None
            missing = _reason(n, k, cell, value, tool, recoded)
            if cell.item.type == "check":
                value, missing = _check(value, missing, tool, recoded, touched[question.code])
            elif value is not None:
                missing = None
            out.append(Answer(ALLIANCE, ROUND, ids[person], partner, cell.item.id, value, role, cell.target,
                              ROUND_DATE, lang, missing))
    return ResponseSet(tuple(out), "known")


def _reason(n: int, k: int, cell: Cell, value: object, tool: str, recoded: bool) -> str | None:
    """A missing reason for an empty cell, spread over the kinds the tool can tell apart."""
    if value is not None:
        return None
    assert cell.item is not None
    spread = (n * 7 + k) % 5
    if cell.item.dont_know and cell.item.type not in ("check", "text") and spread == 0:
        return "dont_know"
    if tool == "msforms" or (tool == "qualtrics" and not recoded):
        return None
    return "not_asked" if spread == 1 else "skipped"


def _check(value: object, missing: str | None, tool: str, recoded: bool, touched: bool) -> tuple[float | None, str | None]:
    if value == 1:
        return 1.0, None
    if tool == "limesurvey" or (tool == "qualtrics" and recoded):
        return (0.0, None) if value == 0 or missing == "skipped" else (None, "not_asked")
    if tool == "msforms":
        return 0.0, None  # Forms: a box not ticked in a submitted form
    return (0.0, None) if touched else (None, None)  # Qualtrics without recoding: empty list says nothing


def _by_key(answers: ResponseSet) -> Iterator[tuple[str, str, str | None, str | None, dict[Key, Answer]]]:
    people: dict[str, dict[Key, Answer]] = {}
    for a in answers.answers:
        people.setdefault(a.respondent, {})[(a.item, a.target)] = a
    for person, given in people.items():
        first = next(iter(given.values()))
        yield person, first.partner, first.role, first.language, given


# -- LimeSurvey --------------------------------------------------------------------------------
def _ls_columns(layout: Layout, vv: bool) -> list[tuple[Question, Cell, str]]:
    out = []
    for question, cell in layout.cells():
        if question.grid:
            name = f"{question.code}_{cell.code}" if vv else f"{question.code}[{cell.code}]"
        else:
            name = question.code
        out.append((question, cell, name))
    return out


def _ls_value(layout: Layout, question: Question, cell: Cell, partner: str, role: str | None,
              given: dict[Key, Answer], full: bool, lang: str) -> str | None:
    """The stored value: an answer code (or text with full answers); "" shown-not-answered; None = NULL."""
    if question.kind == "partner":
        code = layout.partner_codes[partner]
        return layout.partner_labels[partner] if full else code
    if question.kind == "role":
        if role is None:
            return ""
        choice = next(c for c in question.choices if c.code == ROLE_CODES[role])
        return choice.label(lang) if full else choice.code
    assert cell.item is not None
    if cell.target == partner:
        return None  # hidden by the row's condition
    a = given[(cell.item.id, cell.target)]
    if cell.item.type == "check":
        if a.value == 1:
            return "Yes" if full else "Y"
        if a.value == 0:
            return "No" if full else ""
        return "N/A" if full else None
    if a.value is None:
        if a.missing == "dont_know":
            choice = question.choices[-1]
            return choice.label(lang) if full else choice.code
        return None if a.missing == "not_asked" else ""
    if cell.item.type == "text":
        return str(a.value)
    choice = next(c for c in question.choices if c.value == a.value)
    return choice.label(lang) if full else choice.code


def limesurvey_csv(layout: Layout, answers: ResponseSet, *, separator: str = ",", full: bool = False,
                   lang: str = "nl", headings: str = "code") -> bytes:
    """``headings="full"``: LimeSurvey's "Full question text" headings, ``question [subquestion]``."""
    columns = _ls_columns(layout, vv=False)
    head = ["id", "submitdate", "lastpage", "startlanguage", "seed", "startdate", "datestamp"]
    if headings == "full":
        head = ["Response ID", "Date submitted", "Last page", "Start language", "Seed", "Date started",
                "Date last action"]
        columns = [(q, c, f"{q.text(lang)} [{c.label(lang)}]" if q.grid else q.text(lang)) for q, c, _ in columns]

    def field(value: str | None) -> str:
        if value is None:
            return ""
        return '"' + value.replace("\r\n", "\n").replace("\r", "\n").replace('"', '""') + '"'

    lines = [separator.join(field(h) for h in head + [name for _, _, name in columns])]
    for n, (person, partner, role, language, given) in enumerate(_by_key(answers)):
        stamp = (datetime(2025, 4, 14, 9, 0) + timedelta(minutes=7 * n)).strftime("%Y-%m-%d %H:%M:%S")
        meta = [person, stamp, str(len(layout.groups)), language or "nl", str(1000 + n), stamp, stamp]
        values = [_ls_value(layout, q, c, partner, role, given, full, lang) for q, c, _ in columns]
        lines.append(separator.join([field(v) for v in meta] + [field(v) for v in values]))
    return ("\ufeff" + "\r\n".join(lines) + "\r\n" + "\r\n").encode("utf-8")


def _php_fputcsv(fields: list[str], delimiter: str = "\t") -> str:
    """One line as PHP's fputcsv writes it: quote a field holding the delimiter, a quote, CR, LF, tab or space."""
    out = []
    for f in fields:
        if any(ch in f for ch in (delimiter, '"', "\r", "\n", "\t", " ", "\\")):
            out.append('"' + f.replace('"', '""') + '"')
        else:
            out.append(f)
    return delimiter.join(out) + "\n"


def _vv_escape(value: str | None) -> str:
    if value is None:
        return "{question_not_shown}"
    value = value.strip().replace("{", "{lbrace}").replace("\n", "{newline}").replace("\r", "{cr}")
    value = value.replace("\t", "{tab}")
    return "{quote}" + value[1:] if value.startswith('"') else value


def limesurvey_vv(layout: Layout, answers: ResponseSet, lang: str = "nl") -> bytes:
    columns = _ls_columns(layout, vv=True)
    texts = ["Response ID", "Date submitted", "Last page", "Start language", "Seed"]
    texts += [f"{q.text(lang)} ({c.label(lang)})" if q.grid else q.text(lang) for q, c, _ in columns]
    codes = ["id", "submitdate", "lastpage", "startlanguage", "seed"] + [name for _, _, name in columns]
    out = _php_fputcsv(texts) + _php_fputcsv(codes)
    for n, (person, partner, role, language, given) in enumerate(_by_key(answers)):
        meta = [person, f"2025-04-14 10:{n % 60:02d}:00", str(len(layout.groups)), language or "nl", str(2000 + n)]
        values = [_vv_escape(_ls_value(layout, q, c, partner, role, given, False, lang)) for q, c, _ in columns]
        out += _php_fputcsv(meta + values)
    return out.encode("utf-8")


# -- Qualtrics ---------------------------------------------------------------------------------
QUALTRICS_META = ["StartDate", "EndDate", "Status", "IPAddress", "Progress", "Duration (in seconds)", "Finished",
                  "RecordedDate", "ResponseId", "RecipientLastName", "RecipientFirstName", "RecipientEmail",
                  "ExternalReference", "LocationLatitude", "LocationLongitude", "DistributionChannel",
                  "UserLanguage"]
QUALTRICS_META_TEXT = ["Start Date", "End Date", "Response Type", "IP Address", "Progress", "Duration (in seconds)",
                       "Finished", "Recorded Date", "Response ID", "Recipient Last Name", "Recipient First Name",
                       "Recipient Email", "External Data Reference", "Location Latitude", "Location Longitude",
                       "Distribution Channel", "User Language"]
QUALTRICS_META_IDS = ["startDate", "endDate", "status", "ipAddress", "progress", "duration", "finished",
                      "recordedDate", "_recordId", "recipientLastName", "recipientFirstName", "recipientEmail",
                      "externalDataReference", "locationLatitude", "locationLongitude", "distributionChannel",
                      "userLanguage"]


def _q_columns(layout: Layout) -> list[tuple[Question, Cell, int, str, str, str]]:
    """(question, cell, number, export tag, text, import id) per column, as Qualtrics names them."""
    out = []
    for number, question in enumerate(layout.questions(), start=1):
        for k, cell in enumerate(question.cells, start=1):
            if question.kind == "checks":
                tag, import_id = f"{question.code}_{k}", f"QID{number}_{k}"
                text = f"{question.text('nl')} - {cell.label('nl')}"
            elif question.grid:
                tag, import_id = f"{question.code}_{cell.code}", f"QID{number}_{k}"
                text = f"{question.text('nl')} - {cell.label('nl')}"
            else:
                tag = question.code
                import_id = f"QID{number}_TEXT" if question.kind == "text" else f"QID{number}"
                text = question.text("nl")
            out.append((question, cell, number, tag, text, import_id))
    return out


def _q_value(layout: Layout, question: Question, cell: Cell, partner: str, role: str | None,
             given: dict[Key, Answer], numeric: bool, recoded: bool, lang: str) -> str:
    if question.kind == "partner":
        choice = next(c for c in question.choices if c.code == layout.partner_codes[partner])
        return str(choice.recode) if numeric else layout.partner_labels[partner]
    if question.kind == "role":
        if role is None:
            return "-99" if recoded else ""
        choice = next(c for c in question.choices if c.code == ROLE_CODES[role])
        return str(choice.recode) if numeric else choice.label(lang)
    assert cell.item is not None
    if cell.target == partner:
        return ""  # hidden by the row's display logic
    a = given[(cell.item.id, cell.target)]
    if cell.item.type == "check":
        if a.value == 1:
            return "1" if numeric else cell.label(lang)
        if a.value == 0:
            return "0" if recoded else ""
        return ""
    if a.value is None:
        if a.missing == "dont_know":
            return "99" if numeric else question.choices[-1].label(lang)
        return "-99" if a.missing == "skipped" else ""
    if cell.item.type == "text":
        return str(a.value)
    choice = next(c for c in question.choices if c.value == a.value)
    return str(choice.recode) if numeric else choice.label(lang)


def qualtrics_csv(layout: Layout, answers: ResponseSet, *, numeric: bool = True, recoded: bool = True,
                  legacy: bool = False, lang: str = "nl") -> bytes:
    columns = _q_columns(layout)
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    if legacy:
        head = [f"V{i}" for i in range(1, 11)]
        head_text = ["ResponseID", "ResponseSet", "Name", "ExternalDataReference", "EmailAddress", "IPAddress",
                     "Status", "StartDate", "EndDate", "Finished"]
        tail = ["LocationLatitude", "LocationLongitude", "LocationAccuracy", ""]
        writer.writerow(head + [c[3] for c in columns] + tail)
        writer.writerow(head_text + [c[4] for c in columns] + tail)
    else:
        writer.writerow(QUALTRICS_META + [c[3] for c in columns])
        writer.writerow(QUALTRICS_META_TEXT + [c[4] for c in columns])
        writer.writerow([json.dumps({"ImportId": i}, separators=(",", ":")) for i in QUALTRICS_META_IDS]
                        + [json.dumps({"ImportId": c[5]}, separators=(",", ":")) for c in columns])
    for n, (person, partner, role, language, given) in enumerate(_by_key(answers)):
        start = datetime(2025, 4, 14, 8, 0) + timedelta(minutes=11 * n)
        end = start + timedelta(minutes=23)
        values = [_q_value(layout, q, c, partner, role, given, numeric, recoded, lang) for q, c, *_ in columns]
        if legacy:
            meta = [person, "Default Response Set", "Anonymous", "", "", "", "0", str(start), str(end), "1"]
            writer.writerow(meta + values + ["52.0", "5.9", "-1", ""])
        else:
            meta = [str(start), str(end), "0", "", "100", "1380", "True" if n % 2 else "1", str(end), person, "", "",
                    "", "", "51.97", "5.86", "anonymous", (language or "nl").upper()]
            writer.writerow(meta + values)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


# -- Microsoft Forms ---------------------------------------------------------------------------
def msforms_xlsx(layout: Layout, answers: ResponseSet, lang: str = "nl") -> bytes:
    questions = forms_questions(layout)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Sheet1"
    sheet.append(["ID", "Start time", "Completion time", "Email", "Name", "Last modified time"]
                 + [title(lang) for _, title, _ in questions])
    for n, (person, partner, role, _language, given) in enumerate(_by_key(answers)):
        start = datetime(2025, 4, 14, 8, 30) + timedelta(minutes=13 * n)
        row: list[object] = [int(person), start, start + timedelta(minutes=21), "anonymous", None, None]
        for question, title, _options in questions:
            row.append(_forms_value(layout, question, title, partner, role, given, lang))
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _forms_value(layout: Layout, question: Question, title, partner: str, role: str | None,  # type: ignore[no-untyped-def]
                 given: dict[Key, Answer], lang: str) -> str | None:
    if question.kind == "partner":
        return layout.partner_labels[partner]
    if question.kind == "role":
        return next(c.label(lang) for c in question.choices if c.code == ROLE_CODES[role]) if role else None
    if question.kind == "checks":
        ticked = [c.label(lang) for c in question.cells if given[(c.item.id, None)].value == 1]  # type: ignore[union-attr]
        return "".join(t + ";" for t in ticked) or None
    cell = next(c for c in question.cells if c.text == title)
    assert cell.item is not None
    if cell.target == partner:
        return None
    a = given[(cell.item.id, cell.target)]
    if a.value is None:
        return question.choices[-1].label(lang) if a.missing == "dont_know" else None
    if cell.item.type == "text":
        return str(a.value)
    return next(c for c in question.choices if c.value == a.value).label(lang)


def without_language(answers: ResponseSet) -> ResponseSet:
    return ResponseSet(tuple(a._replace(language=None) for a in answers.answers), answers.source)
