"""The full questionnaire covers every construct of FORMATS.md §1 and the knowledge base.

The lists of paradoxes, signals and relation dimensions below are written out
from ../shared/KNOWLEDGE.md §3 and the agreed signal list (issue 2), not
taken from the code, so a change on either side makes these tests fail.
"""

from __future__ import annotations

import re

import pytest

from samenspel.instrument import SIGNAL_POLARITY, Instrument, required_constructs
from samenspel.knowledge.model import KnowledgeBase

DOMAINS = ["ambition", "interests", "relation", "organisation", "process"]
PARADOXES = [  # KNOWLEDGE.md §3, 12 paradoxes of seed 000 §4 plus trust_control (003/004)
    "economic_societal", "exploit_explore", "autonomy", "contract_partnership", "feasibility_beauty",
    "form_process", "analysis_trust", "knowledge_relations", "central_local", "speed_care",
    "open_closed", "conflict", "trust_control",
]  # fmt: skip
SIGNALS = {  # agreed ids; +1 = high is healthy, -1 = high is a warning sign
    "turnover": -1, "continuity": 1, "backing": 1, "commitment": 1, "results": 1, "energy": 1,
    "perspective": 1, "agreements_kept": 1, "talk_not_do": -1, "rules_burden": -1, "voice": 1,
    "dominance": -1, "stereotypes": -1, "values_fit": 1, "torn_loyalty": -1,
}  # fmt: skip
RELATION_DIMENSIONS = ["trust", "dependency", "influence", "exchange"]
MOTIVE_CATEGORIES = ["market", "cost", "knowledge", "external", "personal"]


def test_every_required_construct_has_an_item(full: Instrument, kb: KnowledgeBase) -> None:
    constructs = {it.construct for it in full.items}
    missing = [c for c in required_constructs(kb) if c not in constructs]
    assert missing == []


def test_must_set_is_the_one_in_formats(kb: KnowledgeBase) -> None:
    """FORMATS.md §1 must-set, written out independently of instrument.constructs."""
    expected = {f"domain:{d}" for d in DOMAINS}
    expected |= {f"paradox:{p}:{a}" for p in PARADOXES for a in ("now", "desired", "tension")}
    expected |= {"trust", "formal_overlap", "uncertainty:relational", "uncertainty:field", "phase"}
    expected |= {f"motive:{c}" for c in MOTIVE_CATEGORIES}
    expected |= {f"{f.kind}:{f.id}" for f in kb.factors.values()}
    expected |= {f"signal:{s}" for s in SIGNALS}
    expected |= {f"relation:{r}" for r in RELATION_DIMENSIONS}
    assert set(required_constructs(kb)) == expected


def test_knowledge_base_has_the_expected_ids(kb: KnowledgeBase) -> None:
    assert list(kb.domains) == DOMAINS
    assert sorted(kb.paradoxes) == sorted(PARADOXES)
    assert sorted(kb.motive_categories) == sorted(MOTIVE_CATEGORIES)


@pytest.mark.parametrize("domain", DOMAINS)
def test_domain_scale_has_enough_items_and_a_reverse_key(full: Instrument, domain: str) -> None:
    items = full.by_construct(f"domain:{domain}")
    assert len(items) >= 5
    assert any(it.reverse for it in items)
    assert not all(it.reverse for it in items)
    assert {(it.type, it.min, it.max) for it in items} == {("likert", 1, 5)}


@pytest.mark.parametrize("paradox", PARADOXES)
def test_paradox_has_now_desired_and_tension(full: Instrument, paradox: str) -> None:
    now, desired, tension = (full.item(f"par_{paradox}_{a}") for a in ("now", "desired", "tension"))
    for item, aspect in ((now, "now"), (desired, "desired")):
        assert item.construct == f"paradox:{paradox}:{aspect}"
        assert (item.type, item.min, item.max) == ("bipolar", 1, 7)
        assert item.poles is not None and all(p.nl and p.en for p in item.poles)
    assert now.poles == desired.poles
    assert (tension.construct, tension.type, tension.min, tension.max) == (
        f"paradox:{paradox}:tension", "likert", 1, 5,
    )  # fmt: skip


