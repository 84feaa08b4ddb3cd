"""A deliberately naive reference for the schedule engine, for tests and the benchmark only.

It answers "who has the child at this instant?" from scratch for every instant, with no
interval arithmetic: overrides, then holiday and school-break windows, then seasons, then
the base rotation found by walking back day by day through the cycle. Statistics sample
every hour and every night. It shares only the plan model and the list of rule occurrences
(``rules.occurrences``/``rules.paint``: what the holiday rules *say*) with the engine.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from twohomes.core.schedule.localtime import from_epoch
from twohomes.core.schedule.model import Plan, Rotation
from twohomes.core.schedule.rules import birthday_for, occurrences, paint

HOUR = timedelta(hours=1)


def wall_to_instant(day: date, at: time, zone: ZoneInfo) -> datetime:
    """Local wall time to UTC; a time in a spring-forward gap walks forward minute by minute
    to the first wall time that exists."""
    wall = datetime.combine(day, at)
    while True:
        aware = wall.replace(tzinfo=zone)
        instant = aware.astimezone(UTC)
        if instant.astimezone(zone).replace(tzinfo=None) == wall:
            return instant
        wall += timedelta(minutes=1)


def rotation_owner(rotation: Rotation, instant: datetime, zone: ZoneInfo) -> str:
    today = instant.astimezone(zone).date()
    for back in range(2 * rotation.cycle_days + 2):
        day = today - timedelta(days=back)
        cycle_day = (day - rotation.anchor).days % rotation.cycle_days
        todays = [t for t in rotation.transitions if t.day == cycle_day]
        for transition in sorted(todays, key=lambda t: t.at, reverse=True):
            if wall_to_instant(day, transition.at, zone) <= instant:
                return transition.parent
    return rotation.nights[0]


@dataclass
class NaivePlan:
    plan: Plan
    _painted: dict[str, list[tuple[str, datetime, datetime, str]]] = field(default_factory=dict)

    def _rule_windows(self, child_id: str) -> list[tuple[str, datetime, datetime, str]]:
        if child_id not in self._painted:
            plan = self.plan
            schedule = plan.schedule_for(child_id)
            children = {c.id: c for c in plan.children}
            found = []
            for rule in schedule.rules:
                if rule.children is not None and child_id not in rule.children:
                    continue
                born = birthday_for(rule, children[child_id], children)
                for occ in occurrences(rule, range(1990, 2061), country=plan.country,
                                       subdivision=plan.subdivision, born=born):
                    for p in paint(rule, occ, plan.zone):
                        found.append((rule.level, from_epoch(p.start), from_epoch(p.end),
                                      p.parent))
            self._painted[child_id] = found
        return self._painted[child_id]

    def owner(self, child_id: str, instant: datetime) -> str:
        for override in self.plan.overrides:
            if child_id in override.children and override.start <= instant < override.end:
                return override.parent
        windows = self._rule_windows(child_id)
        for level in ("holiday", "vacation"):
            for rule_level, start, end, parent in windows:
                if rule_level == level and start <= instant < end:
                    return parent
        return self._season_or_base(child_id, instant)

    def _season_or_base(self, child_id: str, instant: datetime) -> str:
        zone = self.plan.zone
        schedule = self.plan.schedule_for(child_id)
        year = instant.astimezone(zone).year
        for season in schedule.seasons:
            for y in (year - 1, year):
                first = date(y, *season.first)
                last = date(y, *season.last)
                if last < first:
                    last = date(y + 1, *season.last)
                exchange = season.rotation.exchange_time
                start = wall_to_instant(first, exchange, zone)
                end = wall_to_instant(last + timedelta(days=1), exchange, zone)
                if start <= instant < end:
                    return rotation_owner(season.rotation, instant, zone)
        return rotation_owner(schedule.rotation, instant, zone)


def naive_stats(plan: Plan, child_id: str, first: date, end: date) -> dict[str, object]:
    """Per-hour and per-night counts over days ``[first, end)``.

    Exact when every hand-over falls on a whole UTC hour and hand-overs are at least an
    hour apart.
    """
    naive = NaivePlan(plan)
    zone = plan.zone
    hours = {p: 0 for p in plan.parent_ids}
    nights = {p: 0 for p in plan.parent_ids}
    exchanges = 0
    moment = wall_to_instant(first, time(0), zone)
    stop = wall_to_instant(end, time(0), zone)
    previous = None
    while moment < stop:
        owner = naive.owner(child_id, moment)
        hours[owner] += 1
        if previous is not None and owner != previous:
            exchanges += 1
        previous = owner
        moment += HOUR
    at = plan.overnight_time
    day = first
    while day < end:
        sample_day = day + timedelta(days=1) if at < time(12) else day
        nights[naive.owner(child_id, wall_to_instant(sample_day, at, zone))] += 1
        day += timedelta(days=1)
    return {"hours": hours, "overnights": nights, "exchanges": exchanges}
