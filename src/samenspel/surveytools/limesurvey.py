"""LimeSurvey: read its response exports (CSV and VV); write the questionnaire as a ``.lss`` survey file.

Response CSV ("Export responses", format CSV), as LimeSurvey's CsvWriter
writes it: a UTF-8 byte order mark, every value in double quotes (a quote
doubled), records ending in CRLF, line breaks inside a value as LF, a blank
line at the end, and the field separator chosen in the export dialog (comma,
semicolon or tab). Since LimeSurvey 4 a database NULL is written as an empty
*unquoted* field, so the file keeps apart "not shown" (NULL: the question was
hidden by its condition or its page never reached) from "shown, not
answered" (``""``, an empty quoted value). Headings are question codes
(``code``, ``code[sub]``), or codes with the question text, or question texts.

VV file ("Export a VV survey file"): tab-separated, written with PHP's
``fputcsv`` (fields with spaces, tabs or quotes are quoted), no byte order
mark; line 1 holds question texts, line 2 the field names (version 2: codes
as ``code_sub``; version 1: SGQA names such as ``123456X1X2sub``, which only
LimeSurvey can resolve); a NULL is ``{question_not_shown}`` and ``{``, line
breaks, tabs and a leading quote are escaped as ``{lbrace}``, ``{newline}``,
``{cr}``, ``{tab}`` and ``{quote}``.
"""

from __future__ import annotations

import csv
import io
import re
import xml.etree.ElementTree as ET

from samenspel.i18n import Text
from samenspel.surveytools.codes import MAP_QUESTION, PARTNER_QUESTION
from samenspel.surveytools.layout import Layout
from samenspel.surveytools.table import NOT_SHOWN, SKIPPED, RawValue, ToolExport, check_wide, decode_text, fail

META_COLUMNS: frozenset[str] = frozenset({
    "id", "token", "submitdate", "lastpage", "startlanguage", "seed", "startdate", "datestamp", "ipaddr",
    "refurl", "firstname", "lastname", "email", "emailstatus", "tid", "sent", "remindersent", "remindercount",
    "completed", "usesleft", "validfrom", "validuntil", "mpid", "participant_id", "blacklisted",
    "interviewtime",
    # the same columns under "Full question text" headings (English interface)
    "response id", "date submitted", "last page", "start language", "date started", "date last action",
    "ip address", "referrer url", "total time",
})
_TIMING = re.compile(r"^(grouptime\d+|[a-z][a-z0-9]*time|attribute_\d+)$", re.IGNORECASE)
_SGQA = re.compile(r"^\d+X\d+X\d+")
_VV_ESCAPES = (("{quote}", '"'), ("{newline}", "\n"), ("{cr}", "\r"), ("{tab}", "\t"), ("{lbrace}", "{"))


def is_meta(name: str) -> bool:
    """Whether a column is LimeSurvey's own (response id, dates, timings, participant fields)."""
    key = name.strip().lower()
    return key in META_COLUMNS or bool(_TIMING.match(key))


def looks_like(text: str) -> str | None:
    """``csv`` or ``vv`` if the text's first lines look like a LimeSurvey response export, else None."""
    first, _, rest = text.partition("\n")
    second = rest.partition("\n")[0]
    if first.startswith('"id"') and len(first) > 4 and first[4] in ",;\t" and "submitdate" in first:
        return "csv"
    if second.split("\t", 1)[0].strip() == "id" and ("submitdate" in second or _SGQA.search(second) or "\t" in second):
        return "vv"
    if first.startswith('"Response ID"') and "Date submitted" in first:  # headings "Full question text"
        return "csv"
    return None


def read_limesurvey(data: bytes, source: str) -> ToolExport:
    """A LimeSurvey response export (CSV with any separator, or a VV file) as a :class:`ToolExport`."""
    text = decode_text(data, source)
    kind = looks_like(text)
    if kind == "vv":
        return _read_vv(text, source)
    if kind is None and not text.lstrip().startswith('"'):
        raise fail(source, 1, "this is not a LimeSurvey response export: its first line should start with \"id\" "
                              "(Export responses > CSV, headings as question codes) or it should be a VV file")
    return _read_csv(text, source)


