"""Every messaging action: start a thread, send, add someone, record first views.

Each writes its record entry in the same transaction, and the record's time is the
message's time: the server's clock, never the sender's.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.http import Http404
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from twohomes.core.tone import Level, analyze, rules_exist
from twohomes.families.access import Cap, access_lapsed, has, members_with, require
from twohomes.families.models import Membership, MembershipStatus
from twohomes.records import services as records
from twohomes.tone.models import settings_of

from .models import (
    Attachment,
    HeldMessage,
    Message,
    NotificationPreference,
    Receipt,
    Thread,
    ThreadMember,
)
from .notify import notify_recipients
from .selectors import can_write, get_thread
from .uploads import CleanFile

log = logging.getLogger(__name__)
MAX_BODY = 20_000
COOL_DOWN = timedelta(minutes=10)


def rate_tone(body: str, language: str) -> tuple[str, str]:
    """(level, kinds) of a message as its author's language's rules read it, stored with the
    message; empty where tone help does not read that language."""
    if not language or not rules_exist(language):
        return "", ""
    analysis = analyze(body, language)
    assert analysis.level is not None
    kinds = [kind.value for kind in analysis.kinds
             if any(f.kind is kind and f.weight >= 1 for f in analysis.findings)]
    return analysis.level.code, ",".join(kinds)[:200]


def _check_body(body: str) -> str:
    body = body.strip()
    if not body:
        raise ValidationError(_("Write a message before sending."))
    if len(body) > MAX_BODY:
        raise ValidationError(ngettext("A message can be at most %(count)s character.",
                                       "A message can be at most %(count)s characters.",
                                       MAX_BODY)
                              % {"count": number_format(MAX_BODY, force_grouping=True)})
    return body


@transaction.atomic
def start_thread(
    *,
    actor: Membership,
    subject: str,
    body: str,
    files: Sequence[CleanFile] = (),
    members: Iterable[Membership] = (),
    now: datetime,
    language: str = "",
) -> Thread:
    require(actor, Cap.START_THREAD)
    subject = subject.strip()[:200]
    if not subject:
        raise ValidationError(_("Give the conversation a subject."))
    body = _check_body(body)
    extra = list(members) if has(actor, Cap.ADD_TO_THREAD) else []
    entry = records.append(actor.family, "messaging.thread.started", actor, {
        "subject": subject,
        "child_thread": has(actor, Cap.OWN_CHILD_THREADS),
        "members": sorted(records.actor_id(m) for m in extra),
    }, now=now)
    thread = Thread.objects.create(
        family=actor.family, subject=subject, created_by=actor, created_at=entry.recorded_at,
        child=actor if has(actor, Cap.OWN_CHILD_THREADS) else None, record_seq=entry.seq,
    )
    for member in extra:
        _add_member(actor, thread, member, now)
    send_message(actor=actor, thread=thread, body=body, files=files, now=now, language=language)
    return thread


def _add_member(actor: Membership, thread: Thread, member: Membership, now: datetime) -> None:
    if member.family_id != actor.family_id or not has(member, Cap.JOIN_THREADS):
        raise ValidationError(_("Only a partner, relative or professional can be added."))
    entry = records.append(actor.family, "messaging.thread.member_added", actor, {
        "thread": thread.record_seq, "member": records.actor_id(member),
        "can_write": has(member, Cap.WRITE_MESSAGES),
    }, now=now)
    place = {"can_write": has(member, Cap.WRITE_MESSAGES), "added_by": actor,
             "added_at": entry.recorded_at, "record_seq": entry.seq}
    earlier = ThreadMember.objects.filter(thread=thread, membership=member).first()
    if earlier is not None and not member.since_joined(earlier.added_at):
        # in this thread before they left the family: added again from now on
        ThreadMember.objects.filter(pk=earlier.pk).update(**place)
        return
    try:
        with transaction.atomic():
            ThreadMember.objects.create(thread=thread, membership=member, **place)
    except IntegrityError:
        raise ValidationError(_("%(name)s is already in this conversation.")
                              % {"name": member.user.name}) from None


@transaction.atomic
def add_to_thread(*, actor: Membership, thread: Thread, member: Membership,
                  now: datetime) -> None:
    require(actor, Cap.ADD_TO_THREAD)
    thread = get_thread(actor, thread.pk)
    if thread.child_id:
        raise ValidationError(_("A child's conversation with their parents stays between "
                                "them."))
    _add_member(actor, thread, member, now)


@transaction.atomic
def send_message(
    *, actor: Membership, thread: Thread, body: str, files: Sequence[CleanFile] = (),
    now: datetime, language: str = "",
) -> Message:
    """Send ``body`` (and files) to ``thread``; ``language`` is the author's, in which its
    tone is rated once and stored with it (empty: not rated)."""
    thread = get_thread(actor, thread.pk)
    if not can_write(actor, thread):
        raise PermissionDenied("You can read this conversation but not write in it.")
    body = _check_body(body)
    stored = []
    for clean in files:
        entry, sha256 = records.append_file(actor.family, "messaging.attachment.added", actor,
                                            io.BytesIO(clean.data), now=now)
        stored.append((clean, sha256, entry.seq))
    entry = records.append(actor.family, "messaging.message.sent", actor, {
        "thread": thread.record_seq, "body": body,
        "attachments": [{"sha256": sha, "name": clean.name, "type": clean.content_type}
                        for clean, sha, _seq in stored],
    }, now=now)
    tone, tone_kinds = rate_tone(body, language)
    message = Message.objects.create(
        family=actor.family, thread=thread, author=actor, body=body,
        sent_at=entry.recorded_at, record_seq=entry.seq, tone=tone, tone_kinds=tone_kinds,
    )
    Attachment.objects.bulk_create([
        Attachment(family=actor.family, message=message, name=clean.name,
                   content_type=clean.content_type, size=len(clean.data), sha256=sha,
                   record_seq=seq)
        for clean, sha, seq in stored
    ])
    notify_recipients(message, now=now)
    return message


@transaction.atomic
def record_first_views(
    *, actor: Membership, messages: Iterable[Message], now: datetime
) -> list[Receipt]:
    """Record, once per reader and message, the first time the reader saw it."""
    unseen = [m for m in messages if m.author_id != actor.pk]
    already = set(Receipt.objects.filter(reader=actor, message__in=unseen)
                  .values_list("message_id", flat=True))
    receipts = []
    for message in unseen:
        if message.pk in already:
            continue
        entry = records.append(actor.family, "messaging.message.viewed", actor, {
            "thread": message.thread.record_seq, "message": message.record_seq,
        }, now=now)
        receipts.append(Receipt.objects.create(
            message=message, reader=actor, first_viewed_at=entry.recorded_at,
            record_seq=entry.seq,
        ))
    return receipts


def preferences_for(membership: Membership) -> NotificationPreference:
    preference, _created = NotificationPreference.objects.get_or_create(membership=membership)
    return preference


def holds(actor: Membership, body: str, language: str, files: Sequence[CleanFile]) -> bool:
    """Whether this draft waits for the cool-down: its author asked for it, it reads as
    hostile, and it carries no files (files go at once, with the message)."""
    if files or not rules_exist(language) or not settings_of(actor).cool_down:
        return False
    return analyze(body, language).level == Level.HOSTILE


@transaction.atomic
def hold_message(*, actor: Membership, thread: Thread, body: str, language: str,
                 now: datetime) -> HeldMessage:
    """Keep a draft for ``COOL_DOWN``; the worker sends it then (``send_due_messages``)."""
    thread = get_thread(actor, thread.pk)
    if not can_write(actor, thread):
        raise PermissionDenied("You can read this conversation but not write in it.")
    return HeldMessage.objects.create(family=actor.family, thread=thread, author=actor,
                                      body=_check_body(body), language=language[:16],
                                      held_at=now, send_at=now + COOL_DOWN)


@transaction.atomic
def hold_thread(*, actor: Membership, subject: str, body: str,
                members: Iterable[Membership] = (), language: str,
                now: datetime) -> HeldMessage:
    """Keep the first message of a new conversation for ``COOL_DOWN``; the conversation is
    started, with its subject and members, when the worker sends it."""
    require(actor, Cap.START_THREAD)
    subject = subject.strip()[:200]
    if not subject:
        raise ValidationError(_("Give the conversation a subject."))
    extra = [m.pk for m in members] if has(actor, Cap.ADD_TO_THREAD) else []
    return HeldMessage.objects.create(family=actor.family, thread=None, subject=subject,
                                      member_ids=extra, author=actor, body=_check_body(body),
                                      language=language[:16], held_at=now,
                                      send_at=now + COOL_DOWN)


def _own_held(actor: Membership, thread: Thread | None, held_id: str) -> HeldMessage:
    found = None
    if held_id.isascii() and held_id.isdigit() and len(held_id) < 19:
        found = (HeldMessage.objects.select_for_update()
                 .filter(pk=int(held_id), thread=thread, author=actor).first())
    if found is None:
        raise ValidationError(_("That message is no longer waiting: it was sent or "
                                "withdrawn."))
    return found


@transaction.atomic
def edit_held(*, actor: Membership, thread: Thread | None, held_id: str,
              body: str) -> HeldMessage:
    """Change the words of one's own waiting message; it is still sent at its time."""
    held = _own_held(actor, thread, held_id)
    held.body = _check_body(body)
    held.save(update_fields=["body"])
    return held


