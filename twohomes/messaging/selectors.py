"""Which threads and messages a member may see or write in (built on families.access)."""

from __future__ import annotations

from django.db.models import F, Q, QuerySet
from django.http import Http404

from twohomes.families.access import Cap, has, roles_with, scoped
from twohomes.families.models import Membership, MembershipStatus

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


def unread_count(membership: Membership) -> int:
    """Messages of the threads ``membership`` sees that others wrote and they have not opened."""
    return (Message.objects.filter(thread__in=visible_threads(membership))
            .exclude(author=membership).exclude(receipts__reader=membership).count())
