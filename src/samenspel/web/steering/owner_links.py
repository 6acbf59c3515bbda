"""Personal links for action owners: ``/r/<token>/action/``, to update one action without an account.

The same scheme as respondents' links (``alliances.tokens``), with its own
salt so the two can never be confused: the token is
``HMAC-SHA256(SECRET_KEY, action id + nonce)``, the database keeps only its
SHA-256, a new nonce revokes the old link. The path starts with ``/r/`` so
the log filter and the console mail backend redact the token like a
respondent's (``web/logfilter.py``).
"""

from __future__ import annotations

import secrets

from samenspel.web.alliances.tokens import hash_token as _hash
from samenspel.web.alliances.tokens import look_up, signed
from samenspel.web.steering.models import Action

SALT = "samenspel.action-owner-link"


def make_token(action_id: int, nonce: str) -> str:
    return signed(SALT, action_id, nonce)


def issue(action: Action) -> str:
    """Give the action's owner a fresh link (revoking any earlier one)."""
    action.link_nonce = secrets.token_hex(8)
    token = make_token(action.pk, action.link_nonce)
    action.link_hash = _hash(token)
    action.save(update_fields=["link_nonce", "link_hash"])
    return token


def token_for(action: Action) -> str | None:
    """The current link token (recomputed, never stored), or None without a link."""
    return make_token(action.pk, action.link_nonce) if action.link_nonce else None


def find(token: str) -> Action | None:
    """The action whose link this is, or None (constant-time compare on the hash)."""
    return look_up(Action.objects.select_related("round__alliance", "partner"), "link_hash", token)
