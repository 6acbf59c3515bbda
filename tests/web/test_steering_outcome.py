"""The next round checks (issue 15): each decision of the earlier round with its status and the verdict of the
trend on what it addresses, by the same evidence rule as every trend, on the demo's two rounds."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation

from samenspel.web.alliances.models import Membership
from samenspel.web.steering import outcome
from samenspel.web.steering.models import Action, Goal, GoalValue

pytestmark = [pytest.mark.django_db, pytest.mark.real_questionnaire, pytest.mark.real_knowledge]


@pytest.fixture
def demo(django_user_model):  # type: ignore[no-untyped-def]
    from samenspel.web.alliances.demo_data import load_demo

    alliance, _ = load_demo()
    return alliance


@pytest.fixture
def kb():  # type: ignore[no-untyped-def]
    from samenspel.knowledge import load_knowledge

    return load_knowledge()


def test_what_a_decision_addresses_names_its_angles(demo, kb):
    from samenspel.web.alliances.diagnosis import reading_for

    before = reading_for(demo.rounds.get(code="2025-voorjaar"))
    assert outcome.measures("domain:relation", kb, before) == (("relation",), None)
    assert outcome.measures("divergence:ambition", kb, before) == (("ambition",), None)
    domains, problem = outcome.measures("problem:under_organisation", kb, before)
    assert problem == "under_organisation" and "organisation" in domains
    assert outcome.measures("domain:nonsense", kb, before) == ((), None)
    assert outcome.measures("tension:autonomy", kb, before) == ((), None)


def test_the_next_dashboard_says_what_became_of_last_times_decisions(client, django_user_model, demo):
    spring = demo.rounds.get(code="2025-voorjaar")
    Action.objects.create(round=spring, what="Werksessie over taken en besluiten", owner_name="Anna",
                          addresses="problem:under_organisation", status=Action.DONE, note="twee sessies gehouden")
    Action.objects.create(round=spring, what="Open gesprek over het doel", partner=demo.partners.first(),
                          addresses="domain:ambition", status=Action.UNDER_WAY)
    Action.objects.create(round=spring, what="Nieuwsbrief", owner_name="Bram", status=Action.DROPPED)
    goal = Goal.objects.create(alliance=demo, name="Gezamenlijke projecten gestart")
    GoalValue.objects.create(goal=goal, round=spring, value=2)
    GoalValue.objects.create(goal=goal, round=demo.rounds.get(code="2025-najaar"), value=6)
    viewer = django_user_model.objects.create_user("vera", password="pw-vera-123")
    Membership.objects.create(user=viewer, alliance=demo, role=Membership.VIEWER)
    client.force_login(viewer)
    with translation.override("nl"):
        url = reverse("facilitator:dashboard", args=[demo.slug, "2025-najaar"])
    page = client.get(url).content.decode()
    section = page.split('id="last-time"', 1)[1].split("</section>", 1)[0]
    assert "Wat we vorige keer besloten en wat ervan kwam" in page
    first, second, third = section.split('<li data-action=')[1:]
    assert "gedaan" in first and "twee sessies gehouden" in first
    assert "Organisatie is betekenisvol gestegen (25 → 61, +36,0; p &lt; 0,001, n = 28)" in first
    assert "Onderorganisatie: deze ronde niet meer gevonden" in first
    assert "onderweg" in second and "Ambitie: nog geen verandering te zien (58 → 62, +3,8; p = 0,092, n = 28)" in second
    assert "geschrapt" in third and "Pakt niets aan dat de vragenlijst meet" in third
    assert "minstens 5 punten" in section  # the rule every trend uses
    trend = page.split('id="own-goals"', 1)[1].split("</table>", 1)[0]
    assert "Gezamenlijke projecten gestart" in trend and ">2<" in trend and ">6<" in trend and ">+4<" in trend
    english = client.get(url.replace("/nl/", "/en/"))
    assert "What we decided last time and what happened" in english.content.decode()
    assert "Organisation rose meaningfully" in english.content.decode()


def test_no_section_without_decisions_last_time(client, django_user_model, demo):
    user = django_user_model.objects.create_user("fien", password="pw-fien-123")
    Membership.objects.create(user=user, alliance=demo, role=Membership.FACILITATOR)
    client.force_login(user)
    Action.objects.create(round=demo.rounds.get(code="2025-najaar"), what="Later besluit", owner_name="Anna")
    with translation.override("nl"):
        autumn = reverse("facilitator:dashboard", args=[demo.slug, "2025-najaar"])
    page = client.get(autumn).content.decode()
    assert 'id="last-time"' not in page
    # the spring round has no earlier round at all
    page = client.get(autumn.replace("2025-najaar", "2025-voorjaar")).content.decode()
    assert 'id="last-time"' not in page


def test_the_demo_meeting_shows_the_four_steps_and_forms_only_to_facilitators(client, django_user_model, demo):
    with translation.override("nl"):  # reverse() takes the prefix of the language a previous test left active
        url = reverse("steering:meeting", args=[demo.slug, "2025-voorjaar"])
    viewer = django_user_model.objects.create_user("vera", password="pw-vera-123")
    Membership.objects.create(user=viewer, alliance=demo, role=Membership.VIEWER)
    chair = django_user_model.objects.create_user("fien", password="pw-fien-123")
    Membership.objects.create(user=chair, alliance=demo, role=Membership.FACILITATOR)
    client.force_login(viewer)
    seen = client.get(url).content.decode()
    for n in (1, 2, 3, 4):
        assert f'id="step-{n}"' in seen
    assert "<form" not in seen
    client.force_login(chair)
    run = client.get(url).content.decode()
    assert run.count('class="note-form"') >= 2 and 'class="decision-form"' in run
    # the questions come from the knowledge base's problems the findings point at
    assert "Vragen om elkaar te stellen" in run
    # a partner below the minimum group never gets a figure in the meeting
    from samenspel.web.alliances.diagnosis import reading_for

    from webhelpers import leaks

    for code in reading_for(demo.rounds.get(code="2025-voorjaar")).disclosure.hidden:
        name = demo.partners.get(code=code).name
        assert leaks(run.split("</header>", 1)[1], name) == []


def test_the_next_report_opens_with_what_became_of_the_decisions(client, django_user_model, demo):
    """Page one of the next round's report (HTML, the same document the PDF is made of)."""
    spring = demo.rounds.get(code="2025-voorjaar")
    Action.objects.create(round=spring, what="Werksessie over taken en besluiten", owner_name="Anna",
                          addresses="problem:under_organisation", status=Action.DONE)
    Action.objects.create(round=spring, what="Open gesprek over het doel", owner_name="Bram",
                          addresses="domain:ambition")
    goal = Goal.objects.create(alliance=demo, name="Cliënten bereikt", unit="cliënten")
    GoalValue.objects.create(goal=goal, round=spring, value=120)
    GoalValue.objects.create(goal=goal, round=demo.rounds.get(code="2025-najaar"), value=150)
    user = django_user_model.objects.create_user("fien", password="pw-fien-123")
    Membership.objects.create(user=user, alliance=demo, role=Membership.FACILITATOR)
    client.force_login(user)
    with translation.override("nl"):
        url = reverse("facilitator:report_html", args=[demo.slug, "2025-najaar"])
    html = client.get(url).content.decode()
    page_one = html.split('<section id="page-one">', 1)[1].split("</section>", 1)[0]
    box = page_one.split('id="last-time"', 1)[1]
    assert "Wat we vorige keer besloten en wat ervan kwam" in box
    assert "Werksessie over taken en besluiten" in box and "Organisatie is betekenisvol gestegen" in box
    assert "Ambitie: nog geen verandering te zien" in box
    trend = html.split('id="own-goals"', 1)[1].split("</table>", 1)[0]
    assert "Cliënten bereikt" in trend and "120 cliënten" in trend and "150 cliënten" in trend and "+30" in trend
    # the report of a round without decisions before it has no such box
    assert 'id="last-time"' not in client.get(url.replace("2025-najaar", "2025-voorjaar")).content.decode()


