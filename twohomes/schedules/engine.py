"""Between the database and the schedule engine: plan JSON in, a family's timeline out.

Engine ids: parents are "A" and "B" (``ParentingPlan.parent_ids`` maps them to
memberships), children are ``c<child id>``. Overrides from accepted swaps are added to the
agreed plan's JSON when the timeline is built, so the engine's precedence
(override > holiday > vacation > season > base) decides every instant.
"""

from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from django.core.cache import cache
from django.utils.translation import gettext_lazy

from twohomes.core import schedule as schedule_engine
from twohomes.core.schedule import (
    Plan,
    Timeline,
    build_timeline,
    join_timelines,
    load_plan,
    with_children,
)
from twohomes.families.models import Child, Family, Membership

from .models import Override, ParentingPlan, PlanStatus

RULES = {
    "alt-A": {"even": "A", "odd": "B"},
    "alt-B": {"even": "B", "odd": "A"},
    "fixed-A": {"parent": "A"},
    "fixed-B": {"parent": "B"},
    "split-A": {"parent": "A", "other": "B", "split_at": "12:00"},
    "split-B": {"parent": "B", "other": "A", "split_at": "12:00"},
}
RULE_LABELS = [
    ("", gettext_lazy("Follow the usual schedule")),
    ("alt-A", gettext_lazy("Alternate: %(A)s in even years, %(B)s in odd years")),
    ("alt-B", gettext_lazy("Alternate: %(B)s in even years, %(A)s in odd years")),
    ("fixed-A", gettext_lazy("Always %(A)s")),
    ("fixed-B", gettext_lazy("Always %(B)s")),
    ("split-A", gettext_lazy("Split at noon: %(A)s first, then %(B)s")),
    ("split-B", gettext_lazy("Split at noon: %(B)s first, then %(A)s")),
]


def child_id(child: Child | int) -> str:
    return f"c{child if isinstance(child, int) else child.pk}"


def _rotation(group: dict[str, Any]) -> dict[str, Any]:
    rotation: dict[str, Any] = {"start": group["start"], "exchange_time": group["exchange_time"]}
    if group["pattern"] == "custom":
        rotation["nights"] = list(group["nights"])
    else:
        rotation["pattern"] = group["pattern"]
        rotation["first_parent"] = group["first_parent"]
    if group.get("midweek_day"):
        midweek: dict[str, Any] = {"weekday": group["midweek_day"]}
        if group.get("midweek_overnight"):
            midweek["overnight"] = True
        else:
            midweek.update({"from": "17:00", "to": "19:30"})
        rotation["midweek"] = midweek
    return rotation


def _holiday_rules(choices: dict[str, Any]) -> list[dict[str, Any]]:
    rules = [
        {"name": name, "kind": "public", "holidays": [name], "window": picked["window"],
         "assign": RULES[picked["rule"]]}
        for name, picked in sorted(choices.get("holidays", {}).items()) if picked.get("rule")
    ]
    if choices.get("birthdays"):
        rules.append({"name": "Birthdays", "kind": "birthday", "assign":
                      RULES[choices["birthdays"]]})
    for kind, label in (("mothers-day", "Mother's Day"), ("fathers-day", "Father's Day")):
        parent = choices.get(kind.replace("-", "_"))
        if parent:
            rules.append({"name": label, "kind": kind, "assign": {"parent": parent}})
    return rules


def _school_breaks(choices: dict[str, Any]) -> list[dict[str, Any]]:
    breaks = choices.get("school_breaks") or []
    rule = choices.get("school_break_rule")
    if not breaks or not rule:
        return []
    return [{"name": b["name"], "ranges": [[b["from"], b["to"]]], "assign": RULES[rule]}
            for b in breaks]


def build_spec(family: Family, choices: dict[str, Any], parents: dict[str, Membership],
               children: list[Child]) -> dict[str, Any]:
    """The engine's plan JSON for the editor's ``choices``."""
    schedules = []
    for index, group in enumerate(choices["groups"]):
        schedule: dict[str, Any] = {
            "name": group.get("name") or f"Schedule {index + 1}",
            "children": [child_id(c) for c in group["children"]],
            "rotation": _rotation(group),
        }
        if choices.get("season"):
            season = choices["season"]
            schedule["seasons"] = [{"name": season["name"], "from": season["from"],
                                    "to": season["to"], "rotation": _rotation(season)}]
        holidays = _holiday_rules(choices)
        if holidays:
            schedule["holidays"] = holidays
        breaks = _school_breaks(choices)
        if breaks:
            schedule["school_breaks"] = breaks
        schedules.append(schedule)
    spec: dict[str, Any] = {
        "version": 1, "timezone": family.timezone, "country": family.country,
        "parents": {key: m.user.name for key, m in parents.items()},
        "children": [{"id": child_id(c), "name": c.name,
                      "birth_date": c.birth_date.isoformat()} for c in children],
        "schedules": schedules,
    }
    if family.subdivision:
        spec["subdivision"] = family.subdivision
    return spec


def _local(moment: datetime, zone: ZoneInfo) -> str:
    return moment.astimezone(zone).strftime("%Y-%m-%dT%H:%M")


def with_overrides(plan: ParentingPlan, overrides: list[Override]) -> dict[str, Any]:
    spec = dict(plan.spec)
    zone = ZoneInfo(spec["timezone"])
    engine_parent = {member_id: key for key, member_id in plan.parent_ids.items()}
    known = {c["id"] for c in spec["children"]}
    entries = []
    for override in overrides:
        cid = child_id(override.child_id)
        parent = engine_parent.get(override.parent_id)
        if cid in known and parent is not None:
            entries.append({"name": override.reason, "children": [cid], "parent": parent,
                            "from": _local(override.starts, zone),
                            "to": _local(override.ends, zone)})
    spec["overrides"] = entries
    return spec


