"""JSON API (django-ninja) with bearer tokens: ``Authorization: Bearer <token>``.

The same object-level access as the pages: an alliance the token's user has
no role in is a 404; answers (CSV) only for facilitators.

Throttled with django-ninja's own throttles (a login-lockout library does not
see bearer tokens): wrong tokens per client address
(``SAMENSPEL_API_TOKEN_FAILURES``, 10 a minute), after which even a right
token from that address waits; and requests per token (``SAMENSPEL_API_RATE``).
Both answer 429 with ``Retry-After``. Every operation documents its 401, 404
and 429 answers in the OpenAPI schema.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import secrets
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from ninja import NinjaAPI, Schema
from ninja.errors import HttpError, Throttled
from ninja.security import HttpBearer
from ninja.throttling import AuthRateThrottle, SimpleRateThrottle

from samenspel.responses.writer import to_csv
from samenspel.web.alliances import access, dataset
from samenspel.web.alliances.diagnosis import diagnose, for_viewer
from samenspel.web.alliances.models import ApiToken, Membership


def _hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def create_token(user: Any, name: str = "") -> str:
    """A new API token for ``user``; returned once, stored as a hash."""
    key = "ss_" + secrets.token_urlsafe(30)
    ApiToken.objects.create(user=user, name=name, key_hash=_hash(key))
    return key


class TokenFailures(SimpleRateThrottle):
    """Wrong bearer tokens per client address, counted in the cache like any ninja throttle.

    ninja checks its throttles after authentication, so a wrong token would be
    answered 401 before any throttle sees it; the bearer check therefore asks
    this one itself: :meth:`blocked` before looking a token up, and
    ``allow_request`` (which records) after each wrong one.
    """

    scope = "api_token_failures"

    def __init__(self) -> None:
        super().__init__(settings.SAMENSPEL_API_TOKEN_FAILURES)

    def get_cache_key(self, request: HttpRequest) -> str:
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}

    def blocked(self, request: HttpRequest) -> bool:
        """Whether this address used up its wrong tries (without counting this request)."""
        self.key = self.get_cache_key(request)
        self.now = self.timer()
        self.history = [t for t in self.cache.get(self.key, []) if t > self.now - self.duration]  # type: ignore[operator]
        return len(self.history) >= self.num_requests  # type: ignore[operator]


class BearerToken(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Any:
        failures = TokenFailures()
        if failures.blocked(request):
            raise Throttled(wait=failures.wait())
        found = ApiToken.objects.select_related("user").filter(key_hash=_hash(token)).first()
        if found is None or not found.user.is_active:
            failures.allow_request(request)  # counts this wrong token
            return None
        ApiToken.objects.filter(pk=found.pk).update(last_used=timezone.now())
        request.user = found.user
        request.api_token_id = found.pk  # type: ignore[attr-defined] # TokenRate counts per token
        return found.user


class TokenRate(AuthRateThrottle):
    """Requests per token (``SAMENSPEL_API_RATE``): each token its own count, not each user."""

    def __init__(self) -> None:
        super().__init__(settings.SAMENSPEL_API_RATE)

    def get_cache_key(self, request: HttpRequest) -> str:
        token = getattr(request, "api_token_id", None)
        if token is None:
            return super().get_cache_key(request)
        return self.cache_format % {"scope": self.scope, "ident": f"token-{token}"}


class Error(Schema):
    detail: str


ERRORS: dict[int, Any] = {401: Error, 404: Error, 429: Error}
"""The error answers every operation documents: no or a wrong token, no such thing (or no access), too many."""

api = NinjaAPI(title="Samenspel API", version="1", auth=BearerToken(), urls_namespace="api", throttle=[TokenRate()],
               description="Bearer tokens (`python -m samenspel.web api_token USER`). An alliance or round the "
                           "token's user has no role in is a 404, like one that does not exist. Wrong tokens and "
                           "requests per token are throttled (429, with Retry-After). responses.csv is the lossless "
                           "machine format: open answers are exactly as given, never neutralised for spreadsheets.")


@api.exception_handler(Throttled)
def _throttled(request: HttpRequest, exc: Throttled) -> HttpResponse:
    """429 with ``Retry-After``, also when the bearer check itself throttles (ninja adds it only for its own)."""
    response = api.create_response(request, {"detail": "Too many requests."}, status=429)
    if exc.wait is not None:
        response["Retry-After"] = str(max(1, math.ceil(exc.wait)))
    return response


class AllianceOut(Schema):
    slug: str
    name: str
    role: str | None
    min_group: int


class RoundOut(Schema):
    code: str
    name: str
    opens: dt.date
    closes: dt.date | None
    short: bool
    status: str
    accepting: bool
    instrument: str  # the round's questionnaire, e.g. samenspel-core@2.0
    modules: list[str]  # optional modules asked besides the core (2.0 full round)
    paradoxes: list[str]  # paradoxes asked when the paradox module is


@api.get("/alliances", response={200: list[AllianceOut], 401: Error, 429: Error})
def alliances(request: HttpRequest) -> list[dict[str, Any]]:
    return [
        {"slug": a.slug, "name": a.name, "role": access.role_in(request.user, a), "min_group": a.min_group}
        for a in access.visible_alliances(request.user)
    ]


@api.get("/alliances/{slug}/rounds", response={200: list[RoundOut], **ERRORS})
def rounds(request: HttpRequest, slug: str) -> list[dict[str, Any]]:
    alliance = access.alliance_for(request.user, slug, role=None)
    return [
        {"code": r.code, "name": r.name, "opens": r.opens, "closes": r.closes, "short": r.short,
         "status": r.status, "accepting": r.accepts_answers(), "instrument": r.instrument,
         "modules": list(r.modules or []), "paradoxes": list(r.paradoxes or [])}
        for r in alliance.rounds.all()
    ]


@api.get("/alliances/{slug}/rounds/{code}/diagnosis", response={200: dict[str, Any], **ERRORS})
def diagnosis(request: HttpRequest, slug: str, code: str, lang: str = "nl") -> dict[str, Any]:
    """The diagnosis JSON of FORMATS.md §3 (for viewers without small partners' network figures)."""
    rnd = access.round_for(request.user, slug, code, role=None)
    result = diagnose(rnd, "en" if lang == "en" else "nl")
    if result is None:
        raise HttpError(404, "no submitted answers in this round")
    if access.role_in(request.user, rnd.alliance) != Membership.FACILITATOR:
        return for_viewer(result)
    return result


@api.get("/alliances/{slug}/rounds/{code}/responses.csv", response=ERRORS, openapi_extra={"responses": {200: {
    "description": "The round's submitted answers (FORMATS.md §2), CSV for software: lossless, not for a spreadsheet",
    "content": {"text/csv": {"schema": {"type": "string"}}}}}})
def responses_csv(request: HttpRequest, slug: str, code: str) -> HttpResponse:
    """The round's submitted answers (FORMATS.md §2); facilitators only. Lossless: open answers as given."""
    rnd = access.round_for(request.user, slug, code, role=Membership.FACILITATOR)
    return HttpResponse(to_csv(dataset.round_responses(rnd)), content_type="text/csv; charset=utf-8")


# The steering app's operations (a round's actions) share these tokens, throttles and error answers.
from samenspel.web.steering.api import router as _steering  # noqa: E402

api.add_router("", _steering)

# The norms app's portfolio (issue 16), on the same tokens and throttles.
from samenspel.web.norms.api import router as _portfolio  # noqa: E402

api.add_router("", _portfolio)
