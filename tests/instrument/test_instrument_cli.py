"""``samenspel instrument``: JSON and Markdown on stdout or to a file; bad options exit 2."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from samenspel.cli import instrument as cli_instrument
from samenspel.instrument import Instrument

runner = CliRunner()


def _app() -> typer.Typer:
    app = typer.Typer()
    cli_instrument.register(app)

    @app.command("other")  # a second command keeps `instrument` a subcommand, as in the real CLI
    def other() -> None:
        pass

    return app


def test_json_to_stdout_is_the_default_full_round() -> None:
    from samenspel.instrument import default_selection, questionnaire
    from samenspel.knowledge import load_knowledge

    result = runner.invoke(_app(), ["instrument", "--format", "json"], catch_exceptions=False)
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    default = questionnaire(default_selection(load_knowledge()))
    assert data["id"] == "samenspel-core" and data["version"] == "2.0"
    assert [i["id"] for i in data["items"]] == [it.id for it in default.items]
    assert [m["id"] for m in data["modules"]] == ["core", "paradoxes", "factors", "motives", "open"]


def test_all_and_version_one(full: Instrument, v2: Instrument) -> None:
    every = json.loads(runner.invoke(_app(), ["instrument", "--all"], catch_exceptions=False).stdout)
    assert len(every["items"]) == len(v2.items)
    old = json.loads(runner.invoke(_app(), ["instrument", "--version", "1.0"], catch_exceptions=False).stdout)
    assert old["version"] == "1.0" and len(old["items"]) == len(full.items)


def test_modules_and_paradoxes_are_chosen() -> None:
    result = runner.invoke(_app(), ["instrument", "--modules", "paradoxes,leadership", "--paradoxes", "conflict"],
                           catch_exceptions=False)
    data = json.loads(result.stdout)
    assert [m["id"] for m in data["modules"]] == ["core", "paradoxes", "leadership"]
    assert {i["construct"].split(":")[1] for i in data["items"] if i["construct"].startswith("paradox:")} == {"conflict"}


def test_short_json(v2_pulse: Instrument, pulse: Instrument) -> None:
    result = runner.invoke(_app(), ["instrument", "--short"], catch_exceptions=False)
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["variant"] == "pulse" and len(data["items"]) == len(v2_pulse.items)
    old = json.loads(runner.invoke(_app(), ["instrument", "--short", "--version", "1.0"], catch_exceptions=False).stdout)
    assert len(old["items"]) == len(pulse.items)


@pytest.mark.parametrize("args", [["--version", "3.0"], ["--modules", "astrology"], ["--phase", "7"],
                                  ["--short", "--modules", "open"], ["--version", "1.0", "--modules", "open"]])
def test_bad_choices_exit_2(args: list[str]) -> None:
    result = runner.invoke(_app(), ["instrument", *args])
    assert result.exit_code == 2 and "Traceback" not in result.output


def test_markdown_to_file(tmp_path: Path, v2: Instrument) -> None:
    out = tmp_path / "forms" / "vragenlijst.md"
    result = runner.invoke(
        _app(), ["instrument", "--format", "markdown", "--lang", "en", "-o", str(out)], catch_exceptions=False
    )
    assert result.exit_code == 0 and result.stdout == ""
    text = out.read_text(encoding="utf-8")
    assert text.startswith(f"# {v2.title.en}")


def test_bad_options_exit_2_without_traceback(tmp_path: Path) -> None:
    """Through the real entry point: an unknown language and an unknown format."""
    for args in (["--format", "markdown", "--lang", "de"], ["--format", "pdf"]):
        done = subprocess.run(
            [sys.executable, "-c", "from samenspel.cli import main; main()", "instrument", *args],
            capture_output=True,
            text=True,
            cwd=tmp_path,
        )
        assert done.returncode == 2, done.stderr
        assert "Traceback" not in done.stderr
