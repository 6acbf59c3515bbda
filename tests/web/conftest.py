"""Fixtures for the web tests: a small questionnaire, an alliance with partners,
an open round and logged-in users of different alliances."""

from __future__ import annotations

import datetime as dt
import os

import pytest

from webhelpers import allow_alliances, make_respondent, small_instrument

from samenspel.web.alliances import survey
from samenspel.web.alliances.models import Alliance, MeasurementRound, Membership, Partner, Respondent
from samenspel.web.alliances.texts import bi


@pytest.fixture(autouse=True)
def _instrument(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """The small test questionnaire, unless the test is marked ``real_questionnaire``."""
    if request.node.get_closest_marker("real_questionnaire") is None:
        monkeypatch.setattr(survey, "load_instrument", small_instrument)


KB_CHOICES = {
    "collaboration_forms": [("", "—"), ("joint_venture", bi("Gezamenlijke onderneming", "Joint venture"))],
    "alliance_forms": [("", "—"), ("multi_partner", bi("Alliantie met meerdere partners", "Multi-partner alliance"))],
    "governance_models": [("", "—"), ("cooperative", bi("Coöperatief", "Cooperative"))],
    "phase_models": [("", "—"), ("boonstra", bi("Boonstra", "Boonstra"))],
}


@pytest.fixture(autouse=True)
def _knowledge(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Fixed choices, so these tests do not depend on the knowledge base's contents
    (test_knowledge_choices checks the real one), unless the test is marked ``real_knowledge``."""
    if request.node.get_closest_marker("real_knowledge") is not None:
        return
    from samenspel.web.alliances import forms

    monkeypatch.setattr(forms, "_kb_choices", lambda kind: KB_CHOICES[kind])


@pytest.fixture(autouse=True)
def _fresh_throttles() -> None:
    """API throttles count in the cache, which outlives a test's database; each test starts at zero."""
    from django.core.cache import cache

    cache.clear()


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
    allow_alliances(user)
    return user


@pytest.fixture
def fclient(client, facilitator):  # type: ignore[no-untyped-def]
    client.force_login(facilitator)
    return client


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="session")
def chromium():  # type: ignore[no-untyped-def]
    """One headless Debian chromium for the whole session (Playwright; never a downloaded browser)."""
    if not os.path.exists(CHROMIUM):
        pytest.skip("chromium is not installed at /usr/bin/chromium")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop open in this thread for as long as the
    # browser lives, and Django refuses ORM calls while a loop is running. The tests are
    # plain synchronous code, so allow it for the rest of the session (fixtures and
    # teardowns of later tests included), and restore the setting at the end.
    before = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            yield browser
            browser.close()
    finally:
        if before is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = before


@pytest.fixture
def browser_page(chromium):  # type: ignore[no-untyped-def]
    """Makes pages, each in a fresh context (own cookies, viewport, locale); closed after the test."""
    made = []

    def make(**kwargs):  # type: ignore[no-untyped-def]
        context = chromium.new_context(**kwargs)
        context.set_default_timeout(15000)
        made.append(context)
        return context.new_page()

    yield make
    for context in made:
        context.close()
