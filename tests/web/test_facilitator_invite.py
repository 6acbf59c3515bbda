"""Running a round (issue 12, point 2): invite all partners at once, follow who answered, remind,
rename and archive partners, and pages that say where you are and offer only what makes sense.

Runs on SQLite and, with DATABASE_URL, on PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import re

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import RestrictedError
from django.utils import timezone

from samenspel.web.alliances import tokens
from samenspel.web.alliances.models import Alliance, Answer, MeasurementRound, Membership, Partner, Respondent

pytestmark = pytest.mark.django_db
BASE = "/nl/a/zorg-oost"
ROUND = BASE + "/rounds/2026-1"

CONTACTS = """naam;e-mail;partner;rol;taal
Anna de Vries;anna@gemeente.nl;Gemeente;bestuur;nl
Bram Jansen;bram@zkh.nl;B;management;en
Chris Li;;Huisartsen;medewerker;
"""


def _messages(response) -> list[str]:  # type: ignore[no-untyped-def]
    return [str(m) for m in response.context["messages"]] if response.context else []


def _field_errors(html: str, field_id: str) -> str:
    """The error list rendered right under the field with this id's label (fields.html)."""
    match = re.search(rf'<label for="{field_id}"[^>]*>.*?</label><ul class="errorlist" id="{field_id}_error">(.*?)</ul>',
                      html, flags=re.S)
    return match.group(1) if match else ""


# --- inviting everyone at once -------------------------------------------------------------------

