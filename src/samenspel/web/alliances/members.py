"""Giving colleagues a role in an alliance without telling who has an account.

A facilitator types a username. Whether or not that account exists, the
role is recorded by username and the page answers the same; the access list
shows every name given. An existing account gets its membership at once (it
can use it right away); a role for a name without an account waits as a
:class:`PendingMembership` and becomes a membership when an account with
that name first logs in. The facilitator can therefore not learn which
usernames exist on the installation.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in
from django.db import transaction
from django.dispatch import receiver

from samenspel.web.alliances.models import Alliance, Membership, PendingMembership


def give(alliance: Alliance, username: str, role: str) -> None:
    """Give ``username`` ``role`` in ``alliance``; the same outcome for the caller whether the account exists."""
    user = get_user_model().objects.filter(username=username).first()
    with transaction.atomic():
        if user is None:
            PendingMembership.objects.update_or_create(alliance=alliance, username=username, defaults={"role": role})
        else:
            Membership.objects.update_or_create(user=user, alliance=alliance, defaults={"role": role})


def listed(alliance: Alliance) -> list[tuple[str, str]]:
    """(username, role) of everyone given access, accounts and names alike, sorted by role and name."""
    rows = [(m.user.get_username(), m.role) for m in alliance.memberships.select_related("user")]
    rows += [(p.username, p.role) for p in alliance.pending_memberships.all()]
    return sorted(rows, key=lambda r: (r[1], r[0]))


def activate(user: object) -> int:
    """Turn the roles waiting for this user's name into memberships; returns how many."""
    username = user.get_username()  # type: ignore[attr-defined]
    waiting = list(PendingMembership.objects.filter(username=username))
    with transaction.atomic():
        for pending in waiting:
            Membership.objects.get_or_create(user=user, alliance=pending.alliance, defaults={"role": pending.role})
            pending.delete()
    return len(waiting)


@receiver(user_logged_in, dispatch_uid="samenspel.members.activate")
def _on_login(sender: object, request: object, user: object, **kwargs: object) -> None:
    activate(user)
