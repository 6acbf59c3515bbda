"""Steering (issue 15): actions, their status history and meeting notes; who may read and who may change them;
deletion with the alliance and the alliance's export; the decision list PDF; the API round trip."""

from __future__ import annotations

import datetime as dt
import re
import subprocess

import pytest
from django.urls import reverse
from django.utils import translation

from samenspel.web.alliances.api import create_token
from samenspel.web.alliances.models import Alliance, MeasurementRound, Membership
from samenspel.web.steering.models import Action, MeetingNote, StatusChange

pytestmark = pytest.mark.django_db


def _url(name: str, rnd: MeasurementRound, *extra: object) -> str:
    with translation.override("nl"):  # reverse() takes the prefix of the language a previous test left active
        return reverse(f"steering:{name}", args=[rnd.alliance.slug, rnd.code, *extra])


@pytest.fixture
def viewer(django_user_model, alliance: Alliance):  # type: ignore[no-untyped-def]
    user = django_user_model.objects.create_user("vera", password="pw-vera-123")
    Membership.objects.create(user=user, alliance=alliance, role=Membership.VIEWER)
    return user


@pytest.fixture
def outsider(django_user_model, other_alliance: Alliance):  # type: ignore[no-untyped-def]
    user = django_user_model.objects.create_user("otto", password="pw-otto-123")
    Membership.objects.create(user=user, alliance=other_alliance, role=Membership.FACILITATOR)
    return user


@pytest.fixture
def action(rnd: MeasurementRound) -> Action:
    a = Action.objects.create(round=rnd, what="Gezamenlijke ambitiesessie", owner_name="Anna",
                              partner=rnd.alliance.partners.get(code="A"), due=dt.date(2026, 9, 1),
                              addresses="domain:ambition", expected="Ambitie stijgt")
    StatusChange.objects.create(action=a, old="", new=a.status)
    return a


DECISION = {"what": "Kwartaaloverleg van de stuurgroep", "partner": "", "owner_name": "Bram", "due": "2026-10-01",
            "addresses": "domain:relation", "expected": "Meer vertrouwen"}


def test_a_facilitator_records_a_decision_from_the_meeting_and_returns_to_step_four(fclient, rnd):
    response = fclient.post(_url("action_add", rnd), {**DECISION, "back": "meeting-4"})
    assert response.status_code == 302
    assert response["Location"].endswith(_url("meeting", rnd) + "#step-4")
    a = rnd.actions.get()
    assert (a.what, a.owner_name, a.due, a.addresses, a.status) == (
        DECISION["what"], "Bram", dt.date(2026, 10, 1), "domain:relation", Action.PLANNED)
    assert [(h.old, h.new) for h in a.history.all()] == [("", "planned")]


def test_a_decision_needs_an_owner_and_offers_only_this_alliances_partners(fclient, rnd, other_alliance):
    response = fclient.post(_url("action_add", rnd), {**DECISION, "owner_name": ""})
    assert response.status_code == 400 and not rnd.actions.exists()
    foreign = other_alliance.partners.get()
    response = fclient.post(_url("action_add", rnd), {**DECISION, "partner": str(foreign.pk)})
    assert response.status_code == 400 and not rnd.actions.exists()
    own = rnd.alliance.partners.get(code="B")
    response = fclient.post(_url("action_add", rnd), {**DECISION, "owner_name": "", "partner": str(own.pk)})
    assert response.status_code == 302 and rnd.actions.get().owner == "Ziekenhuis"


def test_a_status_change_is_kept_in_the_history(fclient, rnd, action, facilitator):
    response = fclient.post(_url("action_status", rnd, action.pk), {"status": "under_way", "note": "eerste sessie gepland"})
    assert response.status_code == 302
    fclient.post(_url("action_status", rnd, action.pk), {"status": "done", "note": ""})
    action.refresh_from_db()
    assert action.status == "done"
    assert [(h.old, h.new, h.note) for h in action.history.all()] == [
        ("", "planned", ""), ("planned", "under_way", "eerste sessie gepland"), ("under_way", "done", "")]
    assert action.history.last().by == facilitator
    page = fclient.get(_url("actions", rnd)).content.decode()
    assert "gedaan" in page and "eerste sessie gepland" in page


