"""The same validation on SQLite and PostgreSQL, odd ids, exports for people, and no token in any log
(issue 13, points 3, 4 and 5). The PostgreSQL pass of scripts/test runs this file again on PostgreSQL,
where NUL and over-long codes once gave a 500.
"""

from __future__ import annotations

import io
import logging
import re
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from samenspel.web.alliances import tokens
from samenspel.web.alliances.api import create_token
from samenspel.web.mail import RedactingConsoleBackend
from samenspel.web.alliances.models import Answer, Respondent

from webhelpers import make_respondent

pytestmark = pytest.mark.django_db
BASE = "/nl/a/zorg-oost/rounds/2026-1/"
HEADER = "alliance,round,respondent,partner,item,value,target\n"


def upload(text: str, name: str = "antwoorden.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode(), content_type="text/csv")


def test_nul_in_an_open_answer_is_dropped_and_the_rest_is_saved(client, respondent):
    r, token = respondent
    client.post(f"/r/{token}/p/1/", {"i__amb_01": "4", "i__par_01": "3", "i__phase_01": "2"})
    client.post(f"/r/{token}/p/2/", {"i__rel_trust__B": "3", "i__rel_trust__C": "4"})
    response = client.post(f"/r/{token}/p/3/", {"i__open_01": "Goed\x00 gedaan,\x07 echt\r\nwaar", "nav": "review"})
    assert response.status_code == 302  # saved, on every database
    assert Answer.objects.get(respondent=r, item="open_01").text == "Goed gedaan, echt\r\nwaar"


def test_nul_with_an_error_elsewhere_shows_the_answer_without_it(client, respondent):
    _, token = respondent
    response = client.post(f"/r/{token}/p/1/", {"i__amb_01": "9", "i__par_01": "3", "i__phase_01": "2"})
    assert response.status_code == 400  # an ordinary form error, no 500


@pytest.mark.parametrize("row, says", [
    ("zorg-oost,R1,p1,A,open_01,\"nul\x00hier\",", "antwoorden.csv:2: the open answer to item open_01 contains the control character NUL"),
    (f"zorg-oost,R1,{'p' * 61},A,amb_01,4,", "antwoorden.csv:2: respondent 'pppppppppppppppppppp...' is 61 characters long; a respondent id has at most 60"),
    (f"zorg-oost,R1,p1,{'A' * 41},amb_01,4,", "antwoorden.csv:2: partner 'AAAAAAAAAAAAAAAAAAAA...' is 41 characters long; a partner id has at most 40"),
    (f"zorg-oost,R1,p1,A,rel_trust,4,{'B' * 41}", "antwoorden.csv:2: target 'BBBBBBBBBBBBBBBBBBBB...' is 41 characters long"),
    ("zorg-oost,R1,p\x001,A,amb_01,4,", "antwoorden.csv:2: respondent 'p\\x001' contains the control character NUL (U+0000)"),
])
def test_import_refuses_nul_and_long_codes_with_file_and_line(fclient, rnd, row, says):
    response = fclient.post(BASE + "import/", {"file": upload(HEADER + row + "\n")})
    assert response.status_code == 400
    html = response.content.decode()
    assert says.replace("'", "&#x27;") in html and "niets veranderd" in html
    assert not rnd.respondents.exists() and not Answer.objects.exists()


def test_import_of_a_file_in_which_nobody_counts_is_refused(fclient, rnd):
    response = fclient.post(BASE + "import/", {"file": upload(HEADER + "zorg-oost,R1,p1,A,amb_01,,\n")})
    assert response.status_code == 400 and "nobody in this file counts as a respondent" in response.content.decode()
    assert not rnd.respondents.exists()


ODD = ["a/b", "50%", "x?y=1", "..", "#1", "een spatie", "é/ü", "a\\b", "<b>"]


def test_odd_respondent_ids_can_be_listed_exported_and_deleted(fclient, rnd):
    rows = "".join(f"zorg-oost,R1,{code.replace(chr(34), '')},A,amb_01,4,\n" for code in ODD)
    assert fclient.post(BASE + "import/", {"file": upload(HEADER + rows)}).status_code == 302
    for person in rnd.respondents.all():  # links too, so the links page lists them
        tokens.issue(person)
    links = fclient.get(BASE + "links/")
    assert links.status_code == 200
    exported = fclient.get(BASE + "export.csv").content.decode()
    assert all(code in exported for code in ODD)
    for code in ODD:
        found = fclient.get(BASE + "respondents/", {"respondent": code})
        assert found.status_code == 302 and "/delete/" in found["Location"], code
        page = fclient.get(found["Location"])
        assert page.status_code == 200, code
        assert fclient.post(found["Location"], {"confirm": code}).status_code == 302, code
        assert not rnd.respondents.filter(code=code).exists(), code
    assert not Answer.objects.exists()


FORMULAS = ["=HYPERLINK(\"http://x.invalid\",\"klik\")", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]


def _submitted_with_texts(rnd, texts: list[str]) -> None:  # type: ignore[no-untyped-def]
    for i, text in enumerate(texts):
        r, _ = make_respondent(rnd, "A", f"f{i}")
        Answer.objects.create(respondent=r, item="open_01", text=text)
        Respondent.objects.filter(pk=r.pk).update(submitted_at=timezone.now())


def test_the_xlsx_export_keeps_formulas_as_text(fclient, rnd):
    _submitted_with_texts(rnd, FORMULAS)
    response = fclient.get(BASE + "export.xlsx")
    assert response.status_code == 200 and response["Content-Type"].startswith("application/vnd.openxml")
    sheet = zipfile.ZipFile(io.BytesIO(response.content)).read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet and "<f " not in sheet  # no formula anywhere
    import openpyxl

    values = {c.value for row in openpyxl.load_workbook(io.BytesIO(response.content)).active.iter_rows() for c in row}
    assert "=HYPERLINK(\"http://x.invalid\",\"klik\")" in values and "@SUM(A1)" in values  # as typed, as text


def test_the_csv_export_is_lossless_and_labelled_for_software(fclient, rnd):
    _submitted_with_texts(rnd, FORMULAS[:4])
    exported = fclient.get(BASE + "export.csv").content.decode()
    assert all(f in exported for f in FORMULAS[1:4]) and FORMULAS[0].replace('"', '""') in exported  # verbatim
    page = fclient.get(BASE).content.decode()
    assert "CSV voor software (verliesvrij)" in page and "Excel-bestand (XLSX)" in page
    assert "CSV for software (lossless)" in fclient.get(BASE.replace("/nl/", "/en/")).content.decode()


def test_the_links_csv_for_people_is_neutralised(fclient, rnd):
    for code in ("=cmd|' /C calc'!A0", "+1", "@x", "gewoon"):
        make_respondent(rnd, "A", code)
    rows = fclient.get(BASE + "links.csv").content.decode().splitlines()
    ids = [row.split(",")[1] for row in rows[1:]]
    assert ids[:3] == ["'=cmd\\|' /C calc'!A0", "'+1", "'@x"] and ids[3] == "gewoon"  # OWASP: ' first, | escaped


def test_the_api_csv_is_the_documented_lossless_format(client, facilitator, rnd):
    _submitted_with_texts(rnd, FORMULAS[:1])
    api = client.get(f"/api/alliances/zorg-oost/rounds/2026-1/responses.csv",
                     HTTP_AUTHORIZATION="Bearer " + create_token(facilitator))
    assert FORMULAS[0].replace('"', '""') in api.content.decode()
    schema = client.get("/api/openapi.json").json()
    described = schema["paths"]["/api/alliances/{slug}/rounds/{code}/responses.csv"]["get"]["responses"]
    assert "lossless" in described["200"]["description"] and "text/csv" in described["200"]["content"]


def test_no_token_in_the_log_or_the_console_mail(fclient, rnd, settings, caplog, capsys,
                                                django_capture_on_commit_callbacks):
    """With no SMTP host, mail went to stdout with every personal link in full."""
    settings.EMAIL_BACKEND = "samenspel.web.mail.RedactingConsoleBackend"
    with caplog.at_level(logging.DEBUG), django_capture_on_commit_callbacks(execute=True):
        fclient.post(BASE + "invite/", {"partner": rnd.alliance.partners.get(code="A").pk, "count": "0",
                                         "emails": "a@example.nl\nb@example.nl", "language": "nl"})
        person = rnd.respondents.first()
        token = tokens.token_for(person)
        from django.test import Client

        Client().get(f"/r/{token}x/")  # a 404 on a link is logged: without the token
    printed = capsys.readouterr().out
    assert "/r/[token]/" in printed and "Beste deelnemer" in printed
    everything = printed + caplog.text + "".join(str(r.__dict__) for r in caplog.records)
    for r in rnd.respondents.all():
        assert tokens.token_for(r) not in everything
    assert not re.search(r"/r/(?!\[token\])[A-Za-z0-9_-]{8,}", everything)


def test_the_console_backend_is_the_default_without_smtp():
    import samenspel.web.settings as module  # the module's own value; the test run swaps in an in-memory backend

    assert module.EMAIL_HOST or module.EMAIL_BACKEND == "samenspel.web.mail.RedactingConsoleBackend"


def test_the_console_backend_redacts_a_long_encoded_body():
    """A body with non-ASCII text is encoded (quoted-printable/base64) and may wrap a link: still redacted."""
    from django.core.mail import EmailMessage

    stream = io.StringIO()
    link = "https://samenspel.example.nl/r/Zm9vYmFyYmF6cXV4cXV1eHF1dXhxdXV4eHh4eA/"
    body = "Beste deelnemer, één vraag: " + "x" * 70 + " " + link + "\n"
    RedactingConsoleBackend(stream=stream).send_messages([EmailMessage("Uitnodiging", body, "a@b.nl", ["c@d.nl"])])
    printed = stream.getvalue()
    assert "/r/[token]/" in printed and "Zm9vYmFy" not in printed and "één vraag" in printed
