"""The family home's first screen: where each child is now and tonight, what comes next."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Any

from twohomes.core.schedule import PlanError
from twohomes.families.access import visible_children
from twohomes.families.models import Membership
from twohomes.schedules.engine import child_id, family_timeline
from twohomes.schedules.services import waiting_for

from .occurrences import events_between

LOOK_AHEAD_DAYS = 45


@dataclass(frozen=True)
class ChildNow:
    child: Any
    now_parent: str
    now_name: str
    tonight_parent: str
    tonight_name: str


@dataclass(frozen=True)
class Handover:
    child_names: list[str]
    from_name: str
    to_name: str


@dataclass(frozen=True)
class NextExchange:
    """Every hand-over at the next exchange time, in both directions."""

    at: datetime
    handovers: list[Handover]
    place: str


def today_summary(membership: Membership, now: datetime) -> dict[str, Any]:
    zone = membership.family.zone
    local = now.astimezone(zone)
    today = local.date()
    children = list(visible_children(membership))
    try:
        ft = family_timeline(membership.family, today, today + timedelta(days=LOOK_AHEAD_DAYS))
    except PlanError:
        ft = None
    rows, upcoming = [], None
    if ft is not None:
        tonight = datetime.combine(today, time(23, 59), zone)
        for child in children:
            cid = child_id(child)
            if cid not in ft.timeline.children:
                continue
            now_key = ft.timeline.owner_at(cid, now)
            night_key = ft.timeline.owner_at(cid, tonight)
            rows.append(ChildNow(child, now_key, ft.parent_name(now_key), night_key,
                                 ft.parent_name(night_key)))
        upcoming = _next_exchange(ft, children, now)
    events = events_between(membership, today, today + timedelta(days=14))[:5]
    return {"today_rows": rows, "next_exchange": upcoming, "waiting": waiting_for(membership, now),
            "upcoming_events": events, "has_plan": ft is not None, "zone": zone}


def _next_exchange(ft: Any, children: list[Any], now: datetime) -> NextExchange | None:
    names = {child_id(c): c.name for c in children}
    end = datetime.combine(ft.end, time(0), ft.zone)
    found = [x for x in ft.timeline.exchanges(now, end) if x.child in names and x.at > now]
    if not found:
        return None
    at = found[0].at
    directions: dict[tuple[str, str], list[str]] = {}
    for x in found:
        if x.at == at:
            directions.setdefault((x.from_parent, x.to_parent), []).append(names[x.child])
    handovers = [Handover(group, ft.parent_name(giver), ft.parent_name(receiver))
                 for (giver, receiver), group in directions.items()]
    return NextExchange(at.astimezone(ft.zone), handovers, ft.plan.exchange_place)
