"""A minimum group size below 3 is a deliberate act (issue "Privacy that holds under attack", point 5)."""

from __future__ import annotations

import pytest
from webhelpers import allow_alliances

from samenspel.web.alliances.models import Alliance

pytestmark = [pytest.mark.real_questionnaire, pytest.mark.real_knowledge]


@pytest.mark.django_db
def test_a_minimum_below_3_needs_the_confirmation(client, django_user_model):
    user = django_user_model.objects.create_user("fien", password="x")
    allow_alliances(user)
    client.force_login(django_user_model.objects.get(pk=user.pk))
    refused = client.post("/en/alliances/new/", {"name": "Mine", "min_group": 2})
    assert refused.status_code == 200 and "answers can be traced to one person" in refused.content.decode()
    assert not Alliance.objects.exists()
    made = client.post("/en/alliances/new/", {"name": "Mine", "min_group": 2, "confirm_small_groups": "on"})
    assert made.status_code == 302 and Alliance.objects.get().min_group == 2
    assert client.post("/en/alliances/new/", {"name": "Other", "min_group": 4}).status_code == 302


@pytest.mark.django_db
def test_every_change_of_the_minimum_is_kept_and_a_late_one_is_in_the_method_appendix(client, django_user_model):
    from samenspel.demo import make_demo
    from samenspel.web.alliances.demo_data import load_demo
    from samenspel.web.alliances.models import Membership, SettingChange

    alliance, _ = load_demo(make_demo())
    user = django_user_model.objects.create_user("fien", password="x")
    Membership.objects.create(user=user, alliance=alliance, role=Membership.FACILITATOR)
    client.force_login(user)
    edit = {"name": alliance.name, "slug": alliance.slug, "min_group": 4}
    assert client.post(f"/en/a/{alliance.slug}/edit/", edit).status_code == 302
    change = SettingChange.objects.get(alliance=alliance)
    assert (change.setting, change.old, change.new, change.by, change.after_answers) == ("min_group", "3", "4", user,
                                                                                         True)
    html = client.get(f"/en/a/{alliance.slug}/rounds/2025-najaar/report.html").content.decode()
    assert "de minimale groepsgrootte veranderd van 3 in 4, nadat er al antwoorden binnen" in html
    assert client.post(f"/en/a/{alliance.slug}/edit/", edit).status_code == 302  # unchanged: no new line
    assert SettingChange.objects.filter(alliance=alliance).count() == 1
