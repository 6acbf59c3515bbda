"""Read the relation items (``relation:<dimension>``) off a questionnaire."""

from __future__ import annotations

from samenspel.instrument.model import Instrument
from samenspel.network.graph import RelationItems


def relation_items(instrument: Instrument) -> RelationItems:
    """item id -> (dimension, min, max) for every numeric ``relation:`` item."""
    out: dict[str, tuple[str, float, float]] = {}
    for item in instrument.by_construct("relation"):
        if item.type != "relation" or item.min is None or item.max is None:
            continue
        out[item.id] = (item.construct_key, float(item.min), float(item.max))
    return out
