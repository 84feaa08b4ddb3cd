"""Every change a member can make to a family, its children or its members.

Each function is one user action: keyword-only arguments, an explicit ``actor`` (the
acting membership), one transaction, and its audit entry written in that transaction.
"""

from __future__ import annotations

import secrets
from collections import Counter
from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from typing import Any

from django.conf import settings
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from twohomes.mail import send_neutral_email
from twohomes.records import services as records

from .access import (
    Cap,
    end_expired_access,
    has,
    in_family,
    parents_of,
    require,
    role_has,
    roles_with,
    unscoped,
)
from .audit import Said, audit_line
from .models import (
    Child,
    Colour,
    Family,
    Invitation,
    InvitationStatus,
    Membership,
    MembershipStatus,
    Pattern,
    Role,
)

INVITATION_SALT = "twohomes.invitation"
MAX_PARENTS = 2  # the plan engine and every agreement are between parents A and B


JOINED = gettext_noop("%(name)s joined as %(role)s.")
# The family's settings as the audit list names them.
SETTING_WORDS = {"name": Said(gettext_noop("the family's name")),
                 "timezone": Said(gettext_noop("the time zone")),
                 "country": Said(gettext_noop("the country")),
                 "subdivision": Said(gettext_noop("the region")),
                 "currency": Said(gettext_noop("the currency"))}


def audit(family: Family, actor: Any, action: str, text: str, **args: Any) -> None:
    """Add a line to the family's audit list (see ``audit.audit_line``)."""
    audit_line(family, actor, action, text, **args).save()


@transaction.atomic
def create_family(
    *, user: Any, name: str, timezone_name: str, country: str, subdivision: str, currency: str
) -> Family:
    family = Family.objects.create(
        name=name, timezone=timezone_name, country=country, subdivision=subdivision,
        currency=currency,
    )
    with in_family(family):
        founder = Membership.objects.create(family=family, user=user, role=Role.PARENT)
        audit(family, user, "family.created",
              gettext_noop("%(name)s created the family as a parent."), name=user.name)
        records.append(family, "family.member.joined", founder, {
            "member": records.actor_id(founder), "role": Role.PARENT, "name": user.name})
    return family


@transaction.atomic
def update_family(*, actor: Membership, **fields: str) -> Family:
    require(actor, Cap.EDIT_FAMILY)
    # Read afresh: a bound ModelForm has already written into the caller's instance.
    family = Family.objects.select_for_update().get(pk=actor.family_id)
    changed = [name for name, value in fields.items() if getattr(family, name) != value]
    for name in changed:
        setattr(family, name, fields[name])
    if changed:
        family.save(update_fields=changed)
        audit(family, actor.user, "family.settings.changed",
              gettext_noop("%(name)s changed %(settings)s."), name=actor.user.name,
              settings=[SETTING_WORDS.get(name, name) for name in changed])
    return family


def _least_used(choices: list[str], used: Iterable[str]) -> str:
    """The first choice no sibling has; when every one is taken, the first of the least used."""
    counts = Counter(used)
    return min(choices, key=lambda choice: counts[choice])  # min keeps the first of equals


def free_colour(family: Family) -> str:
    """A new child's calendar colour: the first of the palette that no sibling has."""
    return _least_used(list(Colour.values), family.children.values_list("colour", flat=True))


def free_pattern(family: Family) -> str:
    """A new child's calendar pattern: the first that no sibling has."""
    return _least_used(list(Pattern.values), family.children.values_list("pattern", flat=True))


@transaction.atomic
def add_child(
    *, actor: Membership, name: str, birth_date: date, colour: str = "", pattern: str = ""
) -> Child:
    """Add a child; without a colour or pattern, the first that no sibling has."""
    require(actor, Cap.MANAGE_CHILDREN)
    colour = colour or free_colour(actor.family)
    pattern = pattern or free_pattern(actor.family)
    child = Child.objects.create(
        family=actor.family, name=name, birth_date=birth_date, colour=colour, pattern=pattern
    )
    audit(actor.family, actor.user, "family.child.added",
          gettext_noop("%(name)s added %(child)s."), name=actor.user.name, child=name)
    return child


