"""Database rows of the web app.

Knowledge-base ids (form of collaboration, governance model, phase model) are
stored as plain strings and checked against the knowledge base in forms, so a
new knowledge entry never needs a migration. Respondents are pseudonymous:
their ``code`` is what exports and analyses see; e-mail is optional and only
used to send the invitation.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from samenspel.responses.model import MISSING_REASONS, ROLES

CURRENT_INSTRUMENT = "samenspel-core@2.0"
"""What a new round asks; a round keeps its questionnaire for good (rounds before 2.0: samenspel-core@1.0)."""


class Alliance(models.Model):
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=60, unique=True)
    collaboration_form = models.CharField(max_length=60, blank=True)
    alliance_form = models.CharField(max_length=60, blank=True)  # how it is set up (seed 003; knowledge base)
    governance_model = models.CharField(max_length=60, blank=True)
    phase_model = models.CharField(max_length=60, blank=True)
    min_group = models.PositiveSmallIntegerField(default=3)
    created_at = models.DateTimeField(default=timezone.now)
    # Who respondents can turn to (named on the closed-round and used-link pages and in mails);
    # kept out of every output for viewers (dashboard, report, JSON twins, API).
    contact_name = models.CharField(max_length=200, blank=True)
    contact_email = models.EmailField(blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Partner(models.Model):
    """An organisation in the alliance; ``code`` is its id in files (e.g. ``A``).

    ``name`` is what people read and may be renamed; ``code`` links rounds and files and
    never changes. A partner that leaves is archived (``archived_at``), never deleted:
    deleting would also delete its respondents' answers and the other partners' ratings of it.
    """

    alliance = models.ForeignKey(Alliance, on_delete=models.CASCADE, related_name="partners")
    name = models.CharField(max_length=200)
    code = models.CharField(max_length=40)
    archived_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["code"]
        constraints = [models.UniqueConstraint(fields=["alliance", "code"], name="partner_code_unique")]

    def __str__(self) -> str:
        return self.name


class MeasurementRound(models.Model):
    OPEN = "open"
    CLOSED = "closed"
    STATUSES = [(OPEN, "open"), (CLOSED, "closed")]

    alliance = models.ForeignKey(Alliance, on_delete=models.CASCADE, related_name="rounds")
    code = models.SlugField(max_length=40)
    name = models.CharField(max_length=200)
    opens = models.DateField(default=dt.date.today)
    closes = models.DateField(null=True, blank=True)
    short = models.BooleanField(default=False, help_text="pulse version of the questionnaire")
    status = models.CharField(max_length=10, choices=STATUSES, default=OPEN)
    created_at = models.DateTimeField(default=timezone.now)
    # The questionnaire this round asks, fixed for the round: version, and (2.0, full round) the
    # optional modules and the paradoxes chosen (samenspel.instrument.selection; survey.round_questionnaire).
    instrument = models.CharField(max_length=40, default=CURRENT_INSTRUMENT)
    modules = models.JSONField(default=list, blank=True)
    paradoxes = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["opens", "created_at"]
        constraints = [models.UniqueConstraint(fields=["alliance", "code"], name="round_code_unique")]

    def __str__(self) -> str:
        return self.name

    def accepts_answers(self, today: dt.date | None = None) -> bool:
        """Open, started and not past its closing date."""
        today = today or timezone.localdate()
        if self.status != self.OPEN or today < self.opens:
            return False
        return self.closes is None or today <= self.closes


class Respondent(models.Model):
    """One invited (or imported) person in one round.

    The personal link is derived from the secret key and ``nonce`` (see
    ``tokens.py``); only its SHA-256 is stored, for look-up.
    """

    ROLE_CHOICES = [(r, r) for r in ROLES]

    round = models.ForeignKey(MeasurementRound, on_delete=models.CASCADE, related_name="respondents")
    # RESTRICT: a partner cannot be deleted on its own while it has respondents (archive it
    # instead); deleting the whole alliance still deletes everything.
    partner = models.ForeignKey(Partner, on_delete=models.RESTRICT, related_name="respondents")
    code = models.CharField(max_length=60)
    # An optional name for the facilitator's participants table only: never in exports,
    # analyses or any output for viewers (the respondent stays pseudonymous there).
    name = models.CharField(max_length=200, blank=True)
    role = models.CharField(max_length=10, choices=ROLE_CHOICES, blank=True)
    email = models.EmailField(blank=True)
    language = models.CharField(max_length=2, default="nl")
    nonce = models.CharField(max_length=32, blank=True)
    token_hash = models.CharField(max_length=64, unique=True, null=True, blank=True)
    invited_at = models.DateTimeField(null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    imported = models.BooleanField(default=False)

    class Meta:
        ordering = ["id"]
        constraints = [models.UniqueConstraint(fields=["round", "code"], name="respondent_code_unique")]

    def __str__(self) -> str:
        return self.code


class Answer(models.Model):
    """One answer; ``value`` None with ``dont_know`` is an explicit "don't know".

    ``missing`` says why a value is empty, as the response format has it (FORMATS.md §4):
    ``dont_know``, ``not_applicable``, ``skipped`` (on a page the respondent saved, left
    untouched) or ``not_asked``; empty when answered or when the reason is unknown.
    """

    respondent = models.ForeignKey(Respondent, on_delete=models.CASCADE, related_name="answers")
    item = models.CharField(max_length=80)
    target = models.ForeignKey(Partner, on_delete=models.RESTRICT, null=True, blank=True, related_name="+")
    value = models.FloatField(null=True, blank=True)
    text = models.TextField(blank=True)
    dont_know = models.BooleanField(default=False)
    missing = models.CharField(max_length=20, blank=True, default="", choices=[(m, m) for m in MISSING_REASONS])

    class Meta:
        constraints = [
            # NULL targets are distinct in SQL, so untargeted answers get their own index.
            models.UniqueConstraint(fields=["respondent", "item", "target"], name="answer_unique_target"),
            models.UniqueConstraint(
                fields=["respondent", "item"], condition=Q(target__isnull=True), name="answer_unique_untargeted"
            ),
        ]


class Membership(models.Model):
    FACILITATOR = "facilitator"
    VIEWER = "viewer"
    ROLES = [(FACILITATOR, "facilitator"), (VIEWER, "viewer")]

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    alliance = models.ForeignKey(Alliance, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=12, choices=ROLES, default=FACILITATOR)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "alliance"], name="membership_unique")]


class PendingMembership(models.Model):
    """A role given by username to an account that may not exist (yet).

    The add-member form must not tell a facilitator which usernames exist, so
    a role is recorded by username either way and shown the same way; it
    becomes a :class:`Membership` when an account with that username logs in
    (``members.activate``).
    """

    alliance = models.ForeignKey(Alliance, on_delete=models.CASCADE, related_name="pending_memberships")
    username = models.CharField(max_length=150)
    role = models.CharField(max_length=12, choices=Membership.ROLES, default=Membership.FACILITATOR)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["alliance", "username"], name="pending_membership_unique")]


class ApiToken(models.Model):
    """A bearer token for the JSON API; only its SHA-256 is stored."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=100, blank=True)
    key_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    last_used = models.DateTimeField(null=True, blank=True)