def test_a_pasted_contacts_list_invites_three_partners_in_one_step(fclient, rnd, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = fclient.post(ROUND + "/invite/contacts/", {"contacts": CONTACTS, "language": "nl"}, follow=True)
    assert response.redirect_chain[-1][0].endswith("/links/")
    people = {r.name: r for r in rnd.respondents.select_related("partner")}
    assert set(people) == {"Anna de Vries", "Bram Jansen", "Chris Li"}
    assert {p.partner.code for p in people.values()} == {"A", "B", "C"}
    assert people["Bram Jansen"].role == "manager" and people["Bram Jansen"].language == "en"
    assert people["Chris Li"].language == "nl" and people["Chris Li"].email == ""  # the form's default language
    assert all(p.nonce and p.token_hash for p in people.values())
    # the two with an address are mailed, each in their own language; the third only has a link
    assert sorted(m.to[0] for m in mail.outbox) == ["anna@gemeente.nl", "bram@zkh.nl"]
    assert "Invitation" in next(m.subject for m in mail.outbox if m.to == ["bram@zkh.nl"])
    assert "Uitnodiging" in next(m.subject for m in mail.outbox if m.to == ["anna@gemeente.nl"])
    said = " ".join(_messages(response))
    assert "3 links gemaakt voor 3 partners" in said and "2 uitnodigingen" in said and "1 link zonder e-mail" in said


def test_contacts_can_be_uploaded_as_csv_or_xlsx(fclient, rnd):
    from openpyxl import Workbook

    csv_file = SimpleUploadedFile("contacten.csv", "name,email,partner\nEen,een@x.nl,A\nTwee,,C\n".encode(),
                                  content_type="text/csv")
    assert fclient.post(ROUND + "/invite/contacts/", {"file": csv_file, "language": "en"}).status_code == 302
    book = Workbook()
    sheet = book.active
    sheet.append(["Partner", "Naam", "E-mail", "Taal"])  # any column order, Dutch headers
    sheet.append(["Ziekenhuis", "Drie", "drie@x.nl", "Engels"])
    data = io.BytesIO()
    book.save(data)
    xlsx = SimpleUploadedFile("contacten.xlsx", data.getvalue())
    assert fclient.post(ROUND + "/invite/contacts/", {"file": xlsx, "language": "nl"}).status_code == 302
    got = {r.name: (r.partner.code, r.email, r.language) for r in rnd.respondents.select_related("partner")}
    assert got == {"Een": ("A", "een@x.nl", "en"), "Twee": ("C", "", "en"), "Drie": ("B", "drie@x.nl", "en")}


def test_a_list_with_problems_invites_nobody_and_says_what_is_wrong_next_to_the_field(fclient, rnd):
    bad = "Anna;anna@x.nl;Gemeente\nPiet;geen-adres;Gemeente\nKees;kees@x.nl;Brandweer\nJet;jet@x.nl;A;koning\n"
    response = fclient.post(ROUND + "/invite/contacts/", {"contacts": bad, "language": "nl"})
    assert response.status_code == 400 and rnd.respondents.count() == 0
    errors = _field_errors(response.content.decode(), "contacts_contacts")
    assert "Regel 2" in errors and "geen geldig e-mailadres" in errors
    assert "Regel 3" in errors and "Brandweer" in errors and "bestaat niet in deze alliantie" in errors
    assert "Regel 4" in errors and "koning" in errors
    assert "De partners van deze alliantie: Gemeente, Huisartsen, Ziekenhuis." in errors
    assert "slug" not in response.content.decode().lower()
    both = fclient.post(ROUND + "/invite/contacts/", {"contacts": "A;a@x.nl;A", "language": "nl",
                                                      "file": SimpleUploadedFile("x.csv", b"partner\nA\n")})
    assert both.status_code == 400 and "niet allebei" in both.content.decode()
    wrong_type = fclient.post(ROUND + "/invite/contacts/", {"language": "nl",
                                                            "file": SimpleUploadedFile("x.pdf", b"%PDF")})
    assert wrong_type.status_code == 400 and ".pdf" in _field_errors(wrong_type.content.decode(), "contacts_file")


def test_anonymous_links_for_every_partner_in_one_form(fclient, rnd, alliance):
    a, b, c = (alliance.partners.get(code=x) for x in "ABC")
    response = fclient.post(ROUND + "/invite/anonymous/", {f"count_{a.pk}": 2, f"count_{b.pk}": 3, f"count_{c.pk}": "",
                                                           "role": "staff", "language": "en"}, follow=True)
    assert response.status_code == 200
    counts = {p.code: rnd.respondents.filter(partner=p).count() for p in (a, b, c)}
    assert counts == {"A": 2, "B": 3, "C": 0}
    assert set(rnd.respondents.values_list("role", "language", "name", "email")) == {("staff", "en", "", "")}
    assert "5 links gemaakt voor 2 partners" in " ".join(_messages(response))
    assert len(mail.outbox) == 0
    none = fclient.post(ROUND + "/invite/anonymous/", {f"count_{a.pk}": 0, "language": "nl"})
    assert none.status_code == 400 and "Vul bij minstens één partner een aantal in" in none.content.decode()
    negative = fclient.post(ROUND + "/invite/anonymous/", {f"count_{a.pk}": -1, "language": "nl"})
    html = negative.content.decode()
    assert negative.status_code == 400 and 'id="anon_count_%d_error"' % a.pk in html and "Geen negatief aantal" in html
    assert rnd.respondents.count() == 5


def test_archived_partners_get_no_links(fclient, rnd, alliance):
    c = alliance.partners.get(code="C")
    c.archived_at = timezone.now()
    c.save()
    page = fclient.get(ROUND + "/").content.decode()
    assert f"count_{c.pk}" not in page
    response = fclient.post(ROUND + "/invite/contacts/", {"contacts": "X;x@x.nl;C", "language": "nl"})
    assert response.status_code == 400 and rnd.respondents.count() == 0
    assert fclient.post(ROUND + "/invite/", {"partner": c.pk, "count": 1, "language": "nl"}).status_code == 400


# --- following who answered -------------------------------------------------------------------------

def _three(rnd: MeasurementRound) -> dict[str, Respondent]:
    """One person not opened (with e-mail), one in progress (link only), one submitted (link only)."""
    people = {}
    for code, partner, email in (("r-new", "A", "nieuw@x.nl"), ("r-busy", "B", ""), ("r-done", "C", "")):
        person = Respondent.objects.create(round=rnd, partner=rnd.alliance.partners.get(code=partner), code=code,
                                           email=email, name=f"Naam {code}", language="nl")
        tokens.issue(person)
        people[code] = person
    now = timezone.now()
    Respondent.objects.filter(pk=people["r-busy"].pk).update(started_at=now - dt.timedelta(hours=1))
    Respondent.objects.filter(pk=people["r-done"].pk).update(started_at=now - dt.timedelta(hours=2), submitted_at=now)
    Answer.objects.create(respondent=people["r-done"], item="amb_01", value=4)
    return people


def test_the_participants_table_shows_status_last_activity_and_copy_buttons(fclient, rnd):
    people = _three(rnd)
    response = fclient.get(ROUND + "/links/")
    html = response.content.decode()
    assert response["Cache-Control"].count("no-store") == 1
    rows = {code: re.search(rf"<tr class=\"status-(\w+)\">(?:(?!</tr>).)*{code}(?:(?!</tr>).)*</tr>", html, re.S)
            for code in people}
    assert {code: m.group(1) for code, m in rows.items() if m} == {
        "r-new": "not_opened", "r-busy": "in_progress", "r-done": "submitted"}
    assert "nog niet geopend" in rows["r-new"].group(0) and "bezig" in rows["r-busy"].group(0)
    assert "verstuurd" in rows["r-done"].group(0) and "<time" in rows["r-done"].group(0)
    assert "<time" not in rows["r-new"].group(0)  # never opened: no activity
    assert "Naam r-busy" in html  # the optional name, for the facilitator only
    for person in people.values():
        assert f'data-copy-target="link-{person.pk}"' in html
        assert tokens.token_for(person) in html
    # a reminder text to copy only for who has a link but no address and has not submitted yet
    reminders = re.findall(r'data-copy-text="([^"]*)"', html)
    assert len(reminders) == 1 and tokens.token_for(people["r-busy"]) in reminders[0]
    assert "Herinnering" in reminders[0]
    assert re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html) is None  # strict CSP: no inline script
    summary = re.search(r'id="participants-summary">(.*?)</p>', html, re.S).group(1)
    assert re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", summary)).strip() == \
        "3 links · 1 verstuurd · 1 bezig · 1 nog niet geopend"


