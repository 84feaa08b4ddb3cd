"""The tone of the conversations over time, for the professionals who may read them:
counts of messages per month, sender and level, read from the level stored at sending."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import Count
from django.db.models.functions import TruncMonth

from twohomes.core.tone import Level
from twohomes.families.models import Membership
from twohomes.tone.words import LEVELS

from .models import Message
from .selectors import visible_threads

MONTHS = 12
ORDER = [level.code for level in Level]


@dataclass(frozen=True)
class SenderMonth:
    sender: str
    counts: tuple[tuple[str, int], ...]  # (level's name, count), calm to hostile
    not_rated: int


@dataclass(frozen=True)
class TrendMonth:
    month: date
    senders: tuple[SenderMonth, ...]


@dataclass(frozen=True)
class Trend:
    levels: tuple[str, ...]  # the levels' names, in the reader's language
    months: tuple[TrendMonth, ...]  # newest first, months with messages only


def _month_start(now: datetime, back: int) -> date:
    index = now.year * 12 + now.month - 1 - back
    return date(index // 12, index % 12 + 1, 1)


def tone_by_month(membership: Membership, *, now: datetime) -> Trend:
    """The last twelve months of the conversations ``membership`` may read (one query)."""
    zone = membership.family.zone
    first = _month_start(now.astimezone(zone), MONTHS - 1)
    since = datetime(first.year, first.month, 1, tzinfo=zone)  # midnight in the family's zone
    rows = (Message.objects.filter(thread__in=visible_threads(membership), sent_at__gte=since)
            .annotate(month=TruncMonth("sent_at", tzinfo=zone))
            .values("month", "author__user__display_name", "author_id", "tone")
            .annotate(count=Count("id")).order_by())
    table: dict[date, dict[tuple[str, int], dict[str, int]]] = {}
    for row in rows:
        month = row["month"].date() if isinstance(row["month"], datetime) else row["month"]
        sender = (row["author__user__display_name"], row["author_id"])
        table.setdefault(month, {}).setdefault(sender, {})[row["tone"]] = row["count"]
    names = [str(LEVELS[level]) for level in Level]
    months = tuple(
        TrendMonth(month, tuple(
            SenderMonth(name, tuple((names[i], levels.get(code, 0))
                                    for i, code in enumerate(ORDER)), levels.get("", 0))
            for (name, _pk), levels in sorted(table[month].items())))
        for month in sorted(table, reverse=True))
    return Trend(tuple(names), months)
