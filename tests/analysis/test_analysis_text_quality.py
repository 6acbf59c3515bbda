"""What an alliance manager reads: ranked signals, no empty problems, readable numbers and warnings.

Each test builds its case with the synthetic generator (analysis_synth) or
calls the function under test directly; the expected texts are the ones
documented in docs/ANALYSIS.md ("Text and markdown output").
"""

from __future__ import annotations

import json

import pytest

from samenspel.analysis import Settings, analyse
from samenspel.analysis.problems import judge
from samenspel.knowledge import load_knowledge
from samenspel.render import render_markdown, render_text
from samenspel.render.outline import p_text, signals
from samenspel.responses.model import ResponseSet
from analysis_synth import make_responses, merge


@pytest.fixture(scope="module")
def real_kb():
    return load_knowledge()


def test_problem_with_strength_rounding_to_zero_is_not_listed(kb):
    """FORMATS.md §3: ``problems`` holds only strength > 0; a degree of 1e-6 rounds to 0 and is left out."""
    values = {"signal.rules_burden": 40.0, "signal.commitment": 54.99999, "formal_overlap": 50.0}
    assert all(f.id != "over_organisation" for f in judge(values, kb, None, []))
    values["signal.commitment"] = 45.0  # a real signal: degree 0.5
    assert any(f.id == "over_organisation" and f.strength > 0 for f in judge(values, kb, None, []))


def test_json_problems_all_have_positive_strength(instrument, kb):
    rs = make_responses(instrument, {"A": 6, "B": 6, "C": 6}, seed=5,
                        levels={"signal:commitment": 3.3, "signal:dominance": 4.4})
    d = json.loads(json.dumps(analyse(rs, instrument, kb).to_dict()))
    assert d["problems"] and all(p["strength"] > 0 for p in d["problems"])


@pytest.mark.parametrize(("p", "lang", "text"), [
    (0.0004, "nl", "p < 0,001"), (0.0004, "en", "p < 0.001"), (0.0, "nl", "p < 0,001"),
    (0.054, "nl", "p = 0,054"), (0.001, "en", "p = 0.001"), (None, "nl", "p –"), (float("nan"), "en", "p –"),
])
def test_p_values_read_as_below_one_in_a_thousand(p, lang, text):
    assert p_text(p, lang) == text


def test_trend_names_the_test_in_words_and_never_p_zero(instrument, kb):
    before = make_responses(instrument, {"A": 8, "B": 8, "C": 8}, seed=1, round_id="r1")
    after = make_responses(instrument, {"A": 8, "B": 8, "C": 8}, seed=2, round_id="r2",
                           levels={"domain:organisation": 2.0})
    d = analyse(merge(before, after), instrument, kb)
    nl, en = render_text(d, kb, "nl"), render_text(d, kb, "en")
    assert "gepaard, p < 0,001" in nl and "paired" not in nl and "p 0,000" not in nl
    assert "paired, p < 0.001" in en


def test_warnings_name_scales_in_the_language_with_a_decimal_comma(instrument, real_kb):
    """Uncorrelated items (no person effect, much noise) give low reliability on every domain."""
    rs = make_responses(instrument, {"A": 8, "B": 8, "C": 8}, seed=4, noise=1.2, person_noise=0.0)
    d = analyse(rs, instrument, real_kb)
    nl = [w for w in d.to_dict("nl")["warnings"] if "betrouwbaarheid" in w]
    en = [w for w in d.to_dict("en")["warnings"] if "reliability" in w]
    assert nl and en
    name_nl, name_en = real_kb.domains["ambition"].name.nl, real_kb.domains["ambition"].name.en
    assert any(f"'{name_nl}'" in w for w in nl) and any(f"'{name_en}'" in w for w in en)
    for w in nl:
        assert "'ambition'" not in w and "0,70" in w
        assert not any(ch.isdigit() and nxt == "." and after.isdigit() for ch, nxt, after in zip(w, w[1:], w[2:]))
    assert all("0.70" in w for w in en)


def test_one_hidden_partner_warning_is_singular(instrument, kb):
    d = analyse(make_responses(instrument, {"A": 5, "B": 5, "C": 2}, seed=1), instrument, kb)
    warning = d.to_dict("nl")["warnings"][0]
    assert warning.startswith("C heeft minder dan 3 respondenten") and "partner(s)" not in warning


def test_divergence_test_leaves_out_partners_with_too_few_scored_respondents(instrument, kb):
    """C has 3 respondents, but one skipped every ambition item: only A and B are compared on ambition."""
    rs = make_responses(instrument, {"A": 6, "B": 6, "C": 3}, seed=2,
                        partner_levels={"C": {"domain:ambition": 1.5}})
    kept = [a for a in rs.answers if not (a.respondent == "C0" and a.item.startswith("amb_"))]
    d = analyse(ResponseSet(tuple(kept)), instrument, kb)
    assert d.domains["ambition"].divergence is not None and d.domains["ambition"].divergence.groups == 2
    assert d.domains["interests"].divergence is not None and d.domains["interests"].divergence.groups == 3
    assert d.domains["ambition"].by_partner["C"] is not None  # C is still shown (3 respondents)


