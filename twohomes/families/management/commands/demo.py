from __future__ import annotations

from datetime import datetime
from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

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
                self.stdout.write("The database already has families; no demo data added.")
                return
        result = seed(timezone.now())
        verb = "Created" if result.created else "Found"
        self.stdout.write(f"{verb} the demo family “{result.family.name}”. Sign in with:")
        for person in PEOPLE:
            self.stdout.write(f"  {person.email:<34} {DEMO_PASSWORD}   {person.name}, "
                              f"{person.description}")
