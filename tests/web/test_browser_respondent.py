"""Tests that look: a scripted respondent completes the default questionnaire (2.0) in a real chromium
on a phone (390x844) and a laptop (1366x900).

On every respondent page: axe-core (the npm package, tests/package.json) finds no violations, nothing
scrolls sideways; the scales stand where they should (one row on the laptop, the bipolar middle point in
the middle, targets of at least 44 px on the phone). Clicks are counted, and the time is taken from the
questionnaire's reading-time model (samenspel.instrument.duration) on a virtual clock: the words this
respondent saw and the answers they gave, never a wait. Screenshots of the main pages go to
``$SAMENSPEL_SCREENSHOTS``, by default ``var/screenshots/`` in the repository (git-ignored, kept after a run).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

import pytest

from samenspel.instrument import default_selection, estimate, to_minutes
from samenspel.instrument import duration
from samenspel.knowledge import load_knowledge
from samenspel.web.alliances import survey
from samenspel.web.alliances.models import Alliance, MeasurementRound, Partner, Respondent

from browsercheck import SIZES, assert_accessible, assert_no_sideways_scroll, axe_source, shots
from webhelpers import make_respondent

pytestmark = [pytest.mark.browser, pytest.mark.real_questionnaire, pytest.mark.real_knowledge]

PARTNERS = ("Gemeente Arnhem", "Gelderse Gezondheidsdienst Noord- en Oost-Gelderland", "Ziekenhuis Rijnstate",
            "Huisartsencoöperatie", "Thuiszorg", "Welzijnsorganisatie")


def boxes(locator) -> list[dict]:  # type: ignore[no-untyped-def]
    return [b for b in (locator.nth(i).bounding_box() for i in range(locator.count())) if b]


def assert_layout(page, size: str, what: str) -> None:  # type: ignore[no-untyped-def]
    """The geometry of every scale on the page."""
    for fs in (page.locator("fieldset.q").nth(i) for i in range(page.locator("fieldset.q").count())):
        scale = fs.locator(".scale")
        if scale.count():
            points = boxes(scale.locator(".points label.opt"))
            layout = scale.get_attribute("class") or ""
            one_row = "points" in layout or ("words" in layout and size == "laptop")
            if one_row:
                tops = {round(b["y"]) for b in points}
                assert len(tops) == 1, f"{what}: the options of a scale are not on one row: {tops} ({layout})"
            elif "words" in layout:  # phone: stacked full-width rows
                assert len({round(b["x"]) for b in points}) == 1, f"{what}: options not stacked ({layout})"
            if "points" in layout and len(points) % 2 == 1:
                whole = scale.bounding_box()
                middle = points[len(points) // 2]
                offset = (middle["x"] + middle["width"] / 2) - (whole["x"] + whole["width"] / 2)
                assert abs(offset) <= 3, f"{what}: the middle point is {offset:.1f} px off the middle of its scale"
                if size == "phone":  # the poles above the points
                    for pole in boxes(scale.locator(".pole")):
                        assert pole["y"] + pole["height"] <= points[0]["y"] + 1, f"{what}: a pole is not above"
        for row in (fs.locator(".rel-row").nth(i) for i in range(fs.locator(".rel-row").count())):
            opts = boxes(row.locator("label.opt:not(.dk)"))
            assert len({round(b["y"]) for b in opts}) == 1, f"{what}: a partner's points are not on one row"
            if size == "phone":  # one card per partner, the name above its points
                name = row.locator(".partner").bounding_box()
                assert name["y"] + name["height"] <= opts[0]["y"], f"{what}: the card does not start with the name"
        for partner in (fs.locator(".partner").nth(i) for i in range(fs.locator(".partner").count())):
            # wraps at word boundaries only, and never runs out of its cell (under the options)
            style = partner.evaluate("e => [getComputedStyle(e).overflowWrap, getComputedStyle(e).wordBreak, "
                                     "Math.max(...[...e.getClientRects()].map(r => r.right)) "
                                     "<= e.parentElement.getBoundingClientRect().right + 1]")
            assert style == ["normal", "normal", True], f"{what}: a partner name may break mid-word: {style}"
    if size == "phone":  # comfortable targets
        targets = page.locator("label.opt:visible, .check label:visible, main button:visible, label.clear:visible, "
                               "main a.button:visible")
        for b in boxes(targets):
            assert b["height"] >= 44 and b["width"] >= 44, f"{what}: a target of {b['width']}x{b['height']} px"


@dataclass
class Respondent2:
    """Counts clicks and keeps a virtual clock by the questionnaire's reading-time model."""

    page: object
    lang: str = "nl"
    clicks: int = 0
    seconds: float = 0.0
    seen: set = field(default_factory=set)

    def click(self, locator) -> None:  # type: ignore[no-untyped-def]
        locator.click()
        self.clicks += 1

    def read(self, text: str) -> None:
        self.seconds += 60.0 * duration.words(text) / duration.WORDS_PER_MINUTE

    def read_once(self, texts: tuple[str, ...]) -> None:
        """A scale's labels are read the first time they appear, as the model has it."""
        if texts not in self.seen:
            self.seen.add(texts)
            for t in texts:
                self.read(t)

    def turn_page(self) -> None:
        self.seconds += duration.PAGE_SECONDS


