"""Simulated alliances answering the real questionnaire, healthy or with one problem planted.

The calibration benchmark (``rules_calibration.py``) needs many alliances
whose truth is known: healthy ones, on which no problem should be called, and
ones with exactly one exemplary problem built in, which the rules should find.
This module draws them from a latent answer model, at the level of answers to
the real questionnaire (``samenspel.instrument.load_instrument()``). It reads
the questionnaire only through its constructs (``domain:ambition``,
``signal:rules_burden``, ``relation:trust``, ...), never through item ids, so
a new questionnaire version with the same constructs works unchanged.

The model (docs/RULES.md, "Calibration", gives the numbers in words):

* Every construct gets a **level** per alliance on the 1-5 answer scale (a
  probability for tick boxes), drawn from a "good but realistic" range
  (``HEALTHY``); a planted problem shifts some levels (``PLANTS``).
* Each **partner** deviates a little: a general tone (``PARTNER_GENERAL``)
  plus a deviation per construct (``PARTNER_SD``), a few points on 0-100.
* Each **person** has a general tone (``PERSON_GENERAL``) and a stable
  deviation per construct (``PERSON_SD``); each **item** its own offset
  (``ITEM_OFFSET_SD``, centred within the construct) and noise per answer
  (``ITEM_SD``). Answers are clipped to 1-5, mapped onto the item's own scale
  (1-7 for the paradox items), rounded and mirrored for reverse-keyed items.
* **Blanks**: most people leave a few answers empty ("don't know"), some skip
  many (``BLANK_*``); rating other partners is left empty more often; a few
  people stop halfway (``DROP_OUT``) and may then not count at all.
* **Relations**: every respondent rates every other partner on each relation
  dimension: the dimension's level, plus how the rated partner is seen by all
  (``TARGET_SD``), plus the pair (``PAIR_SD``), the person and noise.
* Phase, paradoxes, motives, failure factors and success conditions are
  answered too, so page one competes with everything a real diagnosis shows.

All randomness comes from one generator seeded by the caller, so a seed gives
the same alliance on every machine.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from itertools import repeat

import numpy as np

from samenspel.instrument.constructs import SIGNAL_POLARITY
from samenspel.instrument.model import Instrument, Item
from samenspel.responses.model import Answer, ResponseSet

# -- the healthy alliance ----------------------------------------------------------

#: Range (uniform) of an alliance's level per kind of construct, 1-5 scale; tick boxes: probability.
HEALTHY: dict[str, tuple[float, float]] = {
    "domain": (3.4, 4.1),  # 60-78 on 0-100
    "trust": (3.4, 4.1),
    "formal_overlap": (3.0, 4.2),  # from middling to high: high alignment is healthy too (002 §2)
    "uncertainty": (2.2, 3.4),
    "signal+": (3.4, 4.1),  # signals where high is healthy (commitment, backing, ...)
    "signal-": (1.8, 2.6),  # warning signals (rules burden, dominance, ...): 20-40 on 0-100
    "paradox:now": (2.2, 3.8),  # off-centre towards either pole; 3 is the middle
    "paradox:tension": (1.8, 2.8),
    "relation:trust": (3.4, 4.1),
    "relation:dependency": (2.5, 3.5),
    "relation:influence": (2.6, 3.4),
    "relation:exchange": (3.0, 3.8),
    "relation": (2.8, 3.6),  # any other relation dimension
    "motive": (0.15, 0.7),
    "failure": (0.02, 0.15),
    "success": (0.25, 0.7),
}
PARTNER_GENERAL = 0.08
"""SD of a partner's general tone (1-5 scale): some partners are a little more positive about everything."""
PARTNER_SD = 0.12
"""SD of a partner's own deviation per construct; with the general tone about 3.6 points on 0-100."""
MOTIVE_PARTNER_SD = 0.08
"""SD of a partner's deviation from the alliance's chance of ticking a motive."""
PERSON_GENERAL = 0.2
"""SD of a person's general tone (more or less positive about the alliance)."""
PERSON_SD = 0.5
"""SD of a person's stable deviation per construct."""
ITEM_OFFSET_SD = 0.2
"""SD of an item's offset from its construct's level (items differ in how easily one agrees)."""
ITEM_SD = 0.65
"""SD of the noise of one answer; with the person effects Cronbach's alpha lands near 0.75-0.8."""
TARGET_SD = 0.15
"""SD of how a partner is seen by all others on a relation dimension (small real differences)."""
PAIR_SD = 0.2
"""SD of a pair's own deviation on a relation dimension (A's view of B)."""
RELATION_PERSON_SD = 0.4
"""SD of a rater's stable deviation per relation dimension."""
RELATION_SD = 0.5
"""SD of the noise of one relation rating."""
PHASE_AGREE = 0.6
"""Chance a respondent names the alliance's phase; otherwise a neighbouring phase."""
BLANK_SKIPPER = 0.2
"""Share of respondents who skip many questions."""
BLANK_NORMAL = (0.01, 0.05)
"""Range of the share of answers a normal respondent leaves empty ("don't know")."""
BLANK_SKIPPING = (0.10, 0.30)
"""Range of that share for a skipper."""
BLANK_RELATION = 0.05
"""Extra share of relation ratings left empty: judging another partner is harder."""
DROP_OUT = 0.03
"""Share of respondents who stop somewhere between 20% and 70% of the questionnaire."""
ROLES = ("board", "manager", "staff", "other")

