"""`twohomes export --family ID [--thread ID] [--from DATE --to DATE] -o BUNDLE.zip`."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from twohomes.families.access import across_families
from twohomes.families.models import Family
from twohomes.records.services import export_path

from ...exports import export_scope


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CommandError(_("“%(value)s” is not a date (YYYY-MM-DD).") % {"value": value}
                           ) from None


class Command(BaseCommand):
    # Not marked: argparse needs a str here (a lazy one breaks --help).
    help = "Export a family's record (or one thread, or a date range) as a verifiable bundle."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--family", required=True, help=_("the family's id (a UUID)"))
        parser.add_argument("--thread", type=int, help=_("only this conversation"))
        parser.add_argument("--from", dest="start", type=_day, help=_("first day, YYYY-MM-DD"))
        parser.add_argument("--to", dest="end", type=_day, help=_("last day, YYYY-MM-DD"))
        parser.add_argument("-o", "--output", required=True, type=Path,
                            help=_("the .zip to write"))

    @across_families("a command")
    def handle(self, *args: Any, **options: Any) -> None:
        # Administrators answering a court order act outside any membership: this
        # command is the only unscoped reader of a family's record.
        family = Family.objects.filter(pk=_uuid(options["family"])).first()
        if family is None:
            raise CommandError(_("No family has the id %(id)s.") % {"id": options["family"]})
        thread = None
        if options["thread"] is not None:
            thread = family.threads.filter(pk=options["thread"]).first()
            if thread is None:
                raise CommandError(_("The family has no conversation %(id)s.")
                                   % {"id": options["thread"]})
        if options["start"] and options["end"] and options["end"] < options["start"]:
            raise CommandError(_("--to is before --from."))
        scope = export_scope(family, thread=thread, start=options["start"], end=options["end"])
        try:
            count = export_path(family, options["output"], scope=scope, now=timezone.now())
        except (ValueError, OSError) as error:
            raise CommandError(str(error)) from None
        # The English reads "entries" for any count, as it always has.
        self.stdout.write(ngettext("Wrote %(count)s entries to %(path)s.",
                                   "Wrote %(count)s entries to %(path)s.", count)
                          % {"count": count, "path": options["output"]})


def _uuid(value: str) -> Any:
    import uuid

    try:
        return uuid.UUID(value)
    except ValueError:
        raise CommandError(_("“%(value)s” is not a family id.") % {"value": value}) from None
