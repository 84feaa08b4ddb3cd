from __future__ import annotations

import hashlib
from datetime import date, timedelta
from typing import Any

from django.contrib import messages
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from twohomes.core.schedule import (
    Plan,
    PlanError,
    build_timeline,
    load_plan,
    plan_stats,
    side_by_side,
)
from twohomes.families.access import Cap, family_view, has, parents_of, posted, scoped
from twohomes.families.forms import error_summary
from twohomes.families.models import Membership
from twohomes.tone.widgets import with_tone_check

from . import grid, services
from .comparison import Words, in_words
from .engine import FamilyTimeline, agreed_plan, child_id, engine_stamp
from .forms import DecisionForm, PlanForm, SwapAnswerForm, SwapForm, public_holiday_names
from .models import ParentingPlan, PlanStatus, SwapRequest, SwapStatus

PREVIEW_DAYS = 92
SWAPS_SHOWN = 25  # answered requests on one page of the list
STATS_DAYS = 365


def _today(membership: Membership) -> date:

    return timezone.localdate(timezone=membership.family.zone)


def _error(error: Exception) -> str:
    return " ".join(error.messages) if isinstance(error, ValidationError) else str(error)


@family_view(Cap.VIEW_PLANS)
def plan_list(request: HttpRequest, membership: Membership) -> HttpResponse:
    plans = list(scoped(membership, ParentingPlan.objects.select_related("proposed_by__user")))
    services.show_lapsed(plans, _today(membership))
    names = services.child_names(membership.family)
    for plan in plans:
        plan.in_words = plan.summary_in_words(names)  # type: ignore[attr-defined]
    return render(request, "schedules/plan_list.html", {
        "membership": membership, "family": membership.family, "plans": plans,
        "can_propose": has(membership, Cap.PROPOSE_PLAN),
    })


def _editor(membership: Membership, data: Any, today: date) -> PlanForm:
    family = membership.family
    initial: dict[str, Any] = {"g1_children": list(family.children.values_list("pk", flat=True))}
    current = agreed_plan(family)
    if current is not None:
        names = public_holiday_names(family.country, family.subdivision, today.year)
        initial = PlanForm.initial_from(current.choices, names)
    initial["effective_from"] = today
    return PlanForm(data, family=family, parents=services.plan_parents(family),
                    children=list(family.children.all()), today=today, initial=initial)


def _preview(membership: Membership, spec: dict[str, Any], today: date,
             starts: date | None = None) -> dict[str, Any]:
    """The months of a plan from the day it would start (today at the earliest), its
    statistics, and how it differs from the plan in force then."""
    family = membership.family
    today = max(today, starts or today)
    end = today + timedelta(days=STATS_DAYS)
    start = grid.week_start(today)  # the grid shows whole weeks
    engine_plan = load_plan(spec, checked=True)  # checked when proposed or prepared
    timeline = build_timeline(engine_plan, start, today + timedelta(days=PREVIEW_DAYS))
    parents = services.plan_parents(family)
    ft = FamilyTimeline(None, engine_plan, timeline, parents,  # type: ignore[arg-type]
                        family.zone, start, end)
    stats = plan_stats(engine_plan, today, end)
    current = agreed_plan(family, today)
    comparison, compared_children = None, True
    if current is not None:
        comparison = _compared(family, load_plan(current.spec, checked=True), engine_plan, parents,
                               today, end)
        compared_children = comparison is not None
    day_list = grid.days(ft, family, family.children.all(), start,
                         start + timedelta(days=42), today)
    return {"preview_weeks": grid.weeks(day_list), "stats": stats, "comparison": comparison,
            "compared_children": compared_children,
            "current": current, "stats_end": end, "preview_from": today,
            "from_its_start": today == starts,
            "legend": [(key, m.user.name) for key, m in sorted(parents.items())],
            "weekday_names": grid.weekday_headings()}


PREVIEW_SECONDS = 24 * 3600


def _preview_key(membership: Membership, plan: ParentingPlan, today: date) -> str:
    """What a plan's preview shows depends on: the plan (its spec is fixed once proposed),
    the day, the agreed versions (the plan in force it is compared with), the parents'
    and children's names, colours and patterns, the family's time zone, country and region
    (the holidays), the engine and the language."""
    family = membership.family
    agreed = tuple(ParentingPlan.objects.filter(family=family, status=PlanStatus.AGREED)
                   .values_list("pk", "effective_from"))
    parents = tuple((m.pk, m.user.name) for m in services.active_parents(family))
    children = tuple(family.children.values_list("pk", "name", "colour", "pattern",
                                                 "birth_date"))
    parts = (engine_stamp(), plan.pk, plan.effective_from, today, agreed, parents, children,
             family.timezone, family.country, family.subdivision, get_language())
    return "plan-preview:" + hashlib.sha256(repr(parts).encode()).hexdigest()


