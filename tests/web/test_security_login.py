"""Brute force and account probing (issue 13, point 2).

Logins and admin logins are throttled by django-axes: after five wrong
passwords for one username from one address the pair is locked out with a
clear page (429), even for the right password, while other users and other
addresses go on. The add-member form answers the same for a username with
and without an account. Creating alliances needs a permission.
"""

from __future__ import annotations

import logging
import re

import pytest
from axes.models import AccessAttempt
from django.test import Client

from samenspel.web.alliances.models import Alliance, Membership, PendingMembership

pytestmark = pytest.mark.django_db

PASSWORD = "pw-fien-123"


def _fail(client: Client, url: str, times: int, username: str = "fien") -> list[int]:
    return [client.post(url, {"username": username, "password": f"wrong-{i}"}).status_code for i in range(times)]


@pytest.mark.parametrize("lang, says", [("nl", "Probeer het over 15 minuten opnieuw"), ("en", "Try again in 15 minutes")])
def test_login_is_locked_after_five_wrong_passwords(client, facilitator, lang, says, caplog):
    url = f"/{lang}/login/"
    with caplog.at_level(logging.DEBUG):
        assert _fail(client, url, 4) == [200] * 4  # the form again, with its error
        locked = client.post(url, {"username": "fien", "password": "wrong-5"})
    assert locked.status_code == 429 and locked["Retry-After"] == "900"
    page = locked.content.decode()
    assert says in page and f'lang="{lang}"' in page
    # the right password no longer helps from here, for the cool-off time
    right = client.post(url, {"username": "fien", "password": PASSWORD})
    assert right.status_code == 429 and "_auth_user_id" not in client.session
    # never the password in the log or in what axes keeps
    assert "wrong-1" not in caplog.text and PASSWORD not in caplog.text
    kept = " ".join(f"{a.get_data} {a.post_data}" for a in AccessAttempt.objects.all())
    assert "wrong-1" not in kept and PASSWORD not in kept


def test_admin_login_is_locked_too(client, django_user_model):
    django_user_model.objects.create_superuser("beheer", password="pw-beheer-123")
    url = "/nl/admin/login/?next=/nl/admin/"
    codes = _fail(client, url, 5, "beheer")
    assert codes[:4] == [200] * 4 and codes[4] == 429
    assert client.post(url, {"username": "beheer", "password": "pw-beheer-123"}).status_code == 429


def test_a_lockout_touches_neither_other_users_nor_other_addresses(client, facilitator, django_user_model):
    django_user_model.objects.create_user("kees", password="pw-kees-123")
    _fail(client, "/nl/login/", 5)
    assert client.post("/nl/login/", {"username": "kees", "password": "pw-kees-123"}).status_code == 302
    elsewhere = Client(REMOTE_ADDR="192.0.2.7")
    assert elsewhere.post("/nl/login/", {"username": "fien", "password": PASSWORD}).status_code == 302


def test_a_good_login_resets_the_count(client, facilitator):
    _fail(client, "/nl/login/", 4)
    assert client.post("/nl/login/", {"username": "fien", "password": PASSWORD}).status_code == 302
    client.logout()
    assert _fail(client, "/nl/login/", 4) == [200] * 4  # four new tries, not one


def test_adding_a_member_does_not_tell_whether_the_username_exists(fclient, alliance, django_user_model):
    django_user_model.objects.create_user("kees", password="x")
    said = {}
    for name in ("kees", "nobody"):
        response = fclient.post("/en/a/zorg-oost/members/", {"username": name, "role": "viewer"}, follow=True)
        html = response.content.decode()
        assert response.status_code == 200 and f"<li>{name} — viewer</li>" in html  # listed alike
        said[name] = re.search(r'<ul class="messages".*?</ul>', html, re.S).group().replace(name, "NAME")
    assert said["kees"] == said["nobody"]  # the same words
    assert "Access recorded for NAME" in said["nobody"] and "Unknown user" not in said["nobody"]
    assert Membership.objects.filter(user__username="kees", alliance=alliance).exists()
    assert PendingMembership.objects.filter(username="nobody", alliance=alliance).exists()


def test_a_waiting_role_becomes_a_membership_at_first_login(fclient, alliance, django_user_model):
    fclient.post("/nl/a/zorg-oost/members/", {"username": "nieuw", "role": "viewer"})
    django_user_model.objects.create_user("nieuw", password="pw-nieuw-123")
    newcomer = Client()
    assert newcomer.post("/nl/login/", {"username": "nieuw", "password": "pw-nieuw-123"}).status_code == 302
    assert Membership.objects.get(user__username="nieuw", alliance=alliance).role == "viewer"
    assert not PendingMembership.objects.exists()
    assert newcomer.get("/nl/a/zorg-oost/").status_code == 200


def test_creating_an_alliance_needs_the_permission(client, django_user_model):
    user = django_user_model.objects.create_user("gast", password="x")
    client.force_login(user)
    home = client.get("/en/").content.decode()
    assert "New alliance" not in home and "needs permission from the administrator" in home
    refused = client.post("/en/alliances/new/", {"name": "Mine", "min_group": 3})
    assert refused.status_code == 403 and "Ask the Samenspel administrator" in refused.content.decode()
    assert not Alliance.objects.exists()
    from webhelpers import allow_alliances

    allow_alliances(user)
    user = django_user_model.objects.get(pk=user.pk)  # permissions are cached per user object
    client.force_login(user)
    assert client.post("/en/alliances/new/", {"name": "Mine", "min_group": 3}).status_code == 302
