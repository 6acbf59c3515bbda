"""The printable Markdown form holds every item, in the chosen language only."""

from __future__ import annotations

import pytest

from samenspel.instrument import Instrument, to_markdown


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_item_appears_in_the_chosen_language(full: Instrument, lang: str) -> None:
    md = to_markdown(full, lang)
    for part in full.parts:
        assert part.title(lang) in md and part.intro(lang) in md
    for it in full.items:
        text = it.text(lang).replace("{partner}", "deze partner" if lang == "nl" else "this partner")
        assert f"{text} `{it.id}`" in md, it.id
        for option in it.options:
            assert option.text(lang) in md
        for pole in it.poles or ():
            assert pole(lang) in md


def test_only_the_chosen_language(full: Instrument) -> None:
    nl = to_markdown(full, "nl")
    en = to_markdown(full, "en")
    assert full.item("amb_01").text.en not in nl
    assert full.item("amb_01").text.nl not in en
    assert full.title.nl in nl and full.title.en in en


def test_layout(full: Instrument) -> None:
    md = to_markdown(full, "en")
    assert md.startswith(f"# {full.title.en}\n")
    assert f"about {full.minutes} minutes" in md
    assert "| 1 | 2 | 3 | 4 | 5 |" in md  # likert tables
    assert "| 1 | 2 | 3 | 4 | 5 | 6 | 7 |" in md  # bipolar tables
    assert "- ☐ 1. " in to_markdown(full, "nl").split("## 2.")[0]  # phase options as tick boxes
    grid = md.split("| Other partner |")[1].split("\n\n")[0]
    assert grid.count("\n| ____") == 6  # one row per other partner to fill in
    assert md.count("." * 72) == 3 * len(full.by_construct("open"))


def test_pulse_form_says_it_is_the_short_version(pulse: Instrument) -> None:
    md = to_markdown(pulse, "nl")
    assert "korte versie" in md
    assert "fail_" not in md


def test_unknown_language_is_refused(full: Instrument) -> None:
    with pytest.raises(ValueError):
        to_markdown(full, "de")