@dataclass(frozen=True)
class FamilyTimeline:
    plan: ParentingPlan
    engine_plan: Plan
    timeline: Timeline
    parents: dict[str, Membership]
    zone: ZoneInfo
    first: date
    end: date

    def parent_name(self, key: str) -> str:
        member = self.parents.get(key)
        return member.user.name if member else key

    def parent_index(self, key: str) -> int:
        return 0 if key == "A" else 1


def agreed_plans(family: Family, *, with_specs: bool = True) -> list[ParentingPlan]:
    """The agreed versions that make up the family's timeline, in the order they start
    (``with_specs=False`` leaves the large JSON columns to be read only if used)."""
    found = ParentingPlan.objects.filter(family=family, status=PlanStatus.AGREED)
    if not with_specs:
        found = found.defer("spec", "choices")
    plans = list(found)
    return sorted(plans, key=lambda p: (p.effective_from or date.min, p.version))


def plan_on(plans: list[ParentingPlan], day: date) -> ParentingPlan | None:
    """The plan in force on ``day``: the last one that started by then (the first plan also
    governs the days before it, as there was nothing before it)."""
    current = plans[0] if plans else None
    for plan in plans:
        if plan.effective_from is None or plan.effective_from <= day:
            current = plan
    return current


def agreed_plan(family: Family, day: date | None = None) -> ParentingPlan | None:
    """The plan in force on ``day`` (by default the latest agreed version)."""
    plans = agreed_plans(family)
    if day is None:
        return plans[-1] if plans else None
    return plan_on(plans, day)


def instant(day: date, zone: ZoneInfo) -> datetime:
    return datetime.combine(day, time(0), zone)


def _spans(plans: list[ParentingPlan], first: date, end: date
           ) -> list[tuple[ParentingPlan, date, date]]:
    """Which plan governs which local days of [first, end): one span per plan in force."""
    spans: list[tuple[ParentingPlan, date, date]] = []
    for index, plan in enumerate(plans):
        starts = plan.effective_from if index and plan.effective_from else date.min
        following = plans[index + 1].effective_from if index + 1 < len(plans) else None
        ends = following or date.max
        low, high = max(first, starts), min(end, ends)
        if low < high:
            spans.append((plan, low, high))
    return spans


TIMELINE_CACHE_SECONDS = 60 * 60 * 26


@functools.cache
def engine_stamp() -> str:
    """A digest of the schedule engine's own source, read once per process: a cached
    timeline is never read back by a version of the engine that did not make it."""
    digest = hashlib.sha256()
    for path in sorted(Path(schedule_engine.__file__).parent.glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def _timeline_key(family: Family, spans: list[tuple[ParentingPlan, date, date]],
                  overrides: list[Override], first: date, end: date) -> str:
    """What the timeline of [first, end) depends on: the agreed versions in force (each
    plan's spec is fixed once agreed) and the changes in the range. Names are not in it:
    the cache holds who has whom when, and the words are applied when a page is drawn."""
    parts = (engine_stamp(), first, end,
             [(p.pk, p.version, p.status, p.effective_from, p.agreed_at, low, high)
              for p, low, high in spans],
             [(o.pk, o.child_id, o.parent_id, o.starts, o.ends, o.reason) for o in overrides])
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()[:32]
    return f"twohomes:timeline:{family.pk}:{digest}"


def family_timeline(family: Family, first: date, end: date, *,
                    plan: ParentingPlan | None = None) -> FamilyTimeline | None:
    """The family's custody timeline for local days [first, end), or None without a plan.

    Each agreed version governs from its effective date until the next one's, so a past
    range shows the plan that was in force then. A fixed number of queries: the plans,
    the overrides, the cache and the parents. The engine's work is done
    once per range and version of the family's plans and changes, and kept in the cache
    for every member, page, feed and reminder that asks for the same range.
    """
    plans = [plan] if plan is not None else agreed_plans(family, with_specs=False)
    spans = _spans(plans, first, end) if plan is None else [(plan, first, end)]
    if not spans:
        return None
    zone = family.zone
    overrides = list(Override.objects.filter(
        family=family, ends__gt=instant(first - timedelta(days=1), zone),
        starts__lt=instant(end + timedelta(days=1), zone)))
    key = _timeline_key(family, spans, overrides, first, end)
    timeline = cache.get(key)
    if not isinstance(timeline, Timeline):
        timeline = _build(spans, overrides)
        cache.set(key, timeline, timeout=TIMELINE_CACHE_SECONDS)
    latest = spans[-1][0]
    members = {m.pk: m for m in Membership.objects.filter(
        pk__in=latest.parent_ids.values()).select_related("user")}
    parents = {key: members[mid] for key, mid in latest.parent_ids.items() if mid in members}
    return FamilyTimeline(latest, timeline.plan, timeline, parents, zone, first, end)


def _build(spans: list[tuple[ParentingPlan, date, date]], overrides: list[Override]
           ) -> Timeline:
    """The engine's timeline over the spans, each governed by its plan with the changes."""
    # PlanError: the caller says why
    # Stored plans and changes were checked against the schema when they were saved.
    engine_plans = [load_plan(with_overrides(governing, overrides), checked=True)
                    for governing, _, _ in spans]
    parts = []
    for index, (_, low, high) in enumerate(spans):
        part = build_timeline(engine_plans[index], low, high)
        # A child that a later plan brought in follows, before it, the first plan naming
        # them, as a family's first plan covers the days before it.
        for later in engine_plans[index + 1:]:
            if {c.id for c in later.children} - set(part.tracks):
                part = with_children(part, build_timeline(later, low, high))
        parts.append(part)
    return join_timelines(parts)
