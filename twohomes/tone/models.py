"""A member's own choices about tone help. Nobody else sees them, the other parent included."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy

from twohomes.families.models import Membership
from twohomes.tenancy import FamilyManager


class ToneSettings(models.Model):
    membership = models.OneToOneField(Membership, on_delete=models.CASCADE,
                                      related_name="tone_settings")
    fold_incoming = models.BooleanField(
        default=False,
        verbose_name=gettext_lazy("Fold messages that arrive heated or hostile"),
        help_text=gettext_lazy("You see a calm one-line heads-up and the practical details "
                               "first; the message itself is one tap away, unchanged."))
    cool_down = models.BooleanField(
        default=False,
        verbose_name=gettext_lazy("Hold my hostile drafts for ten minutes before sending"),
        help_text=gettext_lazy("During the wait you can edit the message or withdraw it; "
                               "then it is sent. Messages with files are sent at once."))
    objects = FamilyManager("membership__family")

    def __str__(self) -> str:
        return f"tone settings of {self.membership}"


def settings_of(membership: Membership) -> ToneSettings:
    """The member's settings, unsaved defaults if they never chose (nothing is written)."""
    found = ToneSettings.objects.filter(membership=membership).first()
    return found if found is not None else ToneSettings(membership=membership)
