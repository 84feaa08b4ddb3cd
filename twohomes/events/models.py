"""Events on the family calendar, their history and who was invited.

An event is never deleted: it is cancelled, and every create, change and cancel leaves an
``EventRevision`` (and an entry in the family's record). ``starts``/``ends`` are exact
instants; an all-day event also keeps its local dates, and its instants are the local
midnights that bound them. A repeating event keeps its RFC 5545 rule in ``rrule`` and the
IANA zone its wall-clock times belong to in ``timezone``.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy, pgettext_lazy

from twohomes.families.models import Child, Family, Membership
from twohomes.tenancy import FamilyManager

from .recurrence import RepeatRule


class EventStatus(models.TextChoices):
    ACTIVE = "active", pgettext_lazy("event status", "Active")
    CANCELLED = "cancelled", pgettext_lazy("event status", "Cancelled")


class Event(models.Model):
    family = models.ForeignKey(Family, on_delete=models.PROTECT, related_name="events")
    children = models.ManyToManyField(Child, blank=True, related_name="events")
    title = models.CharField(max_length=200)
    starts = models.DateTimeField(db_index=True)
    ends = models.DateTimeField()
    all_day = models.BooleanField(default=False)
    start_date = models.DateField(null=True, blank=True)  # all-day events only, inclusive
    end_date = models.DateField(null=True, blank=True)
    timezone = models.CharField(max_length=64)
    location = models.CharField(max_length=200, blank=True)
    responsible = models.ForeignKey(Membership, on_delete=models.PROTECT, null=True, blank=True,
                                    related_name="+")
    notes = models.TextField(blank=True)
    rrule = models.CharField(max_length=300, blank=True,
                             help_text="RFC 5545 RRULE without the 'RRULE:' prefix.")
    # When the last occurrence ends (null: repeats forever), so a range query can skip
    # series that are over without expanding them.
    series_ends = models.DateTimeField(null=True, blank=True, db_index=True)
    status = models.CharField(max_length=10, choices=EventStatus.choices,
                              default=EventStatus.ACTIVE)
    created_by = models.ForeignKey(Membership, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField()
    updated_at = models.DateTimeField()
    cancelled_at = models.DateTimeField(null=True, blank=True)
    cancel_reason = models.CharField(max_length=300, blank=True)
    objects = FamilyManager()

    class Meta:
        ordering = ["starts", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(ends__gt=F("starts")),
                                   name="event_ends_after_start"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def local_start(self) -> datetime:
        """DTSTART: the first start in the event's own zone (``timezone``)."""
        if self.all_day and self.start_date:
            return self._midnight(self.start_date)
        return self.starts.astimezone(self.zone)

    def local_end(self) -> datetime:
        if self.all_day and self.end_date:
            return self._midnight(self.end_date + timedelta(days=1))
        return self.ends.astimezone(self.zone)

    def _midnight(self, day: date) -> datetime:
        # Where the clocks go forward at midnight the day begins at 01:00; as 00:00 (the
        # same instant) an all-day event still lasts whole days and repeats from midnight.
        return datetime.combine(day, time(0), self.zone)

    @property
    def duration(self) -> timedelta:
        """The wall-clock length of each occurrence."""
        return self.local_end().replace(tzinfo=None) - self.local_start().replace(tzinfo=None)

    @property
    def is_cancelled(self) -> bool:
        return self.status == EventStatus.CANCELLED

    @property
    def repeat(self) -> RepeatRule:
        return RepeatRule.from_rrule(self.rrule, zone=self.zone)

    @property
    def last_day(self) -> date:
        """The local day an all-day event ends on (inclusive), or a timed event's end day."""
        if self.all_day and self.end_date:
            return self.end_date
        return self.local_end().date()


class EventRevision(models.Model):
    """One create, change or cancel: who, when, and each field's old and new value."""

    class Action(models.TextChoices):
        CREATED = "created", pgettext_lazy("what was done to an event", "Created")
        CHANGED = "changed", pgettext_lazy("what was done to an event", "Changed")
        CANCELLED = "cancelled", pgettext_lazy("what was done to an event", "Cancelled")
        SKIPPED = "skipped", pgettext_lazy("what was done to an event", "Cancelled once")

    event = models.ForeignKey(Event, on_delete=models.PROTECT, related_name="revisions")
    actor = models.ForeignKey(Membership, on_delete=models.PROTECT, related_name="+")
    action = models.CharField(max_length=10, choices=Action.choices)
    at = models.DateTimeField()
    # [{"field": "Title", "old": "...", "new": "..."}], in the words shown on the page.
    changes = models.JSONField(default=list)
    record_seq = models.PositiveBigIntegerField()
    objects = FamilyManager("event__family")

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.action} {self.event_id}"


class SkippedOccurrence(models.Model):
    """One time of a repeating event called off (RFC 5545 EXDATE); the series goes on."""

    event = models.ForeignKey(Event, on_delete=models.PROTECT, related_name="skipped")
    starts = models.DateTimeField()  # the occurrence's start as the rule gives it
    reason = models.CharField(max_length=300, blank=True)
    skipped_by = models.ForeignKey(Membership, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField()
    record_seq = models.PositiveBigIntegerField()
    objects = FamilyManager("event__family")

    class Meta:
        ordering = ["starts"]
        constraints = [
            models.UniqueConstraint(fields=["event", "starts"], name="one_skip_per_occurrence")
        ]

    def __str__(self) -> str:
        return f"{self.event_id} on {self.starts:%Y-%m-%d %H:%M}"


class Reply(models.TextChoices):
    PENDING = "pending", gettext_lazy("No reply yet")
    YES = "yes", pgettext_lazy("reply to an invitation", "Yes")
    NO = "no", pgettext_lazy("reply to an invitation", "No")
    MAYBE = "maybe", pgettext_lazy("reply to an invitation", "Maybe")


class EventInvitation(models.Model):
    event = models.ForeignKey(Event, on_delete=models.PROTECT, related_name="invitations")
    invitee = models.ForeignKey(Membership, on_delete=models.PROTECT, related_name="+")
    invited_by = models.ForeignKey(Membership, on_delete=models.PROTECT, related_name="+")
    invited_at = models.DateTimeField()
    reply = models.CharField(max_length=8, choices=Reply.choices, default=Reply.PENDING)
    note = models.CharField(max_length=300, blank=True)
    replied_at = models.DateTimeField(null=True, blank=True)
    objects = FamilyManager("event__family")

    class Meta:
        ordering = ["invited_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["event", "invitee"], name="one_invitation_per_event")
        ]

    def __str__(self) -> str:
        return f"{self.invitee} to {self.event_id}"
