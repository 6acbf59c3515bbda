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

    Deleting an alliance does not remove its slug from earlier builds, on
    purpose: a build is the record of what was shown. Scrubbed, the next build
    would look unchanged in membership, publish new figures, and their
    difference from the figures shown before would give the deleted alliance's
    score (tests/web/test_norms_optin.py). Deleting the whole installation's
    norm history (this table) is the way to forget it, and restarts rule 3.
    """

    questionnaire = models.CharField(max_length=40)
    min_alliances = models.PositiveSmallIntegerField()
    ledger = models.JSONField()
    built_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["built_at", "id"]


class ImportedNormSet(models.Model):
    """A norm file published by others (a sector body's national norms), imported through the web app.

    Only what the open file holds: its description and its norm rows, no
    alliance names (docs/FORMATS.md §5). Imported all or nothing
    (``imports.store``); deleting it deletes its rows. Anyone who can see a
    dashboard may compare with it; importing and deleting needs the
    permission ``norms.manage_norm_files`` (granted in /admin/ like
    "may create alliances").
    """

    name = models.CharField(max_length=200)  # the uploaded CSV's file name
    publisher = models.CharField(max_length=200, blank=True)
    licence = models.CharField(max_length=200)
    questionnaire = models.CharField(max_length=90)
    min_alliances = models.PositiveIntegerField()
    n_alliances = models.PositiveIntegerField()
    period_from = models.CharField(max_length=40, blank=True)
    period_to = models.CharField(max_length=40, blank=True)
    created = models.CharField(max_length=200, blank=True)  # as the description gives it
    groups = models.JSONField(default=list)  # [{"group": ..., "n": ...}] from the description
    digest = models.CharField(max_length=64, unique=True)  # SHA-256 of both files: the same file twice is refused
    imported_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                    related_name="+")
    imported_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-imported_at", "-id"]
        permissions = [("manage_norm_files", "Can import and delete norm files")]

    def __str__(self) -> str:
        return f"{self.publisher or self.name} ({self.questionnaire})"


class ImportedNormRow(models.Model):
    """One row of an imported norm file: the spread of a measure over the alliances of a group."""

    normset = models.ForeignKey(ImportedNormSet, on_delete=models.CASCADE, related_name="rows")
    group = models.CharField(max_length=80)
    measure = models.CharField(max_length=100)
    n = models.PositiveIntegerField()
    q1 = models.FloatField()
    median = models.FloatField()
    q3 = models.FloatField()
    p90 = models.FloatField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["normset", "group"])]
