"""A facilitator imports a LimeSurvey export in a real browser, mapping one unknown column, on a phone and a laptop.

Set SAMENSPEL_SCREENSHOTS=DIR to keep screenshots of the pages for a look.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from browsercheck import log_in
from test_tool_import import LS_HEAD, LS_ROWS, ls_csv

from samenspel.web.alliances.models import Answer

pytestmark = pytest.mark.browser


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("width, height", [(390, 844), (1366, 900)])
def test_import_with_a_mapping_step(live_server, browser_page, facilitator, rnd, tmp_path, width, height):
    from playwright.sync_api import expect

    shots = os.environ.get("SAMENSPEL_SCREENSHOTS")
    export = tmp_path / "results-survey246810.csv"
    export.write_bytes(ls_csv(LS_HEAD[:7] + ["Vraag 9", "par01"], [r[:7] + ["4", "2"] for r in LS_ROWS]))
    page = browser_page(viewport={"width": width, "height": height}, locale="nl-NL")
    log_in(page, live_server.url)
    page.goto(f"{live_server.url}/nl/a/zorg-oost/rounds/2026-1/")
    page.get_by_role("link", name="Via LimeSurvey, Qualtrics of Microsoft Forms").click()
    expect(page.get_by_role("heading", name=re.compile("Uitzetten via LimeSurvey"))).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    if shots:
        page.screenshot(path=str(Path(shots) / f"tools-{width}.png"), full_page=True)
    page.get_by_label(re.compile("Export van het enquêteprogramma")).set_input_files(str(export))
    page.get_by_role("button", name="Importeren").click()
    expect(page.get_by_role("heading", name="Kolommen koppelen")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    if shots:
        page.screenshot(path=str(Path(shots) / f"mapping-{width}.png"), full_page=True)
    page.get_by_label("Vraag 9").select_option("amb_01|")
    page.get_by_role("button", name="Koppelen en importeren").click()
    expect(page.get_by_text(re.compile("Geïmporteerd uit LimeSurvey: 2 deelnemers"))).to_be_visible()
    if shots:
        page.screenshot(path=str(Path(shots) / f"imported-{width}.png"), full_page=True)
    assert Answer.objects.filter(item="amb_01").count() == 2
