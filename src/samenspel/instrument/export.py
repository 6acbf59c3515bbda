"""The questionnaire as a JSON-ready dict (FORMATS.md §1, the public contract).

Keys marked **must** in FORMATS.md §1 (id, version, languages; per item id,
construct, type, text and for numeric items min, max, reverse) are always
present; the rest are extensions a consumer may ignore. The modules (FORMATS.md
§4: per item ``module``, at the top ``modules`` with their estimated seconds)
are documented additions.
"""

from __future__ import annotations

from typing import Any

from samenspel.instrument.model import Instrument, Item


def to_json(instrument: Instrument) -> dict[str, Any]:
    """The questionnaire in both languages as plain JSON types."""
    return {
        "id": instrument.id,
        "version": instrument.version,
        "languages": list(instrument.languages),
        "title": instrument.title.as_dict(),
        "variant": "pulse" if instrument.short else "full",
        "minutes": instrument.minutes,
        "seconds": instrument.seconds,
        "instructions": instrument.instructions.as_dict(),
        "modules": [
            {"id": m.id, "title": m.title.as_dict(), "description": m.description.as_dict(), "default": m.default,
             "seconds": m.seconds, "items": sum(1 for it in instrument.items if it.module == m.id)}
            for m in instrument.modules
        ],
        "parts": [{"id": p.id, "title": p.title.as_dict(), "intro": p.intro.as_dict()} for p in instrument.parts],
        "items": [item_json(it) for it in instrument.items],
    }


def item_json(item: Item) -> dict[str, Any]:
    """One item: the must keys first, then the extensions."""
    out: dict[str, Any] = {"id": item.id, "construct": item.construct, "type": item.type}
    if item.numeric:
        out.update({"min": item.min, "max": item.max, "reverse": item.reverse})
    out["text"] = item.text.as_dict()
    if item.type == "choice":
        out["options"] = [{"id": o.id, "value": o.value, "text": o.text.as_dict()} for o in item.options]
    if item.poles is not None:
        out["poles"] = [item.poles[0].as_dict(), item.poles[1].as_dict()]
    if item.labels:
        out["labels"] = [label.as_dict() for label in item.labels]
    out.update({"part": item.part, "module": item.module, "pulse": item.pulse, "dont_know": item.dont_know})
    if item.source:
        out["source"] = item.source
    return out
