"""The command line on a typo or a hostile path: a message and exit code 2, never a traceback (issue 13).

Through the real entry point (``python -m samenspel``) where the traceback
would show, in-process otherwise. Also: an empty answer sheet never gets a
diagnosis, response rates above 100% are refused, a busy port is named.
"""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pytest

from samenspel.demo import make_demo
from samenspel.responses.writer import to_csv


def samenspel(*args: object, timeout: int = 180) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "samenspel", *(str(a) for a in args)],
                          capture_output=True, text=True, timeout=timeout)


@pytest.fixture(scope="module")
def demo_csv(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "responses.csv"
    path.write_text(to_csv(make_demo(7)), encoding="utf-8")
    return path


def no_traceback(done: subprocess.CompletedProcess[str]) -> None:
    assert done.returncode == 2, done.stderr[-2000:]
    assert "Traceback" not in done.stderr and "Error:" not in done.stderr.split("samenspel:")[0]


def test_output_into_a_directory(demo_csv, tmp_path):
    """``analyse … -o somedir/`` gave IsADirectoryError and left a .part file."""
    folder = tmp_path / "somedir"
    folder.mkdir()
    for out in (f"{folder}/", str(folder)):
        done = samenspel("analyse", demo_csv, "-o", out)
        no_traceback(done)
        assert "is a directory; give a file name" in done.stderr
    assert list(tmp_path.rglob("*")) == [folder]  # no .part left anywhere


def test_output_below_a_file(demo_csv, tmp_path):
    existing = tmp_path / "existing_file"
    existing.write_text("x")
    done = samenspel("report", demo_csv, "-o", existing / "x.pdf")
    no_traceback(done)
    assert f"because {existing} is a file, not a folder" in done.stderr


def test_output_where_writing_is_not_allowed(demo_csv, tmp_path):
    done = samenspel("analyse", demo_csv, "-o", "/proc/x.txt")
    no_traceback(done)
    assert "/proc/x.txt: cannot write the file" in done.stderr and "nothing was written" in done.stderr


def test_report_to_an_unknown_extension_is_refused_before_any_work(demo_csv, tmp_path):
    """``report -o x.docx`` wrote HTML into x.docx without a word."""
    out = tmp_path / "x.docx"
    done = samenspel("report", demo_csv, "-o", out)
    no_traceback(done)
    assert "'.docx' is not a format this command writes; use .htm, .html, .pdf" in done.stderr
    assert not out.exists()


def test_analyse_follows_the_extension(demo_csv, tmp_path):
    out = tmp_path / "diagnosis.json"
    done = samenspel("analyse", demo_csv, "-o", out)
    assert done.returncode == 0, done.stderr
    assert out.read_text(encoding="utf-8").startswith("{")


def test_an_empty_answer_sheet_gets_no_diagnosis(tmp_path):
    """A filled-in template with nothing filled in once gave "no clear problems"."""
    sheet = tmp_path / "antwoordblad.xlsx"
    made = samenspel("template", "--partners", "A,B,C", "--respondents", "3", "-o", sheet)
    assert made.returncode == 0, made.stderr
    for command in ("validate", "analyse", "report"):
        done = samenspel(command, sheet, *(["-o", tmp_path / "r.html"] if command == "report" else []))
        no_traceback(done)
        assert "nobody in" in done.stderr and "counts as a respondent" in done.stderr
    assert not (tmp_path / "r.html").exists()


def test_response_rate_above_100_percent_is_refused(demo_csv, tmp_path):
    from samenspel.responses.reader import read_responses

    responses = read_responses(demo_csv)
    last = responses.for_round(responses.rounds()[-1])
    partner = next(iter(last.respondents().values()))
    n = sum(1 for p in last.respondents().values() if p == partner)
    done = samenspel("report", demo_csv, "--invited", f"{partner}={n - 1}", "-o", tmp_path / "r.html")
    no_traceback(done)
    assert f"has {n} respondents of {partner}" in done.stderr and f"at least {n}" in done.stderr


def test_serve_on_a_busy_port_says_so(tmp_path):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        done = subprocess.run([sys.executable, "-m", "samenspel", "serve", "--no-demo", "--port", str(port)],
                              capture_output=True, text=True, timeout=60, cwd=tmp_path)
    no_traceback(done)
    assert f"port {port} on 127.0.0.1 is in use" in done.stderr
    assert "Samenspel: http" not in done.stdout  # it never claims to serve
    assert not (tmp_path / "var").exists()  # nothing was set up for it


def test_version_and_plain_flags_in_help():
    from samenspel import __version__

    done = samenspel("--version")
    assert done.returncode == 0 and done.stdout == f"samenspel {__version__}\n"
    shown = samenspel("instrument", "--help").stdout
    assert "--short " in shown and "<bool>" not in shown and "--help" in shown
    assert "<bool>" not in samenspel("serve", "--help").stdout
