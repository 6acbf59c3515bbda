"""The response commands: validate, export, template, demo."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from responses_testkit import HEADER

from samenspel.responses.reader import read_responses

GOOD = HEADER + ",target,round_date\n" + "\n".join(
    [
        "zorg,voorjaar,r1,A,amb_01,4,,2025-04-01",
        "zorg,voorjaar,r1,A,rel_trust,3,B,2025-04-01",
        "zorg,voorjaar,r2,B,amb_01,,,2025-04-01",
        "zorg,najaar,r1,A,amb_01,5,,2025-10-01",
    ]
) + "\n"


def test_validate_ok_summary(cli, write):
    result = cli("validate", write("good.csv", GOOD))
    assert result.exit_code == 0
    assert result.stdout == (
        "OK: 4 answers (1 empty), 2 respondents, 2 partners, alliance zorg, rounds voorjaar, najaar\n"
    )


def test_export_to_stdout_is_the_standard_format(cli, write):
    result = cli("export", write("good.csv", GOOD))
    assert result.exit_code == 0
    assert result.stdout == GOOD  # same columns, same order, same values


def test_export_semicolon_file_normalises_to_comma(cli, write):
    result = cli("export", write("in.csv", "\ufeff" + HEADER.replace(",", ";") + "\nzorg;r1;x;A;amb_01;4,0\n"))
    assert result.stdout == HEADER + "\nzorg,r1,x,A,amb_01,4\n"


def test_export_one_round_to_file_and_xlsx(cli, write, tmp_path: Path, toy):
    source = write("good.csv", GOOD)
    out = tmp_path / "sub" / "najaar.csv"
    assert cli("export", source, "--round", "najaar", "-o", out).exit_code == 0
    assert out.read_text(encoding="utf-8") == HEADER + ",round_date\nzorg,najaar,r1,A,amb_01,5,2025-10-01\n"
    xlsx = tmp_path / "all.xlsx"
    assert cli("export", source, "-o", xlsx).exit_code == 0
    assert read_responses(xlsx, toy).answers == read_responses(source, toy).answers
    assert not list(tmp_path.rglob("*.part"))


def test_export_unknown_round(cli, write):
    result = cli("export", write("good.csv", GOOD), "--round", "zomer")
    assert result.exit_code == 2
    assert "no round 'zomer'; rounds in the file: voorjaar, najaar" in result.stderr


def test_export_bad_file_writes_nothing(cli, write, tmp_path: Path):
    out = tmp_path / "out.csv"
    result = cli("export", write("bad.csv", GOOD + "zorg,najaar,r1,A,amb_02,9,,\n"), "-o", out)
    assert result.exit_code == 2 and ":6: value 9 is out of range for item amb_02 (1-5)" in result.stderr
    assert not out.exists()


def test_template_command(cli, tmp_path: Path, toy):
    out = tmp_path / "sheet.xlsx"
    result = cli("template", "--partners", "A, B ,C", "--respondents", "2", "--lang", "en", "-o", out)
    assert result.exit_code == 0
    responses = read_responses(out, toy)
    assert responses.partners() == ["A", "B", "C"] and len(responses.respondents()) == 6


def test_template_needs_xlsx_name(cli, tmp_path: Path):
    result = cli("template", "--partners", "A,B", "-o", tmp_path / "sheet.csv")
    assert result.exit_code == 2 and "give a name ending in .xlsx" in result.stderr


def test_template_bad_language(cli, tmp_path: Path):
    result = cli("template", "--partners", "A,B", "--lang", "fr", "-o", tmp_path / "s.xlsx")
    assert result.exit_code == 2 and "unknown language 'fr'" in result.stderr


def test_demo_command_writes_valid_files(cli, tmp_path: Path, toy):
    out = tmp_path / "demo"
    result = cli("demo", "-o", out)
    assert result.exit_code == 0
    assert sorted(p.name for p in out.iterdir()) == ["README.md", "responses.csv", "responses.xlsx"]
    from_csv = read_responses(out / "responses.csv", toy)
    assert read_responses(out / "responses.xlsx", toy).answers == from_csv.answers
    readme = (out / "README.md").read_text(encoding="utf-8")
    assert "**English.**" in readme and "**Nederlands.**" in readme and "| Welzijn Samen | 2 / 2 |" in readme
    assert cli("validate", out / "responses.csv").stdout.startswith(f"OK: {len(from_csv.answers)} answers")


def test_demo_onto_a_file_is_an_error(cli, write):
    result = cli("demo", "-o", write("taken.txt", "x"))
    assert result.exit_code == 2 and "is not a directory" in result.stderr


def test_real_entry_point_shows_no_traceback(tmp_path: Path):
    """Through the installed ``samenspel`` entry point: a missing file is a message and exit code 2."""
    missing = tmp_path / "nope.csv"
    done = subprocess.run(
        [sys.executable, "-c", "from samenspel.cli import main; main()", "validate", str(missing)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert f"{missing}: file not found" in done.stderr
    assert "Traceback" not in done.stderr
