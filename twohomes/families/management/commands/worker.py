"""`twohomes worker`: runs queued background work (emails, reminders, reports)."""

from __future__ import annotations

from django_tasks_db.management.commands.db_worker import Command as DatabaseWorker


class Command(DatabaseWorker):
    help = "Run TwoHomes background work (emails, reminders, reports) until stopped."
