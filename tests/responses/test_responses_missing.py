"""The optional columns ``missing`` and ``instrument`` (FORMATS.md §4, approved additions).

"Don't know", "not applicable", an untouched box and a module not asked stay
distinct through import and export; a check item is 1 or 0 only when answered.
"""

from __future__ import annotations

import pytest
from responses_testkit import HEADER

from samenspel.errors import InputError
from samenspel.responses.reader import read_responses, read_responses_data
from samenspel.responses.writer import to_csv, to_xlsx

WITH = HEADER + ",missing,instrument"


def test_missing_reasons_and_instrument_are_read(toy, write):
    content = (WITH + "\n"
               "a,r1,x,A,amb_01,3,,samenspel-core@2.0\n"
               "a,r1,x,A,amb_02,,dont_know,samenspel-core@2.0\n"
               "a,r1,x,A,succ_goals,,skipped,samenspel-core@2.0\n"
               "a,r1,x,A,fail_conflict,0,,samenspel-core@2.0\n"
               "a,r1,x,A,mot_market,,not_asked,samenspel-core@2.0\n"
               "a,r1,x,A,amb_03,,,samenspel-core@2.0\n")
    answers = read_responses(write("m.csv", content), toy).answers
    assert [(a.item, a.value, a.missing) for a in answers] == [
        ("amb_01", 3.0, None), ("amb_02", None, "dont_know"), ("succ_goals", None, "skipped"),
        ("fail_conflict", 0.0, None), ("mot_market", None, "not_asked"), ("amb_03", None, None)]
    assert {a.instrument for a in answers} == {"samenspel-core@2.0"}


@pytest.mark.parametrize("to_bytes", [lambda r: to_csv(r).encode(), to_xlsx], ids=["csv", "xlsx"])
def test_export_then_import_keeps_the_reasons(toy, write, to_bytes):
    content = (WITH + "\n"
               "a,r1,x,A,amb_01,,not_applicable,samenspel-core@1.0\n"
               "a,r1,x,A,amb_02,4,,samenspel-core@1.0\n")
    first = read_responses(write("m.csv", content), toy)
    name = "again.csv" if to_bytes is not to_xlsx else "again.xlsx"
    again = read_responses_data(to_bytes(first), name, toy)
    assert again.answers == first.answers


def test_columns_are_written_only_when_used(toy, write):
    plain = read_responses(write("p.csv", HEADER + "\na,r1,x,A,amb_01,3\n"), toy)
    assert to_csv(plain).splitlines()[0] == HEADER


@pytest.mark.parametrize("row,message", [
    ("a,r1,x,A,amb_01,,maybe,", "unknown missing reason 'maybe'"),
    ("a,r1,x,A,amb_01,3,dont_know,", "missing is 'dont_know' but the value is filled in"),
    ("a,r1,x,A,amb_01,3,,core 2", "invalid instrument 'core 2'"),
])
def test_bad_reason_or_instrument_is_an_error_with_its_line(toy, write, row, message):
    with pytest.raises(InputError) as info:
        read_responses(write("bad.csv", WITH + "\n" + row + "\n"), toy)
    assert [(p.line, message in p.message) for p in info.value.problems] == [(2, True)]


def test_one_questionnaire_version_per_round(toy, write):
    content = WITH + "\na,r1,x,A,amb_01,3,,samenspel-core@1.0\na,r1,y,A,amb_01,3,,samenspel-core@2.0\n"
    with pytest.raises(InputError, match="round r1 was answered with samenspel-core@1.0 .line 2. but this row says"):
        read_responses(write("two.csv", content), toy)
