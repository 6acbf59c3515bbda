"""Charts of the report: Altair specs turned into SVG by vl-convert, offline.

Every chart reads in black and white: partners differ by shape as well as
colour, "now" and "desired" by a filled and an open mark, and the numbers
that matter are written in the chart or in the table next to it. Numbers on
the axes follow the reader's language (d3 locale nl-NL: 71,2).

Screen readers get one short name per chart in the report's language (a
``<title>`` and ``aria-label`` on the ``<svg role="img">``). Vega's own ARIA
descriptions are switched off: they are English whatever the report's
language ("X-axis titled ...") and read out raw field names and numbers; the
table or text next to each chart gives the figures.
"""

from __future__ import annotations

import re
from html import escape
from typing import Any

import altair as alt
import vl_convert as vlc

from samenspel.analysis.diagnosis import clean
from samenspel.reading.labels import t

FONT = "Liberation Sans, Arial, Helvetica, sans-serif"
SHAPES = ("circle", "square", "triangle-up", "diamond", "triangle-down", "cross", "triangle-right", "triangle-left")
COLOURS = ("#E69F00", "#56B4E9", "#009E73", "#CC79A7", "#0072B2", "#D55E00", "#F0E442", "#999999")  # Okabe-Ito
D3_LOCALES = {"nl": "nl-NL", "en": "en-GB"}
WIDTH = 470
FONT_SIZE = 12  # every text in a chart, shown at its own size on the dashboard (issue 12: >= 12 px)

_TAG = re.compile(r"<[^>]*>")
_VEGA_ARIA = re.compile(r'\s(?:aria-label|aria-roledescription|aria-hidden|role)="[^"]*"')


def _data(values: list[dict[str, Any]]) -> alt.Data:
    """Chart data rounded as the diagnosis JSON rounds (4 digits): a picture says no more than the
    published figures, and the same figures draw the same picture whatever order they were summed in."""
    return alt.Data(values=clean(values))


def to_svg(chart: alt.TopLevelMixin, lang: str, label: str) -> str:
    """Render a chart to an SVG string without any network access, named ``label`` for screen readers."""
    spec = chart.to_dict()
    spec.setdefault("config", {})["aria"] = False
    svg = vlc.vegalite_to_svg(spec, format_locale=D3_LOCALES.get(lang, "nl-NL"), allowed_base_urls=[])
    return label_svg(svg, label)


def label_svg(svg: str, label: str) -> str:
    """``svg`` as one image named ``label``: Vega's leftover roles ("rect mark container") removed from every tag."""
    svg = _TAG.sub(lambda m: _VEGA_ARIA.sub("", m.group(0)), svg)
    start = svg.index("<svg")
    end = svg.index(">", start)
    name = escape(label)
    return (svg[:end] + f' role="img" aria-label="{name}">' + f"<title>{name}</title>" + svg[end + 1:])


def _config(chart: alt.TopLevelMixin) -> alt.TopLevelMixin:
    return (chart.configure(font=FONT, background="white")
            .configure_view(stroke=None)
            .configure_axis(labelFontSize=FONT_SIZE, titleFontSize=FONT_SIZE, labelColor="#000", titleColor="#000",
                            gridColor="#ddd")
            .configure_legend(labelFontSize=FONT_SIZE, titleFontSize=FONT_SIZE, orient="bottom", columns=3,
                              labelLimit=260))


def _label_axis(lang: str) -> alt.Axis:
    return alt.Axis(title=None, labelLimit=190, labelFontSize=FONT_SIZE, labelPadding=6, domain=False, ticks=False)


def domains(rows: list[dict[str, Any]], partner_rows: list[dict[str, Any]], partners: list[str],
            x_title: str, lang: str) -> str:
    """Bars for all respondents with the score written in them; a symbol per shown partner on top."""
    order = [r["name"] for r in rows]
    y = alt.Y("name:N", sort=order, axis=_label_axis(lang))
    x_scale = alt.Scale(domain=[0, 100])
    base = alt.Chart(_data(rows))
    bars = base.mark_bar(color="#d9d9d9", stroke="#555", strokeWidth=0.5, height=22).encode(
        x=alt.X("score:Q", scale=x_scale, title=x_title, axis=alt.Axis(values=list(range(0, 101, 10)))), y=y)
    text = base.mark_text(align="left", dx=4, fontSize=FONT_SIZE, fontWeight="bold", color="#000").encode(
        x=alt.datum(0), y=y, text=alt.Text("label:N"))
    layers: list[Any] = [bars, text]
    if partner_rows:
        shape = alt.Scale(domain=partners, range=list(SHAPES[: len(partners)]))
        colour = alt.Scale(domain=partners, range=list(COLOURS[: len(partners)]))
        layers.append(alt.Chart(_data(partner_rows)).mark_point(
            filled=True, size=90, stroke="#000", strokeWidth=1, opacity=1).encode(
            x=alt.X("score:Q", scale=x_scale), y=y,
            shape=alt.Shape("partner:N", scale=shape, title=None),
            color=alt.Color("partner:N", scale=colour, title=None)))
    chart = alt.layer(*layers).properties(width=WIDTH, height=alt.Step(34))
    return to_svg(_config(chart), lang, t("domains_chart", lang))