# -- the planted problems -------------------------------------------------------------


@dataclass(frozen=True)
class Relation:
    """A planted relation effect about one partner (the *focal* partner, drawn at random).

    ``direction`` "to": every other partner's raters rate the focal partner
    ``shift`` higher; "from": the focal partner's raters rate every other
    partner ``shift`` higher.
    """

    dimension: str
    direction: str  # "to" | "from"
    shift: float


@dataclass(frozen=True)
class Plant:
    """A problem built into a healthy alliance; every number is on the 1-5 answer scale."""

    problem: str
    shifts: Mapping[str, float] = field(default_factory=dict)  # construct -> shift for every partner
    spread: Mapping[str, float] = field(default_factory=dict)  # construct -> range partners are spread over
    relations: tuple[Relation, ...] = ()
    own_motives: bool = False  # each partner mainly ticks a motive of its own
    words: str = ""  # the effect in words (docs/RULES.md, "Calibration")


SIGN = 1.5
"""Shift of a problem's defining sign: 1.5 answer steps, 37.5 points on 0-100."""
SUPPORT = 0.8
"""Shift of a supporting condition: 0.8 answer steps, 20 points on 0-100."""
OWN_MOTIVE = (0.75, 0.12)
"""With ``own_motives``: chance of ticking an item of the partner's main motive, and of any other."""

PLANTS: dict[str, Plant] = {p.problem: p for p in (
    Plant("no_shared_ambition", {"domain:ambition": -SIGN}, {"domain:ambition": 1.0}, own_motives=True,
          words="ambition -1.5; partners spread over 1.0 on ambition; each partner mainly ticks a motive "
                "of its own (0.75 against 0.12)"),
    Plant("fading_perspective", {"signal:perspective": -SIGN, "signal:energy": -SUPPORT,
                                 "signal:results": -SUPPORT},
          words="perspective -1.5, energy -0.8, results -0.8 (one round, no earlier round)"),
    Plant("staff_instability", {"signal:turnover": SIGN, "signal:continuity": -SUPPORT},
          words="turnover +1.5, continuity -0.8"),
    Plant("sham_collaboration", {"signal:talk_not_do": SIGN, "signal:agreements_kept": -SUPPORT,
                                 "signal:commitment": -SUPPORT},
          words="talk not do +1.5, agreements kept -0.8, commitment -0.8"),
    Plant("under_organisation", {"domain:organisation": -SIGN, "formal_overlap": -SUPPORT,
                                 "signal:agreements_kept": -SUPPORT},
          words="organisation -1.5, formal alignment -0.8, agreements kept -0.8"),
    Plant("persistent_enemy_image", {"signal:stereotypes": SIGN}, relations=(Relation("trust", "to", -SIGN),),
          words="stereotypes +1.5; one partner receives 1.5 less trust from every other partner"),
    Plant("double_loyalty", {"signal:torn_loyalty": SIGN, "signal:backing": -SUPPORT},
          words="torn loyalty +1.5, backing -0.8"),
    Plant("unbridgeable_diversity", {"signal:values_fit": -SIGN},
          {"domain:ambition": SIGN, "domain:interests": SIGN, "domain:relation": SIGN,
           "domain:organisation": SIGN, "domain:process": SIGN},
          words="on every domain the partners spread evenly over 1.5 (their order shuffled per domain); "
                "values fit -1.5"),
    Plant("simmering_power_play", {"signal:dominance": SIGN, "signal:voice": -SUPPORT},
          relations=(Relation("influence", "to", SIGN), Relation("dependency", "to", SIGN),
                     Relation("dependency", "from", -SUPPORT)),
          words="dominance +1.5, voice -0.8; one partner receives +1.5 influence from every other partner, "
                "the others depend on it +1.5 and it depends on them -0.8"),
    Plant("over_organisation", {"signal:rules_burden": SIGN, "signal:commitment": -SUPPORT,
                                "formal_overlap": 0.5},
          words="rules burden +1.5, commitment -0.8, formal alignment +0.5"),
)}


