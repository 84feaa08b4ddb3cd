"""Threads, messages, attachments, read receipts and notification preferences.

Messages and receipts are never updated or deleted (database triggers refuse it, as for
the record); each one also stands in the family's record.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy

from twohomes.families.models import Family, Membership
from twohomes.tenancy import FamilyManager


class Thread(models.Model):
    family = models.ForeignKey(Family, on_delete=models.PROTECT, related_name="threads")
    subject = models.CharField(max_length=200)
    created_by = models.ForeignKey(Membership, on_delete=models.PROTECT, related_name="+")
    # A child's own thread with their parents; empty for a parents' thread.
    child = models.ForeignKey(
        Membership, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField()
    record_seq = models.PositiveBigIntegerField()
    objects = FamilyManager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.subject


class ThreadMember(models.Model):
    """Someone other than the parents whom a parent added to a thread."""

    thread = models.ForeignKey(Thread, on_delete=models.PROTECT, related_name="extra_members")
    membership = models.ForeignKey(Membership, on_delete=models.PROTECT, related_name="+")
    can_write = models.BooleanField(default=True)
    added_by = models.ForeignKey(Membership, on_delete=models.PROTECT, related_name="+")
    added_at = models.DateTimeField()
    record_seq = models.PositiveBigIntegerField()
    objects = FamilyManager("thread__family")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["thread", "membership"], name="one_thread_member")
        ]

    def __str__(self) -> str:
        return f"{self.membership} in {self.thread}"


class Message(models.Model):
    family = models.ForeignKey(Family, on_delete=models.PROTECT, related_name="messages")
    thread = models.ForeignKey(Thread, on_delete=models.PROTECT, related_name="messages")
    author = models.ForeignKey(Membership, on_delete=models.PROTECT, related_name="+")
    body = models.TextField()
    sent_at = models.DateTimeField(db_index=True)
    record_seq = models.PositiveBigIntegerField()
    # How it may land, rated once when it was sent in its author's language (empty when
    # tone help does not read that language, or for messages from before): for folding and
    # the professionals' trend, so no page analyses it again. Not part of the record.
    tone = models.CharField(max_length=10, blank=True, default="")
    tone_kinds = models.CharField(max_length=200, blank=True, default="")  # codes, by comma
    objects = FamilyManager()

    class Meta:
        ordering = ["sent_at", "id"]
        # A thread's page is its newest messages: read from the index, never sorted.
        indexes = [models.Index(fields=["thread", "-sent_at", "-id"],
                                name="message_thread_newest")]

    def __str__(self) -> str:
        return f"message {self.pk} in {self.thread_id}"


class HeldMessage(models.Model):
    """A draft rated hostile that its author chose to hold for a cool-down before it is sent.

    It is the author's alone until it is sent: nobody else sees it, it is not in the record,
    and the author may edit or withdraw it. The worker sends it when ``send_at`` comes."""

    family = models.ForeignKey(Family, on_delete=models.PROTECT, related_name="+")
    # Empty for the first message of a new conversation: the conversation is started, with
    # ``subject`` and the members named in ``member_ids``, when the message is sent.
    thread = models.ForeignKey(Thread, on_delete=models.PROTECT, related_name="+", null=True,
                               blank=True)
    subject = models.CharField(max_length=200, blank=True, default="")
    member_ids = models.JSONField(default=list, blank=True)
    author = models.ForeignKey(Membership, on_delete=models.PROTECT, related_name="+")
    body = models.TextField()
    language = models.CharField(max_length=16, blank=True, default="")
    held_at = models.DateTimeField()
    send_at = models.DateTimeField(db_index=True)
    objects = FamilyManager()

    def __str__(self) -> str:
        return f"held message {self.pk} in {self.thread_id}"


class Attachment(models.Model):
    family = models.ForeignKey(Family, on_delete=models.PROTECT, related_name="attachments")
    message = models.ForeignKey(
        Message, on_delete=models.PROTECT, related_name="attachments", null=True
    )
    name = models.CharField(max_length=120)
    content_type = models.CharField(max_length=64)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    record_seq = models.PositiveBigIntegerField()
    objects = FamilyManager()

    def __str__(self) -> str:
        return self.name


class Receipt(models.Model):
    """A recipient's first view of a message: recorded once, with its time."""

    message = models.ForeignKey(Message, on_delete=models.PROTECT, related_name="receipts")
    reader = models.ForeignKey(Membership, on_delete=models.PROTECT, related_name="+")
    first_viewed_at = models.DateTimeField()
    record_seq = models.PositiveBigIntegerField()
    objects = FamilyManager("message__family")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["message", "reader"], name="one_receipt_per_reader")
        ]

    def __str__(self) -> str:
        return f"{self.reader} read {self.message_id}"


class NotificationPreference(models.Model):
    membership = models.OneToOneField(
        Membership, on_delete=models.CASCADE, related_name="message_preferences"
    )
    email_on_message = models.BooleanField(
        default=False, verbose_name=gettext_lazy("Email me when a message arrives"),
        help_text=gettext_lazy("The email never contains the message itself."),
    )
    daily_digest = models.BooleanField(
        default=False, verbose_name=gettext_lazy("One email a day instead of one per message"),
    )
    digest_time = models.TimeField(default="18:00",
                                   verbose_name=gettext_lazy("Time of the daily email"))
    quiet_start = models.TimeField(null=True, blank=True,
                                   verbose_name=gettext_lazy("Quiet hours start"))
    quiet_end = models.TimeField(null=True, blank=True,
                                 verbose_name=gettext_lazy("Quiet hours end"))
    objects = FamilyManager("membership__family")

    def __str__(self) -> str:
        return f"preferences of {self.membership}"


class PendingNotification(models.Model):
    """A new-message notice held for quiet hours or the daily digest."""

    membership = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="+")
    message = models.ForeignKey(Message, on_delete=models.PROTECT, related_name="+")
    due_at = models.DateTimeField(db_index=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    objects = FamilyManager("membership__family")

    def __str__(self) -> str:
        return f"notice for {self.membership} due {self.due_at}"
