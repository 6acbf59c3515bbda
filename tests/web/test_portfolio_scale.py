"""The portfolio with 100 alliances (issue 16, point 4: "the portfolio page shows all of a facilitator's
alliances at once"): how many database queries and how long, first visit (every reading computed) and
again (readings cached). Numbers are printed (``-s``) and recorded in docs/WEB.md."""

from __future__ import annotations

import datetime as dt
import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from norms_helpers import answered

from samenspel.web.alliances.models import Alliance, MeasurementRound, Membership, Partner

pytestmark = [pytest.mark.django_db, pytest.mark.slow]
N = 100


@pytest.fixture
def hundred(django_user_model):  # type: ignore[no-untyped-def]
    user = django_user_model.objects.create_user("fien", password="pw-fien-123")
    for i in range(N):
        a = Alliance.objects.create(name=f"Alliantie {i:03d}", slug=f"alliantie-{i:03d}", min_group=3)
        for code in ("A", "B"):
            Partner.objects.create(alliance=a, code=code, name=f"Partner {code}")
        rnd = MeasurementRound.objects.create(alliance=a, code="r1", name="Ronde 1", opens=dt.date(2025, 3, 1),
                                              status=MeasurementRound.CLOSED)
        answered(rnd, "A", [5, 4, 3 + i % 3])
        answered(rnd, "B", [2, 4, 3])
        Membership.objects.create(user=user, alliance=a, role=Membership.FACILITATOR)
    return user


def _visit(client, url: str) -> tuple[int, float, str]:  # type: ignore[no-untyped-def]
    with CaptureQueriesContext(connection) as queries:
        start = time.perf_counter()
        response = client.get(url)
        took = time.perf_counter() - start
    assert response.status_code == 200
    return len(queries), took, response.content.decode()


def test_a_hundred_alliances(client, hundred):
    client.force_login(hundred)
    cold_q, cold_t, page = _visit(client, "/nl/portfolio/")
    warm_q, warm_t, page = _visit(client, "/nl/portfolio/")
    assert page.count('<th scope="row" class="alliance">') == 25 and "Pagina 1 van 4" in page
    sorted_cold_q, sorted_cold_t, _ = _visit(client, "/nl/portfolio/?sort=domain:ambition&dir=desc")
    sorted_q, sorted_t, last = _visit(client, "/nl/portfolio/?sort=domain:ambition&dir=desc&page=4")
    assert last.count('<th scope="row" class="alliance">') == 25 and 'aria-current="page">4<' in last
    json_q, json_t, data = _visit(client, "/nl/portfolio.json")
    assert data.count('"slug"') == N  # the JSON twin gives all at once
    print(f"\nportfolio, {N} alliances (small test questionnaire): first page by name, first visit {cold_q} queries "
          f"{cold_t:.2f} s, again {warm_q} queries {warm_t:.2f} s; sorted by a domain (all {N} read) first "
          f"visit {sorted_cold_q} queries {sorted_cold_t:.2f} s, again {sorted_q} queries {sorted_t:.2f} s; JSON "
          f"(all) {json_q} queries {json_t:.2f} s; page {len(page) // 1024} KB")
    assert warm_q <= 10 + 7 * 25  # a bounded number per alliance shown, not per alliance visible
