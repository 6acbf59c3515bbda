"""Migration 0004 on a database with 1.0 rounds, an open round mid-fieldwork and "don't know" answers.

Runs on SQLite and, with DATABASE_URL, on PostgreSQL: nothing is lost, existing rounds
keep questionnaire 1.0 (an open round never changes questionnaire mid-fieldwork), an
explicit "don't know" gets its reason, and rounds made afterwards ask 2.0.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.real_questionnaire]


BEFORE = [("alliances", "0004_pending_membership")]
AFTER = [("alliances", "0005_questionnaire_versions")]


@pytest.fixture(autouse=True)
def _latest_schema_afterwards():  # type: ignore[no-untyped-def]
    """Leave the database at the newest migration: later tests need every table (0006 and on)."""
    yield
    _migrate(_latest())


def _latest():  # type: ignore[no-untyped-def]
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    return executor.loader.graph.leaf_nodes()


def _migrate(targets):  # type: ignore[no-untyped-def]
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def test_existing_rounds_become_one_point_zero_and_keep_every_answer() -> None:
    old = _migrate(BEFORE)
    Alliance, Partner = old.get_model("alliances", "Alliance"), old.get_model("alliances", "Partner")
    Round, Respondent = old.get_model("alliances", "MeasurementRound"), old.get_model("alliances", "Respondent")
    Answer = old.get_model("alliances", "Answer")
    a = Alliance.objects.create(name="Oud", slug="oud")
    p, q = Partner.objects.create(alliance=a, code="A", name="A"), Partner.objects.create(alliance=a, code="B", name="B")
    closed = Round.objects.create(alliance=a, code="c", name="c", opens=dt.date(2024, 1, 1), status="closed")
    running = Round.objects.create(alliance=a, code="o", name="o", opens=dt.date(2024, 6, 1), status="open", short=True)
    rows = []
    for rnd in (closed, running):
        person = Respondent.objects.create(round=rnd, partner=p, code=f"r-{rnd.code}")
        rows += [
            Answer.objects.create(respondent=person, item="amb_01", value=4),
            Answer.objects.create(respondent=person, item="amb_02", value=None, dont_know=True),
            Answer.objects.create(respondent=person, item="fail_power_imbalance", value=0),
            Answer.objects.create(respondent=person, item="rel_trust", target=q, value=None, dont_know=True),
            Answer.objects.create(respondent=person, item="open_01", text="goed"),
        ]
    before = sorted(Answer.objects.values_list("id", "item", "value", "text", "dont_know", "target_id"))

    new = _migrate(AFTER)
    Round, Answer = new.get_model("alliances", "MeasurementRound"), new.get_model("alliances", "Answer")
    assert sorted(Answer.objects.values_list("id", "item", "value", "text", "dont_know", "target_id")) == before
    assert sorted(Round.objects.values_list("code", "instrument", "modules", "paradoxes", "short")) == [
        ("c", "samenspel-core@1.0", [], [], False), ("o", "samenspel-core@1.0", [], [], True)]
    reasons = {(a.respondent.round.code, a.item): a.missing for a in Answer.objects.select_related("respondent__round")}
    assert reasons[("o", "amb_02")] == "dont_know" and reasons[("c", "rel_trust")] == "dont_know"
    assert reasons[("o", "amb_01")] == "" and reasons[("c", "fail_power_imbalance")] == ""
    later = Round.objects.create(alliance_id=a.pk, code="n", name="n", opens=dt.date(2026, 1, 1))
    assert later.instrument == "samenspel-core@2.0"

    # and back: the reasons go, the answers stay
    back = _migrate(BEFORE)
    assert sorted(back.get_model("alliances", "Answer").objects.values_list(
        "id", "item", "value", "text", "dont_know", "target_id")) == before
    _migrate(AFTER)


def test_the_open_one_point_zero_round_still_asks_one_point_zero(client) -> None:  # type: ignore[no-untyped-def]
    """After the migration an open 1.0 round's respondents get the 1.0 pages, unticked box = 0 as before."""
    from samenspel.web.alliances import survey, tokens
    from samenspel.web.alliances.models import Alliance, MeasurementRound, Partner, Respondent

    _migrate(AFTER)
    _migrate(_latest())  # the app's models are the newest: later migrations add columns they write
    a = Alliance.objects.create(name="Oud", slug="oud2")
    partner = Partner.objects.create(alliance=a, code="A", name="A")
    Partner.objects.create(alliance=a, code="B", name="B")
    rnd = MeasurementRound.objects.create(alliance=a, code="o", name="o", opens=dt.date(2024, 6, 1),
                                          instrument="samenspel-core@1.0")
    person = Respondent.objects.create(round=rnd, partner=partner, code="r1")
    token = tokens.issue(person)
    asked = survey.round_questionnaire(rnd)
    assert asked.version == "1.0"
    number = [p.id for p in survey.pages(asked)].index("failure") + 1
    html = client.get(f"/r/{token}/p/{number}/").content.decode()
    assert 'type="checkbox"' in html and "fail_power_imbalance" in html
    client.post(f"/r/{token}/p/{number}/", {"nav": "next", "i__fail_power_imbalance": "1"})
    values = dict(person.answers.values_list("item", "value"))
    assert values["fail_power_imbalance"] == 1.0 and values["fail_unclear_goals"] == 0.0
    assert not person.answers.filter(missing="skipped").exists()
