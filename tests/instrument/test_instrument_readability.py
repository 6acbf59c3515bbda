"""Plain language, measured: words per statement and a Flesch score (docs/INSTRUMENT.md, "Plain language").

Dutch: Flesch-Douma as textstat computes it (``set_lang("nl")``); English: Flesch
Reading Ease with Pyphen's en_US syllables (textstat's English path downloads a
dictionary; tests stay offline). A proxy next to the read-through, not instead of it:
2.0 must read at least as easily as 1.0 and sit in the plain-language band.
"""

from __future__ import annotations

import re
import statistics

import pytest

from samenspel.instrument import Instrument

textstat = pytest.importorskip("textstat")


def _flesch_douma(text: str) -> float:
    textstat.set_lang("nl")
    return float(textstat.flesch_reading_ease(text))


def _flesch_en(text: str) -> float:
    import pyphen

    dic = pyphen.Pyphen(lang="en_US")
    tokens = re.findall(r"[a-zA-Z']+", text)
    syllables = sum(len(dic.positions(w.lower())) + 1 for w in tokens)
    return 206.835 - 1.015 * len(tokens) - 84.6 * syllables / len(tokens)


def _scores(inst: Instrument, lang: str) -> list[float]:
    score = _flesch_douma if lang == "nl" else _flesch_en
    return [score(it.text.get(lang).replace("{partner}", "Gemeente")) for it in inst.items]


def test_flesch_douma_is_known_to_textstat() -> None:
    """The formula we report: 206.835 - 0.93 x words per sentence - 77 x syllables per word (Douma 1960)."""
    text = "We bespreken regelmatig samen hoe de samenwerking gaat."
    textstat.set_lang("nl")
    words, syllables = textstat.lexicon_count(text), textstat.syllable_count(text)
    assert _flesch_douma(text) == pytest.approx(206.835 - 0.93 * words - 77 * syllables / words)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_two_point_zero_reads_easier_than_one_point_zero(full: Instrument, v2: Instrument, lang: str) -> None:
    old, new = _scores(full, lang), _scores(v2, lang)
    assert statistics.median(new) >= 60, "plain language: a median in the 60s or higher"
    assert statistics.median(new) > statistics.median(old)
    assert sorted(new)[len(new) // 10] > sorted(old)[len(old) // 10]  # the hardest tenth is easier too
