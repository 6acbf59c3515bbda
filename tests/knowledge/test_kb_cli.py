"""``samenspel kb validate | list | show`` through typer's CliRunner (and once as a real process)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from samenspel.cli import kb as cli_kb
from samenspel.knowledge import KnowledgeBase, entries

from knowledge_helpers import edit_yaml


@pytest.fixture(scope="module")
def app() -> typer.Typer:
    app = typer.Typer()
    cli_kb.register(app)
    return app


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    return CliRunner()


def test_validate_prints_counts(app: typer.Typer, runner: CliRunner, kb_dir_session: Path) -> None:
    result = runner.invoke(app, ["kb", "validate", "--data", str(kb_dir_session)])
    assert result.exit_code == 0, result.output
    lines = dict(line.split() for line in result.stdout.splitlines() if len(line.split()) == 2)
    assert lines["factors"] == "74" and lines["paradoxes"] == "13" and lines["domains"] == "5"
    assert "knowledge base OK" in result.stdout


def test_validate_broken_data_exits_2_with_message(app: typer.Typer, runner: CliRunner, kb_dir: Path) -> None:
    edit_yaml(kb_dir, "domains.yaml", lambda d: d["domains"][0]["name"].pop("en") and None)
    result = runner.invoke(app, ["kb", "validate", "--data", str(kb_dir)])
    assert result.exit_code == 2
    assert "domains.yaml: domain 'ambition': name: missing translation 'en'" in result.stderr
    assert "Traceback" not in result.output


def test_validate_missing_directory(app: typer.Typer, runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["kb", "validate", "--data", str(tmp_path / "nope")])
    assert result.exit_code == 2 and "not a directory" in result.stderr


@pytest.mark.parametrize(
    ("entry_id", "lang", "expected"),
    [
        ("unclear_goals", "nl", ["factors unclear_goals: Geen heldere gezamenlijke doelen", "Bron: 000 Tabel 2",
                                 "Tegenhanger: Heldere en haalbare doelen (clear_goals)"]),
        ("unclear_goals", "en", ["Questionnaire item:", "Source: 000 Tabel 2", "Shared ambition (ambition)"]),
        ("open_closed", "en", ["Pole A (low):", "Open network", "Phases (axis 1-4): 1, 3, 4", "Source: 000 §4"]),
        ("phase_2", "nl", ["phases phase_2: Vormen", "Wat te doen:", "Bron: 000 §4; 004"]),
        ("process_compass", "en", ["Exploring (exploring;", "Source: 004"]),
        ("economies_of_scale", "en", ["motives economies_of_scale: Economies of scale", "Source: 001 tabel 2.1"]),
        ("decide_improvements", "nl", ["Stap: 4", "Bron: 002 §3"]),
        ("001", "en", ["sources 001", "Kaats, E. & Opheij, W."]),
        ("collaborative_leadership", "en", ["Points:", "Source: 004"]),
        ("fixture_clear_roles", "nl", ["Eerste stap:", "Maak een lijst van de taken",
                                       "past bij sturingsmodel Coöperatief model (cooperative)",
                                       "(Bron: 003 ch. 1, Allianties met meerdere", "Bron: 000 Tabel 2"]),
        ("under_organisation", "en", ["Source: 004 Start", "Provenance: Own elaboration on the title of 001 §8.4.5"]),
        ("vigilant_contracting", "nl", ["Herkomst: Eigen uitwerking van de titel van 001 §5.1.3"]),
        ("discover_learn", "en", ["phase_details discover_learn: Discovering and learning", "Axis position: 3",
                                  "What to do:", "Source: 004 fig. 1, Ontdekken en leren"]),
        ("001", "en", ["Title only: §2.3", "§8.4", "What the seed text holds:"]),
    ],
)  # fmt: skip
def test_show_renders_entry_with_source(
    app: typer.Typer, runner: CliRunner, kb_dir_session: Path, entry_id: str, lang: str, expected: list[str]
) -> None:
    result = runner.invoke(app, ["kb", "show", entry_id, "--lang", lang, "--data", str(kb_dir_session)])
    assert result.exit_code == 0, result.output
    for part in expected:
        assert part in result.stdout, f"{part!r} not in:\n{result.stdout}"


def test_show_unknown_id_suggests(app: typer.Typer, runner: CliRunner, kb_dir_session: Path) -> None:
    result = runner.invoke(app, ["kb", "show", "unclear_goal", "--data", str(kb_dir_session)])
    assert result.exit_code == 2
    assert "no knowledge entry with id 'unclear_goal'" in result.stderr and "unclear_goals" in result.stderr


def test_show_unknown_language(app: typer.Typer, runner: CliRunner, kb_dir_session: Path) -> None:
    result = runner.invoke(app, ["kb", "show", "ambition", "--lang", "de", "--data", str(kb_dir_session)])
    assert result.exit_code == 2 and "unknown language" in result.stderr


def test_list_kind(app: typer.Typer, runner: CliRunner, kb_dir_session: Path) -> None:
    result = runner.invoke(app, ["kb", "list", "paradoxes", "--lang", "en", "--data", str(kb_dir_session)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 13 and lines[0].split()[:2] == ["paradoxes", "economic_societal"]


def test_list_all_and_unknown_kind(
    app: typer.Typer, runner: CliRunner, kb_dir_session: Path, kb: KnowledgeBase
) -> None:
    every = runner.invoke(app, ["kb", "list", "--data", str(kb_dir_session)])
    assert every.exit_code == 0 and len(every.stdout.splitlines()) == len(entries(kb))
    bad = runner.invoke(app, ["kb", "list", "gadgets", "--data", str(kb_dir_session)])
    assert bad.exit_code == 2 and "unknown kind 'gadgets'" in bad.stderr


def test_real_command_exits_2_without_traceback(kb_dir: Path) -> None:
    """The installed entry point, as a user runs it."""
    edit_yaml(kb_dir, "paradoxes.yaml", lambda d: d["paradoxes"][0].update(colour="red"))
    done = subprocess.run(
        [sys.executable, "-c", "from samenspel.cli import main; main()", "kb", "validate", "--data", str(kb_dir)],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == 2
    assert "colour: unknown field" in done.stderr and "Traceback" not in done.stderr


def test_show_only_marks_elaborations(app: typer.Typer, runner: CliRunner, kb_dir_session: Path) -> None:
    """An entry resting on seed content shows its source, without a provenance line."""
    result = runner.invoke(app, ["kb", "show", "open_closed", "--lang", "en", "--data", str(kb_dir_session)])
    assert result.exit_code == 0 and "Provenance:" not in result.stdout and "basis" not in result.stdout
