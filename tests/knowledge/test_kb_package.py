"""The knowledge base as shipped in the package, including problems and interventions."""

from __future__ import annotations

import pytest
from knowledge_helpers import SEEDS, copied_windows

import samenspel.knowledge as knowledge
from samenspel.knowledge import KINDS, entries, load_knowledge
from samenspel.knowledge.model import KnowledgeBase

EXEMPLARY_PROBLEMS = {  # 001 §8.4 (nine) plus over-organisation (004), KNOWLEDGE.md §7
    "no_shared_ambition", "fading_perspective", "staff_instability", "sham_collaboration",
    "under_organisation", "persistent_enemy_image", "double_loyalty", "unbridgeable_diversity",
    "simmering_power_play", "over_organisation",
}  # fmt: skip


def test_package_knowledge_loads_and_is_cached() -> None:
    kb = load_knowledge()
    assert isinstance(kb, KnowledgeBase)
    assert load_knowledge() is kb


def test_package_counts() -> None:
    kb = load_knowledge()
    assert len(kb.domains) == 5 and len(kb.paradoxes) == 13 and len(kb.failure_factors) == 29
    assert len(kb.success_conditions) == 45 and len(kb.trust_quadrants) == 4
    assert len(kb.reflection_steps) == 4 and len(kb.collaboration_forms) == 15
    assert set(kb.problems) == EXEMPLARY_PROBLEMS
    assert kb.interventions, "interventions.yaml is empty"


def test_every_problem_has_interventions_for_each_phase_order() -> None:
    kb = load_knowledge()
    for problem_id, problem in kb.problems.items():
        assert problem.interventions and problem.indicators, problem_id
        first = kb.interventions_for(problem_id, phase=1)
        assert sorted(i.id for i in first) == sorted(problem.interventions)


def test_every_entry_has_a_known_seed_source() -> None:
    kb = load_knowledge()
    for entry_id, (kind, obj) in entries(kb).items():
        if kind != "sources":
            assert obj.source[:3] in kb.sources, entry_id


def test_public_api() -> None:
    assert sorted(knowledge.__all__) == sorted(
        ["KINDS", "KnowledgeBase", "KnowledgeError", "Note", "entries", "find_entry", "load_knowledge",
         "load_knowledge_from"]
    )  # fmt: skip
    assert "extra" in KINDS and "problems" in KINDS


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seed texts not on this machine")
def test_shipped_texts_are_not_copied_from_the_seeds() -> None:
    """House rule for every knowledge file, problems and interventions included (8-word windows)."""
    copied = copied_windows(entries(load_knowledge()))
    assert not copied, "\n".join(copied)
