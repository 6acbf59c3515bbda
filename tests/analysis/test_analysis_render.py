"""Text and markdown output: Dutch by default, strongest signals first, small partners never shown."""

from __future__ import annotations

import pytest

from samenspel.analysis import analyse
from samenspel.render import render_markdown, render_text
from analysis_synth import make_responses

PARTNERS = {"A": 6, "B": 5, "C": 4, "D": 2}


@pytest.fixture(scope="module")
def power_play(instrument, kb):
    rs = make_responses(instrument, PARTNERS, seed=3, levels={"signal:dominance": 4.5, "signal:voice": 1.5})
    return analyse(rs, instrument, kb)


def test_text_is_dutch_and_starts_with_the_strongest_signals(power_play, kb):
    text = render_text(power_play, kb)
    top = text.index("De drie sterkste signalen")
    assert top < text.index("Scores per invalshoek")
    first = text[top:].splitlines()[2]
    assert first.startswith("1. Mogelijk knelpunt: simmering_power_play (nl)")


def test_small_partner_shown_as_too_few_respondents_everywhere(power_play, kb):
    for render, lang, phrase in ((render_text, "nl", "D: te weinig respondenten (< 3)"),
                                 (render_markdown, "en", "D: too few respondents (< 3)")):
        out = render(power_play, kb, lang)
        assert phrase in out
        for line in out.splitlines():
            cells = [c.strip() for c in line.replace("|", "  ").split("  ") if c.strip()]
            assert "D" not in cells, line  # never a table column or row of its own
            if line.startswith(("- D:", "D:")):
                assert "(< 3)" in line


def test_markdown_in_english_with_tables(power_play, kb):
    md = render_markdown(power_play, kb, "en")
    assert md.startswith("# Samenspel diagnosis: test-alliance")
    assert "## The three strongest signals" in md and "| domain | score |" in md
    assert "Respondents say one partner has too much say" in md


def test_healthy_alliance_reports_no_clear_problem(instrument, kb):
    rs = make_responses(instrument, {"A": 8, "B": 8, "C": 8}, seed=0, noise=0.0, person_noise=0.0)
    d = analyse(rs, instrument, kb)
    assert "Geen duidelijke knelpunten gevonden." in render_text(d, kb)