@dataclass(frozen=True)
class Spec:
    """One alliance to simulate: partners, respondents per partner, the problem planted (None: healthy)."""

    partners: int
    group: int
    problem: str | None
    seed: int


# -- drawing -----------------------------------------------------------------------


def _polarity(construct: str) -> int:
    """+1 where a high answer is healthy, -1 for warning signals, 0 where neither (uncertainty, paradoxes)."""
    kind, _, key = construct.partition(":")
    if kind in ("domain", "trust", "formal_overlap"):
        return 1
    if kind == "signal":
        return SIGNAL_POLARITY.get(key, 1)
    return 0


def _range(construct: str) -> tuple[float, float]:
    kind, _, rest = construct.partition(":")
    if kind == "signal":
        return HEALTHY["signal+" if _polarity(construct) > 0 else "signal-"]
    if kind == "paradox":
        return HEALTHY["paradox:tension" if rest.endswith(":tension") else "paradox:now"]
    if kind == "relation":
        return HEALTHY.get(construct, HEALTHY["relation"])
    return HEALTHY.get(kind, (2.8, 3.6))


class _Alliance:
    """The levels of one simulated alliance, per construct and partner, and its relation model."""

    def __init__(self, instrument: Instrument, spec: Spec, rng: np.random.Generator):
        self.spec = spec
        self.rng = rng
        self.partners = [f"P{i + 1:02d}" for i in range(spec.partners)]
        self.plant = PLANTS[spec.problem] if spec.problem else None
        constructs = list(dict.fromkeys(it.construct for it in instrument.items if it.numeric))
        self.level = {c: self._healthy(c) for c in constructs if not c.endswith(":desired")}
        for c in constructs:
            if c.endswith(":desired"):  # desired a little towards the middle from where the alliance is now
                now = self.level.get(c.replace(":desired", ":now"), 3.0)
                self.level[c] = 3.0 + (3.0 - now) * 0.4 + float(rng.normal(0, 0.15))
        self.offset = self._partner_offsets(constructs)
        self.focal = self.partners[int(rng.integers(len(self.partners)))]
        self.target = {c: {p: float(rng.normal(0, TARGET_SD)) for p in self.partners}
                       for c in constructs if c.startswith("relation:")}
        self.pair = {c: {(a, b): float(rng.normal(0, PAIR_SD)) for a in self.partners for b in self.partners
                         if a != b} for c in self.target}
        self.phase = int(rng.integers(1, 5))
        self.main_motive: dict[str, str] = {}
        if self.plant is not None:
            self._plant(self.plant, constructs)

    def _healthy(self, construct: str) -> float:
        lo, hi = _range(construct)
        return float(self.rng.uniform(lo, hi))

    def _partner_offsets(self, constructs: list[str]) -> dict[str, dict[str, float]]:
        general = {p: float(self.rng.normal(0, PARTNER_GENERAL)) for p in self.partners}
        out: dict[str, dict[str, float]] = {}
        for p in self.partners:
            offsets = {}
            for c in constructs:
                kind = c.split(":", 1)[0]
                if kind in ("motive", "failure", "success"):
                    offsets[c] = float(self.rng.normal(0, MOTIVE_PARTNER_SD)) if kind == "motive" else 0.0
                elif kind in ("relation", "phase"):
                    offsets[c] = 0.0
                else:
                    offsets[c] = general[p] * _polarity(c) + float(self.rng.normal(0, PARTNER_SD))
            out[p] = offsets
        return out

    def _plant(self, plant: Plant, constructs: list[str]) -> None:
        for c, shift in plant.shifts.items():
            if c in self.level:
                self.level[c] += shift
        for c, width in plant.spread.items():
            if c not in self.level:
                continue
            spots = np.linspace(-width / 2, width / 2, len(self.partners))
            for p, spot in zip(self.partners, self.rng.permutation(spots).tolist()):
                self.offset[p][c] += spot
        for rel in plant.relations:
            c = f"relation:{rel.dimension}"
            if c not in self.pair:
                continue
            for (a, b) in self.pair[c]:
                if (rel.direction == "to" and b == self.focal) or (rel.direction == "from" and a == self.focal):
                    self.pair[c][(a, b)] += rel.shift
        if plant.own_motives:
            cats = [c for c in constructs if c.startswith("motive:")]
            order = self.rng.permutation(len(cats)).tolist()
            self.main_motive = {p: cats[order[i % len(cats)]] for i, p in enumerate(self.partners)}

    def chance(self, construct: str, partner: str) -> float:
        """Chance of ticking a box of ``construct`` for a respondent of ``partner``."""
        if self.main_motive and construct.startswith("motive:"):
            return OWN_MOTIVE[0] if self.main_motive.get(partner) == construct else OWN_MOTIVE[1]
        return min(0.98, max(0.02, self.level[construct] + self.offset[partner][construct]))


