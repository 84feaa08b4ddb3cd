"""A page reads the size of its family's record once, however many counts ask for it, and
forgets it when the member appends to the record in the same request."""

from __future__ import annotations

from typing import Any

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from twohomes.families.access import in_family
from twohomes.messaging import services as messaging
from twohomes.records import services as records


def test_the_size_is_read_once_per_membership_object(world: Any) -> None:
    with in_family(world.family.pk):
        before = records.size(world.family.pk)
        with CaptureQueriesContext(connection) as queries:
            first = records.size_seen_by(world.parent_a)
            second = records.size_seen_by(world.parent_a)
        assert first == second == before
        assert sum('"records_log"' in q["sql"] for q in queries.captured_queries) == 1


def test_the_members_own_append_forgets_the_size_it_read(world: Any) -> None:
    with in_family(world.family.pk):
        before = records.size_seen_by(world.parent_a)
        messaging.start_thread(actor=world.parent_a, subject="Shoes", body="Size 32?",
                               now=timezone.now())
        after = records.size_seen_by(world.parent_a)
        assert after > before
        assert after == records.size(world.family.pk)
