"""The time estimate: published reading rate plus answering time per item type (docs/INSTRUMENT.md)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from samenspel.i18n import Text
from samenspel.instrument import (
    ANSWER_SECONDS,
    DEFAULT_PARTNERS,
    WORDS_PER_MINUTE,
    Instrument,
    default_selection,
    estimate,
    estimate_seconds,
    load_instrument,
    questionnaire,
    to_minutes,
)
from samenspel.instrument.duration import CLOSING_WORDS, OPENING_WORDS, PAGE_SECONDS, PROGRESS_WORDS, words
from samenspel.instrument.model import Item, Part
from samenspel.knowledge import load_knowledge

DOC = Path(__file__).parents[2] / "docs" / "INSTRUMENT.md"


def _t(nl: str, en: str | None = None) -> Text:
    return Text(nl, en or nl)


def test_words_are_counted_as_a_reader_counts_them() -> None:
    assert words("Partners delen ook gevoelige informatie met elkaar.") == 7
    assert words("We praten over 'wij' en 'zij' – niet over e-mail.") == 9
    assert words("") == 0


def test_worked_example() -> None:
    """One page: 10 words of title and intro, a likert item of 6 words with 5 labels (+ 'weet ik niet'),
    a relation item of 5 words rated for 5 partners, a check item of 4 words (labels nee/ja + dk)."""
    labels = tuple(_t(w) for w in ("een", "twee", "drie", "vier", "vijf"))
    items = (
        Item("a", "domain:ambition", "likert", _t("een twee drie vier vijf zes"), "p", 1, 5, labels=labels),
        Item("r", "relation:trust", "relation", _t("een twee drie {partner} vijf"), "p", 1, 5),
        Item("c", "motive:cost", "check", _t("een twee drie vier"), "p", 0, 1, labels=(_t("nee"), _t("ja"))),
    )
    part = Part("p", _t("een twee drie"), _t("een twee drie vier vijf zes zeven"))
    inst = Instrument("x", "1", ("nl", "en"), _t("t"), 0, (part,), items, instructions=_t("een twee"))
    per_word = 60 / WORDS_PER_MINUTE
    expected = (
        PAGE_SECONDS + (OPENING_WORDS + 2) * per_word                          # the start page and the instructions
        + PAGE_SECONDS + (10 + PROGRESS_WORDS) * per_word                       # the page, its title, intro, progress
        + 6 * per_word + (5 + 3) * per_word + ANSWER_SECONDS["likert"]          # item, its labels and 'weet ik niet'
        + 5 * per_word + 5 * (2 * per_word + ANSWER_SECONDS["relation"])        # the grid: a name and a rating per partner
        + 4 * per_word + (1 + 1 + 3) * per_word + ANSWER_SECONDS["check"]       # nee, ja, weet ik niet
        + 2 * PAGE_SECONDS + CLOSING_WORDS * per_word                           # the review page, then submit
    )
    assert estimate(inst, "nl", partners=6).seconds == pytest.approx(expected)
    assert estimate(inst, "nl", partners=2).seconds < expected  # one partner to rate instead of five


def test_labels_are_read_once_per_questionnaire() -> None:
    labels = tuple(_t(w) for w in ("een", "twee", "drie", "vier", "vijf"))
    part = Part("p", _t(""), _t(""))
    one = Item("a", "domain:ambition", "likert", _t("een"), "p", 1, 5, labels=labels)
    two = Item("b", "domain:ambition", "likert", _t("een"), "p", 1, 5, labels=labels)
    single = Instrument("x", "1", ("nl", "en"), _t("t"), 0, (part,), (one,))
    double = Instrument("x", "1", ("nl", "en"), _t("t"), 0, (part,), (one, two))
    item_only = 60 / WORDS_PER_MINUTE + ANSWER_SECONDS["likert"]
    assert estimate(double, "nl").seconds - estimate(single, "nl").seconds == pytest.approx(item_only)


def test_default_full_round_fits_fifteen_minutes_with_six_partners() -> None:
    kb = load_knowledge()
    for phase in (None, 1, 2, 3, 4):
        q = questionnaire(default_selection(kb, phase))
        for lang in ("nl", "en"):
            assert estimate(q, lang, DEFAULT_PARTNERS).seconds <= 15 * 60, (phase, lang)
        assert q.minutes <= 15 and q.seconds == estimate_seconds(q)


def test_pulse_fits_five_minutes_with_six_partners() -> None:
    pulse = load_instrument(short=True, version="2.0")
    for lang in ("nl", "en"):
        assert estimate(pulse, lang, DEFAULT_PARTNERS).seconds <= 5 * 60, lang
    assert pulse.minutes <= 5


def test_questionnaire_one_takes_far_longer_with_the_same_model() -> None:
    """The reason for 2.0: read at the same pace, 1.0 takes well over 20 minutes."""
    assert load_instrument(version="1.0").seconds > 25 * 60


def test_module_seconds_add_up(v2: Instrument) -> None:
    assert sum(m.seconds for m in v2.modules) == pytest.approx(v2.seconds, abs=len(v2.modules))


def test_remaining_time_counts_down(v2_pulse: Instrument) -> None:
    e = estimate(v2_pulse, "nl")
    left = [e.remaining(p.id) for p in v2_pulse.parts]
    assert left[0] == pytest.approx(e.seconds)
    assert left == sorted(left, reverse=True) and left[-1] > 0
    assert e.remaining("no-such-part") == 0


def test_minutes_round_half_up_and_never_zero() -> None:
    assert [to_minutes(s) for s in (0, 29, 30, 89, 90, 1312)] == [1, 1, 1, 1, 2, 22]


def test_the_model_is_documented() -> None:
    """docs/INSTRUMENT.md's table must show the numbers the code uses."""
    doc = DOC.read_text(encoding="utf-8")
    rows = dict(re.findall(r"^\| (likert|bipolar|choice|check|relation|text) \| ([\d.]+) s", doc, re.M))
    assert {k: float(v) for k, v in rows.items()} == ANSWER_SECONDS
    assert f"{WORDS_PER_MINUTE} words per minute" in doc
    assert f"{PAGE_SECONDS:g} s per page" in doc
    assert f"{DEFAULT_PARTNERS} partners" in doc
    for words_, what in ((OPENING_WORDS, "opening"), (CLOSING_WORDS, "closing"), (PROGRESS_WORDS, "progress")):
        assert f"{words_} words" in doc, what
