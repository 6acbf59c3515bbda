"""Hand-written exports with the odd corners of each tool's real files (see tests/surveytools/README.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from samenspel.surveytools.conversion import Constants, convert
from samenspel.surveytools.detect import read_export
from samenspel.surveytools.layout import build_layout

FIXTURES = Path(__file__).parents[1] / "fixtures" / "surveytools"
PARTNERS = ("Gemeente", "Ziekenhuis", "Thuiszorg")  # codes by name: p1 Gemeente, p2 Thuiszorg, p3 Ziekenhuis


@pytest.fixture(scope="module")
def small_layout(full):  # type: ignore[no-untyped-def]
    return build_layout(full, PARTNERS)


def _answers(name: str, layout) -> dict[tuple[str, str, str | None], tuple[object, str | None]]:  # type: ignore[no-untyped-def]
    path = FIXTURES / name
    result = convert(read_export(path.read_bytes(), name), layout, Constants("a", "r"))
    return {(a.respondent, a.item, a.target): (a.value, a.missing) for a in result.responses.answers}, result


def test_limesurvey_csv_semicolon_null_and_multiline(small_layout) -> None:
    got, result = _answers("limesurvey-results-survey246810.csv", small_layout)
    assert got[("7", "phase", None)] == (3.0, None)
    assert got[("7", "amb_02", None)] == (None, "dont_know")
    assert ("7", "rel_trust", "Gemeente") not in got  # NULL for the own organisation: hidden, left out
    assert got[("7", "rel_trust", "Thuiszorg")] == (4.0, None)
    assert got[("7", "mot_joint_marketing", None)] == (1.0, None)
    assert got[("7", "mot_distribution_power", None)] == (0.0, None)  # "" in a shown tick list: not ticked
    assert got[("7", "open_01", None)] == ('Goed overleg; "korte lijnen".\nMaar weinig tijd.', None)
    assert got[("8", "amb_01", None)] == (None, "skipped")  # "" = shown, not answered
    assert got[("8", "mot_joint_marketing", None)] == (None, "not_asked")  # NULL = never shown
    assert got[("8", "open_01", None)] == (None, "not_asked")
    people = {a.respondent: (a.partner, a.role, a.language) for a in result.responses.answers}
    assert people == {"7": ("Gemeente", "manager", "nl"), "8": ("Ziekenhuis", None, "en")}
    assert any("not submitted" in note for note in result.notes)


def test_limesurvey_vv_escapes(small_layout) -> None:
    got, _ = _answers("limesurvey-vvexport_246810.txt", small_layout)
    assert got[("12", "open_01", None)] == ('"Samen" is hier echt {geen{ loze term.\nTab:\tja', None)
    assert got[("12", "amb_01", None)] == (5.0, None)
    assert got[("13", "amb_01", None)] == (None, "not_asked")
    assert got[("13", "open_01", None)] == (None, "skipped")


def test_qualtrics_current_numeric_with_seen_unanswered(small_layout) -> None:
    got, result = _answers("qualtrics-export.csv", small_layout)
    first, second = "R_1dNqpbLyU4XfJv2", "R_3kGmZ0wQx7vPsTe"
    assert got[(first, "phase", None)] == (4.0, None)
    assert got[(first, "rel_trust", "Gemeente")] == (None, "skipped")  # -99
    assert got[(first, "rel_trust", "Thuiszorg")] == (None, "not_asked")  # empty while -99 is in use
    assert got[(first, "mot_joint_marketing", None)] == (1.0, None)
    assert got[(first, "mot_distribution_power", None)] == (0.0, None)
    assert got[(first, "open_01", None)] == ('Heldere afspraken, "echt" samen', None)
    assert got[(second, "amb_01", None)] == (None, "dont_know")  # recode 99
    assert got[(second, "rel_trust", "Gemeente")] == (3.0, None)
    assert (second, "rel_trust", "Thuiszorg") not in got  # own organisation
    people = {a.respondent: (a.partner, a.role, a.language) for a in result.responses.answers}
    assert people == {first: ("Ziekenhuis", "manager", "nl"), second: ("Thuiszorg", None, "en")}


def test_qualtrics_legacy_choice_text(small_layout) -> None:
    got, result = _answers("qualtrics-legacy.csv", small_layout)
    assert got == {("R_2YPOQ602ER1jkf1", "phase", None): (3.0, None), ("R_2YPOQ602ER1jkf1", "amb_01", None): (5.0, None)}
    assert {a.partner for a in result.responses.answers} == {"Ziekenhuis"}
