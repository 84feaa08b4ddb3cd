from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse

from twohomes.mail import send_neutral_email

from .models import KnownDevice, User


def notify_new_device(*, user: User, device: KnownDevice, request: HttpRequest) -> None:
    sessions_url = request.build_absolute_uri(reverse("usersessions_list"))
    send_neutral_email(
        to=user.email,
        template="accounts/email/new_device.txt",
        context={"user": user, "device": device, "sessions_url": sessions_url},
    )
