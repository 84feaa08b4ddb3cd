"""Every email TwoHomes sends goes through here and the background worker.

Subjects are always just "TwoHomes": a subject shows on a locked phone's screen, and
for a parent in danger it must not say more than that.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.db import transaction
from django.template import engines
from django.utils import translation
from django_tasks import task

NEUTRAL_SUBJECT = "TwoHomes"


@task()
def deliver_email(
    to: list[str], subject: str, body: str, html: str | None = None, from_email: str | None = None
) -> None:
    message = EmailMultiAlternatives(
        subject=subject, body=body, from_email=from_email or settings.DEFAULT_FROM_EMAIL, to=to
    )
    if html:
        message.attach_alternative(html, "text/html")
    message.send()


def queue_message(message: EmailMessage) -> None:
    """Send an already rendered message from the worker once the transaction commits."""
    html = None
    for content, mimetype in getattr(message, "alternatives", []):
        if mimetype == "text/html":
            html = str(content)
    to, subject, body = list(message.to), str(message.subject), str(message.body)
    from_email = message.from_email
    transaction.on_commit(lambda: deliver_email.enqueue(
        to=to, subject=subject, body=body, html=html, from_email=from_email))


def render_plain(template: str, context: dict[str, Any]) -> str:
    """A plain-text email body: names such as O'Brien or "Tom & Jo" stay as written (HTML
    escaping is for pages, and would show as &#x27; in a mail program)."""
    plain = engines["django"].from_string(
        "{% autoescape off %}{% include template %}{% endautoescape %}")
    return plain.render({**context, "template": template})


def reader_language(user: Any) -> str:
    """The language a person reads their emails in: the one they chose (Account →
    Language; sign-up offers their browser's), else the site's default. An address with
    no account yet (an invitation) reads the language of the page that sent it, the
    sender's; never a member, whose email must not follow the other parent's choice."""
    if user is None:
        return translation.get_language() or settings.LANGUAGE_CODE
    chosen = getattr(user, "language", "")
    return chosen if chosen in {code for code, _ in settings.LANGUAGES} else settings.LANGUAGE_CODE


@contextmanager
def speaking_to(user: Any) -> Iterator[None]:
    """Everything made inside (an email's body, the reminder lines in it) is in the
    reader's language, whatever the sender's."""
    with translation.override(reader_language(user)):
        yield


def reader_of(address: str) -> Any:
    """The account an email address belongs to, if any (an invitation may go to a new one)."""
    return get_user_model().objects.filter(email__iexact=address).first()


def send_neutral_email(*, to: Any, template: str, context: dict[str, Any]) -> None:
    """Send ``template`` to ``to`` in the language its reader chose: ``to`` is the member's
    user, or an address (an invitation may go to someone without an account yet)."""
    reader = reader_of(to) if isinstance(to, str) else to
    with speaking_to(reader):
        body = render_plain(template, context)
    address = to if isinstance(to, str) else to.email
    queue_message(EmailMessage(subject=NEUTRAL_SUBJECT, body=body, to=[address]))
