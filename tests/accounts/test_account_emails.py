"""Every account email names TwoHomes and the site's own address (none reads "Hello from !")."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.test import Client

from tests.factories import TEST_PASSWORD
from tests.mailbox import Mailbox, smtp_mailbox, use_smtp

SITE = "https://twohomes.example.org"


@pytest.fixture
def smtp(settings: Any) -> Iterator[Mailbox]:
    with smtp_mailbox() as (mailbox, port):
        use_smtp(settings, port)
        settings.TWOHOMES_BASE_URL = SITE
        yield mailbox


def _assert_names_the_site(subject: str, body: str) -> None:
    body = body.replace("\r\n", "\n")
    assert subject == "TwoHomes"
    assert body.startswith("Hello from TwoHomes!"), body
    assert "Thank you for using TwoHomes!\ntwohomes.example.org" in body, body
    for empty in ("from !", "on .", "using !", "  "):
        assert empty not in body, (empty, body)


@pytest.mark.django_db(transaction=True)
def test_the_sign_up_email_names_twohomes_and_its_address(smtp: Mailbox) -> None:
    response = Client().post("/accounts/signup/", {
        "display_name": "Nadia Haddad", "email": "nadia@example.org",
        "password1": TEST_PASSWORD, "password2": TEST_PASSWORD})
    assert response.status_code == 302
    subject, body = smtp.wait_for("nadia@example.org")
    _assert_names_the_site(subject, body)
    assert "register an account on twohomes.example.org" in body, body


@pytest.mark.django_db(transaction=True)
def test_the_password_reset_email_names_twohomes_and_its_address(
    world: Any, smtp: Mailbox
) -> None:
    address = world.parent_a.user.email
    response = Client().post("/accounts/password/reset/", {"email": address})
    assert response.status_code == 302
    subject, body = smtp.wait_for(address)
    _assert_names_the_site(subject, body)


@pytest.mark.django_db(transaction=True)
def test_an_unknown_address_gets_a_named_email_too(smtp: Mailbox) -> None:
    # Enumeration is prevented by mailing the address anyway: that mail names us as well.
    response = Client().post("/accounts/password/reset/", {"email": "nobody@example.org"})
    assert response.status_code == 302
    subject, body = smtp.wait_for("nobody@example.org")
    _assert_names_the_site(subject, body)


@pytest.mark.django_db(transaction=True)
def test_the_sign_up_email_says_the_name_given_not_the_address(smtp: Mailbox) -> None:
    # Another address than above: allauth sends one confirmation per address in 3 minutes.
    response = Client().post("/accounts/signup/", {
        "display_name": "Noor Haddad", "email": "noor.h@example.org",
        "password1": TEST_PASSWORD, "password2": TEST_PASSWORD})
    assert response.status_code == 302
    _, body = smtp.wait_for("noor.h@example.org")
    assert "because user Noor Haddad has given your email address" in body, body
    assert "noor.h " not in body


@pytest.mark.django_db(transaction=True)
def test_a_sign_in_from_a_new_browser_greets_the_member_by_name(
    world: Any, smtp: Mailbox
) -> None:
    user = world.parent_b.user
    user.display_name = "Bruno Okafor"
    user.save()
    for browser in ("Firefox on a laptop", "Safari on a phone"):
        response = Client().post("/accounts/login/", {
            "login": user.email, "password": TEST_PASSWORD}, HTTP_USER_AGENT=browser)
        assert response.status_code == 302
    _, body = smtp.wait_for(user.email)
    assert body.startswith("Hello Bruno Okafor,"), body
    assert "Safari on a phone" in body
