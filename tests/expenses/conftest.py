"""Shared helpers for the expenses tests: a bill logged through the service, a receipt
image, and the family record's entries read back from their openings."""

from __future__ import annotations

import io
import json
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import pytest


def png_bytes(colour: tuple[int, int, int] = (200, 30, 30)) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (8, 6), colour).save(out, format="PNG")
    return out.getvalue()


def receipt(name: str = "bill.png") -> Any:
    """A receipt as the form hands it to the service (checked by its bytes)."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from twohomes.messaging.uploads import inspect_upload

    return inspect_upload(SimpleUploadedFile(name, png_bytes(), content_type="image/png"))


def entries(family: Any, kind: str | None = None) -> list[tuple[str, dict[str, Any]]]:
    """(kind, content) of the family's record entries, oldest first."""
    from twohomes.families.access import in_family
    from twohomes.records.models import LogEntry

    with in_family(family):
        rows = LogEntry.objects.filter(family=family).select_related("opening").order_by("seq")
        if kind is not None:
            rows = rows.filter(kind=kind)
        return [(row.kind, _content(row)) for row in rows]


def numbered(family: Any) -> list[tuple[int, str, dict[str, Any]]]:
    """(seq, kind, content) of every entry of the family's record, oldest first."""
    from twohomes.families.access import in_family
    from twohomes.records.models import LogEntry

    with in_family(family):
        rows = LogEntry.objects.filter(family=family).select_related("opening").order_by("seq")
        return [(row.seq, row.kind, _content(row)) for row in rows]


def entry_at(family: Any, seq: int) -> tuple[str, dict[str, Any]]:
    from twohomes.families.access import in_family
    from twohomes.records.models import LogEntry

    with in_family(family):
        row = LogEntry.objects.select_related("opening").get(family=family, seq=seq)
        return row.kind, _content(row)


def _content(row: Any) -> dict[str, Any]:
    """An entry's content; a file's entry holds only the file's SHA-256."""
    if row.opening.content is None:
        return {"file_sha256": row.opening.attachment_sha256}
    return dict(json.loads(bytes(row.opening.content)))


def category(world: Any, builtin: str = "medical") -> Any:
    from django.utils import timezone

    from twohomes.expenses import services
    from twohomes.families.access import in_family

    with in_family(world.family):
        return services.category_for(world.parent_a, builtin, timezone.now())


def log(world: Any, amount: str = "120.00", *, actor: Any = None, split: tuple[int, int] = (1, 1),
        payee: str = "Dr Smith", note: str = "", spent_on: date | None = None,
        now: datetime | None = None, **extra: Any) -> Any:
    from django.utils import timezone

    from twohomes.expenses import services
    from twohomes.expenses.money import Split
    from twohomes.families.access import in_family

    now = now or timezone.now()
    actor = actor or world.parent_a
    with in_family(world.family):
        return services.log_expense(
            actor=actor, category=extra.pop("category", None) or category(world),
            spent_on=spent_on or world.family.today(now), amount=Decimal(amount), payee=payee,
            note=note, children=extra.pop("children", []), split=Split(*split), now=now,
            **extra)


@pytest.fixture
def media(settings: Any, tmp_path: Any) -> Any:
    """Stored files (receipts) go to a temporary folder."""
    settings.MEDIA_ROOT = tmp_path
    return tmp_path
