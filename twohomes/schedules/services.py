"""Plans proposed and agreed by every parent; swaps asked, answered, expired."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime, timedelta
from typing import Any

from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max, Q, QuerySet
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import lazy
from django.utils.translation import gettext as _

from twohomes.core.ledger import canonical_json
from twohomes.core.schedule import PlanError, load_plan
from twohomes.families.access import Cap, has, parents_of, require
from twohomes.families.models import Child, Family, Membership
from twohomes.records import services as records

from .engine import build_spec
from .models import (
    Override,
    ParentingPlan,
    PlanDecision,
    PlanStatus,
    SwapRequest,
    SwapStatus,
)
from .notify import tell_parents


def active_parents(family: Any) -> list[Membership]:
    return list(parents_of(family))


def plan_parents(family: Any) -> dict[str, Membership]:
    """The two homes of a plan: "A" and "B" are the family's first two parents."""
    parents = active_parents(family)
    return dict(zip("AB", parents[:2], strict=False))


def prepare_spec(*, actor: Membership, choices: dict[str, Any]) -> dict[str, Any]:
    """The engine JSON for ``choices``, checked by the engine; ValidationError says why not."""
    family = actor.family
    parents = plan_parents(family)
    if len(parents) < 2:
        raise ValidationError(_("A parenting plan is between two homes: invite the other "
                                "parent first."))
    wanted = {c for g in choices["groups"] for c in g["children"]}
    children = list(family.children.filter(pk__in=wanted))
    if len(children) != len(wanted):
        raise ValidationError(_("The plan names a child who is not in this family."))
    spec = build_spec(family, choices, parents, children)
    try:
        load_plan(spec)
    except PlanError as error:
        raise ValidationError(_("The plan cannot work as it is: %(problem)s")
                              % {"problem": error}) from None
    return spec


def child_names(family: Family) -> dict[int, str]:
    """The family's children's names by id, for wording a plan."""
    return dict(family.children.values_list("pk", "name"))


def _summary(choices: dict[str, Any], children: dict[int, str]) -> str:
    parts = []
    for group in choices["groups"]:
        names = ", ".join(children.get(c, "?") for c in group["children"])
        parts.append(f"{group['pattern']} for {names}")
    return "; ".join(parts)[:300]


def _check_effective_from(family: Family, effective_from: date, now: datetime) -> None:
    if effective_from < family.today(now):
        raise ValidationError(_("A new plan starts today or later: the days already lived "
                                "keep the plan that was in force."))


@transaction.atomic
def propose_plan(*, actor: Membership, choices: dict[str, Any], now: datetime,
                 effective_from: date | None = None) -> ParentingPlan:
    """Propose a plan that governs every day from ``effective_from`` (by default the
    family's today) once every parent agrees; the days before it keep the plan in force
    then. A family's first plan also covers the days before it."""
    require(actor, Cap.PROPOSE_PLAN)
    spec = prepare_spec(actor=actor, choices=choices)
    family = actor.family
    effective_from = effective_from or family.today(now)
    _check_effective_from(family, effective_from, now)
    parents = plan_parents(family)
    ParentingPlan.objects.select_for_update().filter(family=family).exists()
    version = (ParentingPlan.objects.filter(family=family).aggregate(v=Max("version"))["v"]
               or 0) + 1
    entry = records.append(family, "schedules.plan.proposed", actor, {
        "version": version, "spec": spec, "effective_from": effective_from.isoformat(),
        "spec_sha256": hashlib.sha256(canonical_json(spec)).hexdigest(),
    }, now=now)
    names = dict(family.children.values_list("pk", "name"))
    plan = ParentingPlan.objects.create(
        family=family, version=version, choices=choices, spec=spec,
        parent_ids={key: m.pk for key, m in parents.items()}, effective_from=effective_from,
        summary=_summary(choices, names), exchange_place=choices.get("exchange_place", ""),
        proposed_by=actor, proposed_at=entry.recorded_at, record_seq=entry.seq,
    )
    # Proposing is agreeing: the proposer's own decision is recorded with the proposal.
    _decide(plan, actor, agreed=True, comment="Proposed this plan.", now=now)
    ParentingPlan.objects.filter(family=family, status=PlanStatus.PROPOSED).exclude(
        pk=plan.pk).update(status=PlanStatus.WITHDRAWN)
    # The summary is worded when each email is made, in its reader's language.
    summary = lazy(plan.summary_in_words, str)(child_names(family))
    tell_parents(plan.family, exclude=actor, template="schedules/email/plan_proposed.txt",
                 context={"plan": plan, "actor": actor, "summary": summary})
    return plan


