"""Whether an alliance contributes to norms: only after its facilitator opts in, until they opt out (issue 16).

Every decision is a row (who, when, in or out), so the choice is recorded
and revocable; the latest row holds. Opting out takes the alliance out of
every norm built afterwards. Norm files already exported or published cannot
be recalled, and the opt-in page says so.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import OuterRef, QuerySet, Subquery

from samenspel.web.alliances.models import Alliance
from samenspel.web.norms.models import NormConsent


def latest(alliance: Alliance) -> NormConsent | None:
    """The decision that holds now, or None (never decided: not contributing)."""
    return alliance.norm_consents.order_by("-at", "-id").first()


def contributes(alliance: Alliance) -> bool:
    decision = latest(alliance)
    return bool(decision and decision.contributes)


def decide(alliance: Alliance, contributes: bool, user: AbstractBaseUser) -> NormConsent:
    """Record a facilitator's decision (the caller has checked that ``user`` facilitates ``alliance``)."""
    return NormConsent.objects.create(alliance=alliance, contributes=contributes, by=user)


def contributing() -> QuerySet[Alliance]:
    """Alliances whose latest decision is to contribute."""
    last = NormConsent.objects.filter(alliance=OuterRef("pk")).order_by("-at", "-id").values("contributes")[:1]
    return Alliance.objects.annotate(_contributes=Subquery(last)).filter(_contributes=True)
