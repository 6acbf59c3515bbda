"""Export then import gives back exactly the same answers (FORMATS.md §2: 'lossless')."""

from __future__ import annotations

import io
import string
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from toy_instrument import toy_instrument

from samenspel.instrument.model import Item
from samenspel.responses.model import ROLES, Answer, ResponseSet
from samenspel.responses.reader import read_responses_data
from samenspel.responses.writer import columns_used, to_csv, to_xlsx, write_csv

TOY = toy_instrument()
TRICKY = [",", ";", '"', "\n", "\r", "\t", "'", "é", "ø", "€", "中", " "]

ids = st.text(alphabet=string.ascii_letters + string.digits + " -_.éöü;,\"'", min_size=1, max_size=10).map(
    str.strip
).filter(bool)
open_texts = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from(TRICKY), min_size=1, max_size=40
).filter(lambda s: s.strip() != "")


def values_for(item: Item) -> st.SearchStrategy[object]:
    if item.type == "text":
        return st.none() | open_texts
    if item.type == "choice":
        allowed = [float(o.value) for o in item.options]
    else:
        allowed = [float(v) for v in range(item.min or 0, (item.max or 0) + 1)]
    return st.none() | st.sampled_from(allowed)


@st.composite
def response_sets(draw: st.DrawFn, xlsx_safe: bool = False) -> ResponseSet:
    alliance = draw(ids)
    partners = draw(st.lists(ids, min_size=1, max_size=4, unique=True))
    rounds = draw(st.lists(ids, min_size=1, max_size=2, unique=True))
    dates = {r: draw(st.none() | st.dates(date(2000, 1, 1), date(2030, 12, 31))) for r in rounds}
    people = draw(st.lists(st.tuples(ids, st.sampled_from(partners)), min_size=1, max_size=4, unique_by=lambda p: p[0]))
    answers: list[Answer] = []
    for round_id in rounds:
        for respondent, partner in people:
            role = draw(st.none() | st.sampled_from(ROLES))
            language = draw(st.none() | st.sampled_from(["nl", "en"]))
            for item in draw(st.lists(st.sampled_from(TOY.items), max_size=6, unique_by=lambda i: i.id)):
                others = [p for p in partners if p != partner]
                targets = draw(st.lists(st.sampled_from(others), unique=True)) if item.type == "relation" and others else []
                if item.type == "relation" and not targets:
                    continue
                for target in targets or [None]:
                    value = draw(values_for(item))
                    if xlsx_safe and isinstance(value, str):
                        value = value.replace("\r\n", "\n").replace("\r", "\n")
                    answers.append(
                        Answer(alliance, round_id, respondent, partner, item.id, value, role, target, dates[round_id], language)
                    )
    if not answers:
        answers.append(Answer(alliance, rounds[0], people[0][0], people[0][1], "amb_01", 3.0))
    return ResponseSet(tuple(answers), "x.csv")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(response_sets())
def test_csv_round_trip_is_lossless(responses: ResponseSet) -> None:
    again = read_responses_data(to_csv(responses).encode("utf-8"), "x.csv", TOY)
    assert again.answers == responses.answers


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(response_sets(xlsx_safe=True))
def test_xlsx_round_trip_is_lossless(responses: ResponseSet) -> None:
    """XLSX stores line breaks as LF (XML normalises CR), so texts are generated with LF only."""
    again = read_responses_data(to_xlsx(responses), "x.xlsx", TOY)
    assert again.answers == responses.answers


def test_integers_written_without_point_zero_and_only_used_columns():
    responses = ResponseSet((Answer("a", "r1", "x", "A", "amb_01", 3.0), Answer("a", "r1", "x", "A", "rel_trust", 5.0, target="B")))
    assert to_csv(responses) == "alliance,round,respondent,partner,item,value,target\na,r1,x,A,amb_01,3,\na,r1,x,A,rel_trust,5,B\n"
    assert columns_used(responses)[-1] == "target"


def test_write_csv_to_path_and_stream(tmp_path):
    responses = ResponseSet((Answer("a", "r1", "x", "Coöperatie", "open_better", 'Zeg "ja", of nee'),))
    write_csv(responses, tmp_path / "out.csv")
    stream = io.StringIO()
    write_csv(responses, stream)
    assert (tmp_path / "out.csv").read_text(encoding="utf-8") == stream.getvalue()
    assert stream.getvalue().splitlines()[1] == 'a,r1,x,Coöperatie,open_better,"Zeg ""ja"", of nee"'


def test_xlsx_keeps_formula_like_text_as_text():
    responses = ResponseSet((Answer("a", "r1", "007", "A", "open_better", "=SOM(A1:A3)"),))
    again = read_responses_data(to_xlsx(responses), "x.xlsx", TOY)
    assert again.answers == responses.answers


def test_open_answer_with_a_lone_carriage_return_reads_back() -> None:
    """Regression: Python 3.11's csv writer left a lone CR unquoted with LF line ends,
    so such an open answer did not survive export then import (found by hypothesis)."""
    text_item = next(i for i in TOY.items if i.type == "text")
    original = ResponseSet(
        (Answer("a", "r1", "p1", "P", text_item.id, "eerst\rdan, \"zo\"\r\n"),),
        "mem.csv",
    )
    data = to_csv(original).encode("utf-8")
    assert read_responses_data(data, "mem.csv", TOY).answers == original.answers
