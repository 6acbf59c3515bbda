"""Names for what the diagnosis holds as ids: knowledge-base entries, scales, partners.

Entries come from the knowledge base (``samenspel.knowledge.naming``); the
scales that are not domains and the relation dimensions from the label
catalogue; partners by their display name from the alliance context (a code
is shown as it is when no name is known, so nothing silently disappears).
"""

from __future__ import annotations

from collections.abc import Mapping

from samenspel.knowledge.model import KnowledgeBase
from samenspel.knowledge.naming import domain, intervention, paradox, problem
from samenspel.reading.labels import L

__all__ = ["domain", "in_sentence", "intervention", "paradox", "partner", "problem", "round_name", "scale", "signal"]


def scale(kb: KnowledgeBase, key: str, lang: str) -> str:
    """A domain, or one of the other scales (trust, formal overlap, uncertainty)."""
    if key in kb.domains:
        return domain(kb, key, lang)
    label = L.get(f"scale_{key}")
    return label.get(lang) if label else key


def signal(key: str, lang: str) -> str:
    """A signal scale (``signal:rules_burden``) by the words of its evidence sentence's subject."""
    label = L.get(f"signal_{key}")
    return label.get(lang) if label else key


def partner(code: str, names: Mapping[str, str] | None) -> str:
    """A partner's display name (``GEM`` -> ``Gemeente Rivierstad``), or its code when none is known."""
    return (names or {}).get(code, code)


def round_name(code: str | None, names: Mapping[str, str] | None) -> str:
    """A round's display name (``2026-1`` -> ``Voorjaar 2026``), or its code when none is known."""
    return (names or {}).get(code or "", code or "")


def in_sentence(name: str, lang: str) -> str:
    """A name inside a sentence starts in lower case ("partners zien ambitie ..."), unless it is an acronym."""
    return name[:1].lower() + name[1:] if name[1:2].islower() else name
