"""Diagnosis page and its JSON twin on the demo alliance, loaded as database rows.

The independent reference is the analysis run directly on ``make_demo()``:
the database round trip (import, rows, ResponseSet) must not change a number.
"""

from __future__ import annotations

import json

import pytest

from samenspel.analysis import Settings, analyse
from samenspel.demo import ALLIANCE_ID, make_demo
from samenspel.responses.versions import per_round
from samenspel.knowledge import load_knowledge
from samenspel.web.alliances.demo_data import OPEN_ROUND, load_demo
from samenspel.web.alliances.models import Membership
from webhelpers import leaks

pytestmark = [pytest.mark.django_db, pytest.mark.real_questionnaire, pytest.mark.real_knowledge]


@pytest.fixture(scope="module")
def demo():  # type: ignore[no-untyped-def]
    return make_demo()


def test_demo_loads_once_with_an_open_round(demo):
    alliance, created = load_demo(demo)
    assert created and alliance.slug == ALLIANCE_ID
    assert load_demo(demo) == (alliance, False)
    assert [r.code for r in alliance.rounds.order_by("opens")][:2] == demo.rounds()
    open_round = alliance.rounds.get(code=OPEN_ROUND)
    assert open_round.accepts_answers() and open_round.respondents.filter(nonce__gt="").count() == 18
    assert alliance.rounds.get(code="2025-najaar").respondents.count() == len(demo.for_round("2025-najaar").respondents())


def _expected(demo, alliance):  # type: ignore[no-untyped-def]
    """The JSON ``samenspel analyse --format json`` gives for the same answers in the same alliance context."""
    from samenspel.reading import read
    from samenspel.render.json import diagnosis_json
    from samenspel.web.alliances.diagnosis import context_of
    from samenspel.web.alliances.reporting import invited

    kb = load_knowledge()
    d = analyse(demo, per_round(demo), kb, round="2025-najaar", settings=Settings(min_group=3))
    rnd = alliance.rounds.get(code="2025-najaar")
    return diagnosis_json(read(d, kb, context_of(alliance), invited=invited(rnd)), kb, "nl")


def test_dashboard_json_equals_the_analysis_of_the_same_answers(client, django_user_model, demo):
    alliance, _ = load_demo(demo)
    fien = django_user_model.objects.create_user("fien", password="x")
    Membership.objects.create(user=fien, alliance=alliance, role=Membership.FACILITATOR)
    client.force_login(fien)
    base = f"/nl/a/{ALLIANCE_ID}/rounds/2025-najaar/"
    got = client.get(base + "dashboard.json").json()
    assert got == json.loads(json.dumps(_expected(demo, alliance)))
    # the welfare foundation has two respondents: hidden per partner
    assert got["domains"]["ambition"]["by_partner"]["Welzijn Samen"] is None


def test_viewer_sees_alliance_results_and_only_partners_above_min_group(client, django_user_model, demo):
    alliance, _ = load_demo(demo)
    viewer = django_user_model.objects.create_user("vera", password="x")
    Membership.objects.create(user=viewer, alliance=alliance, role=Membership.VIEWER)
    client.force_login(viewer)
    base = f"/nl/a/{ALLIANCE_ID}/rounds/2025-najaar/"
    got = client.get(base + "dashboard.json").json()
    expected = json.loads(json.dumps(_expected(demo, alliance)))
    # alliance-wide results are all there
    assert got["domains"]["ambition"]["score"] == expected["domains"]["ambition"]["score"]
    assert got["problems"] == expected["problems"] and got["trend"] == expected["trend"]
    # a partner with enough respondents keeps its figures, the small one has none (network included)
    big, small = got["network"]["partners"]["Ziekenhuis Waalzicht"], got["network"]["partners"]["Welzijn Samen"]
    assert big == expected["network"]["partners"]["Ziekenhuis Waalzicht"]
    assert expected["network"]["partners"]["Welzijn Samen"]["in_trust"] is not None  # the analysis has it ...
    assert small["in_trust"] is None and small["power"] is None  # ... the viewer does not
    assert got["domains"]["ambition"]["by_partner"]["Welzijn Samen"] is None
    assert got["domains"]["ambition"]["by_partner"]["Ziekenhuis Waalzicht"] is not None
    html = client.get(base + "dashboard/").content.decode()
    assert "Ziekenhuis Waalzicht" in html and "Welzijn Samen" in html  # named, never scored
    assert leaks(html, "Welzijn Samen") == []
    assert leaks(html, "Ziekenhuis Waalzicht")  # the check finds figures of a partner that is shown
    # a viewer reads results but cannot manage the round or download answers
    assert client.get(base).status_code == 404
    assert client.get(base + "export.csv").status_code == 404
    assert client.get(base + "links.csv").status_code == 404


