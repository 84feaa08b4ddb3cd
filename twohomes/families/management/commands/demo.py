from __future__ import annotations

from datetime import datetime
from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from twohomes.areas import call, demo_seeders
from twohomes.families.access import across_families
from twohomes.families.demo import DEMO_PASSWORD, PEOPLE, DemoResult, seed_demo_family
from twohomes.families.models import Family


@transaction.atomic
def seed(now: datetime) -> DemoResult:
    """The whole demo family, or nothing: its people, then each area's part (messages, the
    plan and changes, events), in the order the areas are installed."""
    result = seed_demo_family(now=now)
    if result.created:
        for seeder in demo_seeders():
            call(seeder, result.family, now=now)
    return result


class Command(BaseCommand):
    help = "Create the invented demo family (once) and print its sign-ins."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--if-empty", action="store_true",
                            help="Only seed when the database has no family yet.")

    @across_families("a command")
    def handle(self, *args: Any, **options: Any) -> None:
        if options["if_empty"] and Family.objects.exists():
            if not Family.objects.filter(name="Rivera-Okafor family").exists():
                self.stdout.write(_("The database already has families; no demo data added."))
                return
        result = seed(timezone.now())
        found = (_("Created the demo family “%(name)s”. Sign in with:") if result.created
                 else _("Found the demo family “%(name)s”. Sign in with:"))
        self.stdout.write(found % {"name": result.family.name})
        for person in PEOPLE:
            self.stdout.write(f"  {person.email:<34} {DEMO_PASSWORD}   {person.name}, "
                              f"{_(person.description)}")
