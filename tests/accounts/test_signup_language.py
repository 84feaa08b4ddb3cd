"""Signing up from a browser that asks for Spanish makes Spanish the person's first choice,
so that the emails sent while they are away are in it too; English stays "the browser's"."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from django.urls import reverse

from tests.factories import TEST_PASSWORD


def _sign_up(language: str, email: str, capture: Any) -> Any:
    client = Client(headers={"accept-language": language})
    with capture(execute=True):
        response = client.post(reverse("account_signup"), {
            "email": email, "display_name": "Nadia Haddad",
            "password1": TEST_PASSWORD, "password2": TEST_PASSWORD})
    assert response.status_code == 302
    return get_user_model().objects.get(email=email)


def test_a_spanish_browser_makes_spanish_the_first_choice(
    db: Any, django_capture_on_commit_callbacks: Any
) -> None:
    user = _sign_up("es-MX,es;q=0.9", "nadia@example.org", django_capture_on_commit_callbacks)
    assert user.language == "es"
    (verification,) = mail.outbox
    assert "Hola" in verification.body and "Hello" not in verification.body


def test_an_english_browser_keeps_following_the_browser(
    db: Any, django_capture_on_commit_callbacks: Any
) -> None:
    user = _sign_up("en-US,en;q=0.9", "omar@example.org", django_capture_on_commit_callbacks)
    assert user.language == ""
    (verification,) = mail.outbox
    assert "Hello" in verification.body
