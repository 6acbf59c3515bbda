"""Facilitator pages: alliances, partners, rounds, invitations, import/export, deletion."""

from __future__ import annotations

import csv
import io

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from samenspel.web.alliances import tokens
from samenspel.web.alliances.models import Alliance, Answer, MeasurementRound, Membership, ReportJob, Respondent

from webhelpers import make_respondent

pytestmark = pytest.mark.django_db
BASE = "/nl/a/zorg-oost"


def test_login_required(client, alliance):
    response = client.get(BASE + "/")
    assert response.status_code == 302 and response["Location"].startswith("/nl/login/")


def test_login_page_works_in_both_languages(client, facilitator):
    assert "Inloggen" in client.get("/nl/login/").content.decode()
    assert "Log in" in client.get("/en/login/").content.decode()
    response = client.post("/nl/login/", {"username": "fien", "password": "pw-fien-123"})
    assert response.status_code == 302


def test_create_alliance_makes_creator_facilitator(fclient, facilitator):
    response = fclient.post("/nl/alliances/new/", {"name": "Energie Coöperatie Noord", "min_group": 3,
                                                   "governance_model": "cooperative"})
    assert response.status_code == 302
    a = Alliance.objects.get(slug="energie-cooperatie-noord")
    assert a.governance_model == "cooperative"
    bad = fclient.post("/nl/alliances/new/", {"name": "Y", "min_group": 3, "governance_model": "dictatorship"})
    assert bad.status_code == 200 and not Alliance.objects.filter(name="Y").exists()
    assert Membership.objects.get(alliance=a).user == facilitator


def test_min_group_must_be_positive(fclient):
    response = fclient.post("/nl/alliances/new/", {"name": "X", "min_group": 0})
    assert response.status_code == 200 and not Alliance.objects.filter(name="X").exists()


def test_add_partner_and_round(fclient, alliance):
    assert fclient.post(BASE + "/partners/", {"name": "Provincie", "code": "D"}).status_code == 302
    assert alliance.partners.filter(code="D").exists()
    assert fclient.post(BASE + "/partners/", {"name": "Dubbel", "code": "D"}).status_code == 400
    response = fclient.post(BASE + "/rounds/", {"name": "Najaar", "code": "2026-2", "opens": "2026-09-01",
                                                "closes": "2026-10-01", "short": "on"})
    assert response.status_code == 302
    rnd = alliance.rounds.get(code="2026-2")
    assert rnd.short and rnd.status == "open"
    bad = fclient.post(BASE + "/rounds/", {"name": "Fout", "code": "x", "opens": "2026-09-01", "closes": "2026-08-01"})
    assert bad.status_code == 400 and not alliance.rounds.filter(code="x").exists()


def test_invite_makes_links_and_mails_in_the_background(fclient, rnd, django_capture_on_commit_callbacks):
    b = rnd.alliance.partners.get(code="B")
    with django_capture_on_commit_callbacks(execute=True):
        response = fclient.post(BASE + "/rounds/2026-1/invite/", {"partner": b.pk, "count": 2, "emails": "a@x.nl\nb@x.nl",
                                                             "role": "manager", "language": "en"})
    assert response.status_code == 302
    assert rnd.respondents.filter(partner=b).count() == 4
    assert len(mail.outbox) == 2
    message = mail.outbox[0]
    assert message.to == ["a@x.nl"] and "Invitation" in message.subject
    token = message.body.split("/r/")[1].split("/")[0]
    assert tokens.find(token).email == "a@x.nl"
    assert Respondent.objects.get(email="a@x.nl").invited_at is not None
    html = fclient.get(BASE + "/rounds/2026-1/links/").content.decode()
    assert html.count("/r/") >= 4
    rows = list(csv.DictReader(io.StringIO(fclient.get(BASE + "/rounds/2026-1/links.csv").content.decode())))
    assert len(rows) == 4 and {r["partner"] for r in rows} == {"B"}
    assert all(tokens.find(r["link"].split("/r/")[1].strip("/")) for r in rows)


def test_invalid_email_is_refused(fclient, rnd):
    b = rnd.alliance.partners.get(code="B")
    response = fclient.post(BASE + "/rounds/2026-1/invite/", {"partner": b.pk, "emails": "not-an-address", "language": "nl"})
    assert response.status_code == 400 and not rnd.respondents.exists()