@transaction.atomic
def withdraw_held(*, actor: Membership, thread: Thread | None, held_id: str) -> None:
    """Withdraw one's own waiting message: it is never sent, and nothing of it is kept."""
    _own_held(actor, thread, held_id).delete()


def send_due_messages(*, now: datetime) -> int:
    """Send every held message whose cool-down is over, each once: it is locked, sent and
    removed in one transaction (a second worker skips what the first holds). A message
    whose author has left or may no longer write there is dropped, unsent. One message
    that fails is logged and left for the next round; the others are still sent."""
    sent = 0
    due = list(HeldMessage.objects.filter(send_at__lte=now).order_by("send_at", "pk")
               .values_list("pk", flat=True))
    for held_id in due:
        try:
            sent += _send_held(held_id, now)
        except Exception:  # a round must never stop for one message
            log.exception("held message %s could not be sent; it is tried again", held_id)
    return sent


@transaction.atomic
def _send_held(held_id: int, now: datetime) -> int:
    held = (HeldMessage.objects.select_for_update(skip_locked=True, of=("self",))
            .filter(pk=held_id, send_at__lte=now).select_related("author__family", "thread")
            .first())
    if held is None:
        return 0  # withdrawn, sent by another worker, or being sent by one now
    sent = 0
    if held.author.status == MembershipStatus.ACTIVE and not access_lapsed(held.author, now):
        try:
            with transaction.atomic():
                if held.thread is None:  # the first message of a new conversation
                    members = members_with(held.family_id, Cap.JOIN_THREADS).filter(
                        pk__in=held.member_ids)
                    start_thread(actor=held.author, subject=held.subject, body=held.body,
                                 members=members, now=now, language=held.language)
                else:
                    send_message(actor=held.author, thread=held.thread, body=held.body,
                                 language=held.language, now=now)
                sent = 1
        except (PermissionDenied, ValidationError, Http404):
            pass  # no longer in the conversation, or no longer allowed to write
    held.delete()
    return sent