def test_a_meeting_note_is_stored_for_its_finding(fclient, rnd):
    response = fclient.post(_url("note_add", rnd), {"kind": "meaning", "finding": "divergence:ambition",
                                                    "text": "De gemeente ziet het doel breder.", "back": "meeting-2"})
    assert response.status_code == 302 and response["Location"].endswith("#step-2")
    note = rnd.meeting_notes.get()
    assert (note.kind, note.finding) == ("meaning", "divergence:ambition")


def test_a_viewer_reads_but_cannot_change_anything(client, viewer, rnd, action):
    client.force_login(viewer)
    page = client.get(_url("actions", rnd))
    assert page.status_code == 200 and "Gezamenlijke ambitiesessie" in page.content.decode()
    assert "action_form" not in page.context or page.context["action_form"] is None
    assert 'name="status"' not in page.content.decode()
    meeting = client.get(_url("meeting", rnd))
    assert meeting.status_code == 200 and "<form" not in meeting.content.decode().split("</header>", 1)[1]
    assert client.post(_url("action_add", rnd), DECISION).status_code == 404
    assert client.post(_url("action_status", rnd, action.pk), {"status": "done"}).status_code == 404
    assert client.post(_url("note_add", rnd), {"kind": "meaning", "text": "x"}).status_code == 404
    assert client.get(reverse("steering:export", args=[rnd.alliance.slug])).status_code == 404
    action.refresh_from_db()
    assert action.status == "planned" and not rnd.meeting_notes.exists()


def test_an_outsider_learns_nothing(client, outsider, rnd, action):
    client.force_login(outsider)
    for name in ("meeting", "actions", "decisions_pdf"):
        assert client.get(_url(name, rnd)).status_code == 404
    assert client.post(_url("action_add", rnd), DECISION).status_code == 404
    assert client.post(_url("action_status", rnd, action.pk), {"status": "done"}).status_code == 404
    assert client.get(reverse("steering:export", args=[rnd.alliance.slug])).status_code == 404


def test_anonymous_users_are_sent_to_the_login(client, rnd):
    response = client.get(_url("meeting", rnd))
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_an_action_of_another_round_is_not_found(fclient, rnd, alliance, action):
    later = MeasurementRound.objects.create(alliance=alliance, code="2026-2", name="Najaar 2026")
    assert fclient.post(_url("action_status", later, action.pk), {"status": "done"}).status_code == 404
    assert fclient.post(_url("action_status", rnd, 2**64), {"status": "done"}).status_code == 404


def test_the_alliance_export_holds_actions_history_and_notes(fclient, rnd, action):
    MeetingNote.objects.create(round=rnd, kind="option", text="Samen op werkbezoek")
    data = fclient.get(reverse("steering:export", args=[rnd.alliance.slug])).json()
    (entry,) = [r for r in data["rounds"] if r["round"] == rnd.code]
    (a,) = entry["actions"]
    assert (a["what"], a["partner"], a["owner_name"], a["status"]) == ("Gezamenlijke ambitiesessie", "A", "Anna", "planned")
    assert a["history"][0]["new"] == "planned"
    assert entry["notes"] == [{"kind": "option", "finding": "", "text": "Samen op werkbezoek",
                               "created_at": entry["notes"][0]["created_at"]}]


def test_deleting_the_alliance_deletes_its_steering(fclient, rnd, action):
    MeetingNote.objects.create(round=rnd, text="Wat partners zeiden")
    response = fclient.post(reverse("facilitator:alliance_delete", args=[rnd.alliance.slug]),
                            {"confirm": rnd.alliance.slug})
    assert response.status_code == 302
    assert not Action.objects.exists() and not StatusChange.objects.exists() and not MeetingNote.objects.exists()