def _decide(plan: ParentingPlan, actor: Membership, *, agreed: bool, comment: str,
            now: datetime) -> PlanDecision:
    kind = "schedules.plan.agreed" if agreed else "schedules.plan.declined"
    entry = records.append(plan.family, kind, actor, {
        "version": plan.version, "comment": comment}, now=now)
    decision = PlanDecision.objects.create(plan=plan, parent=actor, agreed=agreed,
                                           comment=comment, decided_at=entry.recorded_at,
                                           record_seq=entry.seq)
    if not agreed:
        plan.status = PlanStatus.DECLINED
        plan.save(update_fields=["status"])
        return decision
    agreed_ids = set(plan.decisions.filter(agreed=True).values_list("parent_id", flat=True))
    if {p.pk for p in active_parents(plan.family)} <= agreed_ids:
        _put_in_force(plan, now)
    return decision


def _put_in_force(plan: ParentingPlan, now: datetime) -> None:
    """The plan governs from its effective date: versions that start before it stay in
    the family's timeline for the days before, those that start on or after it are
    replaced whole."""
    replaced = ParentingPlan.objects.filter(family=plan.family, status=PlanStatus.AGREED)
    if plan.effective_from is not None:
        replaced = replaced.exclude(effective_from__lt=plan.effective_from).exclude(
            effective_from__isnull=True)
    replaced.update(status=PlanStatus.SUPERSEDED)
    plan.status = PlanStatus.AGREED
    plan.agreed_at = now
    plan.save(update_fields=["status", "agreed_at"])
    records.append(plan.family, "schedules.plan.in_force", None, {"version": plan.version},
                   now=now)


@transaction.atomic
def decide_plan(*, actor: Membership, plan: ParentingPlan, agreed: bool, comment: str,
                now: datetime) -> PlanDecision:
    require(actor, Cap.PROPOSE_PLAN)
    plan = ParentingPlan.objects.select_for_update().get(pk=plan.pk, family=actor.family)
    # (The expiry itself is written by expire_plans, outside this refused transaction.)
    if plan.status == PlanStatus.EXPIRED or (plan.status == PlanStatus.PROPOSED
                                             and plan_lapsed(plan, plan.family.today(now))):
        starts = date_format(plan.effective_from, "DAY_FORMAT") if plan.effective_from else ""
        raise ValidationError(_("This plan was to start on %(day)s, which has passed: propose "
                                "it again with a new start date, for every parent to agree "
                                "to.") % {"day": starts})
    if plan.status != PlanStatus.PROPOSED:
        raise ValidationError(_("This plan is no longer waiting for a decision."))
    if plan.decisions.filter(parent=actor).exists():
        raise ValidationError(_("You have already answered this plan."))
    if not agreed and not comment.strip():
        raise ValidationError(_("Say why you decline, so the other parent can propose "
                                "something that works."))
    decision = _decide(plan, actor, agreed=agreed, comment=comment.strip(), now=now)
    tell_parents(plan.family, exclude=actor, template="schedules/email/plan_decided.txt",
                 context={"plan": plan, "actor": actor, "decision": decision})
    return decision


def plan_lapsed(plan: ParentingPlan, today: date) -> bool:
    """A proposal's start day passed (``today`` in the family's time zone)."""
    return plan.effective_from is not None and plan.effective_from < today


def swap_lapsed(swap: SwapRequest, today: date) -> bool:
    """A request's answer-by day passed (``today`` in the family's time zone)."""
    return swap.answer_by < today


def show_lapsed(items: Iterable[ParentingPlan | SwapRequest], today: date) -> None:
    """Show a proposal or request whose date has passed as expired, as the worker's round
    (``tasks.expiry_tick``) records it within minutes. Nothing is saved: a page that is
    only read changes nothing in the family's data or record."""
    for item in items:
        if isinstance(item, ParentingPlan):
            if item.status == PlanStatus.PROPOSED and plan_lapsed(item, today):
                item.status = PlanStatus.EXPIRED
        elif item.status == SwapStatus.PENDING and swap_lapsed(item, today):
            item.status = SwapStatus.EXPIRED


