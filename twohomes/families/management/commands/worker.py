"""`twohomes worker`: runs queued background work (emails, reminders, reports)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from django_tasks_db.management.commands.db_worker import Command as DatabaseWorker

from twohomes.areas import start_jobs


class Command(DatabaseWorker):
    help = "Run TwoHomes background work (emails, reminders, reports) until stopped."

    def handle(self, *args: Any, **options: Any) -> None:
        # Each area's rounds re-schedule themselves; start them with the worker.
        for job in start_jobs():
            # ``every`` is marked where the area declares it (gettext_noop), read here.
            self.stdout.write(_("Started %(task)s, %(every)s.") % {
                "task": job.task.rsplit(".", 1)[1], "every": _(job.every)})
        super().handle(*args, **options)
