"""Which questionnaire each round of a response file was answered with (FORMATS.md §4, column ``instrument``).

A round names its questionnaire in the ``instrument`` column
(``samenspel-core@2.0``); where the column is absent, the item ids tell: the
oldest version that holds every item of the round (a file without the column
is most likely older than the column), else the version that holds most of
them, so that the unknown ones are reported against it. Which modules and
paradoxes a 2.0 round asked follows from the items it holds
(:func:`samenspel.instrument.selection.infer_selection`). Each round is then
validated and analysed with its own questionnaire.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from itertools import compress, repeat
from operator import attrgetter, ne

from samenspel.instrument.loader import VERSIONS
from samenspel.instrument.model import Instrument
from samenspel.instrument.selection import INSTRUMENT_ID, Selection, catalogue, infer_selection, questionnaire
from samenspel.responses.model import ResponseSet

Questionnaires = Instrument | Mapping[str, Instrument] | Callable[[str], Instrument]
"""What the analysis and the counting rule take: one questionnaire for every round, one per round, or a resolver."""


def known_keys() -> tuple[str, ...]:
    """``samenspel-core@1.0``, ``samenspel-core@2.0``: the questionnaires a response file may name."""
    return tuple(f"{INSTRUMENT_ID}@{v}" for v in VERSIONS)


def version_of(key: str) -> str | None:
    """The version in ``samenspel-core@2.0``; None for another questionnaire or an unknown version."""
    name, _, version = key.partition("@")
    return version if name == INSTRUMENT_ID and version in VERSIONS else None


def infer_version(item_ids: Iterable[str]) -> str:
    """The version a set of item ids most likely comes from (see the module's docstring)."""
    ids = set(item_ids)
    best, best_known = next(iter(VERSIONS)), -1
    for version in VERSIONS:  # oldest first
        full = catalogue(version)
        known = sum(1 for i in ids if full.has_item(i))
        if known == len(ids):
            return version
        if known > best_known:
            best, best_known = version, known
    return best


@dataclass(frozen=True)
class RoundQuestionnaire:
    """A round's questionnaire and how it was found: ``declared`` (the instrument column) or ``inferred``."""

    round: str
    selection: Selection
    how: str

    @property
    def instrument(self) -> Instrument:
        return questionnaire(self.selection)


_INSTRUMENT, _MISSING, _ITEM = attrgetter("instrument"), attrgetter("missing"), attrgetter("item")
_NOT_ASKED = "not_asked"


def round_questionnaires(responses: ResponseSet) -> dict[str, RoundQuestionnaire]:
    """Per round (in the set's order): the questionnaire it was answered with."""
    declared: dict[str, str] = {}
    items: dict[str, set[str]] = {}
    for rnd, block in responses.by_round.items():  # C loops over the round's answers
        instrument = next(filter(None, map(_INSTRUMENT, block)), None)
        if instrument:
            declared[rnd] = instrument
        missing = list(map(_MISSING, block))
        if "not_asked" in missing:
            items[rnd] = set(compress(map(_ITEM, block), map(ne, missing, repeat(_NOT_ASKED))))
        else:
            items[rnd] = set(map(_ITEM, block))
    out: dict[str, RoundQuestionnaire] = {}
    for rnd in responses.rounds():
        seen = items.get(rnd, set())
        version = version_of(declared[rnd]) if rnd in declared else None
        how = "declared" if version is not None else "inferred"
        if version is None:
            version = infer_version(seen)
        out[rnd] = RoundQuestionnaire(rnd, infer_selection(version, seen), how)
    return out


def per_round(responses: ResponseSet) -> dict[str, Instrument]:
    """Round -> the questionnaire it was answered with: what :func:`samenspel.analysis.analyse` takes."""
    return {r: q.instrument for r, q in round_questionnaires(responses).items()}


def resolver(questionnaires: Questionnaires) -> Callable[[str], Instrument]:
    """One way to ask "which questionnaire did round R use?" for each form of ``Questionnaires``."""
    if isinstance(questionnaires, Instrument):
        single = questionnaires
        return lambda _round: single
    if isinstance(questionnaires, Mapping):
        mapping = questionnaires

        def look_up(round_id: str) -> Instrument:
            try:
                return mapping[round_id]
            except KeyError:
                raise KeyError(f"no questionnaire given for round {round_id!r}") from None

        return look_up
    return questionnaires
