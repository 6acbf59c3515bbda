"""What one round asks: a questionnaire version, full or pulse, and for 2.0 its modules and paradoxes.

A round keeps its own questionnaire for good (an open round never changes it
mid-fieldwork), so results are read with the questionnaire they were answered
with. 2.0's core is always asked; a facilitator adds modules, and picks the
paradoxes: by default the six that matter in the alliance's phase
(``default_paradoxes``). ``questionnaire(selection)`` gives the round's
:class:`Instrument`, with its own time estimate. See docs/INSTRUMENT.md.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from functools import lru_cache

from samenspel.errors import SamenspelError
from samenspel.instrument.loader import CURRENT_VERSION, VERSIONS, finish, load_instrument, subset
from samenspel.instrument.model import Instrument
from samenspel.knowledge.model import KnowledgeBase

INSTRUMENT_ID = "samenspel-core"
PARADOX_MODULE = "paradoxes"
GENERIC_PARADOXES = 6
"""Without a phase, the default paradoxes are the six that matter in the most phases."""


@dataclass(frozen=True)
class Selection:
    """One round's questionnaire: ``version``, pulse or not, and (2.0, full round) the optional modules and paradoxes."""

    version: str = CURRENT_VERSION
    pulse: bool = False
    modules: tuple[str, ...] = ()  # optional modules asked besides the core
    paradoxes: tuple[str, ...] = ()  # paradoxes asked when the paradox module is

    @property
    def key(self) -> str:
        return f"{INSTRUMENT_ID}@{self.version}"


def catalogue(version: str = CURRENT_VERSION) -> Instrument:
    """Every item of ``version``: what a response file of that version may hold."""
    check_version(version)
    return load_instrument(version=version)


def check_version(version: str) -> str:
    if version not in VERSIONS:
        raise SamenspelError(f"unknown questionnaire version {version!r}; known: {', '.join(VERSIONS)}")
    return version


def modular(version: str) -> bool:
    """Whether a version has optional modules (2.0 and later; 1.0 is one whole)."""
    return catalogue(version).modular


def optional_modules(version: str = CURRENT_VERSION) -> tuple[str, ...]:
    return tuple(m.id for m in catalogue(version).modules if m.id != "core") if modular(version) else ()


def default_modules(version: str = CURRENT_VERSION) -> tuple[str, ...]:
    return tuple(m.id for m in catalogue(version).modules if m.id != "core" and m.default) if modular(version) else ()


def default_paradoxes(kb: KnowledgeBase, phase: int | None = None, version: str = CURRENT_VERSION) -> tuple[str, ...]:
    """The paradoxes that matter in ``phase`` (knowledge base, 000 fig. 1), in questionnaire order.

    Without a phase: the ``GENERIC_PARADOXES`` placed in the most phases (ties in questionnaire order).
    """
    order = catalogue(version).paradoxes
    known = [p for p in order if p in kb.paradoxes]
    if phase is not None:
        return tuple(p for p in known if phase in kb.paradoxes[p].phases)
    ranked = sorted(known, key=lambda p: (-len(kb.paradoxes[p].phases), order.index(p)))
    chosen = set(ranked[:GENERIC_PARADOXES])
    return tuple(p for p in known if p in chosen)


def default_selection(kb: KnowledgeBase, phase: int | None = None, version: str = CURRENT_VERSION) -> Selection:
    """The default full round: core, the default modules, the phase's paradoxes."""
    if not modular(version):
        return Selection(version)
    return Selection(version, False, default_modules(version), default_paradoxes(kb, phase, version))


def pulse_selection(version: str = CURRENT_VERSION) -> Selection:
    return Selection(version, True)


def questionnaire(selection: Selection) -> Instrument:
    """The questionnaire a round with ``selection`` asks (validated, cached, with its own time estimate)."""
    check_version(selection.version)
    if selection.pulse or not modular(selection.version):
        return load_instrument(short=selection.pulse, version=selection.version)
    return _selected(selection.version, tuple(sorted(set(selection.modules))), tuple(selection.paradoxes))