def paradoxes(rows: list[dict[str, Any]], now: str, desired: str, lang: str) -> str:
    """Per paradox a line from now (filled dot) to desired (open square) between pole A (left) and B (right)."""
    order = [r["pole_a"] for r in rows]
    y = alt.Y("pole_a:N", sort=order, axis=_label_axis(lang))
    x_scale = alt.Scale(domain=[0, 100])
    base = alt.Chart(_data(rows))
    middle = alt.Chart(_data([{"x": 50}])).mark_rule(strokeDash=[3, 3], color="#888").encode(x="x:Q")
    line = base.mark_rule(color="#000", strokeWidth=1.5).encode(
        x=alt.X("now:Q", scale=x_scale, title=None, axis=alt.Axis(values=[0, 25, 50, 75, 100])), x2="desired:Q", y=y)
    points = [dict(row, which=now, value=row["now"]) for row in rows] + \
             [dict(row, which=desired, value=row["desired"]) for row in rows]
    marks = alt.Chart(_data(points)).mark_point(size=80, strokeWidth=1.5, opacity=1).encode(
        x=alt.X("value:Q", scale=x_scale), y=y,
        shape=alt.Shape("which:N", scale=alt.Scale(domain=[now, desired], range=["circle", "square"]), title=None),
        fill=alt.Fill("which:N", scale=alt.Scale(domain=[now, desired], range=["#000", "#fff"]), title=None),
        color=alt.value("#000"))
    pole_b = base.mark_text(align="left", dx=10, fontSize=FONT_SIZE, color="#000").encode(
        x=alt.datum(100), y=y, text="pole_b:N")
    chart = alt.layer(middle, line, marks, pole_b).properties(width=280, height=alt.Step(28))
    return to_svg(_config(chart), lang, t("paradox_chart", lang))


def trend(rows: list[dict[str, Any]], previous: str, current: str, lang: str) -> str:
    """Per domain the previous score (open circle) and this round's score (filled circle)."""
    order = [r["name"] for r in rows]
    y = alt.Y("name:N", sort=order, axis=_label_axis(lang))
    x_scale = alt.Scale(domain=[0, 100])
    line = alt.Chart(_data(rows)).mark_rule(color="#000", strokeWidth=1.5).encode(
        x=alt.X("previous:Q", scale=x_scale, title=None, axis=alt.Axis(values=list(range(0, 101, 10)))),
        x2="current:Q", y=y)
    points = [dict(r, which=previous, value=r["previous"]) for r in rows] + \
             [dict(r, which=current, value=r["current"]) for r in rows]
    marks = alt.Chart(_data(points)).mark_point(size=80, strokeWidth=1.5, opacity=1).encode(
        x=alt.X("value:Q", scale=x_scale), y=y,
        fill=alt.Fill("which:N", scale=alt.Scale(domain=[previous, current], range=["#fff", "#000"]), title=None),
        color=alt.value("#000"))
    chart = alt.layer(line, marks).properties(width=WIDTH, height=alt.Step(30))
    return to_svg(_config(chart), lang, t("trend_chart", lang))


def quadrant(trust: float, formal: float, cut: float, names: dict[str, str], x_title: str, y_title: str,
             lang: str) -> str:
    """The trust x formal-alignment quadrant (seed 002 fig. 2) with the alliance as one black dot."""
    scale = alt.Scale(domain=[0, 100], nice=False)
    cells = [  # each name in the outer corner of its cell (multi-line text grows downwards from y)
        {"id": "low_trust_low_formal", "x": 2, "y": 24, "side": "left", "base": "top"},
        {"id": "low_trust_high_formal", "x": 98, "y": 24, "side": "right", "base": "top"},
        {"id": "high_trust_low_formal", "x": 2, "y": 97, "side": "left", "base": "top"},
        {"id": "high_trust_high_formal", "x": 98, "y": 97, "side": "right", "base": "top"},
    ]
    for c in cells:
        c["name"] = names.get(str(c["id"]), str(c["id"]))
    x = alt.X("x:Q", scale=scale, title=x_title, axis=alt.Axis(values=[0, 50, 100]))
    y = alt.Y("y:Q", scale=scale, title=y_title, axis=alt.Axis(values=[0, 50, 100]))
    labels = [alt.Chart(_data([c for c in cells if c["side"] == side and c["base"] == base])).mark_text(
        fontSize=FONT_SIZE, color="#444", lineBreak=", ", align=side, baseline=base).encode(x=x, y=y, text="name:N")
        for side in ("left", "right") for base in ("top",)]
    lines = [alt.Chart(_data([{"v": cut}])).mark_rule(color="#000").encode(x="v:Q"),
             alt.Chart(_data([{"v": cut}])).mark_rule(color="#000").encode(y="v:Q")]
    dot = alt.Chart(_data([{"x": formal, "y": trust}])).mark_point(
        filled=True, size=140, color="#000", shape="circle", opacity=1).encode(x="x:Q", y="y:Q")
    chart = alt.layer(*labels, *lines, dot).properties(width=300, height=150)  # room for 12 px names
    return to_svg(_config(chart), lang, t("trust_box", lang))
