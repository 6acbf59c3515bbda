"""Knowledge that has no model class of its own (KNOWLEDGE.md §8 and §5).

Criteria, base rates, leadership traits and core advice are shown to users
as plain bilingual notes: a title, a short explanation and a list of points.
They live in ``KnowledgeBase.extra`` keyed by id, so that views can show them
without the model growing a class for every list in the seeds.
"""

from __future__ import annotations

from dataclasses import dataclass

from samenspel.i18n import Text
from samenspel.knowledge.model import Sourced


@dataclass(frozen=True, slots=True)
class Note(Sourced):
    """A bilingual piece of background knowledge with its points."""

    id: str
    name: Text
    description: Text
    points: tuple[Text, ...]
    source: str
