"""Names of domains, scales, paradoxes, problems and interventions from the knowledge base.

The entries themselves come from ``samenspel.knowledge.naming``; this adds the
report's own scale labels.

The diagnosis holds ids; a reader wants names. An id the knowledge base does
not know is shown as it is, so nothing silently disappears.
"""

from __future__ import annotations

from samenspel.knowledge.model import KnowledgeBase
from samenspel.knowledge.naming import domain, intervention, paradox, problem
from samenspel.report.labels import L

__all__ = ["domain", "in_sentence", "intervention", "paradox", "problem", "scale"]


def scale(kb: KnowledgeBase, key: str, lang: str) -> str:
    """A domain, or one of the other scales (trust, formal overlap, uncertainty)."""
    if key in kb.domains:
        return domain(kb, key, lang)
    label = L.get(f"scale_{key}")
    return label.get(lang) if label else key


def in_sentence(name: str, lang: str) -> str:
    """A name inside a sentence starts in lower case ("partners zien ambitie ..."), unless it is an acronym."""
    return name[:1].lower() + name[1:] if name[1:2].islower() else name