def test_english_participants_table(client, facilitator, rnd):
    client.force_login(facilitator)
    _three(rnd)
    html = client.get("/en/a/zorg-oost/rounds/2026-1/links/").content.decode()
    assert "not opened yet" in html and "in progress" in html and "Copy link" in html and "Copy reminder text" in html
    assert "<title>Participants · Voorjaar 2026 · Zorgnetwerk Oost · Samenspel</title>" in html


def test_reminders_go_to_everyone_with_an_address_who_has_not_submitted(fclient, rnd):
    people = _three(rnd)
    response = fclient.post(ROUND + "/remind/", {"next": "links"}, follow=True)
    assert response.redirect_chain[-1][0].endswith("/links/")
    assert [m.to for m in mail.outbox] == [["nieuw@x.nl"]] and "Herinnering" in mail.outbox[0].subject
    assert Respondent.objects.get(pk=people["r-new"].pk).reminded_at is not None
    said = " ".join(_messages(response))
    assert "1 herinnering wordt gemaild" in said and "1 deelnemer heeft alleen een link" in said


def test_links_and_tokens_never_reach_the_log(fclient, rnd, caplog, settings, django_capture_on_commit_callbacks):
    settings.EMAIL_BACKEND = "samenspel.web.mail.RedactingConsoleBackend"
    caplog.set_level(logging.DEBUG)
    with django_capture_on_commit_callbacks(execute=True):
        fclient.post(ROUND + "/invite/contacts/", {"contacts": CONTACTS, "language": "nl"})
    fclient.get(ROUND + "/links/")
    fclient.post(ROUND + "/remind/")
    people = list(rnd.respondents.all())
    assert len(people) == 3
    for person in people:
        assert tokens.token_for(person) not in caplog.text


def test_the_links_csv_names_partner_and_person_for_a_mail_merge(fclient, rnd):
    fclient.post(ROUND + "/invite/contacts/", {"contacts": CONTACTS, "language": "nl"})
    lines = fclient.get(ROUND + "/links.csv").content.decode().splitlines()
    assert lines[0] == "partner,respondent,role,email,language,link,partner_name,name"
    assert any(line.endswith(",Gemeente,Anna de Vries") for line in lines[1:])


# --- partners -----------------------------------------------------------------------------------------

def test_rename_a_partner_keeps_its_code(fclient, alliance):
    b = alliance.partners.get(code="B")
    page = fclient.get(BASE + f"/partners/{b.pk}/edit/")
    assert "<title>Partner wijzigen: Ziekenhuis · Zorgnetwerk Oost · Samenspel</title>" in page.content.decode()
    response = fclient.post(BASE + f"/partners/{b.pk}/edit/", {"name": "Ziekenhuis Rivierenland", "code": "ZZZ"},
                            follow=True)
    b.refresh_from_db()
    assert (b.name, b.code) == ("Ziekenhuis Rivierenland", "B")
    assert "Partner hernoemd: Ziekenhuis heet nu Ziekenhuis Rivierenland." in _messages(response)
    clash = fclient.post(BASE + f"/partners/{b.pk}/edit/", {"name": "gemeente"})
    assert clash.status_code == 400 and "Een andere partner heet al zo." in _field_errors(clash.content.decode(), "id_name")
    empty = fclient.post(BASE + f"/partners/{b.pk}/edit/", {"name": ""})
    assert empty.status_code == 400
    other = Alliance.objects.create(name="Ander", slug="ander")
    stranger = Partner.objects.create(alliance=other, code="X", name="X")
    assert fclient.post(BASE + f"/partners/{stranger.pk}/edit/", {"name": "Y"}).status_code == 404


