"""Each kind of broken knowledge data gives a KnowledgeError naming the file and the entry.

Every case starts from a valid copy of the data (conftest.kb_dir), breaks one
thing, and checks the message. Loading must fail; nothing half-built comes back.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from samenspel.errors import KnowledgeError, SamenspelError
from samenspel.knowledge import load_knowledge_from

from knowledge_helpers import edit_yaml


def entry(data: dict[str, Any], kind: str, entry_id: str) -> dict[str, Any]:
    return next(e for e in data[kind] if e.get("id") == entry_id)


def drop_en(data: dict[str, Any]) -> None:
    del entry(data, "domains", "ambition")["name"]["en"]


def empty_nl(data: dict[str, Any]) -> None:
    entry(data, "paradoxes", "open_closed")["pole_a"]["nl"] = "  "


def nested_missing_translation(data: dict[str, Any]) -> None:
    del entry(data, "motive_categories", "cost")["motives"][0]["name"]["nl"]


def duplicate_within_kind(data: dict[str, Any]) -> None:
    copy = dict(entry(data, "factors", "unclear_goals"))
    copy.pop("opposite")
    data["factors"].append(copy)


def duplicate_across_kinds(data: dict[str, Any]) -> None:
    clash = dict(entry(data, "paradoxes", "autonomy"), id="ambition")  # a domain id
    data["paradoxes"].append(clash)


def dangling_domain(data: dict[str, Any]) -> None:
    entry(data, "factors", "power_imbalance")["domains"] = ["relation", "powr"]


def dangling_opposite(data: dict[str, Any]) -> None:
    entry(data, "factors", "power_imbalance")["opposite"] = "no_such_factor"


def one_sided_opposite(data: dict[str, Any]) -> None:
    entry(data, "factors", "power_imbalance")["opposite"] = "clear_goals"


def dangling_intervention(data: dict[str, Any]) -> None:
    data["problems"][0]["interventions"].append("no_such_intervention")


def dangling_problem_domain(data: dict[str, Any]) -> None:
    data["problems"][0]["domains"] = ["organisations"]


def unknown_field(data: dict[str, Any]) -> None:
    entry(data, "paradoxes", "conflict")["colour"] = "red"


def missing_field(data: dict[str, Any]) -> None:
    del entry(data, "trust_quadrants", "low_trust_low_formal")["advice"]


def paradox_off_axis(data: dict[str, Any]) -> None:
    entry(data, "paradoxes", "speed_care")["phases"] = [3, 5]


def intervention_off_axis(data: dict[str, Any]) -> None:
    data["interventions"][0]["phases"] = [0]


def stage_off_axis(data: dict[str, Any]) -> None:
    entry(data, "phase_models", "boonstra")["stages"][3]["axis"] = [9]


def unknown_seed(data: dict[str, Any]) -> None:
    entry(data, "domains", "process")["source"] = "007 §1"


def no_seed_at_all(data: dict[str, Any]) -> None:
    entry(data, "paradoxes", "autonomy")["source"] = "Boonstra §4"


def wrong_type(data: dict[str, Any]) -> None:
    entry(data, "paradoxes", "autonomy")["phases"] = "forming"


def bad_literal(data: dict[str, Any]) -> None:
    entry(data, "factors", "unclear_roles")["kind"] = "neutral"


def bad_discipline(data: dict[str, Any]) -> None:
    entry(data, "factors", "unclear_roles")["discipline"] = "economics"


def contract_id_missing(data: dict[str, Any]) -> None:
    data["trust_quadrants"] = [e for e in data["trust_quadrants"] if e["id"] != "low_trust_low_formal"]


def first_step_missing(data: dict[str, Any]) -> None:
    del data["interventions"][0]["first_step"]


def fit_unknown_id(data: dict[str, Any]) -> None:
    data["interventions"][0]["fits"][0]["ids"] = ["kooperative"]


def fit_bad_context(data: dict[str, Any]) -> None:
    data["interventions"][0]["fits"][0]["context"] = "legal_form"


def fit_claimed_twice(data: dict[str, Any]) -> None:
    fits = data["interventions"][0]["fits"]
    fits.append(dict(fits[0], suits=False))


def fit_title_only_source(data: dict[str, Any]) -> None:
    data["interventions"][0]["fits"][0]["source"] = "001 §6.2.3"


def detail_unknown(data: dict[str, Any]) -> None:
    data["interventions"][0]["phase_details"] = ["middle"]


def detail_outside_phases(data: dict[str, Any]) -> None:
    data["interventions"][0].update(phases=[3], phase_details=["design_align"])


def title_only_unmarked(data: dict[str, Any]) -> None:
    entry(data, "domains", "ambition")["source"] = "001 §1.4, §2.5.1"


def title_only_range(data: dict[str, Any]) -> None:
    entry(data, "trust_modes", "vigilant_contracting")["source"] = "002 §2; 001 §5.1.3-5.1.6"


def elaboration_without_title(data: dict[str, Any]) -> None:
    entry(data, "paradoxes", "autonomy")["basis"] = "elaboration"


def title_without_elaboration(data: dict[str, Any]) -> None:
    del entry(data, "trust_modes", "vigilant_contracting")["basis"]


def elaboration_of_has_content(data: dict[str, Any]) -> None:
    data["problems"][0]["elaboration_of"] = "001 §8.2.1"


def elaboration_of_no_number(data: dict[str, Any]) -> None:
    data["problems"][0]["elaboration_of"] = "001 inhoudsopgave"


def bad_basis(data: dict[str, Any]) -> None:
    entry(data, "paradoxes", "autonomy")["basis"] = "guess"


def seed_without_section(data: dict[str, Any]) -> None:
    entry(data, "paradoxes", "trust_control")["source"] = "003 Inleiding; 004"


def unknown_section(data: dict[str, Any]) -> None:
    entry(data, "paradoxes", "trust_control")["source"] = "004 Epiloog"


def section_without_content(data: dict[str, Any]) -> None:
    entry(data, "paradoxes", "trust_control")["source"] = "001 §8.2"


def title_only_not_a_number(data: dict[str, Any]) -> None:
    entry(data, "sources", "001")["titles_only"].append("8.4")


def phase_detail_missing(data: dict[str, Any]) -> None:
    data["phase_details"] = [e for e in data["phase_details"] if e["id"] != "discover_learn"]


def phase_detail_off_axis(data: dict[str, Any]) -> None:
    entry(data, "phase_details", "discover_learn")["axis"] = [5]


def phase_detail_order_gap(data: dict[str, Any]) -> None:
    entry(data, "phase_details", "productivity_value")["order"] = 4


CASES: list[tuple[str, str, Callable[[Any], Any], tuple[str, ...]]] = [
    ("missing translation", "domains.yaml", drop_en, ("domains.yaml", "domain 'ambition'", "missing translation 'en'")),
    ("empty translation", "paradoxes.yaml", empty_nl, ("paradoxes.yaml", "'open_closed'", "empty translation 'nl'")),
    ("nested translation", "motives.yaml", nested_missing_translation, ("motives.yaml", "'cost'", "motives[0].name")),
    ("duplicate in kind", "factors.yaml", duplicate_within_kind, ("factors.yaml", "duplicated id 'unclear_goals'")),
    ("duplicate across kinds", "paradoxes.yaml", duplicate_across_kinds,
     ("paradoxes.yaml", "duplicated id 'ambition'", "domains.yaml")),
    ("dangling domain", "factors.yaml", dangling_domain, ("factors.yaml", "'power_imbalance'", "unknown domains id 'powr'")),
    ("dangling opposite", "factors.yaml", dangling_opposite, ("'power_imbalance'", "unknown factors id 'no_such_factor'")),
    ("one-sided opposite", "factors.yaml", one_sided_opposite, ("'power_imbalance'", "does not point back")),
    ("dangling intervention", "problems.yaml", dangling_intervention,
     ("problems.yaml", "'under_organisation'", "unknown interventions id 'no_such_intervention'")),
    ("dangling problem domain", "problems.yaml", dangling_problem_domain, ("problems.yaml", "unknown domains id")),
    ("unknown field", "paradoxes.yaml", unknown_field, ("paradoxes.yaml", "'conflict'", "colour: unknown field")),
    ("missing field", "trust.yaml", missing_field, ("trust.yaml", "'low_trust_low_formal'", "advice: missing field")),
    ("paradox phase", "paradoxes.yaml", paradox_off_axis, ("'speed_care'", "5 is not a phase on the axis 1-4")),
    ("intervention phase", "interventions.yaml", intervention_off_axis, ("interventions.yaml", "0 is not a phase")),
    ("stage axis", "phases.yaml", stage_off_axis, ("phases.yaml", "'boonstra'", "stages 'transforming'.axis")),
    ("unknown seed", "domains.yaml", unknown_seed, ("domains.yaml", "'process'", "source '007 §1'")),
    ("no seed", "paradoxes.yaml", no_seed_at_all, ("'autonomy'", "known seed id")),
    ("wrong type", "paradoxes.yaml", wrong_type, ("'autonomy'", "phases: expected a list")),
    ("bad literal", "factors.yaml", bad_literal, ("'unclear_roles'", "'neutral' is not one of")),
    ("bad discipline", "factors.yaml", bad_discipline, ("'unclear_roles'", "discipline 'economics'")),
    ("contract id", "trust.yaml", contract_id_missing, ("trust_quadrants", "'low_trust_low_formal' is missing")),
    ("first step", "interventions.yaml", first_step_missing,
     ("interventions.yaml", "'fixture_clear_roles'", "first_step: missing field")),
    ("fit id", "interventions.yaml", fit_unknown_id, ("fits[0].ids: unknown governance_models id 'kooperative'",)),
    ("fit context", "interventions.yaml", fit_bad_context, ("fits[0].context: 'legal_form' is not one of",)),
    ("fit twice", "interventions.yaml", fit_claimed_twice, ("fits[1].ids: governance_model 'cooperative' is claimed twice",)),
    ("fit source", "interventions.yaml", fit_title_only_source, ("fits[0].source cites 001 §6.2.3", "only the title")),
    ("detail id", "interventions.yaml", detail_unknown, ("phase_details: unknown phase_details id 'middle'",)),
    ("detail axis", "interventions.yaml", detail_outside_phases,
     ("phase_details: 'design_align' lies on axis [1, 2], outside the intervention's phases [3]",)),
    ("title-only source", "domains.yaml", title_only_unmarked,
     ("domain 'ambition'", "cites 001 §2.5.1, of which the seed gives only the title", "basis: elaboration")),
    ("title-only range", "trust.yaml", title_only_range, ("'vigilant_contracting'", "001 §5.1.6, of which")),
    ("elaboration needs title", "paradoxes.yaml", elaboration_without_title, ("'autonomy'", "needs elaboration_of")),
    ("title needs elaboration", "trust.yaml", title_without_elaboration,
     ("'vigilant_contracting'", "elaboration_of is set, so basis must be 'elaboration'")),
    ("elaboration of content", "problems.yaml", elaboration_of_has_content,
     ("'under_organisation'", "elaboration_of names 001 §8.2.1, but the seed holds more than its title")),
    ("elaboration by number", "problems.yaml", elaboration_of_no_number, ("must name the title-only section by § number",)),
    ("bad basis", "paradoxes.yaml", bad_basis, ("'autonomy'", "basis: 'guess' is not one of")),
    ("seed without section", "paradoxes.yaml", seed_without_section, ("'trust_control'", "source '004' names no section")),
    ("unknown section", "paradoxes.yaml", unknown_section, ("'004 Epiloog' names no known section of seed 004",)),
    ("section without content", "paradoxes.yaml", section_without_content,
     ("001 §8.2, which is not a section with content",)),
    ("titles_only format", "sources.yaml", title_only_not_a_number, ("source '001'", "titles_only: '8.4' must be a §")),
    ("phase detail id", "phases.yaml", phase_detail_missing, ("phase_details: required id 'discover_learn' is missing",)),
    ("phase detail axis", "phases.yaml", phase_detail_off_axis, ("'discover_learn'", "axis: 5 is not a phase")),
    ("phase detail order", "phases.yaml", phase_detail_order_gap, ("phase_details: order must run 1..n",)),
]  # fmt: skip


@pytest.mark.parametrize(("file", "change", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_broken_data_names_file_and_entry(
    kb_dir: Path, file: str, change: Callable[[Any], Any], expected: tuple[str, ...]
) -> None:
    edit_yaml(kb_dir, file, change)
    with pytest.raises(KnowledgeError) as info:
        load_knowledge_from(kb_dir)
    message = str(info.value)
    for part in expected:
        assert part in message, f"{part!r} not in:\n{message}"


def test_knowledge_error_is_a_user_error(kb_dir: Path) -> None:
    """The CLI shows SamenspelErrors as a message with exit code 2."""
    edit_yaml(kb_dir, "domains.yaml", drop_en)
    with pytest.raises(SamenspelError) as info:
        load_knowledge_from(kb_dir)
    assert info.value.exit_code == 2


def test_all_problems_are_reported_at_once(kb_dir: Path) -> None:
    edit_yaml(kb_dir, "domains.yaml", drop_en)
    edit_yaml(kb_dir, "paradoxes.yaml", unknown_field)
    with pytest.raises(KnowledgeError) as info:
        load_knowledge_from(kb_dir)
    assert "domains.yaml" in str(info.value) and "paradoxes.yaml" in str(info.value)


def test_problems_and_interventions_are_required(kb_dir: Path) -> None:
    (kb_dir / "problems.yaml").unlink()
    (kb_dir / "interventions.yaml").unlink()
    with pytest.raises(KnowledgeError) as info:
        load_knowledge_from(kb_dir)
    assert "kind 'problems' is missing" in str(info.value)
    assert "kind 'interventions' is missing" in str(info.value)


def test_invalid_yaml_names_file_and_line(kb_dir: Path) -> None:
    path = kb_dir / "forms.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[10] = lines[10] + " : : ["
    path.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"forms\.yaml: line \d+ not valid YAML"):
        load_knowledge_from(kb_dir)


def test_unknown_kind_and_kind_defined_twice(kb_dir: Path) -> None:
    (kb_dir / "more.yaml").write_text("gadgets: []\ndomains: []\n", encoding="utf-8")
    with pytest.raises(KnowledgeError) as info:
        load_knowledge_from(kb_dir)
    assert "more.yaml: unknown kind 'gadgets'" in str(info.value)
    assert "kind 'domains' is also defined in domains.yaml" in str(info.value)


def test_top_level_list_takes_kind_from_file_name(kb_dir: Path) -> None:
    """problems.yaml may be a bare list of problems as well as {problems: [...]}."""
    edit_yaml(kb_dir, "problems.yaml", lambda data: data["problems"])
    assert list(load_knowledge_from(kb_dir).problems) == ["under_organisation"]
