"""The round's survey-tool page: questionnaire files for the tools, importing their exports, the mapping step."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from samenspel.web.alliances.models import Answer

BASE = "/nl/a/zorg-oost/rounds/2026-1/tools/"
pytestmark = pytest.mark.django_db

# The small test questionnaire in LimeSurvey's CSV layout; partner codes by id: A=p1, B=p2, C=p3.
LS_HEAD = ['id', 'submitdate', 'lastpage', 'startlanguage', 'seed', 'partner', 'role', 'amb01', 'par01', 'phase01',
           'reltrus[p1]', 'reltrus[p2]', 'reltrus[p3]', 'gp3[mot01]', 'open01']
LS_ROWS = [
    ['11', '2026-03-02 10:00:00', '3', 'nl', '5', 'p1', 'mgr', '4', '2', '3', None, '5', 'dk', 'Y', 'Goed; "echt"'],
    ['12', '2026-03-02 11:00:00', '3', 'en', '6', 'p2', 'board', '', '7', '1', '2', None, '3', '', ''],
]


def ls_csv(head=LS_HEAD, rows=LS_ROWS) -> bytes:  # type: ignore[no-untyped-def]
    def field(v: str | None) -> str:
        return "" if v is None else '"' + v.replace('"', '""') + '"'

    lines = [",".join(field(h) for h in head)] + [",".join(field(v) for v in r) for r in rows]
    return ("\ufeff" + "\r\n".join(lines) + "\r\n\r\n").encode()


def upload(data: bytes, name: str = "results-survey246810.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="text/csv")


def test_page_offers_the_questionnaire_for_each_tool(fclient, rnd):
    html = fclient.get(BASE).content.decode()
    for fmt in ("lss", "qsf", "forms"):
        assert f"tools/questionnaire.{fmt}" in html
    assert "Gemeente, Ziekenhuis, Huisartsen" in html


def test_questionnaire_files_hold_the_partner_names(fclient, rnd):
    lss = fclient.get(BASE + "questionnaire.lss")
    assert lss.status_code == 200 and 'filename="zorg-oost-2026-1-nl.lss"' in lss["Content-Disposition"]
    root = ET.fromstring(lss.content)
    answers = {r.findtext("answer") for r in root.find("answer_l10ns").find("rows")}
    assert {"Gemeente", "Ziekenhuis", "Huisartsen"} <= answers
    qsf = json.loads(fclient.get("/en" + BASE[3:] + "questionnaire.qsf").content)
    assert qsf["SurveyEntry"]["SurveyLanguage"] == "EN"
    docx = fclient.get(BASE + "questionnaire.forms")
    assert docx.status_code == 200 and docx.content[:2] == b"PK"
    assert fclient.get(BASE + "questionnaire.pdf").status_code == 404


def test_import_a_limesurvey_export(fclient, rnd):
    response = fclient.post(BASE + "import/", {"file": upload(ls_csv()), "tool": "auto"})
    assert response.status_code == 302, response.content.decode()[:2000]
    people = {r.code: (r.partner.code, r.role, r.language) for r in rnd.respondents.all()}
    assert people == {"11": ("A", "manager", "nl"), "12": ("B", "board", "en")}
    trust = {(a.respondent.code, a.target.code): (a.value, a.dont_know)
             for a in Answer.objects.filter(item="rel_trust")}
    assert trust == {("11", "B"): (5, False), ("11", "C"): (None, True), ("12", "A"): (2, False),
                     ("12", "C"): (3, False)}
    assert Answer.objects.get(respondent__code="11", item="open_01").text == 'Goed; "echt"'
    assert Answer.objects.get(respondent__code="12", item="mot_01").value == 0


def test_unknown_column_gets_a_mapping_step(fclient, rnd):
    head = LS_HEAD[:7] + ["Q9", "par01"]
    rows = [r[:7] + ["4", "2"] for r in LS_ROWS]
    response = fclient.post(BASE + "import/", {"file": upload(ls_csv(head, rows)), "tool": "limesurvey"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Kolommen koppelen" in html and "Q9" in html and 'name="carry"' in html
    assert not rnd.respondents.exists()
    carry = html.split('name="carry" value="', 1)[1].split('"', 1)[0]
    again = fclient.post(BASE + "import/", {"carry": carry})  # nothing chosen
    assert again.status_code == 400 and "Kies voor elke kolom" in again.content.decode()
    done = fclient.post(BASE + "import/", {"carry": carry, "col7": "amb_01|"})
    assert done.status_code == 302
    assert Answer.objects.filter(item="amb_01").count() == 2 and rnd.respondents.count() == 2


def test_a_tampered_or_expired_step_starts_again(fclient, rnd):
    response = fclient.post(BASE + "import/", {"carry": "not-signed"}, follow=True)
    assert "verlopen" in response.content.decode() and not rnd.respondents.exists()


def test_bad_export_lists_problems_and_imports_nothing(fclient, rnd):
    rows = [r[:] for r in LS_ROWS]
    rows[1][8] = "9"  # not an answer of par01
    response = fclient.post(BASE + "import/", {"file": upload(ls_csv(LS_HEAD, rows)), "tool": "auto"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "niets veranderd" in html and "results-survey246810.csv:3: column &#x27;par01&#x27;: unknown answer" in html
    assert not rnd.respondents.exists() and not Answer.objects.exists()


def test_partner_constant_for_exports_without_partner_question(fclient, rnd):
    head = [h for h in LS_HEAD if h not in ("partner", "reltrus[p1]", "reltrus[p2]", "reltrus[p3]")]
    rows = [[v for h, v in zip(LS_HEAD, r) if h in head] for r in LS_ROWS]
    no_partner = fclient.post(BASE + "import/", {"file": upload(ls_csv(head, rows)), "tool": "auto"})
    assert no_partner.status_code == 400 and "--partner NAME" in no_partner.content.decode()
    partner = rnd.alliance.partners.get(code="C")
    response = fclient.post(BASE + "import/", {"file": upload(ls_csv(head, rows)), "tool": "auto",
                                               "partner": partner.code})
    assert response.status_code == 302
    assert set(rnd.respondents.values_list("partner__code", flat=True)) == {"C"}


def test_other_alliances_cannot_use_the_page(client, django_user_model, rnd):
    outsider = django_user_model.objects.create_user("ot", password="pw-ot-12345")
    client.force_login(outsider)
    assert client.get(BASE).status_code == 404
    assert client.post(BASE + "import/", {"file": upload(ls_csv())}).status_code == 404
    assert client.get(BASE + "questionnaire.lss").status_code == 404


def test_an_export_in_which_nobody_counts_is_refused(fclient, rnd):
    """The same rule as the round's own import (issue 13 point 6): an export of empty answers is no data."""
    rows = [r[:7] + [None] * (len(LS_HEAD) - 7) for r in LS_ROWS]  # partner and role, no answer shown
    response = fclient.post(BASE + "import/", {"file": upload(ls_csv(LS_HEAD, rows)), "tool": "auto"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "niets veranderd" in html and "nobody in this file counts as a respondent" in html
    assert not rnd.respondents.exists() and not Answer.objects.exists()


def test_respondents_who_do_not_count_are_named_after_the_import(fclient, rnd):
    rows = [r[:] for r in LS_ROWS]
    rows[1] = rows[1][:7] + [None] * (len(LS_HEAD) - 7)  # the second response holds no answers
    response = fclient.post(BASE + "import/", {"file": upload(ls_csv(LS_HEAD, rows)), "tool": "auto"}, follow=True)
    assert "1 deelnemers tellen niet mee" in response.content.decode()


def test_problems_worded_in_the_page_language_are_not_marked_as_english(fclient, rnd):
    assert fclient.post(BASE + "import/", {"file": upload(ls_csv()), "tool": "auto"}).status_code == 302
    again = fclient.post(BASE + "import/", {"file": upload(ls_csv()), "tool": "auto"})
    assert again.status_code == 400
    html = again.content.decode()
    assert "deze deelnemers zitten al in deze ronde: 11, 12" in html
    assert "in het Engels" not in html and '<ul class="errorlist" lang="en">' not in html