def expire_plan(plan: ParentingPlan, now: datetime) -> None:
    """A proposal whose start date passed while it waited for agreement expires: the
    days it would have changed were lived under the plan in force."""
    plan.status = PlanStatus.EXPIRED
    plan.save(update_fields=["status"])
    records.append(plan.family, "schedules.plan.expired", None, {"version": plan.version},
                   now=now)


def _expire_each(candidates: QuerySet[Any], family: Any, waiting: str,
                 lapsed: Callable[[Any], bool], expire: Callable[[Any, datetime], None],
                 now: datetime) -> int:
    """Expire the ``candidates`` (of ``family``, or of every family) that have ``lapsed``,
    each in its own transaction and only if still ``waiting`` once locked: another parent
    may have answered in between. Returns how many expired."""
    if family is not None:
        candidates = candidates.filter(family=family)
    count = 0
    for row in candidates.select_related("family"):
        if not lapsed(row):
            continue
        with transaction.atomic():
            locked = candidates.model.objects.select_for_update().get(pk=row.pk)
            if locked.status == waiting:
                expire(locked, now)
                count += 1
    return count


def expire_plans(*, now: datetime, family: Any = None) -> int:
    """Expire every proposal whose start date passed before every parent agreed."""
    waiting = ParentingPlan.objects.filter(status=PlanStatus.PROPOSED,
                                           effective_from__isnull=False)
    return _expire_each(waiting, family, PlanStatus.PROPOSED,
                        lambda plan: plan_lapsed(plan, plan.family.today(now)), expire_plan, now)


# --- swaps ------------------------------------------------------------------------------


LONGEST_CHANGE = timedelta(days=366)
FURTHEST_AHEAD = timedelta(days=2 * 366)


def _overlapping(family: Any, children: list[Child], starts: datetime, ends: datetime) -> bool:
    return Override.objects.filter(family=family, child__in=children, starts__lt=ends,
                                   ends__gt=starts).exists()


def _window_problems(makeup: bool) -> tuple[str, str, str]:
    if makeup:
        return (_("The make-up time must end after it starts."),
                _("The make-up time can last a year at most; for longer, propose a new plan."),
                _("The make-up time can be asked for at most two years ahead."))
    return (_("The change must end after it starts."),
            _("The change can last a year at most; for longer, propose a new plan."),
            _("The change can be asked for at most two years ahead."))


def _check_window(starts: datetime, ends: datetime, now: datetime, *,
                  makeup: bool = False) -> None:
    """A change (or its make-up time) is a span of the next two years, a year at most."""
    backwards, too_long, too_far = _window_problems(makeup)
    if ends <= starts:
        raise ValidationError(backwards)
    if ends - starts > LONGEST_CHANGE:
        raise ValidationError(too_long)
    if starts - now > FURTHEST_AHEAD:
        raise ValidationError(too_far)


def _check_makeup(family: Any, children: list[Child], starts: datetime, ends: datetime,
                  makeup: tuple[datetime, datetime], now: datetime) -> None:
    _check_window(*makeup, now, makeup=True)
    if makeup[0] <= now:
        raise ValidationError(_("The make-up time must be in the future."))
    if makeup[0] < ends and makeup[1] > starts:
        raise ValidationError(_("The make-up time cannot overlap the change itself."))
    if _overlapping(family, children, *makeup):
        raise ValidationError(_("The make-up time overlaps a change already accepted; offer "
                                "another time."))


