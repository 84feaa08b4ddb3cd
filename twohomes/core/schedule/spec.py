"""Load a parenting plan from its JSON form (see docs/schedule-spec.md) into a ``Plan``.

``load_plan`` checks the JSON Schema (``plan.schema.json``) first, then the meaning: known
patterns, parents, children, country and holiday names, windows that end after they start.
Every problem is one ``PlanError`` whose message says what to fix.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, time
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import jsonschema

from .errors import PlanError
from .localtime import to_instant
from .model import Child, Override, Plan, Rotation, Schedule, Season, ThirdParty, ThirdPartyWindow
from .parsing import (
    MAX_YEAR,
    MIN_YEAR,
    parse_date,
    parse_local_datetime,
    parse_month_day,
    parse_parent,
    parse_range,
    parse_time,
    parse_weekday,
)
from .patterns import Midweek, cycle_rotation, template_rotation
from .rules import check_country, holiday_name_parts, public_holidays
from .spec_rules import parse_holiday, parse_school_break

DEFAULT_EXCHANGE = time(18, 0)
DEFAULT_DROPOFF = time(8, 0)


@lru_cache(maxsize=1)
def plan_schema() -> dict[str, Any]:
    """The JSON Schema of a plan file."""
    text = resources.files(__package__).joinpath("plan.schema.json").read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


@lru_cache(maxsize=1)
def _validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(plan_schema())


def _check_schema(data: Any) -> None:
    validator = _validator()
    error = jsonschema.exceptions.best_match(validator.iter_errors(data))
    if error is not None:
        where = "plan" + "".join(f"[{p!r}]" if isinstance(p, int) else f".{p}" for p in error.path)
        message = error.message if len(error.message) < 160 else error.message[:157] + "..."
        raise PlanError(f"{where}: {message}")


def load_plan(data: Any, *, checked: bool = False) -> Plan:
    """A validated ``Plan`` from the parsed JSON of a plan file.

    ``checked=True`` is for a plan that passed this check when it was saved (a stored
    plan): the JSON Schema is not checked again, the meaning still is. Should such data
    still be malformed, it is checked in full, so the error names what is wrong."""
    if checked and isinstance(data, dict):
        try:
            return _load(data)
        except (KeyError, TypeError, AttributeError, IndexError):
            pass  # malformed after all: the full check names what is wrong
    _check_schema(data)
    return _load(data)


def _load(data: dict[str, Any]) -> Plan:
    zone = _zone(data["timezone"])
    parents = tuple((str(k), str(v)) for k, v in data.get("parents", {"A": "A", "B": "B"}).items())
    children = _children(data)
    country, subdivision = data.get("country"), data.get("subdivision")
    if country is not None:
        check_country(country, subdivision)
    elif subdivision is not None:
        raise PlanError("plan.subdivision: give the country too")
    ctx: dict[str, Any] = {
        "parents": tuple(p for p, _ in parents), "children": {c.id for c in children},
        "check_names": lambda names, where: _check_holiday_names(country, subdivision, names,
                                                                 where),
        "zone": zone,
    }
    schedules = _schedules(data, ctx)
    overrides = tuple(_override(raw, ctx, i) for i, raw in enumerate(data.get("overrides", [])))
    return Plan(
        timezone=data["timezone"], parents=parents, children=children, schedules=schedules,
        overrides=overrides, country=country, subdivision=subdivision,
        overnight_time=parse_time(data.get("overnight_time", "00:00"), "plan.overnight_time"),
        third_party=_third_party(data.get("third_party")),
    )


def load_plan_file(path: str | Path) -> Plan:
    """``load_plan`` on a JSON file; unreadable or invalid JSON is a ``PlanError`` too."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as error:
        raise PlanError(f"cannot read plan file {str(path)!r}: {error.strerror}") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise PlanError(f"{path}: not valid JSON (line {error.lineno}, column {error.colno}: "
                        f"{error.msg})") from None
    return load_plan(data)


def _zone(key: str) -> ZoneInfo:
    try:
        return ZoneInfo(key)
    except (ZoneInfoNotFoundError, ValueError):
        raise PlanError(f"plan.timezone: unknown time zone {key!r}; use an IANA name such as "
                        "Europe/London or America/New_York") from None


def _children(data: dict[str, Any]) -> tuple[Child, ...]:
    raw = data.get("children") or [{"id": "child"}]
    children = []
    for index, entry in enumerate(raw):
        born = entry.get("birth_date")
        where = f"plan.children[{index}].birth_date"
        children.append(Child(entry["id"], entry.get("name", entry["id"]),
                              parse_date(born, where) if born else None))
    ids = [c.id for c in children]
    if len(set(ids)) != len(ids):
        raise PlanError("plan.children: two children have the same id")
    return tuple(children)


