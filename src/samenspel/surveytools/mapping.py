"""A mapping file: which column of a tool's export holds which answer, for exports with codes of their own.

A round fielded with the organisation's own question codes (or a
questionnaire built by hand in the tool) can still be imported when a YAML
file says what the columns mean (docs/SURVEY-TOOLS.md, "Mapping file")::

    columns:
      Q1: partner                 # the respondent's own organisation
      Q2: role                    # board, manager, staff or other
      Q3_1: amb_01                # an item of the questionnaire
      Q7_2: {item: rel_trust, target: Ziekenhuis}   # a relation item, about one partner
      Q_Extra: ignore             # a column that is not part of the questionnaire
    values:                       # answer texts or codes -> values (for every mapped column)
      Helemaal mee eens: 5
      Weet ik niet: dont_know
    partners:                     # answers in the partner column -> partner
      "1": Gemeente
    roles:                        # answers in the role column -> role
      Directeur: board

Columns not named here are still recognised by Samenspel's own codes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from samenspel.errors import InputError, Problem, SamenspelError
from samenspel.instrument.model import Instrument
from samenspel.responses.model import MISSING_REASONS, ROLES

SPECIAL = ("partner", "role", "respondent", "language", "ignore")
MAX_MAPPING_BYTES = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Target:
    """What a mapped column holds: a special field, or an item (for one partner)."""

    field: str  # partner | role | respondent | language | ignore | item
    item: str | None = None
    target: str | None = None


@dataclass
class Mapping:
    columns: dict[str, Target] = field(default_factory=dict)
    values: dict[str, float | str] = field(default_factory=dict)  # label -> number, or a missing reason
    partners: dict[str, str] = field(default_factory=dict)
    roles: dict[str, str] = field(default_factory=dict)
    source: str = "<mapping>"

    def column(self, name: str) -> Target | None:
        found = self.columns.get(name.strip())
        if found is None:
            folded = name.strip().casefold()
            found = next((t for k, t in self.columns.items() if k.casefold() == folded), None)
        return found


def read_mapping(data: bytes, source: str, instrument: Instrument) -> Mapping:
    """Read and check a mapping file; every problem is named with the file and the key."""
    if len(data) > MAX_MAPPING_BYTES:
        raise SamenspelError(f"{source}: a mapping file of {len(data):,} bytes is too large (limit 1 MB)")
    try:
        raw = yaml.safe_load(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise SamenspelError(f"{source}: the mapping file is not UTF-8 text") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise InputError([Problem(source, line, f"not valid YAML ({getattr(exc, 'problem', exc)})")]) from None
    problems: list[str] = []
    if not isinstance(raw, dict) or not isinstance(raw.get("columns"), dict):
        raise InputError([Problem(source, None, "a mapping file needs a section 'columns:' with one line per "
                                                "column, e.g. 'Q3_1: amb_01' (see docs/SURVEY-TOOLS.md)")])
    unknown = [k for k in raw if k not in ("columns", "values", "partners", "roles")]
    if unknown:
        problems.append(f"unknown section(s) {', '.join(map(str, unknown))}; allowed are columns, values, "
                        "partners, roles")
    mapping = Mapping(source=source)
    for key, value in raw["columns"].items():
        target = _target(str(key), value, instrument, problems)
        if target is not None:
            mapping.columns[str(key).strip()] = target
    for label, value in (raw.get("values") or {}).items():
        if isinstance(value, bool) or not isinstance(value, int | float | str):
            problems.append(f"values: '{label}' must map to a number or to one of {', '.join(MISSING_REASONS)}")
        elif isinstance(value, str) and value not in MISSING_REASONS:
            problems.append(f"values: '{label}' maps to '{value}'; use a number or one of {', '.join(MISSING_REASONS)}")
        else:
            mapping.values[str(label).strip()] = float(value) if not isinstance(value, str) else value
    for label, value in (raw.get("partners") or {}).items():
        if not isinstance(value, str | int) or not str(value).strip():
            problems.append(f"partners: '{label}' must map to a partner name")
        else:
            mapping.partners[str(label).strip()] = str(value).strip()
    for label, value in (raw.get("roles") or {}).items():
        if str(value).strip().lower() not in ROLES:
            problems.append(f"roles: '{label}' maps to '{value}'; use one of {', '.join(ROLES)}")
        else:
            mapping.roles[str(label).strip()] = str(value).strip().lower()
    if problems:
        raise InputError([Problem(source, None, p) for p in problems])
    return mapping


def _target(key: str, value: Any, instrument: Instrument, problems: list[str]) -> Target | None:
    if isinstance(value, str) and value.strip() in SPECIAL:
        return Target(value.strip())
    item_id, target = (value, None) if isinstance(value, str) else (None, None)
    if isinstance(value, dict):
        item_id, target = value.get("item"), value.get("target")
        extra = [k for k in value if k not in ("item", "target")]
        if extra:
            problems.append(f"columns: '{key}' has unknown key(s) {', '.join(map(str, extra))}; use item and target")
    if not isinstance(item_id, str) or not item_id.strip():
        problems.append(f"columns: '{key}' must map to an item id, to {{item: ..., target: ...}} or to one of "
                        f"{', '.join(SPECIAL)}")
        return None
    item_id = item_id.strip()
    if not instrument.has_item(item_id):
        problems.append(f"columns: '{key}' maps to unknown item '{item_id}'; it is not in questionnaire "
                        f"{instrument.id} {instrument.version}")
        return None
    relation = instrument.item(item_id).type == "relation"
    if relation and not (isinstance(target, str) and target.strip()):
        problems.append(f"columns: '{key}' maps to relation item {item_id}; add the partner it is about, "
                        f"e.g. {{item: {item_id}, target: Gemeente}}")
        return None
    if not relation and target is not None:
        problems.append(f"columns: '{key}' gives a target for {item_id}, which is not a relation item")
        return None
    return Target("item", item_id, target.strip() if isinstance(target, str) else None)