def test_archive_a_partner_keeps_every_answer(fclient, rnd, alliance):
    a, b = alliance.partners.get(code="A"), alliance.partners.get(code="B")
    person = Respondent.objects.create(round=rnd, partner=a, code="r1", submitted_at=timezone.now())
    rater = Respondent.objects.create(round=rnd, partner=b, code="r2", submitted_at=timezone.now())
    Answer.objects.create(respondent=person, item="amb_01", value=4)
    Answer.objects.create(respondent=rater, item="rel_trust", target=a, value=5)  # B's rating of A
    response = fclient.post(BASE + f"/partners/{a.pk}/archive/", {"archive": "1"}, follow=True)
    a.refresh_from_db()
    assert a.archived_at is not None and Answer.objects.count() == 2
    assert any("gearchiveerd" in m for m in _messages(response))
    page = response.content.decode()
    assert "Gearchiveerd (1)" in page and "terugzetten" in page
    # deleting the partner on its own is refused by the database layer: answers (also of others) point at it
    with pytest.raises(RestrictedError):
        a.delete()
    fclient.post(BASE + f"/partners/{a.pk}/archive/", {"archive": "0"})
    a.refresh_from_db()
    assert a.archived_at is None
    # deleting the whole alliance (GDPR) still deletes everything
    assert fclient.post(BASE + "/delete/", {"confirm": "zorg-oost"}).status_code == 302
    assert not Partner.objects.filter(alliance__slug="zorg-oost").exists() and Answer.objects.count() == 0


def test_archiving_needs_a_facilitator_and_a_post(client, django_user_model, alliance):
    viewer = django_user_model.objects.create_user("vera", password="x")
    Membership.objects.create(user=viewer, alliance=alliance, role=Membership.VIEWER)
    client.force_login(viewer)
    a = alliance.partners.get(code="A")
    assert client.post(BASE + f"/partners/{a.pk}/archive/", {"archive": "1"}).status_code in (403, 404)
    assert client.get(BASE + f"/partners/{a.pk}/edit/").status_code in (403, 404)
    a.refresh_from_db()
    assert a.archived_at is None


def test_adding_a_partner_confirms_and_derives_the_code(fclient, alliance):
    response = fclient.post(BASE + "/partners/", {"name": "Provincie Gelderland", "code": ""}, follow=True)
    assert alliance.partners.filter(code="PG", name="Provincie Gelderland").exists()
    assert "Partner toegevoegd: Provincie Gelderland (code PG)." in _messages(response)
    fclient.post(BASE + "/partners/", {"name": "Politie Gelre", "code": ""})
    fclient.post(BASE + "/partners/", {"name": "Waterschap", "code": ""})
    assert alliance.partners.filter(code="PG-2", name="Politie Gelre").exists()  # initials taken: a suffix
    assert alliance.partners.filter(code="WAT").exists()
    bad = fclient.post(BASE + "/partners/", {"name": "Dubbel", "code": "A"})
    assert bad.status_code == 400
    assert "Een andere partner heeft deze code al" in _field_errors(bad.content.decode(), "partner_code")


# --- rounds and pages ---------------------------------------------------------------------------------

def test_the_round_code_comes_from_the_name(fclient, alliance):
    response = fclient.post(BASE + "/rounds/", {"name": "Najaar 2026", "code": "", "opens": "2026-09-01"}, follow=True)
    assert alliance.rounds.filter(code="najaar-2026").exists()
    assert any("Ronde aangemaakt: Najaar 2026 (code najaar-2026)" in m for m in _messages(response))
    fclient.post(BASE + "/rounds/", {"name": "Najaar 2026", "code": "", "opens": "2026-09-01"})
    assert alliance.rounds.filter(code="najaar-2026-2").exists()  # the same name again: a code of its own
    bad = fclient.post(BASE + "/rounds/", {"name": "X", "code": "met spaties!", "opens": "2026-09-01"})
    html = bad.content.decode()
    assert bad.status_code == 400 and "slug" not in html.lower()
    assert "Alleen kleine letters, cijfers en streepjes" in _field_errors(html, "round_code")
    nameless = fclient.post(BASE + "/rounds/", {"name": "", "opens": "2026-09-01"})
    assert "Geef de ronde een naam." in _field_errors(nameless.content.decode(), "round_name")


