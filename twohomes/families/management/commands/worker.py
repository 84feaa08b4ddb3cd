"""`twohomes worker`: runs queued background work (emails, reminders, reports)."""

from __future__ import annotations

from typing import Any

from django_tasks_db.management.commands.db_worker import Command as DatabaseWorker

from twohomes.areas import start_jobs


class Command(DatabaseWorker):
    help = "Run TwoHomes background work (emails, reminders, reports) until stopped."

    def handle(self, *args: Any, **options: Any) -> None:
        # Each area's rounds re-schedule themselves; start them with the worker.
        for job in start_jobs():
            self.stdout.write(f"Started {job.task.rsplit('.', 1)[1]}, {job.every}.")
        super().handle(*args, **options)
