"""The respondent's way through the questionnaire: a note on open questions before moving on, clearing
an answer, the short review, no empty response, and where you are when you come back (issue 12)."""

from __future__ import annotations

import re

import pytest

from samenspel.web.alliances.models import Respondent

from webhelpers import make_respondent

pytestmark = pytest.mark.django_db

PAGE1 = {"i__amb_01": "4", "i__par_01": "2", "i__phase_01": "3", "nav": "next"}


def url(token: str, rest: str = "") -> str:
    return f"/r/{token}/{rest}"


def test_open_questions_are_listed_once_before_moving_on_and_saved_meanwhile(client, respondent):
    r, token = respondent
    response = client.post(url(token, "p/1/"), {"i__par_01": "2", "i__phase_01": "3", "nav": "next"})
    html = response.content.decode()
    assert response.status_code == 200  # the same page again, not an error
    assert "Eén vraag is nog open" in html and '<a href="#q-i__amb_01">We delen een doel.</a>' in html
    assert 'name="warned" value="1"' in html and ">Toch verder</button>" in html
    assert 'id="q-i__amb_01"' in html  # the link lands on the question
    assert {a.item for a in r.answers.exclude(missing="skipped")} == {"par_01", "phase_01"}  # saved already
    # going on anyway (or pressing "save and continue" again) moves on, without a second note
    again = client.post(url(token, "p/1/"), {"i__par_01": "2", "i__phase_01": "3", "nav": "next", "warned": "1"})
    assert again.status_code == 302 and again["Location"] == url(token, "p/2/")


def test_a_full_page_and_going_back_never_get_the_note(client, respondent):
    _, token = respondent
    assert client.post(url(token, "p/1/"), PAGE1)["Location"] == url(token, "p/2/")
    assert client.post(url(token, "p/2/"), {"nav": "prev"})["Location"] == url(token, "p/1/")


def test_the_note_names_each_partner_of_the_grid_and_leads_to_the_review_on_the_last_page(client, respondent):
    _, token = respondent
    html = client.post(url(token, "p/2/"), {"i__rel_trust__B": "dk", "nav": "next"}).content.decode()
    note = html[html.index('id="unanswered"'):html.index("</section>")]
    assert "Ik vertrouw Huisartsen." in note and "Ik vertrouw Ziekenhuis." not in note  # "don't know" is an answer
    # the last page has only optional questions (a tick box, an open question): no note
    assert client.post(url(token, "p/3/"), {"nav": "review"})["Location"] == url(token, "review/")


def test_the_note_in_english(client, rnd):
    _, token = make_respondent(rnd, "A", "en1", lang="en")
    html = client.post(url(token, "p/2/"), {"nav": "next"}).content.decode()
    assert "2 questions are still open" in html and "Go on anyway" in html and "I trust Ziekenhuis." in html


def test_an_answer_can_be_cleared(client, respondent):
    r, token = respondent
    client.post(url(token, "p/1/"), PAGE1)
    html = client.get(url(token, "p/1/")).content.decode()
    # a real radio with an empty value, in the same group, for each question that may stay open
    assert '<input type="radio" id="i__amb_01-clear" name="i__amb_01" value="">' in html
    assert 'id="i__phase_01-clear"' not in html  # the phase must be answered: nothing to clear to
    client.post(url(token, "p/1/"), {**PAGE1, "i__amb_01": "", "warned": "1"})
    assert not r.answers.filter(item="amb_01").exists()  # 1.0 round: an open question stores nothing
    html = client.get(url(token, "p/1/")).content.decode()
    assert not re.search(r'name="i__amb_01" value="\d"[^>]* checked', html)


def test_one_dont_know_everywhere(client, respondent):
    _, token = respondent
    label = "weet ik niet / n.v.t."
    assert f"Kies ‘{label}’" in client.get(url(token)).content.decode()
    page1 = client.get(url(token, "p/1/")).content.decode()
    grid = client.get(url(token, "p/2/")).content.decode()
    assert label in page1 and f"Ik vertrouw Ziekenhuis.: {label}" in grid
    assert "leeg" not in page1 + grid  # nothing says "leave it empty"


def test_bipolar_points_are_numbered_with_the_poles_named(client, respondent):
    _, token = respondent
    html = client.get(url(token, "p/1/")).content.decode()
    assert 'class="scale points n7"' in html and 'class="scale words n5"' in html
    assert '<span class="pt-num">1</span><span class="vh"> open</span>' in html
    assert '<span class="pt-num">4</span></label>' in html


