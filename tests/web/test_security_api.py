"""The JSON API under attack: token guessing is throttled with django-ninja's own throttles, and the
OpenAPI schema holds under schemathesis (issue 13, points 2 and 8).

The schemathesis run is bounded (a few examples per operation, no time limit
needed) and runs in-process against the WSGI app, with a real token of a
facilitator who has an alliance with a submitted answer; on SQLite and, in
the PostgreSQL pass, on PostgreSQL.
"""

from __future__ import annotations

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import Client
from django.utils import timezone
from hypothesis import HealthCheck, given, settings

from samenspel.web.alliances.api import create_token
from samenspel.web.alliances.models import Answer, Respondent

from webhelpers import make_respondent

pytestmark = pytest.mark.django_db


def _guess(client: Client, n: int) -> list[int]:
    return [client.get("/api/alliances", HTTP_AUTHORIZATION=f"Bearer ss_guess{i}").status_code for i in range(n)]


def test_wrong_tokens_are_throttled_per_address(facilitator):
    guesser = Client(REMOTE_ADDR="198.51.100.1")
    assert _guess(guesser, 11) == [401] * 10 + [429]
    blocked = guesser.get("/api/alliances", HTTP_AUTHORIZATION="Bearer " + create_token(facilitator))
    assert blocked.status_code == 429 and int(blocked["Retry-After"]) >= 1  # a right token waits too
    assert blocked.json() == {"detail": "Too many requests."}
    other = Client(REMOTE_ADDR="198.51.100.2")
    assert other.get("/api/alliances", HTTP_AUTHORIZATION="Bearer " + create_token(facilitator)).status_code == 200


def test_a_forged_forwarded_for_header_does_not_reset_the_count(facilitator):
    guesser = Client(REMOTE_ADDR="198.51.100.3")
    codes = [guesser.get("/api/alliances", HTTP_AUTHORIZATION=f"Bearer ss_g{i}",
                         HTTP_X_FORWARDED_FOR=f"10.0.0.{i}").status_code for i in range(11)]
    assert codes[-1] == 429


def test_requests_per_token_are_limited(monkeypatch, facilitator):
    """Each token has its own budget (``SAMENSPEL_API_RATE``); here cut to three a minute."""
    from samenspel.web.alliances.api import TokenRate, api

    throttle = api.throttle[0]
    assert isinstance(throttle, TokenRate) and throttle.duration == 60
    monkeypatch.setattr(throttle, "num_requests", 3)
    auth = {"HTTP_AUTHORIZATION": "Bearer " + create_token(facilitator)}
    codes = [Client().get("/api/alliances", **auth).status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    other = {"HTTP_AUTHORIZATION": "Bearer " + create_token(facilitator)}
    assert Client().get("/api/alliances", **other).status_code == 200  # another token, its own count


def test_the_schema_documents_401_404_and_429(client):
    schema = client.get("/api/openapi.json").json()
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            codes = set(operation["responses"])
            assert {"401", "429"} <= codes, (path, method)
            if "{slug}" in path:
                assert "404" in codes, (path, method)


@pytest.fixture
def api_schema(db, facilitator, rnd):  # type: ignore[no-untyped-def]
    from samenspel.web.wsgi import application

    r, _ = make_respondent(rnd, "A", "s1")
    Answer.objects.create(respondent=r, item="amb_01", value=4)
    Respondent.objects.filter(pk=r.pk).update(submitted_at=timezone.now())
    # The real WSGI handler closes the database connection after each request; in a test that would close
    # the test's own transaction. Django's test client unhooks the same signal handlers.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield schemathesis.openapi.from_wsgi("/api/openapi.json", application)
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def test_the_api_holds_to_its_schema(api_schema, facilitator):  # type: ignore[no-untyped-def]
    """No 5xx, every status code, header and body as documented, for made-up ids, languages and tokens.

    Driven through schemathesis' Python API (one bounded Hypothesis run per operation) rather than its
    pytest plugin, which does not load under this pytest version.
    """
    from django.core.cache import cache

    token = create_token(facilitator)
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) == 8  # alliances, rounds, diagnosis, responses; actions: list, create, update; portfolio

    for operation in operations:
        @settings(max_examples=15, deadline=None, derandomize=True, database=None,
                  suppress_health_check=list(HealthCheck))
        @given(case=operation.as_strategy())
        def run(case):  # type: ignore[no-untyped-def]
            cache.clear()  # each example starts with fresh throttle counts
            case.call_and_validate(headers={"Authorization": f"Bearer {token}"})

        run()
