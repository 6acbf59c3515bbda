"""Fixtures for the web tests: a small questionnaire, an alliance with partners,
an open round and logged-in users of different alliances."""

from __future__ import annotations

import datetime as dt

import pytest

from samenspel.i18n import Text
from samenspel.instrument.model import Instrument, Item, Option, Part
from samenspel.web.alliances import survey, tokens
from samenspel.web.alliances.models import Alliance, MeasurementRound, Membership, Partner, Respondent


def small_instrument(short: bool = False) -> Instrument:
    """Three pages with every item type the web form renders."""
    parts = (
        Part("p1", Text("Ambitie", "Ambition"), Text("Over het doel.", "About the goal.")),
        Part("p2", Text("Relaties", "Relations"), Text("", "")),
        Part("p3", Text("Tot slot", "Finally"), Text("", "")),
    )
    items = (
        Item("amb_01", "domain:ambition", "likert", Text("We delen een doel.", "We share a goal."), "p1", 1, 5),
        Item(
            "par_01", "paradox:open_closed:now", "bipolar", Text("Ons netwerk is nu", "Our network is now"), "p1", 1, 7,
            poles=(Text("open", "open"), Text("gesloten", "closed")),
        ),
        Item(
            "phase_01", "phase", "choice", Text("In welke fase zitten we?", "Which phase are we in?"), "p1",
            options=tuple(Option(f"ph{i}", i, Text(f"fase {i}", f"phase {i}")) for i in range(1, 5)),
            dont_know=False,
        ),
        Item("rel_trust", "relation:trust", "relation", Text("Ik vertrouw {partner}.", "I trust {partner}."), "p2", 1, 5),
        Item("mot_01", "motive:market", "check", Text("Nieuwe markten", "New markets"), "p3", 0, 1),
        Item("open_01", "open:remarks", "text", Text("Opmerkingen", "Remarks"), "p3"),
    )
    return Instrument("test", "1.0", ("nl", "en"), Text("Testlijst", "Test list"), 5, parts, items, short)


@pytest.fixture(autouse=True)
def _instrument(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(survey, "load_instrument", small_instrument)


KB_CHOICES = {
    "collaboration_forms": [("", "—"), ("joint_venture", "Joint venture / Joint venture")],
    "governance_models": [("", "—"), ("cooperative", "Coöperatief / Cooperative")],
    "phase_models": [("", "—"), ("boonstra", "Boonstra / Boonstra")],
}


@pytest.fixture(autouse=True)
def _knowledge(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fixed choices, so these tests do not depend on the knowledge base's contents
    (test_knowledge_choices checks the real one)."""
    from samenspel.web.alliances import forms

    monkeypatch.setattr(forms, "_kb_choices", lambda kind: KB_CHOICES[kind])


@pytest.fixture(autouse=True)
def _immediate_tasks(settings) -> None:  # type: ignore[no-untyped-def]
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # speed only
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def alliance(db) -> Alliance:  # type: ignore[no-untyped-def]
    a = Alliance.objects.create(name="Zorgnetwerk Oost", slug="zorg-oost")
    for code, name in (("A", "Gemeente"), ("B", "Ziekenhuis"), ("C", "Huisartsen")):
        Partner.objects.create(alliance=a, code=code, name=name)
    return a


@pytest.fixture
def rnd(alliance: Alliance) -> MeasurementRound:
    return MeasurementRound.objects.create(
        alliance=alliance, code="2026-1", name="Voorjaar 2026", opens=dt.date(2020, 1, 1)
    )


def make_respondent(rnd: MeasurementRound, partner: str = "A", code: str = "r1", lang: str = "nl") -> tuple[Respondent, str]:
    r = Respondent.objects.create(round=rnd, partner=rnd.alliance.partners.get(code=partner), code=code, language=lang)
    return r, tokens.issue(r)


@pytest.fixture
def respondent(rnd: MeasurementRound) -> tuple[Respondent, str]:
    return make_respondent(rnd)


@pytest.fixture
def other_alliance(db) -> Alliance:  # type: ignore[no-untyped-def]
    b = Alliance.objects.create(name="Havenalliantie", slug="haven")
    Partner.objects.create(alliance=b, code="X", name="Haven")
    MeasurementRound.objects.create(alliance=b, code="h1", name="Haven 1", opens=dt.date(2020, 1, 1))
    return b


@pytest.fixture
def facilitator(django_user_model, alliance: Alliance):  # type: ignore[no-untyped-def]
    user = django_user_model.objects.create_user("fien", password="pw-fien-123")
    Membership.objects.create(user=user, alliance=alliance, role=Membership.FACILITATOR)
    return user


@pytest.fixture
def fclient(client, facilitator):  # type: ignore[no-untyped-def]
    client.force_login(facilitator)
    return client
