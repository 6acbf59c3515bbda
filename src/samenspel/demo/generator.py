"""Generate the demo answers from a latent model, so scales behave like real ones.

Every numeric answer is ``level + person + noise`` on a 1-5 latent scale,
mapped onto the item's own scale: ``level`` comes from the fictional alliance
(:mod:`samenspel.demo.alliance`), ``person`` is a respondent's stable
deviation per construct (the same person answers alike in both rounds;
centred within each partner), and ``noise`` is per item. The item noise
follows from the number of items of a construct and the spread of its levels
so that Cronbach's alpha lands near 0.8 (Spearman-Brown: an item reliability
``r`` gives ``alpha = k r / (1 + (k - 1) r)``). Reverse-keyed items are
mirrored. All randomness comes from one seeded generator, so a seed gives the
same file on every machine.

By default the alliance answers questionnaire 2.0's default full round (with
the paradoxes of phase 3, ``DEMO_PHASE``), so every answer carries
``instrument = samenspel-core@2.0`` and an empty answer its reason
(``dont_know``; an open question left empty is ``skipped``), as the web app
exports them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from samenspel.demo import alliance as A
from samenspel.demo.texts import OPEN_ANSWERS_EN, OPEN_ANSWERS_NL
from samenspel.instrument.model import Instrument, Item
from samenspel.responses.model import Answer, ResponseSet, Value

PERSON_SD = 0.55  # sd of a respondent's stable deviation, latent 1-5 units
TARGET_ALPHA = 0.84
DONT_KNOW = 0.03  # share of numeric answers left empty
DONT_KNOW_RELATION = 0.07  # rating another partner is harder
OPEN_ANSWERED = 0.55  # share of respondents who write something in an open question
DEMO_PHASE = 3
"""The phase whose paradoxes the demo rounds ask (the default set of questionnaire 2.0)."""


@dataclass(frozen=True, slots=True)
class DemoRespondent:
    """One invented person: pseudonymous id, organisation, role and the rounds answered ("12", "1", "2")."""

    id: str
    partner_index: int
    role: str
    rounds: str
    language: str

    @property
    def partner(self) -> A.DemoPartner:
        return A.PARTNERS[self.partner_index]


def respondents() -> list[DemoRespondent]:
    """All demo respondents with pseudonymous ids ``ZR-001``...; newcomers numbered after the first wave."""
    out: list[DemoRespondent] = []
    first = [(p, s) for p, partner in enumerate(A.PARTNERS) for s, r in enumerate(partner.rounds) if "1" in r]
    later = [(p, s) for p, partner in enumerate(A.PARTNERS) for s, r in enumerate(partner.rounds) if "1" not in r]
    for number, (p, s) in enumerate(first + later, start=1):
        partner = A.PARTNERS[p]
        language = "en" if (p, s) == A.ENGLISH_RESPONDENT else "nl"
        out.append(DemoRespondent(f"ZR-{number:03d}", p, partner.roles[s], partner.rounds[s], language))
    return sorted(out, key=lambda r: (r.partner_index, r.id))


def demo_questionnaire() -> Instrument:
    """What the demo rounds ask: questionnaire 2.0's default full round for phase ``DEMO_PHASE``."""
    from samenspel.instrument import default_selection, questionnaire
    from samenspel.knowledge import load_knowledge

    return questionnaire(default_selection(load_knowledge(), DEMO_PHASE))


def make_demo(seed: int = 7, instrument: Instrument | None = None) -> ResponseSet:
    """The demo alliance's answers to every item of ``instrument`` (default: :func:`demo_questionnaire`)."""
    if instrument is None:
        instrument = demo_questionnaire()
    return ResponseSet(tuple(_Generator(instrument, seed).answers()), f"demo:{seed}")


