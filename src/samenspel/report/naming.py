"""Names of domains, scales, paradoxes, problems and interventions from the knowledge base.

The diagnosis holds ids; a reader wants names. An id the knowledge base does
not know is shown as it is, so nothing silently disappears.
"""

from __future__ import annotations

from samenspel.knowledge.model import KnowledgeBase
from samenspel.report.labels import L


def domain(kb: KnowledgeBase, key: str, lang: str) -> str:
    d = kb.domains.get(key)
    return d.name.get(lang) if d else key


def scale(kb: KnowledgeBase, key: str, lang: str) -> str:
    """A domain, or one of the other scales (trust, formal overlap, uncertainty)."""
    if key in kb.domains:
        return domain(kb, key, lang)
    label = L.get(f"scale_{key}")
    return label.get(lang) if label else key


def in_sentence(name: str, lang: str) -> str:
    """A name inside a sentence starts in lower case ("partners zien ambitie ..."), unless it is an acronym."""
    return name[:1].lower() + name[1:] if name[1:2].islower() else name


def paradox(kb: KnowledgeBase, key: str, lang: str) -> str:
    p = kb.paradoxes.get(key)
    return p.name.get(lang) if p else key


def problem(kb: KnowledgeBase, key: str, lang: str) -> str:
    p = kb.problems.get(key)
    return p.name.get(lang) if p else key


def intervention(kb: KnowledgeBase, key: str, lang: str) -> str:
    i = kb.interventions.get(key)
    return i.name.get(lang) if i else key
