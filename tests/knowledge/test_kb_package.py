"""The knowledge base as shipped in the package, including problems and interventions."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from knowledge_helpers import SEEDS, copied_windows

import samenspel.knowledge as knowledge
from samenspel.knowledge import KINDS, entries, load_knowledge
from samenspel.knowledge.citation import read, source_problems, title_only
from samenspel.knowledge.model import KnowledgeBase
from samenspel.knowledge.provenance import elaborations

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


def _words(text: str) -> int:
    return len(re.findall(r"[\w'’-]+", text))


def test_every_intervention_has_a_short_first_step() -> None:
    """Issue 9 point 5: a first step a steering group can take next week, at most 30 words."""
    kb = load_knowledge()
    assert len(kb.interventions) == 49
    for intervention in kb.interventions.values():
        step = intervention.first_step
        assert step is not None, intervention.id
        for lang in ("nl", "en"):
            assert _words(step.get(lang)) <= 30, (intervention.id, lang, step.get(lang))
            assert step.get(lang).rstrip()[-1] in ".?", (intervention.id, lang)


def test_fit_claims_rest_on_seeds_and_cover_each_context() -> None:
    """Fit claims only where a seed supports them (000 §1-§2 and Tabel 1-3 for forms of
    collaboration, 003 ch. 1 for alliance forms and governance models, 004 on leadership)."""
    kb = load_knowledge()
    fits = [(i.id, f) for i in kb.interventions.values() for f in i.fits]
    assert len(fits) >= 30
    assert Counter(f.context for _, f in fits).keys() == {"alliance_form", "collaboration_form", "governance_model"}
    assert any(not f.suits for _, f in fits), "no caution (suits: false) at all"
    for intervention_id, fit in fits:
        assert fit.source[:3] in {"000", "003", "004"}, (intervention_id, fit.source)
        assert fit.reason.nl.strip() and fit.reason.en.strip()
    covered = {(f.context, i) for _, f in fits for i in f.ids}
    for model in kb.governance_models:
        assert ("governance_model", model) in covered, model
    for form in kb.alliance_forms:
        assert ("alliance_form", form) in covered, form


def test_the_nine_exemplary_problems_are_marked_as_own_elaboration() -> None:
    """001 gives only the titles of §8.4.1-§8.4.9; each problem says so and names its own title."""
    kb = load_knowledge()
    nine = [p for p in kb.problems.values() if p.id != "over_organisation"]
    assert len(nine) == 9
    for number, problem in enumerate(nine, start=1):
        assert problem.basis == "elaboration", problem.id
        cited, _ = read(problem.elaboration_of or "")
        assert cited[0].seeds == ("001",) and cited[0].sections[0] == f"8.4.{number}", problem.id
        assert "8.4" not in problem.source, problem.id
    assert kb.problems["over_organisation"].basis == "source"


def test_every_entry_citing_a_title_only_section_is_marked() -> None:
    """Issue 9 point 6: a source names only sections whose content is in the seeds; an entry built
    on a title alone says so (basis: elaboration, elaboration_of the title-only section)."""
    kb = load_knowledge()
    sourced = [(entry_id, obj) for entry_id, (kind, obj) in entries(kb).items() if kind != "sources"]
    sourced += [(f"{i.id}.fits", f) for i in kb.interventions.values() for f in i.fits]
    for entry_id, obj in sourced:
        assert source_problems(obj.source, kb.sources) == [], entry_id
        if getattr(obj, "elaboration_of", None):
            assert obj.basis == "elaboration", entry_id
            for cited in read(obj.elaboration_of)[0]:
                assert all(title_only(kb.sources[s], n) for s in cited.seeds for n in cited.sections), entry_id
    marked = {entry_id for entry_id, obj in sourced if getattr(obj, "basis", "source") == "elaboration"}
    assert {"vigilant_contracting", "ambition_choices", "positions_to_interests", "ambition"} <= marked


DOCS = Path(__file__).resolve().parents[2] / "docs"


def test_sources_md_lists_every_elaboration_and_fit_claim() -> None:
    """docs/SOURCES.md is the readable side of the registry: it must not fall behind the data."""
    kb = load_knowledge()
    doc = (DOCS / "SOURCES.md").read_text(encoding="utf-8")
    for seed in kb.sources:
        assert f"\n### {seed} " in doc, seed
    for p in elaborations(kb):
        assert f"| `{p.entry_id}` | " in doc and p.elaboration_of in doc, p.entry_id
    for intervention in kb.interventions.values():
        for fit in intervention.fits:
            row = f"| `{intervention.id}` | {fit.context} | {', '.join(fit.ids)} |"
            assert row in doc, row


def test_rules_md_gives_each_problem_its_provenance() -> None:
    kb = load_knowledge()
    doc = (DOCS / "RULES.md").read_text(encoding="utf-8")
    section = doc.split("## Where the problems come from", 1)[1]
    for problem_id in kb.problems:
        assert f"| `{problem_id}` | {kb.provenance(problem_id).text.en} |" in section, problem_id
