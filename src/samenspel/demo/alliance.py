"""The fictional alliance behind the demo data: who takes part, when, and how they feel.

"Zorgalliantie Rivierenland" is an invented public-private partnership in
regional care: a hospital, a municipality, an insurer, home care, a GP
co-operative and a small welfare foundation. The organisations and people
are made up. Levels are means on a 1-5 agree scale in the construct's own
direction (high trust, high ambition, high turnover); the generator turns
them into answers on each item's scale.

Patterns built in on purpose, so that analyses have something to find:
- the hospital dominates: the others depend on it and rate its influence
  high, while it depends little on them (KNOWLEDGE.md §7 simmering power play);
- two mild camps in trust and exchange: hospital, municipality and insurer
  versus home care, GPs and welfare;
- ambition diverges between partners (KNOWLEDGE.md §7 lack of shared ambition);
- organisation is weak in spring (under-organisation, seed 001 §8.4) and
  clearly better in autumn;
- most respondents place the alliance in phase 2 or 3 (KNOWLEDGE.md §4), and
  in seed 004's terms mostly in "discover and learn";
- the welfare foundation has only two respondents, below the minimum group
  size, so its per-partner figures must stay hidden.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

ALLIANCE_ID = "zorgalliantie-rivierenland"
ALLIANCE_NAME = "Zorgalliantie Rivierenland"


@dataclass(frozen=True, slots=True)
class DemoRound:
    id: str
    date: date


ROUNDS: tuple[DemoRound, ...] = (
    DemoRound("2025-voorjaar", date(2025, 4, 14)),
    DemoRound("2025-najaar", date(2025, 10, 13)),
)


@dataclass(frozen=True, slots=True)
class DemoPartner:
    """One organisation and its respondents: roles, and in which rounds each one answers."""

    name: str
    camp: str  # "A" or "B": the two mild camps in trust and exchange
    roles: tuple[str, ...]  # one role per respondent, in order
    rounds: tuple[str, ...]  # per respondent: "12" both rounds, "1" leaver, "2" newcomer
    ambition: float  # level of domain:ambition, the same in both rounds
    influence: float  # how much say the others see this partner have
    dominant: bool = False


PARTNERS: tuple[DemoPartner, ...] = (
    DemoPartner(
        "Ziekenhuis Waalzicht", "A",
        ("board", "manager", "manager", "staff", "staff", "staff", "staff", "staff", "staff", "staff"),
        ("12", "12", "12", "12", "12", "12", "12", "12", "1", "2"),
        ambition=4.3, influence=4.6, dominant=True,
    ),
    DemoPartner(
        "Gemeente Rivierstad", "A",
        ("board", "manager", "staff", "staff", "staff", "staff", "staff", "other"),
        ("12", "12", "12", "12", "12", "12", "1", "2"),
        ambition=4.0, influence=3.6,
    ),
    DemoPartner(
        "Zorgverzekeraar Delta", "A",
        ("board", "manager", "staff", "staff", "staff"),
        ("12", "12", "12", "1", "2"),
        ambition=2.2, influence=3.3,
    ),
    DemoPartner(
        "Thuiszorg De Linge", "B",
        ("board", "manager", "staff", "staff", "staff", "staff", "staff"),
        ("12", "12", "12", "12", "12", "1", "12"),
        ambition=3.0, influence=2.7,
    ),
    DemoPartner(
        "Huisartsencoöperatie Betuwe", "B",
        ("board", "staff", "staff", "staff", "other", "staff"),
        ("12", "12", "12", "12", "12", "2"),
        ambition=2.3, influence=2.4,
    ),
    DemoPartner(
        "Welzijn Samen", "B",
        ("manager", "staff"),
        ("12", "12"),
        ambition=3.7, influence=1.9,
    ),
)  # fmt: skip

# Respondent (partner index, respondent index) who answers in English: a
# hospital manager who moved from abroad; shows that languages may mix.
ENGLISH_RESPONDENT: tuple[int, int] = (0, 2)

# Domain levels per round index (spring, autumn); ambition comes per partner.
DOMAIN_LEVELS: dict[str, tuple[float, float]] = {
    "interests": (3.2, 3.3),
    "relation": (3.3, 3.5),
    "organisation": (2.1, 3.4),
    "process": (2.9, 3.3),
}
CAMP_SHIFT: dict[str, float] = {"A": 0.15, "B": -0.15}  # domain:relation and trust, by own camp

# Signal levels on the item's own scale (high turnover = many changes): (spring, autumn).
SIGNAL_LEVELS: dict[str, tuple[float, float]] = {
    "turnover": (2.5, 2.2),
    "continuity": (3.5, 3.7),
    "backing": (3.4, 3.5),
    "commitment": (3.2, 3.4),
    "results": (2.5, 3.2),
    "energy": (3.3, 3.5),
    "perspective": (3.3, 3.3),
    "agreements_kept": (2.7, 3.4),
    "talk_not_do": (3.5, 2.8),
    "rules_burden": (2.0, 2.3),
    "voice": (3.0, 3.0),
    "dominance": (3.5, 3.6),
    "stereotypes": (2.8, 2.9),
    "values_fit": (3.3, 3.4),
    "torn_loyalty": (2.6, 2.6),
}
# Adjustments per partner name and signal, added in both rounds.
SIGNAL_SHIFTS: dict[str, dict[str, float]] = {
    "Ziekenhuis Waalzicht": {"voice": 1.0, "dominance": -1.4},
    "Zorgverzekeraar Delta": {"backing": -0.8, "commitment": -0.7, "perspective": -0.7, "torn_loyalty": 0.8},
    "Huisartsencoöperatie Betuwe": {"voice": -0.8, "perspective": -0.5},
    "Welzijn Samen": {"voice": -1.0, "turnover": 0.6},
}

PLAIN_LEVELS: dict[str, tuple[float, float]] = {
    "trust": (3.4, 3.5),
    "formal_overlap": (2.4, 3.2),
    "uncertainty:relational": (3.1, 2.9),
    "uncertainty:field": (3.8, 3.8),
}

# Phase (common axis 1-4): probabilities per round.
PHASE_PROBABILITIES: tuple[dict[int, float], ...] = (
    {1: 0.10, 2: 0.55, 3: 0.30, 4: 0.05},
    {1: 0.05, 2: 0.35, 3: 0.52, 4: 0.08},
)

# Seed 004's phase (phase:detail: 1 design and align, 2 discover and learn, 3 productivity and
# added value): per round, mostly discovering and learning, harvesting grows in autumn.
PHASE_DETAIL_PROBABILITIES: tuple[dict[int, float], ...] = (
    {1: 0.30, 2: 0.55, 3: 0.15},
    {1: 0.15, 2: 0.50, 3: 0.35},
)

# Chance that a partner's respondent says yes to (or, in 1.0, ticks) a motive category.
MOTIVE_CHANCES: dict[str, dict[str, float]] = {
    "Ziekenhuis Waalzicht": {"market": 0.6, "cost": 0.5, "knowledge": 0.7, "external": 0.3, "personal": 0.3},
    "Gemeente Rivierstad": {"market": 0.1, "cost": 0.4, "knowledge": 0.3, "external": 0.8, "personal": 0.4},
    "Zorgverzekeraar Delta": {"market": 0.4, "cost": 0.9, "knowledge": 0.2, "external": 0.4, "personal": 0.1},
    "Thuiszorg De Linge": {"market": 0.3, "cost": 0.6, "knowledge": 0.4, "external": 0.5, "personal": 0.4},
    "Huisartsencoöperatie Betuwe": {"market": 0.1, "cost": 0.3, "knowledge": 0.5, "external": 0.5, "personal": 0.6},
    "Welzijn Samen": {"market": 0.0, "cost": 0.2, "knowledge": 0.3, "external": 0.6, "personal": 0.8},
}

# Paradoxes on which the camps pull apart (camp A towards pole B, camp B towards pole A).
POLARISED_PARADOXES: frozenset[str] = frozenset({"central_local", "speed_care", "trust_control"})

FAILURE_CHANCE: tuple[float, float] = (0.35, 0.22)
SUCCESS_CHANCE: tuple[float, float] = (0.35, 0.55)


def relation_level(dimension: str, rater: DemoPartner, target: DemoPartner, round_index: int) -> float:
    """How a rater's people see a target partner on one relation dimension (1-5)."""
    same_camp = rater.camp == target.camp
    if dimension == "trust":
        return (3.9 if same_camp else 2.9) + 0.15 * round_index
    if dimension == "dependency":
        if target.dominant:
            return 4.4
        return 1.9 if rater.dominant else 2.8
    if dimension == "influence":
        return target.influence
    if dimension == "exchange":
        if target.dominant or rater.dominant:
            return 3.7
        return 3.7 if same_camp else 2.6
    return 3.0
