"""The calendar: month (default), week and agenda; per child or all children."""

from __future__ import annotations

import hashlib
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from twohomes.core.schedule import PlanError, within_years
from twohomes.families.access import Cap, family_view, has, parents_of, visible_children
from twohomes.families.models import Membership
from twohomes.requests import HtmxHttpRequest
from twohomes.schedules import grid
from twohomes.schedules.engine import FamilyTimeline, family_timeline

from .feeds import feed_version
from .occurrences import attach_events, events_between


def _zone(membership: Membership) -> ZoneInfo:
    return membership.family.zone


def _children(request: HttpRequest, children: list[Any]) -> tuple[list[Any], Any]:
    """The children shown (the one asked for, or all ``children``) and the one asked for."""
    wanted = request.GET.get("child", "")
    chosen = [c for c in children if str(c.pk) == wanted]
    return (chosen or children), (chosen[0] if chosen else None)


def _timeline(membership: Membership, first: date, end: date
              ) -> tuple[FamilyTimeline | None, str]:
    try:
        return family_timeline(membership.family, first, end), ""
    except PlanError as error:
        return None, _("The plan in force could not be computed: %(problem)s") % {
            "problem": error}


def _legend(ft: FamilyTimeline | None) -> list[tuple[str, str]]:
    return [(key, ft.parent_name(key)) for key in sorted(ft.parents)] if ft else []


# Addresses are edited by hand too: days outside the engine's years show today instead.


def _parse_month(value: str, today: date) -> date:
    try:
        year, month = (int(part) for part in value.split("-"))
        first = date(year, month, 1)
        if within_years(first):
            return first
    except (ValueError, TypeError):
        pass
    return today.replace(day=1)


def _parse_day(value: str, default: date) -> date:
    try:
        day = date.fromisoformat(value)
    except (ValueError, TypeError):
        return default
    return day if within_years(day) else default


def _render(request: HtmxHttpRequest, template: str, context: dict[str, Any]) -> HttpResponse:
    if request.htmx and not request.htmx.boosted:
        return render(request, "calendar/_partials/view.html", context)
    return render(request, template, context)


def _base_context(request: HttpRequest, membership: Membership, view: str) -> dict[str, Any]:
    visible = list(visible_children(membership))
    children, chosen = _children(request, visible)
    # Worked out among all of the family's children: everyone sees the same short forms.
    shorts = grid.short_forms(membership.family.children.all())
    return {"membership": membership, "family": membership.family, "view": view,
            "all_children": visible, "chosen": chosen,
            "children": children, "weekday_names": grid.weekday_headings(), "shorts": shorts,
            "short_key": [(shorts[c.pk], c.name) for c in children if shorts[c.pk] != c.name],
            "today": timezone.localdate(timezone=_zone(membership))}


def _grid_days(membership: Membership, context: dict[str, Any], first: date, end: date,
               month: int | None) -> list[grid.Day]:
    ft, error = _timeline(membership, first, end)
    day_list = grid.days(ft, membership.family, context["children"], first, end,
                         context["today"], month, shorts=context["shorts"],
                         change_reasons=has(membership, Cap.VIEW_PLANS))
    only = [context["chosen"]] if context["chosen"] else None
    attach_events(day_list, events_between(membership, first, end, only), _zone(membership))
    context.update(legend=_legend(ft), engine_error=error, has_plan=ft is not None)
    return day_list


GRID_SECONDS = 24 * 3600


def _grid_key(membership: Membership, context: dict[str, Any], first: date, end: date) -> str:
    """Everything a member's grid shows depends on: the feed's version for the member
    (agreed plans, changes, the children they see, their events, time zone, role, today),
    the family's short names, its parents' names, its country and region (the holidays),
    the range and the child chosen."""
    etag, _ = feed_version(membership, context["today"])
    parents = tuple(parents_of(membership.family_id).values_list("pk", "user__display_name"))
    chosen = context["chosen"].pk if context["chosen"] else None
    family = membership.family  # its public holidays are in the grid too
    parts = (etag, sorted(context["shorts"].items()), parents, family.country,
             family.subdivision, first, end, chosen, context["caption"], get_language())
    return "calendar-grid:" + hashlib.sha256(repr(parts).encode()).hexdigest()


