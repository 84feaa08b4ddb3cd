"""A log's name is fixed when it is created: renaming the site never breaks its record."""

from __future__ import annotations

import io
from typing import Any

from django.utils import timezone

from twohomes import records
from twohomes.core.ledger import verify_bundle, verify_checkpoint
from twohomes.records import services
from twohomes.records.models import Checkpoint, Log


def _export(family: Any) -> bytes:
    out = io.BytesIO()
    services.export_bundle(family, out, scope=services.ExportScope(), now=timezone.now())
    return out.getvalue()


def test_a_record_still_verifies_after_the_site_is_renamed(world: Any, settings: Any) -> None:
    settings.TWOHOMES_LOG_NAME = "old.twohomes.example"
    for n in range(3):
        records.append(world.family, "messaging.message.sent", world.parent_a, {"body": f"m{n}"})
    settings.TWOHOMES_LOG_NAME = "new.twohomes.example"
    verdict = verify_bundle(io.BytesIO(_export(world.family)))
    assert verdict.ok, verdict.render()


def test_new_checkpoints_after_a_rename_keep_the_original_origin(
    world: Any, settings: Any
) -> None:
    settings.TWOHOMES_LOG_NAME = "old.twohomes.example"
    records.append(world.family, "messaging.message.sent", None, {})
    settings.TWOHOMES_LOG_NAME = "new.twohomes.example"
    records.append(world.family, "messaging.message.viewed", None, {})
    log = Log.objects.get(family=world.family)
    assert log.name == "old.twohomes.example"
    latest = Checkpoint.objects.filter(family=world.family).order_by("-size").first()
    assert latest is not None
    assert latest.note.startswith(f"old.twohomes.example/log/{log.log_id}\n")
    verify_checkpoint(latest.note, services.verifier_key(log))
    verdict = verify_bundle(io.BytesIO(_export(world.family)),
                            key=services.verifier_key(log).vkey())
    assert verdict.ok, verdict.render()
