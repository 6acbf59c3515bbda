"""Project set-up: logging never shows a personal link, a polite 500 page, settings."""

from __future__ import annotations

import logging

import pytest
from django.conf import settings
from django.test import Client

from samenspel.web.logfilter import RedactTokens, redact


def test_redact_replaces_every_token():
    assert redact("GET /r/AbC-_12/p/3/ and /r/xyz/") == "GET /r/[token]/p/3/ and /r/[token]/"


def test_filter_removes_the_token_from_a_django_request_record():
    record = logging.LogRecord("django.request", logging.WARNING, __file__, 1, "Not Found: %s", ("/r/s3cr3tT0ken/p/9/",), None)
    record.request = object()
    assert RedactTokens().filter(record)
    assert "s3cr3tT0ken" not in record.getMessage() and "/r/[token]/p/9/" in record.getMessage()


def test_every_log_handler_redacts_tokens():
    for name, handler in settings.LOGGING["handlers"].items():
        assert "redact" in handler.get("filters", []), name


@pytest.mark.django_db
def test_server_error_shows_the_polite_page(monkeypatch):
    from samenspel.web.alliances.views import respondent

    def boom(token: str) -> None:
        raise RuntimeError("database on fire")

    monkeypatch.setattr(respondent.tokens, "find", boom)
    client = Client(raise_request_exception=False)
    logging.disable(logging.CRITICAL)  # the traceback is expected here
    try:
        response = client.get("/r/abc/")
    finally:
        logging.disable(logging.NOTSET)
    assert response.status_code == 500
    html = response.content.decode()
    assert "Er ging iets mis" in html and "Something went wrong" in html and "database on fire" not in html


def test_database_from_the_environment(monkeypatch, tmp_path):
    from samenspel.web import settings as module

    monkeypatch.setattr(module, "VAR_DIR", tmp_path)
    monkeypatch.delenv("DATABASE_URL", raising=False)
    db = module._database()
    assert db["ENGINE"] == "django.db.backends.sqlite3" and db["NAME"] == str(tmp_path / "samenspel.sqlite3")
    assert db["OPTIONS"]["transaction_mode"] == "IMMEDIATE" and db["OPTIONS"]["timeout"] == 20
    assert "PRAGMA journal_mode=WAL" in db["OPTIONS"]["init_command"]
    assert "PRAGMA busy_timeout=20000" in db["OPTIONS"]["init_command"]
    monkeypatch.setenv("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/samenspel")
    db = module._database()
    assert db["ENGINE"] == "django.db.backends.postgresql" and db["NAME"] == "samenspel"
    assert "transaction_mode" not in db.get("OPTIONS", {})


def test_languages_and_default():
    assert settings.LANGUAGE_CODE == "nl" and [c for c, _ in settings.LANGUAGES] == ["nl", "en"]


@pytest.mark.django_db
def test_every_static_asset_is_local(client):
    html = client.get("/nl/login/").content.decode()
    assert "http://" not in html.split("<body")[0] and "https://" not in html.split("<body")[0]
    response = client.get("/static/samenspel/htmx.min.js")
    body = b"".join(response.streaming_content)
    response.close()
    assert response.status_code == 200 and b"htmx" in body


def test_every_environment_setting_is_documented():
    """datasette-style: a setting nobody can find is a bug."""
    import re
    from pathlib import Path

    import samenspel.web.settings as module

    source = Path(module.__file__).read_text(encoding="utf-8")
    names = set(re.findall(r'environ\.get\(\s*"([A-Z_]+)"', source))
    doc = (Path(__file__).parents[2] / "docs" / "WEB.md").read_text(encoding="utf-8")
    assert len(names) >= 10
    assert [n for n in sorted(names) if f"`{n}`" not in doc] == []


@pytest.mark.django_db
def test_api_docs_use_local_assets(client):
    html = client.get("/api/docs").content.decode()
    assert "swagger-ui-bundle.js" in html and "cdn." not in html and "unpkg" not in html