def _read_csv(text: str, source: str) -> ToolExport:
    first = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=lambda d: first.count(f'"{d}"'))  # every heading is quoted: "a";"b"
    check_wide(text.count("\n"), text.split("\n", 1)[0].count(delimiter) + 1, source)
    records = list(_records(text, delimiter, source))
    if not records:
        raise fail(source, None, "the file is empty")
    _, header = records[0]
    columns = [v if isinstance(v, str) else "" for v in header]
    rows: list[tuple[int, list[RawValue]]] = []
    for line, cells in records[1:]:
        if all(c in ("", NOT_SHOWN) for c in cells) and len(cells) <= 1:
            continue  # the blank line LimeSurvey writes at the end
        if len(cells) != len(columns):
            raise fail(source, line, f"this line has {len(cells)} values but the header has {len(columns)} "
                                     "columns; export the responses again without editing the file")
        rows.append((line, cells))
    return _export("csv", source, columns, rows, [])


_UNQUOTED: dict[str, re.Pattern[str]] = {}


def _records(text: str, delimiter: str, source: str):  # type: ignore[no-untyped-def]
    """Records of LimeSurvey's CSV with the line each starts on; quoted "" stays apart from an unquoted empty field."""
    unquoted = _UNQUOTED.get(delimiter) or _UNQUOTED.setdefault(delimiter, re.compile(f'[^{re.escape(delimiter)}\r\n"]*'))
    quoted = re.compile(r'"((?:[^"]|"")*)"', re.S)
    pos, line, end = 0, 1, len(text)
    while pos < end:
        start = line
        fields: list[RawValue] = []
        while True:
            if text.startswith('"', pos):
                match = quoted.match(text, pos)
                if match is None:
                    raise fail(source, line, "a quoted value is not closed; export the responses again")
                raw = match.group(1)
                line += raw.count("\n")
                value = raw.replace('""', '"')
                fields.append(value if value != "" else SKIPPED)
                pos = match.end()
            else:
                match = unquoted.match(text, pos)
                assert match is not None  # the pattern matches the empty string
                value = match.group(0)
                fields.append(value if value != "" else NOT_SHOWN)
                pos = match.end()
            if pos >= end:
                break
            ch = text[pos]
            if ch == delimiter:
                pos += 1
                continue
            if ch == "\r" and text.startswith("\r\n", pos):
                pos += 2
            elif ch in "\r\n":
                pos += 1
            else:
                raise fail(source, line, "unexpected text after a quoted value; export the responses again")
            line += 1
            break
        yield start, fields


def _read_vv(text: str, source: str) -> ToolExport:
    lines = text.split("\n", 2)
    check_wide(text.count("\n"), lines[0].count("\t") + 1, source)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter="\t")
    try:
        table = list(reader)
    except csv.Error as exc:
        raise fail(source, reader.line_num, f"cannot read this line of the VV file ({exc})") from None
    if len(table) < 2:
        raise fail(source, None, "a VV file has two header lines (question texts, then field names)")
    texts, columns = table[0], [c.strip() for c in table[1]]
    if any(_SGQA.match(c) for c in columns):
        raise fail(source, 2, "this VV file names its columns with SGQA codes (VV version 1), which only "
                              "LimeSurvey itself can resolve; export it again and choose "
                              "'VV export version: Last VV version'")
    rows: list[tuple[int, list[RawValue]]] = []
    for index, record in enumerate(table[2:], start=3):
        if not any(c.strip() for c in record):
            continue
        cells = [_vv_value(c) for c in record]
        if len(cells) != len(columns):
            raise fail(source, index, f"this line has {len(cells)} values but line 2 has {len(columns)} field "
                                      "names; export the VV file again without editing it")
        rows.append((index, cells))
    return _export("vv", source, columns, rows, texts)


def _vv_value(cell: str) -> RawValue:
    if cell == "{question_not_shown}":
        return NOT_SHOWN
    if cell == "":
        return SKIPPED
    for escaped, plain in _VV_ESCAPES:
        cell = cell.replace(escaped, plain)
    return cell


