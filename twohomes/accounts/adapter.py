"""How django-allauth behaves for TwoHomes."""

from __future__ import annotations

from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from django.http import HttpRequest

from twohomes.mail import NEUTRAL_SUBJECT, queue_message


class AccountAdapter(DefaultAccountAdapter):
    def _get_login_attempts_cache_key(self, request: HttpRequest, **credentials: Any) -> str:
        # allauth keys failed sign-ins on the email alone, which lets anyone who knows a
        # parent's address lock that parent out. Keying on address + client IP keeps the
        # brute-force limit per attacker while the real parent can still sign in.
        login = credentials.get("email", credentials.get("username", "")).lower()
        return f"{self.get_client_ip(request)}:{login}"

    def format_email_subject(self, subject: str) -> str:
        # A subject line shows on a locked phone: it never says more than "TwoHomes".
        return NEUTRAL_SUBJECT

    def send_mail(self, template_prefix: str, email: str, context: dict[str, Any]) -> None:
        # Through the task queue like every other email, so a slow mail server never
        # holds up a sign-in page.
        queue_message(self.render_mail(template_prefix, email, context))
