"""``samenspel norms build|export|import|show``: the whole path a sector body and an installation take; exit 2 on
bad input, never a traceback."""

from __future__ import annotations

import json

import pytest
import typer
from typer.testing import CliRunner

from normsynth import demo_alliances
from samenspel.cli import norms as cli_norms


@pytest.fixture(scope="module")
def alliances(tmp_path_factory):
    root = tmp_path_factory.mktemp("monitor")
    files = demo_alliances(root, 12)
    return root, files


@pytest.fixture
def run():
    app = typer.Typer()
    cli_norms.register(app)

    @app.callback()
    def _root() -> None:  # keep "norms" a command group, as in the real app
        pass

    runner = CliRunner()

    def invoke(*args):
        return runner.invoke(app, ["norms", *[str(a) for a in args]], catch_exceptions=False)

    return invoke


@pytest.fixture(scope="module")
def built(alliances, tmp_path_factory):
    out = tmp_path_factory.mktemp("built")
    app = typer.Typer()
    cli_norms.register(app)
    app.callback()(lambda: None)
    res = CliRunner().invoke(app, ["norms", "build", str(alliances[0]), "-o", str(out / "ledger.json"),
                                   "--lang", "en"], catch_exceptions=False)
    assert res.exit_code == 0, res.output
    return out, res


def test_build_export_import_show(run, built, alliances, tmp_path):
    out, res = built
    assert "12 alliances" in res.output and "private" in res.output
    ledger = json.loads((out / "ledger.json").read_text())
    assert ledger["questionnaire"] == "samenspel-core@2.0"
    assert {r["group"] for r in ledger["rows"]} == {"all", "size_band:4-6"}  # forms of 6: below the minimum
    res = run("export", out / "ledger.json", "-o", tmp_path / "pub" / "norms.csv", "--publisher", "Sector")
    assert res.exit_code == 0, res.output
    assert "niet worden teruggehaald" in res.output  # Dutch by default: published files cannot be recalled
    assert "alliance-0" not in (tmp_path / "pub" / "norms.csv").read_text()
    res = run("import", tmp_path / "pub" / "norms.csv", "--into", tmp_path / "installed", "--lang", "en")
    assert res.exit_code == 0, res.output
    assert "imported:" in res.output and (tmp_path / "installed" / "norms.json").is_file()
    res = run("show", tmp_path / "installed" / "norms.csv", "--lang", "en")
    assert res.exit_code == 0, res.output
    assert "domain:relation" in res.output and "12 alliances" in res.output
    res = run("show", tmp_path / "installed" / "norms.csv", "--responses", alliances[1][0], "--lang", "en")
    assert res.exit_code == 0, res.output
    assert "a band, not a target" in res.output
    assert any(band in res.output for band in ("below the lower quartile", "in the middle half",
                                               "above the upper quartile"))
    assert "(12 alliances" in res.output


def test_build_again_with_the_previous_set_carries_figures_when_one_alliance_left(run, built, alliances, tmp_path):
    out, _ = built
    root, files = alliances
    (files[0].parent / "alliance.yaml").write_text("alliance_form: joint_venture\nnorms: false\n")  # opts out
    try:
        res = run("build", root, "-o", tmp_path / "second.json", "--previous", out / "ledger.json", "--lang", "en")
        assert res.exit_code == 0, res.output
        assert "1 alliances without consent" in res.output
        first = json.loads((out / "ledger.json").read_text())["rows"]
        second = json.loads((tmp_path / "second.json").read_text())["rows"]
        strip = [{k: v for k, v in r.items() if k != "members"} for r in first]
        assert [{k: v for k, v in r.items() if k != "members"} for r in second] == strip  # nothing to subtract
    finally:
        (files[0].parent / "alliance.yaml").write_text("alliance_form: joint_venture\nnorms: true\n")


def test_import_refuses_another_questionnaire_version(run, built, tmp_path):
    out, _ = built
    run("export", out / "ledger.json", "-o", tmp_path / "n.csv")
    res = run("import", tmp_path / "n.csv", "--questionnaire", "1.0", "--into", tmp_path / "in")
    assert res.exit_code == 2
    assert "these norms are for questionnaire samenspel-core@2.0, this comparison uses samenspel-core@1.0" in res.output
    assert not (tmp_path / "in").exists()


def test_import_reports_bad_lines(run, built, tmp_path):
    out, _ = built
    run("export", out / "ledger.json", "-o", tmp_path / "n.csv")
    lines = (tmp_path / "n.csv").read_text().splitlines()
    lines[2] = "all,domain:relation,3,1,2,3,"
    (tmp_path / "n.csv").write_text("\n".join(lines) + "\n")
    res = run("import", tmp_path / "n.csv", "--into", tmp_path / "in")
    assert res.exit_code == 2
    assert f"{tmp_path / 'n.csv'}:3: n is 3, below the file's own minimum of 10 alliances" in res.output
    assert "Traceback" not in res.output


@pytest.mark.parametrize("args, message", [
    (("build", "/nonexistent/dir", "-o", "x.json"), "file or directory not found"),
    (("build", ".", "-o", "x.json", "--min-alliances", "1"), "--min-alliances must be at least 2"),
    (("build", ".", "-o", "x.json", "--questionnaire", "9.9"), "unknown questionnaire version '9.9'"),
    (("export", "/nonexistent.json", "-o", "x.csv"), "file not found"),
    (("import", "/nonexistent.csv"), "file not found"),
    (("show", "/nonexistent.csv"), "file not found"),
    (("show", "x.json", "--lang", "fr"), "unknown language"),
])
def test_bad_input_exits_2_with_a_message(run, args, message):
    res = run(*args)
    assert res.exit_code == 2
    assert message in res.output
    assert "Traceback" not in res.output


def test_export_refuses_a_file_that_is_not_a_ledger(run, tmp_path):
    (tmp_path / "x.json").write_text('{"format": "samenspel-norms"}')
    res = run("export", tmp_path / "x.json", "-o", tmp_path / "y.csv")
    assert res.exit_code == 2 and "not a norm ledger" in res.output


def test_show_names_the_groups_when_one_is_missing(run, built):
    out, _ = built
    res = run("show", out / "ledger.json", "--group", "phase:1")
    assert res.exit_code == 2 and "no norms for group phase:1; groups: all, size_band:4-6" in res.output


def test_build_refuses_workbooks_rather_than_leaving_alliances_out(run, tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "antwoorden.xlsx").write_bytes(b"PK")
    res = run("build", tmp_path, "-o", tmp_path / "x.json")
    assert res.exit_code == 2
    assert "antwoorden.xlsx: norms build reads CSV response files" in res.output
