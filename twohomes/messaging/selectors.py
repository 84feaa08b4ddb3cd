"""Which threads and messages a member may see or write in (built on families.access)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime

from django.core.cache import cache
from django.db.models import Count, F, Max, Q, QuerySet
from django.http import Http404

from twohomes.families.access import Cap, has, roles_with, scoped
from twohomes.families.models import Membership, MembershipStatus
from twohomes.records import services as records

from .models import Message, Thread, ThreadMember


def visible_threads(membership: Membership) -> QuerySet[Thread]:
    """Parents see every thread; a child their own threads; others the threads they are in."""
    threads = scoped(membership, Thread.objects.all())
    if has(membership, Cap.IN_EVERY_THREAD):
        return threads
    own = Q(child=membership)
    if membership.rejoined_at is not None:
        own &= Q(created_at__gte=membership.rejoined_at)
    return threads.filter(own | Q(pk__in=current_places(membership).values("thread")))


def current_places(membership: Membership) -> QuerySet[ThreadMember]:
    """The threads ``membership`` was added to since they last joined the family."""
    places = ThreadMember.objects.filter(membership=membership)
    if membership.rejoined_at is not None:
        places = places.filter(added_at__gte=membership.rejoined_at)
    return places


def get_thread(membership: Membership, thread_id: int) -> Thread:
    thread = visible_threads(membership).filter(pk=thread_id).first()
    if thread is None:
        raise Http404
    return thread


def can_write(membership: Membership, thread: Thread) -> bool:
    if not has(membership, Cap.WRITE_MESSAGES):
        return False  # professionals read; they never take part
    if has(membership, Cap.IN_EVERY_THREAD):
        return True
    if thread.child_id == membership.pk:
        return membership.since_joined(thread.created_at)
    return current_places(membership).filter(thread=thread, can_write=True).exists()


def participants(thread: Thread) -> list[Membership]:
    """Everyone in the thread now: the active parents, the child, and added members."""
    active = Membership.objects.filter(family_id=thread.family_id, status=MembershipStatus.ACTIVE)
    ids = set(thread.extra_members.filter(
        Q(membership__rejoined_at__isnull=True) | Q(added_at__gte=F("membership__rejoined_at")))
        .values_list("membership_id", flat=True))
    if thread.child_id:
        ids.add(thread.child_id)
    everyone = Q(role__in=roles_with(Cap.IN_EVERY_THREAD))
    return list(active.filter(everyone | Q(pk__in=ids)).select_related("user"))


@dataclass(frozen=True)
class ThreadSummary:
    """One thread as a member's list shows it: its size, its last message, what is new."""

    thread_id: int
    total: int
    last_at: datetime | None
    unread: int


SUMMARY_SECONDS = 24 * 3600


def _summary_key(membership: Membership) -> str:
    """Every message, first reading and thread membership is appended to the family's
    record in the same transaction, so the record's size is a version of all a member's
    summaries depend on; who the member is (role, status, return) is the rest."""
    size = records.size_seen_by(membership)
    parts = (membership.family_id, membership.pk, membership.role, membership.status,
             membership.rejoined_at, size)  # the family's id is random: never another's
    return "twohomes:threads:" + hashlib.sha256(repr(parts).encode()).hexdigest()


def thread_summaries(membership: Membership) -> dict[int, ThreadSummary]:
    """Per visible thread: how many messages, the last one's time, and how many others
    wrote that ``membership`` has not opened. Counted once per version of the family's
    record and kept in the cache, then kept on the membership object for the request
    (the menu's count and the messages page both ask)."""
    kept = membership.__dict__.get("_thread_summaries")
    if kept is not None:
        found: dict[int, ThreadSummary] = kept
        return found
    key = _summary_key(membership)
    found = cache.get(key)
    if not isinstance(found, dict):
        threads = visible_threads(membership)
        unread = dict(
            Message.objects.filter(thread__in=threads).exclude(author=membership)
            .exclude(receipts__reader=membership).values("thread").annotate(n=Count("id"))
            .values_list("thread", "n"))
        found = {pk: ThreadSummary(pk, total, last_at, unread.get(pk, 0))
                 for pk, total, last_at in threads.annotate(
                     total=Count("messages"), last_at=Max("messages__sent_at"))
                 .values_list("pk", "total", "last_at")}
        cache.set(key, found, SUMMARY_SECONDS)
    membership.__dict__["_thread_summaries"] = found
    return found


def unread_count(membership: Membership) -> int:
    """Messages of the threads ``membership`` sees that others wrote and they have not opened."""
    return sum(summary.unread for summary in thread_summaries(membership).values())
