from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from twohomes.calendar.reminders import send_due_reminders
from twohomes.families.access import across_families


class Command(BaseCommand):
    help = "Send the evening-before reminders that are due (the worker also does this hourly)."

    @across_families("a command")
    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"{send_due_reminders(now=timezone.now())} reminder(s) sent.")