def _schedules(data: dict[str, Any], ctx: dict[str, Any]) -> tuple[Schedule, ...]:
    schedules = []
    claimed: dict[str, str] = {}
    for index, raw in enumerate(data["schedules"]):
        where = f"plan.schedules[{index}]"
        name = raw.get("name", f"schedule {index + 1}")
        members = tuple(raw.get("children", sorted(ctx["children"] - set(claimed))))
        for child in members:
            if child not in ctx["children"]:
                raise PlanError(f"{where}.children: unknown child {child!r}")
            if child in claimed:
                raise PlanError(f"{where}.children: child {child!r} already follows schedule "
                                f"{claimed[child]!r}; a child follows one schedule")
            claimed[child] = name
        schedules.append(_schedule(raw, name, members, ctx, where))
    missing = ctx["children"] - set(claimed)
    if missing:
        raise PlanError(f"plan.schedules: no schedule for child {sorted(missing)[0]!r}")
    return tuple(schedules)


def _schedule(raw: dict[str, Any], name: str, members: tuple[str, ...], ctx: dict[str, Any],
              where: str) -> Schedule:
    rotation = parse_rotation(raw["rotation"], ctx["parents"], f"{where}.rotation")
    seasons = tuple(
        Season(s["name"], parse_month_day(s["from"], f"{where}.seasons[{i}].from"),
               parse_month_day(s["to"], f"{where}.seasons[{i}].to"),
               parse_rotation(s["rotation"], ctx["parents"], f"{where}.seasons[{i}].rotation"))
        for i, s in enumerate(raw.get("seasons", [])))
    rule_ctx = dict(ctx, exchange=rotation.exchange_time, since=rotation.anchor.year)
    rules = [parse_holiday(r, rule_ctx, f"{where}.holidays[{i}]")
             for i, r in enumerate(raw.get("holidays", []))]
    rules += [parse_school_break(r, rule_ctx, f"{where}.school_breaks[{i}]")
              for i, r in enumerate(raw.get("school_breaks", []))]
    for rule in rules:
        for child in rule.children or ():
            if child not in members:
                raise PlanError(f"{where}: rule {rule.name!r} names child {child!r}, who "
                                f"follows another schedule")
    return Schedule(name, members, rotation, seasons, tuple(rules))


def parse_rotation(raw: dict[str, Any], parents: tuple[str, ...], where: str) -> Rotation:
    """A base or season rotation: a named ``pattern`` or a custom cycle of ``nights``."""
    anchor = parse_date(raw["start"], f"{where}.start")
    exchange = parse_time(raw.get("exchange_time", "18:00"), f"{where}.exchange_time")
    dropoff = parse_time(raw.get("dropoff_time", "08:00"), f"{where}.dropoff_time")
    pattern = raw.get("pattern", "custom" if "nights" in raw else None)
    if pattern is None:
        raise PlanError(f"{where}: give a pattern (see 'twohomes schedule patterns') or nights")
    if pattern == "custom":
        if not raw.get("nights"):
            raise PlanError(f"{where}.nights: a custom cycle needs 1 to 56 nights, e.g. "
                            "[\"A\", \"A\", \"B\"]")
        nights = tuple(parse_parent(p, parents, f"{where}.nights") for p in raw["nights"])
        return cycle_rotation("custom", anchor, nights, exchange_time=exchange,
                              dropoff_time=dropoff,
                              dropoff_days=tuple(raw.get("dropoff_days", ())))
    pair = _parent_pair(raw, parents, where)
    midweek = _midweek(raw["midweek"], f"{where}.midweek") if "midweek" in raw else None
    try:
        return template_rotation(pattern, anchor, pair, exchange_time=exchange,
                                 dropoff_time=dropoff, midweek=midweek)
    except PlanError as error:
        raise PlanError(f"{where}: {error}") from None


def _parent_pair(raw: dict[str, Any], parents: tuple[str, ...], where: str) -> tuple[str, str]:
    first = parse_parent(raw.get("first_parent", parents[0]), parents, f"{where}.first_parent")
    others = [p for p in parents if p != first]
    if "second_parent" in raw:
        second = parse_parent(raw["second_parent"], parents, f"{where}.second_parent")
    elif len(others) == 1 or (others and first == parents[0]):
        second = others[0]
    else:
        raise PlanError(f"{where}: the plan has {len(parents)} parents; give second_parent")
    if second == first:
        raise PlanError(f"{where}: first_parent and second_parent must differ")
    return first, second