def test_dashboard_shows_every_part_of_the_diagnosis_with_offline_charts(client, django_user_model, demo):
    alliance, _ = load_demo(demo)
    fien = django_user_model.objects.create_user("fien", password="x")
    Membership.objects.create(user=fien, alliance=alliance, role=Membership.FACILITATOR)
    client.force_login(fien)
    kb = load_knowledge()
    d = client.get(f"/en/a/{ALLIANCE_ID}/rounds/2025-najaar/dashboard.json").json()
    html = client.get(f"/en/a/{ALLIANCE_ID}/rounds/2025-najaar/dashboard/").content.decode()
    for section in ("page-one", "domains", "divergence", "paradoxes", "network", "problems", "trend", "phase", "trust"):
        assert f'id="{section}"' in html, section
    assert kb.domains["ambition"].name.en in html
    assert kb.phases[d["phase"]["modal"]].name.en in html
    assert kb.trust_quadrants[d["trust_formal"]["quadrant"]].name.en in html
    asked = list(d["paradoxes"])  # the round asked the six paradoxes of its phase, not all thirteen
    assert 5 <= len(asked) <= 6
    assert kb.paradoxes[asked[0]].pole_a.en in html  # the paradox chart's poles
    strongest = max(d["problems"], key=lambda p: p["strength"])
    assert kb.problems[strongest["id"]].name.en in html
    assert kb.interventions[strongest["interventions"][0]].name.en in html
    assert d["trend"]["previous_round"] in html
    # charts are inline SVG (report.charts via vl-convert) and the page loads nothing from elsewhere
    assert html.count("<svg") >= 5
    assert "http://" not in html.replace('xmlns="http://www.w3.org/', "").replace("xmlns:xlink=\"http://www.w3.org/", "")
    assert "https://" not in html


def test_dashboard_charts_are_named_in_the_page_language(client, django_user_model, demo):
    """The report's charts come with their own name (role="img") and without Vega's English ARIA texts."""
    from samenspel.reading.labels import L

    alliance, _ = load_demo(demo)
    fien = django_user_model.objects.create_user("fien", password="x")
    Membership.objects.create(user=fien, alliance=alliance, role=Membership.FACILITATOR)
    client.force_login(fien)
    html = client.get(f"/nl/a/{ALLIANCE_ID}/rounds/2025-najaar/dashboard/").content.decode()
    assert "X-axis titled" not in html and "Y-axis titled" not in html and "aria-roledescription" not in html
    for key in ("domains_chart", "trend_chart", "trust_box"):
        assert f'role="img" aria-label="{L[key].nl}"><title>{L[key].nl}</title>' in html, key


def test_round_without_answers_says_so(client, django_user_model, demo):
    alliance, _ = load_demo(demo)
    user = django_user_model.objects.create_user("fien", password="x")
    Membership.objects.create(user=user, alliance=alliance, role=Membership.FACILITATOR)
    client.force_login(user)
    assert client.get(f"/nl/a/{ALLIANCE_ID}/rounds/{OPEN_ROUND}/dashboard.json").status_code == 404
    assert "Nog geen uitkomsten te tonen." in client.get(f"/nl/a/{ALLIANCE_ID}/rounds/{OPEN_ROUND}/dashboard/").content.decode()
    assert "No results to show yet." in client.get(f"/en/a/{ALLIANCE_ID}/rounds/{OPEN_ROUND}/dashboard/").content.decode()