def _drawn_preview(membership: Membership, plan: ParentingPlan, today: date
                   ) -> dict[str, Any]:
    """The plan page's comparison, six weeks and statistics, drawn once per version of
    what they show and kept in the cache: they are the same for every member who reads
    the plan that day, and the most costly part of the page."""
    key = _preview_key(membership, plan, today)
    drawn = cache.get(key)
    if drawn is None:
        try:
            context = {"family": membership.family, "plan": plan,
                       **_preview(membership, plan.spec, today, plan.effective_from)}
        except PlanError as error:
            drawn = {"engine_error": str(error)}
        else:
            drawn = {name: render_to_string(f"schedules/_partials/plan_{name}.html", context)
                     for name in ("comparison", "preview")}
        cache.set(key, drawn, PREVIEW_SECONDS)
    return {"engine_error": drawn.get("engine_error", ""),
            **{f"{name}_html": mark_safe(drawn.get(name, ""))  # noqa: S308  (our templates)
               for name in ("comparison", "preview")}}


def _compared(family: Any, in_force: Plan, proposed: Plan, parents: dict[str, Membership],
              first: date, end: date) -> Words | None:
    """The plan in force and the proposal over a year from the day the proposal starts, in
    words; None when they cover other children (a child joins or leaves)."""
    if sorted(c.id for c in in_force.children) != sorted(c.id for c in proposed.children):
        return None
    names = {key: m.user.name for key, m in parents.items()}
    for key in proposed.parent_ids:
        names.setdefault(key, proposed.parent_name(key))
    children = {c.id: c.name or c.id for c in proposed.children}
    children.update((child_id(c), c.name) for c in family.children.all())
    return in_words(side_by_side(in_force, proposed, first, end), names, children)


def _plan_page(request: HttpRequest, membership: Membership, form: PlanForm,
               **more: Any) -> HttpResponse:
    return render(request, "schedules/plan_form.html", {
        "membership": membership, "family": membership.family, "form": form, **more})


@family_view(Cap.PROPOSE_PLAN, methods=("GET", "POST"))
def plan_new(request: HttpRequest, membership: Membership) -> HttpResponse:
    """The plan editor; sent (POST), it previews the plan and changes nothing."""
    today = _today(membership)
    form = _editor(membership, posted(request)[0], today)
    more: dict[str, Any] = {}
    if request.method == "POST" and form.is_valid():
        try:
            spec = services.prepare_spec(actor=membership, choices=form.cleaned_data["choices"])
            more = {**_preview(membership, spec, today, form.cleaned_data["effective_from"]),
                    "previewed": True}
        except (ValidationError, PlanError) as error:
            form.add_error(None, _error(error))
    return _plan_page(request, membership, form, **more)


@family_view(Cap.PROPOSE_PLAN, methods=("POST",))
def plan_propose(request: HttpRequest, membership: Membership) -> HttpResponse:
    """Propose the previewed plan to the other parent; errors show in the editor."""
    form = _editor(membership, request.POST, _today(membership))
    if form.is_valid():
        try:
            plan = services.propose_plan(
                actor=membership, choices=form.cleaned_data["choices"], now=timezone.now(),
                effective_from=form.cleaned_data["effective_from"])
        except (ValidationError, PlanError) as error:
            form.add_error(None, _error(error))
        else:
            messages.success(request, _("Plan version %(version)s proposed. It takes effect "
                                         "when every parent agrees.")
                             % {"version": plan.version})
            return redirect("plan_detail", family_id=membership.family_id, plan_id=plan.pk)
    return _plan_page(request, membership, form)


