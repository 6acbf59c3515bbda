"""Database rows of steering: actions (decisions) of a round, their status history, and meeting notes.

Everything hangs off a :class:`MeasurementRound`, so deleting a round or its
alliance deletes it too (CASCADE, GDPR). What an action addresses is stored
as a plain id — a finding id of the round's reading (``problem:x``,
``divergence:ambition``) or a measure (``domain:relation``) — so a new kind
of finding never needs a migration and the next round can look it up in its
own reading. Notes hold what partners said in the meeting; they are never a
place for respondents' answers (the form says so).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from samenspel.web.alliances.models import Alliance, MeasurementRound, Partner


class Action(models.Model):
    """A decision of the steering group and the action that carries it out."""

    PLANNED = "planned"
    UNDER_WAY = "under_way"
    DONE = "done"
    DROPPED = "dropped"
    STATUSES = [(PLANNED, "planned"), (UNDER_WAY, "under way"), (DONE, "done"), (DROPPED, "dropped")]

    round = models.ForeignKey(MeasurementRound, on_delete=models.CASCADE, related_name="actions")
    what = models.CharField(max_length=300)
    partner = models.ForeignKey(Partner, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    owner_name = models.CharField(max_length=120, blank=True)
    owner_email = models.EmailField(blank=True)  # only for the reminder before the due date
    due = models.DateField(null=True, blank=True)
    addresses = models.CharField(max_length=80, blank=True)
    expected = models.CharField(max_length=300, blank=True)
    status = models.CharField(max_length=12, choices=STATUSES, default=PLANNED)
    note = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    reminded_at = models.DateTimeField(null=True, blank=True)
    # the owner's personal link (owner_links.py): derived from the secret key and this nonce, only its hash stored
    link_nonce = models.CharField(max_length=32, blank=True)
    link_hash = models.CharField(max_length=64, unique=True, null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.what

    @property
    def owner(self) -> str:
        """Who carries it: the person, the partner, or both."""
        names = [n for n in (self.owner_name, self.partner.name if self.partner else "") if n]
        return " – ".join(names)


class StatusChange(models.Model):
    """One change of an action's status, kept so the next round can see how it went."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="history")
    old = models.CharField(max_length=12, blank=True)
    new = models.CharField(max_length=12)
    note = models.CharField(max_length=300, blank=True)
    at = models.DateTimeField(default=timezone.now)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                           related_name="+")

    class Meta:
        ordering = ["at", "id"]


class MeetingNote(models.Model):
    """What partners said in the meeting about a finding (step 2) or an option of their own (step 3)."""

    MEANING = "meaning"
    OPTION = "option"
    KINDS = [(MEANING, "meaning"), (OPTION, "option")]

    round = models.ForeignKey(MeasurementRound, on_delete=models.CASCADE, related_name="meeting_notes")
    kind = models.CharField(max_length=10, choices=KINDS, default=MEANING)
    finding = models.CharField(max_length=80, blank=True)
    text = models.TextField(max_length=2000)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]


class Goal(models.Model):
    """One of the alliance's own goals or performance indicators ("joint projects started").

    Seed 000 counts setting goals together and steering by performance
    indicators among the conditions for success; the questionnaire measures
    how partners work together, these numbers what the alliance achieves.
    """

    alliance = models.ForeignKey(Alliance, on_delete=models.CASCADE, related_name="goals")
    name = models.CharField(max_length=200)
    unit = models.CharField(max_length=40, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [models.UniqueConstraint(fields=["alliance", "name"], name="goal_name_unique")]

    def __str__(self) -> str:
        return self.name


class GoalValue(models.Model):
    """A goal's value at a round, entered by the facilitator (one number: shown as a raw change, never tested)."""

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="values")
    round = models.ForeignKey(MeasurementRound, on_delete=models.CASCADE, related_name="goal_values")
    value = models.FloatField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["goal", "round"], name="goal_value_unique")]


class Contributor(models.Model):
    """A viewer of the alliance whom the facilitators let update the status of actions.

    Kept here rather than as a third membership role, so the alliances app's
    roles (and their migrations) stay as they are: a contributor sees what a
    viewer sees (the membership still decides that) and may in addition
    change an action's status and note; losing the viewer membership ends it.
    """

    alliance = models.ForeignKey(Alliance, on_delete=models.CASCADE, related_name="contributors")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["alliance", "user"], name="contributor_unique")]
