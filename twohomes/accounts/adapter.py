"""How django-allauth behaves for TwoHomes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.http import HttpRequest
from django.utils import translation

from twohomes.mail import NEUTRAL_SUBJECT, queue_message, reader_of, speaking_to


@dataclass(frozen=True)
class Site:
    """What an account email calls the site: TwoHomes, at the address it is served from."""

    name: str
    domain: str


def this_site() -> Site:
    return Site(name="TwoHomes", domain=urlsplit(settings.TWOHOMES_BASE_URL).netloc)


class AccountAdapter(DefaultAccountAdapter):
    def _get_login_attempts_cache_key(self, request: HttpRequest, **credentials: Any) -> str:
        # allauth keys failed sign-ins on the email alone, which lets anyone who knows a
        # parent's address lock that parent out. Keying on address + client IP keeps the
        # brute-force limit per attacker while the real parent can still sign in.
        # Why this private method: ACCOUNT_RATE_LIMITS can count per "ip", "user" or
        # "key", never per ip-and-key together, and allauth takes the key of
        # "login_failed" from this method alone (pre_authenticate, the password reset's
        # clearing of the count). Dropping the per-key limit instead would let one
        # address try one account as fast as any account. The behaviour is held by
        # tests/accounts/test_security.py (an attacker's address is blocked, the
        # parent's own is not); an allauth upgrade that renames this method fails it.
        login = credentials.get("email", credentials.get("username", "")).lower()
        return f"{self.get_client_ip(request)}:{login}"

    def save_user(
        self, request: HttpRequest, user: Any, form: Any, commit: bool = True
    ) -> Any:
        # The sign-up form has already cleaned the name (names.clean_name).
        user.display_name = form.cleaned_data.get("display_name", "")
        # The language their browser asked for is offered as their first choice, so that
        # emails sent while they are away are in it too (Account → Language changes it).
        asked = translation.get_language()
        if asked != settings.LANGUAGE_CODE and asked in {code for code, _ in settings.LANGUAGES}:
            user.language = asked
        return super().save_user(request, user, form, commit)

    def format_email_subject(self, subject: str) -> str:
        # A subject line shows on a locked phone: it never says more than "TwoHomes".
        return NEUTRAL_SUBJECT

    def send_mail(self, template_prefix: str, email: str, context: dict[str, Any]) -> None:
        # Through the task queue like every other email, so a slow mail server never
        # holds up a sign-in page. The site is named here: without the sites framework the
        # emails would read "Hello from !".
        context = {"email": email, **context, "current_site": this_site()}
        with speaking_to(reader_of(email)):
            message = self.render_mail(template_prefix, email, context)
        queue_message(message)
