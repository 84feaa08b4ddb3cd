"""Browser tests: Debian's Chromium driven by Playwright, a live server, a real SMTP server."""

from __future__ import annotations

import email
import email.policy
import os
import re
import socket
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest

# Playwright's sync API runs an event loop in this thread; the test itself still talks
# to the database synchronously, which is safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
PHONE = {"width": 375, "height": 740}
DESKTOP = {"width": 1280, "height": 800}


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items: list[Any]) -> None:
    """Mark the browser tests and run them last.

    Their SMTP server and browser threads outlive them; the record verifier's two-process
    path forks only from a single-threaded process, so its tests must run before these.
    """
    browser = [item for item in items if "/e2e/" in str(item.fspath)]
    for item in browser:
        item.add_marker(pytest.mark.e2e)
    items[:] = [item for item in items if "/e2e/" not in str(item.fspath)] + browser


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


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="session")
def smtp_server() -> Iterator[tuple[Mailbox, int]]:
    from aiosmtpd.controller import Controller

    mailbox = Mailbox()
    port = _free_port()
    controller = Controller(mailbox, hostname="127.0.0.1", port=port)
    controller.start()
    yield mailbox, port
    controller.stop()


@pytest.fixture
def mailbox(smtp_server: tuple[Mailbox, int], settings: Any) -> Mailbox:
    box, port = smtp_server
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_USE_TLS = False
    box.received.clear()
    return box


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    if not os.path.exists(CHROMIUM):
        pytest.fail("Debian's chromium is missing: `make test` installs it with apt-get.")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"],
        )
        yield chromium
        chromium.close()


@pytest.fixture
def open_page(browser: Any, live_server: Any, settings: Any) -> Iterator[Any]:
    """open_page(viewport) -> a page in a fresh browser (its own cookies), on the live server."""
    settings.TWOHOMES_QUICK_EXIT_URL = "https://neutral.example/weather"
    contexts: list[Any] = []

    def new_page(viewport: dict[str, int] = PHONE) -> Any:
        context = browser.new_context(viewport=viewport, base_url=live_server.url)
        context.route("https://neutral.example/**",
                      lambda route: route.fulfill(body="<h1>Weather</h1>",
                                                  content_type="text/html"))
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context.new_page()

    yield new_page
    for context in contexts:
        context.close()


def assert_fits(page: Any) -> None:
    """Nothing on the page is wider than the screen (no sideways scrolling on a phone)."""
    page.wait_for_load_state("load")
    width = page.evaluate("document.documentElement.scrollWidth")
    viewport = page.viewport_size["width"]
    assert width <= viewport, f"{page.url} is {width}px wide on a {viewport}px screen"


def sign_in(page: Any, email_address: str, password: str) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(email_address)
    page.get_by_label(re.compile(r"^Password:?$")).fill(password)
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_load_state()
