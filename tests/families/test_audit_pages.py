"""The audit list shows the newest 100 entries, then the earlier ones a page at a time."""

from __future__ import annotations

import re
from typing import Any

from django.urls import reverse

from twohomes.families.models import AuditEvent
from twohomes.families.services import audit


def _summaries(page: str) -> list[str]:
    return re.findall(r"</time> — (Entry \d+)</li>", page)


def test_the_audit_list_comes_a_page_at_a_time(world: Any, client: Any) -> None:
    for number in range(105):
        audit(world.family, world.parent_a.user, "family.settings.changed", f"Entry {number}")
    client.force_login(world.parent_a.user)
    url = reverse("audit", args=[world.family.pk])
    first = client.get(url).content.decode()
    assert _summaries(first) == [f"Entry {n}" for n in range(104, 4, -1)]
    fifth = AuditEvent.objects.get(family=world.family, summary="Entry 5")
    assert f'href="?before={fifth.pk}">Earlier entries' in first
    second = client.get(url, {"before": fifth.pk}).content.decode()
    assert _summaries(second) == [f"Entry {n}" for n in range(4, -1, -1)]
    assert "Earlier entries" not in second and "Back to the latest entries" in second
