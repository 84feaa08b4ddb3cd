"""A thread's messages as the page shows them, worked out in Python once per message.

The thread page is the one most read; drawing each message with the template language's
look-ups, filters and a time zone switch cost about a millisecond each. Here the names,
times and texts are prepared in one pass, and the template only places them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.template.defaultfilters import filesizeformat, linebreaksbr
from django.urls import reverse
from django.utils import dateformat
from django.utils.formats import get_format
from django.utils.safestring import SafeString

from twohomes.core.tone import Kind, logistics_of
from twohomes.families.models import Membership
from twohomes.tone.words import TOPICS, heads_up

from .models import Attachment, Message, Receipt


@dataclass(frozen=True)
class ShownTime:
    iso: str  # for <time datetime>
    text: str  # in the family's time zone


@dataclass(frozen=True)
class ShownAttachment:
    url: str
    name: str
    size: str


@dataclass(frozen=True)
class ShownReceipt:
    reader: str
    viewed: ShownTime


@dataclass(frozen=True)
class MessageRow:
    pk: int
    mine: bool
    author: str
    role: str
    sent: ShownTime
    body: SafeString  # escaped, line breaks as <br>
    attachments: tuple[ShownAttachment, ...]
    receipts: tuple[ShownReceipt, ...] | None  # only for the author's own messages
    heads_up: str = ""  # set when the message is shown folded (the reader asked for it)
    details: tuple[str, ...] = ()  # what it is about, listed above the fold


FOLDED = {"heated", "hostile"}
_KIND_CODES = {kind.value for kind in Kind}


def _folded(message: Message) -> tuple[str, tuple[str, ...]]:
    """The calm one-line heads-up and the practical details of a message shown folded:
    the kinds stored when it was sent, and its days, times, places and amounts as written."""
    kinds = [Kind(code) for code in message.tone_kinds.split(",") if code in _KIND_CODES]
    found = logistics_of(message.body)
    about = [str(TOPICS[item.text]) for item in found if item.kind == "topic"]
    details = tuple(item.text for item in found if item.kind != "topic")
    return heads_up(kinds, about), details


def _shown(moment: datetime, zone: Any, shape: str) -> ShownTime:
    """``moment`` in ``zone``, written in ``shape`` (a format's letters, looked up once per
    page by ``message_rows`` from the reader's language)."""
    local = moment.astimezone(zone)
    return ShownTime(dateformat.format(local, "c"), dateformat.format(local, shape))


def message_rows(messages: Sequence[Message], membership: Membership,
                 fold: bool = False) -> list[MessageRow]:
    """``messages`` (with their authors) as ``membership`` sees them; with ``fold``, others'
    messages rated heated or hostile come folded behind a heads-up.

    Attachments and receipts are read with one query each and grouped here: Django's
    ``prefetch_related`` builds a filtered queryset per message to hold its part, which
    cost more than the queries themselves on a page of thirty messages.
    """
    family = membership.family
    zone = family.zone
    read_shape = get_format("MONTH_DAY_TIME_FORMAT")  # "December 6, 6:05 PM"
    sent_shape = get_format("WEEKDAY_SHORT_DAY_YEAR_TIME_FORMAT")  # "Sun, Dec 6, 2026, 6:05 PM"
    files: dict[int | None, list[Attachment]] = defaultdict(list)
    for attachment in Attachment.objects.filter(message__in=[m.pk for m in messages]
                                                ).order_by("pk"):
        files[attachment.message_id].append(attachment)
    mine = [m.pk for m in messages if m.author_id == membership.pk]
    readings: dict[int, list[Receipt]] = defaultdict(list)
    for receipt in (Receipt.objects.filter(message__in=mine).select_related("reader__user")
                    .order_by("first_viewed_at", "pk")) if mine else ():
        readings[receipt.message_id].append(receipt)
    rows = []
    for message in messages:
        folded = fold and message.author_id != membership.pk and message.tone in FOLDED
        heads, details = _folded(message) if folded else ("", ())
        receipts = tuple(
            ShownReceipt(r.reader.user.name, _shown(r.first_viewed_at, zone, read_shape))
            for r in readings[message.pk]) if message.author_id == membership.pk else None
        rows.append(MessageRow(
            pk=message.pk, mine=receipts is not None, author=message.author.user.name,
            role=message.author.get_role_display(),
            sent=_shown(message.sent_at, zone, sent_shape),
            body=linebreaksbr(message.body, autoescape=True),
            attachments=tuple(
                ShownAttachment(reverse("attachment", args=[family.pk, a.pk]), a.name,
                                filesizeformat(a.size))
                for a in files[message.pk]),
            receipts=receipts, heads_up=heads, details=details))
    return rows