class _Generator:
    def __init__(self, instrument: Instrument, seed: int):
        self.instrument = instrument
        self.rng = np.random.default_rng(seed)
        self.person: dict[tuple[str, str], float] = {}
        self.members: dict[str, list[str]] = {}
        for person in respondents():
            self.members.setdefault(person.partner.name, []).append(person.id)
        self.polar: dict[str, float] = {}
        numeric = [it for it in instrument.items if it.numeric]
        counts = Counter(_group(it) for it in numeric)
        first = {_group(it): it for it in reversed(numeric)}
        self.noise_sd = {group: _noise_sd(k, self._level_variance(first[group])) for group, k in counts.items()}
        self.offset = {it.id: float(self.rng.normal(0.0, 0.25)) for it in instrument.items if it.numeric}

    def answers(self) -> Iterator[Answer]:
        people = respondents()
        # a known questionnaire names itself on every row and says why a value is empty (FORMATS.md §4)
        from samenspel.responses.versions import version_of

        named = version_of(self.instrument.key) is not None
        key = self.instrument.key if named else None
        for round_index, rnd in enumerate(A.ROUNDS):
            for person in people:
                if str(round_index + 1) not in person.rounds:
                    continue
                for item in self.instrument.items:
                    targets = [t for t in A.PARTNERS if t is not person.partner] if item.type == "relation" else [None]
                    for target in targets:
                        value = self._value(item, person, target, round_index)
                        missing = None
                        if value is None and named:
                            missing = "skipped" if item.type == "text" else "dont_know"
                        yield Answer(
                            A.ALLIANCE_ID, rnd.id, person.id, person.partner.name, item.id, value,
                            person.role, target.name if target else None, rnd.date, person.language,
                            missing, key,
                        )  # fmt: skip

    def _level_variance(self, item: Item) -> float:
        """Spread of the levels of an item's construct over the spring respondents (true-score variance part)."""
        if item.type in ("relation", "check", "choice"):
            return 0.15
        levels = [self._level(item, p, None, 0) for p in respondents() if "1" in p.rounds]
        return float(np.var(levels))

    # -- values ---------------------------------------------------------
    def _value(self, item: Item, person: DemoRespondent, target: A.DemoPartner | None, round_index: int) -> Value:
        if item.type == "text":
            return self._open_answer(person)
        dont_know = DONT_KNOW_RELATION if item.type == "relation" else DONT_KNOW
        draw_missing = self.rng.random()
        if item.type == "check":
            value: Value = float(self.rng.random() < self._chance(item, person, round_index))
        elif item.type == "choice":
            value = self._choice(item, round_index)
        else:
            value = self._scaled(item, person, target, round_index)
        return None if item.dont_know and draw_missing < dont_know else value

    def _scaled(self, item: Item, person: DemoRespondent, target: A.DemoPartner | None, round_index: int) -> float:
        group = _group(item)
        level = self._level(item, person, target, round_index)
        latent = level + self._deviation(person, group) + self.offset[item.id] + float(self.rng.normal(0.0, self.noise_sd[group]))
        latent = min(5.0, max(1.0, latent))
        if item.reverse:
            latent = 6.0 - latent
        low, high = (item.min or 1), (item.max or 5)
        return float(round(low + (latent - 1.0) / 4.0 * (high - low)))

    def _deviation(self, person: DemoRespondent, group: str) -> float:
        """A respondent's stable deviation on a construct.

        Drawn for all people of a partner at once and centred, so partner means
        sit at their designed levels: the demo shows the patterns it promises
        and no chance differences between small groups that look like findings.
        """
        deviation = self.person.get((person.id, group))
        if deviation is None:
            members = self.members[person.partner.name]
            draws = self.rng.normal(0.0, PERSON_SD, len(members))
            if len(members) > 1:
                draws = (draws - draws.mean()) * np.sqrt(len(members) / (len(members) - 1))
            for rid, draw in zip(members, draws, strict=True):
                self.person[(rid, group)] = float(draw)
            deviation = self.person[(person.id, group)]
        return deviation

    def _level(self, item: Item, person: DemoRespondent, target: A.DemoPartner | None, round_index: int) -> float:
        kind, key = item.construct_kind, item.construct_key
        partner = person.partner
        if kind == "relation" and target is not None:
            return A.relation_level(key, partner, target, round_index)
        if kind == "domain":
            if key == "ambition":
                return partner.ambition + 0.1 * round_index
            base = A.DOMAIN_LEVELS.get(key, (3.2, 3.3))[round_index]
            return base + (A.CAMP_SHIFT[partner.camp] if key == "relation" else 0.0)
        if kind == "signal":
            base = A.SIGNAL_LEVELS.get(key, (3.0, 3.0))[round_index]
            return base + A.SIGNAL_SHIFTS.get(partner.name, {}).get(key, 0.0)
        if kind == "paradox":
            return self._paradox_level(item, partner)
        if item.construct in A.PLAIN_LEVELS:
            shift = A.CAMP_SHIFT[partner.camp] if item.construct == "trust" else 0.0
            return A.PLAIN_LEVELS[item.construct][round_index] + shift
        return 3.1

    def _paradox_level(self, item: Item, partner: A.DemoPartner) -> float:
        """Now sits off-centre, desired a step away; camps pull apart on a few paradoxes."""
        aspect = item.construct.rsplit(":", 1)[-1]
        paradox = item.construct_key
        if paradox not in self.polar:
            self.polar[paradox] = float(self.rng.uniform(2.2, 3.8))
        now = self.polar[paradox]
        if aspect == "tension":
            return 2.4 + abs(now - 3.0)
        camp = 0.0
        if paradox in A.POLARISED_PARADOXES:
            camp = 0.5 if partner.camp == "A" else -0.5
        if aspect == "desired":
            return 3.0 + (3.0 - now) * 0.4 + camp
        return now + camp

    def _chance(self, item: Item, person: DemoRespondent, round_index: int) -> float:
        kind, key = item.construct_kind, item.construct_key
        if kind == "motive":
            return A.MOTIVE_CHANCES[person.partner.name].get(key, 0.3)
        if kind == "failure":
            return A.FAILURE_CHANCE[round_index]
        if kind == "success":
            return A.SUCCESS_CHANCE[round_index]
        return 0.4

    def _choice(self, item: Item, round_index: int) -> float:
        values = [o.value for o in item.options]
        if item.construct == "phase" and set(A.PHASE_PROBABILITIES[round_index]) <= set(values):
            phases = A.PHASE_PROBABILITIES[round_index]
            return float(self.rng.choice(list(phases), p=list(phases.values())))
        if item.construct == "phase:detail" and set(A.PHASE_DETAIL_PROBABILITIES[round_index]) <= set(values):
            stages = A.PHASE_DETAIL_PROBABILITIES[round_index]
            return float(self.rng.choice(list(stages), p=list(stages.values())))
        return float(self.rng.choice(values))

    def _open_answer(self, person: DemoRespondent) -> str | None:
        if self.rng.random() >= OPEN_ANSWERED:
            return None
        pool = OPEN_ANSWERS_EN if person.language == "en" else OPEN_ANSWERS_NL
        return pool[int(self.rng.integers(len(pool)))]


def _group(item: Item) -> str:
    """Items of one construct share a person deviation and a reliability target."""
    return item.construct


def _noise_sd(k: int, level_variance: float) -> float:
    """Item noise sd giving alpha near TARGET_ALPHA for k items (Spearman-Brown, rounding included)."""
    if k <= 1:
        return 0.6
    r = TARGET_ALPHA / (k - (k - 1) * TARGET_ALPHA)
    true_var = PERSON_SD**2 + level_variance
    error_var = true_var * (1.0 - r) / r - 1.0 / 12.0  # rounding to whole numbers adds about 1/12
    return float(np.sqrt(max(error_var, 0.1)))
