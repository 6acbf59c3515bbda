"""The questionnaire files for the tools: valid against their documented structure, and readable back.

.lss: the table layout of LimeSurvey 5 survey files (tests/data/surveys/*.lss in LimeSurvey's
repository): ``document`` with ``LimeSurveyDocType``, ``DBVersion``, ``languages`` and one element per
table with ``fields/fieldname`` and ``rows/row``; codes within LimeSurvey's rules (Question.php).
.qsf: the JSON of Qualtrics survey files (QualtricsTools' sample surveys): ``SurveyEntry`` and
``SurveyElements`` with BL, FL, SO, QC and one SQ per question.
"""

from __future__ import annotations

import io
import json
import re
import xml.etree.ElementTree as ET

import pytest
from docx import Document

from samenspel.instrument import load_instrument
from samenspel.surveytools.codes import CODE, item_code
from samenspel.surveytools.conversion import resolve_columns
from samenspel.surveytools.layout import build_layout
from samenspel.surveytools.limesurvey import to_lss
from samenspel.surveytools.msforms import forms_questions, to_docx
from samenspel.surveytools.qualtrics import to_qsf
from samenspel.surveytools.table import ToolExport

QUESTION_CODE = re.compile(r"^[a-zA-Z][a-zA-Z0-9]*$")  # LimeSurvey's rule for question codes
SUB_CODE = re.compile(r"^[a-zA-Z0-9]+$")  # ... and for subquestion and answer codes


def _tables(root: ET.Element) -> dict[str, list[dict[str, str]]]:
    out = {}
    for table in root:
        if table.find("fields") is None:
            continue
        fields = [f.text for f in table.find("fields")]
        rows = []
        for row in table.find("rows"):
            assert [c.tag for c in row] == [f for f in fields if row.find(f) is not None], table.tag
            rows.append({c.tag: c.text or "" for c in row})
        out[table.tag] = rows
    return out


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_lss_structure(layout, lang) -> None:
    root = ET.fromstring(to_lss(layout, lang))
    assert root.tag == "document" and root.findtext("LimeSurveyDocType") == "Survey"
    assert root.findtext("DBVersion") == "477"
    assert [e.text for e in root.find("languages")] == [lang, "en" if lang == "nl" else "nl"]
    t = _tables(root)
    questions, subs = t["questions"], t["subquestions"]
    codes = [q["title"] for q in questions]
    assert len(codes) == len(set(codes))
    assert all(QUESTION_CODE.match(c) and len(c) <= 20 and c == c.lower() for c in codes)
    assert all(SUB_CODE.match(s["title"]) and len(s["title"]) <= 20 for s in subs)
    qids = {q["qid"] for q in questions}
    assert {s["parent_qid"] for s in subs} <= qids
    assert all(len(a["code"]) <= 5 and SUB_CODE.match(a["code"]) for a in t["answers"])
    assert {a["qid"] for a in t["answers"]} <= qids
    languages: dict[str, list[str]] = {}
    for r in t["question_l10ns"]:
        languages.setdefault(r["qid"], []).append(r["language"])
    assert {qid: sorted(langs) for qid, langs in languages.items()} == {
        qid: ["en", "nl"] for qid in qids | {s["qid"] for s in subs}}  # every question and row in both languages
    aids = {a["aid"] for a in t["answers"]}
    assert {r["aid"] for r in t["answer_l10ns"]} == aids
    assert {q["gid"] for q in questions} == {g["gid"] for g in t["groups"]}
    assert t["surveys"][0]["language"] == lang
    hidden = next(q for q in questions if q["title"] == "samenspel")
    assert hidden["type"] == "X"
    assert {"qid": hidden["qid"], "attribute": "hidden", "value": "1"}.items() <= t["question_attributes"][0].items()
    note = next(r["question"] for r in t["question_l10ns"] if r["qid"] == hidden["qid"])
    assert "parcontpartdesi = par_contract_partnership_desired" in note
    relation = [s for s in subs if s["relevance"] != "1"]
    assert relation and all(re.fullmatch(r'partner\.NAOK != "p\d+"', s["relevance"]) for s in relation)


def test_lss_columns_read_back(layout) -> None:
    """Every response column LimeSurvey makes from the .lss (code, code[sub]) is recognised by the importer."""
    t = _tables(ET.fromstring(to_lss(layout)))
    parents = {q["qid"]: q for q in t["questions"]}
    names = [q["title"] for q in t["questions"] if q["type"] in "LT"]
    names += [f"{parents[s['parent_qid']]['title']}[{s['title']}]" for s in t["subquestions"]]
    export = ToolExport("limesurvey", "csv", "x", names, [])
    meanings = resolve_columns(export, layout)
    assert all(m is not None for m in meanings)
    assert len({(m.item.id, m.target) for m in meanings if m.item}) == len(layout.cells()) - 2


