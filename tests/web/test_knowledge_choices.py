"""The alliance form offers exactly the knowledge base's forms, governance and phase models."""

from __future__ import annotations

import pytest

from samenspel.knowledge import load_knowledge
from samenspel.web.alliances import forms


@pytest.mark.parametrize("kind", ["collaboration_forms", "alliance_forms", "governance_models", "phase_models"])
def test_choices_come_from_the_knowledge_base(kind, monkeypatch):
    monkeypatch.undo()  # the autouse fixture replaced the real look-up
    kb = load_knowledge()
    ids = [key for key, _ in forms._kb_choices(kind)]
    assert ids == ["", *getattr(kb, kind)]


@pytest.mark.django_db
def test_the_alliance_form_reaches_the_reading(monkeypatch):
    """Stored per alliance, the alliance form is in the reading's context (advice, norms groups), so the
    advice no longer asks for it."""
    from samenspel.web.alliances.diagnosis import context_of
    from samenspel.web.alliances.models import Alliance

    monkeypatch.undo()
    kb = load_knowledge()
    form_id = next(iter(kb.alliance_forms))
    alliance = Alliance.objects.create(name="Havenalliantie", slug="haven", alliance_form=form_id)
    assert context_of(alliance).alliance_form == form_id
    bound = forms.AllianceForm({"name": "Havenalliantie", "slug": "haven2", "alliance_form": form_id,
                                "min_group": 3})
    assert bound.is_valid(), bound.errors
    assert bound.cleaned_data["alliance_form"] == form_id
