"""The portfolio (issue 16, point 4): only the user's own alliances, side by side, with a heatmap that hides a
cell the alliance does not publish under its own privacy rules, open findings and actions, sortable, and its
JSON twin."""

from __future__ import annotations

import datetime as dt

import pytest
from norms_helpers import answered

from samenspel.web.alliances.models import Alliance, MeasurementRound, Membership, Partner
from samenspel.web.steering.models import Action

pytestmark = pytest.mark.django_db


def _alliance(name: str, slug: str, min_group: int = 3) -> Alliance:
    a = Alliance.objects.create(name=name, slug=slug, min_group=min_group)
    for code in ("A", "B"):
        Partner.objects.create(alliance=a, code=code, name=f"{name} {code}")
    return a


def _round(a: Alliance, code: str = "r1", opens: dt.date = dt.date(2025, 3, 1)) -> MeasurementRound:
    return MeasurementRound.objects.create(alliance=a, code=code, name=f"Ronde {code}", opens=opens,
                                           status=MeasurementRound.CLOSED)


@pytest.fixture
def three(django_user_model):  # type: ignore[no-untyped-def]
    """Mine to facilitate (scores), mine to view (one partner of three: below its minimum of 4), and another's."""
    user = django_user_model.objects.create_user("fien", password="pw-fien-123")
    mine = _alliance("Zorgnetwerk Oost", "zorg-oost")
    answered(_round(mine), "A", [5, 5, 4])
    answered(mine.rounds.get(), "B", [4, 4, 5])
    viewed = _alliance("Havenalliantie", "haven", min_group=4)
    answered(_round(viewed), "A", [5, 5, 4])  # the same three answers: published at 3, not at 4
    theirs = _alliance("Geheim Verbond", "geheim")
    answered(_round(theirs), "A", [1, 1, 1])
    Membership.objects.create(user=user, alliance=mine, role=Membership.FACILITATOR)
    Membership.objects.create(user=user, alliance=viewed, role=Membership.VIEWER)
    return user, mine, viewed, theirs


def test_only_the_users_own_alliances(client, three):
    user, mine, viewed, theirs = three
    client.force_login(user)
    page = client.get("/nl/portfolio/").content.decode()
    assert "Zorgnetwerk Oost" in page and "Havenalliantie" in page and "Geheim Verbond" not in page
    data = client.get("/nl/portfolio.json").json()
    assert {a["slug"]: a["role"] for a in data["alliances"]} == {"zorg-oost": "facilitator", "haven": "viewer"}


def test_a_viewer_gets_no_management_link_a_facilitator_does(client, three):
    user, *_ = three
    client.force_login(user)
    rows = {a["slug"]: a for a in client.get("/nl/portfolio.json").json()["alliances"]}
    assert rows["zorg-oost"]["round"]["url"] == "/nl/a/zorg-oost/rounds/r1/"
    assert "url" not in rows["haven"]["round"]
    assert rows["haven"]["round"]["dashboard"] == "/nl/a/haven/rounds/r1/dashboard/"


def test_a_cell_without_a_published_figure_is_hidden(client, three):
    user, *_ = three
    client.force_login(user)
    rows = {a["slug"]: a for a in client.get("/nl/portfolio.json").json()["alliances"]}
    assert rows["zorg-oost"]["domains"]["ambition"] == pytest.approx(87.5)
    assert rows["haven"]["domains"]["ambition"] is None  # three answers, minimum four: no figure
    assert set(rows["haven"]["domains"]) == {"ambition", "interests", "relation", "organisation", "process"}
    assert rows["zorg-oost"]["domains"]["relation"] is None  # not asked by the test questionnaire
    page = client.get("/nl/portfolio/").content.decode()
    haven = page[page.index("Havenalliantie"):]
    haven = haven[:haven.index("</tr>")]
    assert "88" not in haven and haven.count("geen gepubliceerd cijfer") == 5
    assert rows["zorg-oost"]["response"] == {"n": 6, "partners": 2, "rate": None}
    assert rows["zorg-oost"]["phase"] == 2


def test_the_colour_follows_the_number_shown():
    from samenspel.web.norms.portfolio import Cell

    assert (Cell("relation", "Relatie", 59.6).shown, Cell("relation", "Relatie", 59.6).step) == (60, 3)
    assert (Cell("relation", "Relatie", 59.4).shown, Cell("relation", "Relatie", 59.4).step) == (59, 2)
    assert (Cell("relation", "Relatie", 80.0).step, Cell("relation", "Relatie", 0.2).step) == (4, 0)
    assert Cell("relation", "Relatie", None).step is None