def test_reminders_only_to_those_who_did_not_submit(fclient, rnd):
    from django.utils import timezone

    done, _ = make_respondent(rnd, "A", "r1")
    todo, _ = make_respondent(rnd, "A", "r2")
    Respondent.objects.filter(pk=done.pk).update(email="done@x.nl", submitted_at=timezone.now())
    Respondent.objects.filter(pk=todo.pk).update(email="todo@x.nl")
    fclient.post(BASE + "/rounds/2026-1/remind/")
    assert [m.to for m in mail.outbox] == [["todo@x.nl"]]
    assert "Herinnering" in mail.outbox[0].subject


def _run_db_worker() -> None:
    """``db_worker --batch`` in this process, on a fresh connection before and after.

    The worker calls ``close_old_connections()`` between tasks, so whether it
    keeps, closes or reopens the test's connection depends on its age
    (CONN_MAX_AGE) and health; on PostgreSQL a reused connection that was
    closed underneath gave "the connection is closed". Starting and ending on
    a new connection makes the test independent of what ran before it.
    """
    from django.db import connection

    connection.close()
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    connection.close()


@pytest.mark.django_db(transaction=True)
def test_reminder_task_runs_on_the_database_worker(fclient, rnd, settings):
    """The real backend: the request only enqueues; ``db_worker --batch`` sends."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    todo, _ = make_respondent(rnd, "A", "r2")
    Respondent.objects.filter(pk=todo.pk).update(email="todo@x.nl")
    fclient.post(BASE + "/rounds/2026-1/remind/")
    assert mail.outbox == []
    _run_db_worker()
    assert [m.to for m in mail.outbox] == [["todo@x.nl"]]
    assert Respondent.objects.get(pk=todo.pk).reminded_at is not None


@pytest.mark.django_db(transaction=True)
def test_worker_survives_a_connection_closed_underneath(fclient, rnd, settings):
    """A database connection closed behind Django's back (server restart, idle time-out) is
    replaced by the worker thanks to the health checks (settings: conn_health_checks)."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("SQLite connections are local files; no server closes them")
    assert connection.settings_dict["CONN_HEALTH_CHECKS"] is True
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    todo, _ = make_respondent(rnd, "A", "r2")
    Respondent.objects.filter(pk=todo.pk).update(email="todo@x.nl")
    fclient.post(BASE + "/rounds/2026-1/remind/")
    connection.ensure_connection()
    connection.connection.close()  # the raw psycopg connection, as if the server dropped it
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    assert [m.to for m in mail.outbox] == [["todo@x.nl"]]
    connection.close()


def test_response_rates_are_counts_per_partner(fclient, rnd):
    from django.utils import timezone

    for i in range(3):
        r, _ = make_respondent(rnd, "A", f"a{i}")
        if i < 2:
            Respondent.objects.filter(pk=r.pk).update(started_at=timezone.now(), submitted_at=timezone.now())
    response = fclient.get(BASE + "/rounds/2026-1/")
    rates = {row["partner"].code: row for row in response.context["rates"]}
    assert (rates["A"]["invited"], rates["A"]["submitted"], rates["A"]["rate"]) == (3, 2, 67)
    assert rates["B"]["rate"] is None


def test_close_round_stops_answers(fclient, rnd, respondent):
    _, token = respondent
    fclient.post(BASE + "/rounds/2026-1/status/", {"status": "closed"})
    rnd.refresh_from_db()
    assert rnd.status == "closed" and fclient.get(f"/r/{token}/").status_code == 410


CSV_OK = (
    "alliance,round,respondent,partner,item,value,target\n"
    "zorg-oost,R1,p1,A,amb_01,4,\n"
    "zorg-oost,R1,p1,A,rel_trust,5,B\n"
    "zorg-oost,R1,p1,A,open_01,\"goed, echt\",\n"
    "zorg-oost,R1,p2,B,amb_01,,\n"
    "zorg-oost,R1,p2,B,rel_trust,2,E\n"
)


