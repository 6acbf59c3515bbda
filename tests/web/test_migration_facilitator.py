"""Migration 0007 (contact person, invitee names, archived partners) on a database in use.

Runs on SQLite and, with DATABASE_URL, on PostgreSQL: every row and answer stays, the new fields
start empty (no contact, no names, no partner archived), and the migration can be undone.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("alliances", "0006_setting_change")]
AFTER = [("alliances", "0007_contacts_names_archive")]


@pytest.fixture(autouse=True)
def _latest_schema_afterwards():  # type: ignore[no-untyped-def]
    """Leave the database at the newest migration: later tests need every table and column."""
    yield
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())


def _migrate(targets):  # type: ignore[no-untyped-def]
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def test_0007_keeps_every_row_and_starts_the_new_fields_empty() -> None:
    old = _migrate(BEFORE)
    Alliance, Partner = old.get_model("alliances", "Alliance"), old.get_model("alliances", "Partner")
    Round, Respondent = old.get_model("alliances", "MeasurementRound"), old.get_model("alliances", "Respondent")
    Answer = old.get_model("alliances", "Answer")
    a = Alliance.objects.create(name="Oud", slug="oud")
    p, q = Partner.objects.create(alliance=a, code="GEM", name="Gemeente"), Partner.objects.create(alliance=a, code="ZKH", name="Ziekenhuis")
    rnd = Round.objects.create(alliance=a, code="r1", name="Ronde 1", opens=dt.date(2025, 1, 1))
    person = Respondent.objects.create(round=rnd, partner=p, code="x1", email="x@y.nl")
    Answer.objects.create(respondent=person, item="amb_01", value=4)
    Answer.objects.create(respondent=person, item="rel_trust", target=q, value=5)

    new = _migrate(AFTER)
    Alliance, Partner = new.get_model("alliances", "Alliance"), new.get_model("alliances", "Partner")
    Respondent, Answer = new.get_model("alliances", "Respondent"), new.get_model("alliances", "Answer")
    a = Alliance.objects.get(slug="oud")
    assert (a.contact_name, a.contact_email) == ("", "")
    assert list(Partner.objects.filter(alliance=a).values_list("code", "name", "archived_at")) == [
        ("GEM", "Gemeente", None), ("ZKH", "Ziekenhuis", None)]
    person = Respondent.objects.get(code="x1")
    assert (person.name, person.email) == ("", "x@y.nl")
    assert Answer.objects.filter(respondent=person).count() == 2
    Partner.objects.filter(code="ZKH").update(archived_at=dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc))
    Respondent.objects.filter(pk=person.pk).update(name="Anna")

    back = _migrate(BEFORE)  # undoing 0007 drops only its own columns
    assert back.get_model("alliances", "Answer").objects.count() == 2
    assert back.get_model("alliances", "Partner").objects.count() == 2
