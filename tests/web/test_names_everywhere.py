"""Names everywhere (issue 12, point 3): for an alliance made in the app, whose partners and rounds have
short codes ("GRX", "2025-najaar") and names people read ("Gemeente Rivierstad", "Najaar 2025"), every
output meant for people (dashboard, report, network picture, round page, participants) shows the names;
the files meant for machines (dashboard JSON, response CSV; docs/FORMATS.md) keep the codes.

The answers are the demo alliance's (two rounds, six partners, one of them below the minimum group),
stored under codes that differ from the names, as a facilitator who typed short codes gets them.
"""

from __future__ import annotations

import html as html_lib
import re

import pytest

from samenspel.demo import make_demo
from samenspel.web.alliances.demo_data import load_demo
from samenspel.web.alliances.models import Membership

pytestmark = [pytest.mark.django_db, pytest.mark.real_questionnaire, pytest.mark.real_knowledge]

ROUND_NAMES = {"2025-voorjaar": "Voorjaar 2025", "2025-najaar": "Najaar 2025"}


@pytest.fixture(scope="module")
def demo():  # type: ignore[no-untyped-def]
    return make_demo()


@pytest.fixture
def coded(demo, client, django_user_model):  # type: ignore[no-untyped-def]
    """The demo alliance with short partner codes and round names that differ from the round codes."""
    alliance, _ = load_demo(demo)
    codes = {}
    for p in alliance.partners.all():
        code = "".join(w[0] for w in p.name.split()).upper() + "X"  # Gemeente Rivierstad -> GRX
        codes[code] = p.name
        p.code = code
        p.save(update_fields=["code"])
    for rnd in alliance.rounds.filter(code__in=ROUND_NAMES):
        rnd.name = ROUND_NAMES[rnd.code]
        rnd.save(update_fields=["name"])
    user = django_user_model.objects.create_user("fien", password="pw-fien-123")
    Membership.objects.create(user=user, alliance=alliance, role=Membership.FACILITATOR)
    client.force_login(user)
    return alliance, codes, client


def _visible(document: str) -> str:
    """What a reader sees or hears: text and the accessible names in titles, without tags or attributes."""
    body = re.sub(r"<(style|script)\b.*?</\1>", " ", document, flags=re.S | re.I)
    return html_lib.unescape(re.sub(r"<[^>]+>", " ", body))


def _codes_in(text: str, codes: dict[str, str]) -> list[str]:
    return [code for code in codes if re.search(rf"(?<![\w-]){re.escape(code)}(?![\w-])", text)]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_dashboard_shows_partner_and_round_names_never_codes(coded, lang):
    alliance, codes, client = coded
    page = client.get(f"/{lang}/a/{alliance.slug}/rounds/2025-najaar/dashboard/").content.decode()
    text = _visible(page)
    assert _codes_in(text, codes) == []
    shown = [name for name in codes.values() if name in text]
    assert len(shown) == len(codes)  # every partner by name (the small one in the note, without figures)
    assert "Voorjaar 2025" in text and "2025-voorjaar" not in text  # the trend against the earlier round
    # the network picture and the charts name partners too
    svgs = " ".join(re.findall(r"<svg\b.*?</svg>", page, flags=re.S))
    assert "Gemeente Rivierstad" in _visible(svgs) and _codes_in(_visible(svgs), codes) == []


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_report_shows_names_never_codes(coded, lang):
    alliance, codes, client = coded
    report = client.get(f"/{lang}/a/{alliance.slug}/rounds/2025-najaar/report.html").content.decode()
    text = _visible(report)
    assert _codes_in(text, codes) == []
    assert "Najaar 2025" in text and "2025-najaar" not in text  # "Meetronde Najaar 2025 · gemaakt op ..."
    assert "Ziekenhuis Waalzicht" in text


def test_files_for_machines_keep_the_codes(coded):
    alliance, codes, client = coded
    data = client.get(f"/nl/a/{alliance.slug}/rounds/2025-najaar/dashboard.json").json()
    assert data["round"] == "2025-najaar"
    assert set(data["partners"]) <= set(codes) and data["partners"]["GRX"]["name"] == "Gemeente Rivierstad"
    export = client.get(f"/nl/a/{alliance.slug}/rounds/2025-najaar/export.csv").content.decode().splitlines()
    header = export[0].split(",")
    partner_column = header.index("partner")
    assert {line.split(",")[partner_column] for line in export[1:50]} <= set(codes)


def test_renaming_a_partner_renames_it_in_the_diagnosis(coded):
    alliance, codes, client = coded
    url = f"/nl/a/{alliance.slug}/rounds/2025-najaar/dashboard/"
    assert "Gemeente Rivierstad" in _visible(client.get(url).content.decode())
    grx = alliance.partners.get(code="GRX")
    response = client.post(f"/nl/a/{alliance.slug}/partners/{grx.pk}/edit/", {"name": "Gemeente Rivierstad-Oost"})
    assert response.status_code == 302
    text = _visible(client.get(url).content.decode())
    assert "Gemeente Rivierstad-Oost" in text  # the cached reading follows the new name
    assert alliance.partners.get(pk=grx.pk).code == "GRX"  # the code that links the rounds stays


def test_the_excel_export_for_people_names_every_code_and_still_imports(coded):
    import io

    from openpyxl import load_workbook

    from samenspel.responses.reader import read_responses_data

    alliance, codes, client = coded
    data = client.get(f"/nl/a/{alliance.slug}/rounds/2025-najaar/export.xlsx").content
    book = load_workbook(io.BytesIO(data), read_only=True)
    assert book.sheetnames == ["responses", "names"]
    names = {(k, c): n for k, c, n in list(book["names"].iter_rows(values_only=True))[1:]}
    assert names[("round", "2025-najaar")] == "Najaar 2025"
    assert names[("alliance", alliance.slug)] == alliance.name
    assert {c: n for (k, c), n in names.items() if k == "partner"} == codes
    # the first sheet is still the response format: it reads back with partner codes
    responses = read_responses_data(data, "export.xlsx")
    assert set(responses.partners()) <= set(codes)
