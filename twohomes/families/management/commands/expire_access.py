from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone
from django.utils.translation import ngettext

from twohomes.families.access import across_families
from twohomes.families.services import expire_memberships


class Command(BaseCommand):
    help = "End every professional's access whose end date has passed (also happens on use)."

    @across_families("a command")
    def handle(self, *args: Any, **options: Any) -> None:
        count = expire_memberships(now=timezone.now())
        # The English keeps its "(s)" in both forms; a language's own forms go in its catalogue.
        self.stdout.write(ngettext("%(count)d membership(s) ended.",
                                   "%(count)d membership(s) ended.", count) % {"count": count})
