"""Open norm files: round trip, the description, refused versions, and bad files read within bounds."""

from __future__ import annotations

import json

import pytest

from normsynth import profile
from samenspel.errors import InputError, SamenspelError
from samenspel.norms import build_norms
from samenspel.norms.normfile import MAX_NORM_BYTES, read_normfile, write_normfile


@pytest.fixture
def written(tmp_path):
    profiles = [profile(f"a{i}", {"domain:relation": float(i), "network:density": i / 60}, form="joint_venture",
                        period=f"2026-0{1 + i % 9}-01") for i in range(60)]
    ns = build_norms(profiles)
    csv_path, json_path = write_normfile(ns, tmp_path / "nationaal.csv", "CC-BY-4.0", "Sectorinstituut")
    return ns, csv_path, json_path


def test_round_trip(written):
    ns, csv_path, _ = written
    nf = read_normfile(csv_path, questionnaire="samenspel-core@2.0")
    back = nf.normset
    assert [r.to_dict() for r in back.rows] == [r.to_dict() for r in ns.rows]
    assert back.groups == ns.groups
    assert (back.questionnaire, back.min_alliances, back.n_alliances) == (ns.questionnaire, 10, 60)
    assert back.period == ("2026-01-01", "2026-09-01")
    assert (nf.licence, nf.publisher) == ("CC-BY-4.0", "Sectorinstituut")
    assert back.row("all", "domain:relation").p90 is not None  # 60 alliances


def test_the_description(written):
    _, _, json_path = written
    desc = json.loads(json_path.read_text())
    assert desc["format"] == "samenspel-norms" and desc["rows_file"] == "nationaal.csv"
    assert set(desc["measures"]) == {"domain:relation", "network:density"}
    assert {"group": "all", "n": 60} in desc["groups"]
    assert "cannot be recalled" in desc["recall"]


def test_another_questionnaire_version_is_refused(written):
    _, csv_path, _ = written
    with pytest.raises(SamenspelError, match="these norms are for questionnaire samenspel-core@2.0, this comparison "
                                             "uses samenspel-core@1.0"):
        read_normfile(csv_path, questionnaire="samenspel-core@1.0")


def _edit(csv_path, line: int, text: str) -> None:
    lines = csv_path.read_text().splitlines()
    lines[line - 1] = text
    csv_path.write_text("\n".join(lines) + "\n")


@pytest.mark.parametrize("text, message", [
    ("all,domain:relation,5,1,2,3,", "n is 5, below the file's own minimum of 10 alliances"),
    ("all,domain:relation,20,3,2,1,", "the quantiles must not decrease"),
    ("all,domain:relation,20,1,2,3,9", "p90 is given over 20 alliances"),
    ("all,domain:relation,twenty,1,2,3,", "n must be a whole number"),
    ("everyone,domain:relation,20,1,2,3,", "unknown group 'everyone'"),
    ("phase:9,domain:relation,20,1,2,3,", "group 'phase:9' is not listed"),
    ("all,=HYPERLINK(1),20,1,2,3,", "'=HYPERLINK(1)' is not a measure id"),
    ("all,domain:relation,20,1,2", "expected 7 columns, found 5"),
    ("all,domain:relation,20,1,nan,3,", "q1, median and q3 must be numbers"),
])
def test_bad_rows_are_reported_with_file_and_line(written, text, message):
    _, csv_path, _ = written
    _edit(csv_path, 3, text)
    with pytest.raises(InputError) as err:
        read_normfile(csv_path)
    assert f"{csv_path}:3: {message}" in str(err.value)


def test_a_bad_description_is_refused(written):
    _, csv_path, json_path = written
    desc = json.loads(json_path.read_text())
    json_path.write_text(json.dumps({**desc, "format": "other", "min_alliances": 1, "licence": ""}))
    with pytest.raises(InputError) as err:
        read_normfile(csv_path)
    text = str(err.value)
    assert "not a Samenspel norm description" in text and "'min_alliances' is 1" in text and "'licence'" in text
    json_path.write_text("{not json")
    with pytest.raises(InputError, match="not valid JSON"):
        read_normfile(csv_path)


def test_missing_description_and_header(written, tmp_path):
    _, csv_path, json_path = written
    _edit(csv_path, 1, "group,measure,n")
    with pytest.raises(InputError, match="the header must be group,measure,n,q1,median,q3,p90"):
        read_normfile(csv_path)
    json_path.unlink()
    with pytest.raises(SamenspelError, match="description is missing.*samenspel norms export"):
        read_normfile(csv_path)


def test_a_file_beyond_the_size_limit_is_refused_before_parsing(written, monkeypatch):
    _, csv_path, _ = written
    monkeypatch.setattr("samenspel.norms.normfile.MAX_NORM_BYTES", 100)
    with pytest.raises(SamenspelError, match="more than the limit of 100"):
        read_normfile(csv_path)
    assert MAX_NORM_BYTES == 20 * 1024 * 1024


def test_read_from_memory_with_several_accepted_versions(written):
    """What a web upload uses: the same reader over bytes; a version outside the accepted ones is refused."""
    from samenspel.norms.normfile import VersionError, read_normfile_data

    _, csv_path, json_path = written
    rows, desc = csv_path.read_bytes(), json_path.read_bytes()
    nf = read_normfile_data(rows, "up.csv", desc, "up.json", questionnaire=("samenspel-core@2.0", "samenspel-core@1.0"))
    assert nf.normset.source == "up.csv" and nf.normset.rows
    with pytest.raises(VersionError, match="up.json: these norms are for questionnaire samenspel-core@2.0") as exc:
        read_normfile_data(rows, "up.csv", desc, "up.json", questionnaire=("samenspel-core@1.0",))
    assert exc.value.found == "samenspel-core@2.0"
