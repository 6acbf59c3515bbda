"""The time estimate: documented seconds per item type (docs/INSTRUMENT.md)."""

from __future__ import annotations

from samenspel.i18n import Text
from samenspel.instrument import Instrument, estimate_seconds, to_minutes
from samenspel.instrument.model import Item

T = Text("x", "x")


def test_full_version_takes_about_twenty_minutes(full: Instrument) -> None:
    assert 17 <= full.minutes <= 24
    assert full.minutes == to_minutes(full.seconds) == to_minutes(estimate_seconds(full.items))


def test_pulse_version_takes_about_five_minutes(pulse: Instrument) -> None:
    assert 4 <= pulse.minutes <= 6
    assert pulse.seconds == estimate_seconds(pulse.items)


def test_seconds_per_item_type_worked_example() -> None:
    """2 likert (2*7) + 1 bipolar (9) + 1 relation (4 s x 5 partners) + 1 check (3) + 1 open (60) = 106 s."""
    items = [
        Item("a", "domain:ambition", "likert", T, "p", 1, 5),
        Item("b", "domain:ambition", "likert", T, "p", 1, 5),
        Item("c", "paradox:conflict:now", "bipolar", T, "p", 1, 7),
        Item("d", "relation:trust", "relation", T, "p", 1, 5),
        Item("e", "motive:cost", "check", T, "p", 0, 1),
        Item("f", "open:x", "text", T, "p"),
    ]
    assert estimate_seconds(items) == 106


def test_minutes_round_half_up_and_never_zero() -> None:
    assert [to_minutes(s) for s in (0, 29, 30, 89, 90, 1312)] == [1, 1, 1, 1, 2, 22]


def test_seconds_per_item_are_documented() -> None:
    """docs/INSTRUMENT.md's table must show the numbers the code uses."""
    import re
    from pathlib import Path

    from samenspel.instrument import ASSUMED_OTHER_PARTNERS, SECONDS_PER_ITEM

    doc = (Path(__file__).parents[2] / "docs" / "INSTRUMENT.md").read_text(encoding="utf-8")
    rows = dict(re.findall(r"^\| (likert|bipolar|choice|check|relation|text) \| (\d+)", doc, re.M))
    assert {k: int(v) for k, v in rows.items()} == SECONDS_PER_ITEM
    assert f"{ASSUMED_OTHER_PARTNERS} partners assumed" in doc
