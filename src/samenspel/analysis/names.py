"""Readable names of the scales, for sentences in warnings (never bare ids).

Domains take their name from the knowledge base (KNOWLEDGE.md §1); the other
scales of the questionnaire (FORMATS.md §1 plain constructs) are named here.
"""

from __future__ import annotations

from samenspel.i18n import Text
from samenspel.knowledge.model import KnowledgeBase

SCALE_NAMES: dict[str, Text] = {
    "trust": Text("onderling vertrouwen", "mutual trust"),
    "formal_overlap": Text("afstemming van formele zaken", "alignment of formal matters"),
    "uncertainty:relational": Text("onzekerheid in de relatie", "uncertainty in the relationship"),
    "uncertainty:field": Text("onzekerheid in het werkveld", "uncertainty in the field"),
}


def scale_name(kb: KnowledgeBase, key: str) -> Text:
    """Name of a domain (knowledge base) or of another scale; the id itself as a last resort."""
    domain = kb.domains.get(key)
    if domain is not None:
        return domain.name
    return SCALE_NAMES.get(key, Text(key, key))
