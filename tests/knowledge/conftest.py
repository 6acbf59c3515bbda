"""Fixtures: a complete knowledge directory built from the package data.

The package's own YAML files are copied to a temporary directory, except
problems.yaml and interventions.yaml, which come from ``fixtures/`` so these
tests do not depend on the state of files another engineer owns. Broken
copies for the error tests are made by editing that directory.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from knowledge_helpers import make_kb_dir

from samenspel.knowledge import KnowledgeBase, load_knowledge_from


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
