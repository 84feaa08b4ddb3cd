"""Sign-in security: rate limits, two-factor replay, new-device emails, sessions, deploy check."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from typing import Any

from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
    yield_hotp_counters_from_time,
)
from django.conf import settings
from django.core import mail
from django.test import Client
from django.urls import reverse

from tests.factories import TEST_PASSWORD

LOGIN = "/accounts/login/"


def _login(client: Client, email: str, password: str, ip: str, **headers: str) -> Any:
    return client.post(LOGIN, {"login": email, "password": password}, REMOTE_ADDR=ip, **headers)


def test_failed_logins_lock_out_the_attacker_not_the_parent(world: Any) -> None:
    email = world.parent_a.user.email
    attacker = Client()
    for _ in range(5):
        assert _login(attacker, email, "wrong-guess", "203.0.113.9").status_code == 200
    blocked = _login(attacker, email, TEST_PASSWORD, "203.0.113.9")
    assert blocked.status_code == 200
    assert b"Too many failed login attempts" in blocked.content
    # A spoofed X-Forwarded-For does not give the attacker a fresh address.
    spoofed = _login(attacker, email, TEST_PASSWORD, "203.0.113.9",
                     HTTP_X_FORWARDED_FOR="198.51.100.77")
    assert b"Too many failed login attempts" in spoofed.content
    # The parent, from their own address, still gets in.
    parent = _login(Client(), email, TEST_PASSWORD, "192.0.2.10")
    assert parent.status_code == 302


def test_totp_code_cannot_be_replayed(world: Any) -> None:
    user = world.parent_a.user
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    counters = list(yield_hotp_counters_from_time())
    counter = counters[len(counters) // 2]  # the current time step
    code = format_hotp_value(hotp_value(secret, counter))

    first = Client()
    step = _login(first, user.email, TEST_PASSWORD, "192.0.2.10")
    assert step.status_code == 302 and "2fa" in step["Location"]
    done = first.post(step["Location"], {"code": code})
    assert done.status_code == 302 and "2fa" not in done["Location"]

    # A second server process shares the database cache, so the same code is spent.
    second = Client()
    step = _login(second, user.email, TEST_PASSWORD, "192.0.2.11")
    replay = second.post(step["Location"], {"code": code})
    assert replay.status_code == 200
    assert b"Incorrect code" in replay.content
    assert "db.DatabaseCache" in settings.CACHES["default"]["BACKEND"] or os.environ.get(
        "REDIS_URL")


def test_sign_in_from_a_new_browser_is_emailed(
    world: Any, django_capture_on_commit_callbacks: Any
) -> None:
    email = world.parent_a.user.email
    with django_capture_on_commit_callbacks(execute=True):
        _login(Client(), email, TEST_PASSWORD, "192.0.2.1", HTTP_USER_AGENT="Phone/1.0")
    assert mail.outbox == []  # the first browser is simply remembered
    with django_capture_on_commit_callbacks(execute=True):
        _login(Client(), email, TEST_PASSWORD, "192.0.2.2", HTTP_USER_AGENT="Laptop/2.0")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.subject == "TwoHomes" and message.to == [email]
    assert "Laptop/2.0" in message.body and "/accounts/sessions/" in message.body
    with django_capture_on_commit_callbacks(execute=True):
        _login(Client(), email, TEST_PASSWORD, "192.0.2.3", HTTP_USER_AGENT="Laptop/2.0")
    assert len(mail.outbox) == 1


def test_members_see_and_end_their_other_sessions(world: Any) -> None:
    email = world.parent_a.user.email
    laptop, phone = Client(), Client()
    _login(laptop, email, TEST_PASSWORD, "192.0.2.1", HTTP_USER_AGENT="Laptop/2.0")
    _login(phone, email, TEST_PASSWORD, "192.0.2.2", HTTP_USER_AGENT="Phone/1.0")
    page = phone.get(reverse("usersessions_list"))
    assert b"Laptop/2.0" in page.content
    phone.post(reverse("usersessions_list"))  # "sign out other sessions"
    response = laptop.get(reverse("family_home", args=[world.family.pk]))
    assert response.status_code == 302 and LOGIN in response["Location"]
    assert phone.get(reverse("family_home", args=[world.family.pk])).status_code == 200


def test_session_cookie_is_httponly_and_lax(world: Any) -> None:
    client = Client()
    _login(client, world.parent_a.user.email, TEST_PASSWORD, "192.0.2.1")
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"


def test_signup_requires_email_verification(
    db: Any, django_capture_on_commit_callbacks: Any
) -> None:
    client = Client()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("account_signup"), {
            "display_name": "Noor Parent",
            "email": "new.parent@example.org", "password1": "a-long-passphrase-77",
            "password2": "a-long-passphrase-77"})
    assert response.status_code == 302
    assert "confirm-email" in response["Location"]
    assert client.get(reverse("create_family")).status_code == 302
    assert any("new.parent@example.org" in m.to for m in mail.outbox)
    assert all(m.subject == "TwoHomes" for m in mail.outbox)


def _production_env(**extra: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items()
           if key not in {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "HTTPS",
                          "DJANGO_ALLOW_ASYNC_UNSAFE"}}
    env.update(SECRET_KEY=secrets.token_urlsafe(60), ALLOWED_HOSTS="twohomes.example.org",
               DJANGO_SETTINGS_MODULE="twohomes.settings", **extra)
    return env


def _twohomes(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "twohomes", *args], env=env,
                          capture_output=True, text=True, timeout=120, check=False)


def test_check_deploy_reports_no_warnings_with_production_settings(tmp_path: Any) -> None:
    result = _twohomes("check", "--deploy", "--fail-level", "WARNING",
                       env=_production_env(TWOHOMES_VAR_DIR=str(tmp_path)))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret(tmp_path: Any) -> None:
    env = _production_env(TWOHOMES_VAR_DIR=str(tmp_path))
    del env["SECRET_KEY"]
    result = _twohomes("check", env=env)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "twohomes: configuration error: SECRET_KEY is not set (set DEBUG=1 for development)."]


def test_password_reset_by_email_link(
    world: Any, django_capture_on_commit_callbacks: Any
) -> None:
    import re

    client = Client()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("account_reset_password"), {"email": world.parent_a.user.email})
    assert len(mail.outbox) == 1 and mail.outbox[0].subject == "TwoHomes"
    link = re.search(r"http://testserver(/accounts/password/reset/key/\S+/)", mail.outbox[0].body)
    assert link
    form = client.get(link.group(1), follow=True)
    new = "a-brand-new-passphrase-31"
    client.post(form.redirect_chain[-1][0] if form.redirect_chain else link.group(1),
                {"password1": new, "password2": new})
    assert _login(Client(), world.parent_a.user.email, new, "192.0.2.5").status_code == 302
    assert _login(Client(), world.parent_a.user.email, TEST_PASSWORD,
                  "192.0.2.6").status_code == 200


def test_change_of_email_needs_verification_of_the_new_address(
    world: Any, django_capture_on_commit_callbacks: Any
) -> None:
    from allauth.account.models import EmailAddress

    client = Client()
    client.force_login(world.parent_a.user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("account_email"), {"action_add": "", "email": "alice.new@example.org"})
    assert any(m.to == ["alice.new@example.org"] for m in mail.outbox)
    pending = EmailAddress.objects.get(email="alice.new@example.org")
    assert not pending.verified
    world.parent_a.user.refresh_from_db()
    assert world.parent_a.user.email == "alice@example.org"  # unchanged until verified


def test_a_failed_sign_in_is_announced_and_fields_keep_their_labels(world: Any) -> None:
    page = _login(Client(), world.parent_a.user.email, "wrong-guess", "192.0.2.20")
    html = page.content.decode()
    assert page.status_code == 200
    alert = html.split('role="alert"', 1)[1].split("</div>", 1)[0]
    assert "Problem:" in alert and "not correct" in alert
    assert '<label for="id_login">' in html and '<label for="id_password">' in html


def test_the_two_factor_qr_code_does_not_read_out_the_secret(world: Any) -> None:
    client = Client()
    assert _login(client, world.parent_a.user.email, TEST_PASSWORD, "192.0.2.21").status_code == 302
    confirmed = client.post(reverse("account_reauthenticate"), {"password": TEST_PASSWORD})
    assert confirmed.status_code == 302
    page = client.get(reverse("mfa_activate_totp"))
    assert page.status_code == 200
    html = page.content.decode()
    secret = page.context["form"].secret
    assert 'alt="QR code of the authenticator secret written below"' in html
    assert f'alt="{secret}"' not in html
    assert f'value="{secret}"' in html  # still written out, for typing in by hand
