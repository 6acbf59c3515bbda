"""Build the questionnaire from its YAML data and the knowledge base.

``build_instrument`` is pure (a mapping and a knowledge base in, a validated
:class:`Instrument` out), so tests can feed it broken data; ``load_instrument``
reads the packaged YAML of a version once and caches the result.

Two versions ship (docs/INSTRUMENT.md): 1.0 generates its failure-factor,
success-condition and motive items from the knowledge base (ticked or not);
2.0 writes every item out, groups parts into modules a facilitator chooses per
round, and asks factors and motives as yes / no / don't know.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from functools import lru_cache
from importlib import resources
from typing import Any

from samenspel import yaml_cache
from samenspel.errors import InstrumentError
from samenspel.i18n import Text
from samenspel.instrument.duration import estimate, estimate_seconds, to_minutes
from samenspel.instrument.model import Instrument, Item, Module, Option, Part
from samenspel.instrument.validation import validate
from samenspel.knowledge.model import KnowledgeBase

VERSIONS: dict[str, str] = {"1.0": "samenspel-core.yaml", "2.0": "samenspel-core-2.0.yaml"}
"""Every questionnaire version that ships, with its data file; earlier rounds keep their own."""
CURRENT_VERSION = "2.0"
DATA_FILE = VERSIONS["1.0"]
ITEM_PREFIX = {"failure": "fail_", "success": "succ_", "motives": "mot_"}

# 1.0 predates modules: its parts map onto the modules of 2.0 like this (everything else is core).
LEGACY_MODULES: dict[str, str] = {"paradoxes": "paradoxes", "motives": "motives", "failure": "factors",
                                  "success": "factors", "open": "open"}
LEGACY_MODULE_NAMES: dict[str, Text] = {
    "core": Text("Kern", "Core"),
    "paradoxes": Text("Spanningen (paradoxen)", "Tensions (paradoxes)"),
    "motives": Text("Motieven", "Motives"),
    "factors": Text("Faalfactoren en succesvoorwaarden", "Failure factors and success conditions"),
    "open": Text("Open vragen", "Open questions"),
}


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
    out = {"type": scale.get("type"), "min": scale.get("min"), "max": scale.get("max"), "labels": labels}
    if "dont_know" in scale:  # e.g. yes / no / don't know check items (2.0)
        out["dont_know"] = bool(scale["dont_know"])
    return out


def _item(
    raw: Mapping[str, Any], part: Part, part_source: str, scales: Mapping[str, Any], problems: _Problems,
    module: str = "core",
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
        dont_know=bool(raw.get("dont_know", fields.get("dont_know", fields["type"] != "check"))),
        pulse=bool(raw.get("pulse", False)),
        labels=fields["labels"],
        source=str(raw.get("source", part_source)),
        module=module,
    )


def _paradox_items(spec: Mapping[str, Any], part_source: str, problems: _Problems) -> list[dict[str, Any]]:
    """Three raw items per paradox (now, desired, tension) from the part's templates."""
    templates = spec.get("templates") or {}
    out: list[dict[str, Any]] = []
    for p in spec.get("list") or ():
        pid = str(p.get("id", "?"))
        topic = _text(p.get("topic"), f"paradox {pid} topic", problems)
        source = str(p.get("source", part_source))
        ids = p.get("ids") or {}  # a new id where an aspect's question changed meaning (2.0's autonomy)
        for aspect in ("now", "desired", "tension"):
            template = _text(templates.get(aspect), f"paradox template {aspect}", problems)
            text = {"nl": template.nl.replace("{topic}", topic.nl), "en": template.en.replace("{topic}", topic.en)}
            raw: dict[str, Any] = {
                "id": str(ids.get(aspect, f"par_{pid}_{aspect}")),
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
    modular = "modules" in data
    modules = _modules(data, problems) if modular else ()
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
        module = str(raw_part.get("module", "core")) if modular else LEGACY_MODULES.get(pid, "core")
        raws: list[Mapping[str, Any]] = list(raw_part.get("items") or ())
        if "paradoxes" in raw_part:
            raws += _paradox_items(raw_part["paradoxes"], part_source, problems)
        if "generate" in raw_part:
            raws += _knowledge_items(str(raw_part["generate"]), kb, problems, f"part {pid}")
        for raw in raws:
            item = _item(raw, part, part_source, scales, problems, module)
            if item is not None:
                items.append(item)
    if not modular:
        used = list(dict.fromkeys(it.module for it in items))
        modules = tuple(Module(m, LEGACY_MODULE_NAMES[m], Text("", "")) for m in used)
    merged = tuple((str(m.get("construct", "")), str(m.get("item", ""))) for m in data.get("merged") or ())
    full = Instrument(
        id=str(data.get("id", "")),
        version=str(data.get("version", "")),
        languages=tuple(data.get("languages") or ()),
        title=_text(data.get("title"), "title", problems),
        minutes=0,
        parts=tuple(parts),
        items=tuple(items),
        instructions=_text(data.get("instructions"), "instructions", problems),
        modules=modules,
        merged=merged,
        paradoxes=_paradox_order(items),
        modular=modular,
    )
    for message in validate(full, kb, modular=modular):
        problems.messages.append(f"{source}: {message}")
    problems.raise_if_any()
    return finish(_pulse(full) if short else full)


def _modules(data: Mapping[str, Any], problems: _Problems) -> tuple[Module, ...]:
    out = []
    for raw in data.get("modules") or ():
        mid = str(raw.get("id", "?"))
        out.append(Module(mid, _text(raw.get("title"), f"module {mid} title", problems),
                          _text(raw.get("description"), f"module {mid} description", problems),
                          default=bool(raw.get("default", True))))
    return tuple(out)


def _paradox_order(items: tuple[Item, ...] | list[Item]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(it.construct_key for it in items if it.construct_kind == "paradox"))


def _pulse(full: Instrument) -> Instrument:
    """The pulse version: the items marked ``pulse`` and the parts that hold them."""
    return subset(full, [it for it in full.items if it.pulse], short=True)


def subset(full: Instrument, items: list[Item], *, short: bool | None = None) -> Instrument:
    """``full`` narrowed to ``items`` (in ``full``'s order), with the parts and modules that hold them."""
    keep = {it.id for it in items}
    chosen = tuple(it for it in full.items if it.id in keep)
    parts_used = {it.part for it in chosen}
    modules_used = {it.module for it in chosen}
    return Instrument(
        id=full.id,
        version=full.version,
        languages=full.languages,
        title=full.title,
        minutes=0,
        parts=tuple(p for p in full.parts if p.id in parts_used),
        items=chosen,
        short=full.short if short is None else short,
        instructions=full.instructions,
        modules=tuple(m for m in full.modules if m.id in modules_used),
        merged=full.merged,
        paradoxes=_paradox_order(chosen),
        modular=full.modular,
    )


def finish(instrument: Instrument) -> Instrument:
    """The questionnaire with its time estimate filled in: in total and per module (see ``duration``)."""
    seconds = estimate_seconds(instrument)
    slow = max((estimate(instrument, lang) for lang in ("nl", "en")), key=lambda e: e.seconds)
    modules = tuple(replace(m, seconds=round(slow.modules.get(m.id, 0.0))) for m in instrument.modules)
    return replace(instrument, minutes=to_minutes(seconds), seconds=seconds, modules=modules)


def read_data(name: str | None = None, *, version: str = CURRENT_VERSION) -> dict[str, Any]:
    """The raw questionnaire data shipped with the package: a file by ``name``, else that of ``version``."""
    if name is None:
        if version not in VERSIONS:
            raise InstrumentError(f"unknown questionnaire version {version!r}; known: {', '.join(VERSIONS)}")
        name = VERSIONS[version]
    text = resources.files("samenspel.instrument").joinpath("data", name).read_text(encoding="utf-8")
    data = yaml_cache.load(text)  # parsed once per content (libyaml), not on every command
    if not isinstance(data, dict):
        raise InstrumentError(f"{name}: expected a mapping at the top level")
    return data


def load_instrument(short: bool = False, version: str = CURRENT_VERSION) -> Instrument:
    """The questionnaire ``samenspel-core`` of ``version`` (the pulse version when ``short``), validated and cached.

    For a modular version (2.0) this is the whole questionnaire, every module and
    paradox: what a response file may hold. A round asks a selection of it
    (``samenspel.instrument.selection``).
    """
    if version not in VERSIONS:
        raise InstrumentError(f"unknown questionnaire version {version!r}; known: {', '.join(VERSIONS)}")
    return _load(bool(short), version)


@lru_cache(maxsize=8)
def _load(short: bool, version: str) -> Instrument:
    from samenspel.knowledge import load_knowledge

    return build_instrument(read_data(version=version), load_knowledge(), short=short, source=VERSIONS[version])
