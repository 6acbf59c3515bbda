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
from typing import Any

from samenspel.surveytools.codes import PARTNER_QUESTION
from samenspel.surveytools.layout import Cell, Choice, Layout, Question
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
    first = text.partition("\n")[0]
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


# -- the questionnaire as a Qualtrics survey file (.qsf) --------------------------------------
_BLOCK = "BL_samenspel{:06d}"
_SURVEY = "SV_samenspelcore01"


def to_qsf(layout: Layout, lang: str = "nl") -> bytes:
    """The questionnaire as a ``.qsf`` file (JSON), ``lang`` as the survey language and the other as translation.

    Export tags are Samenspel's codes: a question's ``DataExportTag`` is its
    code and a grid row's ``ChoiceDataExportTags`` entry the item or partner
    code, so the CSV export names columns ``code`` and ``code_sub``. A
    multiple-answer list's columns are ``code_1``, ``code_2``, ... by the
    choices' recode values. "Don't know" has the recode value 99.
    """
    languages = [lang] + [other for other in ("nl", "en") if other != lang]
    instrument = layout.instrument
    elements: list[dict[str, Any]] = []
    blocks: list[dict[str, Any]] = []
    qid_of: dict[str, str] = {}
    questions: list[dict[str, Any]] = []
    number = 0
    for index, group in enumerate(layout.groups, start=1):
        block_elements: list[dict[str, str]] = []
        for question in group.questions:
            number += 1
            qid = f"QID{number}"
            qid_of[question.code] = qid
            questions.append(_question(question, qid, languages, layout, qid_of))
            block_elements.append({"Type": "Question", "QuestionID": qid})
        blocks.append({"Type": "Default" if index == 1 else "Standard", "SubType": "",
                       "Description": group.part.title(lang), "ID": _BLOCK.format(index),
                       "BlockElements": block_elements, "Options": {"BlockLocking": "false",
                                                                    "RandomizeQuestions": "false"}})
    blocks.append({"Type": "Trash", "Description": "Trash / Unused Questions", "ID": _BLOCK.format(0),
                   "BlockElements": []})
    codes = "; ".join(f"{code} = {item_id}" for item_id, code in layout.codes.items())
    partners = "; ".join(f"{code} = {name}" for name, code in layout.partner_codes.items())
    description = (f"Samenspel {instrument.id} {instrument.version}. Export tags are item codes: {codes}. "
                   f"Partner codes: {partners or '-'}. 99 = don't know.")

    def element(kind: str, primary: str, payload: Any, secondary: str | None = None) -> dict[str, Any]:
        return {"SurveyID": _SURVEY, "Element": kind, "PrimaryAttribute": primary, "SecondaryAttribute": secondary,
                "TertiaryAttribute": None, "Payload": payload}

    elements.append(element("BL", "Survey Blocks", blocks))
    flow = [{"ID": b["ID"], "Type": "Block" if b["Type"] == "Default" else "Standard", "FlowID": f"FL_{i + 1}"}
            for i, b in enumerate(blocks[:-1], start=1)]
    elements.append(element("FL", "Survey Flow", {"Flow": flow, "Properties": {"Count": len(flow) + 1},
                                                   "FlowID": "FL_1", "Type": "Root"}))
    elements.append(element("SO", "Survey Options", {
        "BackButton": "true", "SaveAndContinue": "true", "SurveyProtection": "PublicSurvey",
        "BallotBoxStuffingPrevention": "false", "NoIndex": "Yes", "SecureResponseFiles": "true",
        "SurveyExpiration": "None", "SurveyTermination": "DefaultMessage", "Header": "", "Footer": "",
        "ProgressBarDisplay": "Text", "PartialData": "+1 week", "ValidationMessage": "", "PreviousButton": " ← ",
        "NextButton": " → ", "SurveyTitle": instrument.title(lang), "SurveyLanguage": lang.upper(),
        "AvailableLanguages": {code.upper(): [] for code in languages}, "ProtectSelectionIds": True,
    }))
    elements.append(element("SCO", "Scoring", {"ScoringCategories": [], "ScoringCategoryGroups": [],
                                               "ScoringSummaryCategory": None, "ScoringSummaryAfterQuestions": 0,
                                               "ScoringSummaryAfterSurvey": 0, "DefaultScoringCategory": None,
                                               "AutoScoringCategory": None}))
    elements.append(element("STAT", "Survey Statistics", {"MobileCompatible": True, "ID": "Survey Statistics"}))
    elements.append(element("QC", "Survey Question Count", None, str(len(questions))))
    elements.append(element("RS", "RS_samenspelcore01", None, "Default Response Set"))
    for payload in questions:
        elements.append(element("SQ", payload["QuestionID"], payload, _plain(payload["QuestionText"])[:100]))
    survey = {
        "SurveyEntry": {
            "SurveyID": _SURVEY, "SurveyName": instrument.title(lang), "SurveyDescription": description,
            "SurveyOwnerID": "", "SurveyBrandID": "", "DivisionID": None, "SurveyLanguage": lang.upper(),
            "SurveyActiveResponseSet": "RS_samenspelcore01", "SurveyStatus": "Inactive",
            "SurveyStartDate": "0000-00-00 00:00:00", "SurveyExpirationDate": "0000-00-00 00:00:00",
            "SurveyCreationDate": "0000-00-00 00:00:00", "CreatorID": "", "LastModified": "0000-00-00 00:00:00",
            "LastAccessed": "0000-00-00 00:00:00", "LastActivated": "0000-00-00 00:00:00", "Deleted": None,
        },
        "SurveyElements": elements,
    }
    return (json.dumps(survey, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def _plain(text: str) -> str:
    return re.sub(r"<[^>]+>", " ", text).strip()


def _question(question: Question, qid: str, languages: list[str], layout: Layout,
              qid_of: dict[str, str]) -> dict[str, Any]:
    base = languages[0]
    text = question.text(base)
    if question.help(base):
        text += f"<br><br><em>{question.help(base)}</em>"
    payload: dict[str, Any] = {
        "QuestionText": text, "DefaultChoices": False, "DataExportTag": question.code,
        "QuestionDescription": _plain(question.text(base))[:100],
        "Validation": {"Settings": {"ForceResponse": "OFF", "ForceResponseType": "ON", "Type": "None"}},
        "GradingData": [], "Language": [], "NextChoiceId": 1, "NextAnswerId": 1, "QuestionID": qid,
        "DataVisibility": {"Private": False, "Hidden": False},
    }
    translations: dict[str, dict[str, Any]] = {}
    for language in languages[1:]:
        translated = question.text(language)
        if question.help(language):
            translated += f"<br><br><em>{question.help(language)}</em>"
        translations[language.upper()] = {"QuestionText": translated}
    if question.kind == "text":
        payload.update({"QuestionType": "TE", "Selector": "ML",
                        "Configuration": {"QuestionDescriptionOption": "UseText"}})
    elif question.kind in ("partner", "role", "single", "checks"):
        rows = question.cells if question.kind == "checks" else question.choices
        choices = {str(i): {"Display": _label(r, base)} for i, r in enumerate(rows, start=1)}
        recodes = {str(i): str(i if question.kind == "checks" else r.recode)  # type: ignore[union-attr]
                   for i, r in enumerate(rows, start=1)}
        payload.update({
            "QuestionType": "MC", "Selector": "MAVR" if question.kind == "checks" else "SAVR", "SubSelector": "TX",
            "Configuration": {"QuestionDescriptionOption": "UseText"},
            "Choices": choices, "ChoiceOrder": [str(i) for i in range(1, len(rows) + 1)],
            "RecodeValues": recodes, "NextChoiceId": len(rows) + 1,
        })
        for language, translation in translations.items():
            translation["Choices"] = {str(i): {"Display": _label(r, language.lower())} for i, r in enumerate(rows, 1)}
    else:  # grid and relation: a matrix, one row per item or partner
        choices = {str(i): {"Display": cell.label(base)} for i, cell in enumerate(question.cells, start=1)}
        if question.kind == "relation" and PARTNER_QUESTION in qid_of:
            partner_question = layout.question(PARTNER_QUESTION)
            assert partner_question is not None
            for i, cell in enumerate(question.cells, start=1):
                position = next(n for n, c in enumerate(partner_question.choices, 1) if c.code == cell.code)
                choices[str(i)]["DisplayLogic"] = _not_selected(qid_of[PARTNER_QUESTION], position, cell.label(base))
        answers = {str(i): {"Display": choice.label(base)} for i, choice in enumerate(question.choices, start=1)}
        payload.update({
            "QuestionType": "Matrix", "Selector": "Likert", "SubSelector": "SingleAnswer",
            "Configuration": {"QuestionDescriptionOption": "UseText", "TextPosition": "inline",
                              "ChoiceColumnWidth": 40, "RepeatHeaders": "none", "WhiteSpace": "OFF",
                              "MobileFirst": True},
            "Choices": choices, "ChoiceOrder": [str(i) for i in range(1, len(question.cells) + 1)],
            "ChoiceDataExportTags": {str(i): cell.code for i, cell in enumerate(question.cells, start=1)},
            "Answers": answers, "AnswerOrder": list(range(1, len(question.choices) + 1)),
            "RecodeValues": {str(i): str(c.recode) for i, c in enumerate(question.choices, start=1)},
            "NextChoiceId": len(question.cells) + 1, "NextAnswerId": len(question.choices) + 1,
        })
        for language, translation in translations.items():
            code = language.lower()
            translation["Choices"] = {str(i): {"Display": cell.label(code)} for i, cell in enumerate(question.cells, 1)}
            translation["Answers"] = {str(i): {"Display": c.label(code)} for i, c in enumerate(question.choices, 1)}
    if translations:
        payload["Language"] = translations
    return payload


def _label(row: Cell | Choice, language: str) -> str:
    return row.label(language)


def _not_selected(partner_qid: str, position: int, name: str) -> dict[str, Any]:
    """Show a row only when the respondent did not choose this partner as their own organisation."""
    locator = f"q://{partner_qid}/SelectableChoice/{position}"
    return {"0": {"0": {"LogicType": "Question", "QuestionID": partner_qid, "QuestionIsInLoop": "no",
                        "ChoiceLocator": locator, "Operator": "NotSelected", "QuestionIDFromLocator": partner_qid,
                        "LeftOperand": locator, "Type": "Expression",
                        "Description": f"If {name} Is Not Selected"}, "Type": "If"},
            "Type": "BooleanExpression", "inPage": False}
