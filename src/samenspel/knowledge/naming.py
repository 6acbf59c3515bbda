"""Names of knowledge-base entries by id, for readers of a diagnosis.

The diagnosis holds ids; a reader wants names. An id the knowledge base does
not know is shown as it is, so nothing silently disappears.
"""

from __future__ import annotations

from samenspel.knowledge.model import KnowledgeBase


def domain(kb: KnowledgeBase, key: str, lang: str) -> str:
    d = kb.domains.get(key)
    return d.name.get(lang) if d else key


def paradox(kb: KnowledgeBase, key: str, lang: str) -> str:
    p = kb.paradoxes.get(key)
    return p.name.get(lang) if p else key


def problem(kb: KnowledgeBase, key: str, lang: str) -> str:
    p = kb.problems.get(key)
    return p.name.get(lang) if p else key


def intervention(kb: KnowledgeBase, key: str, lang: str) -> str:
    i = kb.interventions.get(key)
    return i.name.get(lang) if i else key
