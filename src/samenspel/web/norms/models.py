"""Database rows of norms: who opted an alliance in or out, each round's profile, and the norms shown.

Everything here is alliance-level. A profile is ``samenspel.norms.Profile.to_dict()``
of a round's published reading: scores over published groups, phase, size
band; never an answer, a respondent or a partner's figure (docs/PRIVACY.md,
"Norms"). Deleting an alliance or a round deletes its consents and profiles
(CASCADE).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from samenspel.web.alliances.models import Alliance, MeasurementRound


class NormConsent(models.Model):
    """One decision of a facilitator: the alliance contributes to norms from now on, or no longer.

    Kept as a trail rather than a flag so it is recorded who decided and when;
    the latest row is what holds (``consent.contributes``).
    """

    alliance = models.ForeignKey(Alliance, on_delete=models.CASCADE, related_name="norm_consents")
    contributes = models.BooleanField()
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                           related_name="+")
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["at", "id"]


class RoundProfile(models.Model):
    """The profile of a round's latest reading (``Profile.to_dict()``), replaced whenever the reading is recomputed."""

    round = models.OneToOneField(MeasurementRound, on_delete=models.CASCADE, related_name="norm_profile")
    questionnaire = models.CharField(max_length=40)
    data = models.JSONField()
    reading_version = models.CharField(max_length=40, blank=True)
    computed_at = models.DateTimeField(default=timezone.now)


class NormBuild(models.Model):
    """A norm set this installation has shown, with the alliances behind each row (``NormSet.ledger()``).

    The next build passes it as ``previous``, so a group that changed by fewer
    than the minimum of alliances keeps its earlier figures instead of
    revealing the one that joined or left (docs/NORMS.md, rule 3). It names
    alliances (their slugs), so it never leaves the database.
    """

    questionnaire = models.CharField(max_length=40)
    min_alliances = models.PositiveSmallIntegerField()
    ledger = models.JSONField()
    built_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["built_at", "id"]
