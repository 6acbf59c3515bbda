"""Synthetic questionnaires and answers for tests and the benchmark.

``make_instrument()`` builds a small questionnaire with every construct kind
of FORMATS.md §1 (so tests do not depend on the real item texts), and
``make_responses()`` draws answers around chosen levels per construct, per
partner and per relation, so a test can build a known problem into a dataset.
Levels are on the item's own scale (1-5 for likert), a probability for check
items and the axis value for the phase choice.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import numpy as np

from samenspel.i18n import Text
from samenspel.instrument.model import Instrument, Item, Option, Part
from samenspel.responses.model import Answer, ResponseSet

DOMAINS = ("ambition", "interests", "relation", "organisation", "process")
PARADOXES = (
    "economic_societal", "exploit_explore", "autonomy", "contract_partnership", "feasibility_beauty",
    "form_process", "analysis_trust", "knowledge_relations", "central_local", "speed_care",
    "open_closed", "conflict", "trust_control",
)
POSITIVE_SIGNALS = ("continuity", "backing", "commitment", "results", "energy", "perspective",
                    "agreements_kept", "voice", "values_fit")
NEGATIVE_SIGNALS = ("turnover", "talk_not_do", "rules_burden", "dominance", "stereotypes", "torn_loyalty")
MOTIVES = ("market", "cost", "knowledge", "external", "personal")
FAILURES = ("no_joint_goals", "unequal_gain", "culture_clash")
SUCCESSES = ("regular_evaluation", "shared_goals", "joint_gain")
RELATION_DIMS = ("trust", "dependency", "influence", "exchange")

T = Text("x", "x")


def _likert(item_id: str, construct: str, reverse: bool = False, kind: str = "likert") -> Item:
    return Item(id=item_id, construct=construct, type=kind, text=T, part="p", min=1, max=5, reverse=reverse)  # type: ignore[arg-type]


def make_instrument() -> Instrument:
    """A questionnaire with every construct kind the analysis reads."""
    items: list[Item] = []
    for d in DOMAINS:
        items += [_likert(f"{d[:3]}_{k}", f"domain:{d}", reverse=(k == 4)) for k in range(1, 5)]
    for p in PARADOXES:
        items.append(_likert(f"par_{p}_now", f"paradox:{p}:now", kind="bipolar"))
        items.append(_likert(f"par_{p}_des", f"paradox:{p}:desired", kind="bipolar"))
        items.append(_likert(f"par_{p}_ten", f"paradox:{p}:tension"))
    items += [_likert(f"tru_{k}", "trust", reverse=(k == 3)) for k in range(1, 4)]
    items += [_likert(f"for_{k}", "formal_overlap") for k in range(1, 4)]
    items += [_likert(f"unc_rel_{k}", "uncertainty:relational") for k in range(1, 3)]
    items += [_likert(f"unc_fld_{k}", "uncertainty:field") for k in range(1, 3)]
    items.append(Item(id="phase", construct="phase", type="choice", text=T, part="p",
                      options=tuple(Option(f"ph{v}", v, T) for v in range(1, 5))))
    items += [Item(id=f"mot_{m}", construct=f"motive:{m}", type="check", text=T, part="p", min=0, max=1)
              for m in MOTIVES]
    items += [Item(id=f"fail_{f}", construct=f"failure:{f}", type="check", text=T, part="p", min=0, max=1)
              for f in FAILURES]
    items += [Item(id=f"succ_{s}", construct=f"success:{s}", type="check", text=T, part="p", min=0, max=1)
              for s in SUCCESSES]
    items += [_likert(f"sig_{s}", f"signal:{s}") for s in POSITIVE_SIGNALS + NEGATIVE_SIGNALS]
    items += [Item(id=f"rel_{d}", construct=f"relation:{d}", type="relation", text=T, part="p", min=1, max=5)
              for d in RELATION_DIMS]
    items.append(Item(id="remarks", construct="open:remarks", type="text", text=T, part="p"))
    return Instrument(id="test", version="1", languages=("nl", "en"), title=T, minutes=20,
                      parts=(Part("p", T, T),), items=tuple(items))


#: A healthy alliance: high scores, healthy signals, moderate paradoxes, phase 3.
HEALTHY: dict[str, float] = {
    **{f"domain:{d}": 4.2 for d in DOMAINS},
    **{f"signal:{s}": 4.2 for s in POSITIVE_SIGNALS},
    **{f"signal:{s}": 1.8 for s in NEGATIVE_SIGNALS},
    **{f"paradox:{p}:now": 3.0 for p in PARADOXES},
    **{f"paradox:{p}:desired": 3.0 for p in PARADOXES},
    **{f"paradox:{p}:tension": 2.0 for p in PARADOXES},
    "trust": 4.2, "formal_overlap": 3.8,
    "uncertainty:relational": 2.5, "uncertainty:field": 2.5,
    "phase": 3.0,
    "motive:market": 0.1, "motive:cost": 0.1, "motive:knowledge": 0.9, "motive:external": 0.9, "motive:personal": 0.5,
    "failure:no_joint_goals": 0.05, "failure:unequal_gain": 0.05, "failure:culture_clash": 0.05,
    "success:regular_evaluation": 0.9, "success:shared_goals": 0.9, "success:joint_gain": 0.8,
}
HEALTHY_RELATION: dict[str, float] = {"trust": 4.2, "dependency": 3.0, "influence": 3.0, "exchange": 3.5}

RelationLevel = Callable[[str, str, str], float]  # (dimension, rater partner, target) -> level


def make_responses(
    instrument: Instrument,
    partners: Mapping[str, int],
    *,
    levels: Mapping[str, float] | None = None,
    partner_levels: Mapping[str, Mapping[str, float]] | None = None,
    relation: RelationLevel | None = None,
    noise: float = 0.4,
    person_noise: float = 0.3,
    missing: float = 0.0,
    seed: int = 0,
    round_id: str = "2026-1",
    alliance: str = "test-alliance",
    respondent_prefix: str = "",
    roles: tuple[str, ...] = ("board", "manager", "staff"),
) -> ResponseSet:
    """Answers of ``partners`` (name -> number of respondents) around ``levels``.

    ``levels`` overrides HEALTHY per construct; ``partner_levels`` overrides it
    for one partner. Respondent ids are ``<prefix><partner><k>`` so the same
    call with another ``round_id`` gives paired respondents.
    """
    rng = np.random.default_rng(seed)
    base = {**HEALTHY, **(levels or {})}
    rel = relation or (lambda dim, rater, target: HEALTHY_RELATION[dim])
    answers: list[Answer] = []
    for partner, n in partners.items():
        plevels = {**base, **((partner_levels or {}).get(partner, {}))}
        for k in range(n):
            rid = f"{respondent_prefix}{partner}{k}"
            role = roles[k % len(roles)]
            person: dict[str, float] = {}
            for it in instrument.items:
                if it.type == "text":
                    continue
                if it.type == "relation":
                    dim = it.construct_key
                    for target in partners:
                        if target == partner:
                            continue
                        v = rel(dim, partner, target) + rng.normal(0, noise)
                        answers.append(Answer(alliance, round_id, rid, partner, it.id,
                                              float(np.clip(round(v), 1, 5)), role, target))
                    continue
                if missing and rng.random() < missing:
                    continue
                level = plevels.get(it.construct)
                if level is None:
                    continue
                if it.type == "check":
                    value = float(rng.random() < level)
                elif it.type == "choice":
                    value = float(np.clip(round(level + rng.normal(0, noise)), 1, 4))
                else:
                    if it.construct not in person:
                        person[it.construct] = rng.normal(0, person_noise)
                    v = level + person[it.construct] + rng.normal(0, noise)
                    v = float(np.clip(round(v), it.min, it.max))
                    value = it.min + it.max - v if it.reverse else v  # type: ignore[operator]
                answers.append(Answer(alliance, round_id, rid, partner, it.id, value, role))
    return ResponseSet(tuple(answers))


def merge(*sets: ResponseSet) -> ResponseSet:
    """Several rounds in one set, in the given order."""
    return ResponseSet(tuple(a for s in sets for a in s.answers))