def test_the_decision_list_is_a_one_page_pdf(fclient, rnd, action, tmp_path):
    response = fclient.get(_url("decisions_pdf", rnd))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    path = tmp_path / "decisions.pdf"
    path.write_bytes(response.content)
    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True).stdout
    assert re.search(r"Pages:\s+1\b", info)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True).stdout
    assert "Besluitenlijst" in text and "Gezamenlijke ambitiesessie" in text and "Anna" in text and "gepland" in text


def test_the_api_round_trips_actions(client, facilitator, viewer, rnd):
    headers = {"HTTP_AUTHORIZATION": f"Bearer {create_token(facilitator)}"}
    base = f"/api/alliances/{rnd.alliance.slug}/rounds/{rnd.code}/actions"
    made = client.post(base, {"what": "Werkbezoek bij elkaar", "partner": "B", "due": "2026-11-01",
                              "addresses": "domain:relation", "expected": "Meer begrip"},
                       content_type="application/json", **headers)
    assert made.status_code == 201, made.content
    action_id = made.json()["id"]
    changed = client.patch(f"{base}/{action_id}", {"status": "under_way", "note": "gepland in oktober"},
                           content_type="application/json", **headers)
    assert changed.status_code == 200 and changed.json()["status"] == "under_way"
    listed = client.get(base, **headers).json()
    assert [(a["what"], a["partner"], a["status"], [h["new"] for h in a["history"]]) for a in listed] == [
        ("Werkbezoek bij elkaar", "B", "under_way", ["planned", "under_way"])]
    assert client.patch(f"{base}/{action_id}", {"status": "finished"}, content_type="application/json",
                        **headers).status_code == 400
    assert client.post(base, {"what": "x", "partner": "X"}, content_type="application/json",
                       **headers).status_code == 400
    assert client.post(base, {"what": "a\x00b", "owner_name": "Bram"}, content_type="application/json",
                       **headers).status_code == 400
    assert client.patch(f"{base}/{action_id}", {"status": "done", "note": "\x00"}, content_type="application/json",
                        **headers).status_code == 400
    assert client.post(base, '{"what": "\\ud800", "owner_name": "Bram"}', content_type="application/json",
                       **headers).status_code == 400  # a lone surrogate: no database stores it
    assert client.patch(f"{base}/{2**63}", {"status": "done"}, content_type="application/json",
                        **headers).status_code == 404
    # a viewer's token lists but does not change
    seen = {"HTTP_AUTHORIZATION": f"Bearer {create_token(viewer)}"}
    assert client.get(base, **seen).status_code == 200
    assert client.patch(f"{base}/{action_id}", {"status": "done"}, content_type="application/json",
                        **seen).status_code == 404
    assert client.post(base, {"what": "y", "owner_name": "V"}, content_type="application/json",
                       **seen).status_code == 404


def test_the_steering_pages_need_no_inline_script_or_style(fclient, rnd, action):
    """The CSP forbids inline script and style; meeting mode's keys live in a static file."""
    for name in ("meeting", "actions"):
        response = fclient.get(_url(name, rnd))
        assert response.status_code == 200 and "no-store" in response["Cache-Control"]
        html = response.content.decode()
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), name
        assert not re.search(r"\sstyle=|<style|\son[a-z]+=", html), name
    assert "steering/meeting.js" in fclient.get(_url("meeting", rnd)).content.decode()


def test_the_meeting_speaks_the_pages_language(fclient, rnd):
    dutch = fclient.get(_url("meeting", rnd)).content.decode()
    english = fclient.get(_url("meeting", rnd).replace("/nl/", "/en/")).content.decode()
    assert '<html lang="nl"' in dutch and "Reflectiebijeenkomst" in dutch
    assert '<html lang="en"' in english and "Reflection meeting" in english


