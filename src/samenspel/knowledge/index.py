"""Find any knowledge entry by its id, whatever its kind.

Ids are unique across the whole knowledge base (the loader checks this), so
one id is enough to show an entry, e.g. ``samenspel kb show open_closed``.
Phases have no id of their own; they are found as ``phase_1`` .. ``phase_4``.
"""

from __future__ import annotations

import difflib
from typing import Any

from samenspel.errors import SamenspelError
from samenspel.knowledge.model import KnowledgeBase


def entries(kb: KnowledgeBase) -> dict[str, tuple[str, Any]]:
    """Every entry as ``id -> (kind, object)``, in data order; motives have kind ``motives``."""
    out: dict[str, tuple[str, Any]] = {}
    for kind in (
        "sources",
        "domains",
        "motive_categories",
        "paradoxes",
        "phase_models",
        "phase_details",
        "factors",
        "trust_quadrants",
        "trust_modes",
        "governance_advice",
        "conflict_types",
        "problems",
        "interventions",
        "collaboration_forms",
        "alliance_forms",
        "governance_models",
        "extra",
    ):
        for key, obj in getattr(kb, kind).items():
            out[key] = (kind, obj)
            if kind == "motive_categories":
                out.update((motive.id, ("motives", motive)) for motive in obj.motives)
    for axis, phase in kb.phases.items():
        out[f"phase_{axis}"] = ("phases", phase)
    for step in kb.reflection_steps:
        out[step.id] = ("reflection_steps", step)
    return out


def find_entry(kb: KnowledgeBase, entry_id: str) -> tuple[str, Any]:
    """The ``(kind, object)`` with this id; an unknown id is a user error with suggestions."""
    index = entries(kb)
    if entry_id in index:
        return index[entry_id]
    close = difflib.get_close_matches(entry_id, index, n=3)
    hint = f"; did you mean {', '.join(close)}?" if close else "; see 'samenspel kb list'"
    raise SamenspelError(f"no knowledge entry with id '{entry_id}'{hint}")
