"""A facilitator runs a round in a real browser, from an empty site to the diagnosis.

Log in, create an alliance with partners and a round, make personal links,
import a response file through the form (the demo's autumn round, written
by samenspel.demo), read the diagnosis on the dashboard, then one more
respondent answers through a link and the counts change. Real questionnaire
and knowledge base; Debian's chromium via Playwright (one browser per session).
"""

from __future__ import annotations

import re

import pytest
from browsercheck import PASSWORD, log_in
from webhelpers import allow_alliances

from samenspel.demo import make_demo
from samenspel.knowledge import load_knowledge
from samenspel.responses.writer import to_csv
from samenspel.web.alliances.models import Alliance, Respondent

pytestmark = [pytest.mark.browser, pytest.mark.real_questionnaire, pytest.mark.real_knowledge]


@pytest.mark.django_db(transaction=True)
def test_facilitator_invites_imports_and_sees_the_dashboard_change(live_server, django_user_model, browser_page,
                                                                   tmp_path):
    from playwright.sync_api import expect

    allow_alliances(django_user_model.objects.create_user("fien", password=PASSWORD))
    autumn = make_demo().for_round("2025-najaar")
    upload = tmp_path / "najaar.csv"
    upload.write_text(to_csv(autumn), encoding="utf-8")
    n_file = len(autumn.respondents())
    kb = load_knowledge()
    url = live_server.url
    page = browser_page(viewport={"width": 1200, "height": 900}, locale="nl-NL")

    # log in
    page.goto(f"{url}/nl/")
    expect(page).to_have_url(re.compile(r"/nl/login/"))
    log_in(page, url, password=PASSWORD)

    # create an alliance, two partners (the others come with the file) and a round
    page.goto(f"{url}/nl/alliances/new/")
    page.get_by_label("Naam").fill("Zorgnetwerk Proef")
    page.get_by_label("Korte code").fill("zorg-proef")
    page.get_by_label("Fasemodel").select_option(index=1)
    page.get_by_role("button", name=re.compile("Opslaan|Aanmaken|Save|Create")).click()
    expect(page.get_by_role("heading", name="Zorgnetwerk Proef")).to_be_visible()
    partner_form = page.locator("form[action$='/partners/']")
    for name in ("Ziekenhuis Waalzicht", "Gemeente Rivierstad"):
        partner_form.get_by_label("Naam").fill(name)
        partner_form.get_by_label("Code").fill(name)
        partner_form.get_by_role("button", name="Partner toevoegen").click()
        expect(page.locator("#partners-h + ul")).to_contain_text(name)
    round_form = page.locator("form[action$='/rounds/']")
    round_form.get_by_label("Naam").fill("Najaar 2025")
    round_form.get_by_label("Code").fill("najaar")
    round_form.get_by_role("button", name="Ronde toevoegen").click()  # opens the new round's page
    expect(page.get_by_role("heading", name=re.compile("Najaar 2025"))).to_be_visible()

    # two personal links for the hospital
    invite = page.locator("form[action$='/invite/anonymous/']")  # a number per partner, all in one form
    invite.get_by_label("Ziekenhuis Waalzicht").fill("2")
    invite.get_by_role("button", name="Links maken").click()
    links = page.locator("code.link").all_inner_texts()
    assert len(links) == 2 and all("/r/" in link for link in links)

    # import the demo's autumn round through the form
    page.get_by_role("link", name="← Najaar 2025").click()
    page.get_by_label("Antwoordbestand").set_input_files(str(upload))
    page.get_by_role("button", name="Importeren").click()
    expect(page.locator(".messages")).to_contain_text(str(n_file))
    hospital = page.locator("tr", has=page.get_by_role("rowheader", name="Ziekenhuis Waalzicht"))
    hospital_before = int(hospital.locator("td").nth(2).inner_text())  # submitted
    assert hospital_before == sum(1 for p in autumn.respondents().values() if p == "Ziekenhuis Waalzicht")

    # the dashboard shows the diagnosis
    page.get_by_role("link", name="Diagnose bekijken").click()
    expect(page.get_by_role("heading", name="Wat de stuurgroep moet weten")).to_be_visible()
    d = page.request.get(page.url.replace("/dashboard/", "/dashboard.json")).json()
    # a partner below the minimum group size (Welzijn Samen, 2) counts in no figure, not even the total
    small = sum(1 for p in autumn.respondents().values() if p == "Welzijn Samen")
    # the round is open: results count submissions in steps of the minimum group (3), so 33 of the 34
    assert small < 3 and d["n_respondents"] <= n_file - small
    open_n = d["n_respondents"]
    expect(page.locator("#open-round")).to_contain_text("per 3")
    expect(page.locator("#page-one")).to_contain_text(f"{open_n} respondenten")
    expect(page.locator("#phase")).to_contain_text(kb.phases[d["phase"]["modal"]].name.nl)
    expect(page.locator("#trust")).to_contain_text(kb.trust_quadrants[d["trust_formal"]["quadrant"]].name.nl)
    assert page.locator("figure.chart svg").count() >= 3

    # one more respondent answers through a link (another browser context: no login)
    phone = browser_page(viewport={"width": 390, "height": 844}, locale="nl-NL", is_mobile=True, has_touch=True)
    phone.goto(links[0])
    phone.get_by_role("link", name="Beginnen").click()
    # a real answer: one option of every scale on every page (who counts: at least half of the domain questions)
    answer_all = """() => { const seen = new Set();
        for (const r of document.querySelectorAll('input[type=radio]')) { if (seen.has(r.name)) continue;
            seen.add(r.name); const g = document.querySelectorAll(`input[type=radio][name="${r.name}"]`);
            g[Math.min(2, g.length - 1)].checked = true; } }"""
    phone.evaluate(answer_all)
    while phone.get_by_role("button", name="Opslaan en verder").count():
        phone.get_by_role("button", name="Opslaan en verder").click()
        phone.evaluate(answer_all)
    phone.get_by_role("button", name="Opslaan en nakijken").click()
    phone.get_by_role("button", name="Versturen").click()
    expect(phone.get_by_role("heading", name="Dank je wel")).to_be_visible()

    # the counts change: round page and dashboard
    page.get_by_role("link", name=re.compile("← Najaar 2025")).click()
    hospital = page.locator("tr", has=page.get_by_role("rowheader", name="Ziekenhuis Waalzicht"))
    expect(hospital.locator("td").nth(2)).to_have_text(str(hospital_before + 1))
    page.get_by_role("link", name="Diagnose bekijken").click()
    # one more submission in an open round does not move the results (35 counted: still 33 in the step) ...
    expect(page.locator("#page-one")).to_contain_text(f"{open_n} respondenten")
    # ... closing the round counts everyone
    page.get_by_role("link", name=re.compile("← Najaar 2025")).click()
    page.get_by_role("button", name="Ronde sluiten").click()
    page.get_by_role("link", name="Diagnose bekijken").click()
    expect(page.locator("#open-round")).to_have_count(0)
    expect(page.locator("#page-one")).to_contain_text(f"{n_file - small + 1} respondenten")
    alliance = Alliance.objects.get(slug="zorg-proef")
    assert Respondent.objects.filter(round__alliance=alliance, submitted_at__isnull=False).count() == n_file + 1
