"""Object-level access: a facilitator of one alliance cannot reach another's
pages, downloads or API (404, so its existence is not even confirmed); viewers
read results only; anonymous users get nothing."""

from __future__ import annotations

import pytest
from django.utils import timezone

from samenspel.web.alliances.api import create_token
from samenspel.web.alliances.models import Membership, Respondent

pytestmark = pytest.mark.django_db

B = "/nl/a/haven"
B_GET = [
    B + "/", B + "/index.json", B + "/rounds/h1/round.json", B + "/edit/", B + "/delete/", B + "/rounds/h1/", B + "/rounds/h1/links/", B + "/rounds/h1/links.csv",
    B + "/rounds/h1/export.csv", B + "/rounds/h1/dashboard/", B + "/rounds/h1/dashboard.json", B + "/rounds/h1/respondents/{pk}/delete/",
    B + "/rounds/h1/export.xlsx", "/en/a/haven/", "/en/a/haven/rounds/h1/export.csv", B + "/rounds/h1/rates/", B + "/rounds/h1/respondents/?respondent=x1",
]
B_POST = [
    B + "/partners/", B + "/rounds/", B + "/delete/", B + "/rounds/h1/invite/", B + "/rounds/h1/remind/", B + "/rounds/h1/status/",
    B + "/rounds/h1/import/", B + "/rounds/h1/respondents/{pk}/delete/", B + "/members/",
]
B_API = ["/api/alliances/haven/rounds", "/api/alliances/haven/rounds/h1/diagnosis",
         "/api/alliances/haven/rounds/h1/responses.csv"]


@pytest.fixture
def b_respondent(other_alliance):  # type: ignore[no-untyped-def]
    rnd = other_alliance.rounds.get(code="h1")
    return Respondent.objects.create(round=rnd, partner=other_alliance.partners.get(), code="x1")


@pytest.mark.parametrize("url", B_GET)
def test_facilitator_of_a_gets_404_on_pages_of_b(fclient, other_alliance, b_respondent, url):
    assert fclient.get(url.format(pk=b_respondent.pk)).status_code == 404


@pytest.mark.parametrize("url", B_POST)
def test_facilitator_of_a_cannot_change_b(fclient, other_alliance, b_respondent, url):
    data = {"confirm": "haven", "status": "closed", "name": "X", "code": "X"}
    assert fclient.post(url.format(pk=b_respondent.pk), data).status_code == 404
    other_alliance.refresh_from_db()
    assert other_alliance.rounds.get(code="h1").status == "open"
    assert Respondent.objects.filter(pk=b_respondent.pk).exists()


@pytest.mark.parametrize("url", B_API)
def test_facilitator_of_a_gets_404_in_the_api(client, facilitator, other_alliance, url):
    token = create_token(facilitator)
    assert client.get(url, HTTP_AUTHORIZATION=f"Bearer {token}").status_code == 404


def test_api_lists_only_own_alliances(client, facilitator, alliance, other_alliance):
    token = create_token(facilitator)
    got = client.get("/api/alliances", HTTP_AUTHORIZATION=f"Bearer {token}").json()
    assert [a["slug"] for a in got] == ["zorg-oost"] and got[0]["role"] == "facilitator"


def test_api_rounds_of_own_alliance(client, facilitator, rnd):
    token = create_token(facilitator)
    got = client.get("/api/alliances/zorg-oost/rounds", HTTP_AUTHORIZATION=f"Bearer {token}").json()
    assert got == [{"code": "2026-1", "name": "Voorjaar 2026", "opens": "2020-01-01", "closes": None,
                    "short": False, "status": "open", "accepting": True, "instrument": "samenspel-core@2.0",
                    "modules": [], "paradoxes": []}]


@pytest.mark.parametrize("header", [None, "Bearer wrong", "Token x"])
def test_api_without_a_valid_token_is_401(client, alliance, header):
    extra = {"HTTP_AUTHORIZATION": header} if header else {}
    assert client.get("/api/alliances", **extra).status_code == 401


def test_api_token_is_stored_only_as_a_hash(facilitator):
    token = create_token(facilitator)
    stored = facilitator.api_tokens.get()
    assert token not in stored.key_hash and len(stored.key_hash) == 64


def test_home_lists_only_own_alliances(fclient, alliance, other_alliance):
    html = fclient.get("/nl/").content.decode()
    assert "Zorgnetwerk Oost" in html and "Havenalliantie" not in html


def test_administrator_sees_every_alliance(client, django_user_model, alliance, other_alliance):
    admin = django_user_model.objects.create_superuser("admin", password="x")
    client.force_login(admin)
    assert client.get(B + "/rounds/h1/").status_code == 200


@pytest.fixture
def viewer_client(client, django_user_model, alliance):  # type: ignore[no-untyped-def]
    viewer = django_user_model.objects.create_user("vera", password="x")
    Membership.objects.create(user=viewer, alliance=alliance, role=Membership.VIEWER)
    client.force_login(viewer)
    return client


@pytest.mark.parametrize("suffix", ["rounds/2026-1/", "rounds/2026-1/links/", "rounds/2026-1/links.csv", "rounds/2026-1/export.csv", "edit/", "delete/"])
def test_viewer_cannot_manage(viewer_client, rnd, suffix):
    assert viewer_client.get(f"/nl/a/zorg-oost/{suffix}").status_code == 404


def test_viewer_sees_the_alliance_without_management_forms(viewer_client, rnd):
    html = viewer_client.get("/nl/a/zorg-oost/").content.decode()
    assert "Voorjaar 2026" in html and "Partner toevoegen" not in html
    assert "/rounds/2026-1/dashboard/" not in html  # no answers yet: nothing to look at
    rnd.respondents.create(partner=rnd.alliance.partners.get(code="A"), code="r1", submitted_at=timezone.now())
    assert "/rounds/2026-1/dashboard/" in viewer_client.get("/nl/a/zorg-oost/").content.decode()


def test_viewer_cannot_add_partners(viewer_client, alliance):
    assert viewer_client.post("/nl/a/zorg-oost/partners/", {"name": "X", "code": "X"}).status_code == 404


def test_anonymous_is_sent_to_login_everywhere(client, alliance, rnd):
    for url in ["/nl/", "/nl/a/zorg-oost/", "/nl/a/zorg-oost/rounds/2026-1/export.csv", "/nl/a/zorg-oost/rounds/2026-1/dashboard.json"]:
        response = client.get(url)
        assert response.status_code == 302 and "/login/" in response["Location"], url


def test_viewer_cannot_give_access(viewer_client, alliance, django_user_model):
    django_user_model.objects.create_user("mallory", password="x")
    response = viewer_client.post("/nl/a/zorg-oost/members/", {"username": "mallory", "role": "facilitator"})
    assert response.status_code == 404 and not Membership.objects.filter(user__username="mallory").exists()
