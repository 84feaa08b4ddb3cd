"""Plain-text rendering for the command line: statistics, comparisons, exchanges, calendars."""

from __future__ import annotations

import calendar as monthcal
from datetime import date, timedelta
from typing import Any

from .compare import Comparison
from .counting import night_reference
from .model import Exchange, Plan
from .stats import ChildStats, Stats
from .timeline import Timeline

HEADER = (f"{'parent':<16}{'overnights':>11}{'% nights':>10}{'hours':>11}{'% time':>9}"
          f"{'longest with':>14}{'longest away':>14}{'weekends':>10}{'holidays':>10}")


def stats_text(stats: Stats) -> str:
    lines = [f"{stats.first} to {stats.last} ({stats.timezone}); overnight at "
             f"{stats.overnight_time}; school/daycare hours {stats.third_party} in % time"]
    for child in stats.children:
        lines += ["", *_child_lines(child)]
    return "\n".join(lines)


def _child_lines(child: ChildStats) -> list[str]:
    lines = [f"{child.name}: {child.nights} nights, {child.hours} hours", HEADER]
    for p in child.parents:
        label = p.parent if p.name == p.parent else f"{p.parent} ({p.name})"
        lines.append(
            f"{label[:15]:<16}{p.overnights:>11}{p.percent_overnights:>10}{p.hours:>11}"
            f"{p.percent_time:>9}{p.longest_stretch_days:>12} d{p.longest_away_days:>12} d"
            f"{p.weekends:>10}{p.holidays:>10}")
    lines.append(f"exchanges: {child.exchanges} ({child.exchanges_per_month} per month)")
    return lines


def compare_text(comparison: Comparison) -> str:
    lines = [f"{comparison.first.first} to {comparison.first.last}: plan a vs plan b (b - a)"]
    by_key = {(c, p, f): v for c, p, f, v in comparison.differences}
    for child_a, child_b in zip(comparison.first.children, comparison.second.children,
                                strict=True):
        lines += ["", f"{child_a.name}", f"{'':<22}{'a':>10}{'b':>10}{'b - a':>10}"]
        for pa, pb in zip(child_a.parents, child_b.parents, strict=True):
            for field in ("overnights", "percent_overnights", "percent_time", "hours",
                          "longest_stretch_days", "weekends", "holidays"):
                diff = by_key[(child_a.child, pa.parent, field)]
                lines.append(f"{pa.parent + ' ' + field:<22}{getattr(pa, field)!s:>10}"
                             f"{getattr(pb, field)!s:>10}{diff:>+10}")
        lines.append(f"{'exchanges':<22}{child_a.exchanges:>10}{child_b.exchanges:>10}"
                     f"{child_b.exchanges - child_a.exchanges:>+10}")
    return "\n".join(lines)


def exchange_row(exchange: Exchange, plan: Plan) -> dict[str, Any]:
    local = exchange.at.astimezone(plan.zone)
    return {"at": local.isoformat(timespec="minutes"), "child": exchange.child,
            "from": exchange.from_parent, "to": exchange.to_parent,
            "rule": str(exchange.reason), "level": exchange.reason.level}


def exchanges_text(exchanges: list[Exchange], plan: Plan) -> str:
    if not exchanges:
        return "no exchanges in this range"
    lines = []
    for exchange in exchanges:
        row = exchange_row(exchange, plan)
        local = exchange.at.astimezone(plan.zone)
        lines.append(f"{local:%Y-%m-%d %a %H:%M} {local:%z}  {row['child']:<10} "
                     f"{row['from']} -> {row['to']}  {row['rule']}")
    return "\n".join(lines)


def calendar_text(timeline: Timeline, year: int, month: int) -> str:
    """A month grid per child: the parent who has the night after each day; * = exchange."""
    plan = timeline.plan
    blocks = []
    for child in timeline.children:
        exchange_days = {x.at.astimezone(plan.zone).date()
                         for x in timeline.exchanges(child=child)}
        lines = [f"{plan.child(child).name} - {monthcal.month_name[month]} {year}",
                 "  Mon    Tue    Wed    Thu    Fri    Sat    Sun"]
        for week in monthcal.Calendar().monthdatescalendar(year, month):
            cells = [_cell(timeline, child, day, month, exchange_days) for day in week]
            lines.append(" ".join(cells))
        blocks.append("\n".join(lines))
    legend = ", ".join(f"{pid} = {name}" for pid, name in plan.parents)
    return "\n\n".join(blocks) + f"\n\n{legend}; the letter is who has the night after the day;" \
        " * marks an exchange that day"


def _cell(timeline: Timeline, child: str, day: date, month: int, exchange_days: set[date]) -> str:
    if day.month != month:
        return "      "
    plan = timeline.plan
    owner = timeline.owner_at(child, night_reference(day, plan.overnight_time, plan.zone))
    mark = "*" if day in exchange_days else " "
    return f"{day.day:>3} {owner[:1]}{mark}"


def month_range(year: int, month: int) -> tuple[date, date]:
    first = date(year, month, 1)
    days = monthcal.monthrange(year, month)[1]
    return first, first + timedelta(days=days)
