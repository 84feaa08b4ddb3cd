"""The export's answer carries the form's download key back, so the page unlocks its form."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from twohomes import records


@pytest.mark.parametrize(("sent", "cookie"), [
    ("0123456789abcdef0123456789abcdef", "0123456789abcdef0123456789abcdef"),
    ("not-a-key; Path=/", None),  # anything but a hex key sets no cookie
    ("", None),
])
def test_the_download_key_comes_back_as_a_short_lived_cookie(
    world: Any, client: Any, sent: str, cookie: str | None
) -> None:
    records.append(world.family, "messaging.message.sent", world.parent_a, {"body": "Hi"})
    client.force_login(world.parent_a.user)
    url = reverse("export_record", args=[world.family.pk])
    response = client.post(url, {"download": sent})
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    morsel = response.cookies.get("twohomes_download")
    if cookie is None:
        assert morsel is None
    else:
        assert morsel is not None and morsel.value == cookie
        assert morsel["max-age"] == 60 and morsel["path"] == url
        assert morsel["samesite"] == "Strict" and not morsel["httponly"]