def test_strongest_problem_comes_first_and_the_three_are_varied(instrument, kb):
    """Power play as a strong problem and a large divergence on process that no problem cites."""
    rs = make_responses(instrument, {"A": 8, "B": 8, "C": 8}, seed=3,
                        levels={"signal:dominance": 4.6, "signal:voice": 1.4},
                        partner_levels={"A": {"domain:process": 1.5}, "B": {"domain:process": 4.8}})
    d = analyse(rs, instrument, kb)
    top = signals(d, kb, "nl")
    assert top[0].kind == "problem" and top[0].headline.startswith("Mogelijk knelpunt: simmering_power_play")
    assert top[0].details and top[0].details[0] == d.problems[0].evidence[0].text.nl  # its main evidence
    assert any(s.kind == "divergence" and "process" in s.about for s in top)
    assert len(top) <= 3


def test_no_signal_repeats_a_domain_a_chosen_problem_already_cites(instrument, kb):
    rs = make_responses(instrument, {"A": 8, "B": 8, "C": 8}, seed=6, levels={"domain:ambition": 3.0},
                        partner_levels={"A": {"domain:ambition": 1.3}, "B": {"domain:ambition": 4.8}})
    d = analyse(rs, instrument, kb)
    top = signals(d, kb, "nl")
    cited = frozenset().union(*(s.about for s in top if s.kind == "problem"))
    assert "ambition" in cited
    assert not any(s.kind != "problem" and s.about & cited for s in top)


def test_weak_problems_get_one_line_and_no_details(instrument, kb):
    d = analyse(make_responses(instrument, {"A": 6, "B": 6, "C": 6}, seed=5,
                               levels={"signal:commitment": 3.3, "signal:dominance": 4.4}), instrument, kb)
    weak = [f for f in d.problems if f.strength < d.settings.notable_problem]
    text = render_text(d, kb)
    assert weak, "the case should give a weak problem"
    for f in weak:
        assert f"{f.id} (nl) (sterkte" not in text  # no heading of its own
    assert "Zwakke aanwijzingen (sterkte onder 0,10)" in text and "(sterkte 0,00)" not in text
    assert Settings().notable_problem == 0.1  # the documented level


def test_items_table_shows_question_text_not_ids(instrument, real_kb):
    from samenspel.instrument import load_instrument
    from samenspel.demo import make_demo

    full = load_instrument()
    d = analyse(make_demo(instrument=full), full, real_kb)
    assert d.divergent_items and all(i.text is not None for i in d.divergent_items)
    text, md = render_text(d, real_kb, "nl"), render_markdown(d, real_kb, "en")
    first = d.divergent_items[0]
    assert first.text.nl[:40] in text and first.text.en[:40] in md
    assert f"\n{first.item} " not in text
    assert d.to_dict()["divergent_items"][0]["text"] == first.text.as_dict()
    # success conditions: five most, five least, the rest counted
    section = text[text.index("Motieven en factoren"):text.index("Netwerk tussen de partners")]
    assert "Succesvoorwaarden die het meest aanwezig zijn" in section
    assert "Succesvoorwaarden die het minst aanwezig zijn" in section
    assert sum(line.startswith("- ") for line in section.splitlines()) <= 5 + 5 + 5
    # the demo's strongest problem is among the three strongest signals, first
    top = text[text.index("De drie sterkste signalen"):text.index("Scores per invalshoek")]
    assert real_kb.problems[d.problems[0].id].name.nl in top.splitlines()[2]
    assert "p 0,000" not in text and "cluster(s)" not in text and "partner(s)" not in text


def test_reverse_keyed_questions_are_marked_in_the_table(instrument, kb):
    """The synthetic domains have a reverse-keyed 4th item; a partner gap on it must be read as disagreement."""
    rs = make_responses(instrument, {"A": 8, "B": 8, "C": 8}, seed=9,
                        partner_levels={"A": {"domain:process": 1.4}, "C": {"domain:process": 4.8}})
    d = analyse(rs, instrument, kb)
    items = {i.item: i for i in d.divergent_items}
    assert "pro_4" in items and items["pro_4"].reverse
    assert all(not i.reverse for i in d.divergent_items if not i.item.endswith("_4"))
    text, en = (" ".join(render_text(d, kb, lang).split()) for lang in ("nl", "en"))
    assert "(omgekeerd)" in text and "een hoge score betekent dat men het er niet mee eens is" in text
    assert "(reversed)" in en
    assert d.to_dict()["divergent_items"][[i.item for i in d.divergent_items].index("pro_4")]["reverse"] is True
