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


def test_qualtrics_tick_list_not_split_into_columns(small_layout) -> None:
    """'Split multi-value fields into columns' off: one column with the recodes (or texts) of the ticked boxes."""
    head = "StartDate,EndDate,Status,Progress,Finished,ResponseId,UserLanguage,partner,gmotives"
    texts = "Start Date,End Date,Response Type,Progress,Finished,Response ID,User Language,Partner,Motieven"
    ids = ",".join('"{""ImportId"":""%s""}"' % i for i in
                   ("startDate", "endDate", "status", "progress", "finished", "_recordId", "userLanguage", "QID1",
                    "QID49"))
    rows = ['x,x,0,100,1,R_a,NL,1,"1,3"', 'x,x,0,100,1,R_b,EN,2,"Joint marketing power,Access to new markets"',
            "x,x,0,100,1,R_c,NL,3,"]
    data = "\n".join([head, texts, ids, *rows]) + "\n"
    result = convert(read_export(data.encode(), "q.csv"), small_layout, Constants("a", "r"))
    got = {(a.respondent, a.item): a.value for a in result.responses.answers}
    assert got[("R_a", "mot_joint_marketing")] == 1 and got[("R_a", "mot_new_markets_products")] == 1
    assert got[("R_a", "mot_distribution_power")] == 0
    assert got[("R_b", "mot_joint_marketing")] == 1 and got[("R_b", "mot_market_access")] == 1
    assert got[("R_c", "mot_joint_marketing")] is None  # an empty list says nothing without recoding