@lru_cache(maxsize=64)
def _selected(version: str, modules: tuple[str, ...], paradoxes: tuple[str, ...]) -> Instrument:
    full = catalogue(version)
    unknown = [m for m in modules if m not in optional_modules(version)]
    if unknown:
        raise SamenspelError(f"unknown module {unknown[0]!r} of questionnaire {version}; "
                             f"optional modules are {', '.join(optional_modules(version))}")
    odd = [p for p in paradoxes if p not in full.paradoxes]
    if odd:
        raise SamenspelError(f"unknown paradox {odd[0]!r}; known: {', '.join(full.paradoxes)}")
    chosen = set(paradoxes)
    items = [
        it for it in full.items
        if it.module == "core" or (it.module in modules and (it.module != PARADOX_MODULE or it.construct_key in chosen))
    ]
    return finish(subset(full, items, short=False))


def infer_selection(version: str, item_ids: Collection[str]) -> Selection:
    """The selection a round of ``version`` most likely had, from the item ids it holds (a response file).

    Pulse when every item is a pulse item; else every module and paradox with at
    least one item in the file. Items of another version are ignored here.
    """
    full = catalogue(version)
    seen = [full.item(i) for i in item_ids if full.has_item(i)]
    if seen and all(it.pulse for it in seen):
        return Selection(version, True)
    if not modular(version):
        return Selection(version)
    modules = tuple(dict.fromkeys(it.module for it in seen if it.module != "core"))
    paradoxes = tuple(p for p in full.paradoxes if any(it.construct_key == p for it in seen
                                                         if it.construct_kind == "paradox"))
    return Selection(version, False, tuple(m for m in optional_modules(version) if m in modules), paradoxes)


def selection_of(instrument: Instrument) -> Selection:
    """The selection an instrument built by :func:`questionnaire` stands for."""
    if instrument.short or not modular(instrument.version):
        return Selection(instrument.version, instrument.short)
    modules = tuple(m.id for m in instrument.modules if m.id != "core")
    return Selection(instrument.version, False, modules, instrument.paradoxes if PARADOX_MODULE in modules else ())


def describe(selection: Selection, kb: KnowledgeBase | None = None) -> str:
    """A short English line for logs and the command line: ``samenspel-core@2.0 full: paradoxes (6), motives``."""
    if selection.pulse:
        return f"{selection.key} pulse"
    if not modular(selection.version):
        return f"{selection.key} full"
    parts = [f"{m} ({len(selection.paradoxes)})" if m == PARADOX_MODULE else m for m in selection.modules]
    return f"{selection.key} full: " + (", ".join(parts) if parts else "core only")


def versions() -> Iterable[str]:
    return tuple(VERSIONS)


@dataclass(frozen=True)
class Costs:
    """What each choice adds to a full round's estimated time, for a facilitator choosing modules.

    ``seconds(selection)`` adds the parts up: the core, each chosen module, and
    for the paradox module its page once plus each chosen paradox. It equals
    the estimate of the selected questionnaire (a test checks this), so a form
    can show the total while boxes are ticked.
    """

    version: str
    lang: str
    partners: int
    core: float
    modules: dict[str, float]  # optional module (not paradoxes) -> seconds it adds
    paradox_page: float  # the paradox page itself: turning to it, its title and introduction
    paradoxes: dict[str, float]  # paradox -> seconds it adds

    def seconds(self, selection: Selection) -> float:
        total = self.core + sum(self.modules.get(m, 0.0) for m in selection.modules)
        if PARADOX_MODULE in selection.modules and selection.paradoxes:
            total += self.paradox_page + sum(self.paradoxes.get(p, 0.0) for p in selection.paradoxes)
        return total


@lru_cache(maxsize=32)
def costs(version: str = CURRENT_VERSION, lang: str = "nl", partners: int = 6) -> Costs:
    """The :class:`Costs` of ``version``'s modules and paradoxes in ``lang`` for ``partners`` partners."""
    from samenspel.instrument.duration import estimate

    def est(modules: tuple[str, ...], paradoxes: tuple[str, ...] = ()) -> float:
        return estimate(questionnaire(Selection(version, False, modules, paradoxes)), lang, partners).seconds

    core = est(())
    if not modular(version):
        return Costs(version, lang, partners, est(()), {}, 0.0, {})
    modules = {m: est((m,)) - core for m in optional_modules(version) if m != PARADOX_MODULE}
    order = catalogue(version).paradoxes
    single = {p: est((PARADOX_MODULE,), (p,)) - core for p in order}
    together = est((PARADOX_MODULE,), order) - core
    page = (sum(single.values()) - together) / (len(order) - 1) if len(order) > 1 else 0.0
    return Costs(version, lang, partners, core, modules, page, {p: s - page for p, s in single.items()})
