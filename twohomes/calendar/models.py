"""Secret calendar feed addresses and reminder preferences."""

from __future__ import annotations

import hashlib
import secrets

from django.db import models
from django.utils.translation import gettext_lazy

from twohomes.families.models import Membership
from twohomes.tenancy import FamilyManager


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class CalendarFeed(models.Model):
    """A member's secret ICS address. Only its hash is stored: a database leak does not
    open anyone's calendar, and the address is shown once, when it is made."""

    membership = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="feeds")
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    objects = FamilyManager("membership__family")

    def __str__(self) -> str:
        return f"feed of {self.membership}"

    @classmethod
    def new_token(cls) -> str:
        return secrets.token_urlsafe(32)


class ReminderPreference(models.Model):
    membership = models.OneToOneField(Membership, on_delete=models.CASCADE,
                                      related_name="reminder_preferences")
    exchanges = models.BooleanField(
        default=False, verbose_name=gettext_lazy("Email me the evening before an exchange"))
    events = models.BooleanField(
        default=False, verbose_name=gettext_lazy("Email me the evening before an event"))
    send_at = models.TimeField(default="19:00",
                               verbose_name=gettext_lazy("Time of the reminder email"))
    objects = FamilyManager("membership__family")

    def __str__(self) -> str:
        return f"reminders of {self.membership}"


class SentReminder(models.Model):
    """One reminder per member and day: the worker may run twice, the email goes once."""

    membership = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    sent_at = models.DateTimeField(auto_now_add=True)
    objects = FamilyManager("membership__family")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["membership", "day"], name="one_reminder_per_day")
        ]

    def __str__(self) -> str:
        return f"reminder for {self.day}"
