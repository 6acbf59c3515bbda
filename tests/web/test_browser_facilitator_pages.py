"""Every facilitator page, looked at in a real browser on a phone and a laptop (issue 12 points 4 and 5).

As a facilitator of the demo alliance: home, alliance, alliance form, round, participants, tools, report
page, the dashboard, the four steps of the meeting and the action list, at 390x844 and 1366x900. On each:
axe-core finds nothing, the page does not scroll sideways, and on a phone the buttons and links in forms
are touch targets of at least 44 px. On the dashboard every text in a chart is drawn at 12 px or more
(as rendered, so a chart scaled down to the column would fail), and the first screen of a laptop (the first
900 px at 1366) holds the headline tiles and the top findings and strengths. Full-page screenshots of every
page go to ``var/screenshots/`` (``SAMENSPEL_SCREENSHOTS``) to look at as a chair would.
"""

from __future__ import annotations

import re

import pytest
from browsercheck import PASSWORD, SIZES, assert_accessible, assert_no_sideways_scroll, log_in, shots

from samenspel.web.alliances.models import Membership

pytestmark = [pytest.mark.browser, pytest.mark.real_questionnaire, pytest.mark.real_knowledge]
CLOSED = "2025-najaar"  # the demo's last closed round: a full diagnosis, with a trend against the spring
OPEN = "demo-open"  # the demo's open round: invitations and the participants table


SMALL_TARGETS = """() => [...document.querySelectorAll(
    'form button, form input[type=submit], form input[type=file], form a, form select, form summary')]
    .filter(e => e.offsetParent !== null)
    .map(e => ({what: e.tagName + ' ' + (e.textContent || e.value || '').trim().slice(0, 30),
                h: e.getBoundingClientRect().height, w: e.getBoundingClientRect().width}))
    .filter(t => t.h < 44 || t.w < 44)"""

# the size a chart's text is drawn at: its font size in the SVG times the SVG's scale on the screen
CHART_TEXT = """() => [...document.querySelectorAll('figure.chart svg text')]
    .filter(t => t.textContent.trim() !== '' && t.getScreenCTM())
    .map(t => ({text: t.textContent.trim().slice(0, 30),
                px: parseFloat(getComputedStyle(t).fontSize) * Math.hypot(t.getScreenCTM().a, t.getScreenCTM().b)}))"""


def _pages(slug: str) -> list[tuple[str, str]]:
    a = f"/nl/a/{slug}"
    return [
        ("home", "/nl/"),
        ("alliance", f"{a}/"),
        ("alliance-form", f"{a}/edit/"),
        ("round", f"{a}/rounds/{OPEN}/"),
        ("participants", f"{a}/rounds/{OPEN}/links/"),
        ("tools", f"{a}/rounds/{CLOSED}/tools/"),
        ("report", f"{a}/rounds/{CLOSED}/report/"),
        ("dashboard", f"{a}/rounds/{CLOSED}/dashboard/"),
        ("dashboard-en", f"/en/a/{slug}/rounds/{CLOSED}/dashboard/"),
        ("dashboard-print", f"{a}/rounds/{CLOSED}/dashboard/?print=1"),
        *((f"meeting-step{n}", f"{a}/rounds/{CLOSED}/meeting/#step-{n}") for n in (1, 2, 3, 4)),
        ("actions", f"{a}/rounds/{CLOSED}/actions/"),
    ]


def _look(page, url: str, name: str, path: str, size: str) -> None:  # type: ignore[no-untyped-def]
    what = f"{name} at {size}"
    page.goto(url + path, timeout=90_000)
    if "#" in path:
        page.reload()  # the meeting shows the step the address names
    page.wait_for_load_state("load")
    assert_accessible(page, what)
    assert_no_sideways_scroll(page, size, what)
    if size == "phone":
        small = page.evaluate(SMALL_TARGETS)
        assert small == [], f"touch targets under 44 px on {what}: {small}"
    page.screenshot(path=str(shots() / f"facilitator-{name}-{size}.png"), full_page=True)


