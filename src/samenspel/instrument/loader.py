"""Build the questionnaire from its YAML data and the knowledge base.

``build_instrument`` is pure (a mapping and a knowledge base in, a validated
:class:`Instrument` out), so tests can feed it broken data; ``load_instrument``
reads the packaged YAML once and caches the result. Failure-factor,
success-condition and motive items are generated from the knowledge base at
load time, so their statements can never drift from it.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from samenspel.errors import InstrumentError
from samenspel.i18n import Text
from samenspel.instrument.duration import estimate_seconds, to_minutes
from samenspel.instrument.model import Instrument, Item, Option, Part
from samenspel.instrument.validation import validate
from samenspel.knowledge.model import KnowledgeBase

DATA_FILE = "samenspel-core.yaml"
ITEM_PREFIX = {"failure": "fail_", "success": "succ_", "motives": "mot_"}


class _Problems:
    """Collects what is wrong while building, so one error lists everything."""

    def __init__(self, source: str):
        self.source = source
        self.messages: list[str] = []

    def add(self, where: str, message: str) -> None:
        self.messages.append(f"{self.source}: {where}: {message}")

    def raise_if_any(self) -> None:
        if self.messages:
            unique = list(dict.fromkeys(self.messages))  # builder and validator may both see an empty text
            raise InstrumentError("the questionnaire data is inconsistent:\n" + "\n".join(unique))


def _text(value: Any, where: str, problems: _Problems) -> Text:
    if not isinstance(value, Mapping):
        problems.add(where, "expected a text with 'nl' and 'en'")
        return Text("", "")
    nl, en = value.get("nl"), value.get("en")
    for lang, s in (("nl", nl), ("en", en)):
        if not isinstance(s, str):
            problems.add(where, f"text in {lang!r} is missing")
        elif not s.strip():
            problems.add(where, f"text in {lang!r} is empty")
    return Text(str(nl or "").strip(), str(en or "").strip())


def _scale_fields(scale: Mapping[str, Any], where: str, problems: _Problems) -> dict[str, Any]:
    labels = tuple(_text(t, f"{where} label {i + 1}", problems) for i, t in enumerate(scale.get("labels") or ()))
    return {"type": scale.get("type"), "min": scale.get("min"), "max": scale.get("max"), "labels": labels}


def _item(
    raw: Mapping[str, Any], part: Part, part_source: str, scales: Mapping[str, Any], problems: _Problems
) -> Item | None:
    item_id = str(raw.get("id", "?"))
    where = f"item {item_id}"
    fields: dict[str, Any] = {"type": raw.get("type"), "min": raw.get("min"), "max": raw.get("max"), "labels": ()}
    if "scale" in raw:
        scale = scales.get(raw["scale"])
        if not isinstance(scale, Mapping):
            problems.add(where, f"unknown scale {raw['scale']!r}")
            return None
        fields = _scale_fields(scale, f"scale {raw['scale']}", problems)
    options: tuple[Option, ...] = ()
    if fields["type"] == "choice":
        options = tuple(
            Option(str(o.get("id", "")), o.get("value"), _text(o.get("text"), f"{where} option {o.get('id')}", problems))
            for o in raw.get("options") or ()
        )
        values = [o.value for o in options if isinstance(o.value, int)]
        if values:
            fields["min"], fields["max"] = min(values), max(values)
    poles = None
    if "poles" in raw:
        pa, pb = raw["poles"]
        poles = (_text(pa, f"{where} pole A", problems), _text(pb, f"{where} pole B", problems))
    return Item(
        id=item_id,
        construct=str(raw.get("construct", "")),
        type=fields["type"],
        text=_text(raw.get("text"), where, problems),
        part=part.id,
        min=fields["min"],
        max=fields["max"],
        reverse=bool(raw.get("reverse", False)),
        options=options,
        poles=poles,
        dont_know=bool(raw.get("dont_know", fields["type"] != "check")),
        pulse=bool(raw.get("pulse", False)),
        labels=fields["labels"],
        source=str(raw.get("source", part_source)),
    )


def _paradox_items(spec: Mapping[str, Any], part_source: str, problems: _Problems) -> list[dict[str, Any]]:
    """Three raw items per paradox (now, desired, tension) from the part's templates."""
    templates = spec.get("templates") or {}
    out: list[dict[str, Any]] = []
    for p in spec.get("list") or ():
        pid = str(p.get("id", "?"))
        topic = _text(p.get("topic"), f"paradox {pid} topic", problems)
        source = str(p.get("source", part_source))
        for aspect in ("now", "desired", "tension"):
            template = _text(templates.get(aspect), f"paradox template {aspect}", problems)
            text = {"nl": template.nl.replace("{topic}", topic.nl), "en": template.en.replace("{topic}", topic.en)}
            raw: dict[str, Any] = {
                "id": f"par_{pid}_{aspect}",
                "construct": f"paradox:{pid}:{aspect}",
                "text": text,
                "source": source,
                "pulse": aspect in (spec.get("pulse") or ()),
            }
            if aspect == "tension":
                raw["scale"] = "agree"
            else:
                raw["scale"] = "poles"
                raw["poles"] = (p.get("pole_a"), p.get("pole_b"))
            out.append(raw)
    return out