@transaction.atomic
def update_child(*, actor: Membership, child: Child, **fields: Any) -> Child:
    require(actor, Cap.MANAGE_CHILDREN)
    if child.family_id != actor.family_id:
        raise PermissionDenied
    stored = Child.objects.get(pk=child.pk)  # a model form has already set ``child``'s fields
    if all(getattr(stored, name) == value for name, value in fields.items()):
        return child  # saved unchanged: nothing to audit
    for name, value in fields.items():
        setattr(child, name, value)
    child.save()
    audit(actor.family, actor.user, "family.child.changed",
          gettext_noop("%(name)s updated %(child)s's details."), name=actor.user.name,
          child=child.name)
    return child


def _access_end(family: Family, day: date | None) -> datetime | None:
    """A professional's access ends at the end of the given day, family time."""
    if day is None:
        return None
    return datetime.combine(day + timedelta(days=1), time(0), tzinfo=family.zone)


def invitation_token(invitation: Invitation) -> str:
    return signing.dumps({"i": invitation.pk, "n": invitation.nonce}, salt=INVITATION_SALT)


@transaction.atomic
def invite_member(
    *,
    actor: Membership,
    email: str,
    role: str,
    children: Iterable[Child] = (),
    access_ends: date | None = None,
    now: datetime,
    base_url: str,
) -> Invitation:
    require(actor, Cap.MANAGE_MEMBERS)
    family = actor.family
    email = email.strip().lower()
    active = family.memberships.filter(status=MembershipStatus.ACTIVE)
    if active.filter(user__email__iexact=email).exists():
        raise ValidationError(_("That person is already a member of this family."))
    if role_has(role, Cap.TIME_LIMITED_ACCESS) and access_ends is None:
        raise ValidationError(
            _("A professional's invitation needs the date their access ends."))
    Family.objects.select_for_update().get(pk=family.pk)  # one invitation at a time
    waiting = Invitation.objects.filter(family=family, status=InvitationStatus.PENDING,
                                        expires_at__gt=now)
    if waiting.filter(email__iexact=email).exists():
        raise ValidationError(_("An invitation to this address is already waiting; withdraw "
                                "it first to send a new one."))
    custody = roles_with(Cap.HOLD_CUSTODY)
    if role in custody and (
            active.filter(role__in=custody).count()
            + waiting.filter(role__in=custody).count()) >= MAX_PARENTS:
        raise ValidationError(_("A family has two parents at most (the plan and every "
                                "agreement are between them). Invite a new partner as a "
                                "partner."))
    invitation = Invitation.objects.create(
        family=family, email=email, role=role, invited_by=actor.user,
        access_ends=access_ends if role_has(role, Cap.TIME_LIMITED_ACCESS) else None,
        nonce=secrets.token_urlsafe(32),
        expires_at=now + timedelta(days=settings.TWOHOMES_INVITATION_DAYS),
    )
    linked = [c for c in children if c.family_id == family.pk]
    invitation.linked_children.set(linked)
    link = base_url + reverse("invitation", args=[invitation_token(invitation)])
    send_neutral_email(
        to=email,
        template="families/email/invitation.txt",
        context={"invitation": invitation, "inviter": actor.user, "link": link,
                 "days": settings.TWOHOMES_INVITATION_DAYS},
    )
    audit(family, actor.user, "family.member.invited",
          gettext_noop("%(name)s invited %(email)s as %(role)s."), name=actor.user.name,
          email=email, role=Role(invitation.role))
    return invitation


class InvitationProblem(Exception):
    """Why an invitation link cannot be used; the message is shown to the person."""


