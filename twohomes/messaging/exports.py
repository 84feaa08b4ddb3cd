"""Choosing what a record export holds: the whole log, one thread, a date range."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from itertools import chain

from twohomes.families.models import Family
from twohomes.records.models import LogEntry
from twohomes.records.services import ExportScope

from .models import Attachment, Message, Receipt, Thread


def thread_seqs(thread: Thread) -> set[int]:
    """Every record entry about one thread: start, members, messages, files, first views."""
    return set(chain(
        [thread.record_seq],
        thread.extra_members.values_list("record_seq", flat=True),
        Message.objects.filter(thread=thread).values_list("record_seq", flat=True),
        Attachment.objects.filter(message__thread=thread).values_list("record_seq", flat=True),
        Receipt.objects.filter(message__thread=thread).values_list("record_seq", flat=True),
    ))


def _bounds(family: Family, start: date | None, end: date | None) -> tuple[datetime, datetime]:
    zone = family.zone
    low = datetime.combine(start or date(1970, 1, 1), time(0), zone)
    high = datetime.combine((end or date(9998, 12, 30)) + timedelta(days=1), time(0), zone)
    return low, high


def export_scope(family: Family, *, thread: Thread | None = None, start: date | None = None,
                 end: date | None = None) -> ExportScope:
    if thread is None and start is None and end is None:
        return ExportScope()
    parts = []
    seqs: set[int] | None = None
    if thread is not None:
        seqs = thread_seqs(thread)
        parts.append(f"the conversation “{thread.subject}”")
    if start is not None or end is not None:
        low, high = _bounds(family, start, end)
        in_range = set(LogEntry.objects.filter(
            family=family, recorded_at__gte=low, recorded_at__lt=high,
        ).values_list("seq", flat=True))
        seqs = in_range if seqs is None else seqs & in_range
        parts.append(f"from {start or 'the beginning'} to {end or 'today'}")
    return ExportScope(seqs=frozenset(seqs or ()), description=", ".join(parts))
