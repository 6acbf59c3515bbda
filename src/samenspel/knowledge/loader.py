"""Load the knowledge YAML into the frozen objects of ``knowledge.model``.

The YAML mirrors the dataclasses field for field, so the conversion is
driven by the dataclass type hints: a ``Text`` field is a mapping
``{nl: ..., en: ...}``, a tuple is a list, a nested class is a mapping.
Each file holds a mapping ``{kind: [entries]}`` (``kind`` is a field of
:class:`KnowledgeBase`); a file whose top level is a list holds the kind
named by the file (``problems.yaml`` -> ``problems``).

Problems are collected and raised as one :class:`KnowledgeError` whose lines
each name the file and the entry, so broken data is fixed in one go. The
structural checks (fields, types, translations) run over every file first;
once the structure is sound, the cross-entry checks run (ids unique across
the whole base, references resolve, phases on the axis 1-4, the ids the
public formats rely on present, and every citation checked against the seed
registry of sources.yaml: a ``source`` names only sections whose content is
in the seeds, and an entry built on a title-only section is marked
``basis: elaboration`` with ``elaboration_of``; see knowledge.citation).
"""

from __future__ import annotations

import re
import types
from collections.abc import Iterable, Iterator
from dataclasses import MISSING, dataclass, fields, is_dataclass
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, Literal, Union, get_args, get_origin, get_type_hints

import yaml

from samenspel import yaml_cache
from samenspel.errors import KnowledgeError
from samenspel.i18n import LANGUAGES, Text
from samenspel.knowledge.citation import elaboration_problems, source_problems
from samenspel.knowledge.model import (
    AllianceForm,
    CollaborationForm,
    FIT_KINDS,
    ConflictType,
    ContextFit,
    Domain,
    Factor,
    GovernanceAdvice,
    GovernanceModel,
    Intervention,
    KnowledgeBase,
    MotiveCategory,
    Paradox,
    Phase,
    PhaseDetail,
    PhaseModel,
    Problem,
    ReflectionStep,
    SourceText,
    TrustMode,
    TrustQuadrant,
)
from samenspel.knowledge.note import Note

AXIS = (1, 2, 3, 4)

# Kind (a KnowledgeBase field) -> class of its entries. Order = load order.
KINDS: dict[str, type] = {
    "sources": SourceText,
    "domains": Domain,
    "motive_categories": MotiveCategory,
    "paradoxes": Paradox,
    "phases": Phase,
    "phase_models": PhaseModel,
    "phase_details": PhaseDetail,
    "factors": Factor,
    "trust_quadrants": TrustQuadrant,
    "trust_modes": TrustMode,
    "governance_advice": GovernanceAdvice,
    "reflection_steps": ReflectionStep,
    "conflict_types": ConflictType,
    "problems": Problem,
    "interventions": Intervention,
    "collaboration_forms": CollaborationForm,
    "alliance_forms": AllianceForm,
    "governance_models": GovernanceModel,
    "extra": Note,
}
OPTIONAL_KINDS = frozenset({"extra"})

# Ids other code and the public formats depend on (FORMATS.md, KNOWLEDGE.md):
# each must be present, and for these kinds no other id is allowed.
CONTRACT_IDS: dict[str, frozenset[str]] = {
    "domains": frozenset({"ambition", "interests", "relation", "organisation", "process"}),
    "motive_categories": frozenset({"market", "cost", "knowledge", "external", "personal"}),
    "trust_quadrants": frozenset(
        {"high_trust_high_formal", "high_trust_low_formal", "low_trust_high_formal", "low_trust_low_formal"}
    ),
    "governance_advice": frozenset({"more_control", "more_trust", "balance"}),
    "conflict_types": frozenset({"power", "interest", "relational", "task"}),
    # seed 004's three phases; the questionnaire's phase:detail answers map to them
    "phase_details": frozenset({"design_align", "discover_learn", "productivity_value"}),
}
DISCIPLINES = frozenset(
    {"business_administration", "organisation_science", "public_administration", "social_sciences"}
)
SUBGROUPS = frozenset({"contractual", "partnership"})
DURABILITIES = frozenset(
    {"long_intensive", "long_robust", "long_flexible", "temporary_robust", "temporary_flexible", "volatile"}
)
# libyaml's safe loader when present (10x faster), else the pure-Python one; same results.
_NOUNS = {
    "motive_categories": "motive category",
    "paradoxes": "paradox",
    "governance_advice": "governance advice",
    "phase_details": "phase detail",
    "extra": "note",
}


