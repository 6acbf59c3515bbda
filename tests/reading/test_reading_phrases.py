"""The words of a reading: names instead of ids, the reader's number notation, warnings and tables that read well."""

from __future__ import annotations

import pytest
from analysis_synth import make_responses, merge

from samenspel.analysis import analyse
from samenspel.reading import phrases as P
from samenspel.reading import read
from samenspel.reading.notation import num, p_value
from samenspel.render import render_markdown, render_text
from samenspel.responses.model import ResponseSet


@pytest.mark.parametrize(("p", "lang", "text"), [
    (0.0004, "nl", "p < 0,001"), (0.0004, "en", "p < 0.001"), (0.0, "nl", "p < 0,001"),
    (0.054, "nl", "p = 0,054"), (0.001, "en", "p = 0,001".replace(",", ".")), (None, "nl", "–"),
])
def test_p_values_read_as_below_one_in_a_thousand(p, lang, text):
    assert p_value(p, lang) == text


@pytest.mark.parametrize(("x", "lang", "digits", "text"), [
    (71.25, "nl", 1, "71,2"), (71.25, "en", 1, "71.2"), (-0.2, "en", 0, "0"), (None, "nl", 0, "–"),
    (float("nan"), "en", 0, "–"), (1234.5, "nl", 1, "1234,5"),
])
def test_numbers_in_the_readers_notation(x, lang, digits, text):
    assert num(x, lang, digits) == text


def test_trend_names_the_test_in_words(instrument, kb):
    before = make_responses(instrument, {"A": 8, "B": 8, "C": 8}, seed=1, round_id="r1")
    after = make_responses(instrument, {"A": 8, "B": 8, "C": 8}, seed=2, round_id="r2",
                           levels={"domain:organisation": 2.0})
    r = read(analyse(merge(before, after), instrument, kb), kb)
    nl, en = render_text(r, kb, "nl"), render_text(r, kb, "en")
    assert "betekenisvol (gepaard, p < 0,001" in nl and "paired" not in nl and "p = 0,000" not in nl
    assert "meaningful (paired, p < 0.001" in en


def test_warnings_name_scales_in_the_language_with_a_decimal_comma(instrument, kb):
    """Uncorrelated items (no person effect, much noise) give low reliability on every domain."""
    rs = make_responses(instrument, {"A": 8, "B": 8, "C": 8}, seed=4, noise=1.2, person_noise=0.0)
    d = analyse(rs, instrument, kb)
    r = read(d, kb)
    nl = [P.notice_text(n, r, kb, "nl") for n in d.notices if n.kind == "low_reliability"]
    en = [P.notice_text(n, r, kb, "en") for n in d.notices if n.kind == "low_reliability"]
    assert nl and en
    name_nl = kb.domains["ambition"].name.nl.lower()
    assert any(name_nl in w for w in nl) and all("ambition'" not in w for w in nl)
    assert all("0,70" in w for w in nl) and all("0.70" in w for w in en)


def test_hidden_partner_warning_names_it_without_figures(instrument, kb):
    d = analyse(make_responses(instrument, {"A": 5, "B": 5, "C": 2}, seed=1), instrument, kb)
    r = read(d, kb)
    text = P.notice_text(next(n for n in d.notices if n.kind == "hidden_partners"), r, kb, "nl")
    assert text.startswith("Te weinig respondenten om eigen cijfers te tonen, ook samen: C.")
    assert not any(ch.isdigit() for ch in text)


def test_partners_by_their_display_names(instrument, kb):
    from samenspel.reading import AllianceContext

    d = analyse(make_responses(instrument, {"A": 5, "B": 5, "C": 5}, seed=3,
                               partner_levels={"A": {"domain:process": 1.4}, "B": {"domain:process": 4.8}}), instrument, kb)
    r = read(d, kb, AllianceContext(partners={"A": "Gemeente Rivierstad", "B": "Ziekenhuis Waalzicht"}))
    text = render_text(r, kb, "nl")
    assert "Gemeente Rivierstad" in text and "Ziekenhuis Waalzicht" in text
    div = next(f for f in r.findings if f.id == "divergence:process")
    assert "Ziekenhuis Waalzicht" in P.detail(div, r, kb, "nl")


def test_divergence_test_leaves_out_partners_with_too_few_scored_respondents(instrument, kb):
    """C has 3 respondents, but one skipped every ambition item: only A and B are compared on ambition."""
    rs = make_responses(instrument, {"A": 6, "B": 6, "C": 3}, seed=2, partner_levels={"C": {"domain:ambition": 1.5}})
    kept = [a for a in rs.answers if not (a.respondent == "C0" and a.item.startswith("amb_"))]
    d = analyse(ResponseSet(tuple(kept)), instrument, kb)
    assert d.domains["ambition"].divergence is not None and d.domains["ambition"].divergence.groups == 2
    assert d.domains["interests"].divergence is not None and d.domains["interests"].divergence.groups == 3
    assert d.domains["ambition"].by_partner["C"] is None  # only 2 of C scored on ambition: not shown (privacy)


def test_items_table_shows_question_text_not_ids_and_marks_reversed(instrument, kb):
    rs = make_responses(instrument, {"A": 8, "B": 8, "C": 8}, seed=9,
                        partner_levels={"A": {"domain:process": 1.4}, "C": {"domain:process": 4.8}})
    d = analyse(rs, instrument, kb)
    r = read(d, kb)
    texts = {it.id: f"Vraag over {it.id}" for it in instrument.items}
    items = {i.item: i for i in d.divergent_items}
    assert "pro_4" in items and items["pro_4"].reverse
    text = " ".join(render_text(r, kb, "nl", texts).split())
    assert "Vraag over pro_4 (omgekeerd)" in text and "een hoge score betekent dat men het er niet mee eens is" in text
    assert "(reversed)" in render_markdown(r, kb, "en", texts)


def test_weak_problems_are_listed_in_the_details_not_on_page_one(instrument, kb):
    # rules burden about 57 on 0-100: past the start of the sign (50), short of full (60): strength about 0.44
    d = analyse(make_responses(instrument, {"A": 6, "B": 6, "C": 6}, seed=5,
                               levels={"signal:rules_burden": 3.1, "signal:commitment": 3.0}), instrument, kb)
    r = read(d, kb)
    weak = [f for f in r.findings if f.kind == "problem" and not f.clear]
    assert weak, "the case should give a weak problem"
    text = render_text(r, kb, "nl")
    page_one, details = text.split("Details\n", 1)
    for f in weak:
        assert P.headline(f, kb, "nl") not in page_one
        assert P.headline(f, kb, "nl") in details