def _goals_url(alliance: Alliance, name: str = "goals") -> str:
    with translation.override("nl"):
        return reverse(f"steering:{name}", args=[alliance.slug])


def test_a_facilitator_keeps_the_alliances_own_goals_with_a_value_per_round(fclient, alliance, rnd):
    later = MeasurementRound.objects.create(alliance=alliance, code="2026-2", name="Najaar 2026",
                                            opens=dt.date(2020, 6, 1))
    assert fclient.post(_goals_url(alliance, "goal_add"), {"name": "Gezamenlijke projecten gestart", "unit": ""}
                        ).status_code == 302
    assert fclient.post(_goals_url(alliance, "goal_add"), {"name": "Gezamenlijke projecten gestart"}
                        ).status_code == 400  # once
    goal = alliance.goals.get()
    response = fclient.post(_goals_url(alliance, "goal_values"),
                            {f"v-{goal.pk}-{rnd.pk}": "3", f"v-{goal.pk}-{later.pk}": "7,5"})
    assert response.status_code == 302
    assert sorted(goal.values.values_list("round__code", "value")) == [("2026-1", 3.0), ("2026-2", 7.5)]
    # a wrong number changes nothing and says which field
    response = fclient.post(_goals_url(alliance, "goal_values"),
                            {f"v-{goal.pk}-{rnd.pk}": "4", f"v-{goal.pk}-{later.pk}": "veel"})
    assert response.status_code == 400 and "Gezamenlijke projecten gestart (Najaar 2026)" in response.content.decode()
    assert goal.values.get(round=rnd).value == 3.0
    # an empty field removes the value
    fclient.post(_goals_url(alliance, "goal_values"), {f"v-{goal.pk}-{rnd.pk}": "", f"v-{goal.pk}-{later.pk}": "7,5"})
    assert list(goal.values.values_list("round__code", flat=True)) == ["2026-2"]


def test_the_trend_shows_a_goals_raw_change(alliance, rnd):
    from samenspel.web.steering import goals
    from samenspel.web.steering.models import Goal, GoalValue

    later = MeasurementRound.objects.create(alliance=alliance, code="2026-2", name="Najaar 2026",
                                            opens=dt.date(2020, 6, 1))
    g = Goal.objects.create(alliance=alliance, name="Cliënten bereikt", unit="cliënten")
    GoalValue.objects.create(goal=g, round=rnd, value=120)
    GoalValue.objects.create(goal=g, round=later, value=150.5)
    Goal.objects.create(alliance=alliance, name="Nog niet geteld")
    assert goals.changes(later, rnd, "nl") == [
        {"name": "Cliënten bereikt", "previous": "120 cliënten", "now": "150,5 cliënten", "change": "+30,5"}]
    assert goals.changes(later, None, "en")[0]["previous"] == "—"
    # without answers the earlier round is the latest one before it
    assert goals.for_round(later, "nl")[0]["change"] == "+30,5"


def test_goals_follow_the_alliances_roles_export_and_deletion(client, facilitator, viewer, outsider, alliance, rnd):
    from samenspel.web.steering.models import Goal, GoalValue

    g = Goal.objects.create(alliance=alliance, name="Projecten")
    GoalValue.objects.create(goal=g, round=rnd, value=2)
    client.force_login(viewer)
    assert "Projecten" in client.get(_goals_url(alliance)).content.decode()
    assert client.post(_goals_url(alliance, "goal_add"), {"name": "x"}).status_code == 404
    assert client.post(_goals_url(alliance, "goal_values"), {f"v-{g.pk}-{rnd.pk}": "9"}).status_code == 404
    client.force_login(outsider)
    assert client.get(_goals_url(alliance)).status_code == 404
    assert GoalValue.objects.get().value == 2
    client.force_login(facilitator)
    data = client.get(_goals_url(alliance, "export")).json()
    assert data["goals"] == [{"name": "Projecten", "unit": "", "values": {"2026-1": 2.0}}]
    client.post(reverse("facilitator:alliance_delete", args=[alliance.slug]), {"confirm": alliance.slug})
    assert not Goal.objects.exists() and not GoalValue.objects.exists()