def test_page_titles_say_where_you_are(fclient, rnd):
    titles = {
        "/nl/": "Uw allianties · Samenspel",
        BASE + "/": "Zorgnetwerk Oost · Samenspel",
        BASE + "/edit/": "Gegevens wijzigen · Zorgnetwerk Oost · Samenspel",
        ROUND + "/": "Voorjaar 2026 · Zorgnetwerk Oost · Samenspel",
        ROUND + "/links/": "Deelnemers · Voorjaar 2026 · Zorgnetwerk Oost · Samenspel",
    }
    for url, title in titles.items():
        assert f"<title>{title}</title>" in fclient.get(url).content.decode(), url


def test_a_closed_round_invites_nobody(fclient, rnd, alliance):
    response = fclient.post(ROUND + "/status/", {"status": "closed"}, follow=True)
    assert "De ronde is gesloten; links werken niet meer." in _messages(response)
    html = response.content.decode()
    assert "/invite/" not in html and 'id="closed-note"' in html
    a = alliance.partners.get(code="A")
    refused = fclient.post(ROUND + "/invite/anonymous/", {f"count_{a.pk}": 2, "language": "nl"}, follow=True)
    assert rnd.respondents.count() == 0 and any("gesloten" in m for m in _messages(refused))
    fclient.post(ROUND + "/invite/contacts/", {"contacts": CONTACTS, "language": "nl"})
    fclient.post(ROUND + "/invite/", {"partner": a.pk, "count": 1, "language": "nl"})
    assert rnd.respondents.count() == 0
    reopened = fclient.post(ROUND + "/status/", {"status": "open"}, follow=True)
    assert "/invite/anonymous/" in reopened.content.decode()


def test_diagnosis_and_report_are_offered_only_with_answers(fclient, rnd):
    html = fclient.get(ROUND + "/").content.decode()
    assert "Diagnose bekijken" not in html and 'id="no-answers"' in html and "/report/" not in html
    assert "Deelnemers en links" not in html  # nothing to follow yet
    assert "/remind/" not in html and 'id="gdpr-h"' not in html  # nobody to remind, nobody's data to delete
    _three(rnd)
    html = fclient.get(ROUND + "/").content.decode()
    assert "Diagnose bekijken" in html and 'id="no-answers"' not in html and "Deelnemers en links" in html
    assert "wie nog niet verstuurde</span>" not in html and "verstuurde (1)</button>" in html  # one address left
    assert 'id="gdpr-h"' in html


def test_editing_the_alliance_confirms_and_keeps_the_contact(fclient, alliance):
    response = fclient.post(BASE + "/edit/", {"name": "Zorgnetwerk Oost", "slug": "zorg-oost", "min_group": 3,
                                              "contact_name": "Fien Bakker", "contact_email": "fien@zorg.nl"},
                            follow=True)
    assert "Gegevens opgeslagen." in _messages(response)
    alliance.refresh_from_db()
    assert (alliance.contact_name, alliance.contact_email) == ("Fien Bakker", "fien@zorg.nl")
    assert "Fien Bakker" in response.content.decode()  # the facilitator's alliance page shows it
    bad = fclient.post(BASE + "/edit/", {"name": "Zorgnetwerk Oost", "slug": "zorg oost!", "min_group": 3})
    errors = _field_errors(bad.content.decode(), "id_slug")
    assert bad.status_code == 200 and "Alleen kleine letters, cijfers en streepjes" in errors and "slug" not in errors


def test_contact_person_and_invitee_names_stay_out_of_every_output_for_viewers(client, django_user_model, alliance,
                                                                                rnd):
    alliance.contact_name, alliance.contact_email = "Fien Bakker", "fien@zorg.nl"
    alliance.save()
    people = _three(rnd)
    viewer = django_user_model.objects.create_user("vera", password="x")
    Membership.objects.create(user=viewer, alliance=alliance, role=Membership.VIEWER)
    client.force_login(viewer)
    pages = [BASE + "/", BASE + "/index.json", ROUND + "/dashboard/", ROUND + "/dashboard.json", "/nl/index.json"]
    for url in pages:
        body = client.get(url).content.decode()
        assert "Fien Bakker" not in body and "fien@zorg.nl" not in body, url
        assert not any(p.name in body for p in people.values()), url
    for url in (ROUND + "/links/", ROUND + "/links.csv", ROUND + "/export.csv", ROUND + "/"):
        assert client.get(url).status_code == 404  # facilitators only


