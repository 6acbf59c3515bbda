"""Report downloads from the web: HTML at once, PDF as a background task with a
progress page; object-level access (another alliance's facilitator gets 404).

The report itself is tested in tests/report; here: the web path delivers the
same report for the round's rows and guards it like the dashboard.
"""

from __future__ import annotations

import subprocess

import pytest

from samenspel.demo import ALLIANCE_ID, make_demo
from samenspel.web.alliances.demo_data import OPEN_ROUND, load_demo
from samenspel.web.alliances.models import Membership, ReportJob

from webhelpers import leaks

pytestmark = [pytest.mark.django_db, pytest.mark.real_questionnaire, pytest.mark.real_knowledge]
BASE = f"/nl/a/{ALLIANCE_ID}/rounds/2025-najaar/"


@pytest.fixture(scope="module")
def demo():  # type: ignore[no-untyped-def]
    return make_demo()


@pytest.fixture
def demo_alliance(demo):  # type: ignore[no-untyped-def]
    return load_demo(demo)[0]


def _login(client, django_user_model, alliance, name: str, role: str):  # type: ignore[no-untyped-def]
    user = django_user_model.objects.create_user(name, password="x")
    Membership.objects.create(user=user, alliance=alliance, role=role)
    client.force_login(user)
    return user


def test_html_report_download_in_both_languages(client, django_user_model, demo_alliance):
    _login(client, django_user_model, demo_alliance, "fien", Membership.FACILITATOR)
    page = client.get(BASE + "report/").content.decode()
    assert "report.html?lang=nl" in page and "report/pdf/" in page
    nl = client.get(BASE + "report.html?lang=nl")
    assert nl.status_code == 200 and nl["Content-Disposition"].startswith("attachment;")
    html = nl.content.decode()
    assert "Samenspel-rapport voor de stuurgroep" in html and demo_alliance.name in html
    assert "Wat de stuurgroep moet weten" in html
    assert leaks(html, "Welzijn Samen") == []  # two respondents: named, never scored
    en = client.get(BASE + "report.html?lang=en").content.decode()
    assert "Samenspel report for the steering group" in en and "<html lang=\"en\">" in en


def test_pdf_is_built_in_the_background_then_downloaded(client, django_user_model, demo_alliance, tmp_path):
    _login(client, django_user_model, demo_alliance, "fien", Membership.FACILITATOR)
    response = client.post(BASE + "report/pdf/", {"lang": "nl"})  # tests run tasks immediately
    job = ReportJob.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"/report/{job.pk}/")
    assert job.status == ReportJob.DONE and job.language == "nl"
    page = client.get(response["Location"]).content.decode()
    assert "report-download" in page and "hx-trigger" not in page  # finished: no more polling
    pdf = client.get(BASE + f"report/{job.pk}/report.pdf")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    body = b"".join(pdf.streaming_content) if pdf.streaming else pdf.content
    assert body.startswith(b"%PDF")
    path = tmp_path / "r.pdf"
    path.write_bytes(body)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert "Wat de stuurgroep moet weten" in text and demo_alliance.name in text


def test_progress_page_polls_until_the_worker_is_done(client, django_user_model, demo_alliance):
    """With the database backend the job waits for the worker: the page polls (htmx) and shows no download."""
    user = _login(client, django_user_model, demo_alliance, "fien", Membership.FACILITATOR)
    rnd = demo_alliance.rounds.get(code="2025-najaar")
    job = ReportJob.objects.create(round=rnd, requested_by=user, language="en")
    full = client.get(BASE + f"report/{job.pk}/").content.decode()
    assert 'hx-trigger="every 2s"' in full and "report-download" not in full
    partial = client.get(BASE + f"report/{job.pk}/", HTTP_HX_REQUEST="true").content.decode()
    assert partial.lstrip().startswith("<div id=\"report-status\"") and "<html" not in partial
    assert client.get(BASE + f"report/{job.pk}/report.pdf").status_code == 404  # not ready yet
    job.status, job.pdf = ReportJob.FAILED, None
    job.error = "RuntimeError"
    job.save()
    done = client.get(BASE + f"report/{job.pk}/", HTTP_HX_REQUEST="true")
    assert "hx-trigger" not in done.content.decode() and "RuntimeError" in done.content.decode()


def test_a_round_without_answers_has_no_report(client, django_user_model, demo_alliance):
    _login(client, django_user_model, demo_alliance, "fien", Membership.FACILITATOR)
    base = f"/nl/a/{ALLIANCE_ID}/rounds/{OPEN_ROUND}/"
    assert "Nog geen verstuurde antwoorden" in client.get(base + "report/").content.decode()  # report page: own text
    assert client.get(base + "report.html").status_code == 404
    assert client.post(base + "report/pdf/", {"lang": "nl"}).status_code == 404
    assert not ReportJob.objects.exists()


def test_another_alliances_facilitator_gets_404_on_every_report_url(client, django_user_model, demo_alliance,
                                                                    other_alliance):
    owner = django_user_model.objects.create_user("eigenaar", password="x")
    rnd = demo_alliance.rounds.get(code="2025-najaar")
    job = ReportJob.objects.create(round=rnd, requested_by=owner, status=ReportJob.DONE, pdf=b"%PDF-1.7 test")
    # a facilitator of the harbour alliance only
    _login(client, django_user_model, other_alliance, "haven", Membership.FACILITATOR)
    for url in ("report/", "report.html", f"report/{job.pk}/", f"report/{job.pk}/report.pdf"):
        assert client.get(BASE + url).status_code == 404, url
    assert client.post(BASE + "report/pdf/", {"lang": "nl"}).status_code == 404
    # the job id under their own alliance's round is no way in either
    own = f"/nl/a/{other_alliance.slug}/rounds/h1/"
    assert client.get(own + f"report/{job.pk}/").status_code == 404
    assert client.get(own + f"report/{job.pk}/report.pdf").status_code == 404
    assert ReportJob.objects.count() == 1


def test_viewer_may_download_the_report(client, django_user_model, demo_alliance):
    owner = django_user_model.objects.create_user("eigenaar", password="x")
    rnd = demo_alliance.rounds.get(code="2025-najaar")
    job = ReportJob.objects.create(round=rnd, requested_by=owner, status=ReportJob.DONE, pdf=b"%PDF-1.7 test")
    _login(client, django_user_model, demo_alliance, "vera", Membership.VIEWER)
    assert client.get(BASE + f"report/{job.pk}/report.pdf").content == b"%PDF-1.7 test"
    client.logout()
    assert client.get(BASE + f"report/{job.pk}/report.pdf").status_code == 302  # to the login