def test_an_owner_is_reminded_once_a_week_before_the_due_date(fclient, rnd, mailoutbox, settings):
    from django.core.management import call_command
    from django.utils import timezone

    today = timezone.localdate()
    soon = Action.objects.create(round=rnd, what="Werkbezoek plannen", owner_name="Anna", owner_email="anna@example.org",
                                 due=today + dt.timedelta(days=5))
    Action.objects.create(round=rnd, what="Later", owner_name="Bram", owner_email="bram@example.org",
                          due=today + dt.timedelta(days=30))
    Action.objects.create(round=rnd, what="Al gedaan", owner_name="Cas", owner_email="cas@example.org",
                          due=today + dt.timedelta(days=2), status=Action.DONE)
    Action.objects.create(round=rnd, what="Geen adres", owner_name="Dirk", due=today + dt.timedelta(days=2))
    settings.SAMENSPEL_BASE_URL = "https://samenspel.example.nl"
    call_command("steering_reminders")
    (mail,) = mailoutbox
    assert mail.to == ["anna@example.org"] and "Werkbezoek plannen" in mail.subject
    assert "https://samenspel.example.nl/nl/a/zorg-oost/rounds/2026-1/actions/" in mail.body
    assert "Beste Anna" in mail.body and "Dear Anna" in mail.body
    soon.refresh_from_db()
    assert soon.reminded_at is not None
    call_command("steering_reminders")
    assert len(mailoutbox) == 1  # once
    # the facilitator's button sends this round's reminders now
    soon.reminded_at = None
    soon.save()
    response = fclient.post(_url("remind", rnd))
    assert response.status_code == 302 and len(mailoutbox) == 2


def test_a_viewer_cannot_send_reminders(client, viewer, rnd):
    client.force_login(viewer)
    assert client.post(_url("remind", rnd)).status_code == 404


def test_a_pulse_round_is_started_from_the_action_list(client, fclient, facilitator, viewer, rnd, action):
    response = fclient.post(_url("pulse", rnd))
    new = rnd.alliance.rounds.get(code="2026-1-puls")
    assert response.status_code == 302 and response["Location"].endswith(f"/a/zorg-oost/rounds/{new.code}/")
    assert new.short and new.status == MeasurementRound.OPEN and new.modules == [] and new.name.startswith("Pulsmeting")
    fclient.post(_url("pulse", rnd))
    assert rnd.alliance.rounds.filter(code="2026-1-puls-2").exists()
    client.force_login(viewer)
    assert client.post(_url("pulse", rnd)).status_code == 404
    assert rnd.alliance.rounds.count() == 3


def test_an_owner_updates_the_action_through_a_personal_link(client, fclient, rnd, action, caplog, mailoutbox):
    from django.utils import timezone

    from samenspel.web.logfilter import redact
    from samenspel.web.steering import owner_links

    assert fclient.post(_url("link_issue", rnd, action.pk)).status_code == 302
    action.refresh_from_db()
    token = owner_links.token_for(action)
    assert token and action.link_hash and token not in action.link_hash  # only the hash is stored
    listed = fclient.get(_url("actions", rnd)).content.decode()
    assert f"/r/{token}/action/" in listed
    client.logout()
    page = client.get(f"/r/{token}/action/")
    body = page.content.decode()
    assert page.status_code == 200 and "Gezamenlijke ambitiesessie" in body and "no-store" in page["Cache-Control"]
    assert "Uitloggen" not in body and "diagnose" not in body.lower()
    response = client.post(f"/r/{token}/action/", {"status": "under_way", "note": "eerste sessie staat"})
    assert response.status_code == 302
    action.refresh_from_db()
    assert (action.status, action.note) == ("under_way", "eerste sessie staat")
    assert action.history.last().by is None
    assert "Status" in client.get(f"/r/{token}/action/?lang=en").content.decode()
    assert redact(f"GET /r/{token}/action/") == "GET /r/[token]/action/"
    # the reminder carries the owner's own link
    action.owner_email, action.due = "anna@example.org", timezone.localdate() + dt.timedelta(days=3)
    action.save()
    from samenspel.web.steering.tasks import remind_owners

    remind_owners.enqueue("https://samenspel.example.nl", rnd.pk)
    assert f"https://samenspel.example.nl/r/{token}/action/" in mailoutbox[0].body
    # a new link revokes the old one; a made-up one opens nothing
    fclient.force_login(rnd.alliance.memberships.get().user)
    fclient.post(_url("link_issue", rnd, action.pk))
    client.logout()
    assert client.get(f"/r/{token}/action/").status_code == 404
    assert client.post(f"/r/{token}/action/", {"status": "done"}).status_code == 404
    assert client.get("/r/not-a-token/action/").status_code == 404


