"""What the reading knows about the alliance besides its answers: name, form, governance, partners.

The web app holds these fields per alliance; the command line reads them from
an optional alliance context file (``alliance.yaml`` beside the response file,
docs/FORMATS.md §5), so CLI, report and web give the same context-dependent
advice. Every id is checked against the knowledge base; a bad file is a clear
error naming the file and the field.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from samenspel.errors import SamenspelError
from samenspel.knowledge.model import KnowledgeBase

FILE_NAME = "alliance.yaml"
FIELDS = ("name", "collaboration_form", "alliance_form", "governance_model", "phase_model", "privacy", "norms",
          "partners")


@dataclass(frozen=True)
class AllianceContext:
    """The alliance's own settings; every field may be unknown."""

    name: str | None = None
    collaboration_form: str | None = None  # knowledge base: collaboration_forms (000 Tabel 1)
    alliance_form: str | None = None  # knowledge base: alliance_forms (003)
    governance_model: str | None = None  # knowledge base: governance_models (003)
    phase_model: str | None = None  # knowledge base: phase_models
    min_group: int | None = None  # privacy.min_group; None = the analysis default
    norms: bool = False  # contributes to norms (issue 16); False until opted in
    partners: Mapping[str, str] = field(default_factory=dict)  # partner code -> display name
    rounds: Mapping[str, str] = field(default_factory=dict)  # round code -> display name (the web app's round names)
    source: str = ""  # where it came from, for messages
    # changes of the minimum group size made after answers came in: (ISO date, old, new), for the method appendix
    min_group_changes: tuple[tuple[str, int, int], ...] = ()


def _check_id(kb: KnowledgeBase, where: str, name: str, value: object, known: Mapping[str, object]) -> str | None:
    if value in (None, ""):
        return None
    if not isinstance(value, str) or value not in known:
        choices = ", ".join(sorted(known))
        raise SamenspelError(f"{where}: unknown {name} {value!r}; choose one of {choices}")
    return value


def context_from(data: Mapping[str, Any], kb: KnowledgeBase, where: str) -> AllianceContext:
    """An AllianceContext from parsed YAML (or a dict), every id checked against ``kb``."""
    if not isinstance(data, Mapping):
        raise SamenspelError(f"{where}: expected a mapping of fields ({', '.join(FIELDS)})")
    unknown = [k for k in data if k not in FIELDS]
    if unknown:
        raise SamenspelError(f"{where}: unknown field {unknown[0]!r}; allowed fields are {', '.join(FIELDS)}")
    privacy = data.get("privacy") or {}
    if not isinstance(privacy, Mapping) or any(k != "min_group" for k in privacy):
        raise SamenspelError(f"{where}: privacy holds only min_group, e.g. 'privacy: {{min_group: 3}}'")
    min_group = privacy.get("min_group")
    if min_group is not None and (not isinstance(min_group, int) or isinstance(min_group, bool) or min_group < 1):
        raise SamenspelError(f"{where}: privacy.min_group must be a whole number of at least 1, not {min_group!r}")
    partners = data.get("partners") or {}
    if not isinstance(partners, Mapping) or not all(isinstance(k, str) and isinstance(v, str)
                                                     for k, v in partners.items()):
        raise SamenspelError(f"{where}: partners maps each partner code to its name, e.g. 'GEM: Gemeente Rivierstad'")
    name = data.get("name")
    if name is not None and not isinstance(name, str):
        raise SamenspelError(f"{where}: name must be text")
    norms = data.get("norms", False)
    if not isinstance(norms, bool):
        raise SamenspelError(f"{where}: norms must be true or false")
    return AllianceContext(
        name=name,
        collaboration_form=_check_id(kb, where, "collaboration_form", data.get("collaboration_form"),
                                     kb.collaboration_forms),
        alliance_form=_check_id(kb, where, "alliance_form", data.get("alliance_form"), kb.alliance_forms),
        governance_model=_check_id(kb, where, "governance_model", data.get("governance_model"), kb.governance_models),
        phase_model=_check_id(kb, where, "phase_model", data.get("phase_model"), kb.phase_models),
        min_group=min_group, norms=norms, partners=dict(partners), source=where,
    )


def load_context(path: str | Path, kb: KnowledgeBase) -> AllianceContext:
    """Read an alliance context file; a clear error for an unreadable or invalid one."""
    import yaml

    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SamenspelError(f"{path}: file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise SamenspelError(f"{path}: cannot read the file ({exc})") from None
    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        raise SamenspelError(f"{path}{line}: not valid YAML ({getattr(exc, 'problem', exc)})") from None
    return context_from(data, kb, str(path))


def beside(responses: str | Path) -> Path | None:
    """The context file next to a response file, if there is one."""
    candidate = Path(responses).with_name(FILE_NAME)
    return candidate if candidate.is_file() else None