class ReportJob(models.Model):
    """A steering-group report (PDF) being built in the background for one round.

    The PDF is kept in the database (a few hundred kB) so any web worker can
    serve it; whoever may see the round's diagnosis may download it.
    """

    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"
    STATUSES = [(QUEUED, "queued"), (RUNNING, "running"), (DONE, "done"), (FAILED, "failed")]

    round = models.ForeignKey(MeasurementRound, on_delete=models.CASCADE, related_name="report_jobs")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    language = models.CharField(max_length=2, default="nl")
    status = models.CharField(max_length=10, choices=STATUSES, default=QUEUED)
    pdf = models.BinaryField(null=True, blank=True)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]


class SettingChange(models.Model):
    """A change of a privacy setting, kept as a trail: who, when, old, new (docs/PRIVACY.md, "Settings").

    ``after_answers`` records whether answers had already come in; such a change
    is stated in the report's method appendix. The user is kept out of every
    output for viewers.
    """

    alliance = models.ForeignKey(Alliance, on_delete=models.CASCADE, related_name="setting_changes")
    setting = models.CharField(max_length=40)
    old = models.CharField(max_length=100, blank=True)
    new = models.CharField(max_length=100)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                           related_name="+")
    at = models.DateTimeField(default=timezone.now)
    after_answers = models.BooleanField(default=False)

    class Meta:
        ordering = ["at", "id"]