def test_qsf_structure_and_tags(layout) -> None:
    survey = json.loads(to_qsf(layout))
    assert set(survey) == {"SurveyEntry", "SurveyElements"}
    elements = survey["SurveyElements"]
    kinds = [e["Element"] for e in elements]
    assert {"BL", "FL", "SO", "QC", "RS"} <= set(kinds)
    sq = {e["PrimaryAttribute"]: e["Payload"] for e in elements if e["Element"] == "SQ"}
    blocks = next(e["Payload"] for e in elements if e["Element"] == "BL")
    in_blocks = [b["QuestionID"] for block in blocks for b in block["BlockElements"]]
    assert sorted(in_blocks) == sorted(sq)
    assert next(e for e in elements if e["Element"] == "QC")["SecondaryAttribute"] == str(len(sq))
    flow = next(e["Payload"] for e in elements if e["Element"] == "FL")["Flow"]
    assert [f["ID"] for f in flow] == [b["ID"] for b in blocks if b["Type"] != "Trash"]
    tags = [p["DataExportTag"] for p in sq.values()]
    assert len(tags) == len(set(tags))
    columns = []
    for payload in sq.values():
        assert payload["QuestionID"] in sq
        if payload["QuestionType"] == "Matrix":
            assert set(payload["RecodeValues"]) == {str(k) for k in payload["AnswerOrder"]}
            columns += [f"{payload['DataExportTag']}_{t}" for t in payload["ChoiceDataExportTags"].values()]
            assert payload["Language"]["EN"]["Answers"].keys() == payload["Answers"].keys()
        elif payload["Selector"] == "MAVR":
            columns += [f"{payload['DataExportTag']}_{r}" for r in payload["RecodeValues"].values()]
        else:
            columns.append(payload["DataExportTag"])
        assert all(v.lstrip("-").isdigit() for v in payload.get("RecodeValues", {}).values())
    meanings = resolve_columns(ToolExport("qualtrics", "current", "x", columns, []), layout)
    assert all(m is not None for m in meanings)
    assert survey["SurveyEntry"]["SurveyLanguage"] == "NL"


def test_qsf_hides_own_partner_row(layout) -> None:
    sq = [e["Payload"] for e in json.loads(to_qsf(layout))["SurveyElements"] if e["Element"] == "SQ"]
    partner = next(p for p in sq if p["DataExportTag"] == "partner")
    trust = next(p for p in sq if p["DataExportTag"] == item_code("rel_trust"))
    for choice in trust["Choices"].values():
        logic = choice["DisplayLogic"]["0"]["0"]
        assert logic["Operator"] == "NotSelected" and logic["QuestionID"] == partner["QuestionID"]
        position = logic["ChoiceLocator"].rsplit("/", 1)[1]
        assert partner["Choices"][position]["Display"] == choice["Display"]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_forms_document(layout, lang) -> None:
    document = Document(io.BytesIO(to_docx(layout, lang)))
    numbered = [p.text for p in document.paragraphs if re.match(r"^\d+\. ", p.text)]
    questions = forms_questions(layout)
    assert len(numbered) == len(questions) <= 200  # Forms allows at most 200 questions
    assert numbered[0] == "1. " + questions[0][1](lang)
    bullets = [p.text for p in document.paragraphs if p.style.name == "List Bullet"]
    assert sum(len(options) for _, _, options in questions) == len(bullets)
    titles = [title(lang) for _, title, _ in questions]
    assert len(titles) == len(set(titles))  # Excel headings must tell the questions apart


def test_item_codes_fit_every_tool(full) -> None:
    codes = [item_code(it.id) for it in full.items]
    assert len(codes) == len(set(codes)) and all(CODE.match(c) and len(c) <= 20 for c in codes)
    assert item_code("amb_01") == "amb01" and item_code("par_contract_partnership_desired") == "parcontpartdesi"


def test_exporters_take_the_instrument_they_are_given() -> None:
    pulse = load_instrument(short=True)
    layout = build_layout(pulse, ["A", "B"])
    t = _tables(ET.fromstring(to_lss(layout)))
    items = {s["title"] for s in t["subquestions"]} | {q["title"] for q in t["questions"]}
    assert {item_code(it.id) for it in pulse.items if it.type != "relation"} <= items
    assert item_code("amb_06") not in items  # not in the pulse version


def test_instrument_command_writes_each_tool_file(tmp_path) -> None:
    from typer.testing import CliRunner

    from samenspel.cli import app

    runner = CliRunner()
    partners = ["--partners", "Gemeente,Ziekenhuis,Thuiszorg"]
    lss = runner.invoke(app, ["instrument", "--format", "lss", "--lang", "en", *partners], catch_exceptions=False)
    assert lss.exit_code == 0 and ET.fromstring(lss.stdout_bytes).find("languages")[0].text == "en"
    qsf = runner.invoke(app, ["instrument", "--format", "qsf", *partners, "-o", str(tmp_path / "s.qsf")])
    assert qsf.exit_code == 0 and json.loads((tmp_path / "s.qsf").read_text())["SurveyEntry"]["SurveyLanguage"] == "NL"
    forms = runner.invoke(app, ["instrument", "--format", "forms", "--lang", "en", *partners, "-o",
                                str(tmp_path / "s.docx")], catch_exceptions=False)
    assert forms.exit_code == 0
    guide = (tmp_path / "s-instructions.md").read_text()
    assert "Quick import" in guide and "`s.docx`" in guide and "Gemeente,Ziekenhuis,Thuiszorg" in guide
    assert Document(str(tmp_path / "s.docx")).paragraphs[0].text == "Samenspel – questionnaire on our collaboration"
