"""The knowledge base: models, failure factors, paradoxes, phases, trust, problems.

``load_knowledge()`` returns the validated, cached :class:`KnowledgeBase`
built from the YAML in ``knowledge/data/``; analyses and views read the
knowledge only through it. Two helpers read it for the diagnosis:
``knowledge.advice.rank_interventions`` ranks a problem's interventions for
an alliance's phase, form and governance model (with reasons and first
steps), and ``KnowledgeBase.provenance(entry_id)`` (``knowledge.provenance``)
says where an entry comes from, own elaboration on a title included
(docs/SOURCES.md).
"""

from samenspel.errors import KnowledgeError
from samenspel.knowledge.index import entries, find_entry
from samenspel.knowledge.loader import KINDS, load_knowledge, load_knowledge_from
from samenspel.knowledge.model import KnowledgeBase
from samenspel.knowledge.note import Note

__all__ = [
    "KINDS",
    "KnowledgeBase",
    "KnowledgeError",
    "Note",
    "entries",
    "find_entry",
    "load_knowledge",
    "load_knowledge_from",
]
