"""Provenance lines: "after 004 Start" versus "own elaboration on the title of 001 §8.4.5" (issue 9 point 6)."""

from __future__ import annotations

import pytest

from samenspel.errors import SamenspelError
from samenspel.knowledge import KnowledgeBase, load_knowledge
from samenspel.knowledge.model import Intervention
from samenspel.knowledge.provenance import elaborations, provenance, provenance_of
from samenspel.i18n import Text


def test_an_entry_on_seed_content_reads_after_its_source(kb: KnowledgeBase) -> None:
    p = kb.provenance("open_closed")
    assert p.basis == "source" and not p.is_elaboration and p.elaboration_of is None
    assert p.text == Text("Gebaseerd op 000 §4", "After 000 §4")
    assert provenance(kb, "phase_2").text.en == "After 000 §4; 004 fig. 1, Start"


def test_an_elaboration_names_the_title_and_what_else_it_rests_on(kb: KnowledgeBase) -> None:
    p = kb.provenance("under_organisation")  # the fixture problem: 004 Start, elaborating 001 §8.4.5
    assert p.is_elaboration and p.elaboration_of == "001 §8.4.5" and p.based_on == ("004 Start",)
    assert p.text.nl == "Eigen uitwerking van de titel van 001 §8.4.5 (de bron geeft alleen de titel); verder gebaseerd op 004 Start"
    assert p.text.en == "Own elaboration on the title of 001 §8.4.5 (the source gives only the title); further based on 004 Start"


def test_several_titles_and_a_table_of_contents(kb: KnowledgeBase) -> None:
    p = kb.provenance("interests")
    assert p.text.en.startswith("Own elaboration on the titles of 001 §2.5.2 and §8.2.2 (the source gives only the titles)")
    assert p.text.nl.startswith("Eigen uitwerking van de titels van 001 §2.5.2 en §8.2.2")
    choices = kb.provenance("ambition_choices")  # its only source is 001's table of contents
    assert choices.based_on == () and choices.text.en == "Own elaboration on the title of 001 §3.4 (the source gives only the title)"


def test_provenance_of_a_hand_built_entry_and_of_a_seed(kb: KnowledgeBase) -> None:
    t = Text("x", "x")
    item = Intervention("x", t, t, (1,), "002 §3; 004 Start", basis="elaboration", elaboration_of="001 §7.4, §8.5")
    assert provenance_of("x", item).text.en == (
        "Own elaboration on the titles of 001 §7.4 and §8.5 (the source gives only the titles); "
        "further based on 002 §3; 004 Start"
    )
    assert kb.provenance("001").text.en == "Seed text 001"


def test_unknown_entry_is_a_user_error(kb: KnowledgeBase) -> None:
    with pytest.raises(SamenspelError, match="no knowledge entry with id 'under_organisatie'"):
        kb.provenance("under_organisatie")


def test_shipped_elaborations_cover_the_title_only_material() -> None:
    """The nine problems of 001 §8.4, the four trust modes of 001 §5.1.3-§5.1.6, the five lenses."""
    kb = load_knowledge()
    marked = {p.entry_id: p for p in elaborations(kb)}
    assert {p for p in kb.problems if p != "over_organisation"} <= set(marked)
    assert set(kb.trust_modes) <= set(marked) and set(kb.domains) <= set(marked)
    assert marked["simmering_power_play"].text.en.startswith("Own elaboration on the title of 001 §8.4.9")
    assert all("inhoudsopgave" not in part for p in marked.values() for part in p.based_on)
