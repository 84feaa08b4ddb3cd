"""Parenting plans (versioned, agreed by every parent), swap requests and overrides."""

from __future__ import annotations

import re
from collections.abc import Mapping

from django.db import models
from django.utils.translation import gettext, gettext_lazy, pgettext_lazy

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


# A pattern's short name in a plan's one-line summary; the numbered ones read the same in
# every language.
PATTERN_NAMES = {
    "alternating-weeks": gettext_lazy("alternating weeks"),
    "every-other-weekend": gettext_lazy("every other weekend"),
    "every-other-weekend-monday": gettext_lazy("every other weekend, to Monday"),
    "sole": gettext_lazy("one home"),
    "custom": gettext_lazy("a custom cycle"),
}
# What the system wrote as a decision's comment, worded for each reader when shown (what a
# parent wrote is shown as written).
SYSTEM_COMMENTS = {"Proposed this plan.": gettext_lazy("Proposed this plan.")}
_COUNTERED = re.compile(r"Proposed another time \(request (\d+)\)\.")


def reason_in_words(reason: str) -> str:
    """A decision's reason as the reader reads it: the one the system wrote when a parent
    answered with another time, in their words; a parent's own, as written."""
    found = _COUNTERED.fullmatch(reason)
    if found:
        return gettext("Proposed another time (request %(number)s).") % {
            "number": found.group(1)}
    return reason


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

    def summary_in_words(self, names: Mapping[int, str]) -> str:
        """Its schedules and their children in the reader's language ("2-2-5-5 for Leo,
        Amara"), with ``names`` the family's children by id; the stored ``summary`` is
        the proposer's English of the day."""
        groups = self.choices.get("groups", []) if isinstance(self.choices, dict) else []
        parts = [gettext("%(pattern)s for %(children)s") % {
            "pattern": PATTERN_NAMES.get(group.get("pattern"), group.get("pattern", "")),
            "children": ", ".join(names.get(child, "?") for child in group.get("children", []))}
            for group in groups]
        return "; ".join(parts) or self.summary


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

    @property
    def comment_in_words(self) -> str:
        return str(SYSTEM_COMMENTS.get(self.comment, self.comment))


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

    @property
    def decision_reason_in_words(self) -> str:
        return reason_in_words(self.decision_reason)


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
