"""Reading a ``source`` citation: which seed, which sections.

Citations are written for people (``"000 Tabel 2 en Tabel 3 (bedrijfskunde);
001 §8.2.1"``), so they stay free text. This module reads just enough of
them to check each one against the seed registry in sources.yaml: the parts
are separated by ``;`` (not inside parentheses), each part starts with a
three-digit seed id (``003/004`` names two seeds), and the text after the id
is the *label* of the cited section. § numbers inside a label are read as
section numbers, a range such as ``§5.1.3-5.1.6`` as both of its ends.

The checks themselves live here too, so the loader, the provenance texts and
the tests all read a citation the same way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from samenspel.knowledge.model import SourceText

_SEED = re.compile(r"(?<![\w.§/])(\d{3})((?:/\d{3})*)(?![\d.])")
_SECTION = re.compile(r"§\s*(\d+(?:\.\d+)*)(?:\s*[-–]\s*§?\s*(\d+(?:\.\d+)*))?")
_LABEL_END = " ,(;"


@dataclass(frozen=True, slots=True)
class Cited:
    """One seed named in a citation, with the label of what is cited."""

    seeds: tuple[str, ...]  # usually one id; "003/004" gives two
    label: str  # e.g. "§1.4, §2.5.1" or "Start (werkafspraken)"; "" if only the seed is named
    sections: tuple[str, ...]  # § numbers in the label, without "§"


def parts(source: str) -> list[str]:
    """The ``;``-separated parts of a citation, ignoring ``;`` inside parentheses."""
    out, depth, start = [], 0, 0
    for i, char in enumerate(source):
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(0, depth - 1)
        elif char == ";" and depth == 0:
            out.append(source[start:i].strip())
            start = i + 1
    out.append(source[start:].strip())
    return [p for p in out if p]


def read(source: str) -> tuple[list[Cited], list[str]]:
    """The seeds a citation names, and the parts that name no seed at their start."""
    cited: list[Cited] = []
    orphans: list[str] = []
    for part in parts(source):
        matches = list(_SEED.finditer(part))
        if not matches or matches[0].start() != 0:
            orphans.append(part)
        for number, match in enumerate(matches):
            end = matches[number + 1].start() if number + 1 < len(matches) else len(part)
            label = part[match.end() : end].strip(" ,")
            seeds = (match.group(1), *match.group(2).split("/")[1:])
            cited.append(Cited(seeds, label, section_numbers(label)))
    return cited, orphans


def section_numbers(label: str) -> tuple[str, ...]:
    """Every § number in a label; both ends of a range."""
    out: list[str] = []
    for match in _SECTION.finditer(label):
        out.extend(g for g in match.groups() if g)
    return tuple(out)


def under(number: str, prefix: str) -> bool:
    """Is § ``number`` the section ``prefix`` or one of its subsections ("8.4.5" under "8.4")?"""
    prefix = prefix.lstrip("§").strip()
    return number == prefix or number.startswith(prefix + ".")


def title_only(seed: SourceText, number: str) -> bool:
    """Does the seed give only the title of § ``number``?"""
    return any(under(number, p) for p in seed.titles_only if p.startswith("§"))


def has_content(seed: SourceText, number: str) -> bool:
    """Does the seed hold the content of § ``number`` (and is it not title-only)?"""
    if title_only(seed, number):
        return False
    return any(under(number, s) for s in seed.sections if s.startswith("§"))


def _names_section(seed: SourceText, label: str) -> bool:
    """Does a non-§ label start with one of the seed's sections ("Start (De Man 2006)")?"""
    low = label.lower()
    for section in seed.sections:
        s = section.lower()
        if low.startswith(s) and (len(low) == len(s) or low[len(s)] in _LABEL_END):
            return True
    return False


def source_problems(source: str, registry: Mapping[str, SourceText]) -> list[str]:
    """Why a ``source`` citation does not name seed sections with content (empty when it does)."""
    cited, orphans = read(source)
    problems = [f"source part '{p}' does not start with a known seed id ({', '.join(registry)})" for p in orphans]
    for c, seed_id, seed in _cited_seeds(cited, registry):
        if seed is None:
            problems.append(f"source '{source}' names unknown seed '{seed_id}' (known: {', '.join(registry)})")
        else:
            problems.extend(_label_problems(seed, c))
    return problems


def _cited_seeds(cited: Iterable[Cited], registry: Mapping[str, SourceText]) -> Iterator[
        tuple[Cited, str, SourceText | None]]:
    """Every (citation, seed id, seed or None when unknown) a parsed citation names."""
    for c in cited:
        for seed_id in c.seeds:
            yield c, seed_id, registry.get(seed_id)


def _label_problems(seed: SourceText, c: Cited) -> list[str]:
    if not seed.sections:
        return []
    where = f"{seed.id} {c.label}".strip()
    if not c.label:
        return [f"source '{seed.id}' names no section; cite one of: {'; '.join(seed.sections)}"]
    problems = []
    for number in c.sections:
        if title_only(seed, number):
            problems.append(
                f"source cites {seed.id} §{number}, of which the seed gives only the title: cite the section "
                f"that carries the content, or set basis: elaboration with elaboration_of: \"{seed.id} §{number}\""
            )
        elif not has_content(seed, number) and c.label.startswith("§"):
            problems.append(f"source cites {seed.id} §{number}, which is not a section with content in seed {seed.id}")
    if not c.label.startswith("§") and not _names_section(seed, c.label):
        problems.append(f"source '{where}' names no known section of seed {seed.id} ({'; '.join(seed.sections)})")
    return problems


def elaboration_problems(elaboration_of: str, registry: Mapping[str, SourceText]) -> list[str]:
    """Why ``elaboration_of`` does not name title-only sections by § number (empty when it does)."""
    cited, orphans = read(elaboration_of)
    problems = [f"elaboration_of part '{p}' does not start with a seed id" for p in orphans]
    for c, seed_id, seed in _cited_seeds(cited, registry):
        if seed is None:
            problems.append(f"elaboration_of names unknown seed '{seed_id}'")
        elif not c.sections:
            problems.append(f"elaboration_of '{seed_id} {c.label}' must name the title-only section by § number")
        else:
            problems.extend(
                f"elaboration_of names {seed_id} §{n}, but the seed holds more than its title: cite it in source"
                for n in c.sections
                if not title_only(seed, n)
            )
    return problems