def data_dir() -> Traversable:
    """The package's own knowledge data directory."""
    return files("samenspel.knowledge") / "data"


@cache
def load_knowledge() -> KnowledgeBase:
    """The product's knowledge base, validated (loaded once per process)."""
    return load_knowledge_from(data_dir())


def load_knowledge_from(directory: Path | Traversable) -> KnowledgeBase:
    """Load and validate every ``*.yaml`` in ``directory``; raise KnowledgeError on any problem."""
    problems: list[str] = []
    raw: dict[str, tuple[str, list[Any]]] = {}  # kind -> (file, entries)
    yaml_files = sorted((p for p in directory.iterdir() if p.name.endswith(".yaml")), key=lambda p: p.name)
    for path in yaml_files:
        for kind, entries in _read_file(path, problems):
            if kind in raw:
                problems.append(f"{path.name}: kind '{kind}' is also defined in {raw[kind][0]}")
                continue
            raw[kind] = (path.name, entries)
    for kind in KINDS:
        if kind not in raw and kind not in OPTIONAL_KINDS:
            problems.append(f"{kind}.yaml: kind '{kind}' is missing (no data file defines it)")
    built: dict[str, list[_Entry]] = {}
    for kind, (file, entries) in raw.items():
        built[kind] = _build_kind(kind, file, entries, problems)
    if not problems:
        _check(built, problems)
    if problems:
        raise KnowledgeError("the knowledge base is invalid:\n" + "\n".join(problems))
    return _assemble(built)


@dataclass(frozen=True, slots=True)
class _Entry:
    """A built object with where it came from, for cross-checks."""

    file: str
    kind: str
    label: str  # "factor 'unclear_goals'" - how messages name it
    obj: Any

    def where(self, message: str) -> str:
        return f"{self.file}: {self.label}: {message}"


def _read_file(path: Path | Traversable, problems: list[str]) -> Iterator[tuple[str, list[Any]]]:
    try:
        data = yaml_cache.load(path.read_text(encoding="utf-8"))  # parsed once per content, not every command
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" line {mark.line + 1}" if mark is not None else ""
        problems.append(f"{path.name}:{line} not valid YAML ({getattr(exc, 'problem', exc)})")
        return
    stem = path.name.removesuffix(".yaml")
    if isinstance(data, list):
        data = {stem: data}
    if not isinstance(data, dict):
        problems.append(f"{path.name}: expected a mapping of kinds to lists of entries")
        return
    for kind, entries in data.items():
        if kind not in KINDS:
            problems.append(f"{path.name}: unknown kind '{kind}' (known: {', '.join(KINDS)})")
        elif not isinstance(entries, list):
            problems.append(f"{path.name}: kind '{kind}' must be a list of entries")
        else:
            yield kind, entries


def _build_kind(kind: str, file: str, entries: list[Any], problems: list[str]) -> list[_Entry]:
    cls = KINDS[kind]
    out: list[_Entry] = []
    for number, value in enumerate(entries, start=1):
        label = _label(kind, number, value)
        errors: list[str] = []
        obj = _build(cls, value, "", errors)
        if errors:
            problems.extend(f"{file}: {label}: {e}" for e in errors)
        else:
            out.append(_Entry(file, kind, label, obj))
    return out


def _label(kind: str, number: int, value: Any) -> str:
    noun = _NOUNS.get(kind, kind.removesuffix("s"))
    if isinstance(value, dict):
        for key in ("id", "axis"):
            if isinstance(value.get(key), (str, int)):
                return f"{noun} '{value[key]}'"
    return f"{noun} #{number}"


def _build(cls: type, value: Any, path: str, errors: list[str]) -> Any:
    """Build dataclass ``cls`` from a mapping, checking every field by its type hint."""
    if not isinstance(value, dict):
        errors.append(f"{path or 'entry'}: expected a mapping of fields")
        return None
    hints = _hints(cls)
    known = {f.name: f for f in fields(cls)}
    for key in value:
        if key not in known:
            errors.append(f"{_join(path, str(key))}: unknown field (fields are {', '.join(known)})")
    kwargs: dict[str, Any] = {}
    for name, f in known.items():
        where = _join(path, name)
        if name not in value:
            if f.default is MISSING and f.default_factory is MISSING:
                errors.append(f"{where}: missing field")
            continue
        kwargs[name] = _convert(hints[name], value[name], where, errors)
    if errors:
        return None
    return cls(**kwargs)


