"""The portfolio on the demo alliance (the real questionnaire and knowledge base): its open findings are the
page-one findings of the reading that no action takes up yet."""

from __future__ import annotations

import pytest

from samenspel.web.alliances.models import Membership
from samenspel.web.steering.models import Action

pytestmark = [pytest.mark.django_db, pytest.mark.real_questionnaire, pytest.mark.real_knowledge]


def test_a_finding_an_action_addresses_is_no_longer_open(client, django_user_model):
    """On the demo alliance (real questionnaire): page-one findings, minus the one a planned action takes up."""
    from samenspel.web.alliances.demo_data import load_demo

    user = django_user_model.objects.create_user("fien", password="pw-fien-123")
    demo, _ = load_demo()
    Membership.objects.create(user=user, alliance=demo, role=Membership.FACILITATOR)
    client.force_login(user)
    first = client.get("/en/portfolio.json").json()["alliances"][0]
    assert first["open_findings"], "the demo has page-one findings"
    taken = first["open_findings"][0]["id"]
    rnd = demo.rounds.get(code=first["round"]["code"])
    Action.objects.create(round=rnd, what="Take it up", addresses=taken)
    again = client.get("/en/portfolio.json").json()["alliances"][0]
    assert taken not in [f["id"] for f in again["open_findings"]]
    assert again["open_actions"]["planned"] == 1
    assert all(again["domains"][d] is not None for d in again["domains"])