@pytest.mark.django_db(transaction=True)
def test_every_facilitator_page_is_accessible_and_fits_a_phone_and_a_laptop(live_server, django_user_model,
                                                                            browser_page):
    from samenspel.web.alliances.demo_data import load_demo

    user = django_user_model.objects.create_user("fien", password=PASSWORD)
    demo, _ = load_demo()
    Membership.objects.create(user=user, alliance=demo, role=Membership.FACILITATOR)
    url = live_server.url
    refused: list[str] = []
    failures: list[str] = []
    for size in ("laptop", "phone"):
        mobile = {"is_mobile": True, "has_touch": True} if size == "phone" else {}
        page = browser_page(viewport=SIZES[size], **mobile)
        page.on("console", lambda m: refused.append(m.text) if "Content Security Policy" in m.text
                or "Refused to" in m.text else None)
        log_in(page, url)
        for name, path in _pages(demo.slug):
            try:  # every page is looked at, and every finding reported at once
                _look(page, url, name, path, size)
            except AssertionError as e:
                failures.append(str(e).splitlines()[0])
    assert failures == [], "\n".join(failures)
    assert refused == []


@pytest.mark.django_db(transaction=True)
def test_the_dashboard_first_screen_holds_the_tiles_and_the_top_findings(live_server, django_user_model,
                                                                         browser_page):
    from playwright.sync_api import expect

    from samenspel.web.alliances.demo_data import load_demo

    user = django_user_model.objects.create_user("fien", password=PASSWORD)
    demo, _ = load_demo()
    Membership.objects.create(user=user, alliance=demo, role=Membership.FACILITATOR)
    url = live_server.url
    dashboard = f"{url}/nl/a/{demo.slug}/rounds/{CLOSED}/dashboard/"

    page = browser_page(viewport=SIZES["laptop"])
    log_in(page, url)
    page.goto(dashboard, timeout=90_000)  # the first visit analyses the demo
    page.screenshot(path=str(shots() / "dashboard-first-screen-laptop.png"))
    fold = SIZES["laptop"]["height"]
    for tile in ("#quality", "#phase", "#trust"):
        box = page.locator(tile).bounding_box()
        assert box is not None and box["y"] + box["height"] <= fold, f"{tile} is below the first screen: {box}"
    signals = page.locator("ol.signals > li")
    strengths = page.locator("ul.strengths > li")
    assert signals.count() >= 1 and strengths.count() >= 1
    for item in (*signals.all(), *strengths.all()):
        box = item.bounding_box()
        assert box is not None and box["y"] + box["height"] <= fold, f"a top finding is below the first screen: {box}"
    # statistics and sources are folded away; the badge says how many caveats the details hold
    expect(page.locator("#quality details")).not_to_have_attribute("open", "")
    assert page.locator("#quality .badge").inner_text().strip() != ""
    for stats in page.locator("details.stats").all():
        assert stats.get_attribute("open") is None
    page.screenshot(path=str(shots() / "dashboard-first-screen-laptop.png"))

    # every chart's text is drawn at 12 px or more, unfolded and on both sizes
    phone = browser_page(viewport=SIZES["phone"], is_mobile=True, has_touch=True)
    log_in(phone, url)
    phone.goto(dashboard, timeout=90_000)
    phone.screenshot(path=str(shots() / "dashboard-first-screen-phone.png"))
    for p, size in ((page, "laptop"), (phone, "phone")):
        p.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
        texts = p.evaluate(CHART_TEXT)
        assert len(texts) > 20, size  # the axes, bars, poles and quadrant of five charts
        small = [t for t in texts if t["px"] < 11.99]
        assert small == [], f"chart text under 12 px at {size}: {small[:5]}"
        assert_no_sideways_scroll(p, size, f"dashboard with every detail open at {size}")
        p.locator("#page-one").screenshot(path=str(shots() / f"dashboard-tiles-open-{size}.png"))

    # the print view: every detail open, the menu gone on paper; the print link needs no script
    page.get_by_role("link", name="Afdrukversie").click()
    expect(page).to_have_url(re.compile(r"\?print=1$"))
    assert page.locator("details:not([open])").count() == 0
    page.emulate_media(media="print")
    expect(page.locator(".dash-tools")).to_be_hidden()
    expect(page.locator("#page-one")).to_be_visible()
    page.pdf(path=str(shots() / "dashboard-print.pdf"), format="A4")
    page.emulate_media(media="screen")
    # the screen view unfolds for paper too (samenspel.js), and folds back afterwards
    page.goto(dashboard)
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert page.locator("details:not([open])").count() == 0
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert page.locator("details[open]").count() == 0