@cache
def _hints(cls: type) -> dict[str, Any]:
    return get_type_hints(cls)


def _convert(tp: Any, value: Any, path: str, errors: list[str]) -> Any:
    origin = get_origin(tp)
    if tp is Text:
        return _text(value, path, errors)
    if is_dataclass(tp):
        return _build(tp, value, path, errors)  # type: ignore[arg-type]
    if origin in (Union, types.UnionType):
        args = [a for a in get_args(tp) if a is not type(None)]
        if value is None:
            return None
        return _convert(args[0], value, path, errors)
    if origin is Literal:
        if value not in get_args(tp):
            errors.append(f"{path}: {value!r} is not one of {', '.join(map(repr, get_args(tp)))}")
        return value
    if origin is tuple:
        if not isinstance(value, list):
            errors.append(f"{path}: expected a list")
            return ()
        (item_type, _ellipsis) = get_args(tp)
        return tuple(_convert(item_type, v, f"{path}[{i}]", errors) for i, v in enumerate(value))
    if tp is str:
        if not isinstance(value, str) or not value.strip():
            errors.append(f"{path}: expected a non-empty text, got {value!r}")
        return value
    if tp is int:
        if not isinstance(value, int) or isinstance(value, bool):
            errors.append(f"{path}: expected a whole number, got {value!r}")
        return value
    if tp is bool:
        if not isinstance(value, bool):
            errors.append(f"{path}: expected true or false, got {value!r}")
        return value
    raise TypeError(f"no YAML conversion for type {tp!r}")  # a model change the loader must learn


def _text(value: Any, path: str, errors: list[str]) -> Text | None:
    if not isinstance(value, dict):
        errors.append(f"{path}: expected a translation mapping {{nl: ..., en: ...}}")
        return None
    ok = True
    for key in value:
        if key not in LANGUAGES:
            errors.append(f"{path}: unknown language '{key}'")
            ok = False
    for lang in LANGUAGES:
        text = value.get(lang)
        if lang not in value:
            errors.append(f"{path}: missing translation '{lang}'")
            ok = False
        elif not isinstance(text, str) or not text.strip():
            errors.append(f"{path}: empty translation '{lang}'")
            ok = False
    return Text(nl=value["nl"].strip(), en=value["en"].strip()) if ok else None


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


def _entry_id(entry: _Entry) -> str:
    obj = entry.obj
    return f"phase_{obj.axis}" if isinstance(obj, Phase) else obj.id


def _check(built: dict[str, list[_Entry]], problems: list[str]) -> None:
    """Cross-entry checks: unique ids, references, axis values, sources, contract ids."""
    seen: dict[str, _Entry] = {}
    for entry in _all_entries(built):
        key = _entry_id(entry)
        if key in seen:
            other = seen[key]
            problems.append(entry.where(f"duplicated id '{key}' (also {other.label} in {other.file})"))
        else:
            seen[key] = entry

    ids = {kind: {_entry_id(e) for e in entries} for kind, entries in built.items()}
    registry = {e.obj.id: e.obj for e in built.get("sources", [])}
    details = {e.obj.id: e.obj for e in built.get("phase_details", [])}
    for entry in _all_entries(built):
        _check_entry(entry, ids, registry, details, problems)
    _check_opposites(built, problems)

    for kind, required in CONTRACT_IDS.items():
        present = ids.get(kind, set())
        for missing in sorted(required - present):
            problems.append(f"{kind}: required id '{missing}' is missing")
        for entry in built.get(kind, []):
            if _entry_id(entry) not in required:
                problems.append(entry.where(f"id not allowed here (allowed: {', '.join(sorted(required))})"))

    axes = sorted(e.obj.axis for e in built.get("phases", []))
    if axes != list(AXIS):
        problems.append(f"phases: need exactly one entry per axis position 1-4, found {axes}")
    for kind in ("reflection_steps", "phase_details"):
        orders = sorted(e.obj.order for e in built.get(kind, []))
        if orders != list(range(1, len(orders) + 1)):
            problems.append(f"{kind}: order must run 1..n without gaps, found {orders}")
    modes = [(e.obj.trust, e.obj.vigilance) for e in built.get("trust_modes", [])]
    if len(set(modes)) != len(modes):
        problems.append("trust_modes: two modes share the same trust and vigilance")