def answer_page(r: Respondent2, page, number: int, skip_one: bool) -> int:  # type: ignore[no-untyped-def]
    """Answer every question on the page as a respondent would; return how many were answered."""
    r.read(page.locator("h1").inner_text())
    intro = page.locator("h1 + p")
    if intro.count():
        r.read(intro.inner_text())
    r.read(page.locator(".progress-line").inner_text())
    answered = 0
    fieldsets = page.locator("main fieldset.q")
    for i in range(fieldsets.count()):
        fs = fieldsets.nth(i)
        r.read(fs.locator("legend").inner_text())
        labels = tuple(fs.locator(".scale label.opt, .extra label.dk").all_inner_texts())
        poles = tuple(fs.locator(".pole").all_inner_texts())
        if "rel" in (fs.get_attribute("class") or ""):
            rows = fs.locator(".rel-row")
            r.read_once(tuple(rows.first.locator("label.opt").all_inner_texts()))
            for j in range(rows.count()):
                row = rows.nth(j)
                r.read(row.locator(".partner").inner_text())
                r.click(row.locator("label.opt:not(.dk)").nth((j + number) % 5))
                r.seconds += duration.ANSWER_SECONDS["relation"]
                answered += 1
            continue
        if skip_one and i == 1:
            continue  # one left open: the page will say so
        kind = "bipolar" if poles else "choice" if "list" in fs.locator(".scale").get_attribute("class") else "likert"
        if poles:
            r.read_once(poles)
        elif kind == "choice":
            r.read(" ".join(labels))
        else:
            r.read_once(labels)
        options = fs.locator(".scale label.opt")
        if (i + number) % 9 == 4 and fs.locator(".extra label.dk").count():
            r.click(fs.locator(".extra label.dk"))  # now and then: don't know
        else:
            r.click(options.nth((i + number) % options.count()))
        r.seconds += duration.ANSWER_SECONDS["check" if len(labels) == 3 and kind == "likert" else kind]
        answered += 1
    texts = page.locator("main textarea")
    for i in range(min(texts.count(), 1)):  # a few words in the first open question, the second left empty
        r.read(page.locator(f"label[for='{texts.nth(i).get_attribute('id')}']").inner_text())
        r.click(texts.nth(i))
        texts.nth(i).fill("Korte lijnen en veel vertrouwen." if r.lang == "nl" else "Short lines and a lot of trust.")
        r.seconds += duration.ANSWER_SECONDS["text"]
    return answered


def six_partners() -> Alliance:
    alliance = Alliance.objects.create(name="Zorgnetwerk Oost", slug="zorg-oost")
    for i, name in enumerate(PARTNERS):
        Partner.objects.create(alliance=alliance, code=chr(65 + i), name=name)
    return alliance


