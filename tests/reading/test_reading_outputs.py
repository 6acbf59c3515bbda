"""Every output says the same thing: text, markdown, JSON and the report show the same findings in the same order.

Issue 9 point 8, on the demo and on generated alliances. The dashboard's
share of this check is in tests/web/test_dashboard.py (it needs the web app),
the report's PDF text in tests/report/test_report_pdf.py (a PDF takes seconds).
Page one is what a chair reads in two minutes: at most 300 words and no
statistics beyond n (no eta², p, alpha or source codes).
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest
from analysis_synth import make_responses

from samenspel.analysis import analyse
from samenspel.reading import read
from samenspel.reading import phrases as P
from samenspel.render import render_markdown, render_text
from samenspel.render.json import diagnosis_json
from samenspel.report import Options, render_html

STATISTICS = re.compile(r"\beta\b|eta²|η|\bp\s*[=<]|\balfa\b|\balpha\b|α|\bomega\b|\b00[0-4] ?§|§\s?\d|\brwg\b", re.I)
PAGE_ONE_WORDS = 300


def _cases(instrument):  # type: ignore[no-untyped-def]
    yield "power", make_responses(instrument, {"A": 8, "B": 8, "C": 8}, seed=3,
                                  levels={"signal:dominance": 4.6, "signal:voice": 1.4},
                                  partner_levels={"A": {"domain:process": 1.5}, "B": {"domain:process": 4.8}})
    yield "ambition", make_responses(instrument, {"A": 6, "B": 6, "C": 5, "D": 2}, seed=6,
                                     levels={"domain:ambition": 3.0, "signal:rules_burden": 4.4},
                                     partner_levels={"A": {"domain:ambition": 1.3}, "B": {"domain:ambition": 4.8}})
    yield "healthy", make_responses(instrument, {"A": 5, "B": 5, "C": 5}, seed=0,
                                    levels={"domain:relation": 4.6, "trust": 4.6})


class _Items(HTMLParser):
    """The data-finding ids of the list items in a report or page, in order, per list class."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: dict[str, list[str]] = {}
        self._list: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag in ("ol", "ul") and a.get("class") in ("signals", "strengths"):
            self._list = a["class"]
        elif tag == "li" and self._list and a.get("data-finding"):
            self.ids.setdefault(self._list, []).append(a["data-finding"] or "")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("ol", "ul"):
            self._list = None


def report_ids(html: str) -> dict[str, list[str]]:
    parser = _Items()
    parser.feed(html)
    return parser.ids


def text_headlines(text: str, heading: str) -> list[str]:
    """The headlines of the numbered list under ``heading`` (text: wrapped lines; markdown: one line each)."""
    after = text[text.index(heading) + len(heading):].lstrip("\n-")
    block = after.lstrip("\n").split("\n\n")[0]
    return [re.sub(r"^\d+\. ", "", line).split(". ")[0] for line in block.splitlines() if re.match(r"^\d+\. ", line)]


@pytest.fixture(scope="module")
def readings(instrument, kb):  # type: ignore[no-untyped-def]
    from samenspel.demo import make_demo
    from samenspel.instrument import load_instrument

    full = load_instrument()
    out = [("demo", read(analyse(make_demo(), full, kb), kb), full)]
    for name, rs in _cases(instrument):
        out.append((name, read(analyse(rs, instrument, kb), kb), instrument))
    return out


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_text_markdown_json_and_report_name_the_same_findings_in_the_same_order(readings, kb, lang):
    for name, r, instrument in readings:
        ids = [f.id for f in r.top]
        headlines = [P.headline(f, kb, lang) for f in r.top]
        js = json.loads(json.dumps(diagnosis_json(r, kb, lang)))
        assert js["page_one"]["findings"] == ids, name
        assert [f["id"] for f in js["findings"]] == [f.id for f in r.findings], name
        assert [f["headline"] for f in js["findings"] if f["id"] in ids] == headlines, name
        heading = "Wat opvalt" if lang == "nl" else "What stands out"
        assert text_headlines(render_text(r, kb, lang), heading) == headlines, name
        md = render_markdown(r, kb, lang)
        assert text_headlines(md, "## " + heading) == headlines, name
        html = render_html(r, kb, options=Options(lang=lang), instrument=instrument)
        found = report_ids(html)
        assert found.get("signals", []) == ids, name
        assert found.get("strengths", []) == [f.id for f in r.top_strengths], name


def test_a_finding_is_never_listed_twice(readings):
    for name, r, _ in readings:
        ids = [f.id for f in (*r.findings, *r.strengths)]
        assert len(ids) == len(set(ids)), name


def _page_one_text(text: str, lang: str) -> str:
    """Page one of the text output: up to what to do first (which follows it) or the details."""
    advice = "Wat u eerst kunt doen\n" if lang == "nl" else "What you could do first\n"
    return text[: text.index(advice) if advice in text else text.index("Details\n")]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_page_one_is_short_and_plain(readings, kb, lang):
    for name, r, _ in readings:
        page = _page_one_text(render_text(r, kb, lang), lang)
        words = len(page.split())
        assert words <= PAGE_ONE_WORDS, (name, words)
        assert not STATISTICS.search(page), (name, STATISTICS.search(page))


def test_what_to_do_first_follows_page_one_with_first_steps(readings, kb):
    for name, r, _ in readings:
        assert len(r.advice) <= 3, name
        text = render_text(r, kb, "en")
        if r.advice:
            assert "What you could do first" in text and "First step: " in text, name
            assert text.index("What you could do first") < text.index("Details\n")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_report_page_one_is_short_and_plain(readings, kb, lang):
    for name, r, instrument in readings:
        html = render_html(r, kb, options=Options(lang=lang), instrument=instrument)
        section = html[html.index('<section id="page-one">'):html.index("</section>", html.index('<section id="page-one">'))]
        section = re.sub(r"<svg.*?</svg>", " ", section, flags=re.S)
        text = re.sub(r"<[^>]+>", " ", section)
        assert len(text.split()) <= PAGE_ONE_WORDS, (name, len(text.split()))
        assert not STATISTICS.search(text), (name, STATISTICS.search(text))


def test_every_evidence_line_shows_its_n(readings, kb):
    for name, r, _ in readings:
        for f in r.findings:
            for e in f.evidence:
                line = P.evidence_line(e, r, kb, "en")
                assert "n = " in line or "raters" in line, (name, line)
