"""The sessions list's "last seen" is noted at most once a minute, and at once for a new
address or browser."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from allauth.usersessions.models import UserSession
from django.urls import reverse
from django.utils import timezone


def _seen(client: Any) -> UserSession:
    return UserSession.objects.get(session_key=client.session.session_key)


def test_a_session_is_noted_once_a_minute(world: Any, client: Any) -> None:
    client.force_login(world.parent_a.user)
    home = reverse("family_home", args=[world.family.pk])
    client.get(home, REMOTE_ADDR="192.0.2.10")
    first = _seen(client).last_seen_at
    an_hour_ago = timezone.now() - timedelta(hours=1)
    UserSession.objects.filter(pk=_seen(client).pk).update(last_seen_at=an_hour_ago)
    for _ in range(3):  # within the minute: nothing written
        client.get(home, REMOTE_ADDR="192.0.2.10")
    assert _seen(client).last_seen_at == an_hour_ago
    session = client.session  # a minute later, as the session remembers it
    session["twohomes_activity"][0] -= 61
    session.save()
    client.get(home, REMOTE_ADDR="192.0.2.10")
    assert _seen(client).last_seen_at >= first


def test_a_new_address_is_noted_at_once(world: Any, client: Any) -> None:
    client.force_login(world.parent_a.user)
    home = reverse("family_home", args=[world.family.pk])
    client.get(home, REMOTE_ADDR="192.0.2.10")
    assert _seen(client).ip == "192.0.2.10"
    client.get(home, REMOTE_ADDR="198.51.100.7")
    assert _seen(client).ip == "198.51.100.7"
    client.get(home, REMOTE_ADDR="198.51.100.7", HTTP_USER_AGENT="Another browser")
    assert _seen(client).user_agent == "Another browser"
