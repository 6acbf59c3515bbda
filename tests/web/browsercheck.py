"""Checks that look at a page in a real browser, shared by the browser tests (issue 12 point 5).

axe-core (the npm package pinned in tests/package.json, installed by ``scripts/setup --test``) runs in
the page; the page's Content-Security-Policy allows no inline script, so the test driver evaluates it.
Screenshots go to ``$SAMENSPEL_SCREENSHOTS``, by default ``var/screenshots/`` (git-ignored, kept after
a run so a person can look at them).
"""

from __future__ import annotations

import json

import os
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "tests" / "node_modules" / "axe-core" / "axe.min.js"
SIZES = {"phone": {"width": 390, "height": 844}, "laptop": {"width": 1366, "height": 900}}
PASSWORD = "pw-fien-123"
"""The password the browser tests give their facilitator "fien"."""


def log_in(page, url: str, username: str = "fien", password: str = PASSWORD) -> None:  # type: ignore[no-untyped-def]
    """Log in through the Dutch login page, as a person would, and wait for the home page."""
    page.goto(f"{url}/nl/login/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(re.compile(r"/nl/$"))


def shots() -> Path:
    out = Path(os.environ.get("SAMENSPEL_SCREENSHOTS") or ROOT / "var" / "screenshots")
    out.mkdir(parents=True, exist_ok=True)
    return out


def axe_source() -> str:
    if not AXE.exists():
        message = f"axe-core is missing ({AXE}); scripts/setup --test installs it with npm"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return AXE.read_text(encoding="utf-8")


def assert_accessible(page, what: str, within: str | None = None) -> None:  # type: ignore[no-untyped-def]
    """axe-core's checks (WCAG 2.x A/AA and best practices) find nothing on the page as it is now
    (or in the part ``within``, a CSS selector)."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(axe_source())  # evaluated by the test driver: the page's CSP allows no inline script
    scope = "document" if within is None else json.dumps(within)
    result = page.evaluate(f"axe.run({scope}, {{resultTypes: ['violations']}}).then(r => r.violations.map("
                           "v => ({id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))})))")
    assert result == [], f"axe on {what}: {result}"


def assert_no_sideways_scroll(page, size: str, what: str) -> None:  # type: ignore[no-untyped-def]
    # a phone's layout viewport widens to content that does not fit, so compare with the screen's width
    width = max(page.evaluate("document.documentElement.scrollWidth"), page.evaluate("window.innerWidth"))
    wide = page.evaluate(f"[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > "
                         f"{SIZES[size]['width']}).slice(0, 5).map(e => e.tagName + '.' + e.className)")
    assert width <= SIZES[size]["width"], f"{what} scrolls sideways: {width} px wide ({wide})"
