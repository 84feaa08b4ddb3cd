"""Two parents message each other; the record export verifies offline."""

from __future__ import annotations

import re
import subprocess
import sys
from typing import Any

from playwright.sync_api import expect

from tests.e2e.conftest import DESKTOP, assert_fits, sign_in
from tests.factories import TEST_PASSWORD


def test_parent_sends_a_file_sees_it_read_and_exports_a_verified_thread(
    open_page: Any, world: Any, tmp_path: Any, settings: Any
) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
    alice = open_page()  # phone
    sign_in(alice, world.parent_a.user.email, TEST_PASSWORD)
    alice.get_by_role("link", name="Messages").click()
    alice.get_by_role("link", name="New conversation").click()
    assert_fits(alice)
    alice.get_by_label("Subject").fill("Ada's school trip")
    alice.get_by_label("Message").fill("The consent form is attached. Can you sign it by Friday?")
    form = tmp_path / "consent.pdf"
    form.write_bytes(b"%PDF-1.4\n% consent form for the school trip\n")
    alice.get_by_label(re.compile("Attach photos or PDFs")).set_input_files(str(form))
    alice.get_by_role("button", name="Send").click()
    expect(alice.get_by_role("heading", name="Ada's school trip")).to_be_visible()
    expect(alice.get_by_text("Not read yet")).to_be_visible()
    assert_fits(alice)

    bruno = open_page(DESKTOP)
    sign_in(bruno, world.parent_b.user.email, TEST_PASSWORD)
    bruno.get_by_role("link", name="Messages").click()
    expect(bruno.get_by_role("main").get_by_text("1 unread")).to_be_visible()
    bruno.get_by_role("link", name="Ada's school trip").click()
    expect(bruno.get_by_text("Can you sign it by Friday?")).to_be_visible()
    with bruno.expect_download() as download:
        bruno.get_by_role("link", name="consent.pdf").click()
    assert download.value.path().read_bytes() == form.read_bytes()
    bruno.get_by_label("Message").fill("Signed, I'll put it in her bag.")
    bruno.get_by_role("button", name="Send").click()
    expect(bruno.locator("li.message.mine", has_text="Signed")).to_be_visible()
    expect(bruno.get_by_label("Message")).to_have_value("")  # HTMX reset the form

    alice.reload()
    read_by = re.compile(r"Read by Bruno on [A-Z][a-z]+ \d+, \d+:\d\d [AP]M")  # US English
    expect(alice.get_by_text(read_by)).to_be_visible()
    expect(alice.get_by_text("Signed, I'll put it in her bag.")).to_be_visible()

    alice.get_by_role("link", name="Messages").click()
    alice.get_by_role("link", name="Export the record").click()
    assert_fits(alice)
    alice.get_by_label("What to export").select_option(label="Ada's school trip")
    with alice.expect_download() as download:
        alice.get_by_role("button", name="Download the export").click()
    bundle = tmp_path / "thread.zip"
    download.value.save_as(bundle)
    result = subprocess.run([sys.executable, "-m", "twohomes", "verify", str(bundle)],
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "VALID" in result.stdout
