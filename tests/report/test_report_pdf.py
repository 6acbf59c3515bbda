"""The PDF report: it renders, is A4 with page numbers, and its text holds the headings and figures.

Text comes from pdftotext (poppler-utils); the PDFs are rendered once per
language (conftest). Expected figures are taken from the diagnosis and
formatted here independently of the report's own formatting code.
"""

from __future__ import annotations

import re

import pytest

from samenspel.reading.labels import L

HEADINGS = ["page_one", "signals", "strengths", "advice", "domains", "divergence", "paradoxes", "network", "problems",
            "trend", "agenda", "appendix", "who_answered", "scores_title", "reliability_title", "rules_title",
            "sources_title"]


def fmt(x: float, lang: str, digits: int = 0) -> str:
    """Round half to even on the decimal text of x, then use the reader's decimal mark."""
    from decimal import ROUND_HALF_EVEN, Decimal

    q = Decimal(str(x)).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_EVEN)
    s = f"{q:f}"
    return s.replace(".", ",") if lang == "nl" else s


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_pdf_is_a4_with_page_numbers(pdf, lang):
    data, info, text = pdf[lang]["bytes"], pdf[lang]["info"], pdf[lang]["text"]
    assert data.startswith(b"%PDF-")
    assert "(A4)" in info
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    assert 6 <= pages <= 30
    word, of = ("Pagina", "van") if lang == "nl" else ("Page", "of")
    for n in (1, pages):
        assert f"{word} {n} {of} {pages}" in text


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_pdf_holds_the_headings(pdf, lang):
    text = re.sub(r"\s+", " ", pdf[lang]["text"])
    for key in HEADINGS:
        assert L[key].get(lang) in text, key


def test_pdf_headings_are_in_the_chosen_language(pdf):
    nl = re.sub(r"\s+", " ", pdf["nl"]["text"])
    en = re.sub(r"\s+", " ", pdf["en"]["text"])
    for key in HEADINGS:
        if L[key].nl != L[key].en:
            assert L[key].en not in nl, key
            assert L[key].nl not in en, key


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_pdf_holds_the_figures(pdf, diagnosis, kb, lang):
    text = pdf[lang]["text"]
    flat = re.sub(r"\s+", " ", text)
    # every domain's overall score on the row "All respondents" of the domain table
    row = next(line for line in text.splitlines() if line.strip().startswith(L["all_respondents"].get(lang)))
    numbers = re.findall(r"\d+", row)
    assert numbers[0] == str(diagnosis.n_respondents)
    assert numbers[1:] == [fmt(r.score, lang) for r in diagnosis.domains.values()]
    # reliability with two decimals in the reader's notation
    for r in diagnosis.domains.values():
        assert fmt(r.reliability.alpha, lang, 2) in flat
    # the phase, the trust figures and the strongest problem
    assert f"{'Fase' if lang == 'nl' else 'Phase'} {diagnosis.phase.modal}:" in flat
    assert fmt(diagnosis.trust_formal.trust, lang) in flat
    assert kb.problems[diagnosis.problems[0].id].name.get(lang) in flat


def test_pdf_dutch_numbers_and_date(pdf):
    nl, en = (re.sub(r"\s+", " ", pdf[lang]["text"]) for lang in ("nl", "en"))
    assert "22 november 2026" in nl and "22 November 2026" in en
    # decimals: comma in Dutch, point in English (reliability table)
    assert re.search(r"\b0,\d\d\b", nl) and not re.search(r"\b0\.\d\d\b", nl)
    assert re.search(r"\b0\.\d\d\b", en)


@pytest.mark.parametrize("lang, foreign", [
    ("nl", ["Page ", "respondents", "Strength", "strength", "Source:", "Phase "]),
    ("en", ["Pagina", "respondenten", "sterkte", "Bron:", "Fase "]),
])
def test_pdf_has_no_words_of_the_other_language(pdf, lang, foreign):
    text = pdf[lang]["text"]
    for word in foreign:
        assert word not in text, word


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_page_one_holds_what_the_steering_group_must_know(pdf, diagnosis, kb, lang):
    """Findings, strengths, phase, trust quadrant, response and reliability fit on page one (what to do first follows)."""
    import subprocess

    page = subprocess.run(["pdftotext", "-f", "1", "-l", "1", str(pdf[lang]["path"]), "-"], check=True,
                          capture_output=True, text=True).stdout
    page = re.sub(r"\s+", " ", page)
    for key in ("page_one", "signals", "strengths", "phase_box", "trust_box"):
        assert L[key].get(lang) in page, key
    assert kb.trust_quadrants[diagnosis.trust_formal.quadrant].name.get(lang) in page
    assert kb.phases[diagnosis.phase.modal].name.get(lang) in page
    assert str(diagnosis.n_respondents) in page
    assert kb.problems[diagnosis.problems[0].id].name.get(lang) in page


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_pdf_page_one_names_the_readings_findings_in_order(pdf, reading, kb, lang):
    """The PDF's page one (pdftotext) lists the same findings in the same order as every other output."""
    import subprocess

    from samenspel.reading import phrases as P

    page = subprocess.run(["pdftotext", "-f", "1", "-l", "1", str(pdf[lang]["path"]), "-"], check=True,
                          capture_output=True, text=True).stdout
    page = re.sub(r"\s+", " ", page)
    positions = [page.find(P.headline(f, kb, lang)) for f in reading.top]
    assert all(p >= 0 for p in positions) and positions == sorted(positions)
