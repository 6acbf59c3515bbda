"""Pieces of the report: notation (babel), the network picture drawn under the privacy rule, user errors."""

from __future__ import annotations

from datetime import date

from report_constants import SMALL

from samenspel.reading import phrases as P
from samenspel.reading.notation import long_date, num, p_value, pct
from samenspel.render.picture import render_svg


def test_notation_follows_the_language():
    assert num(71.24, "nl", 1) == "71,2"
    assert num(71.24, "en", 1) == "71.2"
    assert num(1.5, "nl", 1, sign=True) == "+1,5"
    assert num(-0.04, "nl", 1) == "0,0"  # no minus zero
    assert num(None, "nl") == "–"
    assert pct(0.545, "nl") == "55%"
    assert p_value(0.0004, "nl") == "p < 0,001"
    assert long_date(date(2026, 3, 5), "nl") == "5 maart 2026"
    assert long_date(date(2026, 3, 5), "en") == "5 March 2026"


def test_network_sentences_about_a_small_partner_carry_no_numbers(reading):
    for lang in ("nl", "en"):
        for sentence in P.network_sentences(reading, lang):
            if SMALL in sentence and "|" not in sentence:
                assert not any(c.isdigit() for c in sentence), sentence


def test_picture_draws_no_number_of_a_small_partner(reading):
    """No arrow from the small partner; arrows towards it carry a number only from enough raters."""
    net = reading.diagnosis.network
    open_svg = render_svg(net, "trust", "nl", min_raters=1)
    svg = render_svg(net, "trust", "nl", min_raters=3)
    assert f"{SMALL} \u2192" not in svg
    numbers = svg.split('<g class="weights">')[1].split("</g>")[0].count("<text")
    titled = svg.count("</title></path>")
    assert numbers == titled <= svg.count('class="tie"')
    assert titled <= open_svg.count("</title></path>")
    for tie in net.networks.visible_ties("trust"):
        told = f"{tie.source} \u2192 {tie.target}:" in svg
        assert told == (tie.n_raters >= 3), tie


def test_unknown_language_or_format_is_a_user_error(reading, kb, instrument):
    import pytest

    from samenspel.errors import SamenspelError
    from samenspel.report import build_report

    with pytest.raises(SamenspelError, match="unknown language"):
        build_report(reading, kb, lang="de", instrument=instrument)
    with pytest.raises(SamenspelError, match="unknown report format"):
        build_report(reading, kb, fmt="docx", instrument=instrument)  # type: ignore[arg-type]
