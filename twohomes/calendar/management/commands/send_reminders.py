from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone
from django.utils.translation import ngettext

from twohomes.calendar.reminders import send_due_reminders
from twohomes.families.access import across_families


class Command(BaseCommand):
    help = "Send the evening-before reminders that are due (the worker also does this hourly)."

    @across_families("a command")
    def handle(self, *args: Any, **options: Any) -> None:
        count = send_due_reminders(now=timezone.now())
        # The English keeps its "(s)" in both forms; a language's own forms go in its catalogue.
        self.stdout.write(ngettext("%(count)d reminder(s) sent.", "%(count)d reminder(s) sent.",
                                   count) % {"count": count})
