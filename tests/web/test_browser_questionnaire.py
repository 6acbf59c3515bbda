"""In a real chromium: a facilitator chooses modules and sees the time add up; a respondent of a 2.0
round sees the estimate and the time left, on a phone and on a laptop.

Screenshots go to ``$SAMENSPEL_SCREENSHOTS``, by default ``var/screenshots`` (browsercheck.shots).
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from samenspel.instrument import default_selection, estimate, to_minutes
from samenspel.knowledge import load_knowledge
from samenspel.web.alliances import survey
from samenspel.web.alliances.models import Alliance, MeasurementRound, Membership, Partner

from browsercheck import PASSWORD, SIZES, log_in, shots
from webhelpers import make_respondent

pytestmark = [pytest.mark.browser, pytest.mark.real_questionnaire, pytest.mark.real_knowledge]


def _six_partners() -> Alliance:
    alliance = Alliance.objects.create(name="Zorgnetwerk Oost", slug="zorg-oost")
    for i, name in enumerate(("Gemeente", "Ziekenhuis", "Huisartsen", "Thuiszorg", "Welzijn", "Verzekeraar")):
        Partner.objects.create(alliance=alliance, code=chr(65 + i), name=name)
    return alliance


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("size", ["phone", "laptop"])
def test_facilitator_picks_modules_and_sees_the_time(live_server, django_user_model, browser_page, tmp_path, size):
    from playwright.sync_api import expect

    user = django_user_model.objects.create_user("fien", password=PASSWORD)
    alliance = _six_partners()
    Membership.objects.create(user=user, alliance=alliance, role=Membership.FACILITATOR)
    page = browser_page(viewport=SIZES[size], locale="nl-NL")
    log_in(page, live_server.url, password=PASSWORD)
    page.goto(f"{live_server.url}/nl/a/zorg-oost/")
    minutes = page.locator("#round-minutes")
    default = to_minutes(estimate(survey.round_questionnaire(MeasurementRound(
        alliance=alliance, modules=list(default_selection(load_knowledge()).modules),
        paradoxes=list(default_selection(load_knowledge()).paradoxes))), "nl", 6).seconds)
    expect(minutes).to_have_text(str(default))
    form = page.locator("#round-form")
    form.get_by_label(re.compile("Leiding en bestuur")).check()
    expect(minutes).to_have_text(str(default + 2))  # the module adds about 1.5 minutes
    form.get_by_label(re.compile("Overige faalfactoren")).check()
    expect(minutes).not_to_have_text(str(default + 2))
    form.get_by_label(re.compile("Overige faalfactoren")).uncheck()
    form.get_by_label(re.compile("^Fase van de samenwerking")).select_option("2")
    kb = load_knowledge()
    expect(form.get_by_label(kb.paradoxes["contract_partnership"].name.nl, exact=False)).to_be_checked()
    expect(form.get_by_label(kb.paradoxes["central_local"].name.nl, exact=False)).not_to_be_checked()
    assert page.evaluate("document.documentElement.scrollWidth") <= SIZES[size]["width"]
    form.screenshot(path=str(shots() / f"facilitator-modules-{size}.png"))
    form.get_by_label("Naam").fill("Najaar 2026")
    form.get_by_label("Code").fill("2026-2")
    form.get_by_role("button", name="Ronde toevoegen").click()
    expect(page.locator("#estimated-time")).to_contain_text(f"ongeveer {default + 2} minuten")
    rnd = MeasurementRound.objects.get(code="2026-2")
    assert "leadership" in rnd.modules and "contract_partnership" in rnd.paradoxes
    page.screenshot(path=str(shots() / f"facilitator-round-{size}.png"), full_page=True)


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("size", ["phone", "laptop"])
def test_respondent_sees_the_estimate_and_the_time_left(live_server, browser_page, tmp_path, size):
    from playwright.sync_api import expect

    alliance = _six_partners()
    chosen = default_selection(load_knowledge(), 3)
    rnd = MeasurementRound.objects.create(alliance=alliance, code="v2", name="Voorjaar", opens=dt.date(2020, 1, 1),
                                          modules=list(chosen.modules), paradoxes=list(chosen.paradoxes))
    _, token = make_respondent(rnd, "A", "phone")
    e = estimate(survey.round_questionnaire(rnd), "nl", 6)
    page = browser_page(viewport=SIZES[size], locale="nl-NL", is_mobile=size == "phone", has_touch=size == "phone")
    page.goto(f"{live_server.url}/r/{token}/")
    expect(page.locator("#estimate")).to_have_text(f"{to_minutes(e.seconds)} minuten")
    page.screenshot(path=str(shots() / f"questionnaire-respondent-start-{size}.png"), full_page=True)
    page.get_by_role("link", name="Beginnen").click()
    expect(page.locator("#time-left")).to_have_text(f"Nog ongeveer {to_minutes(e.seconds)} minuten")
    assert page.evaluate("document.documentElement.scrollWidth") <= SIZES[size]["width"]
    page.screenshot(path=str(shots() / f"questionnaire-respondent-page1-{size}.png"))
    page.get_by_role("button", name="Opslaan en verder").click()
    page.get_by_role("button", name="Toch verder").click()  # nothing answered: the note lists it, go on anyway
    expect(page.get_by_text("Deel 2 van 8")).to_be_visible()
    second = survey.pages(survey.round_questionnaire(rnd))[1].id
    expect(page.locator("#time-left")).to_have_text(re.compile(rf"Nog ongeveer {to_minutes(e.remaining(second))} minu"))
    assert page.evaluate("document.documentElement.scrollWidth") <= SIZES[size]["width"]
    page.screenshot(path=str(shots() / f"respondent-grid-{size}.png"), full_page=True)
    for _ in range(4):  # to the key factors: yes / no / don't know
        page.get_by_role("button", name="Opslaan en verder").click()
        page.get_by_role("button", name="Toch verder").click()
    expect(page.get_by_role("heading", name="Wat herken je?")).to_be_visible()
    page.get_by_role("group", name="De macht is ongelijk verdeeld tussen de partners.").get_by_label("ja").check()
    page.screenshot(path=str(shots() / f"respondent-factors-{size}.png"), full_page=True)