@transaction.atomic
def request_swap(*, actor: Membership, children: list[Child], starts: datetime,
                 ends: datetime, parent: Membership, reason: str, answer_by: Any,
                 makeup: tuple[datetime, datetime] | None = None, now: datetime,
                 counter_of: SwapRequest | None = None) -> SwapRequest:
    require(actor, Cap.REQUEST_SWAP)
    family = actor.family
    if any(c.family_id != family.pk for c in children) or not children:
        raise ValidationError(_("Choose children of this family."))
    if parent.family_id != family.pk or not has(parent, Cap.HOLD_CUSTODY):
        raise ValidationError(_("The children can only be given to a parent of this family."))
    _check_window(starts, ends, now)
    if _overlapping(family, children, starts, ends):
        raise ValidationError(_("These days were already changed by an accepted request; ask "
                                "for a change that does not overlap it."))
    if makeup is not None:
        _check_makeup(family, children, starts, ends, makeup, now)
    entry = records.append(family, "schedules.swap.requested", actor, {
        "children": sorted(c.pk for c in children), "from": starts.isoformat(),
        "to": ends.isoformat(), "parent": records.actor_id(parent), "reason": reason,
        "answer_by": answer_by.isoformat(),
        "makeup": [m.isoformat() for m in makeup] if makeup else None,
        "counter_of": counter_of.record_seq if counter_of else None,
    }, now=now)
    swap = SwapRequest.objects.create(
        family=family, requested_by=actor, starts=starts, ends=ends, parent=parent,
        reason=reason, answer_by=answer_by, counter_of=counter_of,
        makeup_starts=makeup[0] if makeup else None, makeup_ends=makeup[1] if makeup else None,
        created_at=entry.recorded_at, record_seq=entry.seq)
    swap.children.set(children)
    tell_parents(family, exclude=None, template="schedules/email/swap_requested.txt",
                 context={"swap": swap, "actor": actor})
    return swap


def _locked_pending(actor: Membership, swap: SwapRequest, now: datetime) -> SwapRequest:
    swap = SwapRequest.objects.select_for_update().get(pk=swap.pk, family=actor.family)
    if swap.status == SwapStatus.PENDING and swap_lapsed(swap, swap.family.today(now)):
        _expire(swap, now)
    if swap.status != SwapStatus.PENDING:
        raise ValidationError(_("This request is %(status)s; it can no longer be answered.")
                              % {"status": swap.get_status_display().lower()})
    if swap.requested_by_id == actor.pk:
        raise PermissionDenied("The other parent answers your request.")
    return swap


def _close(swap: SwapRequest, actor: Membership, status: str, reason: str,
           now: datetime) -> None:
    swap.status, swap.decided_by, swap.decided_at, swap.decision_reason = (
        status, actor, now, reason)
    swap.save(update_fields=["status", "decided_by", "decided_at", "decision_reason"])
    records.append(swap.family, f"schedules.swap.{status}", actor, {
        "request": swap.record_seq, "reason": reason}, now=now)


def parent_giving_time(swap: SwapRequest) -> Membership:
    """The parent who gives up time in a change: the other home than the one the children
    go to. Make-up time is theirs, whoever asked, countered or accepted."""
    others = [p for p in plan_parents(swap.family).values() if p.pk != swap.parent_id]
    if not others:
        raise ValidationError(_("Make-up time needs the other parent in the family."))
    return others[0]


@transaction.atomic
def accept_swap(*, actor: Membership, swap: SwapRequest, now: datetime) -> SwapRequest:
    require(actor, Cap.REQUEST_SWAP)
    Family.objects.select_for_update().get(pk=actor.family_id)  # one acceptance at a time
    swap = _locked_pending(actor, swap, now)
    children = list(swap.children.all())
    windows = [(swap.starts, swap.ends)]
    if swap.makeup_starts and swap.makeup_ends:
        windows.append((swap.makeup_starts, swap.makeup_ends))
    if any(_overlapping(swap.family, children, *window) for window in windows):
        raise ValidationError(_("Another accepted change now covers some of these days; "
                                "answer with another time instead."))
    _close(swap, actor, SwapStatus.ACCEPTED, "", now)
    label = f"Swap: {swap.reason[:150]}"
    overrides = [Override(family=swap.family, child=c, starts=swap.starts, ends=swap.ends,
                          parent=swap.parent, reason=label, swap=swap, created_at=now)
                 for c in children]
    if swap.makeup_starts and swap.makeup_ends:
        giver = parent_giving_time(swap)
        overrides += [Override(family=swap.family, child=c, starts=swap.makeup_starts,
                               ends=swap.makeup_ends, parent=giver, swap=swap, created_at=now,
                               reason=f"Make-up time for swap {swap.pk}") for c in children]
    Override.objects.bulk_create(overrides)
    tell_parents(swap.family, exclude=None, template="schedules/email/swap_decided.txt",
                 context={"swap": swap, "actor": actor})
    return swap


