"""JSON API (django-ninja) with bearer tokens: ``Authorization: Bearer <token>``.

The same object-level access as the pages: an alliance the token's user has
no role in is a 404; answers (CSV) only for facilitators.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from ninja import NinjaAPI, Schema
from ninja.errors import HttpError
from ninja.security import HttpBearer

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


class BearerToken(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Any:
        found = ApiToken.objects.select_related("user").filter(key_hash=_hash(token)).first()
        if found is None or not found.user.is_active:
            return None
        ApiToken.objects.filter(pk=found.pk).update(last_used=timezone.now())
        request.user = found.user
        return found.user


api = NinjaAPI(title="Samenspel API", version="1", auth=BearerToken(), urls_namespace="api")


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


@api.get("/alliances", response=list[AllianceOut])
def alliances(request: HttpRequest) -> list[dict[str, Any]]:
    return [
        {"slug": a.slug, "name": a.name, "role": access.role_in(request.user, a), "min_group": a.min_group}
        for a in access.visible_alliances(request.user)
    ]


@api.get("/alliances/{slug}/rounds", response=list[RoundOut])
def rounds(request: HttpRequest, slug: str) -> list[dict[str, Any]]:
    alliance = access.alliance_for(request.user, slug, role=None)
    return [
        {"code": r.code, "name": r.name, "opens": r.opens, "closes": r.closes, "short": r.short,
         "status": r.status, "accepting": r.accepts_answers(), "instrument": r.instrument,
         "modules": list(r.modules or []), "paradoxes": list(r.paradoxes or [])}
        for r in alliance.rounds.all()
    ]


@api.get("/alliances/{slug}/rounds/{code}/diagnosis")
def diagnosis(request: HttpRequest, slug: str, code: str, lang: str = "nl") -> dict[str, Any]:
    """The diagnosis JSON of FORMATS.md §3 (for viewers without small partners' network figures)."""
    rnd = access.round_for(request.user, slug, code, role=None)
    result = diagnose(rnd, "en" if lang == "en" else "nl")
    if result is None:
        raise HttpError(404, "no submitted answers in this round")
    if access.role_in(request.user, rnd.alliance) != Membership.FACILITATOR:
        return for_viewer(result)
    return result


@api.get("/alliances/{slug}/rounds/{code}/responses.csv")
def responses_csv(request: HttpRequest, slug: str, code: str) -> HttpResponse:
    """The round's submitted answers (FORMATS.md §2); facilitators only."""
    rnd = access.round_for(request.user, slug, code, role=Membership.FACILITATOR)
    return HttpResponse(to_csv(dataset.round_responses(rnd)), content_type="text/csv; charset=utf-8")