def test_an_empty_questionnaire_cannot_be_submitted(client, respondent):
    r, token = respondent
    client.post(url(token, "p/2/"), {"i__rel_trust__B": "4", "i__rel_trust__C": "dk", "nav": "next"})
    html = client.get(url(token, "review/")).content.decode()
    assert "Nog niet genoeg om te versturen" in html and ">Versturen</button>" not in html
    assert "in deel 1 beantwoordt (minstens 1; nu 0)" in html  # the one statement of the small questionnaire
    response = client.post(url(token, "submit/"))
    assert response.status_code == 302 and response["Location"] == url(token, "review/")
    assert Respondent.objects.get(pk=r.pk).submitted_at is None
    # "don't know" on every statement is not enough either (the counting rule of responses.counting)
    client.post(url(token, "p/1/"), {**PAGE1, "i__amb_01": "dk"})
    assert client.post(url(token, "submit/"))["Location"] == url(token, "review/")
    client.post(url(token, "p/1/"), PAGE1)
    assert client.post(url(token, "submit/"))["Location"] == url(token, "thanks/")


def test_the_review_is_short_and_lists_only_open_questions(client, rnd, respondent):
    from samenspel.web.alliances.models import Partner

    for i in range(6):
        Partner.objects.create(alliance=rnd.alliance, code=f"P{i}", name=f"Partner nummer {i}")
    _, token = respondent
    client.post(url(token, "p/1/"), PAGE1)
    html = client.get(url(token, "review/")).content.decode()
    assert "<strong>3</strong> van de 11 vragen" in html  # 3 on page 1, 8 partners in the grid
    listed = re.findall(r'href="/r/[^"]+/p/2/#q-i__rel_trust__\w+"', html)
    assert len(listed) == 3 and "en nog 5 in dit deel" in html


def test_the_review_in_english(client, rnd):
    _, token = make_respondent(rnd, "A", "en2", lang="en")
    client.post(url(token, "p/1/"), {**PAGE1, "i__amb_01": "dk"})
    html = client.get(url(token, "review/")).content.decode()
    assert "You answered" in html and "‘don't know / n/a’" in html and "Not enough to submit yet" in html


def test_coming_back_says_where_you_are(client, respondent):
    _, token = respondent
    assert "Welkom terug" not in client.get(url(token)).content.decode()
    client.post(url(token, "p/1/"), {**PAGE1, "i__amb_01": "dk"})
    html = client.get(url(token)).content.decode()
    assert "Welkom terug" in html
    assert re.search(r"Je gaat verder bij deel 2 van 3 \(Relaties\)\.\s+Je beantwoordde al 3 van de 5 vragen; "
                     r"nog ongeveer \d+ minu", html)


def test_coming_back_in_english(client, rnd):
    _, token = make_respondent(rnd, "A", "en3", lang="en")
    client.post(url(token, "p/1/"), PAGE1)
    html = client.get(url(token)).content.decode()
    assert re.search(r"You continue at part 2 of 3 \(Relations\)\.\s+You have answered 3 of the 5 questions so far",
                     html)


def test_the_review_lists_at_most_nine_open_questions(client, respondent, monkeypatch):
    from samenspel.web.alliances.views import respondent as views

    monkeypatch.setattr(views, "REVIEW_LISTED_ALL", 2)
    _, token = respondent
    client.post(url(token, "p/1/"), {"i__phase_01": "3", "nav": "next", "warned": "1"})
    html = client.get(url(token, "review/")).content.decode()
    assert len(re.findall(r'#q-i__\w+"', html)) == 2  # amb_01, par_01; the grid only as a count
    assert "2 in dit deel" in html


@pytest.mark.parametrize(("lang", "closed", "used", "contact"), [
    ("nl", "Deze ronde is gesloten", "Al verstuurd", "Vragen? Neem contact op met Fien Bakker (fien@zorg.nl)."),
    ("en", "This round is closed", "Already submitted", "Questions? Please contact Fien Bakker (fien@zorg.nl)."),
])
def test_closed_and_used_links_name_the_alliance_and_its_contact_in_the_respondents_language(
        client, rnd, lang, closed, used, contact):  # type: ignore[no-untyped-def]
    import datetime as dt

    from django.utils import timezone

    alliance = rnd.alliance
    alliance.contact_name, alliance.contact_email = "Fien Bakker", "fien@zorg.nl"
    alliance.save()
    person, token = make_respondent(rnd, "A", "r-used", lang=lang)
    Respondent.objects.filter(pk=person.pk).update(submitted_at=timezone.now())
    page = client.get(url(token)).content.decode()
    assert used in page and "Zorgnetwerk Oost" in page and contact in page
    _, other = make_respondent(rnd, "B", "r-closed", lang=lang)
    rnd.status = "closed"
    rnd.closes = dt.date(2020, 2, 1)
    rnd.save()
    page = client.get(url(other)).content.decode()
    assert closed in page and "Zorgnetwerk Oost" in page and contact in page
    unknown = client.get(url("not-a-token")).content.decode()
    assert "Zorgnetwerk Oost" not in unknown and "Fien" not in unknown


def test_an_archived_partner_is_no_longer_rated(client, rnd, respondent):  # type: ignore[no-untyped-def]
    from django.utils import timezone

    _, token = respondent
    assert "Huisartsen" in client.get(url(token, "p/2/")).content.decode()
    rnd.alliance.partners.filter(code="C").update(archived_at=timezone.now())
    assert "Huisartsen" not in client.get(url(token, "p/2/")).content.decode()
