"""The respondent's questionnaire behind a personal link."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from samenspel.web.alliances.models import Answer, Respondent

from webhelpers import make_respondent

pytestmark = pytest.mark.django_db

PAGE1 = {"i__amb_01": "4", "i__par_01": "2", "i__phase_01": "3", "nav": "next"}


def url(token: str, rest: str = "") -> str:
    return f"/r/{token}/{rest}"


def test_start_page_in_dutch_with_privacy_statement(client, respondent):
    _, token = respondent
    html = client.get(url(token)).content.decode()
    assert "Privacy" in html and "Beginnen" in html and 'lang="nl"' in html


def test_language_switch_to_english_sticks_to_the_link(client, respondent):
    r, token = respondent
    response = client.post(url(token, "language/"), {"lang": "en", "next": url(token, "p/1/")})
    assert response.status_code == 302 and response["Location"] == url(token, "p/1/")
    html = client.get(url(token, "p/1/")).content.decode()
    assert "We share a goal." in html and "don't know" in html and "Part 1 of 3" in html
    r.refresh_from_db()
    assert r.language == "en"


def test_page_shows_labelled_fieldsets_poles_and_dont_know(client, respondent):
    _, token = respondent
    html = client.get(url(token, "p/1/")).content.decode()
    assert "<legend>We delen een doel.</legend>" in html
    assert "← open" in html and "gesloten →" in html
    assert 'for="i__amb_01-dk"' in html and 'value="dk"' in html
    assert '<progress id="progress" max="3" value="1">' in html
    # the choice item does not allow "don't know"
    assert 'id="i__phase_01-dk"' not in html


def test_relation_grid_lists_the_other_partners_only(client, respondent):
    _, token = respondent
    html = client.get(url(token, "p/2/")).content.decode()
    assert "Ziekenhuis" in html and "Huisartsen" in html
    assert "i__rel_trust__B" in html and "i__rel_trust__C" in html
    assert "i__rel_trust__A" not in html  # own organisation is not rated
    assert "Ik vertrouw Ziekenhuis.: hoog" in html  # a real label for each radio


def test_answers_are_saved_per_page_and_shown_again(client, respondent):
    r, token = respondent
    response = client.post(url(token, "p/1/"), PAGE1)
    assert response.status_code == 302 and response["Location"] == url(token, "p/2/")
    assert {(a.item, a.value) for a in r.answers.all()} == {("amb_01", 4.0), ("par_01", 2.0), ("phase_01", 3.0)}
    html = client.get(url(token, "p/1/")).content.decode()
    assert 'id="i__amb_01-4" name="i__amb_01" value="4" checked' in html
    r.refresh_from_db()
    assert r.started_at is not None


def test_dont_know_is_stored_as_missing_not_zero(client, respondent):
    r, token = respondent
    client.post(url(token, "p/1/"), {**PAGE1, "i__amb_01": "dk"})
    a = r.answers.get(item="amb_01")
    assert a.value is None and a.dont_know


def test_relation_answers_have_a_target(client, respondent):
    r, token = respondent
    client.post(url(token, "p/2/"), {"i__rel_trust__B": "5", "i__rel_trust__C": "dk", "nav": "next"})
    got = {(a.target.code, a.value, a.dont_know) for a in r.answers.filter(item="rel_trust")}
    assert got == {("B", 5.0, False), ("C", None, True)}


def test_form_error_keeps_what_was_typed(client, respondent):
    r, token = respondent
    # phase_01 may not be left empty; the other answers must survive the error
    response = client.post(url(token, "p/1/"), {"i__amb_01": "5", "i__par_01": "6", "nav": "next"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Kies een antwoord." in html and 'role="alert"' in html
    assert 'value="5" checked' in html and 'value="6" checked' in html
    assert not r.answers.exists()


def test_out_of_range_value_is_refused(client, respondent):
    r, token = respondent
    response = client.post(url(token, "p/1/"), {**PAGE1, "i__amb_01": "9"})
    assert response.status_code == 400 and not r.answers.exists()


def test_text_is_kept_after_an_error_elsewhere(client, respondent):
    _, token = respondent
    client.post(url(token, "p/1/"), PAGE1)
    response = client.post(url(token, "p/3/"), {"i__open_01": "x" * 4001, "nav": "review"})
    assert response.status_code == 400 and "Maximaal 4000 tekens." in response.content.decode()


def test_saving_a_page_twice_never_duplicates(client, respondent):
    r, token = respondent
    client.post(url(token, "p/1/"), PAGE1)
    client.post(url(token, "p/1/"), {**PAGE1, "i__amb_01": "2"})  # a second tab, changed mind
    assert r.answers.count() == 3
    assert r.answers.get(item="amb_01").value == 2.0


def test_unchecked_checkbox_is_zero_and_empty_text_is_not_stored(client, respondent):
    r, token = respondent
    client.post(url(token, "p/3/"), {"i__open_01": "  ", "nav": "review"})
    assert [(a.item, a.value) for a in r.answers.all()] == [("mot_01", 0.0)]


def test_review_then_submit_then_thanks_then_link_is_used(client, respondent):
    r, token = respondent
    client.post(url(token, "p/1/"), PAGE1)
    client.post(url(token, "p/3/"), {"i__mot_01": "1", "i__open_01": "Goed bezig", "nav": "review"})
    html = client.get(url(token, "review/")).content.decode()
    # a short review: counts, and only the questions still open, each linked to its place
    assert "<strong>3</strong> van de 5 vragen" in html and "en liet er 2 open" in html
    assert f'href="/r/{token}/p/2/#q-i__rel_trust__B">Ik vertrouw Ziekenhuis.</a>' in html
    assert "We delen een doel." not in html and "Goed bezig" not in html  # answers are not listed again
    assert "1 van 1 ingevuld (niet verplicht)" in html
    response = client.post(url(token, "submit/"))
    assert response["Location"] == url(token, "thanks/")
    assert "Dank je wel" in client.get(url(token, "thanks/")).content.decode()
    # a second submit (double click, other tab) lands on the same thank-you page
    assert client.post(url(token, "submit/"))["Location"] == url(token, "thanks/")
    r.refresh_from_db()
    first = r.submitted_at
    assert first is not None
    response = client.get(url(token))
    assert response.status_code == 410 and "Al verstuurd" in response.content.decode()
    # saving a page from a stale tab after submitting changes nothing
    response = client.post(url(token, "p/1/"), {**PAGE1, "i__amb_01": "1"})
    assert response.status_code == 410
    assert r.answers.get(item="amb_01").value == 4.0
    r.refresh_from_db()
    assert r.submitted_at == first


def test_closed_round_says_so_kindly(client, respondent):
    r, token = respondent
    r.round.status = "closed"
    r.round.save()
    response = client.get(url(token, "p/1/"))
    assert response.status_code == 410 and "gesloten" in response.content.decode()
    assert client.post(url(token, "submit/")).status_code == 410


def test_expired_round_says_so_kindly(client, respondent):
    r, token = respondent
    r.round.closes = timezone.localdate() - dt.timedelta(days=1)
    r.round.save()
    assert client.get(url(token)).status_code == 410


def test_unknown_link_is_a_kind_404(client, respondent):
    response = client.get(url("nonsense-token"))
    assert response.status_code == 404 and "Link onbekend" in response.content.decode()


def test_token_is_stored_only_as_hash(respondent):
    r, token = respondent
    stored = Respondent.objects.filter(pk=r.pk).values().get()
    assert token not in " ".join(str(v) for v in stored.values())


def test_a_respondent_sees_only_their_own_answers(client, rnd, respondent):
    r, token = respondent
    other, other_token = make_respondent(rnd, "B", "r2")
    client.post(url(other_token, "p/1/"), {**PAGE1, "i__amb_01": "1"})
    html = client.get(url(token, "p/1/")).content.decode()
    assert 'value="1" checked' not in html
    html = client.get(url(token, "review/")).content.decode()
    assert "helemaal oneens" not in html
    assert Answer.objects.filter(respondent=r).count() == 0


def test_round_not_yet_open_says_when_it_opens(client, respondent):
    r, token = respondent
    r.round.opens = timezone.localdate() + dt.timedelta(days=3)
    r.round.save()
    response = client.get(url(token))
    assert response.status_code == 403 and "Nog even geduld" in response.content.decode()


def test_coming_back_continues_at_the_first_unsaved_page(client, respondent):
    _, token = respondent
    assert f'href="/r/{token}/p/1/">Beginnen' in client.get(url(token)).content.decode()
    client.post(url(token, "p/1/"), PAGE1)
    html = client.get(url(token)).content.decode()
    assert f'href="/r/{token}/p/2/">Verder gaan' in html
