"""Who may do what in a family: the one place access is decided.

- ``Cap`` names every capability, and what a member is to the others (holds custody, can
  be added to a conversation …); ``ROLE_CAPS`` gives each role its set. Code asks
  ``has`` / ``role_has``, templates ``can.<capability>``; people are addressed through
  ``parents_of`` and ``members_with``. Nothing else compares role names.
- ``family_view(Cap.X)`` wraps a view: sign-in, allowed methods (405), membership
  resolved from the URL (404 for non-members, so a family's existence never leaks),
  capability (403); the view then receives the membership.
- ``public_view`` / ``signed_in_view`` declare views outside a family, and
  ``EXTERNAL_ROUTES`` declares the routes of the libraries we mount. The
  authorization-matrix test fails for any route declared nowhere.
- Family-owned rows are read inside the family's scope (``family_view`` and
  ``in_family`` open it; a query outside one raises), through ``scoped`` or
  ``visible_children``; ``unscoped(reason)`` names the few reads across families.
"""

from __future__ import annotations

import enum
import functools
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, TypeVar

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.http.response import HttpResponseBase
from django.utils import timezone
from django.utils.translation import gettext_noop
from django_scopes import scope, scopes_disabled

from .audit import Said, audit_line
from .models import Child, Membership, MembershipStatus, Role


class Cap(enum.Enum):
    """What a member may do, and what a member is to the others (the last group)."""

    VIEW_FAMILY = "view_family"
    EDIT_FAMILY = "edit_family"
    VIEW_ALL_CHILDREN = "view_all_children"
    MANAGE_CHILDREN = "manage_children"
    VIEW_MEMBERS = "view_members"
    MANAGE_MEMBERS = "manage_members"
    VIEW_AUDIT = "view_audit"
    LEAVE_FAMILY = "leave_family"
    VIEW_MESSAGES = "view_messages"
    START_THREAD = "start_thread"
    ADD_TO_THREAD = "add_to_thread"
    WRITE_MESSAGES = "write_messages"  # in the conversations they are in
    IN_EVERY_THREAD = "in_every_thread"  # reads and writes in every conversation
    EXPORT_RECORD = "export_record"
    EXPORT_WHOLE_RECORD = "export_whole_record"  # not only the conversations they are in
    MANAGE_EVENTS = "manage_events"
    VIEW_CALENDAR = "view_calendar"
    PROPOSE_PLAN = "propose_plan"
    REQUEST_SWAP = "request_swap"
    VIEW_PLANS = "view_plans"
    CHECK_TONE = "check_tone"  # tone help on their own drafts; fold what arrives heated
    VIEW_TONE_TREND = "view_tone_trend"  # counts per level and month of what they may read
    VIEW_EXPENSES = "view_expenses"  # money: the balance, expenses, payments
    SHARE_EXPENSES = "share_expenses"  # log, answer, pay and confirm shared expenses
    # What a member is to the others: who is addressed, counted or limited.
    HOLD_CUSTODY = "hold_custody"  # has time in the plan, answers changes, gets parents' email
    JOIN_THREADS = "join_threads"  # can be added to a conversation
    OWN_CHILD_THREADS = "own_child_threads"  # what they start is a child's talk with parents
    BE_INVITED_TO_EVENTS = "be_invited_to_events"
    TIME_LIMITED_ACCESS = "time_limited_access"  # access ends on a date set by a parent
    VIEWS_LOGGED = "views_logged"  # every page they open is in the parents' audit list