@family_view(Cap.VIEW_PLANS)
def plan_detail(request: HttpRequest, membership: Membership, plan_id: int) -> HttpResponse:
    plan = get_object_or_404(scoped(membership, ParentingPlan.objects.all()), pk=plan_id)
    today = _today(membership)
    services.show_lapsed([plan], today)
    decision_form = DecisionForm()
    with_tone_check(decision_form, "comment", membership)
    context: dict[str, Any] = {"membership": membership, "family": membership.family,
                               "plan": plan, "form": decision_form,
                               "plan_summary": plan.summary_in_words(
                                   services.child_names(membership.family)),
                               **_drawn_preview(membership, plan, today)}
    decisions = plan.decisions.select_related("parent__user").order_by("decided_at")
    parents = services.active_parents(membership.family)
    answered = {d.parent_id for d in decisions}
    context.update(decisions=decisions, waiting=[p for p in parents if p.pk not in answered],
                   can_decide=(plan.status == PlanStatus.PROPOSED
                               and has(membership, Cap.PROPOSE_PLAN)
                               and membership.pk not in answered))
    return render(request, "schedules/plan_detail.html", context)


@family_view(Cap.PROPOSE_PLAN, methods=("POST",))
def plan_decide(request: HttpRequest, membership: Membership, plan_id: int) -> HttpResponse:
    plan = get_object_or_404(scoped(membership, ParentingPlan.objects.all()), pk=plan_id)
    form = DecisionForm(request.POST)
    decision = request.POST.get("decision")
    if decision not in ("agree", "decline"):  # nothing is decided by default
        messages.error(request, _("Choose Agree or Decline."))
        return redirect("plan_detail", family_id=membership.family_id, plan_id=plan.pk)
    if not form.is_valid():
        messages.error(request, error_summary(form))
        return redirect("plan_detail", family_id=membership.family_id, plan_id=plan.pk)
    agreed = decision == "agree"
    try:
        services.decide_plan(actor=membership, plan=plan, agreed=agreed,
                             comment=form.cleaned_data.get("comment", ""), now=timezone.now())
    except ValidationError as error:
        messages.error(request, _error(error))
    else:
        plan.refresh_from_db()
        messages.success(request, _("The plan is now in force.")
                         if plan.status == PlanStatus.AGREED
                         else (_("Your agreement is recorded.") if agreed
                               else _("You declined the plan; the other parent is told why.")))
    return redirect("plan_detail", family_id=membership.family_id, plan_id=plan.pk)


# --- swaps -------------------------------------------------------------------------------


def _parents(membership: Membership) -> Any:
    return parents_of(membership.family_id)


@family_view(Cap.VIEW_PLANS)
def swap_list(request: HttpRequest, membership: Membership) -> HttpResponse:
    """Requests waiting for an answer, then the answered ones newest first, a page at a
    time (``?before=<id>`` opens the page after the request with that id)."""
    found = scoped(membership, SwapRequest.objects.select_related(
        "requested_by__user", "parent__user").prefetch_related("children")).order_by("-pk")
    before = request.GET.get("before", "")
    older = before.isascii() and before.isdigit() and len(before) < 19
    waiting = [] if older else list(found.filter(status=SwapStatus.PENDING))
    services.show_lapsed(waiting, _today(membership))
    answered = found.exclude(status=SwapStatus.PENDING)
    if older:
        answered = answered.filter(pk__lt=int(before))
    page = list(answered[:SWAPS_SHOWN + 1])
    swaps = waiting + page[:SWAPS_SHOWN]
    groups = [(label, [s for s in swaps if s.status in statuses]) for label, statuses in (
        (_("Waiting for an answer"), {SwapStatus.PENDING}),
        (_("Accepted"), {SwapStatus.ACCEPTED}),
        (_("Declined, answered with another time, expired or withdrawn"),
         {SwapStatus.DECLINED, SwapStatus.COUNTERED, SwapStatus.EXPIRED, SwapStatus.WITHDRAWN}),
    ) if not (older and SwapStatus.PENDING in statuses)]
    return render(request, "schedules/swap_list.html", {
        "membership": membership, "family": membership.family, "groups": groups,
        "older": older, "next_before": page[SWAPS_SHOWN - 1].pk if len(page) > SWAPS_SHOWN
        else None, "can_request": has(membership, Cap.REQUEST_SWAP)})


def _swap_form(membership: Membership, data: Any, initial: dict[str, Any] | None = None
               ) -> SwapForm:
    form = SwapForm(data, family=membership.family, parents=_parents(membership),
                    initial=initial or {"parent": membership.pk,
                                        "answer_by": _today(membership) + timedelta(days=3)})
    with_tone_check(form, "reason", membership)
    return form


def _swap_arguments(membership: Membership, data: dict[str, Any]) -> dict[str, Any]:
    makeup = (data["makeup_starts"], data["makeup_ends"]) if data.get("makeup_starts") else None
    return {"children": list(data["children"]), "starts": data["starts"],
            "ends": data["ends"], "parent": data["parent"], "reason": data["reason"],
            "answer_by": data["answer_by"], "makeup": makeup}