@transaction.atomic
def decline_swap(*, actor: Membership, swap: SwapRequest, reason: str,
                 now: datetime) -> SwapRequest:
    require(actor, Cap.REQUEST_SWAP)
    swap = _locked_pending(actor, swap, now)
    if not reason.strip():
        raise ValidationError(_("Give a reason when you decline."))
    _close(swap, actor, SwapStatus.DECLINED, reason.strip(), now)
    tell_parents(swap.family, exclude=None, template="schedules/email/swap_decided.txt",
                 context={"swap": swap, "actor": actor})
    return swap


@transaction.atomic
def counter_swap(*, actor: Membership, swap: SwapRequest, now: datetime,
                 **proposal: Any) -> SwapRequest:
    """Answer a request with another time: the original closes, a new request opens."""
    require(actor, Cap.REQUEST_SWAP)
    original = _locked_pending(actor, swap, now)
    counter = request_swap(actor=actor, now=now, counter_of=original, **proposal)
    _close(original, actor, SwapStatus.COUNTERED, f"Proposed another time (request "
           f"{counter.pk}).", now)
    return counter


@transaction.atomic
def withdraw_swap(*, actor: Membership, swap: SwapRequest, now: datetime) -> None:
    swap = SwapRequest.objects.select_for_update().get(pk=swap.pk, family=actor.family)
    if swap.requested_by_id != actor.pk or swap.status != SwapStatus.PENDING:
        raise ValidationError(
            _("Only a request of yours that is still waiting can be withdrawn."))
    _close(swap, actor, SwapStatus.WITHDRAWN, "", now)


def _expire(swap: SwapRequest, now: datetime) -> None:
    swap.status, swap.decided_at = SwapStatus.EXPIRED, now
    swap.save(update_fields=["status", "decided_at"])
    records.append(swap.family, "schedules.swap.expired", None,
                   {"request": swap.record_seq}, now=now)


def expire_swaps(*, now: datetime, family: Any = None) -> int:
    """Close every pending request whose answer-by day has passed in the family's own time
    zone; nothing else changes."""
    # The latest date anywhere on Earth (UTC+14) bounds the query; each family's own day
    # decides.
    latest = (now.astimezone(UTC) + timedelta(hours=14)).date()
    lapsed = SwapRequest.objects.filter(status=SwapStatus.PENDING, answer_by__lt=latest)
    return _expire_each(lapsed, family, SwapStatus.PENDING,
                        lambda swap: swap_lapsed(swap, swap.family.today(now)), _expire, now)


def waiting_count(membership: Membership) -> int:
    """How many plans and change requests wait for this member's answer (for the menu)."""
    waiting = waiting_for(membership, timezone.now())
    return len(waiting["plans"]) + len(waiting["swaps"])


def waiting_for(membership: Membership, now: datetime) -> dict[str, Any]:
    """What this member is asked to answer: plans, and swap requests whose answer-by day
    has not passed (in the family's time zone)."""
    if not has(membership, Cap.HOLD_CUSTODY):
        return {"plans": [], "swaps": []}
    today = membership.family.today(now)
    # A page asks twice (the menu's count, then Today's list): the answer is kept on the
    # membership object, which is loaded afresh for each request, for the same local day.
    kept = membership.__dict__.get("_waiting_for")
    if kept is not None and kept[0] == today:
        found: dict[str, Any] = kept[1]
        return found
    # Every proposal, request, answer and lapse is appended to the record, and a name
    # change too: between two of them, the answer for a day stays the same.
    key = "twohomes:waiting:" + hashlib.sha256(repr((
        membership.family_id, membership.pk, membership.role, membership.status, today,
        records.size_seen_by(membership))).encode()).hexdigest()
    found = cache.get(key)
    if not isinstance(found, dict):
        found = _waiting(membership, today)
        cache.set(key, found, WAITING_SECONDS)
    membership.__dict__["_waiting_for"] = (today, found)
    return found


WAITING_SECONDS = 24 * 3600


def _waiting(membership: Membership, today: date) -> dict[str, Any]:
    plans = ParentingPlan.objects.filter(
        Q(effective_from__isnull=True) | Q(effective_from__gte=today),
        family=membership.family, status=PlanStatus.PROPOSED,
    ).exclude(decisions__parent=membership).defer("spec", "choices")
    swaps = SwapRequest.objects.filter(
        Q(family=membership.family, status=SwapStatus.PENDING) & ~Q(requested_by=membership),
        answer_by__gte=today)
    return {"plans": list(plans), "swaps": list(swaps.select_related("requested_by__user"))}
