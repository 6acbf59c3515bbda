"""``samenspel analyse`` as a new user runs it: demo data, formats, languages, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from samenspel.demo import make_demo
from samenspel.responses.writer import write_csv

ENTRY = "from samenspel.cli import main; main()"


def run(*args: object) -> subprocess.CompletedProcess[str]:
    """The real entry point in a subprocess: exit codes and stderr as a user sees them."""
    return subprocess.run([sys.executable, "-c", ENTRY, "analyse", *map(str, args)],
                          capture_output=True, text=True, timeout=120)


def run_inline(*args: object):
    """The same command in-process (faster), for runs that succeed."""
    from typer.testing import CliRunner

    from samenspel.cli import app

    result = CliRunner().invoke(app, ["analyse", *map(str, args)], catch_exceptions=False)
    result.returncode = result.exit_code
    return result


@pytest.fixture(scope="module")
def demo_csv(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.csv"
    write_csv(make_demo(), path)
    return path


@pytest.fixture(scope="module")
def hidden_partner():
    rs = make_demo().for_round(make_demo().rounds()[-1])
    counts: dict[str, int] = {}
    for r, p in rs.respondents().items():
        counts[p] = counts.get(p, 0) + 1
    small = [p for p, n in counts.items() if n < 3]
    assert small, "the demo is expected to have a partner below the minimum group size"
    return small[0]


def test_json_output_follows_formats_3(demo_csv, hidden_partner, tmp_path):
    out = tmp_path / "d.json"
    res = run_inline(demo_csv, "--format", "json", "--lang", "en", "-o", out)
    assert res.returncode == 0, res.output
    d = json.loads(out.read_text(encoding="utf-8"))
    assert d["round"] == "2025-najaar" and "trend" in d
    assert d["partners"][hidden_partner]["shown"] is False
    for dom in d["domains"].values():
        assert dom["by_partner"][hidden_partner] is None
        assert dom["agreement"]["by_partner"][hidden_partner] is None


def test_text_is_dutch_and_never_shows_a_small_partner(demo_csv, hidden_partner):
    res = run_inline(demo_csv)
    assert res.returncode == 0, res.output
    text = res.stdout
    assert "Wat opvalt" in text and "Wat goed gaat" in text
    assert f"om eigen cijfers te tonen, ook samen: {hidden_partner}." in " ".join(text.split())
    for line in text.splitlines():
        if hidden_partner in line:
            # a name without figures (network groups, warnings) is fine; a figure of its own is not
            allowed = ("minder dan 3 respondenten",)
            assert any(a in line for a in allowed) or not any(ch.isdigit() for ch in line), line


def test_markdown_english_and_earlier_round(demo_csv):
    res = run_inline(demo_csv, "--format", "markdown", "--lang", "en", "--round", "2025-voorjaar", "--min-group", "4")
    assert res.returncode == 0, res.output
    assert res.stdout.startswith("# Samenspel diagnosis") and "## What stands out" in res.stdout
    assert "Made with minimum group size 4." in res.stdout
    assert "Change since round" not in res.stdout  # the first round has no trend


def test_unknown_round_exits_2_with_the_rounds(demo_csv):
    res = run(demo_csv, "--round", "1999")
    assert res.returncode == 2
    assert "2025-voorjaar, 2025-najaar" in res.stderr and "Traceback" not in res.stderr


def test_invalid_file_exits_2_with_the_readers_errors(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("alliance,round,respondent,partner,item,value\nx,r,p1,A,no_such_item,3\n", encoding="utf-8")
    res = run(bad)
    assert res.returncode == 2
    assert "bad.csv:2" in res.stderr and "Traceback" not in res.stderr


def test_a_minimum_group_below_3_needs_confirmation(demo_csv):
    """Issue "Privacy that holds under attack": lowering the minimum is a deliberate act, stated in the output."""
    res = run(demo_csv, "--min-group", "2")
    assert res.returncode == 2 and "--confirm-small-groups" in res.stderr and res.stdout == ""
    assert "Traceback" not in res.stderr
    res = run_inline(demo_csv, "--min-group", "2", "--confirm-small-groups")
    assert res.returncode == 0 and "Gemaakt met minimale groepsgrootte 2." in res.stdout


def test_the_program_ends_with_the_commands_exit_code_and_all_its_output(tmp_path) -> None:
    """cli.leave skips the interpreter's clean-up; the exit code and every line written must survive."""
    import subprocess
    import sys

    ok = subprocess.run([sys.executable, "-c", ENTRY, "--version"], capture_output=True, text=True)
    assert ok.returncode == 0 and ok.stdout.startswith("samenspel ")
    missing = subprocess.run([sys.executable, "-c", ENTRY, "validate", str(tmp_path / "nee.csv")],
                             capture_output=True, text=True)
    assert missing.returncode == 2 and "file not found" in missing.stderr
    usage = subprocess.run([sys.executable, "-c", ENTRY, "analyse", "--no-such-option"], capture_output=True, text=True)
    assert usage.returncode == 2 and "No such option" in usage.stderr
    # a long output to a pipe is written in full before the process ends
    listing = subprocess.run([sys.executable, "-c", ENTRY, "kb", "list", "factors"], capture_output=True, text=True)
    assert listing.returncode == 0
    assert listing.stdout.endswith("\n") and len(listing.stdout.splitlines()) > 10