def find_invitation(token: str, *, now: datetime) -> Invitation:
    """The pending invitation behind ``token``, or an ``InvitationProblem`` saying why not."""
    max_age = timedelta(days=settings.TWOHOMES_INVITATION_DAYS)
    try:
        payload = signing.loads(token, salt=INVITATION_SALT, max_age=max_age)
    except signing.SignatureExpired:
        raise InvitationProblem(_("This invitation has expired. Ask for a new one.")) from None
    except signing.BadSignature:
        raise InvitationProblem(_("This invitation link is not valid. Check that it was "
                                  "copied whole, or ask for a new one.")) from None
    with unscoped("accepting an invitation"):
        invitation = (
            Invitation.objects.select_related("family", "invited_by")
            .filter(pk=payload.get("i"), nonce=payload.get("n")).first()
        )
    if invitation is None:
        raise InvitationProblem(_("This invitation link is not valid. Ask for a new one."))
    if invitation.status == InvitationStatus.ACCEPTED:
        raise InvitationProblem(_("This invitation has already been used."))
    if invitation.status == InvitationStatus.REVOKED:
        raise InvitationProblem(_("This invitation was withdrawn by the family."))
    if invitation.expires_at <= now:
        raise InvitationProblem(_("This invitation has expired. Ask for a new one."))
    return invitation


@transaction.atomic
def accept_invitation(*, user: Any, token: str, now: datetime) -> Membership:
    invitation = find_invitation(token, now=now)
    with in_family(invitation.family_id):  # from here on, the invitation's family only
        return _accept(user, invitation, now)


def _accept(user: Any, invitation: Invitation, now: datetime) -> Membership:
    # Lock the row: two tabs accepting at once must not both succeed.
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.status != InvitationStatus.PENDING:
        raise InvitationProblem(_("This invitation has already been used."))
    if user.email.lower() != invitation.email.lower():
        raise InvitationProblem(
            _("This invitation was sent to another email address. Sign in as "
              "%(email)s to accept it.") % {"email": invitation.email}
        )
    family = Family.objects.select_for_update().get(pk=invitation.family_id)
    if role_has(invitation.role, Cap.HOLD_CUSTODY) and parents_of(family).exclude(
            user=user).count() >= MAX_PARENTS:
        raise InvitationProblem(_("This family already has two parents. Ask them for a new "
                                  "invitation in another role."))
    membership, created = Membership.objects.update_or_create(
        family=family, user=user,
        defaults={"role": invitation.role, "status": MembershipStatus.ACTIVE,
                  "expires_at": _access_end(family, invitation.access_ends), "ended_at": None,
                  # someone who left or was removed starts afresh (see ``rejoined_at``)
                  "rejoined_at": now},
        create_defaults={"role": invitation.role, "status": MembershipStatus.ACTIVE,
                         "expires_at": _access_end(family, invitation.access_ends)},
    )
    membership.linked_children.set(invitation.linked_children.all())
    if not created:  # an old calendar feed address does not come back to life either
        membership.feeds.filter(revoked_at__isnull=True).update(revoked_at=now)
    invitation.status = InvitationStatus.ACCEPTED
    invitation.accepted_at = now
    invitation.accepted_by = user
    invitation.save(update_fields=["status", "accepted_at", "accepted_by"])
    audit(family, user, "family.member.joined", JOINED, name=user.name,
          role=Role(membership.role))
    records.append(family, "family.member.joined", membership,
                   {"member": records.actor_id(membership), "role": membership.role,
                    "name": user.name})
    return membership


@transaction.atomic
def revoke_invitation(*, actor: Membership, invitation: Invitation) -> None:
    require(actor, Cap.MANAGE_MEMBERS)
    if invitation.family_id != actor.family_id or invitation.status != InvitationStatus.PENDING:
        raise ValidationError(_("Only a pending invitation can be withdrawn."))
    invitation.status = InvitationStatus.REVOKED
    invitation.save(update_fields=["status"])
    audit(actor.family, actor.user, "family.member.invitation_revoked",
          gettext_noop("%(name)s withdrew the invitation to %(email)s."),
          name=actor.user.name, email=invitation.email)


