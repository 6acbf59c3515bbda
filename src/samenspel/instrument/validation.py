"""Consistency checks of a questionnaire against itself and the knowledge base.

Response files, earlier rounds and the analysis all rely on item ids and
construct names, so the questionnaire is checked whole at load time and a
violation stops the program (InstrumentError) instead of giving wrong scores.
"""

from __future__ import annotations

import re
from collections import Counter

from samenspel.i18n import LANGUAGES
from samenspel.instrument.constructs import (
    CONFLICT_TYPES,
    RELATION_DIMENSIONS,
    RULE_CONSTRUCTS,
    expected_type,
    known_construct,
    required_constructs,
)
from samenspel.instrument.model import NUMERIC_TYPES, Instrument, Item
from samenspel.knowledge.model import KnowledgeBase

ID_PATTERN = re.compile(r"[a-z0-9_.]+")
INSTRUMENT_ID_PATTERN = re.compile(r"[a-z0-9_.-]+")
MIN_ITEMS_PER_DOMAIN = 4
ITEM_TYPES: frozenset[str] = frozenset(NUMERIC_TYPES | {"text"})
PARTNER_PLACEHOLDER = "{partner}"
DETAIL_MODEL = "steering_practice"
"""``phase:detail`` asks seed 004's three phases, the knowledge base's phase model of that name."""


def validate(instrument: Instrument, kb: KnowledgeBase, *, modular: bool = False) -> list[str]:
    """Everything wrong with ``instrument`` (empty when it is sound).

    A ``modular`` questionnaire (2.0) is checked for its modules too: what the
    problem rules read is in its core and in its pulse, and a factor of the
    knowledge base without an item of its own names the item that asks it.
    """
    problems: list[str] = []
    if not INSTRUMENT_ID_PATTERN.fullmatch(instrument.id):
        problems.append(f"instrument id {instrument.id!r} must match [a-z0-9_.-]")
    if not instrument.version:
        problems.append("the instrument has no version")
    if set(instrument.languages) != set(LANGUAGES):
        problems.append(f"languages must be {', '.join(LANGUAGES)}")
    part_ids = [p.id for p in instrument.parts]
    for pid, n in Counter(part_ids).items():
        if n > 1:
            problems.append(f"part id {pid!r} is used {n} times")
    for pid in part_ids:
        if not any(it.part == pid for it in instrument.items):
            problems.append(f"part {pid!r} has no items")
    for iid, n in Counter(it.id for it in instrument.items).items():
        if n > 1:
            problems.append(f"item id {iid!r} is used {n} times")
    for item in instrument.items:
        problems += [f"item {item.id}: {m}" for m in _item_problems(item, kb)]
    present = {it.construct for it in instrument.items}
    merged = dict(instrument.merged)
    for construct, item_id in instrument.merged:
        if construct in present:
            problems.append(f"construct {construct!r} is listed as merged but still has an item of its own")
        if not instrument.has_item(item_id):
            problems.append(f"construct {construct!r} is merged into unknown item {item_id!r}")
    for construct in required_constructs(kb):
        if construct not in present and construct not in merged:
            problems.append(f"no item asks about construct {construct!r}")
    if modular:
        problems += _module_problems(instrument)
    if not any(it.construct.startswith("open:") for it in instrument.items):
        problems.append("there is no open question (construct open:<id>)")
    for domain in kb.domains:
        domain_items = instrument.by_construct(f"domain:{domain}")
        if len(domain_items) < MIN_ITEMS_PER_DOMAIN:
            problems.append(f"domain {domain!r} has {len(domain_items)} items; a scale needs {MIN_ITEMS_PER_DOMAIN}")
        if not any(it.reverse for it in domain_items):
            problems.append(f"domain {domain!r} has no reverse-keyed item")
    return problems


