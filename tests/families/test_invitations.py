"""Invitations: signed, single-use, 7 days, bound to the invited address."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from tests.factories import UserFactory
from twohomes.families import services
from twohomes.families.models import AuditEvent, Invitation, Membership, MembershipStatus, Role


def _invite(world: Any, captured: Any, email: str = "newcomer@example.org",
            role: str = Role.RELATIVE, **extra: Any) -> tuple[Invitation, str]:
    with captured(execute=True):
        invitation = services.invite_member(
            actor=world.parent_a, email=email, role=role,
            children=extra.pop("children", [world.linked_child]), now=timezone.now(),
            base_url="http://testserver", **extra,
        )
    link = re.search(r"http://testserver(/invite/[^/\s]+/)", mail.outbox[-1].body)
    assert link, mail.outbox[-1].body
    return invitation, link.group(1)


def test_invitation_email_is_neutral_and_carries_a_working_link(
    world: Any, client: Any, django_capture_on_commit_callbacks: Any
) -> None:
    world.family.name = "O'Brien & Rossi family"
    world.family.save(update_fields=["name"])
    invitation, path = _invite(world, django_capture_on_commit_callbacks)
    message = mail.outbox[-1]
    assert message.subject == "TwoHomes"
    assert message.to == ["newcomer@example.org"]
    # A plain-text mail shows names as written, not HTML-escaped.
    assert "O'Brien & Rossi family" in message.body and "relative" in message.body
    assert "&#x27;" not in message.body and "&amp;" not in message.body
    page = client.get(path)
    assert page.status_code == 200
    assert b"newcomer@example.org" in page.content


def test_new_account_accepts_and_is_linked_to_the_named_children(
    world: Any, client: Any, django_capture_on_commit_callbacks: Any
) -> None:
    _, path = _invite(world, django_capture_on_commit_callbacks)
    newcomer = UserFactory(email="newcomer@example.org")
    client.force_login(newcomer)
    response = client.post(path)
    assert response.status_code == 302
    membership = Membership.objects.get(user=newcomer, family=world.family)
    assert membership.role == Role.RELATIVE
    assert list(membership.linked_children.all()) == [world.linked_child]
    assert AuditEvent.objects.filter(family=world.family, action="family.member.joined").exists()
    home = client.get(reverse("family_home", args=[world.family.pk]))
    assert b"Ada" in home.content and b"Ben" not in home.content


def test_existing_member_of_another_family_can_join(
    world: Any, client: Any, django_capture_on_commit_callbacks: Any
) -> None:
    _, path = _invite(world, django_capture_on_commit_callbacks, email="oscar@example.org",
                      role=Role.PARTNER)
    client.force_login(world.outsider.user)
    client.post(path)
    families = set(Membership.objects.filter(user=world.outsider.user)
                   .values_list("family__name", flat=True))
    assert families == {"Test family", "Other family"}


def test_a_used_link_cannot_be_used_again(
    world: Any, client: Any, django_capture_on_commit_callbacks: Any
) -> None:
    _, path = _invite(world, django_capture_on_commit_callbacks)
    client.force_login(UserFactory(email="newcomer@example.org"))
    client.post(path)
    again = client.get(path)
    assert again.status_code == 410
    assert b"already been used" in again.content


@pytest.mark.parametrize("problem", ["revoked", "expired", "tampered", "other_email"])
def test_unusable_links_explain_and_change_nothing(
    problem: str, world: Any, client: Any, django_capture_on_commit_callbacks: Any
) -> None:
    invitation, path = _invite(world, django_capture_on_commit_callbacks)
    who = "newcomer@example.org"
    if problem == "revoked":
        services.revoke_invitation(actor=world.parent_a, invitation=invitation)
        expected = b"withdrawn"
    elif problem == "expired":
        Invitation.objects.filter(pk=invitation.pk).update(
            expires_at=timezone.now() - timedelta(seconds=1))
        expected = b"expired"
    elif problem == "tampered":
        path = path[:-3] + ("A" if path[-3] != "A" else "B") + path[-2:]
        expected = b"not valid"
    else:
        who = "somebody-else@example.org"
        expected = b"another email address"
    members_before = Membership.objects.count()
    client.force_login(UserFactory(email=who))
    response = client.post(path)
    assert response.status_code in (409, 410)
    assert expected in response.content
    assert Membership.objects.count() == members_before
    invitation.refresh_from_db()
    assert invitation.accepted_by is None


def test_anonymous_visitor_is_sent_back_to_the_invitation_after_signing_in(
    world: Any, client: Any, django_capture_on_commit_callbacks: Any
) -> None:
    _, path = _invite(world, django_capture_on_commit_callbacks)
    assert b"Create an account" in client.get(path).content
    client.force_login(UserFactory(email="newcomer@example.org"))
    response = client.get(reverse("home"))
    assert response.status_code == 302 and response["Location"] == path


def test_professional_invitation_needs_an_end_date_and_access_stops_by_itself(
    world: Any, client: Any, django_capture_on_commit_callbacks: Any
) -> None:
    form = {"email": "mediator@example.org", "role": Role.PROFESSIONAL}
    client.force_login(world.parent_a.user)
    response = client.post(reverse("invite", args=[world.family.pk]), form)
    assert b"needs an end date" in response.content
    assert not Invitation.objects.filter(email="mediator@example.org").exists()

    end = timezone.localdate() + timedelta(days=3)
    _, path = _invite(world, django_capture_on_commit_callbacks, email="mediator@example.org",
                      role=Role.PROFESSIONAL, access_ends=end, children=[])
    mediator = UserFactory(email="mediator@example.org")
    client.force_login(mediator)
    client.post(path)
    membership = Membership.objects.get(user=mediator)
    assert membership.expires_at is not None
    assert membership.expires_at.astimezone(timezone.get_current_timezone()).date() >= end
    Membership.objects.filter(pk=membership.pk).update(expires_at=timezone.now())
    assert client.get(reverse("family_home", args=[world.family.pk])).status_code == 404
    membership.refresh_from_db()
    assert membership.status == MembershipStatus.EXPIRED
    assert AuditEvent.objects.filter(action="family.member.access_expired").count() == 1


def test_invite_form_rejects_bad_input_and_sends_nothing(world: Any, client: Any) -> None:
    client.force_login(world.parent_a.user)
    url = reverse("invite", args=[world.family.pk])
    cases = [
        ({"email": "not-an-email", "role": Role.PARENT}, b"valid email"),
        ({"email": "x@example.org", "role": Role.RELATIVE}, b"at least one child"),
        ({"email": "bruno@example.org", "role": Role.PARENT}, b"already a member"),
        ({"email": "a" * 64 + "@" + ".".join(["b" * 50] * 4) + ".org", "role": Role.PROFESSIONAL,
          "access_ends": (date.today() + timedelta(days=9)).isoformat()},
         b"at most 254 characters"),
        ({"email": "y@example.org", "role": Role.PROFESSIONAL,
          "access_ends": date(2000, 1, 1).isoformat()}, b"must be in the future"),
        # The midnight after 31 December 9999 is no date: accepting it would fail.
        ({"email": "z@example.org", "role": Role.PROFESSIONAL,
          "access_ends": date(9999, 12, 31).isoformat()}, b"before 2200"),
    ]
    cases.append(({"email": "w@example.org", "role": Role.PROFESSIONAL,
                   "access_ends": "99999-01-01"}, b"Enter a valid date"))
    for form, message in cases:
        response = client.post(url, form)
        assert response.status_code == 200
        assert message in response.content, message
        assert response.content.count(b"<strong>Problem:</strong>") == 1, form
    assert Invitation.objects.count() == 0
    assert mail.outbox == []


def test_a_family_has_two_parents_at_most(
    world: Any, client: Any, django_capture_on_commit_callbacks: Any
) -> None:
    """The plan and every agreement are between two parents: a third is invited as partner."""
    with pytest.raises(ValidationError, match="two parents at most"):
        services.invite_member(actor=world.parent_a, email="third@example.org",
                               role=Role.PARENT, now=timezone.now(),
                               base_url="http://testserver")
    # With one parent gone, one parent may be invited, and only one invitation waits.
    Membership.objects.filter(pk=world.parent_b.pk).update(status=MembershipStatus.LEFT)
    invitation, link = _invite(world, django_capture_on_commit_callbacks,
                               email="second@example.org", role=Role.PARENT)
    with pytest.raises(ValidationError, match="two parents at most"):
        services.invite_member(actor=world.parent_a, email="third@example.org",
                               role=Role.PARENT, now=timezone.now(),
                               base_url="http://testserver")
    # Should another parent join meanwhile, the waiting invitation no longer admits one.
    Membership.objects.filter(pk=world.parent_b.pk).update(status=MembershipStatus.ACTIVE)
    second = UserFactory(email="second@example.org")
    with pytest.raises(services.InvitationProblem, match="already has two parents"):
        services.accept_invitation(user=second, token=link.split("/")[2], now=timezone.now())
    assert not Membership.objects.filter(user=second).exists()


def test_one_invitation_waits_per_address(
    world: Any, django_capture_on_commit_callbacks: Any
) -> None:
    _invite(world, django_capture_on_commit_callbacks)
    with pytest.raises(ValidationError, match="already waiting"):
        _invite(world, django_capture_on_commit_callbacks, email="NewComer@example.org")
    assert Invitation.objects.count() == 1