def test_only_facilitators_make_personal_links(client, viewer, rnd, action):
    client.force_login(viewer)
    assert client.post(_url("link_issue", rnd, action.pk)).status_code == 404
    assert 'class="link-form"' not in client.get(_url("actions", rnd)).content.decode()
    action.refresh_from_db()
    assert not action.link_hash


def test_a_viewer_made_contributor_updates_actions_and_nothing_else(client, facilitator, viewer, outsider, alliance,
                                                                     rnd, action):
    from samenspel.web.steering.models import Contributor

    client.force_login(facilitator)
    page = client.get(_url("actions", rnd)).content.decode()
    assert "vera" in page and "otto" not in page  # only this alliance's viewers can be chosen
    assert client.post(_goals_url(alliance, "contributor_set"), {"user": outsider.pk, "contributor": "1"}
                       ).status_code == 404
    assert client.post(_goals_url(alliance, "contributor_set"),
                       {"user": viewer.pk, "contributor": "1", "round": rnd.code}).status_code == 302
    assert Contributor.objects.filter(alliance=alliance, user=viewer).exists()

    client.force_login(viewer)
    page = client.get(_url("actions", rnd)).content.decode()
    assert 'name="status"' in page and "link-form" not in page and "Besluit vastleggen" not in page
    assert client.post(_url("action_status", rnd, action.pk), {"status": "under_way", "note": "gestart"}
                       ).status_code == 302
    action.refresh_from_db()
    assert action.status == "under_way" and action.history.last().by == viewer
    token = {"HTTP_AUTHORIZATION": f"Bearer {create_token(viewer)}"}
    base = f"/api/alliances/{alliance.slug}/rounds/{rnd.code}/actions"
    assert client.patch(f"{base}/{action.pk}", {"status": "done"}, content_type="application/json",
                        **token).status_code == 200
    # still a viewer for everything else
    assert client.post(_url("action_add", rnd), DECISION).status_code == 404
    assert client.post(_url("note_add", rnd), {"kind": "meaning", "text": "x"}).status_code == 404
    assert client.post(_url("link_issue", rnd, action.pk)).status_code == 404
    assert client.post(base, {"what": "y", "owner_name": "V"}, content_type="application/json",
                       **token).status_code == 404

    # withdrawn, or no longer a viewer: back to reading only
    client.force_login(facilitator)
    client.post(_goals_url(alliance, "contributor_set"), {"user": viewer.pk, "contributor": "0"})
    client.force_login(viewer)
    assert client.post(_url("action_status", rnd, action.pk), {"status": "dropped"}).status_code == 404
    Contributor.objects.create(alliance=alliance, user=viewer)
    Membership.objects.filter(user=viewer, alliance=alliance).delete()
    assert client.post(_url("action_status", rnd, action.pk), {"status": "dropped"}).status_code == 404
    action.refresh_from_db()
    assert action.status == "done"
