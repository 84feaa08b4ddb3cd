from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from twohomes.families.access import across_families
from twohomes.families.services import expire_memberships


class Command(BaseCommand):
    help = "End every professional's access whose end date has passed (also happens on use)."

    @across_families("a command")
    def handle(self, *args: Any, **options: Any) -> None:
        count = expire_memberships(now=timezone.now())
        self.stdout.write(f"{count} membership(s) ended.")
