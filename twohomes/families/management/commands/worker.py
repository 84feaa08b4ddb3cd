"""`twohomes worker`: runs queued background work (emails, reminders, reports)."""

from __future__ import annotations

from typing import Any

from django_tasks_db.management.commands.db_worker import Command as DatabaseWorker


class Command(DatabaseWorker):
    help = "Run TwoHomes background work (emails, reminders, reports) until stopped."

    def handle(self, *args: Any, **options: Any) -> None:
        from twohomes.accounts.tasks import forget_old_submissions
        from twohomes.calendar.reminders import reminders_tick
        from twohomes.schedules.tasks import expiry_tick

        # Each round re-schedules itself; start them with the worker.
        reminders_tick.enqueue()
        expiry_tick.enqueue()
        forget_old_submissions.enqueue()
        super().handle(*args, **options)
