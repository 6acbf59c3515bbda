"""Helpers for the knowledge tests (a module name unique across tests/, unlike conftest)."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable, Iterator
from dataclasses import fields, is_dataclass
from pathlib import Path
from typing import Any

import yaml

from samenspel.i18n import Text
from samenspel.knowledge.loader import data_dir

FIXTURES = Path(__file__).parent / "fixtures"
OTHER_ENGINEERS_FILES = ("problems.yaml", "interventions.yaml")
SEEDS = Path("/work/shared/seeds")


def make_kb_dir(target: Path) -> Path:
    """Our package YAML plus the fixture problems/interventions, in ``target``."""
    target.mkdir(parents=True, exist_ok=True)
    for path in data_dir().iterdir():
        if path.name.endswith(".yaml") and path.name not in OTHER_ENGINEERS_FILES:
            (target / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    for name in OTHER_ENGINEERS_FILES:
        shutil.copy(FIXTURES / name, target / name)
    return target


def edit_yaml(directory: Path, name: str, change: Callable[[Any], Any]) -> None:
    """Load ``name``, apply ``change`` to the parsed data (in place or by return), write it back."""
    path = directory / name
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    result = change(data)
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    path.write_text(yaml.dump(data if result is None else result, Dumper=dumper, allow_unicode=True), encoding="utf-8")


def texts(obj: Any, path: str = "") -> Iterator[tuple[str, Text]]:
    """Every Text inside an entry, with a readable path."""
    if isinstance(obj, Text):
        yield path, obj
    elif isinstance(obj, tuple):
        for i, item in enumerate(obj):
            yield from texts(item, f"{path}[{i}]")
    elif is_dataclass(obj):
        for f in fields(obj):
            yield from texts(getattr(obj, f.name), f"{path}.{f.name}")


def normalise(text: str) -> str:
    text = re.sub(r"-\s*\n\s*", "", text)  # words hyphenated over a line break
    return " ".join(re.findall(r"[\w']+", text.lower()))


def copied_windows(items: dict[str, tuple[str, Any]], words: int = 8) -> list[str]:
    """Dutch texts sharing ``words`` consecutive words with a seed: one line per offending text.

    Citations are skipped: a book's title is a name and carries over as it is.
    """
    seeds = " ".join(normalise(p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*.txt")))
    copied = []
    for entry_id, (_kind, obj) in items.items():
        for path, text in texts(obj):
            if path.endswith("citation"):
                continue
            tokens = normalise(text.nl).split()
            for i in range(len(tokens) - words + 1):
                window = " ".join(tokens[i : i + words])
                if window in seeds:
                    copied.append(f"{entry_id}{path}: {window}")
                    break
    return copied
