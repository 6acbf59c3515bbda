"""JSON twins of the home, alliance and round pages (issue 5): same context, same access, counts only.

Each twin is checked against what its HTML page shows, for 404 to another
alliance's facilitator, and for leaks: no e-mail address, respondent link,
token, respondent id or member name in any JSON.
"""

from __future__ import annotations

import datetime as dt

import pytest

from webhelpers import make_respondent

from samenspel.web.alliances.models import Membership

pytestmark = pytest.mark.django_db

A = "/nl/a/zorg-oost/"
ROUND = A + "rounds/2026-1/"
TWINS = {"/nl/": "/nl/index.json", A: A + "index.json", ROUND: ROUND + "round.json"}


@pytest.fixture
def answered(rnd):  # type: ignore[no-untyped-def]
    """Three respondents of partner A (one submitted, one started) and one of B with an e-mail address."""
    now = dt.datetime(2026, 3, 2, tzinfo=dt.UTC)
    made = {}
    for code, partner, started, submitted in (("r1", "A", now, now), ("r2", "A", now, None), ("r3", "A", None, None),
                                              ("r4", "B", None, None)):
        person, token = make_respondent(rnd, partner=partner, code=code)
        person.started_at, person.submitted_at = started, submitted
        if code == "r4":
            person.email = "bert@ziekenhuis.example"
        person.save()
        made[code] = (person, token)
    return made


def test_home_json_lists_only_visible_alliances(fclient, alliance, other_alliance):
    got = fclient.get("/nl/index.json").json()
    assert got == {"alliances": [{"slug": "zorg-oost", "name": "Zorgnetwerk Oost", "role": "facilitator",
                                  "url": A, "json": A + "index.json"}]}


def test_alliance_json_has_details_partners_and_rounds(fclient, alliance, rnd):
    alliance.collaboration_form, alliance.governance_model, alliance.min_group = "joint_venture", "cooperative", 4
    alliance.save()
    rnd.closes = dt.date(2030, 6, 30)
    rnd.save()
    got = fclient.get(A + "index.json").json()
    assert got["name"] == "Zorgnetwerk Oost" and got["role"] == "facilitator"
    assert (got["collaboration_form"], got["governance_model"], got["phase_model"]) == (
        "joint_venture", "cooperative", None)
    assert got["min_group"] == 4
    assert got["partners"] == [{"code": "A", "name": "Gemeente"}, {"code": "B", "name": "Ziekenhuis"},
                               {"code": "C", "name": "Huisartsen"}]
    assert got["rounds"] == [{
        "code": "2026-1", "name": "Voorjaar 2026", "status": "open", "accepting_answers": True,
        "opens": "2020-01-01", "closes": "2030-06-30", "pulse": False,
        "dashboard": ROUND + "dashboard/", "dashboard_json": ROUND + "dashboard.json",
        "url": ROUND, "json": ROUND + "round.json",
    }]


def test_round_json_counts_per_partner(fclient, rnd, answered):
    rnd.status = "closed"
    rnd.save()
    got = fclient.get(ROUND + "round.json").json()
    assert (got["code"], got["name"], got["status"], got["accepting_answers"]) == ("2026-1", "Voorjaar 2026",
                                                                                  "closed", False)
    assert (got["opens"], got["closes"]) == ("2020-01-01", None)
    by_partner = {row["partner"]: (row["invited"], row["started"], row["submitted"], row["rate"])
                  for row in got["response"]}
    assert by_partner == {"A": (3, 2, 1, 33), "B": (1, 0, 0, 0), "C": (0, 0, 0, None)}
    assert got["total"] == {"invited": 4, "started": 2, "submitted": 1}
    # the HTML page shows the same counts
    html = fclient.get(ROUND).content.decode()
    assert ('<th scope="row">Gemeente</th><td class="num">3</td><td class="num">2</td><td class="num">1</td>'
            '<td class="num">33%</td>') in html


@pytest.mark.parametrize("page", list(TWINS))
def test_every_page_links_its_json_twin(fclient, rnd, page):
    html = fclient.get(page).content.decode()
    assert f'href="{TWINS[page]}">JSON</a>' in html
    assert fclient.get(TWINS[page])["Content-Type"] == "application/json"


def test_no_email_token_or_respondent_in_any_json(fclient, alliance, rnd, answered, django_user_model):
    colleague = django_user_model.objects.create_user("vera", email="vera@gemeente.example", password="x")
    Membership.objects.create(user=colleague, alliance=alliance, role=Membership.VIEWER)
    secrets = ["@", "bert", "vera", "/r/"]
    for person, token in answered.values():
        person.refresh_from_db()
        secrets += [token, person.token_hash, person.nonce, f'"{person.code}"']
    assert fclient.get(ROUND + "links/").content.decode().count(answered["r4"][1]) >= 1  # the check can bite
    for twin in TWINS.values():
        body = fclient.get(twin).content.decode()
        for secret in secrets:
            assert secret not in body, (twin, secret)


def test_facilitator_of_another_alliance_gets_404(client, django_user_model, rnd, other_alliance):
    outsider = django_user_model.objects.create_user("hans", password="x")
    Membership.objects.create(user=outsider, alliance=other_alliance, role=Membership.FACILITATOR)
    client.force_login(outsider)
    for page, twin in TWINS.items():
        if page == "/nl/":
            assert [a["slug"] for a in client.get(twin).json()["alliances"]] == ["haven"]
            continue
        assert client.get(page).status_code == 404
        assert client.get(twin).status_code == 404


def test_viewer_gets_alliance_json_without_round_management(client, django_user_model, alliance, rnd, answered):
    viewer = django_user_model.objects.create_user("vera", password="x")
    Membership.objects.create(user=viewer, alliance=alliance, role=Membership.VIEWER)
    client.force_login(viewer)
    assert client.get("/nl/index.json").json()["alliances"][0]["role"] == "viewer"
    got = client.get(A + "index.json").json()
    assert got["role"] == "viewer" and [r["code"] for r in got["rounds"]] == ["2026-1"]
    assert "url" not in got["rounds"][0] and "json" not in got["rounds"][0]
    assert got["rounds"][0]["dashboard_json"] == ROUND + "dashboard.json"
    # the round page is the facilitator's (links, invitations); its twin follows it
    assert client.get(ROUND).status_code == 404
    assert client.get(ROUND + "round.json").status_code == 404


@pytest.mark.parametrize("twin", list(TWINS.values()))
def test_anonymous_is_sent_to_login_like_the_html(client, rnd, twin):
    response = client.get(twin)
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_administrator_sees_every_alliance(client, django_user_model, alliance, other_alliance):
    admin = django_user_model.objects.create_superuser("admin", password="x")
    client.force_login(admin)
    got = client.get("/en/index.json").json()["alliances"]
    assert [(a["slug"], a["role"]) for a in got] == [("haven", "facilitator"), ("zorg-oost", "facilitator")]