class _Layout:
    """The questionnaire as arrays, in questionnaire order: what each answer slot is and how it is scaled.

    One slot per numeric item, and per relation item one slot for every
    partner rated, so a respondent's answers are drawn with a few vector
    operations instead of one random call per answer.
    """

    def __init__(self, instrument: Instrument, partners: list[str]):
        numeric = [it for it in instrument.items if it.numeric]
        self.slots: list[tuple[Item, str | None]] = []
        for it in numeric:
            if it.type == "relation":
                self.slots += [(it, t) for t in partners]
            else:
                self.slots.append((it, None))
        self.constructs = list(dict.fromkeys(it.construct for it, _ in self.slots))
        index = {c: i for i, c in enumerate(self.constructs)}
        self.construct = np.array([index[it.construct] for it, _ in self.slots])
        kinds = [it.type for it, _ in self.slots]
        self.scaled = np.array([k in ("likert", "bipolar", "relation") for k in kinds])
        self.check = np.array([k == "check" for k in kinds])
        self.choice = [i for i, k in enumerate(kinds) if k == "choice"]
        self.relation = np.array([k == "relation" for k in kinds])
        self.target = [t for _, t in self.slots]
        self.reverse = np.array([it.reverse for it, _ in self.slots])
        self.low = np.array([float(it.min if it.min is not None else 1) for it, _ in self.slots])
        self.high = np.array([float(it.max if it.max is not None else 5) for it, _ in self.slots])
        self.may_blank = np.array([it.dont_know for it, _ in self.slots])
        self.polarity = np.array([_polarity(c) for c in self.constructs], dtype=float)
        self.is_relation = np.array([c.startswith("relation:") for c in self.constructs])


def simulate(instrument: Instrument, spec: Spec, round_id: str = "sim") -> ResponseSet:
    """The answers of one simulated alliance to ``instrument`` (see the module docstring)."""
    rng = np.random.default_rng(spec.seed)
    alliance = _Alliance(instrument, spec, rng)
    layout = _Layout(instrument, alliance.partners)
    item_offset = _item_offsets([it for it, _ in layout.slots], rng)
    offsets = np.array([item_offset.get(it.id, 0.0) for it, _ in layout.slots])
    aid = f"sim-{spec.seed}"
    answers: list[Answer] = []
    for partner in alliance.partners:
        base = _partner_base(alliance, layout, partner) + offsets
        keep = np.array([t != partner for t in layout.target])  # nobody rates their own organisation
        item_ids = [it.id for (it, _), k in zip(layout.slots, keep.tolist()) if k]
        targets = [t for t, k in zip(layout.target, keep.tolist()) if k]
        n = len(item_ids)
        for k in range(spec.group):
            rid = f"{partner}-{k + 1:02d}"
            role = ROLES[int(rng.integers(len(ROLES)))]
            values = _person(alliance, layout, base, rng)
            blank = _blanks(layout, rng)
            given = [None if b else v for v, b in zip(values[keep].tolist(), blank[keep].tolist())]
            answers += map(Answer, repeat(aid, n), repeat(round_id, n), repeat(rid, n), repeat(partner, n),
                           item_ids, given, repeat(role, n), targets)
    return ResponseSet(tuple(answers), f"simulated:{spec.seed}")


