"""Fixtures of the tone help tests: a conversation between the parents with the partner and
the professional in it, and each member's own tone choices set through the service."""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import timezone

from twohomes.messaging import services as messaging
from twohomes.tone.services import save_tone_settings


@pytest.fixture
def thread(world: Any) -> Any:
    """Alice's conversation "Swimming", Bruno, Pat (partner) and Mona (professional) in it."""
    return messaging.start_thread(actor=world.parent_a, subject="Swimming", now=timezone.now(),
                                  body="Hi, the swimming lesson moved to Tuesday.",
                                  members=[world.partner, world.professional], language="en")


@pytest.fixture
def choose() -> Any:
    """``choose(membership, fold_incoming=..., cool_down=...)``: a member's own tone choices."""

    def set_choices(membership: Any, *, fold_incoming: bool = False,
                    cool_down: bool = False) -> None:
        save_tone_settings(actor=membership, fold_incoming=fold_incoming, cool_down=cool_down)

    return set_choices
