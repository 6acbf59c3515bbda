"""``samenspel network``: formats, options and user errors (exit 2, no traceback)."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest
import typer
from typer.testing import CliRunner

from samenspel.cli import network as cli_network

from netsynth import answers, csv_text, relation_instrument

CAMP = {"D": None, "A1": "A", "A2": "A", "A3": "A", "B1": "B", "B2": "B", "B3": "B", "S": "A"}
SIZES = {p: (2 if p == "S" else 3) for p in CAMP}


def rule(dim, s, t, k):
    if dim == "trust":
        if "D" in (s, t):
            return 3
        return 5 if CAMP[s] == CAMP[t] else 1
    if dim == "dependency":
        return 5 if t == "D" else (1 if s == "D" else 3)
    if dim == "influence":
        return 5 if t == "D" else 2
    return None if k == 0 else 3


@pytest.fixture
def run(monkeypatch, tmp_path):
    monkeypatch.setattr(cli_network, "instrument", relation_instrument)
    app = typer.Typer()
    cli_network.register(app)

    @app.callback()
    def _root() -> None:  # keep "network" a sub-command, as in the real app
        pass

    runner = CliRunner()
    ans, _ = answers(SIZES, rule)
    path = tmp_path / "antwoorden.csv"
    path.write_text(csv_text(ans), encoding="utf-8")

    def invoke(*args):
        return runner.invoke(app, ["network", *[str(a) for a in args]], catch_exceptions=False)

    invoke.path = path
    return invoke


def test_text_summary_in_dutch_by_default(run):
    res = run(run.path)
    assert res.exit_code == 0, res.output
    assert "Netwerk van de partners" in res.output
    assert "D heeft de meeste macht" in res.output
    assert "S*" in res.output and "minder dan 3 respondenten" in res.output


def test_text_summary_in_english(run):
    res = run(run.path, "--lang", "en", "--dimension", "dependency")
    assert res.exit_code == 0
    assert "Dependency:" in res.output and "D holds the most power" in res.output


def test_json_has_the_network_object(run):
    res = run(run.path, "--format", "json")
    doc = json.loads(res.output)
    assert doc["round"] == "r1"
    net = doc["network"]
    assert net["dominant"] == "D"
    assert net["partners"]["S"]["out_trust"] is None
    assert all(t["source"] != "S" for t in net["ties"]["trust"])


def test_svg_to_file(run, tmp_path):
    out = tmp_path / "net.svg"
    res = run(run.path, "--format", "svg", "--dimension", "exchange", "-o", out)
    assert res.exit_code == 0
    root = ET.fromstring(out.read_text(encoding="utf-8"))
    assert root.tag.endswith("svg")


def test_min_group_option(run):
    doc = json.loads(run(run.path, "--format", "json", "--min-group", "2", "--confirm-small-groups").output)
    # S (camp A) gives D 50, A1-A3 100, B1-B3 0: (50 + 300) / 7 = 50
    assert doc["network"]["partners"]["S"]["out_trust"] == 50.0


@pytest.mark.parametrize(
    "args, message",
    [
        (("--dimension", "friendship"), "unknown dimension"),
        (("--format", "pdf"), "unknown format"),
        (("--round", "r9"), "unknown round 'r9'"),
        (("--lang", "fr"), "unknown language"),
    ],
)
def test_bad_options_exit_2(run, args, message):
    res = run(run.path, *args)
    assert res.exit_code == 2
    assert message in res.output


def test_bad_file_exit_2(run, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("alliance,round,respondent,partner,item,value,target\nx,r1,a0,A,rel_trust,9,B\n", encoding="utf-8")
    res = run(bad)
    assert res.exit_code == 2
    assert "bad.csv:2" in res.output
    assert "Traceback" not in res.output
