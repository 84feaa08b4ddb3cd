from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from twohomes.families.access import across_families
from twohomes.schedules.services import expire_plans, expire_swaps


class Command(BaseCommand):
    help = ("Close change requests whose answer-by date has passed, and proposed plans whose "
            "start date passed before every parent agreed (nothing else changes).")

    @across_families("a command")
    def handle(self, *args: Any, **options: Any) -> None:
        now = timezone.now()
        self.stdout.write(f"{expire_swaps(now=now)} request(s) expired.")
        self.stdout.write(f"{expire_plans(now=now)} proposed plan(s) expired.")
