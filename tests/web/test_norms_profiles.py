"""A round's profile is stored whenever its reading is computed (issue 16, point 5), holds alliance-level
figures only, follows the reading, and the dashboard places the round against the installation's norms."""

from __future__ import annotations

import json

import pytest
from norms_helpers import answered, others

from samenspel.web.alliances.diagnosis import reading_for
from samenspel.web.alliances.models import Answer, MeasurementRound
from samenspel.web.norms.models import NormConsent, RoundProfile

pytestmark = pytest.mark.django_db


@pytest.fixture
def closed(rnd: MeasurementRound) -> MeasurementRound:
    rnd.status = MeasurementRound.CLOSED
    rnd.save()
    return rnd


def test_analysing_a_round_stores_its_profile(closed):
    answered(closed, "A", [4, 5, 3])
    answered(closed, "B", [2, 4, 3])
    assert not RoundProfile.objects.exists()
    reading = reading_for(closed)
    row = RoundProfile.objects.get(round=closed)
    assert row.questionnaire == "samenspel-core@2.0" and row.data["round"] == "2026-1"
    assert row.data["measures"]["domain:ambition"] == pytest.approx(reading.diagnosis.domains["ambition"].score)
    assert row.data["n_respondents"] == 6 and row.data["phase"] == 2 and row.data["size_band"] == "2-3"


def test_a_profile_holds_no_respondent_and_no_partner(closed):
    answered(closed, "A", [4, 5, 3])
    answered(closed, "B", [2, 4, 3])
    reading_for(closed)
    stored = json.dumps(RoundProfile.objects.get(round=closed).data)
    for name in ("A0", "B3", "Gemeente", "Ziekenhuis", '"A"', '"B"', "by_partner"):
        assert name not in stored


def test_the_profile_follows_the_reading(closed):
    answered(closed, "A", [4, 5, 3])
    answered(closed, "B", [2, 4, 3])
    reading_for(closed)
    first = RoundProfile.objects.get(round=closed)
    answered(closed, "C", [1, 1, 1])
    reading_for(closed)  # the answers changed, so the reading is computed again
    again = RoundProfile.objects.get(round=closed)
    assert again.pk == first.pk and again.data["n_respondents"] == 9
    assert again.data["measures"]["domain:ambition"] < first.data["measures"]["domain:ambition"]
    Answer.objects.filter(respondent__round=closed).delete()
    assert reading_for(closed) is None
    assert not RoundProfile.objects.filter(round=closed).exists()


def test_a_cached_reading_does_not_write_again(closed):
    answered(closed, "A", [4, 5, 3])
    reading_for(closed)
    stamp = RoundProfile.objects.get(round=closed).computed_at
    reading_for(closed)
    assert RoundProfile.objects.get(round=closed).computed_at == stamp


def test_the_dashboard_places_the_round_against_enough_alliances(fclient, closed, facilitator):
    answered(closed, "A", [4, 5, 3])
    answered(closed, "B", [2, 4, 3])
    others(10)
    page = fclient.get("/nl/a/zorg-oost/rounds/2026-1/dashboard/").content.decode()
    assert 'id="norms"' in page and "Vergeleken met andere allianties" in page
    assert "10 allianties" in page and "middelste helft" in page.lower()
    assert "geen doel" in page  # a band, not a target
    page = fclient.get("/en/a/zorg-oost/rounds/2026-1/dashboard/?norm=phase:2").content.decode()
    assert "Compared with other alliances" in page and "alliances in phase 2" in page


def test_the_comparison_is_hidden_with_too_few_alliances(fclient, closed):
    answered(closed, "A", [4, 5, 3])
    answered(closed, "B", [2, 4, 3])
    others(9)
    page = fclient.get("/nl/a/zorg-oost/rounds/2026-1/dashboard/").content.decode()
    assert "Nog geen vergelijking" in page and "middelste helft" not in page.lower()


def test_the_comparison_is_hidden_for_another_questionnaire_version(fclient, closed):
    answered(closed, "A", [4, 5, 3])
    others(10, questionnaire="samenspel-core@1.0")
    page = fclient.get("/en/a/zorg-oost/rounds/2026-1/dashboard/").content.decode()
    assert "No comparison yet" in page and "highest quarter" not in page


def test_the_alliance_itself_counts_only_after_opting_in(fclient, closed, alliance, facilitator):
    answered(closed, "A", [4, 5, 3])
    others(9)
    assert "Nog geen vergelijking" in fclient.get("/nl/a/zorg-oost/rounds/2026-1/dashboard/").content.decode()
    NormConsent.objects.create(alliance=alliance, contributes=True, by=facilitator)
    page = fclient.get("/nl/a/zorg-oost/rounds/2026-1/dashboard/").content.decode()
    assert "10 allianties" in page


def test_a_facilitator_finds_the_opt_in_from_the_dashboard_a_viewer_does_not(fclient, client, closed, alliance,
                                                                             django_user_model):
    from samenspel.web.alliances.models import Membership

    answered(closed, "A", [4, 5, 3])
    page = fclient.get("/nl/a/zorg-oost/rounds/2026-1/dashboard/").content.decode()
    assert 'href="/nl/a/zorg-oost/norms/"' in page and "draagt niet bij" in page
    viewer = django_user_model.objects.create_user("vera", password="pw-vera-123")
    Membership.objects.create(user=viewer, alliance=alliance, role=Membership.VIEWER)
    client.force_login(viewer)
    page = client.get("/nl/a/zorg-oost/rounds/2026-1/dashboard/").content.decode()
    assert 'id="norms"' in page and "/norms/" not in page


def test_the_comparison_has_a_json_twin_only_for_those_who_see_the_round(fclient, client, closed, django_user_model):
    answered(closed, "A", [4, 5, 3])
    answered(closed, "B", [2, 4, 3])
    others(10)
    data = fclient.get("/en/a/zorg-oost/rounds/2026-1/norms.json").json()
    c = data["comparison"]
    assert c["shown"] and c["group"] == "all" and c["n"] == 10 and c["min"] == 10
    row = c["rows"][0]
    assert row["domain"] == "ambition" and row["band"] in ("below_q1", "middle", "above_q3") and row["n"] == 10
    assert fclient.get("/en/a/zorg-oost/rounds/2026-1/norms.json?norm=phase:2").json()["comparison"]["group"] == \
        "phase:2"
    client.force_login(django_user_model.objects.create_user("kees", password="pw-kees-123"))
    assert client.get("/en/a/zorg-oost/rounds/2026-1/norms.json").status_code == 404
