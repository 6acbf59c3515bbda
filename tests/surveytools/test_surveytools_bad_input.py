"""Bad input: each a clear error naming the column (or line) and what to do, exit 2, nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest
from toolkit import known, limesurvey_csv, qualtrics_csv
from typer.testing import CliRunner

from samenspel.cli import app

FIXTURES = Path(__file__).parents[1] / "fixtures" / "surveytools"
PARTNERS = "Gemeente,Ziekenhuis,Thuiszorg"
runner = CliRunner()


def _import(tmp_path: Path, name: str, data: bytes | str, *args: str):  # type: ignore[no-untyped-def]
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    out = tmp_path / "out.csv"
    result = runner.invoke(app, ["import", str(path), "-o", str(out), *args], catch_exceptions=False)
    return result, out


LS_HEAD = '\ufeff"id";"submitdate";"lastpage";"startlanguage";"seed";"partner"'


def test_unmapped_column_of_another_questionnaire(tmp_path: Path) -> None:
    data = LS_HEAD + ';"Q1";"Q2[SQ001]"\r\n"1";"2025-01-01";"1";"nl";"1";"p1";"A1";"Y"\r\n'
    result, out = _import(tmp_path, "other.csv", data, "--partners", PARTNERS)
    assert result.exit_code == 2
    assert "column 7 'Q1' is not a question of questionnaire samenspel-core" in result.stderr
    assert "'Q2[SQ001]'" in result.stderr and "mapping file" in result.stderr
    assert "nothing was imported" in result.stderr and not out.exists()


def test_unknown_answer_label_names_line_and_column(tmp_path: Path) -> None:
    data = LS_HEAD + ';"phase"\r\n"1";"2025-01-01";"1";"nl";"1";"p1";"2"\r\n"2";"2025-01-01";"1";"nl";"1";"p2";"A7"\r\n'
    result, out = _import(tmp_path, "r.csv", data, "--partners", PARTNERS)
    assert result.exit_code == 2
    assert "r.csv:3: column 'phase': unknown answer 'A7' for item phase" in result.stderr
    assert "values:" in result.stderr and not out.exists()


def test_missing_partner(tmp_path: Path) -> None:
    data = '\ufeff"id";"submitdate";"lastpage";"startlanguage";"seed";"phase"\r\n"1";"x";"1";"nl";"1";"2"\r\n'
    result, out = _import(tmp_path, "r.csv", data, "--partners", PARTNERS)
    assert result.exit_code == 2
    assert "no column with the respondent's partner" in result.stderr and "--partner NAME" in result.stderr
    result, out = _import(tmp_path, "r.csv", data, "--partners", PARTNERS, "--partner", "Gemeente")
    assert result.exit_code == 0, result.stderr
    assert "Gemeente,phase,2" in out.read_text()


def test_unknown_partner_answer(tmp_path: Path) -> None:
    data = LS_HEAD + ';"phase"\r\n"1";"x";"1";"nl";"1";"p9";"2"\r\n'
    result, _ = _import(tmp_path, "r.csv", data, "--partners", PARTNERS)
    assert result.exit_code == 2
    assert "r.csv:2: column 'partner': unknown partner 'p9'" in result.stderr
    assert "did not say which partner" not in result.stderr  # one problem, said once


def test_file_of_another_tool(tmp_path: Path, layout, demo) -> None:
    data = qualtrics_csv(layout, known(layout, demo, "qualtrics"))
    result, out = _import(tmp_path, "q.csv", data, "--from", "limesurvey", "--partners", ",".join(layout.partners))
    assert result.exit_code == 2
    assert "this is not a LimeSurvey response export" in result.stderr and not out.exists()
    result, _ = _import(tmp_path, "q.csv", limesurvey_csv(layout, known(layout, demo, "limesurvey")),
                        "--from", "qualtrics", "--partners", ",".join(layout.partners))
    assert result.exit_code == 2 and "this is not a Qualtrics CSV export" in result.stderr


def test_own_format_and_unknown_files(tmp_path: Path) -> None:
    result, _ = _import(tmp_path, "own.csv", "alliance,round,respondent,partner,item,value\na,r,1,A,amb_01,3\n")
    assert result.exit_code == 2 and "Samenspel's own format" in result.stderr
    result, _ = _import(tmp_path, "x.csv", "a,b,c\n1,2,3\n")
    assert result.exit_code == 2 and "cannot tell which survey tool" in result.stderr and "--from" in result.stderr


def test_forms_tool_needs_a_workbook(tmp_path: Path) -> None:
    result, _ = _import(tmp_path, "x.csv", "ID,Start time\n", "--from", "msforms")
    assert result.exit_code == 2 and "Excel workbook" in result.stderr


def test_vv_version_1_is_refused(tmp_path: Path) -> None:
    data = 'Response ID\tQ\nid\t246810X1X2\n1\t3\n'
    result, _ = _import(tmp_path, "vv.txt", data, "--partners", PARTNERS)
    assert result.exit_code == 2 and "VV version 1" in result.stderr and "Last VV version" in result.stderr


def test_not_utf8(tmp_path: Path) -> None:
    data = (LS_HEAD + ';"open01"\r\n"1";"x";"1";"nl";"1";"p1";"caf\u00e9"\r\n').encode("latin-1", "replace")
    data = data.replace("\ufeff".encode("latin-1", "replace"), b"")
    result, _ = _import(tmp_path, "l.csv", data, "--partners", PARTNERS)
    assert result.exit_code == 2 and "not UTF-8" in result.stderr


def test_relation_questionnaire_needs_partners(tmp_path: Path) -> None:
    data = LS_HEAD + ';"phase"\r\n"1";"x";"1";"nl";"1";"p1";"2"\r\n'
    result, _ = _import(tmp_path, "r.csv", data)
    assert result.exit_code == 2 and "--partners" in result.stderr


def test_too_many_columns(tmp_path: Path) -> None:
    header = LS_HEAD + "".join(f';"x{i}"' for i in range(2100))
    result, _ = _import(tmp_path, "wide.csv", header + "\r\n", "--partners", PARTNERS)
    assert result.exit_code == 2 and "more than the limit of 2,000" in result.stderr


def test_instrument_forms_needs_docx_name(tmp_path: Path) -> None:
    result = runner.invoke(app, ["instrument", "--format", "forms", "--partners", PARTNERS, "-o",
                                 str(tmp_path / "q.txt")], catch_exceptions=False)
    assert result.exit_code == 2 and ".docx" in result.stderr and not (tmp_path / "q.txt").exists()


@pytest.mark.parametrize("partners", ["A", "A,,B", "A,a"])
def test_bad_partner_lists(tmp_path: Path, partners: str) -> None:
    result = runner.invoke(app, ["instrument", "--format", "lss", "--partners", partners], catch_exceptions=False)
    assert result.exit_code == 2 and "partner" in result.stderr


def test_another_partner_list_is_noticed_where_the_export_names_partners(tmp_path: Path) -> None:
    """Partner codes follow the list; a Qualtrics export's second row names the partner, so a wrong list shows."""
    data = (FIXTURES / "qualtrics-export.csv").read_bytes()
    result, out = _import(tmp_path, "q.csv", data, "--partners", "Gemeente,Ziekenhuis,Huisartsen")
    assert result.exit_code == 2 and not out.exists()
    assert ("column 'reltrus_p2' is about 'Thuiszorg' in the export, but about 'Huisartsen' with the partner "
            "list given") in result.stderr
    result, _ = _import(tmp_path, "q.csv", data, "--partners", "Gemeente,Ziekenhuis")
    assert result.exit_code == 2 and "'reltrus_p2' is about 'Thuiszorg' in the export" in result.stderr


def test_an_export_of_empty_responses_is_warned_about(tmp_path: Path) -> None:
    """Converted, like any export, but with validate's warning: nobody counts, nothing to analyse (issue 13 p. 6)."""
    data = LS_HEAD + ';"phase"\r\n"1";"2025-01-01";"1";"nl";"1";"p1";""\r\n"2";"2025-01-01";"1";"nl";"1";"p2";""\r\n'
    result, out = _import(tmp_path, "r.csv", data, "--partners", PARTNERS, "--round", "r1")
    assert result.exit_code == 0 and out.exists()
    assert "warning: " in result.stderr and "round r1: nobody counts as a respondent" in result.stderr


def test_a_full_export_gets_no_warning(tmp_path: Path, layout, demo) -> None:  # type: ignore[no-untyped-def]
    want = known(layout, demo, "limesurvey")
    result, _ = _import(tmp_path, "results.csv", limesurvey_csv(layout, want), "--partners", ",".join(layout.partners))
    assert result.exit_code == 0 and "warning" not in result.stderr, result.stderr