def test_page_one_of_the_next_reports_pdf_says_what_became_of_the_decisions(demo, tmp_path):
    """The PDF the background task makes: page one holds the section (pdftotext, page 1 only)."""
    import subprocess

    from samenspel.web.alliances import reporting

    spring = demo.rounds.get(code="2025-voorjaar")
    Action.objects.create(round=spring, what="Werksessie over taken en besluiten", owner_name="Anna",
                          addresses="problem:under_organisation", status=Action.DONE)
    Action.objects.create(round=spring, what="Open gesprek over het doel", owner_name="Bram",
                          addresses="domain:ambition")
    path = tmp_path / "report.pdf"
    path.write_bytes(reporting.report_pdf(demo.rounds.get(code="2025-najaar"), "en"))
    page_one = subprocess.run(["pdftotext", "-f", "1", "-l", "1", str(path), "-"], check=True, capture_output=True,
                              text=True).stdout
    text = " ".join(page_one.split())
    assert "What we decided last time and what happened" in text
    assert "Organisation rose meaningfully" in text and "Shared ambition: no change visible yet" in text
    assert "— done." in text and "— planned." in text  # the status in the report's language, not the page's


def test_a_suggested_intervention_becomes_a_decision_with_one_click(client, django_user_model, demo):
    """Step 3's "take this as a decision" fills step 4's form: the intervention and its first step as what is
    decided, the finding it answers as what it addresses; viewers get no such link."""
    import re
    from html import unescape

    from samenspel.web.alliances.diagnosis import reading_for

    user = django_user_model.objects.create_user("fien", password="pw-fien-123")
    Membership.objects.create(user=user, alliance=demo, role=Membership.FACILITATOR)
    client.force_login(user)
    spring = demo.rounds.get(code="2025-voorjaar")
    first = reading_for(spring).advice[0]
    url = reverse("steering:meeting", args=[demo.slug, spring.code])
    with translation.override("nl"):
        page = client.get(url).content.decode()
        assert f'href="?take={first.intervention}#step-4"' in page
        filled = unescape(client.get(url, {"take": first.intervention}).content.decode())
    what = re.search(r'<textarea name="what"[^>]*>(.*?)</textarea>|<input[^>]*name="what"[^>]*value="([^"]*)"', filled, re.S)
    from samenspel.knowledge import load_knowledge

    assert what is not None
    assert (what.group(1) or what.group(2) or "").startswith(load_knowledge().interventions[first.intervention].name.nl)
    assert re.search(rf'<option value="{re.escape(first.finding)}" selected', filled)
    viewer = django_user_model.objects.create_user("kees", password="pw-kees-123")
    Membership.objects.create(user=viewer, alliance=demo, role=Membership.VIEWER)
    client.force_login(viewer)
    assert "?take=" not in client.get(url).content.decode()
