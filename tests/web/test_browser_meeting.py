"""A chair runs the demo's reflection meeting in a real browser (issue 15).

Four steps with the keyboard only, a note of what partners said, two
decisions recorded, then the action list and the decision list PDF. The
Content-Security-Policy must hold (the page has no inline script or style),
no step may scroll sideways on a laptop or a phone, and screenshots of each
step at 1366x900 and 390x844 go to ``SAMENSPEL_SCREENSHOTS`` (by default
``var/screenshots``) to look at as a chair would.
"""

from __future__ import annotations

import re
import subprocess

import pytest
from browsercheck import PASSWORD, SIZES, log_in, shots

from samenspel.web.alliances.models import Membership

pytestmark = [pytest.mark.browser, pytest.mark.real_questionnaire, pytest.mark.real_knowledge]


def _current(page) -> str:  # type: ignore[no-untyped-def]
    return page.locator(".slide.current").get_attribute("id")  # type: ignore[no-any-return]


@pytest.mark.django_db(transaction=True)
def test_a_chair_runs_the_demo_meeting_with_the_keyboard(live_server, django_user_model, browser_page, tmp_path):
    from playwright.sync_api import expect

    from samenspel.web.alliances.demo_data import load_demo

    user = django_user_model.objects.create_user("fien", password=PASSWORD)
    demo, _ = load_demo()
    Membership.objects.create(user=user, alliance=demo, role=Membership.FACILITATOR)
    rnd = demo.rounds.get(code="2025-voorjaar")  # the meeting after the first round; 2025-najaar checks it
    url = live_server.url
    out = shots()
    refused: list[str] = []

    page = browser_page(viewport=SIZES["laptop"])
    page.on("console", lambda m: refused.append(m.text) if "Content Security Policy" in m.text
            or "Refused to" in m.text else None)
    log_in(page, url)
    # the first visit analyses the demo (network permutation tests): seconds on a busy machine
    page.goto(f"{url}/nl/a/{demo.slug}/rounds/{rnd.code}/dashboard/", timeout=90_000)
    page.get_by_role("link", name="Reflectiebijeenkomst").click()
    expect(page.locator("#step-1")).to_be_visible()
    assert _current(page) == "step-1"
    expect(page.locator("#step-2")).to_be_hidden()
    assert page.locator("#step-1 .finding").count() >= 2
    expect(page.locator("#step-1")).to_contain_text("n = ")  # the evidence says what it rests on
    page.screenshot(path=str(out / "meeting-step1-laptop.png"))

    # step 2 by keyboard; a note of what partners said comes back on the same step
    page.keyboard.press("ArrowRight")
    assert _current(page) == "step-2"
    expect(page.locator("#step-2 .questions").first).to_be_visible()
    page.locator("#step-2 textarea").first.fill("De partners herkennen dit; de gemeente wil eerst de ambitie scherp.")
    page.locator("#step-2 .note-form button").first.click()
    expect(page.locator("#step-2 .said").first).to_contain_text("de gemeente wil eerst")
    assert _current(page) == "step-2"
    page.locator("body").click(position={"x": 5, "y": 400})  # off the form, as a chair would
    page.screenshot(path=str(out / "meeting-step2-laptop.png"))

    page.keyboard.press("PageDown")
    assert _current(page) == "step-3"
    assert page.locator("#step-3 .options li").count() >= 1
    page.screenshot(path=str(out / "meeting-step3-laptop.png"))
    page.keyboard.press("PageUp")
    assert _current(page) == "step-2"
    page.keyboard.press("PageDown")
    page.keyboard.press("ArrowRight")
    assert _current(page) == "step-4"

    # two decisions: one by a person, for a problem of this round; one by a partner, for an angle
    form = page.locator("#step-4 form.decision-form")
    form.get_by_label("Wat besluiten we?").fill("Een werksessie over taken en besluiten")
    form.get_by_label("Persoon die trekt").fill("Anna de Vries")
    form.get_by_label("Klaar op").fill("2026-03-01")
    form.get_by_label("Pakt aan").select_option("problem:under_organisation")
    form.get_by_label("Welke verandering verwachten we?").fill("Duidelijk wie wat beslist")
    form.get_by_role("button", name="Leg besluit vast").click()
    expect(page.locator("#decided li")).to_have_count(1)
    assert _current(page) == "step-4"
    form = page.locator("#step-4 form.decision-form")
    form.get_by_label("Wat besluiten we?").fill("Elk kwartaal een open gesprek over wat schuurt")
    partner = demo.partners.first()
    form.get_by_label("Partner die trekt").select_option(label=partner.name)
    form.get_by_label("Pakt aan").select_option("domain:ambition")
    form.get_by_role("button", name="Leg besluit vast").click()
    expect(page.locator("#decided li")).to_have_count(2)
    expect(page.locator("#decided")).to_contain_text(partner.name)
    page.screenshot(path=str(out / "meeting-step4-laptop.png"))
    for n in (1, 2, 3, 4):
        page.goto(f"{url}/nl/a/{demo.slug}/rounds/{rnd.code}/meeting/#step-{n}")
        page.reload()
        assert page.evaluate("document.documentElement.scrollWidth") <= SIZES["laptop"]["width"]

    # the English meeting
    page.goto(f"{url}/en/a/{demo.slug}/rounds/{rnd.code}/meeting/#step-4")
    expect(page.locator("#step-4 h2").first).to_have_text("Decided")
    page.screenshot(path=str(out / "meeting-step4-laptop-en.png"))

    # the handout: printed, every step is there
    page.emulate_media(media="print")
    page.goto(f"{url}/nl/a/{demo.slug}/rounds/{rnd.code}/meeting/")
    for n in (1, 2, 3, 4):
        expect(page.locator(f"#step-{n}")).to_be_visible()
    expect(page.locator("#step-4 form")).to_be_hidden()
    page.pdf(path=str(out / "meeting-handout.pdf"), format="A4")
    page.emulate_media(media="screen")

    # the action list and the decision list PDF hold both decisions
    page.goto(f"{url}/nl/a/{demo.slug}/rounds/{rnd.code}/actions/")
    expect(page.locator("table.action-list tbody tr")).to_have_count(2)
    row = page.locator("table.action-list tbody tr").filter(has_text="wat schuurt")
    row.get_by_label("Nieuwe stand").select_option("under_way")
    row.get_by_label("Korte toelichting").fill("eerste gesprek in januari")
    row.get_by_role("button", name="Bijwerken").click()
    expect(page.locator("table.action-list tbody tr").filter(has_text="wat schuurt")).to_contain_text("onderweg")
    page.screenshot(path=str(out / "actions-laptop.png"), full_page=True)
    pdf = page.request.get(f"{url}/nl/a/{demo.slug}/rounds/{rnd.code}/decisions.pdf")
    assert pdf.status == 200
    path = tmp_path / "decisions.pdf"
    path.write_bytes(pdf.body())
    text = subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True, text=True).stdout
    text = " ".join(text.split())  # table cells wrap
    assert "taken en besluiten" in text and "wat schuurt" in text and "Anna de Vries" in text

    # the next round checks: organisation rose meaningfully (and under-organisation is gone); ambition
    # moved less than the evidence rules call a change
    page.goto(f"{url}/nl/a/{demo.slug}/rounds/2025-najaar/dashboard/", timeout=90_000)
    section = page.locator("#last-time")
    expect(section).to_contain_text("Wat we vorige keer besloten en wat ervan kwam")
    done = section.locator("li[data-action]").filter(has_text="taken en besluiten")
    expect(done).to_contain_text("Organisatie is betekenisvol gestegen")
    expect(done).to_contain_text("niet meer gevonden")
    waiting = section.locator("li[data-action]").filter(has_text="wat schuurt")
    expect(waiting).to_contain_text("Ambitie: nog geen verandering te zien")
    expect(waiting).to_contain_text("onderweg: eerste gesprek in januari")
    section.screenshot(path=str(out / "dashboard-last-time-laptop.png"))

    phone = browser_page(viewport=SIZES["phone"])
    phone.on("console", lambda m: refused.append(m.text) if "Content Security Policy" in m.text
             or "Refused to" in m.text else None)
    log_in(phone, url)
    phone.goto(f"{url}/nl/a/{demo.slug}/rounds/{rnd.code}/meeting/")
    for n in (1, 2, 3, 4):
        assert _current(phone) == f"step-{n}"
        assert phone.evaluate("document.documentElement.scrollWidth") <= SIZES["phone"]["width"]
        phone.screenshot(path=str(out / f"meeting-step{n}-phone.png"), full_page=True)
        phone.keyboard.press("ArrowRight")
    assert _current(phone) == "step-4"  # the last step stays
    phone.goto(f"{url}/nl/a/{demo.slug}/rounds/{rnd.code}/actions/")
    assert phone.evaluate("document.documentElement.scrollWidth") <= SIZES["phone"]["width"]
    phone.screenshot(path=str(out / "actions-phone.png"), full_page=True)

    assert refused == []


