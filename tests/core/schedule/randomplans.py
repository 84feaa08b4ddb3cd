"""Random one-child plans and ranges for the closed-form tests, from a seeded ``Random``.

Every hand-over falls on a whole hour (so that the naive per-hour reference is exact) and
the zones include daylight saving in both hemispheres and a zone with none.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

from twohomes.core.schedule.patterns import PATTERNS

ZONES = ["UTC", "America/New_York", "Europe/London", "Australia/Sydney", "America/Santiago",
         "Europe/Berlin"]
TEMPLATES = [name for name in PATTERNS if name != "custom"]
PUBLIC = ["New Year's Day", "Memorial Day", "Independence Day", "Labor Day",
          "Thanksgiving Day", "Christmas Day"]


def _hour(rng: random.Random) -> str:
    return f"{rng.randrange(0, 24):02d}:00"


def _day(rng: random.Random, first: date = date(2024, 1, 1), span: int = 1500) -> date:
    return first + timedelta(days=rng.randrange(span))


def random_rotation(rng: random.Random) -> dict[str, Any]:
    start = _day(rng)
    rotation: dict[str, Any] = {"start": start.isoformat(), "exchange_time": _hour(rng),
                                "dropoff_time": _hour(rng)}
    if rng.random() < 0.3:
        nights: list[str] = []
        while len(nights) < rng.randrange(1, 22):
            nights += [rng.choice("AB")] * rng.randrange(1, 8)
        rotation["nights"] = nights[:56]
        return rotation
    name = rng.choice(TEMPLATES)
    if PATTERNS[name].monday_start:
        rotation["start"] = (start - timedelta(days=start.weekday())).isoformat()
    rotation["pattern"] = name
    rotation["first_parent"] = rng.choice("AB")
    if PATTERNS[name].weekend_visits and rng.random() < 0.5:
        low = rng.randrange(9, 20)
        rotation["midweek"] = {"weekday": rng.choice(["tuesday", "wednesday"]),
                               "from": f"{low:02d}:00", "to": f"{low + 3:02d}:00"}
    return rotation


def _season(rng: random.Random) -> dict[str, Any]:
    first = _day(rng, date(2001, 1, 1), 365)
    last = first + timedelta(days=rng.randrange(0, 80))
    return {"name": "season", "from": first.strftime("%m-%d"), "to": last.strftime("%m-%d"),
            "rotation": random_rotation(rng)}


def _holidays(rng: random.Random) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    if rng.random() < 0.5:
        found.append({"name": "public holidays", "kind": "public",
                      "holidays": rng.sample(PUBLIC, rng.randrange(1, len(PUBLIC) + 1)),
                      "window": rng.choice(["day", "evening-before"]),
                      "assign": rng.choice([{"even": "A", "odd": "B"},
                                            {"alternate": ["B", "A"]}])})
    if rng.random() < 0.5:
        found.append({"name": "family day", "kind": "date",
                      "date": _day(rng, date(2001, 1, 1), 365).strftime("%m-%d"),
                      "window": {"from": "10:00", "to": "19:00"},
                      "assign": {"even": "B", "odd": "A", "split_at": "14:00"}})
    return found


def _breaks(rng: random.Random) -> list[dict[str, Any]]:
    ranges = []
    cursor = _day(rng, date(2023, 6, 1), 400)
    for _ in range(rng.randrange(1, 4)):
        end = cursor + timedelta(days=rng.randrange(0, 14))
        ranges.append([cursor.isoformat(), end.isoformat()])
        cursor = end + timedelta(days=rng.randrange(20, 300))
    return [{"name": "break", "window": rng.choice(["nights", "day"]), "ranges": ranges,
             "assign": {"alternate": ["A", "B"]}}]


def _overrides(rng: random.Random) -> list[dict[str, Any]]:
    found = []
    cursor = _day(rng, date(2024, 1, 1), 900)
    for index in range(rng.randrange(0, 6)):
        start = cursor + timedelta(days=rng.randrange(0, 60))
        end = start + timedelta(days=rng.randrange(1, 9))
        found.append({"name": f"swap {index}", "from": f"{start.isoformat()}T{_hour(rng)}",
                      "to": f"{end.isoformat()}T{_hour(rng)}", "parent": rng.choice("AB")})
        cursor = end + timedelta(days=1)
    return found


def random_plan(rng: random.Random) -> dict[str, Any]:
    """A one-child plan (child ``kid``) with a random mix of the engine's features."""
    schedule: dict[str, Any] = {"name": "main", "rotation": random_rotation(rng)}
    if rng.random() < 0.4:
        schedule["seasons"] = [_season(rng)]
    holidays = _holidays(rng)
    if holidays:
        schedule["holidays"] = holidays
    if rng.random() < 0.3:
        schedule["school_breaks"] = _breaks(rng)
    plan: dict[str, Any] = {"timezone": rng.choice(ZONES), "country": "US",
                            "parents": {"A": "Maya", "B": "Daniel"},
                            "children": [{"id": "kid", "birth_date": "2016-05-04"}],
                            "schedules": [schedule], "overrides": _overrides(rng)}
    if rng.random() < 0.2:
        plan["overnight_time"] = rng.choice(["19:00", "21:00", "03:00", "06:00"])
    return plan


def random_range(rng: random.Random) -> tuple[date, date]:
    """Days ``[first, end)``: from a few days (shorter than any cycle) to three years."""
    first = _day(rng, date(2023, 1, 1), 1800)
    length = rng.choice([1, 2, 5, 9, 13, 15, 29, 40, 90, 200, 365, 366, 800, 1096])
    return first, first + timedelta(days=length + rng.randrange(0, 7))
