from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from twohomes.families.access import across_families
from twohomes.records.services import verifier_key


class Command(BaseCommand):
    help = "Print this server's record verifier key, to publish for `twohomes verify --key`."

    @across_families("a command")
    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(verifier_key().vkey())