def default_round(alliance: Alliance, code: str = "v2", status: str = "open") -> MeasurementRound:
    chosen = default_selection(load_knowledge())
    return MeasurementRound.objects.create(alliance=alliance, code=code, name="Voorjaar 2026", opens=dt.date(2020, 1, 1),
                                           modules=list(chosen.modules), paradoxes=list(chosen.paradoxes),
                                           status=status)


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("size", ["phone", "laptop"])
def test_a_respondent_completes_the_default_questionnaire(live_server, browser_page, size):
    from playwright.sync_api import expect

    axe_source()  # fail early (CI) or skip when axe-core was not installed
    alliance = six_partners()
    rnd = default_round(alliance)
    person, token = make_respondent(rnd, "A", f"scripted-{size}")
    instrument = survey.round_questionnaire(rnd)
    parts = survey.pages(instrument)
    model = estimate(instrument, "nl", len(PARTNERS))
    page = browser_page(viewport=SIZES[size], locale="nl-NL", is_mobile=size == "phone", has_touch=size == "phone")
    r = Respondent2(page)
    out = shots()

    page.goto(f"{live_server.url}/r/{token}/")
    expect(page.locator("#estimate")).to_have_text(f"{to_minutes(model.seconds)} minuten")
    assert_accessible(page, "start")
    assert_no_sideways_scroll(page, size, "start")
    assert_layout(page, size, "start")
    r.read(page.locator("main").inner_text())
    page.screenshot(path=str(out / f"respondent-start-{size}.png"), full_page=True)
    r.click(page.get_by_role("link", name="Beginnen"))
    r.turn_page()

    questions = 0
    for number, part in enumerate(parts, start=1):
        expect(page.get_by_text(f"Deel {number} van {len(parts)}")).to_be_visible()
        expect(page.locator("#time-left")).to_have_text(
            re.compile(rf"Nog ongeveer {to_minutes(model.remaining(part.id))} minu"))
        assert_accessible(page, f"page {number}")
        assert_no_sideways_scroll(page, size, f"page {number}")
        assert_layout(page, size, f"page {number}")
        if number == 1 and size == "laptop":  # keyboard: arrows move the choice within a scale
            first = page.locator("fieldset.q").nth(3).locator(".points input").first
            first.focus()
            page.keyboard.press("Space")
            page.keyboard.press("ArrowRight")
            assert page.locator("fieldset.q").nth(3).locator(".points input").nth(1).is_checked()
        skip = number == 1
        questions += answer_page(r, page, number, skip_one=skip)
        if number in (1, 2, 5):
            page.screenshot(path=str(out / f"respondent-page{number}-{size}.png"), full_page=True)
        if number == 1 and size == "laptop":  # a chosen answer can be cleared again
            fs = page.locator("fieldset.q").nth(2)
            assert fs.locator(".points input:checked").count() == 1
            fs.locator("label.clear").click()
            assert fs.locator("input:checked").evaluate("e => e.value") == ""
            r.click(fs.locator(".points label.opt").first)
            r.clicks -= 1  # the test's own detour, not the respondent's
        if number == 2 and size == "laptop":  # Enter in an answer saves and goes on (not back)
            page.locator("fieldset.q input:checked").first.focus()
            page.keyboard.press("Enter")
            r.clicks += 1
            expect(page.get_by_text(f"Deel 3 van {len(parts)}")).to_be_visible()
        else:
            r.click(page.get_by_role("button", name="Opslaan en verder" if number < len(parts) else "Opslaan en nakijken"))
        r.turn_page()
        if skip:  # the gentle note: the open question listed, then go on anyway
            note = page.locator("#unanswered")
            expect(note).to_be_visible()
            expect(note.locator("li")).to_have_count(1)
            assert_accessible(page, "page 1 with the note on open questions")
            assert_no_sideways_scroll(page, size, "the note")
            r.read(note.inner_text())
            page.screenshot(path=str(out / f"respondent-unanswered-{size}.png"))
            r.click(note.get_by_role("button", name="Toch verder"))
            r.turn_page()

    expect(page.get_by_role("heading", name="Nakijken en versturen")).to_be_visible()
    assert_accessible(page, "review")
    assert_no_sideways_scroll(page, size, "review")
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height <= 3 * SIZES["phone"]["height"], f"the review is {height} px high"
    expect(page.locator("#review-summary")).to_contain_text(f"van de {questions + 1} vragen")  # one left open
    r.read(page.locator("#review-summary").inner_text())
    page.screenshot(path=str(out / f"respondent-review-{size}.png"), full_page=True)
    r.click(page.get_by_role("button", name="Versturen"))
    r.turn_page()
    expect(page.get_by_role("heading", name="Dank je wel")).to_be_visible()
    assert_accessible(page, "thanks")
    page.screenshot(path=str(out / f"respondent-thanks-{size}.png"))
    assert Respondent.objects.get(pk=person.pk).submitted_at is not None

    page.goto(f"{live_server.url}/r/{token}/")  # the used link
    expect(page.get_by_role("heading", name="Al verstuurd")).to_be_visible()
    assert_accessible(page, "used link")
    assert_no_sideways_scroll(page, size, "used link")
    page.screenshot(path=str(out / f"respondent-used-{size}.png"))

    minutes = r.seconds / 60
    print(f"\nscripted respondent ({size}): {questions} questions answered, {r.clicks} clicks, "
          f"{minutes:.1f} minutes on the virtual clock; the estimate says {model.seconds / 60:.1f}")
    # the respondent answered one question fewer than asked and read one note more: close to the estimate
    assert abs(r.seconds - model.seconds) <= 0.25 * model.seconds
    assert r.clicks <= questions + 2 * len(parts) + 6


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("size", ["phone", "laptop"])
def test_closed_and_unknown_links_and_a_resumed_start_are_accessible(live_server, browser_page, size):
    from playwright.sync_api import expect

    axe_source()
    alliance = six_partners()
    rnd = default_round(alliance)
    _, token = make_respondent(rnd, "B", f"resume-{size}", lang="en")
    closed = default_round(alliance, "v1", status="closed")
    _, closed_token = make_respondent(closed, "C", f"closed-{size}")
    page = browser_page(viewport=SIZES[size], locale="nl-NL", is_mobile=size == "phone", has_touch=size == "phone")
    page.goto(f"{live_server.url}/r/{token}/p/1/")
    assert_accessible(page, "page 1 in English")
    assert_no_sideways_scroll(page, size, "page 1 in English")
    assert_layout(page, size, "page 1 in English")
    page.screenshot(path=str(shots() / f"respondent-page1-en-{size}.png"))
    page.get_by_role("button", name="Save and continue").click()
    page.get_by_role("button", name="Go on anyway").click()
    expect(page.get_by_text("Part 2 of 8")).to_be_visible()
    page.goto(f"{live_server.url}/r/{token}/")
    expect(page.locator("#resume-where")).to_contain_text("You continue at part 2 of 8")
    assert_accessible(page, "resumed start")
    page.screenshot(path=str(shots() / f"respondent-resume-{size}.png"))
    page.goto(f"{live_server.url}/r/{token}/review/")
    expect(page.locator("#too-few")).to_be_visible()  # nothing answered: not a response yet
    assert_accessible(page, "review of an empty questionnaire")
    assert_no_sideways_scroll(page, size, "empty review")
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height <= 3 * SIZES["phone"]["height"], f"the review of an empty questionnaire is {height} px high"
    assert page.locator("#too-few").bounding_box()["y"] < SIZES[size]["height"]  # the explanation comes first
    page.screenshot(path=str(shots() / f"respondent-review-empty-{size}.png"), full_page=True)
    for address, heading, name in ((f"/r/{closed_token}/", "Deze ronde is gesloten", "closed"),
                                   ("/r/no-such-link/", "Link onbekend", "unknown")):
        page.goto(f"{live_server.url}{address}")
        expect(page.get_by_role("heading", name=heading)).to_be_visible()
        assert_accessible(page, heading)
        assert_no_sideways_scroll(page, size, heading)
        page.screenshot(path=str(shots() / f"respondent-{name}-{size}.png"))