@family_view(Cap.REQUEST_SWAP, methods=("GET", "POST"))
def swap_new(request: HttpRequest, membership: Membership) -> HttpResponse:
    form = _swap_form(membership, posted(request)[0])
    if request.method == "POST" and form.is_valid():
        try:
            swap = services.request_swap(actor=membership, now=timezone.now(),
                                         **_swap_arguments(membership, form.cleaned_data))
        except ValidationError as error:
            form.add_error(None, _error(error))
        else:
            messages.success(request, _("Request sent. The other parent is emailed."))
            return redirect("swap_detail", family_id=membership.family_id, swap_id=swap.pk)
    return render(request, "schedules/swap_form.html",
                  {"membership": membership, "family": membership.family, "form": form})


def _get_swap(membership: Membership, swap_id: int) -> SwapRequest:
    return get_object_or_404(scoped(membership, SwapRequest.objects.select_related(
        "requested_by__user", "parent__user", "decided_by__user")), pk=swap_id)


@family_view(Cap.VIEW_PLANS)
def swap_detail(request: HttpRequest, membership: Membership, swap_id: int) -> HttpResponse:
    swap = _get_swap(membership, swap_id)
    services.show_lapsed([swap], _today(membership))
    can_answer = (swap.status == SwapStatus.PENDING and has(membership, Cap.REQUEST_SWAP)
                  and swap.requested_by_id != membership.pk)
    answer_form = SwapAnswerForm()
    with_tone_check(answer_form, "reason", membership)
    return render(request, "schedules/swap_detail.html", {
        "membership": membership, "family": membership.family, "swap": swap,
        "can_answer": can_answer, "answer_form": answer_form,
        "can_withdraw": swap.status == SwapStatus.PENDING
        and swap.requested_by_id == membership.pk})


@family_view(Cap.REQUEST_SWAP, methods=("POST",))
def swap_answer(request: HttpRequest, membership: Membership, swap_id: int) -> HttpResponse:
    swap = _get_swap(membership, swap_id)
    form = SwapAnswerForm(request.POST)
    if not form.is_valid():
        messages.error(request, error_summary(form))
        return redirect("swap_detail", family_id=membership.family_id, swap_id=swap.pk)
    reason = form.cleaned_data["reason"]
    answer = request.POST.get("answer")
    try:
        if answer == "accept":
            services.accept_swap(actor=membership, swap=swap, now=timezone.now())
            messages.success(request, _("Accepted: the calendar now shows the change."))
        elif answer == "withdraw":
            services.withdraw_swap(actor=membership, swap=swap, now=timezone.now())
            messages.success(request, _("Your request was withdrawn."))
        elif answer == "decline":
            services.decline_swap(actor=membership, swap=swap, reason=reason,
                                  now=timezone.now())
            messages.success(request, _("Declined. The other parent is told why."))
        else:  # nothing is decided by default
            messages.error(request, _("Choose Accept or Decline."))
    except ValidationError as error:
        messages.error(request, _error(error))
    return redirect("swap_detail", family_id=membership.family_id, swap_id=swap.pk)


@family_view(Cap.REQUEST_SWAP, methods=("GET", "POST"))
def swap_counter(request: HttpRequest, membership: Membership, swap_id: int) -> HttpResponse:
    swap = _get_swap(membership, swap_id)
    zone = swap.family.zone

    def local(moment: Any) -> Any:
        return timezone.localtime(moment, zone).replace(tzinfo=None) if moment else None

    # A counter-proposal starts from every field of the request it answers.
    initial = {"children": list(swap.children.all()), "parent": swap.parent_id,
               "answer_by": swap.answer_by, "reason": swap.reason,
               "starts": local(swap.starts), "ends": local(swap.ends),
               "makeup_starts": local(swap.makeup_starts),
               "makeup_ends": local(swap.makeup_ends)}
    form = _swap_form(membership, posted(request)[0], initial)
    if request.method == "POST" and form.is_valid():
        try:
            counter = services.counter_swap(actor=membership, swap=swap, now=timezone.now(),
                                            **_swap_arguments(membership, form.cleaned_data))
        except ValidationError as error:
            form.add_error(None, _error(error))
        else:
            messages.success(request, _("Your other time was sent."))
            return redirect("swap_detail", family_id=membership.family_id, swap_id=counter.pk)
    return render(request, "schedules/swap_form.html", {
        "membership": membership, "family": membership.family, "form": form, "original": swap})
