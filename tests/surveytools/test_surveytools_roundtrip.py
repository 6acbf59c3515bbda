"""Round trips per tool: known answers -> the tool's export layout -> import -> exactly the known answers.

And the diagnosis: ``samenspel analyse --format json`` gives the same JSON for the imported
export as for the same answers in Samenspel's own format.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from toolkit import (
    ALLIANCE,
    ROUND,
    ROUND_DATE,
    known,
    limesurvey_csv,
    limesurvey_vv,
    msforms_xlsx,
    qualtrics_csv,
)
from typer.testing import CliRunner

from samenspel.cli import app
from samenspel.responses.model import ResponseSet
from samenspel.responses.writer import to_csv
from samenspel.surveytools.conversion import Constants, convert
from samenspel.surveytools.detect import detect, read_export
from samenspel.surveytools.layout import Layout

CONSTANTS = Constants(ALLIANCE, ROUND, ROUND_DATE)


def _import(data: bytes, name: str, layout: Layout, tool: str = "auto") -> ResponseSet:
    return convert(read_export(data, name, tool), layout, CONSTANTS).responses


def _same(got: ResponseSet, want: ResponseSet) -> None:
    assert len(got.answers) == len(want.answers)
    for a, b in zip(got.answers, want.answers, strict=True):
        assert a == b, (a, b)


@pytest.mark.parametrize("separator", [",", ";", "\t"])
def test_limesurvey_csv_codes(layout, demo, separator) -> None:
    want = known(layout, demo, "limesurvey")
    data = limesurvey_csv(layout, want, separator=separator)
    assert detect(data, "results-survey246810.csv") == "limesurvey"
    _same(_import(data, "results-survey246810.csv", layout), want)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_limesurvey_csv_full_answers(layout, demo, lang) -> None:
    want = known(layout, demo, "limesurvey")
    _same(_import(limesurvey_csv(layout, want, full=True, lang=lang), "results.csv", layout), want)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_limesurvey_csv_full_headings_and_answers(layout, demo, lang) -> None:
    """Headings "Full question text" with "Full answers", separator ';' (as a Dutch user may choose)."""
    want = known(layout, demo, "limesurvey")
    data = limesurvey_csv(layout, want, separator=";", full=True, lang=lang, headings="full")
    assert detect(data, "results.csv") == "limesurvey"
    _same(_import(data, "results.csv", layout), want)


def test_limesurvey_vv(layout, demo) -> None:
    want = known(layout, demo, "limesurvey")
    data = limesurvey_vv(layout, want)
    assert detect(data, "vvexport_246810.txt") == "limesurvey"
    _same(_import(data, "vvexport_246810.txt", layout), want)


@pytest.mark.parametrize("numeric", [True, False], ids=["numeric", "choice-text"])
@pytest.mark.parametrize("recoded", [True, False], ids=["recode-99", "plain"])
def test_qualtrics_current(layout, demo, numeric, recoded) -> None:
    want = known(layout, demo, "qualtrics", recoded=recoded)
    data = qualtrics_csv(layout, want, numeric=numeric, recoded=recoded)
    assert detect(data, "export.csv") == "qualtrics"
    _same(_import(data, "export.csv", layout), want)


def test_qualtrics_legacy(layout, demo) -> None:
    want = known(layout, demo, "qualtrics", language=False)
    data = qualtrics_csv(layout, want, legacy=True)
    export = read_export(data, "legacy.csv")
    assert export.variant == "legacy"
    _same(convert(export, layout, CONSTANTS).responses, want)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_msforms(layout, demo, lang) -> None:
    want = known(layout, demo, "msforms", language=False)
    data = msforms_xlsx(layout, want, lang)
    assert detect(data, "Samenspel.xlsx") == "msforms"
    _same(_import(data, "Samenspel.xlsx", layout), want)


def test_missing_reasons_survive(layout, demo) -> None:
    """The tools' codes for 'no answer', 'not shown' and 'don't know' stay apart."""
    want = known(layout, demo, "limesurvey")
    got = _import(limesurvey_csv(layout, want), "r.csv", layout)
    reasons = {a.missing for a in got.answers}
    assert {"skipped", "not_asked", "dont_know", None} <= reasons


@pytest.mark.parametrize("tool", ["limesurvey", "qualtrics", "msforms"])
def test_same_diagnosis_as_own_format(tmp_path: Path, layout, demo, tool) -> None:
    """What a facilitator sees: the diagnosis JSON of the import equals that of the same answers."""
    want = known(layout, demo, tool, language=tool != "msforms")
    if tool == "limesurvey":
        data, name = limesurvey_csv(layout, want), "results.csv"
    elif tool == "qualtrics":
        data, name = qualtrics_csv(layout, want), "export.csv"
    else:
        data, name = msforms_xlsx(layout, want), "forms.xlsx"
    export_file = tmp_path / name
    export_file.write_bytes(data)
    own = tmp_path / "own.csv"
    own.write_text(to_csv(want), encoding="utf-8")
    imported = tmp_path / "imported.csv"
    runner = CliRunner()
    result = runner.invoke(app, ["import", str(export_file), "--from", tool, "--alliance", ALLIANCE, "--round", ROUND,
                                 "--round-date", ROUND_DATE.isoformat(), "--partners", ",".join(layout.partners),
                                 "-o", str(imported)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    diagnoses = []
    for path in (own, imported):
        result = runner.invoke(app, ["analyse", str(path), "--format", "json"], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        diagnoses.append(json.loads(result.stdout))
    assert diagnoses[0] == diagnoses[1]
    assert diagnoses[0]["n_respondents"] > 10 and diagnoses[0]["problems"]


def test_msforms_titles_and_options_with_numbers_and_letters(layout, demo) -> None:
    """Should Quick Import keep the document's numbering ("12. ...", "a. ..."), the answers still read."""
    import io

    from openpyxl import load_workbook

    want = known(layout, demo, "msforms", language=False)
    workbook = load_workbook(io.BytesIO(msforms_xlsx(layout, want, "nl")))
    sheet = workbook.active
    for n, cell in enumerate(sheet[1][6:], start=1):
        cell.value = f"{n}. {cell.value}"
    labelled = 0
    for row in sheet.iter_rows(min_row=2):
        for cell in row[6:]:
            if isinstance(cell.value, str) and cell.value.startswith("helemaal oneens"):
                cell.value = "a. " + cell.value
                labelled += 1
    assert labelled
    buffer = io.BytesIO()
    workbook.save(buffer)
    _same(_import(buffer.getvalue(), "forms.xlsx", layout), want)