def _export(variant: str, source: str, columns: list[str], rows: list[tuple[int, list[RawValue]]],
            texts: list[str]) -> ToolExport:
    lowered = [c.strip().lower() for c in columns]
    meta = {i for i, c in enumerate(columns) if is_meta(c)}
    respondent = next((i for i, c in enumerate(lowered) if c in ("id", "response id")), None)
    language = next((i for i, c in enumerate(lowered) if c in ("startlanguage", "start language")), None)
    export = ToolExport("limesurvey", variant, source, columns, rows, texts, meta, respondent, language)
    submitted = next((i for i, c in enumerate(lowered) if c in ("submitdate", "date submitted")), None)
    if submitted is not None:
        open_ = sum(1 for _, cells in rows if cells[submitted] in ("", NOT_SHOWN, SKIPPED))
        if open_:
            export.notes.append(f"{open_} response(s) were not submitted (no submitdate); they are imported with "
                                "the answers they hold")
    return export


# -- the questionnaire as a LimeSurvey survey structure file (.lss) ---------------------------
LSS_DB_VERSION = "477"
"""The structure version written: LimeSurvey 5 (separate ``*_l10ns`` tables for texts); LimeSurvey 6
imports and upgrades it, as it does every older ``.lss``."""
SURVEY_ID = 246810
_TYPE = {"partner": "L", "role": "L", "single": "L", "grid": "F", "relation": "F", "checks": "M", "text": "T"}
_THEME = {"L": "listradio", "F": "arrays/array", "M": "multiplechoice", "T": "longfreetext", "X": "boilerplate"}
_QUESTION_FIELDS = ("qid", "parent_qid", "sid", "gid", "type", "title", "preg", "other", "mandatory",
                    "question_order", "scale_id", "same_default", "relevance", "modulename", "encrypted",
                    "question_theme_name")


