"""The questionnaire as web pages: one page per part, fields, parsing.

Pure logic over :mod:`samenspel.instrument.model`; the views do the saving.
Field names: ``i__<item>`` and, for relation items, ``i__<item>__<partner>``.
A field's raw value is the number, ``dk`` for "don't know", or the open text.

Each round asks its own questionnaire (``round_questionnaire``): its version and,
for 2.0, its modules and paradoxes, fixed when the round is made. In 2.0 a check
item is a yes / no / don't know question, and a question left untouched on a
saved page is stored as ``missing = skipped``; in a 1.0 round an unticked box
is 0, as it always was.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from typing import TYPE_CHECKING

from samenspel.i18n import Text
from samenspel.instrument.model import Instrument, Item, Part

if TYPE_CHECKING:
    from samenspel.instrument.selection import Selection
    from samenspel.web.alliances.models import MeasurementRound

DONT_KNOW = "dk"
MAX_TEXT = 4000
# Control characters other than tab and line breaks: never typed, but pasted from other programs. NUL cannot be
# stored in PostgreSQL at all, so they are dropped from an open answer and the rest of it is kept.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")

# Scale labels in our own words; 5-point agree scale, else numbered points.
AGREE_5 = (
    Text("helemaal oneens", "strongly disagree"),
    Text("oneens", "disagree"),
    Text("neutraal", "neither"),
    Text("eens", "agree"),
    Text("helemaal eens", "strongly agree"),
)
LOW = Text("laag", "low")
HIGH = Text("hoog", "high")
DONT_KNOW_TEXT = Text("weet ik niet / n.v.t.", "don't know / n/a")
YES_NO = (("1", Text("ja", "yes")), ("0", Text("nee", "no")))


def load_instrument(short: bool = False, version: str | None = None) -> Instrument:
    """Every item of a questionnaire version, or its pulse (imported late: the web app starts without it)."""
    from samenspel.instrument import CURRENT_VERSION
    from samenspel.instrument import load_instrument as load

    return load(short=short, version=version or CURRENT_VERSION)


def round_selection(rnd: MeasurementRound) -> Selection:
    """What ``rnd`` asks: its questionnaire version, pulse or not, its modules and paradoxes."""
    from samenspel.instrument import CURRENT_VERSION, Selection
    from samenspel.responses.versions import version_of

    version = version_of(rnd.instrument or "") or CURRENT_VERSION
    return Selection(version, bool(rnd.short), tuple(rnd.modules or ()), tuple(rnd.paradoxes or ()))


def round_questionnaire(rnd: MeasurementRound) -> Instrument:
    """The questionnaire ``rnd`` asks (the respondent pages, the import check and the analysis use it)."""
    selection = round_selection(rnd)
    base = load_instrument(short=selection.pulse, version=selection.version)
    if selection.pulse or not base.modular:
        return base
    from samenspel.instrument import questionnaire

    return questionnaire(selection)


@dataclass(frozen=True, slots=True)
class Parsed:
    """One answer read from a page."""

    item: str
    target: str | None  # partner code, relation items only
    value: float | None
    text: str = ""
    dont_know: bool = False
    missing: str = ""  # why the value is empty: dont_know, or skipped (2.0: seen on a saved page, untouched)


@dataclass
class PageResult:
    answers: list[Parsed] = field(default_factory=list)
    errors: dict[str, Text] = field(default_factory=dict)
    raw: dict[str, str] = field(default_factory=dict)


def pages(instrument: Instrument) -> list[Part]:
    """Parts that hold at least one item, in questionnaire order."""
    return [p for p in instrument.parts if instrument.items_in(p.id)]


def field_name(item: Item, target: str | None = None) -> str:
    return f"i__{item.id}" if target is None else f"i__{item.id}__{target}"


def raw_value(value: float | None, text: str, dont_know: bool) -> str:
    """How a stored answer shows in a form field."""
    if dont_know:
        return DONT_KNOW
    if value is None:
        return text
    return str(int(value)) if float(value).is_integer() else str(value)


def scale(item: Item) -> list[tuple[str, Text]]:
    """(raw value, label) of each answer point of a numeric item."""
    if item.type == "choice":
        return [(str(o.value), o.text) for o in item.options]
    if item.type == "check":
        return list(YES_NO) if item.dont_know else [("1", Text("ja", "yes"))]
    lo, hi = item.min or 0, item.max or 0
    points = list(range(lo, hi + 1))
    if item.type == "likert" and len(points) == 5:
        return [(str(v), t) for v, t in zip(points, AGREE_5)]
    if item.type == "bipolar" and item.poles is not None:
        a, b = item.poles
        return [(str(v), a if v == lo else b if v == hi else Text(str(v), str(v))) for v in points]
    return [(str(v), LOW if v == lo else HIGH if v == hi else Text(str(v), str(v))) for v in points]


def _one(item: Item, raw: str, skipped: bool = False) -> tuple[Parsed | None, Text | None]:
    target = None
    if raw == "":
        if item.type == "check" and not item.dont_know:
            return Parsed(item.id, target, 0.0), None  # 1.0: a box not ticked
        if not item.dont_know:
            return None, Text("Kies een antwoord.", "Please choose an answer.")
        if skipped and item.type != "text":
            return Parsed(item.id, target, None, missing="skipped"), None
        return None, None
    if item.type == "text":
        if len(raw) > MAX_TEXT:
            return None, Text(f"Maximaal {MAX_TEXT} tekens.", f"At most {MAX_TEXT} characters.")
        return Parsed(item.id, target, None, text=raw.strip()), None
    if raw == DONT_KNOW:
        if not item.dont_know:
            return None, Text("Kies een antwoord.", "Please choose an answer.")
        return Parsed(item.id, target, None, dont_know=True, missing="dont_know"), None
    try:
        value = float(raw)
    except ValueError:
        return None, Text("Geen geldig antwoord.", "Not a valid answer.")
    if not item.allowed(value):
        return None, Text("Dit antwoord past niet bij de vraag.", "This answer does not fit the question.")
    return Parsed(item.id, target, value), None


def parse_page(instrument: Instrument, part: Part, others: list[str], data: dict[str, str]) -> PageResult:
    """Read one page's answers from posted ``data``; ``others`` are the partner codes to rate.

    An empty text stores nothing. An unanswered item stores nothing in a 1.0 round
    (a missing checkbox is 0 there) and ``missing = skipped`` in a modular (2.0) one.
    Every raw value is kept, so a page with an error shows what was typed.
    """
    result = PageResult()
    skipped = instrument.modular
    for item in instrument.items_in(part.id):
        targets: list[str | None] = list(others) if item.type == "relation" else [None]
        for target in targets:
            name = field_name(item, target)
            raw = str(data.get(name, ""))
            if item.type == "text":
                raw = _CONTROL.sub("", raw)  # also when the page is shown again with an error elsewhere
            result.raw[name] = raw
            parsed, error = _one(item, raw.strip() if item.type != "text" else raw, skipped)
            if error is not None:
                result.errors[name] = error
            elif parsed is not None:
                if parsed.text == "" and item.type == "text":
                    continue
                result.answers.append(
                    Parsed(parsed.item, target, parsed.value, parsed.text, parsed.dont_know, parsed.missing)
                )
    return result
