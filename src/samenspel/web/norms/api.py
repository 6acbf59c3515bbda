"""The portfolio on the project's bearer-token API (``GET /api/portfolio``), the same rows as ``portfolio.json``.

Added to ``alliances.api.api`` so it shares its tokens, throttles and error
answers; it lists only the alliances the token's user may see.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import translation
from ninja import Router, Schema

from samenspel.instrument.constructs import DOMAINS
from samenspel.web.norms import portfolio

router = Router(tags=["portfolio"])


class Error(Schema):
    detail: str


@router.get("/portfolio", response={200: dict[str, Any], 401: Error, 429: Error})
def portfolio_rows(request: HttpRequest, lang: str = "nl", sort: str = "name", dir: str = "asc") -> dict[str, Any]:  # noqa: A002
    """Every alliance the token's user facilitates or views, side by side (as ``/nl/portfolio.json``).

    ``sort``: name, phase, n, partners, domain:<domain>, findings or actions; ``dir``: asc or desc. A domain
    without a published figure is null."""
    lang = "en" if lang == "en" else "nl"
    key = sort if sort in portfolio.SORT_KEYS else "name"
    descending = dir == "desc"
    with translation.override(lang):
        rows = portfolio.sort(portfolio.rows_for(request.user, lang), key, descending)
        return {"sort": key, "direction": "desc" if descending else "asc", "domains": list(DOMAINS),
                "alliances": portfolio.as_json(rows)}
