"""Someone removed from a family and invited again starts afresh: what they were part of
before stays closed until a parent adds them again."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from twohomes.calendar.models import CalendarFeed, hash_token
from twohomes.events import services as events
from twohomes.events.models import Reply
from twohomes.events.selectors import visible_events
from twohomes.families import services
from twohomes.families.models import Membership, MembershipStatus, Role
from twohomes.messaging import services as messaging
from twohomes.messaging.selectors import can_write, participants, visible_threads


@pytest.fixture
def history(world: Any) -> dict[str, Any]:
    now = timezone.now()
    thread = messaging.start_thread(actor=world.parent_a, subject="Summer", body="Plans?",
                                    now=now, members=[world.relative])
    start = now + timedelta(days=5)
    party = events.create_event(actor=world.parent_a, now=now, details=events.EventDetails(
        title="Ben's party", starts=start, ends=start + timedelta(hours=2),
        children=[world.unlinked_child]))
    events.invite_to_event(actor=world.parent_a, event=party, invitee=world.relative, now=now)
    events.reply_to_event(actor=world.relative, event=party, reply=Reply.YES, now=now)
    return {"thread": thread, "party": party}


def _rejoin(world: Any, captured: Any) -> Membership:
    services.remove_member(actor=world.parent_a, member=world.relative, now=timezone.now())
    with captured(execute=True):
        services.invite_member(actor=world.parent_a, email=world.relative.user.email,
                               role=Role.RELATIVE, children=[world.linked_child],
                               now=timezone.now(), base_url="http://testserver")
    token = re.search(r"/invite/([^/\s]+)/", mail.outbox[-1].body).group(1)  # type: ignore
    return services.accept_invitation(user=world.relative.user, token=token,
                                      now=timezone.now())


def test_a_member_invited_again_starts_afresh(
    world: Any, history: dict[str, Any], client: Any, django_capture_on_commit_callbacks: Any
) -> None:
    thread, party = history["thread"], history["party"]
    assert thread in visible_threads(world.relative) and party in visible_events(world.relative)
    token = CalendarFeed.new_token()
    CalendarFeed.objects.create(membership=world.relative, token_hash=hash_token(token))
    rita = _rejoin(world, django_capture_on_commit_callbacks)
    # Her old feed address stays dead; the parents no longer see her old reply listed.
    assert client.get(reverse("calendar_feed", args=[token])).status_code == 404
    client.force_login(world.parent_a.user)
    page = client.get(reverse("event_detail", args=[world.family.pk, party.pk])).content
    assert b"Rita" not in page.split(b'id="invitations"')[1].split(b"</ul>")[0]
    assert rita.pk == world.relative.pk and rita.status == MembershipStatus.ACTIVE
    assert rita.rejoined_at is not None
    assert thread not in visible_threads(rita) and not can_write(rita, thread)
    assert rita not in participants(thread)
    assert party not in visible_events(rita)
    client.force_login(rita.user)
    assert client.get(reverse("thread_detail", args=[world.family.pk, thread.pk])
                      ).status_code == 404
    assert client.get(reverse("event_detail", args=[world.family.pk, party.pk])
                      ).status_code == 404

    # A parent adds her again: from now on she is in, with a fresh invitation.
    messaging.add_to_thread(actor=world.parent_a, thread=thread, member=rita,
                            now=timezone.now())
    invitation = events.invite_to_event(actor=world.parent_a, event=party, invitee=rita,
                                        now=timezone.now())
    assert invitation.reply == Reply.PENDING
    assert thread in visible_threads(rita) and can_write(rita, thread)
    assert party in visible_events(rita)
    page = client.get(reverse("event_detail", args=[world.family.pk, party.pk])).content
    assert b"Will you come?" in page


def test_first_time_members_are_untouched(world: Any, history: dict[str, Any]) -> None:
    assert world.relative.rejoined_at is None
    assert can_write(world.relative, history["thread"])
    assert world.relative in participants(history["thread"])


def test_a_child_invited_again_does_not_see_their_old_conversations(
    world: Any, client: Any, django_capture_on_commit_callbacks: Any
) -> None:
    kid = world.child
    old = messaging.start_thread(actor=kid, subject="Homework", body="Help?",
                                 now=timezone.now())
    assert old in visible_threads(kid)
    services.remove_member(actor=world.parent_a, member=kid, now=timezone.now())
    with django_capture_on_commit_callbacks(execute=True):
        services.invite_member(actor=world.parent_a, email=kid.user.email, role=Role.CHILD,
                               children=[world.linked_child], now=timezone.now(),
                               base_url="http://testserver")
    token = re.search(r"/invite/([^/\s]+)/", mail.outbox[-1].body).group(1)  # type: ignore
    kid = services.accept_invitation(user=kid.user, token=token, now=timezone.now())
    assert old not in visible_threads(kid) and not can_write(kid, old)
    new = messaging.start_thread(actor=kid, subject="Football", body="Lift on Saturday?",
                                 now=timezone.now())
    assert list(visible_threads(kid)) == [new]
