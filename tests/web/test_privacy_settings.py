"""A minimum group size below 3 is a deliberate act (issue "Privacy that holds under attack", point 5)."""

from __future__ import annotations

import pytest
from webhelpers import allow_alliances

from samenspel.web.alliances.models import Alliance


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
