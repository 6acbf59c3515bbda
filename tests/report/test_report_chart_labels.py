"""Chart names for screen readers are in the report's language, never Vega's English ARIA descriptions.

Without ``aria: false`` Vega-Lite writes labels such as "X-axis titled score
(0-100) for a linear scale" into every SVG; the check below is shown to bite
on a chart rendered with that config left at its default.
"""

from __future__ import annotations

import re

import altair as alt
import pytest
import vl_convert as vlc

from samenspel.report import charts
from samenspel.reading.labels import L

VEGA_ENGLISH = ("X-axis titled", "Y-axis titled", "mark container", "Bar chart", "Point mark")


def _chart_svgs(doc: str) -> list[str]:
    return re.findall(r"<svg\b.*?</svg>", doc, flags=re.S)


def test_default_vega_output_would_fail_the_check():
    chart = alt.Chart(alt.Data(values=[{"a": "x", "b": 1}])).mark_bar().encode(x="b:Q", y="a:N")
    svg = vlc.vegalite_to_svg(chart.to_dict(), allowed_base_urls=[])
    assert "X-axis titled" in svg and "Y-axis titled" in svg


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_report_has_no_vega_aria_descriptions(html, lang):
    doc = html[lang]
    for phrase in VEGA_ENGLISH:
        assert phrase not in doc, phrase
    assert "aria-roledescription" not in doc


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_each_chart_is_one_image_named_in_the_report_language(html, lang):
    other = "en" if lang == "nl" else "nl"
    svgs = _chart_svgs(html[lang])
    assert len(svgs) >= 4
    names = []
    for svg in svgs:
        root = svg[: svg.index(">") + 1]
        assert 'role="img"' in root, root
        label = re.search(r'aria-label="([^"]*)"', root)
        title = re.search(r"<title>([^<]*)</title>", svg)
        assert title, root
        if label:  # the network picture (samenspel.network) names itself with <title> only
            assert label.group(1) == title.group(1)
        names.append(title.group(1))
    for key in ("domains_chart", "trend_chart", "trust_box"):
        assert L[key].get(lang) in names
        assert L[key].get(other) not in names
    assert L["paradox_chart"].get(lang) in names


def test_label_is_escaped_and_inner_roles_removed():
    svg = '<svg xmlns="http://www.w3.org/2000/svg"><g role="graphics-object" aria-roledescription="group"><text>a</text></g></svg>'
    out = charts.label_svg(svg, 'Scores "A" & <B>')
    assert out.startswith('<svg xmlns="http://www.w3.org/2000/svg" role="img" '
                          'aria-label="Scores &quot;A&quot; &amp; &lt;B&gt;"><title>Scores &quot;A&quot; &amp; &lt;B&gt;</title>')
    assert "graphics-object" not in out and "aria-roledescription" not in out and "<text>a</text>" in out


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_chart_text_is_drawn_at_12_px_or_more(html, lang):
    """Issue 12: chart labels of 9-11 px were too small to read; the dashboard shows charts at their own
    size, so the size in the SVG is the size on the screen (tests/web/test_browser_facilitator_pages.py
    measures it as rendered)."""
    sizes = []
    for svg in _chart_svgs(html[lang]):
        sizes += [float(s) for s in re.findall(r'font-size[=:]\s*"?([0-9.]+)', svg)]
    assert len(sizes) > 40  # axes, bars, poles, quadrant names and the network picture
    assert min(sizes) >= 12, sorted(set(sizes))
