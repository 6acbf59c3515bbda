"""Fixtures: a complete knowledge directory built from the package data.

The package's own YAML files are copied to a temporary directory, except
problems.yaml and interventions.yaml, which come from ``fixtures/`` so these
tests do not depend on the state of files another engineer owns. Broken
copies for the error tests are made by editing that directory.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from samenspel.knowledge import KnowledgeBase, load_knowledge_from
from samenspel.knowledge.loader import data_dir

FIXTURES = Path(__file__).parent / "fixtures"
OTHER_ENGINEERS_FILES = ("problems.yaml", "interventions.yaml")


def make_kb_dir(target: Path) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    for path in data_dir().iterdir():
        if path.name.endswith(".yaml") and path.name not in OTHER_ENGINEERS_FILES:
            (target / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    for name in OTHER_ENGINEERS_FILES:
        shutil.copy(FIXTURES / name, target / name)
    return target


@pytest.fixture
def kb_dir(tmp_path: Path) -> Path:
    """A fresh, valid knowledge directory to break in a test."""
    return make_kb_dir(tmp_path / "data")


@pytest.fixture(scope="session")
def kb_dir_session(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_kb_dir(tmp_path_factory.mktemp("kb") / "data")


@pytest.fixture(scope="session")
def kb(kb_dir_session: Path) -> KnowledgeBase:
    """Our data (everything except problems and interventions), loaded and validated."""
    return load_knowledge_from(kb_dir_session)


def edit_yaml(directory: Path, name: str, change: Callable[[Any], Any]) -> None:
    """Load ``name``, apply ``change`` to the parsed data (in place or by return), write it back."""
    path = directory / name
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    result = change(data)
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    path.write_text(yaml.dump(data if result is None else result, Dumper=dumper, allow_unicode=True), encoding="utf-8")
