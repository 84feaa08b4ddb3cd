from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from twohomes.families.access import across_families
from twohomes.messaging.notify import send_all_due


class Command(BaseCommand):
    help = "Send every held new-message notice that is due (quiet hours over, digest time)."

    @across_families("a command")
    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"{send_all_due(now=timezone.now())} notice(s) sent.")
