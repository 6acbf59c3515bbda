"""Importing a published norm file and comparing with it, in a real browser (issue 16: "a sector body publishes
a file that another installation imports and uses"): a phone (390x844) and a laptop (1366x900), no axe-core
violations, no sideways scroll; screenshots in ``$SAMENSPEL_SCREENSHOTS`` (var/screenshots/) for a person to
look at: norm-import-*.png, norm-import-refused-*.png, dashboard-normset-*.png."""

from __future__ import annotations

import re

import pytest
from browsercheck import PASSWORD, SIZES, assert_accessible, assert_no_sideways_scroll, log_in, shots

from samenspel.web.alliances.models import Membership

pytestmark = [pytest.mark.browser, pytest.mark.real_questionnaire, pytest.mark.real_knowledge]


@pytest.mark.django_db(transaction=True)
def test_import_a_norm_file_and_compare_with_it(live_server, django_user_model, browser_page, tmp_path):
    from django.contrib.auth.models import Permission
    from norms_helpers import normfile
    from playwright.sync_api import expect

    from samenspel.web.alliances.demo_data import load_demo

    user = django_user_model.objects.create_user("fien", password=PASSWORD)
    user.user_permissions.add(Permission.objects.get(codename="manage_norm_files", content_type__app_label="norms"))
    demo, _ = load_demo()
    Membership.objects.create(user=user, alliance=demo, role=Membership.FACILITATOR)
    files = {}
    for name, kwargs in (("nationaal-2025", {"count": 60, "start": 20.0, "step": 1.0}),
                         ("oud-2019", {"count": 60, "questionnaire": "samenspel-core@0.9"})):
        rows, desc = normfile(publisher="Sectorinstituut Samenwerking in Zorg en Welzijn", **kwargs)
        (tmp_path / f"{name}.csv").write_bytes(rows)
        (tmp_path / f"{name}.json").write_bytes(desc)
        files[name] = (str(tmp_path / f"{name}.csv"), str(tmp_path / f"{name}.json"))
    out = shots()
    refused: list[str] = []
    for size in ("phone", "laptop"):
        page = browser_page(viewport=SIZES[size])
        page.on("console", lambda m: refused.append(m.text) if "Refused" in m.text else None)
        log_in(page, live_server.url)
        page.get_by_role("link", name="Normbestanden van anderen importeren").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Normbestanden van anderen")
        if size == "phone":
            # a file for another questionnaire: refused, saying which version it is and which this installation uses
            page.get_by_label("Normregels (.csv)").set_input_files(files["oud-2019"][0])
            page.get_by_label("Beschrijving (.json)").set_input_files(files["oud-2019"][1])
            page.get_by_role("button", name="Importeren").click()
            expect(page.get_by_role("alert")).to_contain_text("deze normen zijn voor vragenlijst samenspel-core@0.9")
            assert_accessible(page, f"norm file refused ({size})")
            assert_no_sideways_scroll(page, size, f"norm file refused ({size})")
            page.screenshot(path=str(out / f"norm-import-refused-{size}.png"), full_page=True)
            # the rows without their description: the browser holds the form (the server's own message is
            # tested in test_norms_import.py)
            page.get_by_label("Normregels (.csv)").set_input_files(files["nationaal-2025"][0])
            page.get_by_role("button", name="Importeren").click()
            assert page.get_by_label("Beschrijving (.json)").evaluate("e => e.validity.valueMissing")
            # now the pair as published
            page.get_by_label("Normregels (.csv)").set_input_files(files["nationaal-2025"][0])
            page.get_by_label("Beschrijving (.json)").set_input_files(files["nationaal-2025"][1])
            page.get_by_role("button", name="Importeren").click()
            expect(page.get_by_role("status")).to_contain_text("Geïmporteerd: nationaal-2025.csv")
            page.reload()
        card = page.locator(".normsets .card")
        expect(card).to_have_count(1)
        expect(card).to_contain_text("Sectorinstituut Samenwerking in Zorg en Welzijn")
        expect(card).to_contain_text("CC-BY-4.0")
        card.locator("summary").click()  # deleting takes a second step
        expect(card.get_by_role("button", name=re.compile("Ja, verwijderen"))).to_be_visible()
        assert_accessible(page, f"norm files ({size})")
        assert_no_sideways_scroll(page, size, f"norm files ({size})")
        page.screenshot(path=str(out / f"norm-import-{size}.png"), full_page=True)

        # the chair compares the demo's autumn round with the imported national norms
        page.goto(f"{live_server.url}/nl/a/{demo.slug}/rounds/2025-najaar/dashboard/", timeout=120_000)
        section = page.locator("#norms")
        expect(section).to_contain_text("Nog geen vergelijking")  # the installation's own norms: none yet
        section.get_by_label(re.compile("^Sectorinstituut")).check()
        section.get_by_role("button", name="Vergelijken").click()
        expect(page).to_have_url(re.compile(r"normset=\d+"))
        section = page.locator("#norms")
        expect(section).to_contain_text("Sectorinstituut Samenwerking in Zorg en Welzijn")
        expect(section).to_contain_text("60 allianties")
        expect(section).to_contain_text("geen doel")
        expect(section.locator("table.norm-places tbody tr")).not_to_have_count(0)
        assert_no_sideways_scroll(page, size, f"dashboard with imported norms ({size})")
        section.screenshot(path=str(out / f"dashboard-normset-{size}.png"))
        assert_accessible(page, f"dashboard with imported norms ({size})", within="#norms")
    assert refused == []
