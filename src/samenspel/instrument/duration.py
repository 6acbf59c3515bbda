"""How long the questionnaire takes: reading at a published rate plus answering time per item type.

Response rates drop when a questionnaire runs long, so the time is part of the
design: questionnaire 2.0 aims at at most 15 minutes for the default full round
and 5 for the pulse, for an alliance of six partners. The estimate reads every
word a respondent sees once (page title and introduction, question, options,
poles; a scale's labels the first time they appear) at ``WORDS_PER_MINUTE``, and adds the
time to choose and click per answer (``ANSWER_SECONDS``) and per page
(``PAGE_SECONDS``). The sources of these numbers are in docs/INSTRUMENT.md
("Time estimate"); the web app shows each round's median answering time next
to the estimate, so the numbers can be checked against real respondents.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from samenspel.i18n import Text
from samenspel.instrument.model import Instrument, Item, Part

WORDS_PER_MINUTE = 200
"""Careful silent reading: in the slower half of the adult range (mean 238 wpm for non-fiction,
most adults 175-300 wpm; Brysbaert 2019), because a question is read to be answered."""

ANSWER_SECONDS: dict[str, float] = {
    "likert": 2.5,  # weigh a statement and pick one of five (after reading it); see docs/INSTRUMENT.md
    "bipolar": 3.5,  # place ourselves between two poles on seven points: a second more
    "choice": 2.5,  # pick one of the options read
    "check": 2.0,  # yes, no or don't know
    "relation": 2.5,  # one rating per other partner in a grid, the partner's name read first
    "text": 30.0,  # think and type a few words
}
PAGE_SECONDS = 3.0
"""Per page: press the button, wait for the page, find the first question."""

OPENING_WORDS = 60
"""Words of the page a respondent opens first besides the instructions (welcome, time, privacy: the web start page)."""
CLOSING_WORDS = 20
"""Words read on the way out (the review page's heading and its one line; the answers are not read again)."""
PROGRESS_WORDS = 6
"""Words of the progress line on every page ("Deel 2 van 6", "Nog ongeveer 4 minuten")."""

DEFAULT_PARTNERS = 6
"""The alliance size the documented estimates assume: a relation item is answered for 5 others."""

ASSUMED_OTHER_PARTNERS = DEFAULT_PARTNERS - 1
PARTNER_WORDS = 2  # a partner's name in a grid row, read once per rating
DONT_KNOW_WORDS = Text("weet ik niet", "don't know")

_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")


def words(text: str) -> int:
    """Words in a text as a reader counts them ("partner's" and "e-mail" are one word)."""
    return len(_WORD.findall(text))


@dataclass(frozen=True)
class Estimate:
    """Seconds to answer a questionnaire in one language: in total, per part (page) and per module."""

    lang: str
    partners: int
    parts: dict[str, float]
    modules: dict[str, float]

    @property
    def seconds(self) -> float:
        return sum(self.parts.values())

    def remaining(self, from_part: str) -> float:
        """Seconds from the start of ``from_part`` to the end (for "about N minutes left")."""
        ids = list(self.parts)
        return sum(self.parts[p] for p in ids[ids.index(from_part):]) if from_part in self.parts else 0.0


def _read(text: str) -> float:
    return 60.0 * words(text) / WORDS_PER_MINUTE


def part_seconds(part: Part, items: Iterable[Item], lang: str, others: int,
                 seen: set[tuple[str, ...]] | None = None) -> float:
    """One page: its title and introduction, every item read and answered, the page turn.

    A scale's labels and a pair of poles are read the first time they appear
    (``seen`` carries what was read on earlier pages); after that a respondent knows them.
    """
    total = PAGE_SECONDS + _read(part.title.get(lang)) + _read(part.intro.get(lang))
    total += 60.0 * PROGRESS_WORDS / WORDS_PER_MINUTE
    seen = set() if seen is None else seen

    def once(texts: tuple[Text, ...]) -> float:
        key = tuple(t.get(lang) for t in texts)
        if not texts or key in seen:
            return 0.0
        seen.add(key)
        return sum(_read(t) for t in key)

    for item in items:
        text = item.text.get(lang).replace("{partner}", "x" * 3)
        total += _read(text)
        if item.type == "choice":
            total += sum(_read(o.text.get(lang)) for o in item.options)
        if item.poles is not None:
            total += once(item.poles)
        if item.labels and item.type != "choice":
            total += once((*item.labels, DONT_KNOW_WORDS) if item.dont_know else item.labels)
        answers = others if item.type == "relation" else 1
        if item.type == "relation":
            total += answers * 60.0 * PARTNER_WORDS / WORDS_PER_MINUTE
        total += answers * ANSWER_SECONDS[item.type]
    return total


def estimate(instrument: Instrument, lang: str = "nl", partners: int = DEFAULT_PARTNERS) -> Estimate:
    """The estimate for ``instrument`` answered in ``lang`` in an alliance of ``partners`` partners."""
    others = max(partners - 1, 0)
    parts: dict[str, float] = {}
    modules: dict[str, float] = {}
    seen: set[tuple[str, ...]] = set()
    for index, part in enumerate(instrument.parts):
        items = instrument.items_in(part.id)
        if not items:
            continue
        seconds = part_seconds(part, items, lang, others, seen)
        if index == 0:  # opening: the start page with the instructions
            seconds += PAGE_SECONDS + _read(instrument.instructions.get(lang)) + 60.0 * OPENING_WORDS / WORDS_PER_MINUTE
        parts[part.id] = seconds
        module = items[0].module
        modules[module] = modules.get(module, 0.0) + seconds
    if parts:  # closing: the review page, then submitting
        last = list(parts)[-1]
        closing = 2 * PAGE_SECONDS + 60.0 * CLOSING_WORDS / WORDS_PER_MINUTE
        parts[last] += closing
        module = instrument.items_in(last)[0].module
        modules[module] += closing
    return Estimate(lang, partners, parts, modules)


def estimate_seconds(instrument: Instrument, partners: int = DEFAULT_PARTNERS) -> int:
    """Whole seconds in the slower of the two languages (what the documentation and facilitators see)."""
    return round(max(estimate(instrument, lang, partners).seconds for lang in ("nl", "en")))


def to_minutes(seconds: float) -> int:
    """Whole minutes, rounded half up, at least 1 (what we tell respondents)."""
    return max(1, int((seconds + 30) // 60))
