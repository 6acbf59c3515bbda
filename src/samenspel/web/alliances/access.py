"""Object-level access: every view fetches its alliance through here.

Facilitators manage only alliances they have a facilitator membership of;
viewers only read results. The administrator (superuser) sees everything.
Anything else is a 404, so an outsider cannot even learn an alliance exists.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import QuerySet
from django.http import Http404

from samenspel.web.alliances.models import Alliance, MeasurementRound, Membership

User = AbstractBaseUser | AnonymousUser


def visible_alliances(user: User, role: str | None = None) -> QuerySet[Alliance]:
    """Alliances ``user`` may see; with ``role="facilitator"`` only those they run."""
    if not user.is_authenticated:
        return Alliance.objects.none()
    if getattr(user, "is_superuser", False):
        return Alliance.objects.all()
    memberships = Membership.objects.filter(user=user)
    if role is not None:
        memberships = memberships.filter(role=role)
    return Alliance.objects.filter(pk__in=memberships.values("alliance_id"))


def alliance_for(user: User, slug: str, role: str | None = Membership.FACILITATOR) -> Alliance:
    """The alliance ``slug`` if ``user`` has ``role`` in it (None: any role), else 404."""
    alliance = visible_alliances(user, role).filter(slug=slug).first()
    if alliance is None:
        raise Http404("no such alliance")
    return alliance


def round_for(user: User, slug: str, code: str, role: str | None = Membership.FACILITATOR) -> MeasurementRound:
    alliance = alliance_for(user, slug, role)
    rnd = alliance.rounds.filter(code=code).first()
    if rnd is None:
        raise Http404("no such round")
    return rnd


def role_in(user: User, alliance: Alliance) -> str | None:
    """``facilitator``, ``viewer`` or None; the administrator counts as facilitator."""
    if getattr(user, "is_superuser", False):
        return Membership.FACILITATOR
    m = Membership.objects.filter(user=user, alliance=alliance).first()
    return m.role if m else None