def _next_round(code: str) -> bytes:
    """The demo's autumn answers again as round ``code`` (the same respondents, so the trend is paired), with
    every organisation statement one step better and everything else as it was."""
    import datetime as dt

    from samenspel.demo import make_demo
    from samenspel.instrument import load_instrument
    from samenspel.responses.model import ResponseSet
    from samenspel.responses.writer import to_csv

    organisation = {i.id: i for i in load_instrument().items if i.construct == "domain:organisation"}
    answers = []
    for a in make_demo().answers:
        if a.round != "2025-najaar":
            continue
        value = a.value
        item = organisation.get(a.item)
        if item is not None and value is not None:
            value = float(max(1, min(5, value + (-1 if item.reverse else 1))))
        answers.append(a._replace(round=code, value=value, round_date=dt.date(2026, 4, 1)))
    return to_csv(ResponseSet(tuple(answers))).encode("utf-8")


@pytest.mark.django_db(transaction=True)
def test_the_next_round_imported_says_what_became_of_the_decisions(live_server, django_user_model, browser_page,
                                                                    tmp_path):
    """The meeting after the autumn round decides two things; a next round is imported in which organisation
    improved and the ambition did not: its dashboard and its report say so (issue 15 point 6)."""
    from playwright.sync_api import expect

    from samenspel.web.alliances.demo_data import load_demo

    user = django_user_model.objects.create_user("fien", password=PASSWORD)
    demo, _ = load_demo()
    Membership.objects.create(user=user, alliance=demo, role=Membership.FACILITATOR)
    url = live_server.url
    page = browser_page(viewport=SIZES["laptop"])
    log_in(page, url)
    page.goto(f"{url}/nl/a/{demo.slug}/rounds/2025-najaar/meeting/#step-4", timeout=90_000)
    for what, addresses in (("Taken en besluitvorming op papier", "domain:organisation"),
                            ("Een heidag over het gezamenlijke doel", "domain:ambition")):
        form = page.locator("#step-4 form.decision-form")
        form.get_by_label("Wat besluiten we?").fill(what)
        form.get_by_label("Persoon die trekt").fill("Anna de Vries")
        form.get_by_label("Pakt aan").select_option(addresses)
        form.get_by_role("button", name="Leg besluit vast").click()
        expect(page.locator("#decided")).to_contain_text(what)

    # the next round: made on the alliance page, filled by importing the file, then closed
    page.goto(f"{url}/nl/a/{demo.slug}/")
    round_form = page.locator("form[action$='/rounds/']")
    round_form.get_by_label("Naam").fill("Voorjaar 2026")
    round_form.get_by_label("Code").fill("2026-voorjaar")
    round_form.get_by_role("button", name="Ronde toevoegen").click()
    expect(page.get_by_role("heading", name=re.compile("Voorjaar 2026"))).to_be_visible()
    upload = tmp_path / "voorjaar-2026.csv"
    upload.write_bytes(_next_round("2026-voorjaar"))
    page.get_by_label("Antwoordbestand").set_input_files(str(upload))
    page.get_by_role("button", name="Importeren").click()
    expect(page.locator(".messages")).to_contain_text("Geïmporteerd: 34 deelnemers")
    page.get_by_role("button", name="Ronde sluiten").click()

    page.goto(f"{url}/nl/a/{demo.slug}/rounds/2026-voorjaar/dashboard/", timeout=90_000)
    section = page.locator("#last-time")
    expect(section).to_contain_text("Wat we vorige keer besloten en wat ervan kwam")
    expect(section.locator("li[data-action]").filter(has_text="op papier")).to_contain_text(
        "Organisatie is betekenisvol gestegen")
    expect(section.locator("li[data-action]").filter(has_text="heidag")).to_contain_text(
        "Ambitie: nog geen verandering te zien")
    section.screenshot(path=str(shots() / "dashboard-last-time-imported-laptop.png"))

    report = page.request.get(f"{url}/nl/a/{demo.slug}/rounds/2026-voorjaar/report.html").text()
    text = " ".join(re.sub(r"<[^>]+>", " ", report).split())
    assert "Organisatie is betekenisvol gestegen" in text and "Ambitie: nog geen verandering te zien" in text