def test_mails_greet_by_name_and_name_the_contact_person(fclient, rnd, alliance, django_capture_on_commit_callbacks):
    alliance.contact_name, alliance.contact_email = "Fien Bakker", "fien@zorg.nl"
    alliance.save()
    with django_capture_on_commit_callbacks(execute=True):
        fclient.post(ROUND + "/invite/contacts/", {"contacts": CONTACTS, "language": "nl"})
    anna = next(m for m in mail.outbox if m.to == ["anna@gemeente.nl"])
    bram = next(m for m in mail.outbox if m.to == ["bram@zkh.nl"])
    assert anna.body.startswith("Beste Anna de Vries,") and "Neem contact op met Fien Bakker (fien@zorg.nl)." in anna.body
    assert bram.body.startswith("Dear Bram Jansen,") and "Questions? Please contact Fien Bakker (fien@zorg.nl)." in bram.body
    # the reminder text to copy for Chris (link only) says the same, in Chris's language
    html = fclient.get(ROUND + "/links/").content.decode()
    reminder = re.findall(r'data-copy-text="([^"]*)"', html)
    assert len(reminder) == 1 and "Beste Chris Li," in reminder[0] and "Fien Bakker" in reminder[0]


def test_the_alliance_page_offers_a_diagnosis_only_for_rounds_with_answers(fclient, rnd, alliance):
    html = fclient.get(BASE + "/").content.decode()
    assert "/rounds/2026-1/dashboard/" not in html and "nog geen antwoorden" in html
    _three(rnd)
    html = fclient.get(BASE + "/").content.decode()
    assert "/rounds/2026-1/dashboard/" in html and "nog geen antwoorden" not in html


def test_the_alliance_json_lists_archived_partners_for_facilitators_only(fclient, client, django_user_model, alliance):
    c = alliance.partners.get(code="C")
    c.archived_at = timezone.now()
    c.save()
    got = fclient.get(BASE + "/index.json").json()
    assert [p["code"] for p in got["partners"]] == ["A", "B"]
    assert [p["code"] for p in got["archived_partners"]] == ["C"]
    viewer = django_user_model.objects.create_user("vera", password="x")
    Membership.objects.create(user=viewer, alliance=alliance, role=Membership.VIEWER)
    client.force_login(viewer)
    assert "archived_partners" not in client.get(BASE + "/index.json").json()


def test_the_response_table_leaves_out_archived_partners_without_links_in_this_round(fclient, rnd, alliance):
    c = alliance.partners.get(code="C")
    c.archived_at = timezone.now()
    c.save()
    rows = [r["partner"] for r in fclient.get(ROUND + "/round.json").json()["response"]]
    assert rows == ["A", "B"]
    Respondent.objects.create(round=rnd, partner=c, code="old")  # invited before it was archived
    rows = [r["partner"] for r in fclient.get(ROUND + "/round.json").json()["response"]]
    assert rows == ["A", "C", "B"]  # by name: Gemeente, Huisartsen, Ziekenhuis


def test_the_same_list_twice_gives_nobody_a_second_link(fclient, rnd, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        fclient.post(ROUND + "/invite/contacts/", {"contacts": CONTACTS, "language": "nl"})
    grown = CONTACTS + "Dirk Smit;DIRK@x.nl;A;;\n"
    with django_capture_on_commit_callbacks(execute=True):
        response = fclient.post(ROUND + "/invite/contacts/", {"contacts": grown.replace("anna@", "Anna@"),
                                                              "language": "nl"}, follow=True)
    emails = sorted(e for e in rnd.respondents.values_list("email", flat=True) if e)
    assert emails == ["DIRK@x.nl", "anna@gemeente.nl", "bram@zkh.nl"]
    assert rnd.respondents.filter(name="Chris Li").count() == 2  # without an address nobody can tell: a new link
    said = " ".join(_messages(response))
    assert "2 van de lijst waren al uitgenodigd" in said and "2 links gemaakt" in said
    assert len(mail.outbox) == 3


def test_names_from_a_list_are_shown_as_text_never_as_markup(fclient, rnd):
    evil = '<img src=x onerror=alert(1)>;x@x.nl;A\n"Bob ""<b>""";;B\n'
    assert fclient.post(ROUND + "/invite/contacts/", {"contacts": evil, "language": "nl"}).status_code == 302
    html = fclient.get(ROUND + "/links/").content.decode()
    assert "<img src=x" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "<b>" not in html
