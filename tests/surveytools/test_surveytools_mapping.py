"""A mapping file for exports with the organisation's own question codes, answer texts and partner codes."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
import yaml
from toolkit import ALLIANCE, ROUND, known, qualtrics_csv
from typer.testing import CliRunner

from samenspel.cli import app
from samenspel.errors import InputError
from samenspel.responses.writer import to_csv
from samenspel.surveytools.conversion import resolve_columns
from samenspel.surveytools.detect import read_export
from samenspel.surveytools.mapping import read_mapping

runner = CliRunner()


def _own_codes(layout, demo):  # type: ignore[no-untyped-def]
    """A Qualtrics export (choice texts) whose tags, one answer text and the partner answers are the organisation's own."""
    want = known(layout, demo, "qualtrics")
    rows = list(csv.reader(io.StringIO(qualtrics_csv(layout, want, numeric=False).decode("utf-8-sig"))))
    export = read_export(qualtrics_csv(layout, want, numeric=False), "x.csv")
    meanings = resolve_columns(export, layout)
    columns: dict[str, object] = {}
    own = {name: f"P{n:02d}" for n, name in enumerate(layout.partners, start=1)}
    for i, meaning in enumerate(meanings):
        if meaning is None or meaning.kind in ("ignore", "respondent", "language"):
            continue
        tag = f"Q{i}"
        rows[0][i], rows[1][i] = tag, f"Vraag {i}"  # their own codes and wording
        if meaning.kind in ("partner", "role"):
            columns[tag] = meaning.kind
        elif meaning.target is not None:
            columns[tag] = {"item": meaning.item.id, "target": meaning.target}
        else:
            columns[tag] = meaning.item.id
    partner_column = next(i for i, m in enumerate(meanings) if m is not None and m.kind == "partner")
    for row in rows[3:]:
        row[partner_column] = own[row[partner_column]]
        row[:] = ["Zeer eens" if cell == "helemaal eens" else cell for cell in row]
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    mapping = {"columns": columns, "values": {"Zeer eens": 5}, "partners": {v: k for k, v in own.items()}}
    return want, ("\ufeff" + buffer.getvalue()).encode("utf-8"), yaml.safe_dump(mapping, allow_unicode=True)


def test_mapping_file_gives_the_same_answers_and_diagnosis(tmp_path: Path, layout, demo) -> None:
    want, data, mapping = _own_codes(layout, demo)
    (tmp_path / "export.csv").write_bytes(data)
    (tmp_path / "mapping.yaml").write_text(mapping, encoding="utf-8")
    args = ["import", str(tmp_path / "export.csv"), "--alliance", ALLIANCE, "--round", ROUND, "--round-date",
            "2025-04-14", "--partners", ",".join(layout.partners)]
    result = runner.invoke(app, args + ["-o", str(tmp_path / "without.csv")], catch_exceptions=False)
    assert result.exit_code == 2 and "'Q17' is not a question" in result.stderr  # without the mapping file
    result = runner.invoke(app, args + ["--mapping", str(tmp_path / "mapping.yaml"), "-o", str(tmp_path / "in.csv")],
                           catch_exceptions=False)
    assert result.exit_code == 0, result.stderr

    from samenspel.responses.model import ResponseSet

    stamped = ResponseSet(tuple(a._replace(instrument="samenspel-core@1.0") for a in want.answers))
    assert (tmp_path / "in.csv").read_text(encoding="utf-8") == to_csv(stamped)  # the version found, named
    (tmp_path / "own.csv").write_text(to_csv(want), encoding="utf-8")
    out = [json.loads(runner.invoke(app, ["analyse", str(tmp_path / f), "--format", "json"]).stdout)
           for f in ("own.csv", "in.csv")]
    assert out[0] == out[1]


@pytest.mark.parametrize("text, message", [
    ("columns: [a]", "a section 'columns:'"),
    ("columns:\n  Q1: no_such_item\n", "unknown item 'no_such_item'"),
    ("columns:\n  Q1: rel_trust\n", "add the partner it is about"),
    ("columns:\n  Q1: {item: amb_01, target: A}\n", "not a relation item"),
    ("columns:\n  Q1: amb_01\nvalues:\n  Eens: veel\n", "use a number or one of"),
    ("columns:\n  Q1: amb_01\nroles:\n  Baas: chef\n", "use one of board"),
    ("columns:\n  Q1: amb_01\nextra: 1\n", "unknown section"),
    ("columns: {Q1: [amb_01\n", "not valid YAML"),
])
def test_bad_mapping_files(full, text: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        read_mapping(text.encode(), "m.yaml", full)
    assert message in str(caught.value) and "m.yaml" in str(caught.value)


def test_mapping_ignore_and_values(full) -> None:
    mapping = read_mapping(b"columns:\n  Q9: ignore\n  org: partner\nvalues:\n  Weet niet: dont_know\n", "m.yaml", full)
    assert mapping.column("q9").field == "ignore" and mapping.column("ORG").field == "partner"
    assert mapping.values == {"Weet niet": "dont_know"}
