from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone
from django.utils.translation import ngettext

from twohomes.families.access import across_families
from twohomes.messaging.notify import send_all_due


class Command(BaseCommand):
    # Not marked: argparse needs a str here (a lazy one breaks --help).
    help = "Send every held new-message notice that is due (quiet hours over, digest time)."

    @across_families("a command")
    def handle(self, *args: Any, **options: Any) -> None:
        count = send_all_due(now=timezone.now())
        # The English reads "notice(s)" for any count, as it always has.
        self.stdout.write(ngettext("%(count)s notice(s) sent.", "%(count)s notice(s) sent.",
                                   count) % {"count": count})
