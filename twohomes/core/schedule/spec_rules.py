"""Loading holiday, family-date and school-break rules (and their windows) from plan JSON."""

from __future__ import annotations

from datetime import time
from typing import Any

from .errors import PlanError
from .model import Assignment, Rule, Window
from .parsing import check_year, parse_month_day, parse_parent, parse_range, parse_time

DAY_WINDOW = Window(0, time(0, 0), 1, time(0, 0))


def parse_window(raw: dict[str, Any], exchange: time, where: str, *, default: str) -> Window:
    """A rule's window: ``day``, ``nights``, ``evening-before`` or explicit local times."""
    value = raw.get("window", default)
    exchange = parse_time(raw["exchange_time"], where) if "exchange_time" in raw else exchange
    if value == "day":
        return DAY_WINDOW
    if value == "nights":
        return Window(0, exchange, 1, exchange)
    if value == "evening-before":
        morning = parse_time(raw.get("morning", "09:00"), f"{where}.morning")
        return Window(-1, exchange, 1, morning)
    if not isinstance(value, dict):
        raise PlanError(f"{where}.window: use day, nights, evening-before or {{from, to}}")
    window = Window(int(value.get("from_day", 0)), parse_time(value["from"], f"{where}.window"),
                    int(value.get("to_day", 0)), parse_time(value["to"], f"{where}.window"))
    check_window(window, 0, where)
    return window


def check_window(window: Window, extra_days: int, where: str) -> None:
    """A window must end after it starts, for an occurrence ``extra_days`` long."""
    start = (window.start_day, window.start_time)
    end = (window.end_day + extra_days, window.end_time)
    if end < start:
        raise PlanError(f"{where}: the window ends before it starts; give a 'to' after 'from' "
                        "(or a later to_day)")
    if end == start:
        raise PlanError(f"{where}: the window ends where it starts, so it is empty; "
                        "give a 'to' after 'from' (or a later to_day)")


def parse_assignment(raw: dict[str, Any], parents: tuple[str, ...], since: int,
                     where: str) -> Assignment:
    """``{"parent"}``, ``{"even", "odd"}`` or ``{"alternate": [first, other]}``, maybe split."""
    where = f"{where}.assign"
    modes = [key for key in ("parent", "even", "alternate") if key in raw]
    if len(modes) != 1:
        raise PlanError(f"{where}: give exactly one of parent, even/odd or alternate")
    if modes[0] == "parent":
        first = raw["parent"]
        mode, other = "fixed", raw.get("other", _other(first, parents))
    elif modes[0] == "even":
        if "odd" not in raw:
            raise PlanError(f"{where}: 'even' needs 'odd' (the parent in odd years)")
        mode, first, other = "even-odd", raw["even"], raw["odd"]
    else:
        mode, (first, other) = "alternate", raw["alternate"]
    first, other = (parse_parent(p, parents, where) for p in (first, other))
    split_time = parse_time(raw["split_at"], f"{where}.split_at") if "split_at" in raw else None
    if split_time is not None and first == other:
        raise PlanError(f"{where}: a split needs two different parents")
    since = int(raw.get("since", since))
    check_year(since, where)
    return Assignment(mode, first, other, since, raw.get("split_day"), split_time)


def _other(parent: str, parents: tuple[str, ...]) -> str:
    rest = [p for p in parents if p != parent]
    return rest[0] if len(rest) == 1 else parent


def parse_holiday(raw: dict[str, Any], ctx: dict[str, Any], where: str) -> Rule:
    """One entry of a schedule's ``holidays`` list."""
    kind = raw["kind"]
    window = parse_window(raw, ctx["exchange"], where, default="day")
    assignment = parse_assignment(raw["assign"], ctx["parents"], ctx["since"], where)
    names: tuple[str, ...] = ()
    if kind == "public":
        names = tuple(raw.get("holidays", ()))
        ctx["check_names"](names, where)
    month_day = None
    if kind == "date":
        if "date" not in raw:
            raise PlanError(f"{where}: a 'date' rule needs \"date\": \"MM-DD\"")
        month_day = parse_month_day(raw["date"], f"{where}.date")
        if month_day == (2, 29):
            raise PlanError(f"{where}.date: 29 February does not happen every year; use 02-28 "
                            "or 03-01")
    if kind == "birthday" and raw.get("of") is not None and raw["of"] not in ctx["children"]:
        raise PlanError(f"{where}.of: unknown child {raw['of']!r}")
    return Rule(name=raw["name"], kind=kind, level="holiday", window=window, assignment=assignment,
                children=_children(raw, ctx, where), holiday_names=names, month_day=month_day,
                birthday_of=raw.get("of"))


def parse_school_break(raw: dict[str, Any], ctx: dict[str, Any], where: str) -> Rule:
    """One entry of a schedule's ``school_breaks`` list (the vacation level)."""
    window = parse_window(raw, ctx["exchange"], where, default="nights")
    ranges = tuple(sorted(parse_range(r, f"{where}.ranges") for r in raw["ranges"]))
    for first, last in ranges:
        check_window(window, (last - first).days, where)
    since = ranges[0][0].year
    assignment = parse_assignment(raw["assign"], ctx["parents"], since, where)
    return Rule(name=raw["name"], kind="school-break", level="vacation", window=window,
                assignment=assignment, children=_children(raw, ctx, where), ranges=ranges)


def _children(raw: dict[str, Any], ctx: dict[str, Any], where: str) -> tuple[str, ...] | None:
    if "children" not in raw:
        return None
    for child in raw["children"]:
        if child not in ctx["children"]:
            raise PlanError(f"{where}.children: unknown child {child!r}")
    return tuple(raw["children"])