def to_lss(layout: Layout, lang: str = "nl") -> bytes:
    """The questionnaire as a ``.lss`` file in Dutch and English, ``lang`` being the base language.

    Question and subquestion codes are Samenspel's item codes (see
    :mod:`samenspel.surveytools.codes`); a hidden text question ``samenspel``
    lists every code with its item id, so the file documents its own map.
    """
    languages = [lang] + [other for other in ("nl", "en") if other != lang]
    instrument = layout.instrument
    tables: dict[str, tuple[tuple[str, ...], list[dict[str, str | None]]]] = {
        "groups": (("gid", "sid", "group_order", "randomization_group", "grelevance"), []),
        "group_l10ns": (("id", "gid", "group_name", "description", "language"), []),
        "questions": (_QUESTION_FIELDS, []),
        "subquestions": (_QUESTION_FIELDS, []),
        "question_l10ns": (("id", "qid", "question", "help", "language"), []),
        "answers": (("aid", "qid", "code", "sortorder", "assessment_value", "scale_id"), []),
        "answer_l10ns": (("id", "aid", "answer", "language"), []),
        "question_attributes": (("qid", "attribute", "value", "language"), []),
    }
    counters = {"qid": 0, "aid": 0, "ql10n": 0, "al10n": 0, "gl10n": 0}

    def next_id(name: str) -> int:
        counters[name] += 1
        return counters[name]

    def add_question(gid: int, order: int, qtype: str, code: str, text: Text, help_: Text, parent: int = 0,
                     relevance: str = "1") -> int:
        qid = next_id("qid")
        table = "subquestions" if parent else "questions"
        tables[table][1].append({
            "qid": str(qid), "parent_qid": str(parent), "sid": str(SURVEY_ID), "gid": str(gid), "type": qtype,
            "title": code, "preg": None, "other": "N", "mandatory": "N" if not parent else None,
            "question_order": str(order), "scale_id": "0", "same_default": "0", "relevance": relevance,
            "modulename": "", "encrypted": "N", "question_theme_name": _THEME.get(qtype, "") if not parent else None,
        })
        for language in languages:
            tables["question_l10ns"][1].append({"id": str(next_id("ql10n")), "qid": str(qid),
                                                "question": text(language), "help": help_(language),
                                                "language": language})
        return qid

    for group_order, group in enumerate(layout.groups, start=1):
        gid = group_order
        tables["groups"][1].append({"gid": str(gid), "sid": str(SURVEY_ID), "group_order": str(group_order),
                                    "randomization_group": "", "grelevance": "1"})
        for language in languages:
            tables["group_l10ns"][1].append({"id": str(next_id("gl10n")), "gid": str(gid),
                                             "group_name": group.part.title(language),
                                             "description": group.part.intro(language), "language": language})
        order = 0
        for question in group.questions:
            order += 1
            qtype = _TYPE[question.kind]
            qid = add_question(gid, order, qtype, question.code, question.text, question.help)
            if question.grid:
                for sub_order, cell in enumerate(question.cells, start=1):
                    relevance = "1"
                    if question.kind == "relation" and layout.partners:
                        relevance = f'{PARTNER_QUESTION}.NAOK != "{cell.code}"'
                    add_question(gid, sub_order, "T", cell.code, cell.label, Text("", ""), parent=qid,
                                 relevance=relevance)
            for sort, choice in enumerate(question.choices, start=1):
                aid = next_id("aid")
                tables["answers"][1].append({"aid": str(aid), "qid": str(qid), "code": choice.code,
                                             "sortorder": str(sort), "assessment_value": "0", "scale_id": "0"})
                for language in languages:
                    tables["answer_l10ns"][1].append({"id": str(next_id("al10n")), "aid": str(aid),
                                                      "answer": choice.label(language), "language": language})
        if group_order == 1:
            order += 1
            listing = "; ".join(f"{code} = {item_id}" for item_id, code in layout.codes.items())
            partners = "; ".join(f"{code} = {name}" for name, code in layout.partner_codes.items())
            note = (f"Samenspel {instrument.id} {instrument.version}. Item codes: {listing}. "
                    f"Partner codes: {partners or '-'}.")
            qid = add_question(gid, order, "X", MAP_QUESTION, Text(note, note), Text("", ""))
            tables["question_attributes"][1].append({"qid": str(qid), "attribute": "hidden", "value": "1",
                                                     "language": ""})
    survey_fields: dict[str, str | None] = {
        "sid": str(SURVEY_ID), "gsid": "1", "admin": "inherit", "adminemail": "inherit", "anonymized": "Y", "format": "G",
        "savetimings": "N", "template": "inherit", "language": languages[0], "additional_languages": " ".join(languages[1:]),
        "datestamp": "Y", "usecookie": "N", "allowregister": "N", "allowsave": "Y", "autonumber_start": "0",
        "autoredirect": "N", "allowprev": "Y", "printanswers": "N", "ipaddr": "N", "refurl": "N",
        "showsurveypolicynotice": "0", "publicstatistics": "N", "publicgraphs": "N", "listpublic": "N",
        "htmlemail": "Y", "sendconfirmation": "N", "tokenanswerspersistence": "N", "assessments": "N",
        "usecaptcha": "N", "usetokens": "N", "showxquestions": "N", "showgroupinfo": "B", "shownoanswer": "Y",
        "showqnumcode": "X", "showwelcome": "Y", "showprogress": "Y", "questionindex": "0", "navigationdelay": "0",
        "nokeyboard": "N", "alloweditaftercompletion": "N",
    }
    settings: list[dict[str, str | None]] = []
    for language in languages:
        settings.append({
            "surveyls_survey_id": str(SURVEY_ID), "surveyls_language": language,
            "surveyls_title": instrument.title(language), "surveyls_description": "",
            "surveyls_welcometext": instrument.instructions(language), "surveyls_endtext": _THANKS(language),
        })
    root = ET.Element("document")
    ET.SubElement(root, "LimeSurveyDocType").text = "Survey"
    ET.SubElement(root, "DBVersion").text = LSS_DB_VERSION
    languages_element = ET.SubElement(root, "languages")
    for language in languages:
        ET.SubElement(languages_element, "language").text = language
    for name, (fields, rows) in tables.items():
        if rows:
            _table(root, name, fields, rows)
    _table(root, "surveys", tuple(survey_fields), [survey_fields])
    _table(root, "surveys_languagesettings", tuple(settings[0]), settings)
    ET.indent(root, space=" ")
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="utf-8") + b"\n"


_THANKS = Text("Dank je wel voor het invullen.", "Thank you for filling in the questionnaire.")


def _table(root: ET.Element, name: str, fields: tuple[str, ...], rows: list[dict[str, str | None]]) -> None:
    """One table as LimeSurvey exports it: its field names, then one element per row (a NULL left out)."""
    table = ET.SubElement(root, name)
    field_list = ET.SubElement(table, "fields")
    for field_name in fields:
        ET.SubElement(field_list, "fieldname").text = field_name
    rows_element = ET.SubElement(table, "rows")
    for row in rows:
        row_element = ET.SubElement(rows_element, "row")
        for field_name in fields:
            value = row.get(field_name, "")
            if value is None:
                continue
            child = ET.SubElement(row_element, field_name)
            if value != "":
                child.text = value
