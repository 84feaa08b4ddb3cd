"""The member's tone choices (private: not in the record, not shown to anyone else)."""

from __future__ import annotations

from django.db import transaction

from twohomes.families.access import Cap, require
from twohomes.families.models import Membership

from .models import ToneSettings


@transaction.atomic
def save_tone_settings(*, actor: Membership, fold_incoming: bool, cool_down: bool) -> None:
    require(actor, Cap.CHECK_TONE)
    ToneSettings.objects.update_or_create(
        membership=actor, defaults={"fold_incoming": fold_incoming, "cool_down": cool_down})
