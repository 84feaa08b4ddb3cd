"""Families, the people in them and what changed about who is in them."""

from __future__ import annotations

import uuid
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import models
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from twohomes.tenancy import FamilyManager


class Role(models.TextChoices):
    PARENT = "parent", _("Parent")
    PARTNER = "partner", _("Partner")
    RELATIVE = "relative", _("Relative")
    PROFESSIONAL = "professional", _("Professional")
    CHILD = "child", _("Child")


class Colour(models.TextChoices):
    # Names as well as colours: the calendar always prints the name/pattern beside it.
    TEAL = "teal", _("Teal")
    ORANGE = "orange", _("Orange")
    PURPLE = "purple", _("Purple")
    GREEN = "green", _("Green")
    BLUE = "blue", _("Blue")
    RED = "red", _("Red")
    GOLD = "gold", _("Gold")
    GREY = "grey", _("Grey")


class Pattern(models.TextChoices):
    SOLID = "solid", _("Solid")
    STRIPES = "stripes", _("Stripes")
    DOTS = "dots", _("Dots")
    CHECKS = "checks", _("Checks")
    WAVES = "waves", _("Waves")


class Family(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.CharField(max_length=100)
    timezone = models.CharField(max_length=64)
    country = models.CharField(max_length=2)
    subdivision = models.CharField(max_length=10, blank=True)
    currency = models.CharField(max_length=3)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name_plural = _("families")

    def __str__(self) -> str:
        return self.name

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def today(self, now: datetime) -> date:
        """The family's own date at ``now``: answer-by days and birthdays are local."""
        return now.astimezone(self.zone).date()


class Child(models.Model):
    family = models.ForeignKey(Family, on_delete=models.CASCADE, related_name="children")
    name = models.CharField(max_length=80)
    birth_date = models.DateField()
    colour = models.CharField(max_length=10, choices=Colour.choices, default=Colour.TEAL)
    pattern = models.CharField(max_length=10, choices=Pattern.choices, default=Pattern.SOLID)
    objects = FamilyManager()

    class Meta:
        ordering = ["birth_date", "name"]
        verbose_name_plural = _("children")
        constraints = [
            models.UniqueConstraint(fields=["family", "name"], name="unique_child_name_in_family")
        ]

    def __str__(self) -> str:
        return self.name

    def age_on(self, day: date) -> int:
        before_birthday = (day.month, day.day) < (self.birth_date.month, self.birth_date.day)
        return day.year - self.birth_date.year - int(before_birthday)


class MembershipStatus(models.TextChoices):
    ACTIVE = "active", pgettext_lazy("membership", "Active")
    LEFT = "left", pgettext_lazy("membership", "Left")
    REMOVED = "removed", pgettext_lazy("membership", "Removed")
    EXPIRED = "expired", _("Access ended")


class Membership(models.Model):
    family = models.ForeignKey(Family, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(max_length=16, choices=Role.choices)
    linked_children = models.ManyToManyField(Child, blank=True, related_name="linked_members")
    expires_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(
        max_length=10, choices=MembershipStatus.choices, default=MembershipStatus.ACTIVE
    )
    joined_at = models.DateTimeField(auto_now_add=True)
    ended_at = models.DateTimeField(null=True, blank=True)
    # When someone who had left or been removed joined again: conversations and event
    # invitations from before stay closed to them until a parent adds them again.
    rejoined_at = models.DateTimeField(null=True, blank=True)
    objects = FamilyManager()

    class Meta:
        ordering = ["role", "joined_at"]
        constraints = [
            models.UniqueConstraint(fields=["family", "user"], name="one_membership_per_family")
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.get_role_display()})"

    @property
    def is_active(self) -> bool:
        return self.status == MembershipStatus.ACTIVE

    def since_joined(self, moment: datetime) -> bool:
        """Whether something dated ``moment`` (a place in a thread, an invitation) belongs
        to this membership rather than to a time before the member left and came back."""
        return self.rejoined_at is None or moment >= self.rejoined_at

    @property
    def last_day(self) -> date | None:
        """The last day of a professional's access, in the family's time (access stops at
        the midnight after it)."""
        if self.expires_at is None:
            return None
        # Step back in exact time, then convert: where the clocks go forward at midnight
        # (Santiago, Havana, Beirut, Cairo) access ends at 01:00, and wall-clock arithmetic
        # there would land on the next day.
        return (self.expires_at - timedelta(microseconds=1)).astimezone(self.family.zone).date()


class InvitationStatus(models.TextChoices):
    PENDING = "pending", pgettext_lazy("invitation", "Pending")
    ACCEPTED = "accepted", pgettext_lazy("invitation", "Accepted")
    REVOKED = "revoked", pgettext_lazy("invitation", "Revoked")


class Invitation(models.Model):
    family = models.ForeignKey(Family, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField()
    role = models.CharField(max_length=16, choices=Role.choices)
    linked_children = models.ManyToManyField(Child, blank=True, related_name="+")
    access_ends = models.DateField(null=True, blank=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    nonce = models.CharField(max_length=64, unique=True)
    status = models.CharField(
        max_length=10, choices=InvitationStatus.choices, default=InvitationStatus.PENDING
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    objects = FamilyManager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Invitation to {self.email} ({self.role})"


class AuditEvent(models.Model):
    """Who joined, left, changed role or lost access, for the parents to read."""

    family = models.ForeignKey(Family, on_delete=models.CASCADE, related_name="audit_events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    action = models.CharField(max_length=64)
    summary = models.CharField(max_length=300)  # the line in English, as it was written
    # The same line as data, worded for each reader (``in_words``): the English sentence
    # marked for the catalogues and what fills it. Lines from before it show ``summary``.
    words = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    objects = FamilyManager()

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.summary

    @property
    def in_words(self) -> str:
        """The line in the reader's language. Names, emails and what people wrote are
        shown as written; roles and the words of TwoHomes in the reader's language."""
        words = self.words if isinstance(self.words, dict) else {}
        text = words.get("text")
        if not isinstance(text, str) or not text:
            return self.summary
        try:
            return gettext(text) % {name: _said(value)
                                    for name, value in words.get("args", {}).items()}
        except (KeyError, TypeError, ValueError):  # a line stored by another version
            return self.summary


def _said(value: object) -> str:
    """One value of an audit line: a name as written, a role or TwoHomes' own words (a
    list of them too) in the reader's language."""
    if isinstance(value, dict) and "role" in value:
        return str(Role(value["role"]).label).lower()
    if isinstance(value, dict) and "words" in value:
        said = value["words"]
        return ", ".join(gettext(w) for w in said) if isinstance(said, list) else gettext(said)
    return str(value)
