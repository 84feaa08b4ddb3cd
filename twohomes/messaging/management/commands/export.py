"""`twohomes export --family ID [--thread ID] [--from DATE --to DATE] -o BUNDLE.zip`."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from twohomes.families.access import across_families
from twohomes.families.models import Family
from twohomes.records.services import export_path

from ...exports import export_scope


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"“{value}” is not a date (YYYY-MM-DD).") from None


class Command(BaseCommand):
    help = "Export a family's record (or one thread, or a date range) as a verifiable bundle."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--family", required=True, help="the family's id (a UUID)")
        parser.add_argument("--thread", type=int, help="only this conversation")
        parser.add_argument("--from", dest="start", type=_day, help="first day, YYYY-MM-DD")
        parser.add_argument("--to", dest="end", type=_day, help="last day, YYYY-MM-DD")
        parser.add_argument("-o", "--output", required=True, type=Path, help="the .zip to write")

    @across_families("a command")
    def handle(self, *args: Any, **options: Any) -> None:
        # Administrators answering a court order act outside any membership: this
        # command is the only unscoped reader of a family's record.
        family = Family.objects.filter(pk=_uuid(options["family"])).first()
        if family is None:
            raise CommandError(f"No family has the id {options['family']}.")
        thread = None
        if options["thread"] is not None:
            thread = family.threads.filter(pk=options["thread"]).first()
            if thread is None:
                raise CommandError(f"The family has no conversation {options['thread']}.")
        if options["start"] and options["end"] and options["end"] < options["start"]:
            raise CommandError("--to is before --from.")
        scope = export_scope(family, thread=thread, start=options["start"], end=options["end"])
        try:
            count = export_path(family, options["output"], scope=scope, now=timezone.now())
        except (ValueError, OSError) as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"Wrote {count} entries to {options['output']}.")


def _uuid(value: str) -> Any:
    import uuid

    try:
        return uuid.UUID(value)
    except ValueError:
        raise CommandError(f"“{value}” is not a family id.") from None
