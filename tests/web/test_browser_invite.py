"""A facilitator invites three partners in one step and follows who answered, in a real browser, on a
laptop (1366x900) and on a phone (390x844).

From an empty site: log in, create an alliance with a contact person, add three partners and a round
(codes derived from the names), paste a contacts list for all three partners at once, copy a link
from the participants table, and see the status change when one respondent opens the questionnaire
and another submits it. Every facilitator page on the way is checked at 390x844 and
1366x900 for horizontal scrolling and saved as a screenshot (``SAMENSPEL_SCREENSHOTS``, by
default ``var/screenshots/``, which git ignores). Real questionnaire; Debian's chromium via Playwright.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from browsercheck import PASSWORD, SIZES, log_in
from webhelpers import allow_alliances

from samenspel.web.alliances.models import Alliance, Respondent

pytestmark = [pytest.mark.browser, pytest.mark.real_questionnaire, pytest.mark.real_knowledge]

ROOT = Path(__file__).resolve().parents[2]


def _shots() -> Path:
    out = Path(os.environ.get("SAMENSPEL_SCREENSHOTS") or ROOT / "var" / "screenshots")
    out.mkdir(parents=True, exist_ok=True)
    return out


def _look(pages: dict[str, object], url: str, name: str) -> None:
    """Open ``url`` at both sizes: no horizontal scroll, and a full-page screenshot of each."""
    for size, page in pages.items():
        page.goto(url)  # type: ignore[attr-defined]
        width = SIZES[size]["width"]
        scroll = page.evaluate("document.documentElement.scrollWidth")  # type: ignore[attr-defined]
        assert scroll <= width, f"{name} scrolls sideways at {width} px ({scroll} px wide)"
        page.screenshot(path=str(_shots() / f"facilitator-{name}-{size}.png"), full_page=True)  # type: ignore[attr-defined]


def _device(size: str) -> dict[str, object]:
    touch = {"is_mobile": True, "has_touch": True} if size == "phone" else {}
    return {"viewport": SIZES[size], "locale": "nl-NL", **touch}


@pytest.mark.parametrize("size", ["laptop", "phone"])
@pytest.mark.django_db(transaction=True)
def test_facilitator_invites_three_partners_in_one_step_and_follows_who_answered(live_server, django_user_model,
                                                                                  browser_page, size):
    """The whole round on one device (``page``); every facilitator page also looked at on the other (``second``)."""
    from playwright.sync_api import expect

    allow_alliances(django_user_model.objects.create_user("fien", password=PASSWORD))
    url = live_server.url
    other = "phone" if size == "laptop" else "laptop"
    page = browser_page(**_device(size))
    page.context.grant_permissions(["clipboard-write"], origin=url)
    # The app's Permissions-Policy forbids reading the clipboard (rightly), so the test records what the
    # page writes to it instead.
    page.add_init_script("""window.__copied = [];
        if (navigator.clipboard) { const write = navigator.clipboard.writeText.bind(navigator.clipboard);
            navigator.clipboard.writeText = (t) => write(t).then(() => { window.__copied.push(t); }); }""")

    log_in(page, url, password=PASSWORD)
    second = browser_page(**_device(other))
    second.context.add_cookies(page.context.cookies())  # the same facilitator on the other device
    pages = {size: page, other: second}

    # an alliance with a contact person, three partners and a round: codes come from the names
    page.goto(f"{url}/nl/alliances/new/")
    page.get_by_label("Naam").fill("Zorgnetwerk Rivierenland")
    page.get_by_label("Contactpersoon voor deelnemers").fill("Fien Bakker")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("heading", name="Zorgnetwerk Rivierenland")).to_be_visible()
    expect(page.locator(".messages")).to_contain_text("Alliantie aangemaakt")
    slug = Alliance.objects.get(name="Zorgnetwerk Rivierenland").slug
    partner_form = page.locator("form[action$='/partners/']")
    for name in ("Gemeente Rivierstad", "Ziekenhuis Waalzicht", "Thuiszorg De Linge"):
        partner_form.get_by_label("Naam").fill(name)
        partner_form.get_by_role("button", name="Partner toevoegen").click()
        expect(page.locator(".messages")).to_contain_text(f"Partner toegevoegd: {name}")
    round_form = page.locator("form[action$='/rounds/']")
    round_form.get_by_label("Naam").fill("Voorjaar 2026")
    round_form.get_by_role("button", name="Ronde toevoegen").click()
    expect(page.locator(".messages")).to_contain_text("Ronde aangemaakt: Voorjaar 2026 (code voorjaar-2026)")
    expect(page).to_have_title("Voorjaar 2026 · Zorgnetwerk Rivierenland · Samenspel")
    expect(page.get_by_role("link", name="Diagnose bekijken")).to_have_count(0)  # nothing to diagnose yet
    round_url = f"{url}/nl/a/{slug}/rounds/voorjaar-2026/"
    _look(pages, f"{url}/nl/a/{slug}/", "alliance")
    _look(pages, round_url, "round-new")

    # a mistake in the list: the error stands next to the field, nobody is invited
    contacts = page.locator("form[action$='/invite/contacts/']")
    contacts.get_by_label(re.compile("Plak de lijst")).fill("Anna;anna@gemeente.nl;Brandweer")
    contacts.get_by_role("button", name="Uitnodigen").click()
    expect(page.locator("#contacts_contacts_error")).to_contain_text("Brandweer")
    page.screenshot(path=str(_shots() / f"facilitator-invite-error-{size}.png"), full_page=True)
    assert Respondent.objects.count() == 0

    # three partners invited in one step: two by e-mail, one with a link only
    contacts = page.locator("form[action$='/invite/contacts/']")
    contacts.get_by_label(re.compile("Plak de lijst")).fill(
        "naam;e-mail;partner;rol;taal\n"
        "Anna de Vries;anna@gemeente.nl;Gemeente Rivierstad;bestuur;nl\n"
        "Bram Jansen;bram@waalzicht.nl;Ziekenhuis Waalzicht;management;en\n"
        "Chris Li;;Thuiszorg De Linge;medewerker;nl\n")
    contacts.get_by_role("button", name="Uitnodigen").click()
    expect(page.locator(".messages")).to_contain_text("3 links gemaakt voor 3 partners")
    expect(page).to_have_title(re.compile("^Deelnemers · Voorjaar 2026"))
    rows = page.locator("table.participants tbody tr")
    expect(rows).to_have_count(3)
    expect(page.locator("#participants-summary")).to_contain_text("0 verstuurd")
    expect(page.locator(".status.not_opened")).to_have_count(3)

    # copy Chris's link (link only) with the button, as a facilitator pastes it into a chat
    chris = rows.filter(has_text="Chris Li")
    chris.get_by_role("button", name=re.compile("Link kopiëren")).click()
    expect(chris.get_by_role("button", name=re.compile("Gekopieerd"))).to_be_visible()
    link = page.evaluate("window.__copied[window.__copied.length - 1]")
    assert "/r/" in link and link == chris.locator("code.link").inner_text()
    expect(chris.get_by_role("button", name=re.compile("Herinneringstekst kopiëren"))).to_be_visible()
    anna_link = rows.filter(has_text="Anna de Vries").locator("code.link").inner_text()
    _look(pages, f"{url}/nl/a/{slug}/rounds/voorjaar-2026/links/", "participants-invited")

    # Chris opens the questionnaire; Anna answers it completely (other browsers, no login)
    chris_phone = browser_page(viewport=SIZES["phone"], locale="nl-NL", is_mobile=True, has_touch=True)
    chris_phone.goto(link)
    chris_phone.get_by_role("link", name="Beginnen").click()
    anna = browser_page(viewport=SIZES["phone"], locale="nl-NL", is_mobile=True, has_touch=True)
    anna.goto(anna_link)
    anna.get_by_role("link", name="Beginnen").click()
    answer_all = """() => { const seen = new Set();
        for (const r of document.querySelectorAll('input[type=radio]')) { if (seen.has(r.name)) continue;
            seen.add(r.name); const g = document.querySelectorAll(`input[type=radio][name="${r.name}"]`);
            g[Math.min(2, g.length - 1)].checked = true; } }"""
    anna.evaluate(answer_all)
    while anna.get_by_role("button", name="Opslaan en verder").count():
        anna.get_by_role("button", name="Opslaan en verder").click()
        anna.evaluate(answer_all)
    anna.get_by_role("button", name="Opslaan en nakijken").click()
    anna.get_by_role("button", name="Versturen").click()
    expect(anna.get_by_role("heading", name="Dank je wel")).to_be_visible()

    # the facilitator follows who answered
    page.reload()
    expect(page.locator("#participants-summary")).to_contain_text("1 verstuurd · 1 bezig · 1 nog niet geopend")
    rows = page.locator("table.participants tbody tr")
    expect(rows.filter(has_text="Anna de Vries").locator(".status")).to_have_text("verstuurd")
    expect(rows.filter(has_text="Chris Li").locator(".status")).to_have_text("bezig")
    expect(rows.filter(has_text="Bram Jansen").locator(".status")).to_have_text("nog niet geopend")
    expect(rows.filter(has_text="Anna de Vries").locator("time")).to_have_count(1)
    # a reminder: mailed to Bram, a text to copy for Chris, nothing for Anna
    expect(rows.filter(has_text="Anna de Vries").get_by_role("button", name=re.compile("Herinneringstekst"))) \
        .to_have_count(0)
    page.get_by_role("button", name=re.compile(r"Herinnering mailen aan wie nog niet verstuurde \(1\)")).click()
    expect(page.locator(".messages")).to_contain_text("1 herinnering wordt gemaild")
    expect(page.locator(".messages")).to_contain_text("1 deelnemer heeft alleen een link")
    _look(pages, f"{url}/nl/a/{slug}/rounds/voorjaar-2026/links/", "participants-answered")
    _look(pages, round_url, "round-answered")
    page.goto(round_url)
    expect(page.get_by_role("link", name="Diagnose bekijken")).to_be_visible()

    # rename a partner (its code stays) and look at the edit page
    page.goto(f"{url}/nl/a/{slug}/")
    page.get_by_role("link", name="naam wijzigen Ziekenhuis Waalzicht").click()
    _look(pages, page.url, "partner-edit")
    page.get_by_label("Naam").fill("Ziekenhuis Waalzicht Tiel")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.locator(".messages")).to_contain_text("heet nu Ziekenhuis Waalzicht Tiel")

    # closing the round hides the invitations
    page.goto(round_url)
    page.get_by_role("button", name="Ronde sluiten").click()
    expect(page.locator("#closed-note")).to_be_visible()
    expect(page.locator("form[action$='/invite/contacts/']")).to_have_count(0)
    _look(pages, round_url, "round-closed")
    _look(pages, f"{url}/en/a/{slug}/rounds/voorjaar-2026/links/", "participants-en")