def test_api_gives_viewers_the_same_privacy_as_the_dashboard(client, django_user_model, demo):
    from samenspel.web.alliances.api import create_token

    alliance, _ = load_demo(demo)
    viewer = django_user_model.objects.create_user("vera", password="x")
    Membership.objects.create(user=viewer, alliance=alliance, role=Membership.VIEWER)
    fien = django_user_model.objects.create_user("fien", password="x")
    Membership.objects.create(user=fien, alliance=alliance, role=Membership.FACILITATOR)
    url = f"/api/alliances/{ALLIANCE_ID}/rounds/2025-najaar/diagnosis"
    as_viewer = client.get(url, HTTP_AUTHORIZATION=f"Bearer {create_token(viewer)}").json()
    as_facilitator = client.get(url, HTTP_AUTHORIZATION=f"Bearer {create_token(fien)}").json()
    assert as_facilitator["network"]["partners"]["Welzijn Samen"]["in_trust"] is not None
    assert as_viewer["network"]["partners"]["Welzijn Samen"]["in_trust"] is None
    assert as_viewer["domains"] == as_facilitator["domains"]
    client.force_login(viewer)
    assert as_viewer == client.get(f"/nl/a/{ALLIANCE_ID}/rounds/2025-najaar/dashboard.json").json()


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_dashboard_heads_with_the_reports_findings_in_the_reports_order(client, django_user_model, demo, lang):
    """The first screen's top findings and strengths are the reading's ``top`` and ``top_strengths``, in order,
    as in the report; the badge, phase and quadrant tiles come first; statistics and sources are folded away."""
    import re

    from samenspel.web.alliances.diagnosis import reading_for

    alliance, _ = load_demo(demo)
    fien = django_user_model.objects.create_user("fien", password="x")
    Membership.objects.create(user=fien, alliance=alliance, role=Membership.FACILITATOR)
    client.force_login(fien)
    base = f"/{lang}/a/{ALLIANCE_ID}/rounds/2025-najaar/"
    html = client.get(base + "dashboard/").content.decode()
    report = client.get(base + "report.html").content.decode()
    r = reading_for(alliance.rounds.get(code="2025-najaar"))

    def ids(page: str, cls: str) -> list[str]:
        block = re.search(rf'<(ol|ul) class="{cls}">(.*?)</\1>', page, flags=re.S)
        return re.findall(r'<li data-finding="([^"]+)"', block.group(2)) if block else []

    assert ids(html, "signals") == [f.id for f in r.top] == ids(report, "signals") != []
    assert ids(html, "strengths") == [f.id for f in r.top_strengths] == ids(report, "strengths") != []
    one = html[html.index('<section id="page-one"'):html.index('id="domains"')]
    assert one.index('id="quality"') < one.index('id="phase"') < one.index('id="trust"') < one.index('class="signals"')
    badge = one[one.index('class="badge"'):one.index("<details", one.index('class="badge"'))]
    assert str(r.diagnosis.n_respondents) in badge
    # the warnings, the reliability figures and the evidence's tests are in folded details, not in the main text
    text = re.sub(r"<details.*?</details>", " ", html, flags=re.S)
    assert 'class="warnings"' in html and 'class="warnings"' not in text
    text = re.sub(r"<svg.*?</svg>", " ", text, flags=re.S)
    results = re.sub(r'<p class="rule">.*?</p>', " ", text)  # the rules a result is read by ("p < 0,05") stay
    for statistic in ("eta²", "p = ", "p &lt; ", "Alfa", "Alpha", "rwg", "omega"):
        assert statistic not in results, statistic
    assert "?print=1" in html and "<script>" not in html and " style=" not in html
    printed = client.get(base + "dashboard/?print=1").content.decode()
    assert "<details>" not in printed and "<details class=\"stats\">" not in printed and "<details open>" in printed
