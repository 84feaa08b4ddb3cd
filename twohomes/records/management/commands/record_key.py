from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from twohomes.records.services import verifier_key


class Command(BaseCommand):
    help = "Print this server's record verifier key, to publish for `twohomes verify --key`."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(verifier_key().vkey())
