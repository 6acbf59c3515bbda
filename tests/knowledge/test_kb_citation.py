"""Reading citations and checking them against the seed registry (knowledge.citation).

The registry in sources.yaml records what each seed text holds; the cases
here are checked by hand against the seeds (docs/SOURCES.md): seed 001 holds
§1, §2.1-§2.2, tabel 2.1 and the start of §8.2.1, and only the titles of the
rest, among them the nine exemplary problems §8.4.1-§8.4.9.
"""

from __future__ import annotations

import pytest

from samenspel.knowledge import KnowledgeBase
from samenspel.knowledge.citation import elaboration_problems, has_content, parts, read, source_problems, title_only


def test_parts_ignore_semicolons_inside_parentheses() -> None:
    source = "000 Tabel 3 (bestuurskunde: bij partnerschap; sociale wetenschappen); 001 §1.1"
    assert parts(source) == ["000 Tabel 3 (bestuurskunde: bij partnerschap; sociale wetenschappen)", "001 §1.1"]


def test_read_seeds_labels_and_section_numbers() -> None:
    cited, orphans = read("001 §1.4, §2.5.1; 003/004 Inleiding; 002 §1-2; 004 Start (De Man 2006)")
    assert orphans == []
    assert [(c.seeds, c.label, c.sections) for c in cited] == [
        (("001",), "§1.4, §2.5.1", ("1.4", "2.5.1")),
        (("003", "004"), "Inleiding", ()),
        (("002",), "§1-2", ("1", "2")),
        (("004",), "Start (De Man 2006)", ()),  # a year is not a seed id
    ]
    assert read("Boonstra §4")[1] == ["Boonstra §4"]


@pytest.mark.parametrize(
    ("number", "content", "title"),
    [("1.4", True, False), ("2.2.3", True, False), ("8.2.1", True, False), ("8.2.2", False, True),
     ("8.4.5", False, True), ("5.1.3", False, True), ("2.5", False, True), ("8.2", False, False)],
)  # fmt: skip
def test_seed_001_registry(kb: KnowledgeBase, number: str, content: bool, title: bool) -> None:
    seed = kb.sources["001"]
    assert has_content(seed, number) is content
    assert title_only(seed, number) is title


@pytest.mark.parametrize(
    "source",
    ["000 §4 (Conflict voorkomen – Conflict waarderen)", "000 Tabel 2 en Tabel 3 (bedrijfskunde)",
     "001 tabel 2.1", "001 §1.1, §2.2.3", "001 inhoudsopgave", "002 fig. 2; 002 §3", "002 §1-2",
     "003 ch. 1, Vormen van allianties (joint ventures)", "004 fig. 1, Start", "004 Inzichten in alliantiesturing"],
)  # fmt: skip
def test_citations_of_content_pass(kb: KnowledgeBase, source: str) -> None:
    assert source_problems(source, kb.sources) == []


@pytest.mark.parametrize(
    ("source", "expected"),
    [("001 §8.4.5", "gives only the title"), ("001 §2.2.3, §3.1.1", "001 §3.1.1, of which"),
     ("001 §5.1.3-5.1.6", "001 §5.1.6, of which"), ("004", "names no section"),
     ("004 Alliantiekunde", "names no known section"), ("003 ch. 1", "names no known section"),
     ("003 ch. 1, Succes- en faalfactoren", "names no known section"), ("000 Tabel 10", "names no known section"),
     ("004 (naming 001 §7.2.2)", "names no known section"), ("008 §1", "unknown seed '008'")],
)  # fmt: skip
def test_citations_without_content_fail(kb: KnowledgeBase, source: str, expected: str) -> None:
    problems = source_problems(source, kb.sources)
    assert any(expected in p for p in problems), problems


def test_elaboration_of_names_titles_only(kb: KnowledgeBase) -> None:
    assert elaboration_problems("001 §8.4.5", kb.sources) == []
    assert elaboration_problems("001 §4.1.1, §4.2.1, §4.2.3", kb.sources) == []
    assert "holds more than its title" in elaboration_problems("001 §1.1", kb.sources)[0]
    assert "by § number" in elaboration_problems("004 Start", kb.sources)[0]