def _grid(request: HttpRequest, membership: Membership, context: dict[str, Any], first: date,
          end: date, month: int | None) -> None:
    """The grid of ``first`` to ``end``, drawn once per version of what it shows (a family's
    days change only when a plan, a change or an event does) and kept in the cache."""
    key = _grid_key(membership, context, first, end)
    drawn = cache.get(key)
    if drawn is None:
        day_list = _grid_days(membership, context, first, end, month)
        context["weeks"] = grid.weeks(day_list) if month else [day_list]
        drawn = {"html": render_to_string("calendar/_partials/grid.html", context, request),
                 **{name: context[name] for name in ("legend", "engine_error", "has_plan")}}
        cache.set(key, drawn, GRID_SECONDS)
    context.update(drawn, grid_html=mark_safe(drawn["html"]))  # noqa: S308  (our template)


@family_view(Cap.VIEW_CALENDAR)
def month(request: HtmxHttpRequest, membership: Membership) -> HttpResponse:
    context = _base_context(request, membership, "month")
    first_of_month = _parse_month(request.GET.get("month", ""), context["today"])
    first, end = grid.month_bounds(first_of_month.year, first_of_month.month)
    previous = (first_of_month - timedelta(days=1)).replace(day=1)
    following = (first_of_month + timedelta(days=32)).replace(day=1)
    shown = date_format(first_of_month, "YEAR_MONTH_FORMAT")
    context.update(title=shown,
                   previous=f"month={previous:%Y-%m}", following=f"month={following:%Y-%m}",
                   caption=_("Who has the children each night, %(month)s") % {"month": shown})
    _grid(request, membership, context, first, end, first_of_month.month)
    return _render(request, "calendar/calendar.html", context)


@family_view(Cap.VIEW_CALENDAR)
def week(request: HtmxHttpRequest, membership: Membership) -> HttpResponse:
    context = _base_context(request, membership, "week")
    day = _parse_day(request.GET.get("start", ""), context["today"])
    first = grid.week_start(day)
    shown = date_format(first, "DAY_FORMAT")
    context.update(title=_("Week of %(day)s") % {"day": shown},
                   previous=f"start={first - timedelta(days=7)}",
                   following=f"start={first + timedelta(days=7)}",
                   caption=_("Who has the children each night, week of %(day)s")
                   % {"day": shown})
    _grid(request, membership, context, first, first + timedelta(days=7), None)
    return _render(request, "calendar/calendar.html", context)


@family_view(Cap.VIEW_CALENDAR)
def agenda(request: HtmxHttpRequest, membership: Membership) -> HttpResponse:
    context = _base_context(request, membership, "agenda")
    first = _parse_day(request.GET.get("start", ""), context["today"])
    end = first + timedelta(days=28)
    day_list = _grid_days(membership, context, first, end, None)
    context.update(agenda=[d for d in day_list if d.holiday_names or d.events or d.handovers],
        title=_("%(first)s – %(last)s") % {"first": date_format(first, "MONTH_DAY_FORMAT"),
                                           # the last day shown, the one before ``end``
                                           "last": date_format(end - timedelta(days=1),
                                                               "DAY_FORMAT")},
        previous=f"start={first - timedelta(days=28)}", following=f"start={end}",
        first_day=day_list[0] if day_list else None)
    return _render(request, "calendar/calendar.html", context)


def next_exchange(ft: FamilyTimeline | None, children: list[Any], now: datetime) -> Any:
    """The next hand-over of any of ``children`` after ``now``, or None."""
    if ft is None:
        return None
    ids = {f"c{c.pk}" for c in children}
    for exchange in ft.timeline.exchanges(now, datetime.combine(ft.end, time(0), ft.zone)):
        if exchange.child in ids and exchange.at > now:
            return exchange
    return None
