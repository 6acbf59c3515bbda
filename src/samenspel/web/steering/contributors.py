"""Who may update actions: the alliance's facilitators, and viewers they made contributors.

Everything else in steering follows the alliance's roles as they are
(``alliances.access``); only an action's status and note can also be changed
by a contributor. A contributor without a viewer membership counts for
nothing, so taking away someone's access ends this too.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from samenspel.web.alliances import access
from samenspel.web.alliances.models import Alliance, Membership
from samenspel.web.steering.models import Contributor


def may_update(user: Any, alliance: Alliance) -> bool:
    """Whether ``user`` may change the status of the alliance's actions."""
    role = access.role_in(user, alliance)
    if role == Membership.FACILITATOR:
        return True
    return role == Membership.VIEWER and Contributor.objects.filter(alliance=alliance, user=user).exists()


def candidates(alliance: Alliance) -> QuerySet[Membership]:
    """The alliance's viewers: the only people a facilitator can make contributors."""
    return alliance.memberships.filter(role=Membership.VIEWER).select_related("user").order_by("user__username")


def current(alliance: Alliance) -> set[int]:
    """User ids of the alliance's contributors who still have a viewer membership."""
    viewers = set(candidates(alliance).values_list("user_id", flat=True))
    return set(alliance.contributors.values_list("user_id", flat=True)) & viewers