_EVERYONE = {Cap.VIEW_FAMILY, Cap.LEAVE_FAMILY, Cap.VIEW_MESSAGES, Cap.VIEW_CALENDAR}
_TAKES_PART = {Cap.WRITE_MESSAGES, Cap.JOIN_THREADS, Cap.BE_INVITED_TO_EVENTS, Cap.CHECK_TONE}
ROLE_CAPS: dict[str, frozenset[Cap]] = {
    Role.PARENT: frozenset(_EVERYONE | {
        Cap.EDIT_FAMILY, Cap.VIEW_ALL_CHILDREN, Cap.MANAGE_CHILDREN, Cap.VIEW_MEMBERS,
        Cap.MANAGE_MEMBERS, Cap.VIEW_AUDIT, Cap.START_THREAD, Cap.ADD_TO_THREAD,
        Cap.WRITE_MESSAGES, Cap.IN_EVERY_THREAD, Cap.EXPORT_RECORD, Cap.EXPORT_WHOLE_RECORD,
        Cap.MANAGE_EVENTS, Cap.PROPOSE_PLAN, Cap.REQUEST_SWAP, Cap.VIEW_PLANS,
        Cap.HOLD_CUSTODY, Cap.BE_INVITED_TO_EVENTS, Cap.CHECK_TONE, Cap.VIEW_EXPENSES,
        Cap.SHARE_EXPENSES,
    }),
    Role.PARTNER: frozenset(_EVERYONE | _TAKES_PART | {Cap.VIEW_MEMBERS}),
    Role.RELATIVE: frozenset(_EVERYONE | _TAKES_PART),
    Role.PROFESSIONAL: frozenset(_EVERYONE | {
        Cap.VIEW_ALL_CHILDREN, Cap.VIEW_MEMBERS, Cap.EXPORT_RECORD, Cap.VIEW_PLANS,
        Cap.JOIN_THREADS, Cap.TIME_LIMITED_ACCESS, Cap.VIEWS_LOGGED, Cap.VIEW_TONE_TREND,
    }),
    Role.CHILD: frozenset(_EVERYONE | {
        Cap.START_THREAD, Cap.WRITE_MESSAGES, Cap.OWN_CHILD_THREADS, Cap.CHECK_TONE,
    }),
}


def has(membership: Membership, cap: Cap) -> bool:
    return cap in ROLE_CAPS[membership.role]


def role_has(role: str, cap: Cap) -> bool:
    """For a role not yet held: an invitation's, or a role a parent is about to give."""
    return cap in ROLE_CAPS[role]


def roles_with(cap: Cap) -> frozenset[str]:
    """The roles that have ``cap``, for queries that address members by what they may do."""
    return frozenset(role for role, caps in ROLE_CAPS.items() if cap in caps)


def can(membership: Membership) -> dict[str, bool]:
    """What templates ask: ``can.<capability>`` for the member the page is for."""
    caps = ROLE_CAPS[membership.role]
    return {cap.value: cap in caps for cap in Cap}


def require(membership: Membership, cap: Cap) -> None:
    """403 when the member's role lacks ``cap``."""
    if not has(membership, cap):
        raise PermissionDenied(f"Your role in this family cannot {cap.value.replace('_', ' ')}.")


M = TypeVar("M", bound=models.Model)


def scoped(membership: Membership, queryset: models.QuerySet[M]) -> models.QuerySet[M]:
    """The rows of ``queryset`` that belong to the member's family, and no others."""
    return queryset.filter(family_id=membership.family_id)


def visible_children(membership: Membership) -> models.QuerySet[Child]:
    """Parents and professionals see every child; others the children they are linked to."""
    children = scoped(membership, Child.objects.all())
    if has(membership, Cap.VIEW_ALL_CHILDREN):
        return children
    return children.filter(linked_members=membership)


LAST_FAMILY_KEY = "twohomes_last_family"  # for the header on pages outside a family


def members_with(family: Any, cap: Cap) -> models.QuerySet[Membership]:
    """The active members of ``family`` (a family or its id) whose role has ``cap``."""
    family_id = getattr(family, "pk", family)
    return (Membership.objects.filter(family_id=family_id, status=MembershipStatus.ACTIVE,
                                      role__in=roles_with(cap))
            .select_related("user").order_by("joined_at", "pk"))


def parents_of(family: Any) -> models.QuerySet[Membership]:
    """The family's active parents (those who hold custody), oldest membership first."""
    return members_with(family, Cap.HOLD_CUSTODY)


def active_memberships(user: Any, *, now: Any = None) -> list[Membership]:
    """The user's current memberships, in every family (before a family is known)."""
    now = now or timezone.now()
    with unscoped("a user's families"):
        return list(Membership.objects.filter(user=user, status=MembershipStatus.ACTIVE)
                    .exclude(expires_at__lte=now).select_related("family"))