def _guard_other_parent(actor: Membership, member: Membership) -> None:
    if member.family_id != actor.family_id:
        raise PermissionDenied
    if has(member, Cap.HOLD_CUSTODY):
        # In a conflict, one parent must never be able to lock the other out.
        raise ValidationError(_("No parent can remove or change another parent."))


@transaction.atomic
def change_member(
    *,
    actor: Membership,
    member: Membership,
    role: str,
    children: Iterable[Child],
    access_ends: date | None,
) -> Membership:
    require(actor, Cap.MANAGE_MEMBERS)
    _guard_other_parent(actor, member)
    if role_has(role, Cap.HOLD_CUSTODY):
        raise ValidationError(
            _("A parent joins by invitation as a parent, not by a role change."))
    if role_has(role, Cap.TIME_LIMITED_ACCESS) and access_ends is None:
        raise ValidationError(_("A professional needs the date their access ends."))
    old_role = Role(member.role)
    linked = [c for c in children if c.family_id == actor.family_id]
    expires = (_access_end(actor.family, access_ends)
               if role_has(role, Cap.TIME_LIMITED_ACCESS) else None)
    before = (member.role, member.expires_at, sorted(c.pk for c in member.linked_children.all()))
    if (role, expires, sorted(c.pk for c in linked)) == before:
        return member  # saved unchanged: nothing to audit or record
    member.role, member.expires_at = role, expires
    member.save(update_fields=["role", "expires_at"])
    member.linked_children.set(linked)
    new_role = Role(member.role)
    audit(actor.family, actor.user, "family.member.role_changed",
          gettext_noop("%(name)s changed %(member)s from %(old)s to %(new)s.")
          if new_role != old_role else
          gettext_noop("%(name)s changed %(member)s's access (%(new)s)."),
          name=actor.user.name, member=member.user.name, old=old_role, new=new_role)
    records.append(actor.family, "family.member.role_changed", actor,
                   {"member": records.actor_id(member), "role": role,
                    "children": sorted(c.pk for c in member.linked_children.all())})
    return member


@transaction.atomic
def remove_member(*, actor: Membership, member: Membership, now: datetime) -> None:
    require(actor, Cap.MANAGE_MEMBERS)
    _guard_other_parent(actor, member)
    if member.pk == actor.pk:
        raise ValidationError(_("To leave the family yourself, use “Leave this family”."))
    member.status = MembershipStatus.REMOVED
    member.ended_at = now
    member.save(update_fields=["status", "ended_at"])
    audit(actor.family, actor.user, "family.member.removed",
          gettext_noop("%(name)s removed %(member)s (%(role)s)."), name=actor.user.name,
          member=member.user.name, role=Role(member.role))
    records.append(actor.family, "family.member.removed", actor,
                   {"member": records.actor_id(member)})


@transaction.atomic
def leave_family(*, actor: Membership, now: datetime) -> None:
    require(actor, Cap.LEAVE_FAMILY)
    if has(actor, Cap.HOLD_CUSTODY):
        other_parents = parents_of(actor.family).exclude(pk=actor.pk)
        if not other_parents.exists():
            raise ValidationError(
                _("You are the only parent here. Invite the other parent before you leave, "
                  "so the children's record keeps a parent.")
            )
    actor.status = MembershipStatus.LEFT
    actor.ended_at = now
    actor.save(update_fields=["status", "ended_at"])
    audit(actor.family, actor.user, "family.member.left",
          gettext_noop("%(name)s (%(role)s) left the family."), name=actor.user.name,
          role=Role(actor.role))
    records.append(actor.family, "family.member.left", actor,
                   {"member": records.actor_id(actor)})


def expire_memberships(*, now: datetime) -> int:
    """End every membership whose access date has passed; returns how many."""
    lapsed = Membership.objects.filter(
        status=MembershipStatus.ACTIVE, expires_at__lte=now
    ).select_related("user")
    count = 0
    for membership in lapsed:
        end_expired_access(membership)
        count += 1
    return count