def _knowledge_items(kind: str, kb: KnowledgeBase, problems: _Problems, where: str) -> list[dict[str, Any]]:
    """Check items generated from the knowledge base: factors or motives."""
    prefix = ITEM_PREFIX.get(kind)
    if prefix is None:
        problems.add(where, f"unknown generator {kind!r}; use failure, success or motives")
        return []
    out: list[dict[str, Any]] = []
    if kind == "motives":
        for category in kb.motive_categories.values():
            for motive in category.motives:
                out.append(
                    {
                        "id": prefix + motive.id,
                        "construct": f"motive:{category.id}",
                        "text": motive.name.as_dict(),
                        "source": motive.source or category.source,
                    }
                )
    else:
        for factor in kb.factors.values():
            if factor.kind == kind:
                out.append(
                    {
                        "id": prefix + factor.id,
                        "construct": f"{kind}:{factor.id}",
                        "text": factor.item.as_dict(),
                        "source": factor.source,
                    }
                )
    for raw in out:
        raw["scale"] = "tick"
    return out


def build_instrument(
    data: Mapping[str, Any], kb: KnowledgeBase, *, short: bool = False, source: str = DATA_FILE
) -> Instrument:
    """A validated questionnaire from its data; the pulse version when ``short``.

    Raises :class:`~samenspel.errors.InstrumentError` listing every problem.
    """
    problems = _Problems(source)
    scales = data.get("scales") or {}
    parts: list[Part] = []
    items: list[Item] = []
    for raw_part in data.get("parts") or ():
        pid = str(raw_part.get("id", "?"))
        part = Part(
            pid,
            _text(raw_part.get("title"), f"part {pid} title", problems),
            _text(raw_part.get("intro"), f"part {pid} intro", problems),
        )
        parts.append(part)
        part_source = str(raw_part.get("source", ""))
        raws: list[Mapping[str, Any]] = list(raw_part.get("items") or ())
        if "paradoxes" in raw_part:
            raws += _paradox_items(raw_part["paradoxes"], part_source, problems)
        if "generate" in raw_part:
            raws += _knowledge_items(str(raw_part["generate"]), kb, problems, f"part {pid}")
        for raw in raws:
            item = _item(raw, part, part_source, scales, problems)
            if item is not None:
                items.append(item)
    full = Instrument(
        id=str(data.get("id", "")),
        version=str(data.get("version", "")),
        languages=tuple(data.get("languages") or ()),
        title=_text(data.get("title"), "title", problems),
        minutes=0,
        parts=tuple(parts),
        items=tuple(items),
        instructions=_text(data.get("instructions"), "instructions", problems),
    )
    for message in validate(full, kb):
        problems.messages.append(f"{source}: {message}")
    problems.raise_if_any()
    return _finish(_pulse(full) if short else full)


def _pulse(full: Instrument) -> Instrument:
    """The pulse version: the items marked ``pulse`` and the parts that hold them."""
    items = tuple(it for it in full.items if it.pulse)
    used = {it.part for it in items}
    return Instrument(
        id=full.id,
        version=full.version,
        languages=full.languages,
        title=full.title,
        minutes=0,
        parts=tuple(p for p in full.parts if p.id in used),
        items=items,
        short=True,
        instructions=full.instructions,
    )


def _finish(instrument: Instrument) -> Instrument:
    seconds = estimate_seconds(instrument.items)
    return Instrument(
        id=instrument.id,
        version=instrument.version,
        languages=instrument.languages,
        title=instrument.title,
        minutes=to_minutes(seconds),
        parts=instrument.parts,
        items=instrument.items,
        short=instrument.short,
        instructions=instrument.instructions,
        seconds=seconds,
    )


def read_data(name: str = DATA_FILE) -> dict[str, Any]:
    """The raw questionnaire data shipped with the package."""
    text = resources.files("samenspel.instrument").joinpath("data", name).read_text(encoding="utf-8")
    # libyaml's loader when present: the same data, about 8x faster at start-up.
    data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    if not isinstance(data, dict):
        raise InstrumentError(f"{name}: expected a mapping at the top level")
    return data


@lru_cache(maxsize=2)
def load_instrument(short: bool = False) -> Instrument:
    """The questionnaire ``samenspel-core`` (the pulse version when ``short``), validated and cached."""
    from samenspel.knowledge import load_knowledge

    return build_instrument(read_data(), load_knowledge(), short=short)

