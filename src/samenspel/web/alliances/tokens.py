"""Personal links: derived from the secret key, stored only as a hash.

A token is ``HMAC-SHA256(SECRET_KEY, respondent id + nonce)``, so the
facilitator can show a link again or send a reminder without the database
ever holding the token itself; the database keeps its SHA-256 for look-up.
A new nonce revokes the old link. Changing the secret key revokes all links.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from typing import TypeVar

from django.conf import settings
from django.db.models import Model, QuerySet

from samenspel.web.alliances.models import Respondent

SALT = "samenspel.respondent-link"
T = TypeVar("T", bound=Model)


def signed(salt: str, object_id: int, nonce: str) -> str:
    """A link token for one object: the salt keeps kinds of links apart (respondents, action owners)."""
    mac = hmac.new(settings.SECRET_KEY.encode(), f"{salt}:{object_id}:{nonce}".encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(mac[:24]).decode().rstrip("=")


def make_token(respondent_id: int, nonce: str) -> str:
    return signed(SALT, respondent_id, nonce)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def issue(respondent: Respondent) -> str:
    """Give ``respondent`` a fresh link (revoking any earlier one) and save it."""
    respondent.nonce = secrets.token_hex(8)
    token = make_token(respondent.pk, respondent.nonce)
    respondent.token_hash = hash_token(token)
    respondent.save(update_fields=["nonce", "token_hash"])
    return token


def token_for(respondent: Respondent) -> str:
    """The respondent's current link token (recomputed, never stored)."""
    if not respondent.nonce:
        raise ValueError("respondent has no link")
    return make_token(respondent.pk, respondent.nonce)


def find(token: str) -> Respondent | None:
    """The respondent whose link this is, or None (constant-time compare on the hash)."""
    return look_up(Respondent.objects.select_related("round__alliance", "partner"), "token_hash", token)


def look_up(objects: QuerySet[T], field: str, token: str) -> T | None:
    """The object among ``objects`` whose ``field`` holds this token's hash, or None (constant-time compare).

    One look-up for every kind of personal link (respondents, action owners)."""
    if not token or len(token) > 64:
        return None
    digest = hash_token(token)
    found = objects.filter(**{field: digest}).first()
    if found is None or not hmac.compare_digest(getattr(found, field) or "", digest):
        return None
    return found