def _partner_base(alliance: _Alliance, layout: _Layout, partner: str) -> np.ndarray:
    """Per slot: the level a respondent of ``partner`` answers around (a chance for tick boxes)."""
    out = np.zeros(len(layout.slots))
    for i, (it, target) in enumerate(layout.slots):
        c = it.construct
        if it.type == "relation":
            if target != partner:
                out[i] = alliance.level[c] + alliance.target[c][target] + alliance.pair[c][(partner, target)]
        elif it.type == "check":
            out[i] = alliance.chance(c, partner)
        elif it.type != "choice":
            out[i] = alliance.level[c] + alliance.offset[partner][c]
    return out


def _item_offsets(items: list[Item], rng: np.random.Generator) -> dict[str, float]:
    """Each likert or bipolar item's offset from its construct's level, centred within the construct."""
    by_construct: dict[str, list[str]] = {}
    for it in dict.fromkeys(items):
        if it.type in ("likert", "bipolar"):
            by_construct.setdefault(it.construct, []).append(it.id)
    out: dict[str, float] = {}
    for ids in by_construct.values():
        draws = rng.normal(0, ITEM_OFFSET_SD, len(ids))
        draws -= draws.mean()
        out.update(zip(ids, draws.tolist()))
    return out


def _person(alliance: _Alliance, layout: _Layout, base: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """One respondent's answers, one per slot (blanks come later).

    A scaled answer is the partner's level plus the person's general tone
    (by the construct's polarity) and stable deviation per construct, plus
    noise; a relation rating uses the rater's deviation per dimension.
    """
    general = float(rng.normal(0, PERSON_GENERAL))
    sd = np.where(layout.is_relation, RELATION_PERSON_SD, PERSON_SD)
    deviation = rng.normal(0, 1, len(layout.constructs)) * sd + general * layout.polarity
    noise = rng.normal(0, 1, len(layout.slots)) * np.where(layout.relation, RELATION_SD, ITEM_SD)
    latent = np.clip(base + deviation[layout.construct] + noise, 1.0, 5.0)
    latent = np.where(layout.reverse, 6.0 - latent, latent)
    scaled = np.round(layout.low + (latent - 1.0) / 4.0 * (layout.high - layout.low))
    ticked = (rng.random(len(layout.slots)) < base).astype(float)
    values = np.where(layout.scaled, scaled, np.where(layout.check, ticked, 0.0))
    for i in layout.choice:
        values[i] = _choice(layout.slots[i][0], alliance, rng)
    return values


def _choice(item: Item, alliance: _Alliance, rng: np.random.Generator) -> float:
    """The phase: the alliance's own with ``PHASE_AGREE``, else a neighbour; any other choice at random."""
    values = [o.value for o in item.options]
    if item.construct_kind != "phase" or not values:
        return float(values[int(rng.integers(len(values)))]) if values else 1.0
    phase = alliance.phase
    if rng.random() >= PHASE_AGREE:
        phase += 1 if rng.random() < 0.5 else -1
    return float(min(max(values), max(min(values), phase)))


def _blanks(layout: _Layout, rng: np.random.Generator) -> np.ndarray:
    """Which of a respondent's answers are empty: "don't know" (only where the item allows it), or stopping.

    Rating another partner is left empty ``BLANK_RELATION`` more often. A
    respondent who stops leaves everything after that point empty, tick
    boxes included.
    """
    n = len(layout.slots)
    share = rng.uniform(*(BLANK_SKIPPING if rng.random() < BLANK_SKIPPER else BLANK_NORMAL))
    blank = (rng.random(n) < share + BLANK_RELATION * layout.relation) & layout.may_blank
    if rng.random() < DROP_OUT:
        blank[int(n * rng.uniform(0.2, 0.7)):] = True
    return blank
