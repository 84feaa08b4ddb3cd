"""An event's history in the reader's words.

Each revision keeps, per field, what the history list shows: names and what people wrote
as they wrote them, the rest as data (a time, a repeat rule, "nobody", a status) worded
here for whoever reads it. Revisions kept before that hold English text, shown as it is.
"""

from __future__ import annotations

from datetime import date, datetime
from types import SimpleNamespace
from typing import Any
from zoneinfo import ZoneInfo

from django.utils.translation import gettext

from .models import EventRevision, EventStatus
from .recurrence import RepeatRule
from .services import describe_occurrence, describe_when


def said(value: Any, zone: ZoneInfo) -> str:
    """One value of the history in the reader's language (text kept as it was written)."""
    if not isinstance(value, dict):
        return str(value)
    if "when" in value:
        when = value["when"]
        first, last = when.get("first"), when.get("last")
        return describe_when(SimpleNamespace(
            all_day=when["all_day"], starts=datetime.fromisoformat(when["starts"]),
            ends=datetime.fromisoformat(when["ends"]),
            start_date=date.fromisoformat(first) if first else None,
            end_date=date.fromisoformat(last) if last else None), zone)
    if "repeats" in value:
        return RepeatRule.from_rrule(value["repeats"], zone=zone).describe()
    if "occurrence" in value:
        once = value["occurrence"]
        return describe_occurrence(SimpleNamespace(all_day=once["all_day"]),
                                   datetime.fromisoformat(once["starts"]), zone)
    if "status" in value:
        return str(EventStatus(value["status"]).label)
    if "say" in value:
        return gettext(value["say"])
    return ""


def in_words(revisions: list[EventRevision], zone: ZoneInfo) -> None:
    """Give each revision its ``lines``: each field's name, old and new value in words."""
    for revision in revisions:
        revision.lines = [  # type: ignore[attr-defined]
            {"field": gettext(change.get("field", "")),
             "old": said(change.get("old", ""), zone), "new": said(change.get("new", ""), zone)}
            for change in revision.changes]
