"""The knowledge data itself: complete, bilingual, sourced, and matching the seeds' counts.

Counts are checked against the seed tables they encode (named per test):
seed 000 Tabel 1-3 and §4, seed 001 tabel 2.1, seed 002 fig. 2 and §3.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest
from knowledge_helpers import SEEDS, copied_windows, texts

from samenspel.knowledge import KnowledgeBase, entries


def test_every_entry_is_bilingual_and_sourced(kb: KnowledgeBase) -> None:
    seeds = set(kb.sources)
    for entry_id, (kind, obj) in entries(kb).items():
        found = list(texts(obj))
        if kind != "sources":
            assert found, f"{entry_id} has no text"
            assert re.match(r"\d{3}", obj.source) and obj.source[:3] in seeds, entry_id
        for path, text in found:
            assert text.nl.strip() and text.en.strip(), f"{entry_id}{path}"


def test_sources_are_the_five_seeds(kb: KnowledgeBase) -> None:
    assert list(kb.sources) == ["000", "001", "002", "003", "004"]
    assert all(s.citation for s in kb.sources.values())


def test_domains_are_the_five_angles_of_001(kb: KnowledgeBase) -> None:
    assert list(kb.domains) == ["ambition", "interests", "relation", "organisation", "process"]


def test_failure_factors_match_000_tabel_2(kb: KnowledgeBase) -> None:
    """000 Tabel 2: 29 failure factors - business administration 6, organisation science 5,
    public administration 5, social sciences 13."""
    failures = kb.failure_factors
    assert len(failures) == 29
    assert Counter(f.discipline for f in failures) == {
        "business_administration": 6,
        "organisation_science": 5,
        "public_administration": 5,
        "social_sciences": 13,
    }


def test_success_conditions_match_000_tabel_3(kb: KnowledgeBase) -> None:
    """000 Tabel 3: business administration 11, organisation science 8, public administration
    2 general + 5 for contractual arrangements + 5 for partnerships, social sciences 14."""
    successes = kb.success_conditions
    assert len(successes) == 45
    assert Counter((f.discipline, f.subgroup) for f in successes) == {
        ("business_administration", None): 11,
        ("organisation_science", None): 8,
        ("public_administration", None): 2,
        ("public_administration", "contractual"): 5,
        ("public_administration", "partnership"): 5,
        ("social_sciences", None): 14,
    }


def test_factor_opposites_pair_a_failure_with_a_success(kb: KnowledgeBase) -> None:
    pairs = [(f, kb.factors[f.opposite]) for f in kb.factors.values() if f.opposite]
    assert len(pairs) >= 20
    for factor, other in pairs:
        assert other.opposite == factor.id and other.kind != factor.kind


def test_paradoxes_are_the_twelve_of_000_plus_trust_control(kb: KnowledgeBase) -> None:
    """000 §4 (twelve paradoxes, ids of KNOWLEDGE.md §3) plus trust_control from 003/004."""
    assert list(kb.paradoxes) == [
        "economic_societal", "exploit_explore", "autonomy", "contract_partnership",
        "feasibility_beauty", "form_process", "analysis_trust", "knowledge_relations",
        "central_local", "speed_care", "open_closed", "conflict", "trust_control",
    ]  # fmt: skip
    assert kb.paradoxes["conflict"].phases == (1, 2, 3, 4)
    assert kb.paradoxes["trust_control"].source.startswith("003")


def test_motives_match_001_tabel_2_1(kb: KnowledgeBase) -> None:
    """001 tabel 2.1 columns: market 6, cost 5, knowledge 6, external 3; plus personal drives."""
    counts = {c.id: len(c.motives) for c in kb.motive_categories.values()}
    assert counts == {"market": 6, "cost": 5, "knowledge": 6, "external": 3, "personal": counts["personal"]}
    assert counts["personal"] >= 2


def test_phase_models_follow_the_concordance(kb: KnowledgeBase) -> None:
    """KNOWLEDGE.md §4 concordance; process compass stages as named in 004."""
    axis = {m.id: {s.id: s.axis for s in m.stages} for m in kb.phase_models.values()}
    assert axis["boonstra"] == {"forming": (1,), "shaping": (2,), "functioning": (3,), "transforming": (4,)}
    assert axis["boonstra_eguiguren"] == {"forming": (1,), "founding": (2,), "evolving": (3,), "transforming": (4,)}
    assert axis["process_compass"] == {
        "exploring": (1,), "sharing": (1,), "agreeing": (2,), "designing": (2,), "executing_renewing": (3, 4),
    }  # fmt: skip
    assert axis["steering_practice"]["design_align"] == (1, 2)
    assert list(kb.phases) == [1, 2, 3, 4]
    assert all(p.see and p.do for p in kb.phases.values())


def test_trust_knowledge_matches_002_and_001(kb: KnowledgeBase) -> None:
    """002 fig. 2: four quadrants; 002 §3: four reflection steps in order; 001 §5.1.3-5.1.6:
    four modes filling the (inferred) 2x2; 004: three kinds of governance advice."""
    assert set(kb.trust_quadrants) == {
        "high_trust_high_formal", "high_trust_low_formal", "low_trust_high_formal", "low_trust_low_formal",
    }  # fmt: skip
    assert [s.order for s in kb.reflection_steps] == [1, 2, 3, 4]
    assert kb.reflection_steps[0].id == "inventory_diversity"
    assert {(m.trust, m.vigilance) for m in kb.trust_modes.values()} == {
        ("low", "high"), ("low", "low"), ("high", "high"), ("high", "low"),
    }  # fmt: skip
    assert list(kb.governance_advice) == ["more_control", "more_trust", "balance"]
    assert list(kb.conflict_types) == ["power", "interest", "relational", "task"]


def test_forms_match_000_tabel_1_and_003(kb: KnowledgeBase) -> None:
    """000 Tabel 1: 15 forms (business administration 4, organisation science 4, public
    administration 5, social sciences 2); 003: five alliance forms and three governance models."""
    assert len(kb.collaboration_forms) == 15
    assert Counter(f.discipline for f in kb.collaboration_forms.values()) == {
        "business_administration": 4, "organisation_science": 4, "public_administration": 5, "social_sciences": 2,
    }  # fmt: skip
    assert Counter(f.durability for f in kb.collaboration_forms.values())["volatile"] == 4
    assert len(kb.alliance_forms) == 5
    assert list(kb.governance_models) == ["cooperative", "lead_partner", "central_office"]


def test_phase_details_are_the_three_phases_of_004(kb: KnowledgeBase) -> None:
    """004 fig. 1: three phases, each with what you see and what to do; mapped to the common
    axis as start -> 1-2, discover and learn -> 3, productivity and added value -> 3."""
    assert {d.id: (d.order, d.axis) for d in kb.phase_details.values()} == {
        "design_align": (1, (1, 2)), "discover_learn": (2, (3,)), "productivity_value": (3, (3,)),
    }  # fmt: skip
    assert list(kb.phase_details) == ["design_align", "discover_learn", "productivity_value"]
    for detail in kb.phase_details.values():
        assert len(detail.see) == 3 and len(detail.do) == 3, detail.id
        assert detail.source.startswith("004 fig. 1"), detail.id


def test_seed_registry_says_what_each_seed_holds(kb: KnowledgeBase) -> None:
    """Checked by hand against the seed texts (docs/SOURCES.md): only 001 is partial by § number."""
    for seed in kb.sources.values():
        assert seed.holds is not None and seed.sections, seed.id
    assert [s.id for s in kb.sources.values() if s.titles_only] == ["001"]
    assert "§8.4" in kb.sources["001"].titles_only and "§8.2.1" in kb.sources["001"].sections


def test_extra_notes_cover_section_8(kb: KnowledgeBase) -> None:
    for note_id in ("alliance_vs_network", "multi_partner_challenges", "collaborative_leadership", "base_rates"):
        assert kb.extra[note_id].points


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seed texts not on this machine")
def test_no_sentence_is_copied_from_the_seeds(kb: KnowledgeBase) -> None:
    """House rule: texts are in our own words. No 8 consecutive words of a Dutch text may
    appear verbatim in a seed (names and short list items are shorter than that)."""
    copied = copied_windows(entries(kb))
    assert not copied, "\n".join(copied)
