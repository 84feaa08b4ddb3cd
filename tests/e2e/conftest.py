"""Browser tests: Debian's Chromium driven by Playwright, a live server, a real SMTP server."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.mailbox import Mailbox, smtp_mailbox, use_smtp

# Playwright's sync API runs an event loop in this thread; the test itself still talks
# to the database synchronously, which is safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
# Screenshots of the main pages, for a reviewer: var/screenshots/ (TWOHOMES_SCREENSHOTS).
SCREENSHOTS = Path(os.environ.get("TWOHOMES_SCREENSHOTS")
                   or Path(__file__).resolve().parents[2] / "var" / "screenshots")
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


@pytest.fixture(scope="session")
def smtp_server() -> Iterator[tuple[Mailbox, int]]:
    with smtp_mailbox() as server:
        yield server


@pytest.fixture
def mailbox(smtp_server: tuple[Mailbox, int], settings: Any) -> Mailbox:
    box, port = smtp_server
    use_smtp(settings, port)
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


def open_from_menu(page: Any, name: str) -> None:
    """Follow a link of the main menu, opening "More" first when the link is behind it."""
    nav = page.get_by_role("navigation", name="Main")
    link = nav.get_by_role("link", name=name)
    if not link.first.is_visible():
        nav.locator("summary", has_text="More").click()
    link.first.click()
    page.wait_for_load_state()


def screenshot_dir() -> Path:
    """The folder for screenshots; the run's summary says where it is."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if SCREENSHOTS.is_dir() and any(SCREENSHOTS.glob("*.png")):
        terminalreporter.write_line(f"Screenshots of the main pages: {SCREENSHOTS}")
