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


DOMAINS = ["amb_01", "amb_02", "amb_03", "amb_04", "int_01", "int_02", "int_03", "rel_01", "rel_02"]  # 9 of 17


def _counting(round_id: str, respondent: str, partner: str = "A", date: str = "2025-04-01") -> list[str]:
    """Rows of a respondent who counts (half of the toy's 17 domain items) and reaches the network part."""
    rows = [f"zorg,{round_id},{respondent},{partner},{item},4,,{date}" for item in DOMAINS]
    other = "B" if partner == "A" else "A"
    return rows + [f"zorg,{round_id},{respondent},{partner},rel_trust,3,{other},{date}"]


def test_validate_ok_summary(cli, write):
    rows = _counting("voorjaar", "r1") + ["zorg,voorjaar,r2,B,amb_01,,,2025-04-01"]
    rows += _counting("najaar", "r1", date="2025-10-01")
    result = cli("validate", write("good.csv", HEADER + ",target,round_date\n" + "\n".join(rows) + "\n"))
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "OK: 21 answers (1 empty), 2 respondents, 2 partners, alliance zorg, rounds voorjaar, najaar\n"
    )
    # r2 answered nothing: it does not count, and its answers stop in the first part
    assert "warning: " in result.stderr and "round voorjaar: 1 of 2 respondents do not count" in result.stderr
    assert "round voorjaar: the answers of 1 respondent stop after part 'main'" in result.stderr


def test_validate_a_file_in_which_nobody_counts_is_an_error(cli, write):
    """The probe's empty answer sheet ("3120 answers (3120 empty)") must not pass as OK."""
    rows = [f"zorg,r1,{r},A,{item}," for r in ("x", "y", "z") for item in DOMAINS]
    result = cli("validate", write("empty.csv", HEADER + "\n" + "\n".join(rows) + "\n"))
    assert result.exit_code == 2
    assert "nobody in this file counts as a respondent" in result.stderr
    assert "OK:" not in result.stdout


def test_validate_warns_when_answers_stop_early(cli, write):
    """A file cut off mid-respondent: the last respondent never reaches the network part."""
    rows = _counting("r1", "x") + _counting("r1", "y")[:-1]
    result = cli("validate", write("cut.csv", HEADER + ",target,round_date\n" + "\n".join(rows) + "\n"))
    assert result.exit_code == 0
    assert "the answers of 1 respondent stop after part 'main', before the questionnaire's last part 'network'" \
        in result.stderr and result.stderr.rstrip().endswith(": y")


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
