"""The alliance form offers exactly the knowledge base's forms, governance and phase models."""

from __future__ import annotations

import pytest

from samenspel.knowledge import load_knowledge
from samenspel.web.alliances import forms


@pytest.mark.parametrize("kind", ["collaboration_forms", "governance_models", "phase_models"])
def test_choices_come_from_the_knowledge_base(kind, monkeypatch):
    monkeypatch.undo()  # the autouse fixture replaced the real look-up
    kb = load_knowledge()
    ids = [key for key, _ in forms._kb_choices(kind)]
    assert ids == ["", *getattr(kb, kind)]