def resolve_membership(request: HttpRequest, family_id: Any) -> Membership:
    """The signed-in user's active membership of ``family_id``, else 404."""
    if not request.user.is_authenticated:
        raise Http404
    try:
        family_uuid = uuid.UUID(str(family_id))
    except ValueError:
        raise Http404 from None
    with unscoped("a user's families"):
        membership = (
            Membership.objects.filter(
                family_id=family_uuid, user=request.user, status=MembershipStatus.ACTIVE
            )
            .select_related("family", "user")
            .first()
        )
    if membership is None:
        raise Http404
    if access_lapsed(membership):
        end_expired_access(membership)  # a view that records: the lapsed access ends now
        raise Http404
    return membership


def access_lapsed(membership: Membership, now: Any = None) -> bool:
    """True once a time-limited access has passed its end (it is ended on next use)."""
    return membership.expires_at is not None and membership.expires_at <= (now or timezone.now())


def end_expired_access(membership: Membership) -> None:
    """Turn a professional's lapsed access into an ended membership, recorded once."""
    with transaction.atomic(), scope(family=membership.family_id):
        updated = Membership.objects.filter(
            pk=membership.pk, status=MembershipStatus.ACTIVE
        ).update(status=MembershipStatus.EXPIRED, ended_at=membership.expires_at)
        if updated:
            audit_line(membership.family_id, None, "family.member.access_expired",
                       gettext_noop("Access of %(name)s (%(role)s) ended as planned."),
                       name=membership.user.name, role=Role(membership.role)).save()


# --- Declarations read by the authorization-matrix test -------------------------------


@dataclass(frozen=True)
class Access:
    kind: str  # "public", "signed_in" or "family"
    methods: tuple[str, ...]
    cap: Cap | None = None


# Routes mounted from libraries (allauth) are declared here by URL-name prefix.
EXTERNAL_ROUTES: dict[str, str] = {
    "account_": "allauth",
    "mfa_": "allauth",
    "usersessions_": "allauth",
}

V = TypeVar("V", bound=Callable[..., HttpResponse])


def _method_guard(view: Callable[..., HttpResponseBase], methods: Iterable[str]) -> Any:
    allowed = tuple(methods)

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if request.method not in allowed and not (request.method == "HEAD" and "GET" in allowed):
            return HttpResponseNotAllowed(allowed)
        return view(request, *args, **kwargs)

    return wrapper


def public_view(methods: Iterable[str] = ("GET",)) -> Callable[[V], V]:
    def decorate(view: V) -> V:
        wrapper = _method_guard(view, methods)
        wrapper.access = Access("public", tuple(methods))
        return wrapper

    return decorate


