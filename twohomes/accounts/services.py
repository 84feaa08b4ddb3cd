from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from twohomes.families.access import in_family, unscoped
from twohomes.families.models import Membership, MembershipStatus
from twohomes.families.services import audit
from twohomes.mail import send_neutral_email
from twohomes.records import services as records

from .models import KnownDevice, User
from .names import clean_name


def notify_new_device(*, user: User, device: KnownDevice, request: HttpRequest) -> None:
    sessions_url = request.build_absolute_uri(reverse("usersessions_list"))
    send_neutral_email(
        to=user,
        template="accounts/email/new_device.txt",
        context={"user": user, "device": device, "sessions_url": sessions_url},
    )


def change_language(*, actor: User, language: str) -> User:
    """The language TwoHomes speaks to ``actor`` in ("" follows their browser). Nothing of
    the families' changes, so nothing is recorded."""
    if language and language not in {code for code, _ in settings.LANGUAGES}:
        raise ValidationError(_("Choose one of the languages offered."))
    actor.language = language
    actor.save(update_fields=["language"])
    return actor


def _renamed_words(old_name: str) -> str:
    if not old_name:  # a member from before names were asked: no email part stands in
        return gettext_noop("A member who had not given a name yet is now called %(new)s.")
    return gettext_noop("%(old)s is now called %(new)s.")


@transaction.atomic
def change_name(*, actor: User, name: str) -> User:
    """Give ``actor`` the name their families see, recorded in each of those families.

    Every family the person belongs to gets a ``family.member.renamed`` record entry (the
    export's list of people is built from these) and a line in its audit list. A name that
    is not acceptable raises ValidationError and changes nothing.
    """
    new_name = clean_name(name)
    user = User.objects.select_for_update().get(pk=actor.pk)
    old_name = user.display_name
    if new_name == old_name:
        return user
    user.display_name = new_name
    user.save(update_fields=["display_name"])
    actor.display_name = new_name
    with unscoped("a user's families"):
        memberships = list(Membership.objects.filter(user=user, status=MembershipStatus.ACTIVE)
                           .select_related("family").order_by("pk"))
    for membership in memberships:
        with in_family(membership.family_id):
            records.record_rename(membership, new_name)
            audit(membership.family, user, "family.member.renamed", _renamed_words(old_name),
                  old=old_name, new=new_name)
    return user