def _module_problems(instrument: Instrument) -> list[str]:
    """Modules exist and core is one of them; rules never go blind in the core or the pulse."""
    out: list[str] = []
    ids = [m.id for m in instrument.modules]
    for mid, n in Counter(ids).items():
        if n > 1:
            out.append(f"module id {mid!r} is used {n} times")
    if "core" not in ids:
        out.append("there is no module 'core' (the part of the questionnaire that is always asked)")
    for item in instrument.items:
        if item.module not in ids:
            out.append(f"item {item.id}: unknown module {item.module!r}")
    for mid in ids:
        if not any(it.module == mid for it in instrument.items):
            out.append(f"module {mid!r} has no items")
    core = {it.construct for it in instrument.items if it.module == "core"}
    pulse = {it.construct for it in instrument.items if it.pulse}
    for construct in (*RULE_CONSTRUCTS, *(f"relation:{d}" for d in RELATION_DIMENSIONS)):
        if construct not in core:
            out.append(f"the problem rules read {construct!r}, but the core does not ask it")
    for construct in RULE_CONSTRUCTS:
        if construct not in pulse:
            out.append(f"the problem rules read {construct!r}, but the pulse does not ask it")
    for item in instrument.items:
        if item.pulse and item.module != "core":
            out.append(f"item {item.id}: a pulse item must be in the core, not in module {item.module!r}")
        if item.construct == "conflict:type":
            if sorted(o.id for o in item.options) != sorted(CONFLICT_TYPES):
                out.append(f"item {item.id}: conflict:type options must be {', '.join(CONFLICT_TYPES)}")
        if item.type == "check" and not item.dont_know:
            out.append(f"item {item.id}: a check item asks yes / no / don't know here (dont_know: true)")
    return out


def _item_problems(item: Item, kb: KnowledgeBase) -> list[str]:
    out: list[str] = []
    if not ID_PATTERN.fullmatch(item.id):
        out.append("id must match [a-z0-9_.]+")
    if item.type not in ITEM_TYPES:
        out.append(f"unknown type {item.type!r}")
        return out
    for lang in LANGUAGES:
        if not item.text.get(lang).strip():
            out.append(f"text in {lang!r} is empty")
    why = known_construct(item.construct, kb)
    if why is not None:
        out.append(why)
    else:
        want = expected_type(item.construct)
        if want != item.type:
            out.append(f"construct {item.construct!r} needs type {want!r}, not {item.type!r}")
    if item.numeric:
        if not isinstance(item.min, int) or not isinstance(item.max, int) or item.min >= item.max:
            out.append("a numeric item needs whole numbers min < max")
        elif item.labels and len(item.labels) != item.max - item.min + 1:
            out.append(f"{len(item.labels)} scale labels for {item.max - item.min + 1} values")
    if item.reverse and item.type not in ("likert", "bipolar"):
        out.append("only likert and bipolar items can be reverse-keyed")
    if item.type == "choice":
        out += _choice_problems(item, kb)
    elif item.options:
        out.append("only choice items have options")
    if item.type == "bipolar":
        if item.poles is None:
            out.append("a bipolar item needs two poles")
        else:
            for side, pole in zip("AB", item.poles):
                if not pole.nl.strip() or not pole.en.strip():
                    out.append(f"pole {side} needs a text in both languages")
    elif item.poles is not None:
        out.append("only bipolar items have poles")
    has_placeholder = PARTNER_PLACEHOLDER in item.text.nl and PARTNER_PLACEHOLDER in item.text.en
    if item.type == "relation" and not has_placeholder:
        out.append(f"a relation item must name the rated partner as {PARTNER_PLACEHOLDER} in both languages")
    if item.type != "relation" and (PARTNER_PLACEHOLDER in item.text.nl or PARTNER_PLACEHOLDER in item.text.en):
        out.append(f"only relation items may use {PARTNER_PLACEHOLDER}")
    for label in item.labels:
        if not label.nl.strip() or not label.en.strip():
            out.append("a scale label needs a text in both languages")
    return out


def _choice_problems(item: Item, kb: KnowledgeBase) -> list[str]:
    out: list[str] = []
    if len(item.options) < 2:
        out.append("a choice item needs at least two options")
    values = [o.value for o in item.options]
    if not all(isinstance(v, int) and not isinstance(v, bool) for v in values):
        out.append("option values must be whole numbers")
    for v, n in Counter(values).items():
        if n > 1:
            out.append(f"option value {v!r} is used {n} times")
    for oid, n in Counter(o.id for o in item.options).items():
        if n > 1:
            out.append(f"option id {oid!r} is used {n} times")
    for o in item.options:
        if not ID_PATTERN.fullmatch(o.id):
            out.append(f"option id {o.id!r} must match [a-z0-9_.]+")
        if not o.text.nl.strip() or not o.text.en.strip():
            out.append(f"option {o.id!r} needs a text in both languages")
    if item.construct == "phase" and set(values) != set(kb.phases):
        axis = ", ".join(str(a) for a in sorted(kb.phases))
        out.append(f"phase options must have the values of the common axis ({axis})")
    if item.construct == "phase:detail":
        model = kb.phase_models.get(DETAIL_MODEL)
        stages = [s.id for s in model.stages] if model else []
        if [o.id for o in item.options] != stages:
            out.append(f"phase:detail options must be the stages of phase model {DETAIL_MODEL!r} in order "
                       f"({', '.join(stages)})")
    return out