def test_open_actions_and_open_findings(client, three):
    user, mine, *_ = three
    rnd = mine.rounds.get()
    for status in ("planned", "under_way", "under_way", "done", "dropped"):
        Action.objects.create(round=rnd, what=f"actie {status}", status=status)
    client.force_login(user)
    rows = {a["slug"]: a for a in client.get("/nl/portfolio.json").json()["alliances"]}
    assert rows["zorg-oost"]["open_actions"] == {"planned": 1, "under_way": 2}
    assert rows["haven"]["open_actions"] == {"planned": 0, "under_way": 0}
    assert isinstance(rows["zorg-oost"]["open_findings"], list)


def test_sorted_on_the_server(client, three):
    user, *_ = three
    client.force_login(user)
    names = lambda data: [a["slug"] for a in data["alliances"]]  # noqa: E731
    assert names(client.get("/nl/portfolio.json").json()) == ["haven", "zorg-oost"]
    assert names(client.get("/nl/portfolio.json?sort=name&dir=desc").json()) == ["zorg-oost", "haven"]
    # an alliance without a figure comes last, whichever the direction
    assert names(client.get("/nl/portfolio.json?sort=domain:ambition&dir=asc").json()) == ["zorg-oost", "haven"]
    assert names(client.get("/nl/portfolio.json?sort=domain:ambition&dir=desc").json()) == ["zorg-oost", "haven"]
    assert client.get("/nl/portfolio.json?sort=nonsense").json()["sort"] == "name"
    page = client.get("/nl/portfolio/?sort=domain:ambition&dir=desc").content.decode()
    assert 'aria-sort="descending"' in page and "?sort=domain:ambition&amp;dir=asc" in page
    assert "<script" not in page.split("</header>", 1)[1]  # strict CSP: sorting is plain links


def test_english_and_dutch(client, three):
    user, *_ = three
    client.force_login(user)
    assert "Portfolio: your alliances side by side" in client.get("/en/portfolio/").content.decode()
    assert "Portfolio: uw allianties naast elkaar" in client.get("/nl/portfolio/").content.decode()
    assert "Shared ambition" in client.get("/en/portfolio/").content.decode()


def test_anonymous_is_sent_to_log_in(client):
    for url in ("/nl/portfolio/", "/nl/portfolio.json"):
        response = client.get(url)
        assert response.status_code == 302 and "/login/" in response["Location"]


def test_the_home_page_links_to_it(client, three):
    user, *_ = three
    client.force_login(user)
    assert 'href="/nl/portfolio/"' in client.get("/nl/").content.decode()


def test_a_user_without_alliances_sees_an_empty_portfolio(client, django_user_model, three):
    client.force_login(django_user_model.objects.create_user("leeg", password="pw-leeg-123"))
    assert client.get("/nl/portfolio.json").json()["alliances"] == []
    assert "nog geen allianties" in client.get("/nl/portfolio/").content.decode()


def test_the_api_gives_the_same_rows_to_a_token(client, three):
    from samenspel.web.alliances.api import create_token

    user, *_ = three
    token = create_token(user)
    data = client.get("/api/portfolio?lang=en&sort=domain:ambition&dir=desc",
                      headers={"Authorization": f"Bearer {token}"}).json()
    assert [a["slug"] for a in data["alliances"]] == ["zorg-oost", "haven"]
    assert data["alliances"][0]["url"] == "/en/a/zorg-oost/"
    assert data["alliances"][1]["domains"]["ambition"] is None
    assert client.get("/api/portfolio").status_code == 401


def test_pages_hold_only_the_users_own_alliances(client, three, monkeypatch):
    """In pages (here of 1): every page only the user's alliances, in name order, and the pager's links keep the
    sort."""
    from samenspel.web.norms import portfolio

    monkeypatch.setattr(portfolio, "PAGE_SIZE", 1)
    user, mine, viewed, theirs = three
    client.force_login(user)
    first = client.get("/nl/portfolio/").content.decode()
    second = client.get("/nl/portfolio/?sort=name&dir=asc&page=2").content.decode()
    assert "Havenalliantie" in first and "Zorgnetwerk Oost" not in first and "Pagina 1 van 2" in first
    assert "Zorgnetwerk Oost" in second and "Havenalliantie" not in second
    assert 'href="?sort=name&amp;dir=asc&amp;page=2" rel="next"' in first
    for page in (first, second, client.get("/nl/portfolio/?page=99").content.decode(),
                 client.get("/nl/portfolio/?sort=domain:ambition&dir=desc&page=2").content.decode()):
        assert "Geheim Verbond" not in page
    assert "Pagina 2 van 2" in client.get("/nl/portfolio/?page=99").content.decode()
