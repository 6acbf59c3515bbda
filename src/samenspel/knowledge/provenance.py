"""Where a knowledge entry comes from, in words a reader can check (issue 9 point 6).

Seed 001 is present only in part: of most of its sections, the nine
exemplary problems of §8.4 among them, the seeds give just the title. An
entry built on such a title is our own elaboration, and the report, the
rules page and ``samenspel kb show`` must say so instead of suggesting that
the book says it. This module turns an entry's ``source``, ``basis`` and
``elaboration_of`` into one bilingual line:

- ``basis: source`` -> "Gebaseerd op 004 Start" / "After 004 Start";
- ``basis: elaboration`` -> "Eigen uitwerking van de titel van 001 §8.4.5
  (de bron geeft alleen de titel); verder gebaseerd op 004 Start" /
  "Own elaboration on the title of 001 §8.4.5 (the source gives only the
  title); further based on 004 Start".

When an entry elaborates a title, a citation of the table of contents
(``001 inhoudsopgave``) is not repeated as "based on": the first clause
already says the title is all there is.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from samenspel.i18n import Text
from samenspel.knowledge.citation import parts, read
from samenspel.knowledge.index import entries, find_entry
from samenspel.knowledge.model import Basis, KnowledgeBase, SourceText

_CONTENTS = "inhoudsopgave"  # how citations name a table of contents


@dataclass(frozen=True, slots=True)
class Provenance:
    """How an entry relates to the seeds, with the sentence to show a reader."""

    entry_id: str
    basis: Basis
    source: str  # as cited in the knowledge base
    elaboration_of: str | None  # the title-only section(s), e.g. "001 §8.4.5"
    based_on: tuple[str, ...]  # the cited parts shown as "based on"
    text: Text  # the line for a reader, without a final full stop

    @property
    def is_elaboration(self) -> bool:
        return self.basis == "elaboration"


def provenance(kb: KnowledgeBase, entry_id: str) -> Provenance:
    """The provenance of any entry by id (``phase_1`` for a phase); unknown ids are a user error."""
    _kind, obj = find_entry(kb, entry_id)
    return provenance_of(entry_id, obj)


def provenance_of(entry_id: str, obj: Any) -> Provenance:
    """The provenance of an entry object (anything with ``source``; a seed names itself)."""
    if isinstance(obj, SourceText):
        text = Text(f"Brontekst {obj.id}", f"Seed text {obj.id}")
        return Provenance(entry_id, "source", obj.id, None, (obj.id,), text)
    basis: Basis = getattr(obj, "basis", "source")
    elaboration_of: str | None = getattr(obj, "elaboration_of", None)
    cited = parts(obj.source)
    if basis == "elaboration" and elaboration_of:
        based_on = tuple(p for p in cited if not _is_contents(p))
        text = _elaboration_text(elaboration_of, based_on)
        return Provenance(entry_id, basis, obj.source, elaboration_of, based_on, text)
    based_on = tuple(cited)
    joined = "; ".join(based_on)
    return Provenance(entry_id, basis, obj.source, None, based_on, Text(f"Gebaseerd op {joined}", f"After {joined}"))


def elaborations(kb: KnowledgeBase) -> tuple[Provenance, ...]:
    """Every entry that is our own elaboration on a title, in knowledge-base order."""
    out = (provenance_of(entry_id, obj) for entry_id, (_kind, obj) in entries(kb).items())
    return tuple(p for p in out if p.is_elaboration)


def _is_contents(part: str) -> bool:
    cited, _ = read(part)
    return bool(cited) and all(c.label.lower().startswith(_CONTENTS) for c in cited)


def _elaboration_text(elaboration_of: str, based_on: tuple[str, ...]) -> Text:
    many = sum(len(c.sections) for c in read(elaboration_of)[0]) > 1
    nl_titles = _and(elaboration_of, "en")
    en_titles = _and(elaboration_of, "and")
    nl = (
        f"Eigen uitwerking van de titels van {nl_titles} (de bron geeft alleen de titels)"
        if many
        else f"Eigen uitwerking van de titel van {nl_titles} (de bron geeft alleen de titel)"
    )
    en = (
        f"Own elaboration on the titles of {en_titles} (the source gives only the titles)"
        if many
        else f"Own elaboration on the title of {en_titles} (the source gives only the title)"
    )
    if based_on:
        joined = "; ".join(based_on)
        nl += f"; verder gebaseerd op {joined}"
        en += f"; further based on {joined}"
    return Text(nl, en)


def _and(listing: str, word: str) -> str:
    """'001 §4.1.1, §4.2.1, §4.2.3' -> '001 §4.1.1, §4.2.1 and §4.2.3' (only within one part)."""
    if ";" in listing or ", " not in listing:
        return listing
    head, _, last = listing.rpartition(", ")
    return f"{head} {word} {last}"
