"""A respondent answers the whole questionnaire on a phone in Dutch (real chromium).

Runs against pytest-django's live server; Playwright drives Debian's
chromium (never a downloaded browser).
"""

from __future__ import annotations

import pytest

from samenspel.web.alliances.models import Answer, Respondent

from webhelpers import make_respondent

pytestmark = pytest.mark.browser


@pytest.mark.django_db(transaction=True)
def test_respondent_answers_everything_on_a_phone_in_dutch(live_server, rnd, browser_page):
    from playwright.sync_api import expect

    respondent, token = make_respondent(rnd, "A", "phone")
    # one browser for the whole session (conftest.chromium); a fresh phone-sized context here
    page = browser_page(viewport={"width": 390, "height": 844}, locale="nl-NL", is_mobile=True, has_touch=True)
    page.goto(f"{live_server.url}/r/{token}/")
    expect(page.get_by_role("heading", name="Testlijst")).to_be_visible()
    # nothing wider than the phone: no sideways scrolling
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.get_by_role("link", name="Beginnen").click()

    # page 1: keyboard use with a visible focus ring, labelled scales, poles
    expect(page.get_by_text("Deel 1 van 3")).to_be_visible()
    page.get_by_label("eens", exact=True).first.focus()
    page.keyboard.press("Space")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"
    page.get_by_role("group", name="Ons netwerk is nu").get_by_label("2", exact=True).check()
    page.get_by_role("group", name="In welke fase zitten we?").get_by_label("fase 3").check()
    page.get_by_role("button", name="Opslaan en verder").click()

    # page 2: the relation grid over the other partners
    expect(page.get_by_text("Deel 2 van 3")).to_be_visible()
    page.get_by_label("Ik vertrouw Ziekenhuis.: hoog").check()
    page.get_by_label("Ik vertrouw Huisartsen.: weet ik niet / n.v.t.").check()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.get_by_role("button", name="Opslaan en verder").click()

    # page 3: a checkbox and an open answer, then review
    assert page.locator(".check label").bounding_box()["height"] >= 44  # a comfortable target for a thumb
    page.get_by_label("Nieuwe markten").check()
    page.get_by_label("Opmerkingen").fill("Mooi traject, meer tempo graag.")
    page.get_by_role("button", name="Opslaan en nakijken").click()
    expect(page.get_by_role("heading", name="Nakijken en versturen")).to_be_visible()
    expect(page.locator("#review-summary")).to_contain_text("4 van de 5 vragen")  # the short review: counts
    expect(page.get_by_text("1 van 1 ingevuld (niet verplicht)")).to_be_visible()
    page.get_by_role("button", name="Versturen").click()
    expect(page.get_by_role("heading", name="Dank je wel")).to_be_visible()

    respondent = Respondent.objects.get(pk=respondent.pk)
    assert respondent.submitted_at is not None
    got = {(a.item, a.target.code if a.target else None, a.value, a.dont_know, a.text) for a in Answer.objects.filter(respondent=respondent)}
    assert got == {
        ("amb_01", None, 4.0, False, ""),
        ("par_01", None, 2.0, False, ""),
        ("phase_01", None, 3.0, False, ""),
        ("rel_trust", "B", 5.0, False, ""),
        ("rel_trust", "C", None, True, ""),
        ("mot_01", None, 1.0, False, ""),
        ("open_01", None, None, False, "Mooi traject, meer tempo graag."),
    }