def test_signal_items_are_exactly_the_agreed_ones(full: Instrument) -> None:
    items = full.by_construct("signal")
    assert sorted(it.construct_key for it in items) == sorted(SIGNALS)
    for it in items:
        assert it.id == f"sig_{it.construct_key}"
        assert (it.type, it.min, it.max, it.reverse) == ("likert", 1, 5, False)
    assert SIGNAL_POLARITY == SIGNALS


def test_relation_items(full: Instrument) -> None:
    items = full.by_construct("relation")
    assert [it.construct_key for it in items] == RELATION_DIMENSIONS
    for it in items:
        assert it.id == f"rel_{it.construct_key}"
        assert (it.type, it.min, it.max) == ("relation", 1, 5)
        assert "{partner}" in it.text.nl and "{partner}" in it.text.en
    assert not any("{partner}" in it.text.nl + it.text.en for it in full.items if it.type != "relation")


@pytest.mark.parametrize(
    ("construct", "count"),
    [("trust", 4), ("formal_overlap", 4), ("uncertainty:relational", 3), ("uncertainty:field", 3)],
)
def test_scale_sizes(full: Instrument, construct: str, count: int) -> None:
    items = full.by_construct(construct)
    assert len(items) == count
    assert {(it.type, it.min, it.max) for it in items} == {("likert", 1, 5)}


def test_phase_is_one_choice_on_the_common_axis(full: Instrument, kb: KnowledgeBase) -> None:
    (phase,) = full.by_construct("phase")
    assert phase.type == "choice"
    assert [o.value for o in phase.options] == [1, 2, 3, 4] == sorted(kb.phases)
    assert (phase.min, phase.max) == (1, 4)


def test_every_factor_is_a_check_item_with_the_knowledge_base_statement(full: Instrument, kb: KnowledgeBase) -> None:
    for factor in kb.factors.values():
        prefix = "fail_" if factor.kind == "failure" else "succ_"
        item = full.item(prefix + factor.id)
        assert item.construct == f"{factor.kind}:{factor.id}"
        assert (item.type, item.min, item.max) == ("check", 0, 1)
        assert item.text == factor.item
    assert len(full.by_construct("failure")) == len(kb.failure_factors)
    assert len(full.by_construct("success")) == len(kb.success_conditions)


def test_every_motive_is_a_check_item(full: Instrument, kb: KnowledgeBase) -> None:
    motives = [(c.id, m) for c in kb.motive_categories.values() for m in c.motives]
    assert len(full.by_construct("motive")) == len(motives)
    for category, motive in motives:
        item = full.item("mot_" + motive.id)
        assert (item.construct, item.type, item.text) == (f"motive:{category}", "check", motive.name)
    assert full.by_construct("motive:personal")


def test_open_questions(full: Instrument) -> None:
    items = full.by_construct("open")
    assert 2 <= len(items) <= 3
    assert {it.type for it in items} == {"text"}


def test_every_text_exists_in_both_languages(full: Instrument) -> None:
    texts = [full.title, full.instructions]
    for part in full.parts:
        texts += [part.title, part.intro]
    for it in full.items:
        texts += [it.text, *it.labels, *(o.text for o in it.options), *(it.poles or ())]
    empty = [t for t in texts if not t.nl.strip() or not t.en.strip()]
    assert empty == []
    assert all(t.nl != t.en for t in (full.title, full.instructions, *(p.intro for p in full.parts)))


def test_ids_are_unique_and_well_formed(full: Instrument) -> None:
    ids = [it.id for it in full.items]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z0-9_.]+", i) for i in ids)
    parts = [p.id for p in full.parts]
    assert len(parts) == len(set(parts))
    assert {it.part for it in full.items} == set(parts)


def test_some_part_intro_explains_that_dont_know_may_be_left_empty(full: Instrument) -> None:
    first = full.parts[0].intro
    assert "leeg" in first.nl and "empty" in first.en and "don't know" in first.en


def test_numeric_items_have_a_label_per_value_or_poles(full: Instrument) -> None:
    for it in full.items:
        if it.type in ("likert", "relation", "check"):
            assert it.min is not None and it.max is not None
            assert len(it.labels) == it.max - it.min + 1, it.id
        if it.type == "bipolar":
            assert it.poles is not None, it.id


def test_every_item_names_its_source(full: Instrument) -> None:
    assert [it.id for it in full.items if not re.match(r"00[0-4]\b", it.source)] == []
