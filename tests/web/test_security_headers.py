"""Security headers on every page type, and a clean ``check --deploy`` (issue 13, point 5).

Every dynamic answer (pages, respondent pages, downloads, API, errors) has a
Content-Security-Policy without inline script or style, a Permissions-Policy
and ``Cache-Control: no-store``; HSTS is sent when HTTPS is on. Static files
stay cacheable.
"""

from __future__ import annotations

import os
import secrets
import subprocess
import sys

import pytest
from django.test import Client

from samenspel.web.alliances.api import create_token
from samenspel.web.alliances.models import Answer

pytestmark = pytest.mark.django_db
BASE = "/nl/a/zorg-oost/rounds/2026-1/"


def _pages(fclient, respondent, facilitator) -> dict[str, object]:  # type: ignore[no-untyped-def]
    r, token = respondent
    Answer.objects.create(respondent=r, item="amb_01", value=3)
    anonymous = Client()
    api = Client(HTTP_AUTHORIZATION="Bearer " + create_token(facilitator))
    guesser = Client()
    for i in range(5):
        locked = guesser.post("/nl/login/", {"username": facilitator.username, "password": f"guess-{i}"})
    assert locked.status_code == 429
    return {
        "login": anonymous.get("/nl/login/"),
        "lockout page": locked,
        "home": fclient.get("/nl/"),
        "alliance": fclient.get("/nl/a/zorg-oost/"),
        "round": fclient.get(BASE),
        "links": fclient.get(BASE + "links/"),
        "links.csv": fclient.get(BASE + "links.csv"),
        "export.csv": fclient.get(BASE + "export.csv"),
        "export.xlsx": fclient.get(BASE + "export.xlsx"),
        "round.json": fclient.get(BASE + "round.json"),
        "dashboard": fclient.get(BASE + "dashboard/"),
        "respondent start": anonymous.get(f"/r/{token}/"),
        "respondent page": anonymous.get(f"/r/{token}/p/1/"),
        "respondent review": anonymous.get(f"/r/{token}/review/"),
        "unknown link": anonymous.get("/r/not-a-token/"),
        "404": fclient.get("/nl/a/nothing/"),
        "admin": fclient.get("/nl/admin/login/"),
        "api": api.get("/api/alliances"),
        "api 401": anonymous.get("/api/alliances"),
        "api docs": anonymous.get("/api/docs"),
    }


def test_every_page_type_has_the_headers(fclient, respondent, facilitator):
    pages = {name: r for name, r in _pages(fclient, respondent, facilitator).items() if r is not None}
    missing = {}
    for name, response in pages.items():
        csp = response.get("Content-Security-Policy", "")
        wrong = []
        if "script-src 'self'" not in csp or "unsafe-inline" in csp or "frame-ancestors 'none'" not in csp:
            wrong.append(f"CSP {csp!r}")
        if "camera=()" not in response.get("Permissions-Policy", ""):
            wrong.append("Permissions-Policy")
        if "no-store" not in response.get("Cache-Control", ""):
            wrong.append(f"Cache-Control {response.get('Cache-Control')!r}")
        if response.get("Referrer-Policy") != "same-origin" or response.get("X-Content-Type-Options") != "nosniff":
            wrong.append("Referrer-Policy / nosniff")
        if wrong:
            missing[name] = wrong
    assert missing == {}
    assert pages["respondent page"].status_code == 200 and pages["links"].status_code == 200


def test_static_files_stay_cacheable(client):
    response = client.get("/static/samenspel/samenspel.css")
    response.close()  # a file response: close its file
    assert response.status_code == 200 and "no-store" not in response.get("Cache-Control", "")


def test_no_inline_script_or_style_in_the_pages_we_render(fclient, respondent, facilitator):
    """The CSP forbids inline script and style; the templates must not need them."""
    import re

    for name, response in _pages(fclient, respondent, facilitator).items():
        if response is None or not response.get("Content-Type", "").startswith("text/html") or name in (
                "dashboard", "api docs", "admin"):  # dashboard: its template is another team's; checked in a browser
            continue
        html = response.content.decode()
        assert not re.search(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>", html), name
        assert not re.search(r"\sstyle=|<style|\son[a-z]+=", html), name


def test_hsts_only_with_https(settings, facilitator):
    client = Client()
    assert "Strict-Transport-Security" not in client.get("/nl/login/")
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    secure = Client()  # middleware reads the settings when a client's handler starts
    response = secure.get("/nl/login/", secure=True)
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"


def test_nul_in_a_web_address_is_400_on_every_database(fclient, rnd):
    for url in (BASE + "respondents/?respondent=a%00b", "/nl/a/zorg%00oost/", "/r/abc%00/", "/api/alliances/x%00y/rounds"):
        assert fclient.get(url).status_code == 400, url


def test_check_deploy_is_clean_with_the_documented_production_settings(tmp_path):
    """docs/WEB.md, "Production": these settings must pass ``check --deploy`` without a single warning."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SAMENSPEL_", "DJANGO_"))}
    env.update({
        "SAMENSPEL_VAR": str(tmp_path), "SAMENSPEL_SECRET_KEY": secrets.token_urlsafe(50),
        "SAMENSPEL_ALLOWED_HOSTS": "samenspel.example.nl",
        "SAMENSPEL_CSRF_TRUSTED_ORIGINS": "https://samenspel.example.nl",
        "SAMENSPEL_BASE_URL": "https://samenspel.example.nl", "SAMENSPEL_HTTPS": "1", "SAMENSPEL_HSTS_PRELOAD": "1",
    })
    done = subprocess.run([sys.executable, "-m", "samenspel.web", "check", "--deploy", "--fail-level", "WARNING"],
                          capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "no issues" in done.stdout
    without = {**env, "SAMENSPEL_HTTPS": ""}  # the check does see a missing setting
    assert subprocess.run([sys.executable, "-m", "samenspel.web", "check", "--deploy", "--fail-level", "WARNING"],
                          capture_output=True, text=True, env=without, timeout=120).returncode != 0
