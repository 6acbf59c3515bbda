"""How long the questionnaire takes, estimated from item counts.

Response rates drop when a questionnaire runs long, so the time is part of the
design: the full version aims at about 20 minutes and the pulse version at
about 5. The seconds per item type are our working assumptions for short,
plain-language items (a likert statement is read and ticked in about 7 s; a
bipolar item needs both poles read; a relation item is one rating per other
partner). They are documented in docs/INSTRUMENT.md; change them there too.
"""

from __future__ import annotations

from collections.abc import Iterable

from samenspel.instrument.model import Item

SECONDS_PER_ITEM: dict[str, int] = {
    "likert": 7,  # read a short statement, tick one of five boxes
    "bipolar": 9,  # read two poles, tick one of seven boxes
    "choice": 20,  # read four described options
    "check": 3,  # tick or skip one line of a list
    "relation": 4,  # per rated partner
    "text": 60,  # think and write a few words
}
ASSUMED_OTHER_PARTNERS = 5  # a relation item is answered once for each other partner


def estimate_seconds(items: Iterable[Item]) -> int:
    """Estimated seconds to answer ``items`` (reading page intros is included in the per-item times)."""
    total = 0
    for item in items:
        per = SECONDS_PER_ITEM[item.type]
        total += per * ASSUMED_OTHER_PARTNERS if item.type == "relation" else per
    return total


def to_minutes(seconds: int) -> int:
    """Whole minutes, rounded half up, at least 1 (what we tell respondents)."""
    return max(1, (seconds + 30) // 60)
