"""Shared fixtures: the toy questionnaire and a CLI with only the response commands."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import typer
from toy_instrument import toy_instrument
from typer.testing import CliRunner

from samenspel.cli import responses as cli_responses
from samenspel.instrument.model import Instrument



@pytest.fixture(scope="session")
def toy() -> Instrument:
    return toy_instrument()


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, toy: Instrument) -> Callable[..., object]:
    """Run ``samenspel <args>`` in-process against the toy questionnaire; returns the click Result."""
    monkeypatch.setattr(cli_responses, "instrument", lambda: toy)
    app = typer.Typer()
    cli_responses.register(app)
    runner = CliRunner()

    def run(*args: str) -> object:
        return runner.invoke(app, [str(a) for a in args], catch_exceptions=False)

    return run


@pytest.fixture
def write(tmp_path: Path) -> Callable[[str, str | bytes], Path]:
    """Write a small file into tmp_path and return its path."""

    def _write(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8", newline="")
        return path

    return _write
