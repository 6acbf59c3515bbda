"""Pieces of the report: notation (babel), page-one signals, network sentences and the picture scrub."""

from __future__ import annotations

from datetime import date

from report_constants import SMALL

from samenspel.network.picture import render_svg
from samenspel.report.notation import long_date, num, p_value, pct
from samenspel.report.privacy import network_sentences, scrub_picture
from samenspel.report.signals import Signal, strongest


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


def test_page_one_takes_the_loudest_of_each_kind_first():
    found = [Signal(0.8, "d1", "", "divergence"), Signal(0.8, "d2", "", "divergence"),
             Signal(0.7, "d3", "", "divergence"), Signal(0.6, "p1", "", "problem"), Signal(0.1, "l1", "", "low")]
    assert [s.headline for s in strongest(found)] == ["d1", "p1", "l1"]
    assert [s.headline for s in strongest(found[:4])] == ["d1", "d2", "p1"]


def test_network_sentences_about_a_small_partner_carry_no_numbers(diagnosis):
    net = diagnosis.network.to_dict()
    about_small = [f for f in net["findings"] if SMALL in f["partners"]]
    assert about_small  # the cut-back partner is the dominant one
    for lang in ("nl", "en"):
        for sentence in network_sentences(net, [SMALL], lang):
            if SMALL in sentence:
                assert not any(c.isdigit() for c in sentence), sentence


def test_scrub_takes_ties_of_a_small_partner_out_of_the_picture(diagnosis):
    svg = render_svg(diagnosis.network, "trust", "nl")
    assert f"\u2192 {SMALL}:" in svg  # others' ratings of it carry a tooltip ...
    clean = scrub_picture(svg, [SMALL])
    assert f"\u2192 {SMALL}:" not in clean and f"{SMALL} \u2192" not in clean
    ties = clean.count('class="tie"')
    assert ties == svg.count('class="tie"')  # ... the arrows stay
    numbers = clean.split('<g class="weights">')[1].split("</g>")[0].count("<text")
    titled = clean.count("</title></path>")
    assert numbers == titled < ties  # each remaining number still belongs to a titled arrow


def test_unknown_language_or_format_is_a_user_error(diagnosis, kb, instrument):
    import pytest

    from samenspel.errors import SamenspelError
    from samenspel.report import build_report

    with pytest.raises(SamenspelError, match="unknown language"):
        build_report(diagnosis, kb, lang="de", instrument=instrument)
    with pytest.raises(SamenspelError, match="unknown report format"):
        build_report(diagnosis, kb, fmt="docx", instrument=instrument)  # type: ignore[arg-type]
