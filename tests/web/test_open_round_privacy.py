"""Open rounds: results change only in steps of the minimum group (issue "Privacy that holds under attack").

Comparing the dashboard before and after one submission in an open round would
give that person's answers. While a round is open, its reading counts the first
k x minimum substantive submissions (in the order submitted); once it closes,
everyone.
"""

from __future__ import annotations

import pytest

from samenspel.demo import make_demo
from samenspel.web.alliances.demo_data import load_demo
from samenspel.web.alliances.models import MeasurementRound

pytestmark = [pytest.mark.django_db, pytest.mark.real_questionnaire, pytest.mark.real_knowledge]


def _people(responses, code: str) -> set[str]:
    return {a.respondent for a in responses.answers if a.round == code}


def test_an_open_round_counts_submissions_in_steps_of_the_minimum():
    from samenspel.web.alliances import dataset, survey
    from samenspel.web.alliances.diagnosis import in_steps, reading_for

    alliance, _ = load_demo(make_demo())
    rnd = alliance.rounds.get(code="2025-najaar")
    questionnaires = {r.code: survey.round_questionnaire(r) for r in alliance.rounds.all()}
    everyone = dataset.alliance_responses(alliance)
    counted = len(_people(everyone, rnd.code))
    assert counted % 3 != 0  # 34: the step leaves one submission waiting

    rnd.status = MeasurementRound.OPEN
    rnd.save(update_fields=["status"])
    shown = in_steps(everyone, rnd, questionnaires)
    assert len(_people(shown, rnd.code)) == counted // 3 * 3
    assert _people(shown, "2025-voorjaar") == _people(everyone, "2025-voorjaar")  # earlier rounds untouched
    last = rnd.respondents.filter(submitted_at__isnull=False).order_by("submitted_at", "id").last()
    assert last.code not in _people(shown, rnd.code)  # the latest submission waits for the next step
    open_n = reading_for(rnd).diagnosis.n_respondents

    rnd.status = MeasurementRound.CLOSED
    rnd.save(update_fields=["status"])
    assert reading_for(rnd).diagnosis.n_respondents >= open_n
    assert len(_people(dataset.alliance_responses(alliance), rnd.code)) == counted


def test_an_open_round_below_the_minimum_shows_no_results(client, django_user_model):
    from samenspel.web.alliances.diagnosis import reading_for
    from samenspel.web.alliances.models import Membership

    alliance, _ = load_demo(make_demo())
    rnd = alliance.rounds.get(code="2025-najaar")
    rnd.status = MeasurementRound.OPEN
    rnd.save(update_fields=["status"])
    keep = list(rnd.respondents.filter(submitted_at__isnull=False).order_by("submitted_at", "id")[:2])
    rnd.respondents.exclude(pk__in=[r.pk for r in keep]).update(submitted_at=None)
    assert reading_for(rnd) is None
    user = django_user_model.objects.create_user("kijker", password="x")
    Membership.objects.create(user=user, alliance=alliance, role=Membership.VIEWER)
    client.force_login(user)
    page = client.get(f"/en/a/{alliance.slug}/rounds/{rnd.code}/dashboard/").content.decode()
    assert "This round is still open" in page and "No results to show yet." in page
