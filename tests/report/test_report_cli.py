"""``samenspel report``: reads and checks the file, writes the report atomically, user errors exit 2."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from samenspel.cli import report as cli_report
from samenspel.errors import SamenspelError
from samenspel.responses.writer import to_csv


@pytest.fixture(scope="module")
def csv_file(responses, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "responses.csv"
    path.write_text(to_csv(responses), encoding="utf-8")
    return path


def run(*args: object):
    app = typer.Typer()
    cli_report.register(app)

    @app.callback()
    def _root() -> None:  # keep "report" as a sub-command
        pass

    return CliRunner().invoke(app, ["report", *(str(a) for a in args)], catch_exceptions=False)


def test_html_report_of_an_earlier_round(csv_file, tmp_path):
    out = tmp_path / "report.html"
    result = run(csv_file, "--round", "2025-voorjaar", "--lang", "en", "--invited", "Gemeente Rivierstad=10",
                 "-o", out)
    assert result.exit_code == 0, result.output
    doc = out.read_text(encoding="utf-8")
    assert doc.startswith("<!DOCTYPE html>") and "Measurement round 2025-voorjaar" in doc
    assert "This is the first round" in doc  # nothing before spring
    assert not list(tmp_path.glob("*.part"))


def test_format_follows_the_output_suffix():
    assert cli_report.choose_format(None, Path("x.pdf")) == "pdf"
    assert cli_report.choose_format(None, Path("x.html")) == "html"
    assert cli_report.choose_format(cli_report.ReportFormat.pdf, None) == "pdf"
    assert cli_report.choose_format(None, None) == "html"


@pytest.mark.parametrize("name, given, message", [
    ("x.docx", None, "'.docx' is not a format this command writes; use .htm, .html, .pdf"),
    ("x", None, "no extension is not a format"),
    ("x.html", cli_report.ReportFormat.pdf, "the extension .html does not match --format pdf"),
])
def test_an_output_name_that_names_another_format_is_refused(name, given, message):
    """``report -o x.docx`` once wrote HTML into a .docx file without a word."""
    with pytest.raises(SamenspelError, match=message):
        cli_report.choose_format(given, Path(name))


@pytest.mark.parametrize("content, message", [
    ("alliance,round,respondent,partner,item,value\nx,r1,a1,A,no_such_item,3\n", "unknown item"),
    ("alliance,round,respondent,partner,item\nx,r1,a1,A,amb_01\n", "value"),
])
def test_bad_file_exits_2_with_file_and_line(tmp_path, content, message):
    bad = tmp_path / "bad.csv"
    bad.write_text(content, encoding="utf-8")
    out = tmp_path / "report.pdf"
    result = run(bad, "-o", out)
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert str(bad) in result.output and message in result.output
    assert not out.exists()


@pytest.mark.parametrize("args, message", [
    (["--invited", "Gemeente Rivierstad"], "PARTNER=NUMBER"),
    (["--invited", "Nobody Here=4"], "Nobody Here"),
    (["--min-group", "0"], "minimum group size"),
    (["--lang", "de"], "unknown language"),
    (["--round", "2030"], "unknown round"),
])
def test_bad_options_exit_2(csv_file, tmp_path, args, message):
    out = tmp_path / "report.html"
    result = run(csv_file, *args, "-o", out)
    assert result.exit_code == 2
    assert message in result.output and "Traceback" not in result.output
    assert not out.exists()
