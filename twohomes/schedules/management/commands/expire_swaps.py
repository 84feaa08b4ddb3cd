from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from twohomes.schedules.services import expire_swaps


class Command(BaseCommand):
    help = "Close change requests whose answer-by date has passed (nothing changes)."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"{expire_swaps(now=timezone.now())} request(s) expired.")