def _midweek(raw: dict[str, Any], where: str) -> Midweek:
    weekday = parse_weekday(raw["weekday"], f"{where}.weekday")
    if raw.get("overnight"):
        return Midweek(weekday, overnight=True)
    if "from" not in raw or "to" not in raw:
        raise PlanError(f"{where}: give from and to (hours) or overnight: true")
    start, end = parse_time(raw["from"], f"{where}.from"), parse_time(raw["to"], f"{where}.to")
    if end <= start:
        raise PlanError(f"{where}: the visit ends ({raw['to']}) before or where it starts "
                        f"({raw['from']}); give a 'to' after 'from'")
    return Midweek(weekday, start, end)


def _override(raw: dict[str, Any], ctx: dict[str, Any], index: int) -> Override:
    # A family's agreed changes are thousands: the words of a problem's place are made
    # only when there is a problem.
    start, end = _local_instant(raw, "from", ctx, index), _local_instant(raw, "to", ctx, index)
    if end <= start:
        raise PlanError(f"plan.overrides[{index}]: override {raw['name']!r} ends before or "
                        "where it starts; give a 'to' after 'from'")
    children = tuple(raw.get("children", sorted(ctx["children"])))
    for child in children:
        if child not in ctx["children"]:
            raise PlanError(f"plan.overrides[{index}].children: unknown child {child!r}")
    parent = raw["parent"]
    if parent not in ctx["parents"]:
        parse_parent(parent, ctx["parents"], f"plan.overrides[{index}].parent")  # says why
    return Override(raw["name"], children, start, end, str(parent))


def _local_instant(raw: dict[str, Any], key: str, ctx: dict[str, Any], index: int) -> datetime:
    try:
        moment = datetime.fromisoformat(raw[key])
    except (TypeError, ValueError):
        moment = None
    if moment is None or not MIN_YEAR <= moment.year <= MAX_YEAR:  # say why, in words
        moment = parse_local_datetime(raw[key], f"plan.overrides[{index}].{key}")
    return _instant(moment, ctx["zone"])


def _instant(moment: datetime, zone: ZoneInfo) -> datetime:
    if moment.tzinfo is not None:
        return moment.astimezone(UTC)
    return to_instant(moment.date(), moment.time(), zone)


def _third_party(raw: dict[str, Any] | None) -> ThirdParty | None:
    if raw is None:
        return None
    windows = []
    for index, entry in enumerate(raw["windows"]):
        where = f"plan.third_party.windows[{index}]"
        start, end = parse_time(entry["from"], where), parse_time(entry["to"], where)
        if not time(5, 0) <= start < end <= time(23, 0):
            raise PlanError(f"{where}: school or daycare hours must run forwards between "
                            "05:00 and 23:00")
        for day in entry["weekdays"]:
            windows.append(ThirdPartyWindow(parse_weekday(day, where), start, end))
    terms = tuple(sorted(parse_range(t, "plan.third_party.terms") for t in raw["terms"]))
    return ThirdParty(tuple(windows), terms)


def _check_holiday_names(country: str | None, subdivision: str | None, names: tuple[str, ...],
                         where: str) -> None:
    if country is None:
        raise PlanError(f"{where}: public holidays need the plan's country (and subdivision)")
    known: set[str] = set()
    for year in range(2024, 2031):
        for _, name in public_holidays(country, subdivision, year):
            known.update(part.casefold() for part in holiday_name_parts(name))
    for name in names:
        if name.casefold() not in known:
            sample = sorted({n for _, n in public_holidays(country, subdivision, 2026)})
            raise PlanError(f"{where}: {country} has no public holiday named {name!r}; "
                            f"names include: {', '.join(sample[:12])}")


def pattern_plan(pattern: str, start: str, *, first_parent: str = "A",
                 exchange_time: str = "18:00", timezone: str = "UTC") -> Plan:
    """The one-child plan the command line builds from ``--pattern`` and its options."""
    rotation = {"pattern": pattern, "start": start, "first_parent": first_parent,
                "exchange_time": exchange_time}
    try:
        return load_plan({"timezone": timezone, "parents": {"A": "A", "B": "B"},
                          "children": [{"id": "child"}],
                          "schedules": [{"name": pattern, "rotation": rotation}]})
    except PlanError as error:
        message = str(error)
        for field, option in _OPTIONS.items():
            message = message.replace(field, option)
        raise PlanError(message) from None


# Plan fields as the command line names them, for errors about --pattern plans.
_OPTIONS = {"plan.schedules[0].rotation.start": "--start",
            "plan.schedules[0].rotation.exchange_time": "--exchange-time",
            "plan.schedules[0].rotation: ": "", "plan.timezone": "--tz"}
