from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone
from django.utils.translation import ngettext

from twohomes.families.access import across_families
from twohomes.schedules.services import expire_plans, expire_swaps


class Command(BaseCommand):
    help = ("Close change requests whose answer-by date has passed, and proposed plans whose "
            "start date passed before every parent agreed (nothing else changes).")

    @across_families("a command")
    def handle(self, *args: Any, **options: Any) -> None:
        now = timezone.now()
        # The English keeps its "(s)" in both forms; a language's own forms go in its catalogue.
        swaps = expire_swaps(now=now)
        self.stdout.write(ngettext("%(count)d request(s) expired.", "%(count)d request(s) expired.",
                                   swaps) % {"count": swaps})
        plans = expire_plans(now=now)
        self.stdout.write(ngettext("%(count)d proposed plan(s) expired.",
                                   "%(count)d proposed plan(s) expired.", plans)
                          % {"count": plans})
