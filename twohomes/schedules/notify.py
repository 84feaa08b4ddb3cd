"""Emails to the parents about plans and swaps (subject "TwoHomes", as every email)."""

from __future__ import annotations

from typing import Any

from django.conf import settings

from twohomes.families.access import parents_of
from twohomes.families.models import Membership
from twohomes.mail import send_neutral_email


def tell_parents(family: Any, *, exclude: Membership | None, template: str,
                 context: dict[str, Any]) -> None:
    """Email every active parent but ``exclude``. Plans leave out the parent who acted;
    every step of a change request reaches both parents, the actor's as a receipt."""
    parents = parents_of(family)
    for parent in parents:
        if exclude is not None and parent.pk == exclude.pk:
            continue
        send_neutral_email(to=parent.user, template=template,
                           context={**context, "recipient": parent,
                                    "base_url": settings.TWOHOMES_BASE_URL, "family": family})
