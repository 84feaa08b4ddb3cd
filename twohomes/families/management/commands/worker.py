"""`twohomes worker`: runs queued background work (emails, reminders, reports)."""

from __future__ import annotations

from typing import Any

from django_tasks_db.management.commands.db_worker import Command as DatabaseWorker


class Command(DatabaseWorker):
    help = "Run TwoHomes background work (emails, reminders, reports) until stopped."

    def handle(self, *args: Any, **options: Any) -> None:
        from twohomes.calendar.reminders import reminders_tick

        # The hourly reminder round re-schedules itself; start it with the worker.
        reminders_tick.enqueue()
        super().handle(*args, **options)