def signed_in_view(methods: Iterable[str] = ("GET",)) -> Callable[[V], V]:
    def decorate(view: V) -> V:
        @functools.wraps(view)
        def signed_in(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            return view(request, *args, **kwargs)

        wrapper = _method_guard(signed_in, methods)
        wrapper.access = Access("signed_in", tuple(methods))
        return wrapper

    return decorate


def family_view(cap: Cap, methods: Iterable[str] = ("GET",)) -> Callable[..., Any]:
    """Wrap ``view(request, membership, **kwargs)`` for a URL with ``<family_id>``."""

    def decorate(view: Callable[..., HttpResponseBase]) -> Any:
        @functools.wraps(view)
        def in_family(request: HttpRequest, family_id: Any, **kwargs: Any) -> HttpResponseBase:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            membership = resolve_membership(request, family_id)
            require(membership, cap)
            request.membership = membership  # type: ignore[attr-defined]
            # A view that records: session bookkeeping (the family the header speaks for).
            if request.session.get(LAST_FAMILY_KEY) != str(membership.family_id):
                request.session[LAST_FAMILY_KEY] = str(membership.family_id)
            # Every time on a family's pages is the family's local time, and every query
            # of a family-owned table reads this family's rows only (others raise).
            with timezone.override(membership.family.zone), scope(family=membership.family_id):
                if has(membership, Cap.VIEWS_LOGGED):
                    log_professional_view(membership, request)  # a view that records
                return view(request, membership, **kwargs)

        wrapper = _method_guard(in_family, methods)
        wrapper.access = Access("family", tuple(methods), cap)
        return wrapper

    return decorate


# What a professional did, in the words the parents read in the audit list, by URL name:
# marked here, worded in each parent's language when the list is shown.
PAGE_WORDS = {
    "family_home": gettext_noop("opened the family's Today page"),
    "members": gettext_noop("looked at the members"),
    "calendar_month": gettext_noop("looked at the calendar (month)"),
    "calendar_week": gettext_noop("looked at the calendar (week)"),
    "calendar_agenda": gettext_noop("looked at the calendar (agenda)"),
    "feed_settings": gettext_noop("opened the feed page"),
    "feed_create": gettext_noop("made a calendar feed address"),
    "feed_revoke": gettext_noop("revoked their feed address"),
    "feed_reminders": gettext_noop("changed their reminders"),
    "thread_list": gettext_noop("looked at the list of conversations"),
    "thread_detail": gettext_noop("read a conversation"),
    "attachment": gettext_noop("opened an attachment"),
    "export_record": gettext_noop("opened the export page"),
    "plan_list": gettext_noop("looked at the parenting plans"),
    "plan_detail": gettext_noop("read a parenting plan"),
    "swap_list": gettext_noop("looked at the change requests"),
    "swap_detail": gettext_noop("read a change request"),
    "event_list": gettext_noop("looked at the events"),
    "event_detail": gettext_noop("read an event"),
    "tone_trend": gettext_noop("looked at the tone of the conversations over time"),
    # Professionals see no money until the parents grant it (reports); kept for that day.
    "expense_list": gettext_noop("looked at the shared expenses"),
    "expense_detail": gettext_noop("read an expense"),
    "expense_balance": gettext_noop("looked at the balance of the expenses"),
    "expense_export": gettext_noop("downloaded the expenses as a spreadsheet"),
    "expense_receipt": gettext_noop("opened a receipt"),
}


def log_professional_view(membership: Membership, request: HttpRequest) -> None:
    """Professionals' every view is visible to the parents in the audit list."""
    match = request.resolver_match
    opened = gettext_noop("opened a page")
    words = PAGE_WORDS.get(match.url_name or "", opened) if match else opened
    if request.method == "POST" and match and match.url_name == "export_record":
        words = gettext_noop("downloaded an export of the record")
    audit_line(membership.family_id, membership.user, "family.professional.viewed",
               gettext_noop("%(name)s (professional) %(did)s."), name=membership.user.name,
               did=Said(words)).save()


def posted(request: HttpRequest) -> tuple[Any, Any]:
    """(data, files) for a form: bound on POST even when nothing was sent, else unbound."""
    if request.method == "POST":
        return request.POST, request.FILES
    return None, None


# --- Reads before a family is known ----------------------------------------------------
# Family-owned tables are read inside a family's scope (``family_view`` opens it; outside
# one, a query raises). These are the only reads that may look across families, each
# named; a test holds every use of ``unscoped`` in the code to this list.
OPT_OUTS = {
    "a user's families": "which families a signed-in person belongs to",
    "a feed by its token": "the calendar feed whose secret address was opened",
    "accepting an invitation": "the invitation a link's token names",
    "a command": "an administrator's command, acting for the whole service",
    "a worker task": "a background round over every family (reminders, expiries, emails)",
}


@contextmanager
def unscoped(reason: str) -> Iterator[None]:
    """Read across families, for one of the named reasons above."""
    if reason not in OPT_OUTS:
        raise ValueError(f"{reason!r} is not a named reason to read across families")
    with scopes_disabled():
        yield


def in_family(family: Any) -> Any:
    """The scope of one family (a family or its id), for work outside a family's pages."""
    return scope(family=getattr(family, "pk", family))


F = TypeVar("F", bound=Callable[..., Any])


def across_families(reason: str) -> Callable[[F], F]:
    """A command's ``handle`` or a worker task, run with ``unscoped(reason)``."""

    def decorate(function: F) -> F:
        @functools.wraps(function)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            with unscoped(reason):
                return function(*args, **kwargs)

        return wrapper  # type: ignore[return-value]

    return decorate
