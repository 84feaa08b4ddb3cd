"""A real SMTP server for tests that check email: what arrives is parsed from the wire."""

from __future__ import annotations

import email
import email.policy
import re
import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Mailbox:
    """Messages received by the SMTP server, parsed from the bytes that crossed the wire."""

    received: list[email.message.EmailMessage] = field(default_factory=list)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        self.received.append(message)  # type: ignore[arg-type]
        return "250 Message accepted"

    def wait_for(self, to: str, timeout: float = 10.0) -> tuple[str, str]:
        """(subject, plain-text body) of the newest message to ``to``, waiting for it."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for message in reversed(self.received):
                if to in str(message["To"]):
                    self.received.remove(message)
                    body = message.get_body(preferencelist=("plain",))
                    return str(message["Subject"]), body.get_content() if body else ""
            time.sleep(0.05)
        raise AssertionError(f"No email to {to} arrived; got {[m['To'] for m in self.received]}")

    def link(self, to: str, pattern: str = r"https?://\S+") -> str:
        subject, body = self.wait_for(to)
        assert subject == "TwoHomes"
        match = re.search(pattern, body)
        assert match, body
        return match.group(0)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def smtp_mailbox() -> Iterator[tuple[Mailbox, int]]:
    """An SMTP server on a free local port for as long as the block runs."""
    from aiosmtpd.controller import Controller

    mailbox = Mailbox()
    port = free_port()
    controller = Controller(mailbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield mailbox, port
    finally:
        controller.stop()


def use_smtp(settings: Any, port: int) -> None:
    """Point Django's mail at the test SMTP server."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_USE_TLS = False