def upload(text: str, name: str = "antwoorden.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode(), content_type="text/csv")


def test_import_then_export_is_lossless(fclient, rnd):
    response = fclient.post(BASE + "/rounds/2026-1/import/", {"file": upload(CSV_OK)})
    assert response.status_code == 302
    assert rnd.respondents.count() == 2 and Answer.objects.filter(respondent__round=rnd).count() == 5
    assert rnd.alliance.partners.filter(code="E").exists()  # unknown target became a partner
    exported = fclient.get(BASE + "/rounds/2026-1/export.csv").content.decode()
    rows = list(csv.DictReader(io.StringIO(exported)))
    got = {(r["respondent"], r["partner"], r["item"], r["value"], r["target"], r["round"]) for r in rows}
    assert got == {
        ("p1", "A", "amb_01", "4", "", "2026-1"),
        ("p1", "A", "rel_trust", "5", "B", "2026-1"),
        ("p1", "A", "open_01", "goed, echt", "", "2026-1"),
        ("p2", "B", "amb_01", "", "", "2026-1"),
        ("p2", "B", "rel_trust", "2", "E", "2026-1"),
    }


def test_import_with_errors_lists_them_and_imports_nothing(fclient, rnd):
    bad = CSV_OK + "zorg-oost,R1,p3,C,amb_01,9,\nzorg-oost,R1,p3,C,nope,1,\n"
    response = fclient.post(BASE + "/rounds/2026-1/import/", {"file": upload(bad)})
    assert response.status_code == 400
    html = response.content.decode()
    assert "antwoorden.csv:7" in html and "antwoorden.csv:8" in html and "niets veranderd" in html
    assert not rnd.respondents.exists() and not Answer.objects.exists()


def test_import_refuses_respondents_already_in_the_round(fclient, rnd):
    fclient.post(BASE + "/rounds/2026-1/import/", {"file": upload(CSV_OK)})
    response = fclient.post(BASE + "/rounds/2026-1/import/", {"file": upload(CSV_OK)})
    assert response.status_code == 400 and "p1" in response.content.decode()
    assert rnd.respondents.count() == 2


def test_export_holds_only_submitted_answers(fclient, rnd, client, respondent):
    r, token = respondent
    Answer.objects.create(respondent=r, item="amb_01", value=3)
    assert fclient.get(BASE + "/rounds/2026-1/export.csv").content.decode().count("\n") == 1  # header only


def test_delete_one_respondent_needs_confirmation(fclient, rnd, respondent):
    r, _ = respondent
    Answer.objects.create(respondent=r, item="amb_01", value=3)
    ReportJob.objects.create(round=rnd, status=ReportJob.DONE, pdf=b"%PDF")  # built with r1's answers
    page = BASE + f"/rounds/2026-1/respondents/{r.pk}/delete/"
    assert fclient.get(page).status_code == 200
    assert fclient.post(page, {"confirm": "wrong"}).status_code == 400
    assert Respondent.objects.filter(pk=r.pk).exists()
    assert fclient.post(page, {"confirm": "r1"}).status_code == 302
    assert not Respondent.objects.filter(pk=r.pk).exists() and not Answer.objects.exists()
    assert not ReportJob.objects.exists()


def test_delete_alliance_removes_everything(fclient, alliance, rnd, respondent):
    r, _ = respondent
    Answer.objects.create(respondent=r, item="amb_01", value=3)
    assert fclient.post(BASE + "/delete/", {"confirm": "nope"}).status_code == 400
    assert fclient.post(BASE + "/delete/", {"confirm": "zorg-oost"}).status_code == 302
    assert not Alliance.objects.exists() and not MeasurementRound.objects.exists()
    assert not Respondent.objects.exists() and not Answer.objects.exists()


def test_facilitator_gives_a_colleague_viewer_access(fclient, alliance, django_user_model):
    colleague = django_user_model.objects.create_user("kees", password="x")
    assert fclient.post(BASE + "/members/", {"username": "kees", "role": "viewer"}).status_code == 302
    assert Membership.objects.get(user=colleague, alliance=alliance).role == "viewer"
    fclient.post(BASE + "/members/", {"username": "nobody", "role": "viewer"})
    assert not Membership.objects.filter(user__username="nobody").exists()  # waits for an account of that name


def test_rates_partial_for_htmx(fclient, rnd):
    make_respondent(rnd, "A", "r1")
    response = fclient.get(BASE + "/rounds/2026-1/rates/", HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert html.startswith("<table") and "Gemeente" in html and "<html" not in html


def test_round_page_refreshes_rates_with_local_htmx(fclient, rnd):
    html = fclient.get(BASE + "/rounds/2026-1/").content.decode()
    assert 'hx-get="/nl/a/zorg-oost/rounds/2026-1/rates/"' in html and "/static/samenspel/htmx.min.js" in html


def test_respondent_lookup_leads_to_the_confirmation(fclient, rnd, respondent):
    response = fclient.get(BASE + "/rounds/2026-1/respondents/", {"respondent": "r1"})
    assert response["Location"] == BASE + f"/rounds/2026-1/respondents/{respondent[0].pk}/delete/"
    response = fclient.get(BASE + "/rounds/2026-1/respondents/", {"respondent": "zz"})
    assert response["Location"] == BASE + "/rounds/2026-1/"


def test_alliance_page_forms_have_unique_ids_and_an_iso_opening_date(fclient, alliance):
    """Partner and round forms share a page: every label must point at its own field, and a
    date input only shows ISO dates (a Dutch 22-11-2026 would leave it empty and block the form)."""
    import re

    from django.utils import timezone

    html = fclient.get(BASE + "/").content.decode()
    ids = re.findall(r'\bid="([^"]+)"', html)
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
    assert f'value="{timezone.localdate().isoformat()}"' in html and 'id="round_opens"' in html


def test_xlsx_bomb_upload_gets_a_friendly_message_and_imports_nothing(fclient, rnd):
    """Issue 13: a 1.6 KB workbook with one cell at XFD1048576 used to abort the worker."""
    from pathlib import Path

    bomb = (Path(__file__).parents[1] / "fixtures" / "bad" / "bomb.xlsx").read_bytes()
    response = fclient.post(BASE + "/rounds/2026-1/import/", {"file": SimpleUploadedFile(
        "bom.xlsx", bomb, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")})
    assert response.status_code == 400
    html = response.content.decode()
    assert "bom.xlsx" in html and "Ctrl+End" in html
    assert not rnd.respondents.exists() and not Answer.objects.exists()


def test_upload_above_the_size_limit_is_refused(fclient, rnd, settings):
    settings.SAMENSPEL_MAX_UPLOAD_MB = 1
    big = CSV_OK + "zorg-oost,R1,p9,A,amb_01,3,\n" * 50_000
    response = fclient.post(BASE + "/rounds/2026-1/import/", {"file": upload(big)})
    assert response.status_code == 400
    assert "het maximum is 1 MB" in response.content.decode()
    assert not rnd.respondents.exists()


def test_a_request_far_above_the_limit_keeps_no_byte_of_its_file(fclient, rnd, settings, monkeypatch):
    """samenspel.web.uploads.UploadLimit: a body larger than the limit is not written to memory or disk;
    the form still says why, on the page the user was on."""
    from django.core.files import uploadhandler

    settings.SAMENSPEL_MAX_UPLOAD_MB = 1

    def stored(*args, **kwargs):
        raise AssertionError("part of a file above the limit was kept")

    monkeypatch.setattr(uploadhandler.TemporaryFileUploadHandler, "receive_data_chunk", stored)
    monkeypatch.setattr(uploadhandler.MemoryFileUploadHandler, "receive_data_chunk", stored)
    big = CSV_OK + "zorg-oost,R1,p9,A,amb_01,3,\n" * 120_000  # about 3.4 MB: past the 1 MB room for fields
    response = fclient.post(BASE + "/rounds/2026-1/import/", {"file": upload(big)})
    assert response.status_code == 400
    html = response.content.decode()
    assert "het maximum is 1 MB" in html and "Dit bestand is 3 MB" in html
    assert not rnd.respondents.exists()


def test_a_file_below_the_limit_still_reaches_djangos_handlers(fclient, rnd, settings):
    settings.SAMENSPEL_MAX_UPLOAD_MB = 1
    response = fclient.post(BASE + "/rounds/2026-1/import/", {"file": upload(CSV_OK)})
    assert response.status_code in (200, 302)
    assert rnd.respondents.exists()


def test_a_refused_import_is_summed_up_at_the_top_of_the_round_page(fclient, rnd, settings):
    """The import form sits far down the round page: on a phone a refusal reloaded the page at its top with
    nothing to see. One alert at the top says what happened and links to the form."""
    import re

    bad = fclient.post(BASE + "/rounds/2026-1/import/", {"file": upload(CSV_OK + "zorg-oost,R1,p9,A,amb_01,9,\n")})
    html = bad.content.decode()
    assert bad.status_code == 400 and html.count('role="alert"') == 1
    top = html.index('role="alert"')
    assert top < html.index('id="import-h"') and top < html.index("<h2")
    summary = html[top:html.index("</div>", top)]
    assert "niet geïmporteerd" in summary and 'href="#import-h"' in summary and re.search(r"\b9\b", summary)

    settings.SAMENSPEL_MAX_UPLOAD_MB = 1
    big = fclient.post(BASE + "/rounds/2026-1/import/", {"file": upload(CSV_OK + "zorg-oost,R1,p9,A,amb_01,3,\n" * 50_000)})
    html = big.content.decode()
    summary = html[html.index('role="alert"'):]
    assert "het maximum is 1 MB" in summary[:summary.index("</div>")]
    assert 'role="alert"' not in fclient.get(BASE + "/rounds/2026-1/").content.decode()
