"""Email a member when their account is signed in from a browser not seen before."""

from __future__ import annotations

import hashlib
from typing import Any

from allauth.account.signals import user_logged_in
from django.dispatch import receiver
from django.http import HttpRequest

from .models import KnownDevice, User
from .services import notify_new_device


def device_fingerprint(request: HttpRequest) -> tuple[str, str]:
    agent = request.META.get("HTTP_USER_AGENT", "unknown browser")[:200]
    return hashlib.sha256(agent.encode()).hexdigest(), agent


@receiver(user_logged_in)
def remember_device(sender: Any, request: HttpRequest, user: User, **kwargs: Any) -> None:
    fingerprint, description = device_fingerprint(request)
    first_device = not user.known_devices.exists()
    device, created = KnownDevice.objects.get_or_create(
        user=user, fingerprint=fingerprint, defaults={"description": description}
    )
    if not created:
        device.save(update_fields=["last_seen"])
    elif not first_device:
        notify_new_device(user=user, device=device, request=request)