def _all_entries(built: dict[str, list[_Entry]]) -> Iterator[_Entry]:
    """Every entry with an id, motives included (they are shown and referenced on their own)."""
    for kind in KINDS:  # fixed order, so the later kind is the one reported
        for entry in built.get(kind, []):
            yield entry
            if isinstance(entry.obj, MotiveCategory):
                for motive in entry.obj.motives:
                    yield _Entry(entry.file, "motives", f"motive '{motive.id}'", motive)


def _check_entry(
    entry: _Entry,
    ids: dict[str, set[str]],
    registry: dict[str, SourceText],
    details: dict[str, PhaseDetail],
    problems: list[str],
) -> None:
    obj = entry.obj
    add = problems.append

    def refs(values: Iterable[str], kind: str, field_name: str) -> None:
        for value in values:
            if value not in ids.get(kind, set()):
                add(entry.where(f"{field_name}: unknown {kind} id '{value}'"))

    def on_axis(values: tuple[int, ...], field_name: str) -> None:
        if not values:
            add(entry.where(f"{field_name}: needs at least one phase"))
        for value in values:
            if value not in AXIS:
                add(entry.where(f"{field_name}: {value} is not a phase on the axis 1-4"))
        if len(set(values)) != len(values):
            add(entry.where(f"{field_name}: a phase is listed twice"))

    if isinstance(obj, SourceText):
        if not re.fullmatch(r"\d{3}", obj.id):
            add(entry.where("a source id is a three-digit seed number such as '000'"))
        for prefix in obj.titles_only:
            if not re.fullmatch(r"§\d+(\.\d+)*", prefix):
                add(entry.where(f"titles_only: '{prefix}' must be a § number such as '§8.4'"))
    else:
        for message in source_problems(obj.source, registry):
            add(entry.where(message))
        _check_basis(entry, registry, problems)

    if isinstance(obj, Factor):
        if not obj.domains:
            add(entry.where("domains: needs at least one domain"))
        refs(obj.domains, "domains", "domains")
        if obj.discipline not in DISCIPLINES:
            add(entry.where(f"discipline '{obj.discipline}' is not one of {', '.join(sorted(DISCIPLINES))}"))
        if obj.subgroup is not None and (
            obj.subgroup not in SUBGROUPS or obj.kind != "success" or obj.discipline != "public_administration"
        ):
            add(entry.where("subgroup is only for public administration success conditions: contractual or partnership"))
        if obj.opposite is not None:
            refs([obj.opposite], "factors", "opposite")
    elif isinstance(obj, Problem):
        if not obj.domains:
            add(entry.where("domains: needs at least one domain"))
        refs(obj.domains, "domains", "domains")
        refs(obj.interventions, "interventions", "interventions")
        _unique([i.id for i in obj.indicators], entry, "indicators", problems)
    elif isinstance(obj, Intervention):
        on_axis(obj.phases, "phases")
        if obj.first_step is None:
            add(entry.where("first_step: missing field (every intervention needs a first step)"))
        refs(obj.phase_details, "phase_details", "phase_details")
        for detail_id in obj.phase_details:
            detail = details.get(detail_id)
            if detail is not None and not set(detail.axis) & set(obj.phases):
                add(entry.where(f"phase_details: '{detail_id}' lies on axis {list(detail.axis)}, "
                                f"outside the intervention's phases {list(obj.phases)}"))
        _check_fits(entry, obj.fits, ids, registry, problems)
    elif isinstance(obj, Paradox):
        on_axis(obj.phases, "phases")
    elif isinstance(obj, PhaseDetail):
        on_axis(obj.axis, "axis")
    elif isinstance(obj, PhaseModel):
        _unique([s.id for s in obj.stages], entry, "stages", problems)
        for stage in obj.stages:
            on_axis(stage.axis, f"stages '{stage.id}'.axis")
        covered = {a for s in obj.stages for a in s.axis}
        if not covered >= set(AXIS):
            add(entry.where(f"stages cover axis positions {sorted(covered)}; every model must cover 1-4"))
    elif isinstance(obj, Phase):
        if obj.axis not in AXIS:
            add(entry.where(f"axis {obj.axis} is not on the axis 1-4"))
    elif isinstance(obj, CollaborationForm):
        if obj.discipline not in DISCIPLINES:
            add(entry.where(f"discipline '{obj.discipline}' is not one of {', '.join(sorted(DISCIPLINES))}"))
        if obj.durability not in DURABILITIES:
            add(entry.where(f"durability '{obj.durability}' is not one of {', '.join(sorted(DURABILITIES))}"))
    elif isinstance(obj, MotiveCategory) and not obj.motives:
        add(entry.where("motives: a category needs at least one motive"))


