"""The construct names of the questionnaire (FORMATS.md §1) and what they require.

Constructs tie items to the analysis: the analysis asks for ``domain:ambition``
or ``signal:turnover``, never for an item id. The must-set is derived from the
knowledge base (domains, paradoxes, motive categories, factors) plus the
fixed lists below, so a new paradox or factor in the knowledge base makes the
questionnaire invalid until it asks about it.
"""

from __future__ import annotations

from typing import Literal

from samenspel.instrument.model import ItemType
from samenspel.knowledge.model import KnowledgeBase

# Agreed signal ids with their polarity: +1 means a high score is healthy,
# -1 means a high score is a warning sign. Questionnaire, demo data and
# problem rules all use exactly these ids.
SIGNAL_POLARITY: dict[str, Literal[1, -1]] = {
    "turnover": -1,
    "continuity": 1,
    "backing": 1,
    "commitment": 1,
    "results": 1,
    "energy": 1,
    "perspective": 1,
    "agreements_kept": 1,
    "talk_not_do": -1,
    "rules_burden": -1,
    "voice": 1,
    "dominance": -1,
    "stereotypes": -1,
    "values_fit": 1,
    "torn_loyalty": -1,
}
SIGNALS: tuple[str, ...] = tuple(SIGNAL_POLARITY)

# Dimensions of ``relation`` items, answered once per other partner (``target``).
RELATION_DIMENSIONS: tuple[str, ...] = ("trust", "dependency", "influence", "exchange")

# What the problem rules read (analysis/rules.py, docs/RULES.md): every one of these must be
# in the core of a modular questionnaire (2.0) and in its pulse, so no rule goes blind.
RULE_CONSTRUCTS: tuple[str, ...] = (
    *(f"signal:{s}" for s in SIGNAL_POLARITY),
    "domain:ambition", "domain:interests", "domain:relation", "domain:organisation", "domain:process",
    "trust", "formal_overlap", "uncertainty:relational", "uncertainty:field", "phase", "relation:trust",
)  # fmt: skip

# Conflict types of seed 000 §4 (the answers of ``conflict:type``), plus "none".
CONFLICT_TYPES: tuple[str, ...] = ("power", "interest", "relational", "task", "none")

PARADOX_ASPECTS: tuple[str, ...] = ("now", "desired", "tension")
UNCERTAINTY_KINDS: tuple[str, ...] = ("relational", "field")
MOTIVE_CATEGORIES: tuple[str, ...] = ("market", "cost", "knowledge", "external", "personal")
DOMAINS: tuple[str, ...] = ("ambition", "interests", "relation", "organisation", "process")

# Single-word constructs (no ``:``) and the kinds of the others.
PLAIN_CONSTRUCTS: tuple[str, ...] = ("trust", "formal_overlap", "phase")
CONSTRUCT_KINDS: tuple[str, ...] = (
    "leadership",
    "governance",
    "conflict",
    "domain",
    "paradox",
    "trust",
    "formal_overlap",
    "uncertainty",
    "phase",
    "motive",
    "failure",
    "success",
    "signal",
    "relation",
    "open",
)


def expected_type(construct: str) -> ItemType | None:
    """The item type a construct must have (``None`` for an unknown construct kind)."""
    parts = construct.split(":")
    kind = parts[0]
    if kind == "paradox":
        return "likert" if parts[-1] == "tension" else "bipolar"
    types: dict[str, ItemType] = {
        "domain": "likert",
        "trust": "likert",
        "formal_overlap": "likert",
        "uncertainty": "likert",
        "signal": "likert",
        "phase": "choice",
        "leadership": "likert",
        "governance": "likert",
        "conflict": "choice",
        "motive": "check",
        "failure": "check",
        "success": "check",
        "relation": "relation",
        "open": "text",
    }
    return types.get(kind)


def required_constructs(kb: KnowledgeBase) -> tuple[str, ...]:
    """Every construct the full questionnaire must ask about (FORMATS.md §1 must-set)."""
    out: list[str] = [f"domain:{d}" for d in kb.domains]
    for p in kb.paradoxes:
        out += [f"paradox:{p}:{aspect}" for aspect in PARADOX_ASPECTS]
    out += ["trust", "formal_overlap"]
    out += [f"uncertainty:{u}" for u in UNCERTAINTY_KINDS]
    out.append("phase")
    out += [f"motive:{c}" for c in kb.motive_categories]
    out += [f"{f.kind}:{f.id}" for f in kb.factors.values()]
    out += [f"signal:{s}" for s in SIGNALS]
    out += [f"relation:{r}" for r in RELATION_DIMENSIONS]
    return tuple(out)


def known_construct(construct: str, kb: KnowledgeBase) -> str | None:
    """Why ``construct`` is not a valid construct name, or ``None`` when it is."""
    parts = construct.split(":")
    kind = parts[0]
    if kind not in CONSTRUCT_KINDS:
        return f"unknown construct kind {kind!r} in {construct!r}"
    if construct == "phase:detail":  # seed 004's phases, refining the common axis (FORMATS.md §4)
        return None
    if kind in PLAIN_CONSTRUCTS:
        return None if len(parts) == 1 else f"construct {construct!r} takes no sub-id"
    if len(parts) < 2 or not all(parts):
        return f"construct {construct!r} needs the form kind:id"
    key = parts[1]
    if kind == "paradox":
        if len(parts) != 3 or parts[2] not in PARADOX_ASPECTS:
            return f"construct {construct!r} must end in one of {', '.join(PARADOX_ASPECTS)}"
        return None if key in kb.paradoxes else f"unknown paradox {key!r} in {construct!r}"
    if len(parts) != 2:
        return f"construct {construct!r} has too many parts"
    checks: dict[str, tuple[object, str]] = {
        "domain": (kb.domains, "domain"),
        "uncertainty": (UNCERTAINTY_KINDS, "uncertainty kind"),
        "motive": (kb.motive_categories, "motive category"),
        "signal": (SIGNALS, "signal"),
        "relation": (RELATION_DIMENSIONS, "relation dimension"),
        "conflict": (("type",), "conflict construct"),
    }
    if kind in checks:
        known, what = checks[kind]
        return None if key in known else f"unknown {what} {key!r} in {construct!r}"  # type: ignore[operator]
    if kind in ("failure", "success"):
        factor = kb.factors.get(key)
        if factor is None:
            return f"unknown factor {key!r} in {construct!r}"
        return None if factor.kind == kind else f"factor {key!r} is a {factor.kind} entry, not {kind}"
    return None  # open:<id>, leadership:<id> and governance:<id> take any id
