"""The API of steering: a round's actions (list, create, update status), on the project's bearer-token API.

Added to ``alliances.api.api`` in ``web/urls.py`` so it shares its tokens,
throttles and error answers. Access as on the pages: facilitators and
viewers list, only facilitators create or change; anyone else gets a 404.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema
from ninja.errors import HttpError
from ninja.responses import Status

from samenspel.web.alliances import access
from samenspel.web.alliances.models import MeasurementRound
from samenspel.web.steering.models import Action, StatusChange
from samenspel.web.steering.views import set_status

router = Router(tags=["steering"])


class Error(Schema):
    detail: str


ERRORS: dict[int, Any] = {400: Error, 401: Error, 404: Error, 429: Error}

STATUSES = tuple(s for s, _ in Action.STATUSES)


class HistoryOut(Schema):
    at: dt.datetime
    old: str
    new: str
    note: str


class ActionOut(Schema):
    id: int
    what: str
    partner: str | None  # partner code
    owner_name: str
    due: dt.date | None
    addresses: str  # a finding id (problem:x) or a measure (domain:relation)
    expected: str
    status: str  # planned, under_way, done, dropped
    note: str
    history: list[HistoryOut]


class ActionIn(Schema):
    what: str
    partner: str | None = None
    owner_name: str = ""
    due: dt.date | None = None
    addresses: str = ""
    expected: str = ""


class StatusIn(Schema):
    status: str
    note: str = ""


BIGGEST_ID = 2**63 - 1
"""Ids above this are no row on any database (PostgreSQL would fail on the comparison itself)."""


def _refuse_nul(*texts: str | None) -> None:
    """Text no database stores the same way: NUL (PostgreSQL refuses it, SQLite keeps it) or a lone surrogate
    (not UTF-8 at all). The same 400 on both databases instead of a 500 on one."""
    for t in texts:
        if not t:
            continue
        if "\x00" in t:
            raise HttpError(400, "NUL characters are not allowed")
        try:
            t.encode("utf-8")
        except UnicodeEncodeError:
            raise HttpError(400, "text is not valid Unicode") from None


def _out(a: Action) -> dict[str, Any]:
    return {"id": a.pk, "what": a.what, "partner": a.partner.code if a.partner else None,
            "owner_name": a.owner_name, "due": a.due, "addresses": a.addresses, "expected": a.expected,
            "status": a.status, "note": a.note,
            "history": [{"at": h.at, "old": h.old, "new": h.new, "note": h.note} for h in a.history.all()]}


def _round(request: HttpRequest, slug: str, code: str, role: str | None) -> MeasurementRound:
    return access.round_for(request.user, slug, code, role=role)


@router.get("/alliances/{slug}/rounds/{code}/actions", response={200: list[ActionOut], **ERRORS})
def actions(request: HttpRequest, slug: str, code: str) -> list[dict[str, Any]]:
    """The round's decisions and actions with their status history."""
    rnd = _round(request, slug, code, None)
    return [_out(a) for a in rnd.actions.select_related("partner").prefetch_related("history")]


@router.post("/alliances/{slug}/rounds/{code}/actions", response={201: ActionOut, **ERRORS})
def action_create(request: HttpRequest, slug: str, code: str, payload: ActionIn) -> Status[dict[str, Any]]:
    """Record a decision (facilitators); it starts as planned."""
    rnd = _round(request, slug, code, "facilitator")
    _refuse_nul(payload.what, payload.partner, payload.owner_name, payload.addresses, payload.expected)
    what = payload.what.strip()[:300]
    if not what:
        raise HttpError(400, "what is empty")
    partner = None
    if payload.partner:
        partner = rnd.alliance.partners.filter(code=payload.partner).first()
        if partner is None:
            raise HttpError(400, "no such partner in this alliance")
    if partner is None and not payload.owner_name.strip():
        raise HttpError(400, "give a partner or an owner_name")
    action = Action.objects.create(round=rnd, what=what, partner=partner, owner_name=payload.owner_name.strip()[:120],
                                   due=payload.due, addresses=payload.addresses[:80],
                                   expected=payload.expected.strip()[:300])
    StatusChange.objects.create(action=action, old="", new=action.status, by=request.user)
    return Status(201, _out(action))


@router.patch("/alliances/{slug}/rounds/{code}/actions/{action_id}", response={200: ActionOut, **ERRORS})
def action_update(request: HttpRequest, slug: str, code: str, action_id: int, payload: StatusIn) -> dict[str, Any]:
    """Change an action's status, with a short note (facilitators and contributors); kept in its history."""
    from samenspel.web.steering.contributors import may_update

    rnd = _round(request, slug, code, None)
    if not may_update(request.user, rnd.alliance):
        raise HttpError(404, "no such action")
    action = rnd.actions.filter(pk=action_id).first() if 0 < action_id <= BIGGEST_ID else None
    if action is None:
        raise HttpError(404, "no such action")
    _refuse_nul(payload.note)
    if payload.status not in STATUSES:
        raise HttpError(400, f"status is one of {', '.join(STATUSES)}")
    set_status(action, payload.status, payload.note.strip()[:300], request.user)
    return _out(action)
