"""Minimum group size (ARCHITECTURE.md): a partner with 2 respondents is named but never scored.

The dataset (conftest) cuts the demo's largest partner, which is also the
dominant one in the network, back to two respondents and renames it, so its
name stands in findings, the network picture and the response table. No
block of the HTML and no line of the PDF may show that name with a number,
and no chart may mention it. The check is shown to bite: with a minimum
group of 1 the same partner is scored, and the same check finds it.
"""

from __future__ import annotations

import pytest
from report_constants import DAY, SMALL
from report_leaks import figures, leaks_in_html, leaks_in_text

from samenspel.analysis import Settings, analyse
from samenspel.reading import read
from samenspel.report import build_report


def test_dataset_has_one_small_partner(diagnosis):
    """The cut-back partner and the demo's own small partner (2 + 2) are published together as "other partners"."""
    from samenspel.analysis.disclosure import OTHER

    assert SMALL in diagnosis.merged and not diagnosis.shown(SMALL)
    assert diagnosis.partners[OTHER] == 4
    assert sum(1 for p in diagnosis.partners if diagnosis.shown(p)) >= 3


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_small_partner_never_next_to_a_number_in_html(html, lang):
    doc = html[lang]
    assert SMALL in doc  # it is named (who answered, network) ...
    assert leaks_in_html(doc, SMALL) == []  # ... but never with a figure


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_note_under_the_partner_table_says_what_became_of_small_partners(html, lang):
    """Merged partners count as "other partners"; the note does not claim their answers are in every score."""
    other = {"nl": "Samen vormen zij de groep 'Overige partners'", "en": "Together they form the group 'Other partners'"}
    import html as html_lib

    text = html_lib.unescape(html[lang])
    assert other[lang] in text
    assert "tellen wel mee" not in text and "do count in the scores of all" not in text


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_small_partner_not_in_any_chart(html, lang):
    charts = figures(html[lang])
    assert len(charts) >= 3  # domains, paradoxes, trend
    assert all(SMALL not in c for c in charts)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_small_partner_never_next_to_a_number_in_pdf(pdf, lang):
    """Every line of the PDF, except the network picture's own lines: pdftotext puts the numbers of other
    partners' arrows on the line of a label that happens to sit at the same height. The picture itself is
    checked element by element in the HTML (no number in the SVG text or tooltip of a small partner's arrows)."""
    from samenspel.reading.labels import L

    text = pdf[lang]["text"]
    assert text.count(SMALL) >= 2
    start = text.index(L["network_intro"].get(lang)[:40])
    end = text.index(L["network_findings"].get(lang), start)
    outside = text[:start] + text[end:]
    assert leaks_in_text(outside, SMALL) == []


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_no_number_on_a_small_partners_arrows_in_the_picture(html, lang):
    import re

    svg = re.search(r'<figure class="chart network">(.*?)</figure>', html[lang], flags=re.S).group(1)
    assert f"\u2192 {SMALL}:" not in svg and f"{SMALL} \u2192" not in svg


def test_check_bites_when_partner_is_shown(responses, instrument, kb):
    """With a minimum group of 1 the partner gets scores, and the same check reports them."""
    open_diag = analyse(responses, instrument, kb, settings=Settings(min_group=1))
    doc = build_report(read(open_diag, kb), kb, lang="nl", fmt="html", instrument=instrument, day=DAY)
    assert leaks_in_html(doc, SMALL) != []
    assert any(SMALL in c for c in figures(doc))
