"""Parenting plans (versioned, agreed by every parent), swap requests and overrides."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy, pgettext_lazy

from twohomes.families.models import Child, Family, Membership
from twohomes.tenancy import FamilyManager


class PlanStatus(models.TextChoices):
    PROPOSED = "proposed", pgettext_lazy("status", "Proposed")
    AGREED = "agreed", pgettext_lazy("status", "In force")
    DECLINED = "declined", pgettext_lazy("status", "Declined")
    SUPERSEDED = "superseded", gettext_lazy("Replaced by a later plan")
    WITHDRAWN = "withdrawn", pgettext_lazy("status", "Withdrawn")
    EXPIRED = "expired", gettext_lazy("Expired: its start date passed before every parent "
                                      "agreed")


class ParentingPlan(models.Model):
    family = models.ForeignKey(Family, on_delete=models.PROTECT, related_name="plans")
    version = models.PositiveIntegerField()
    status = models.CharField(max_length=12, choices=PlanStatus.choices,
                              default=PlanStatus.PROPOSED)
    # What the editor chose (to reopen it) and the engine's input built from it.
    choices = models.JSONField()
    spec = models.JSONField()
    parent_ids = models.JSONField(help_text="engine parent id -> membership id")
    # The first day the plan governs (local to the family). Every day before it follows the
    # plan in force then; None (plans made before effective dates) means from the start.
    effective_from = models.DateField(null=True, blank=True)
    summary = models.CharField(max_length=300)
    exchange_place = models.CharField(max_length=200, blank=True)
    proposed_by = models.ForeignKey(Membership, on_delete=models.PROTECT, related_name="+")
    proposed_at = models.DateTimeField()
    agreed_at = models.DateTimeField(null=True, blank=True)
    record_seq = models.PositiveBigIntegerField()
    objects = FamilyManager()

    class Meta:
        ordering = ["-version"]
        constraints = [
            models.UniqueConstraint(fields=["family", "version"], name="one_plan_per_version")
        ]

    def __str__(self) -> str:
        return f"plan v{self.version} ({self.status})"


class PlanDecision(models.Model):
    plan = models.ForeignKey(ParentingPlan, on_delete=models.PROTECT, related_name="decisions")
    parent = models.ForeignKey(Membership, on_delete=models.PROTECT, related_name="+")
    agreed = models.BooleanField()
    comment = models.TextField(blank=True)
    decided_at = models.DateTimeField()
    record_seq = models.PositiveBigIntegerField()
    objects = FamilyManager("plan__family")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["plan", "parent"], name="one_decision_per_parent")
        ]

    def __str__(self) -> str:
        return f"{self.parent} {'agreed' if self.agreed else 'declined'}"


class SwapStatus(models.TextChoices):
    PENDING = "pending", gettext_lazy("Waiting for an answer")
    ACCEPTED = "accepted", pgettext_lazy("status", "Accepted")
    DECLINED = "declined", pgettext_lazy("status", "Declined")
    COUNTERED = "countered", gettext_lazy("Answered with another time")
    EXPIRED = "expired", gettext_lazy("Expired unanswered")
    WITHDRAWN = "withdrawn", pgettext_lazy("status", "Withdrawn")


class SwapRequest(models.Model):
    family = models.ForeignKey(Family, on_delete=models.PROTECT, related_name="swaps")
    requested_by = models.ForeignKey(Membership, on_delete=models.PROTECT, related_name="+")
    children = models.ManyToManyField(Child, related_name="+")
    starts = models.DateTimeField()
    ends = models.DateTimeField()
    parent = models.ForeignKey(Membership, on_delete=models.PROTECT, related_name="+",
                               help_text=gettext_lazy("who has the children during the change"))
    makeup_starts = models.DateTimeField(null=True, blank=True)
    makeup_ends = models.DateTimeField(null=True, blank=True)
    reason = models.TextField()
    answer_by = models.DateField()
    status = models.CharField(max_length=10, choices=SwapStatus.choices,
                              default=SwapStatus.PENDING)
    counter_of = models.ForeignKey("self", on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="counters")
    decided_by = models.ForeignKey(Membership, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_reason = models.TextField(blank=True)
    created_at = models.DateTimeField()
    record_seq = models.PositiveBigIntegerField()
    objects = FamilyManager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"swap {self.pk} ({self.status})"


class Override(models.Model):
    """A change to the plan in force for some hours or days: from an accepted swap."""

    family = models.ForeignKey(Family, on_delete=models.PROTECT, related_name="overrides")
    child = models.ForeignKey(Child, on_delete=models.PROTECT, related_name="+")
    starts = models.DateTimeField()
    ends = models.DateTimeField()
    parent = models.ForeignKey(Membership, on_delete=models.PROTECT, related_name="+")
    reason = models.CharField(max_length=200)
    swap = models.ForeignKey(SwapRequest, on_delete=models.PROTECT, null=True,
                             related_name="overrides")
    created_at = models.DateTimeField()
    objects = FamilyManager()

    class Meta:
        ordering = ["starts"]

    def __str__(self) -> str:
        return self.reason
