"""The HTML report: one self-contained file (no external CSS, JS, fonts or images), both languages."""

from __future__ import annotations

import json
import re

import pytest

from samenspel.report import Options, render_html
from samenspel.reading.labels import L

NAMESPACES = {"http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink"}


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_html_is_self_contained(html, lang):
    doc = html[lang]
    assert "<script" not in doc.lower()
    assert "<link" not in doc.lower()
    assert "@import" not in doc
    assert "<img" not in doc.lower()
    assert not re.search(r"\bsrc\s*=", doc)
    assert set(re.findall(r"https?://[^\s\"')<>]+", doc)) <= NAMESPACES
    assert all(ref.startswith("#") for ref in re.findall(r"url\(([^)]*)\)", doc))
    assert not re.search(r"\bhref\s*=\s*[\"'](?!#)", doc)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_html_charts_are_inline_svg(html, lang):
    doc = html[lang]
    assert doc.count("<svg") >= 4  # domains, paradoxes, network, trend
    assert f'<html lang="{lang}">' in doc


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_html_language(html, lang):
    other = "en" if lang == "nl" else "nl"
    doc = html[lang]
    for key in ("page_one", "domains", "agenda", "appendix", "signals", "strengths"):
        assert L[key].get(lang) in doc
        assert L[key].get(other) not in doc


def test_evidence_reads_in_the_reports_number_notation(reading, kb, instrument):
    """Every sentence is worded in the report's language when it is laid out: a decimal comma in Dutch."""
    for lang, wrong in (("nl", "0."), ("en", "0,")):
        doc = render_html(reading, kb, options=Options(lang=lang), instrument=instrument)
        page = doc[doc.index('<section class="chapter" id="problems">'):doc.index('<section id="trend">')]
        assert not re.search(rf"\b{re.escape(wrong)}\d", page), lang


def test_reflection_agenda_is_filled(html, diagnosis, kb):
    doc = html["nl"]
    for step in kb.reflection_steps:
        assert step.name.nl in doc
    strong = [f for f in diagnosis.problems if f.strength >= diagnosis.settings.strong_problem]
    assert strong
    for f in strong:
        for q in kb.problems[f.id].questions:
            assert q.nl.replace("'", "&#39;").replace('"', "&#34;") in doc
    for todo in kb.phases[diagnosis.phase.modal].do:
        assert todo.nl in doc


def test_sources_of_the_models_in_the_appendix(html, kb):
    for source in kb.sources.values():
        assert source.id in html["en"]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_problems_built_on_a_title_only_say_so(html, reading, kb, lang):
    """Issue 9 point 6: seed 001 §8.4 gives only the problems' titles; the report must not pass our
    elaboration off as the book's text, under each problem and in the rules table of the appendix."""
    import html as html_lib

    doc = html_lib.unescape(html[lang])
    found = [f.code for f in reading.findings if f.kind == "problem" and f.clear]
    assert found, "the demo report shows at least one problem"
    for code in found:
        origin = kb.provenance(code)
        assert origin.is_elaboration
        assert doc.count(origin.text(lang)) >= 2  # under the problem and in the rules table
    marker = {"nl": "de bron geeft alleen de titel", "en": "the source gives only the title"}[lang]
    assert marker in doc
