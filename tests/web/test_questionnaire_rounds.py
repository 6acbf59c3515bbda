"""Rounds with their own questionnaire: choosing modules with the estimated time, answering 2.0
(yes / no / don't know, skipped, time left), exporting the reasons, importing old and new files,
and the median answering time. With the real questionnaires."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from samenspel.demo import make_demo
from samenspel.instrument import Selection, default_selection, estimate, load_instrument, questionnaire, to_minutes
from samenspel.knowledge import load_knowledge
from samenspel.responses.writer import to_csv
from samenspel.web.alliances import survey
from samenspel.web.alliances.forms import RoundForm
from samenspel.web.alliances.models import Answer, MeasurementRound, Respondent

from webhelpers import make_respondent

pytestmark = [pytest.mark.django_db, pytest.mark.real_questionnaire]
BASE = "/nl/a/zorg-oost"


def _round(alliance, code: str, selection: Selection) -> MeasurementRound:
    return MeasurementRound.objects.create(
        alliance=alliance, code=code, name=code, opens=dt.date(2020, 1, 1), instrument=selection.key,
        short=selection.pulse, modules=list(selection.modules), paradoxes=list(selection.paradoxes))


def test_a_new_round_asks_the_modules_and_tensions_chosen(fclient, alliance):
    response = fclient.post(BASE + "/rounds/", {
        "name": "Najaar", "code": "2026-2", "opens": "2026-09-01", "version": "2.0",
        "modules": ["paradoxes", "leadership", "open"], "paradoxes": ["conflict", "trust_control"]})
    assert response.status_code == 302
    rnd = alliance.rounds.get(code="2026-2")
    assert (rnd.instrument, rnd.modules, rnd.paradoxes) == (
        "samenspel-core@2.0", ["paradoxes", "leadership", "open"], ["conflict", "trust_control"])
    asked = survey.round_questionnaire(rnd)
    assert [m.id for m in asked.modules] == ["core", "paradoxes", "leadership", "open"]
    assert asked.paradoxes == ("conflict", "trust_control")
    page = fclient.get(BASE + "/rounds/2026-2/").content.decode()
    minutes = to_minutes(estimate(asked, "nl", 3).seconds)
    assert re.search(rf'id="estimated-time">ongeveer {minutes} minuten', page)
    assert "Leiding en bestuur" in page and "nog niemand heeft online verstuurd" in page


def test_a_pulse_or_version_one_round_has_no_modules(fclient, alliance):
    fclient.post(BASE + "/rounds/", {"name": "P", "code": "p", "opens": "2026-09-01", "short": "on",
                                     "modules": ["leadership"]})
    fclient.post(BASE + "/rounds/", {"name": "Oud", "code": "oud", "opens": "2026-09-01", "version": "1.0",
                                     "modules": ["leadership"]})
    pulse, old = alliance.rounds.get(code="p"), alliance.rounds.get(code="oud")
    assert (pulse.instrument, pulse.short, pulse.modules) == ("samenspel-core@2.0", True, [])
    assert (old.instrument, old.modules) == ("samenspel-core@1.0", [])
    assert survey.round_questionnaire(old) is load_instrument(version="1.0")


def test_the_paradox_module_needs_a_tension(fclient, alliance):
    response = fclient.post(BASE + "/rounds/", {"name": "X", "code": "x", "opens": "2026-09-01",
                                                "modules": ["paradoxes"]})
    assert response.status_code == 400 and "minstens één spanning" in response.content.decode()


def test_the_form_shows_the_default_round_and_the_numbers_to_add_up(fclient, alliance):
    html = fclient.get(BASE + "/").content.decode()
    form = RoundForm(alliance=alliance)
    default = default_selection(load_knowledge())
    exact = estimate(questionnaire(default), "nl", 3).seconds
    assert abs(form.costs.seconds(default) - exact) < 5  # the page's sum is the estimate (labels read once)
    assert f'<span id="round-minutes">{to_minutes(form.default_seconds)}</span>' in html
    assert 'id="round-costs"' in html and "round-estimate.js" in html
    assert "Kernfactoren (+1,0 min)" in html and "Leiding en bestuur (+1,5 min)" in html
    checked = re.findall(r'name="modules" value="(\w+)"[^>]*checked', html)
    assert checked == list(default.modules)
    data = form.estimate_data()
    assert data["defaults"]["3"] == list(load_knowledge() and default_selection(load_knowledge(), 3).paradoxes)


def test_respondent_answers_yes_no_dont_know_and_untouched_is_skipped(client, alliance):
    rnd = _round(alliance, "v2", Selection("2.0", False, ("factors",), ()))
    r, token = make_respondent(rnd)
    asked = survey.round_questionnaire(rnd)
    number = [p.id for p in survey.pages(asked)].index("factors") + 1
    page = client.get(f"/r/{token}/p/{number}/").content.decode()
    assert 'name="i__fail2_power_imbalance" value="1"' in page and 'value="0"' in page
    assert "weet ik niet / n.v.t." in page and 'type="checkbox"' not in page
    data = {"nav": "next", "i__fail2_power_imbalance": "1", "i__fail2_stereotyping_exclusion": "0",
            "i__fail2_conflicts_mixed_up": "dk"}
    response = client.post(f"/r/{token}/p/{number}/", data)
    # the untouched ones are listed once before moving on (issue 12); the page is saved already
    assert response.status_code == 200 and 'id="unanswered"' in response.content.decode()
    got = {a.item: (a.value, a.dont_know, a.missing) for a in r.answers.all()}
    assert got["fail2_power_imbalance"] == (1.0, False, "")
    assert got["fail2_stereotyping_exclusion"] == (0.0, False, "")
    assert got["fail2_conflicts_mixed_up"] == (None, True, "dont_know")
    assert got["fail2_fear_of_losing_autonomy"] == (None, False, "skipped")  # seen, never touched: not a 0
    again = client.get(f"/r/{token}/p/{number}/").content.decode()
    assert 'name="i__fail2_fear_of_losing_autonomy" value="0" checked' not in again
    review = client.get(f"/r/{token}/review/").content.decode()
    assert review.count("weet ik niet / n.v.t.") >= 1


def test_export_carries_the_questionnaire_and_the_reasons_and_reimports(fclient, client, alliance):
    rnd = _round(alliance, "v2", Selection("2.0", False, ("factors",), ()))
    r, token = make_respondent(rnd)
    asked = survey.round_questionnaire(rnd)
    number = [p.id for p in survey.pages(asked)].index("factors") + 1
    client.post(f"/r/{token}/p/{number}/", {"nav": "review", "i__fail2_power_imbalance": "1",
                                            "i__fail2_conflicts_mixed_up": "dk"})
    Respondent.objects.filter(pk=r.pk).update(submitted_at=timezone.now())
    exported = fclient.get(BASE + "/rounds/v2/export.csv").content.decode()
    rows = list(csv.DictReader(io.StringIO(exported)))
    assert {row["instrument"] for row in rows} == {"samenspel-core@2.0"}
    reasons = {row["item"]: (row["value"], row["missing"]) for row in rows}
    assert reasons["fail2_power_imbalance"] == ("1", "")
    assert reasons["fail2_conflicts_mixed_up"] == ("", "dont_know")
    assert reasons["fail2_fear_of_losing_autonomy"] == ("", "skipped")
    empty = _round(alliance, "copy", Selection("2.0", False, (), ()))
    # who counts: a file whose only person answered the factors alone would be refused; add the domain answers
    header = exported.splitlines()[0].split(",")
    first = rows[0]
    extra = []
    for it in asked.items:
        if it.construct_kind == "domain":
            row = {**first, "item": it.id, "value": "3", "missing": "", "target": ""}
            extra.append(",".join(row[c] for c in header))
    exported = exported.rstrip("\n") + "\n" + "\n".join(extra) + "\n"
    upload = SimpleUploadedFile("export.csv", exported.encode(), content_type="text/csv")
    assert fclient.post(BASE + "/rounds/copy/import/", {"file": upload}).status_code == 302
    empty.refresh_from_db()
    assert empty.modules == ["factors"]  # the empty round took the file's questionnaire
    again = fclient.get(BASE + "/rounds/copy/export.csv").content.decode()
    assert sorted(again.splitlines()[1:]) == sorted(line.replace(",v2,", ",copy,") for line in exported.splitlines()[1:])


def test_an_old_file_imports_into_an_empty_round_which_becomes_a_one_point_zero_round(fclient, alliance):
    old = make_demo(7, load_instrument(version="1.0")).for_round("2025-voorjaar")
    text = to_csv(old)
    text = text.replace(",samenspel-core@1.0", "").replace(",instrument", "")  # as written before 2.0
    assert "samenspel-core" not in text
    rnd = _round(alliance, "oud", default_selection(load_knowledge()))
    response = fclient.post(BASE + "/rounds/oud/import/", {"file": SimpleUploadedFile("oud.csv", text.encode())})
    assert response.status_code == 302, response.content.decode()[-3000:]
    rnd.refresh_from_db()
    assert (rnd.instrument, rnd.modules, rnd.short) == ("samenspel-core@1.0", [], False)
    assert fclient.get(BASE + "/rounds/oud/dashboard.json").status_code == 200


def test_a_round_with_answers_keeps_its_questionnaire(fclient, alliance):
    rnd = _round(alliance, "v2", default_selection(load_knowledge()))
    r, _ = make_respondent(rnd)
    Answer.objects.create(respondent=r, item="amb_02", value=3)
    old = to_csv(make_demo(7, load_instrument(version="1.0")).for_round("2025-voorjaar"))
    response = fclient.post(BASE + "/rounds/v2/import/", {"file": SimpleUploadedFile("oud.csv", old.encode())})
    assert response.status_code == 400
    assert "answered with questionnaire samenspel-core@1.0; this round asks samenspel-core@2.0" in response.content.decode()
    rnd.refresh_from_db()
    assert rnd.instrument == "samenspel-core@2.0" and Answer.objects.filter(respondent__round=rnd).count() == 1


def test_start_page_and_time_left(client, alliance):
    rnd = _round(alliance, "v2", default_selection(load_knowledge(), 2))
    r, token = make_respondent(rnd)
    asked = survey.round_questionnaire(rnd)
    e = estimate(asked, "nl", 3)
    start = client.get(f"/r/{token}/").content.decode()
    assert f'<strong id="estimate">{to_minutes(e.seconds)} minuten</strong>' in start
    left = []
    for number, part in enumerate(survey.pages(asked), start=1):
        html = client.get(f"/r/{token}/p/{number}/").content.decode()
        found = re.search(r'id="time-left">Nog ongeveer (\d+) minu', html)
        assert found and int(found.group(1)) == to_minutes(e.remaining(part.id)), part.id
        left.append(int(found.group(1)))
    assert left == sorted(left, reverse=True) and left[0] > left[-1] >= 1
    r.refresh_from_db()
    assert r.started_at is not None  # the clock starts at the first question seen


def test_round_page_shows_the_median_answering_time(fclient, alliance):
    rnd = _round(alliance, "v2", Selection("2.0", True))
    now = timezone.now()
    for i, minutes in enumerate((4, 6, 9, 30)):
        r, _ = make_respondent(rnd, code=f"r{i}")
        Respondent.objects.filter(pk=r.pk).update(started_at=now - dt.timedelta(minutes=minutes), submitted_at=now)
    imported, _ = make_respondent(rnd, code="imp")
    Respondent.objects.filter(pk=imported.pk).update(imported=True, submitted_at=now)
    html = fclient.get(BASE + "/rounds/v2/").content.decode()
    assert 'id="median-time">8 minuten, van 4 deelnemers' in html  # median of 4, 6, 9, 30 minutes = 7.5 -> 8
    data = fclient.get(BASE + "/rounds/v2/round.json").json()
    assert data["answering_time"] == {"n": 4, "median_seconds": 450, "median_minutes": 8}
    assert data["questionnaire"]["pulse"] is True and data["questionnaire"]["version"] == "2.0"
