"""A parent downloads the record export twice in a row on a phone, in Debian's Chromium."""

from __future__ import annotations

import json
import zipfile
from typing import Any

from django.utils import timezone
from playwright.sync_api import expect

from tests.e2e.conftest import DESKTOP, assert_fits, screenshot_dir, sign_in
from tests.factories import TEST_PASSWORD
from twohomes import records
from twohomes.core.ledger import verify_bundle
from twohomes.messaging import services as messaging
from twohomes.records.services import actor_id


def test_a_parent_downloads_the_record_twice(open_page: Any, world: Any, tmp_path: Any) -> None:
    for member in (world.parent_a, world.parent_b):
        records.append(world.family, "family.member.joined", member,
                       {"member": actor_id(member), "role": member.role,
                        "name": member.user.name})
    messaging.start_thread(actor=world.parent_a, subject="Ada's school trip",
                           body="The trip is on Friday.", now=timezone.now())
    alice = open_page()
    sign_in(alice, world.parent_a.user.email, TEST_PASSWORD)
    alice.goto(f"/f/{world.family.pk}/record/export/")
    expect(alice.get_by_role("heading", name="How anyone can check it")).to_be_visible()
    assert_fits(alice)
    alice.screenshot(path=str(screenshot_dir() / "export-375.png"), full_page=True)
    form = alice.locator("form[data-download]")
    button = alice.get_by_role("button", name="Download the export")

    files = []
    for n in range(2):
        # The form locks while its file comes (15 s at most), then unlocks when it is here:
        # well within the 5 s given to the second press.
        with alice.expect_download(timeout=5_000) as download:
            button.click()
        expect(form).not_to_have_attribute("aria-busy", "true", timeout=5_000)
        path = tmp_path / f"record-{n}.zip"
        download.value.save_as(path)
        files.append(path)

    for path in files:
        assert download.value.suggested_filename.startswith("twohomes-record-")
        verdict = verify_bundle(str(path))
        assert verdict.ok, verdict.render()
        assert f"member-{world.parent_a.pk} Alice" in verdict.render()  # names, not only ids
        people = json.loads(zipfile.ZipFile(path).read("people.json"))["people"]
        assert [p["name"] for p in people] == ["Alice", "Bruno"]
    desktop = open_page(DESKTOP)
    sign_in(desktop, world.parent_a.user.email, TEST_PASSWORD)
    desktop.goto(f"/f/{world.family.pk}/record/export/")
    desktop.screenshot(path=str(screenshot_dir() / "export-1280.png"), full_page=True)
