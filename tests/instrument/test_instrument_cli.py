"""``samenspel instrument``: JSON and Markdown on stdout or to a file; bad options exit 2."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

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


def test_json_to_stdout(full: Instrument) -> None:
    result = runner.invoke(_app(), ["instrument", "--format", "json"], catch_exceptions=False)
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["id"] == "samenspel-core" and len(data["items"]) == len(full.items)


def test_short_json(pulse: Instrument) -> None:
    result = runner.invoke(_app(), ["instrument", "--short"], catch_exceptions=False)
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["variant"] == "pulse" and len(data["items"]) == len(pulse.items)


def test_markdown_to_file(tmp_path: Path, full: Instrument) -> None:
    out = tmp_path / "forms" / "vragenlijst.md"
    result = runner.invoke(
        _app(), ["instrument", "--format", "markdown", "--lang", "en", "-o", str(out)], catch_exceptions=False
    )
    assert result.exit_code == 0 and result.stdout == ""
    text = out.read_text(encoding="utf-8")
    assert text.startswith(f"# {full.title.en}")


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