def _check_basis(entry: _Entry, registry: dict[str, SourceText], problems: list[str]) -> None:
    """``basis: elaboration`` and ``elaboration_of`` go together; the latter names title-only sections."""
    obj = entry.obj
    if obj.basis == "elaboration" and obj.elaboration_of is None:
        problems.append(
            entry.where("basis: elaboration needs elaboration_of (the title-only section, e.g. '001 §8.4.5')")
        )
    if obj.elaboration_of is not None:
        if obj.basis != "elaboration":
            problems.append(entry.where("elaboration_of is set, so basis must be 'elaboration'"))
        problems.extend(entry.where(m) for m in elaboration_problems(obj.elaboration_of, registry))


def _check_fits(
    entry: _Entry,
    fits: tuple[ContextFit, ...],
    ids: dict[str, set[str]],
    registry: dict[str, SourceText],
    problems: list[str],
) -> None:
    """Each fit claim names known ids of its context, once per intervention, with a valid source."""
    seen: set[tuple[str, str]] = set()
    for number, fit in enumerate(fits):
        where = f"fits[{number}]"
        kind = FIT_KINDS[fit.context]
        if not fit.ids:
            problems.append(entry.where(f"{where}.ids: needs at least one {fit.context} id"))
        for value in fit.ids:
            if value not in ids.get(kind, set()):
                problems.append(entry.where(f"{where}.ids: unknown {kind} id '{value}'"))
            if (fit.context, value) in seen:
                problems.append(entry.where(f"{where}.ids: {fit.context} '{value}' is claimed twice"))
            seen.add((fit.context, value))
        problems.extend(entry.where(f"{where}.{m}") for m in source_problems(fit.source, registry))


def _check_opposites(built: dict[str, list[_Entry]], problems: list[str]) -> None:
    factors = {e.obj.id: e for e in built.get("factors", [])}
    for entry in factors.values():
        f = entry.obj
        other = factors.get(f.opposite) if f.opposite else None
        if other is None:
            continue
        if other.obj.kind == f.kind:
            problems.append(entry.where(f"opposite '{f.opposite}' must be of the other kind"))
        if other.obj.opposite != f.id:
            problems.append(entry.where(f"opposite '{f.opposite}' does not point back (its opposite is {other.obj.opposite!r})"))


def _unique(values: list[str], entry: _Entry, field_name: str, problems: list[str]) -> None:
    for value in {v for v in values if values.count(v) > 1}:
        problems.append(entry.where(f"{field_name}: duplicated id '{value}'"))


def _assemble(built: dict[str, list[_Entry]]) -> KnowledgeBase:
    def by_id(kind: str) -> dict[str, Any]:
        return {e.obj.id: e.obj for e in built.get(kind, [])}

    return KnowledgeBase(
        sources=by_id("sources"),
        domains=by_id("domains"),
        motive_categories=by_id("motive_categories"),
        paradoxes=by_id("paradoxes"),
        phases={e.obj.axis: e.obj for e in sorted(built["phases"], key=lambda e: e.obj.axis)},
        phase_models=by_id("phase_models"),
        factors=by_id("factors"),
        trust_quadrants=by_id("trust_quadrants"),
        trust_modes=by_id("trust_modes"),
        governance_advice=by_id("governance_advice"),
        reflection_steps=tuple(sorted((e.obj for e in built["reflection_steps"]), key=lambda s: s.order)),
        conflict_types=by_id("conflict_types"),
        problems=by_id("problems"),
        interventions=by_id("interventions"),
        collaboration_forms=by_id("collaboration_forms"),
        alliance_forms=by_id("alliance_forms"),
        governance_models=by_id("governance_models"),
        extra=by_id("extra"),
        phase_details={e.obj.id: e.obj for e in sorted(built["phase_details"], key=lambda e: e.obj.order)},
    )
