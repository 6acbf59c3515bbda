"""The questionnaire as typed, frozen objects (FORMATS.md §1).

Item ids are stable: response files and earlier rounds refer to them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from samenspel.i18n import Text

ItemType = Literal["likert", "bipolar", "choice", "check", "relation", "text"]
NUMERIC_TYPES: frozenset[str] = frozenset({"likert", "bipolar", "choice", "check", "relation"})


@dataclass(frozen=True, slots=True)
class Option:
    """One answer of a ``choice`` item; ``value`` is what the data holds."""

    id: str
    value: int
    text: Text


@dataclass(frozen=True, slots=True)
class Item:
    id: str
    construct: str  # e.g. "domain:ambition", "paradox:open_closed:now", "relation:trust"
    type: ItemType
    text: Text
    part: str  # id of the Part (page) it belongs to
    min: int | None = None
    max: int | None = None
    reverse: bool = False
    options: tuple[Option, ...] = ()
    poles: tuple[Text, Text] | None = None  # bipolar: (pole A = min, pole B = max)
    dont_know: bool = True  # may be left empty as "don't know"
    pulse: bool = False  # also in the short pulse version
    labels: tuple[Text, ...] = ()  # one label per scale value min..max (empty: no labels, e.g. bipolar)
    source: str = ""  # seed + section the item rests on, e.g. "001 §2.5"
    module: str = "core"  # the module it belongs to (``Module.id``); core is always asked

    @property
    def numeric(self) -> bool:
        return self.type in NUMERIC_TYPES

    @property
    def construct_kind(self) -> str:
        """``domain`` for ``domain:ambition``; ``trust`` for ``trust``."""
        return self.construct.split(":", 1)[0]

    @property
    def construct_key(self) -> str:
        """``ambition`` for ``domain:ambition``; ``open_closed`` for ``paradox:open_closed:now``."""
        parts = self.construct.split(":")
        return parts[1] if len(parts) > 1 else parts[0]

    def allowed(self, value: float) -> bool:
        """Whether a numeric value is a valid answer to this item."""
        if self.type == "choice":
            return any(o.value == value for o in self.options)
        if self.min is None or self.max is None:
            return False
        return self.min <= value <= self.max and float(value).is_integer()


@dataclass(frozen=True, slots=True)
class Module:
    """A block of the questionnaire a facilitator asks or leaves out per round (core is always asked).

    ``default`` modules make up the default full round; ``seconds`` is the
    estimated time of the module's items in this questionnaire (see
    :mod:`samenspel.instrument.duration`), filled in when the questionnaire is built.
    """

    id: str
    title: Text
    description: Text
    default: bool = True
    seconds: int = 0


@dataclass(frozen=True, slots=True)
class Part:
    """A page of the questionnaire with its title and short introduction."""

    id: str
    title: Text
    intro: Text


@dataclass(frozen=True)
class Instrument:
    id: str
    version: str
    languages: tuple[str, ...]
    title: Text
    minutes: int  # estimated time to answer
    parts: tuple[Part, ...]
    items: tuple[Item, ...]
    short: bool = False  # the pulse version
    instructions: Text = Text("", "")  # how to fill in the questionnaire, shown before the first part
    seconds: int = 0  # estimated time to answer in seconds (``minutes`` rounded); see instrument.duration
    modules: tuple[Module, ...] = ()  # the modules of the items asked, in questionnaire order
    merged: tuple[tuple[str, str], ...] = ()  # (construct, item id): a construct asked by another item (2.0)
    paradoxes: tuple[str, ...] = ()  # paradox ids asked, in questionnaire order
    modular: bool = False  # has optional modules a round may leave out (2.0); 1.0 is asked whole

    @property
    def key(self) -> str:
        """``samenspel-core@2.0``: the questionnaire and version, as the response column ``instrument`` has it."""
        return f"{self.id}@{self.version}"

    def module(self, module_id: str) -> Module:
        return next(m for m in self.modules if m.id == module_id)

    def item(self, item_id: str) -> Item:
        return self._index[item_id]

    def has_item(self, item_id: str) -> bool:
        return item_id in self._index

    @property
    def _index(self) -> dict[str, Item]:
        index = self.__dict__.get("_index_cache")
        if index is None:
            index = {it.id: it for it in self.items}
            object.__setattr__(self, "_index_cache", index)
        return index

    def by_construct(self, construct: str) -> tuple[Item, ...]:
        """Items whose construct equals ``construct`` or starts with ``construct:``."""
        return tuple(
            it for it in self.items if it.construct == construct or it.construct.startswith(construct + ":")
        )

    def items_in(self, part_id: str) -> tuple[Item, ...]:
        return tuple(it for it in self.items if it.part == part_id)
