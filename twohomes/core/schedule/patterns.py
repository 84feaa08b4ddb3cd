"""Named rotation templates and the expansion of a cycle of nights into hand-overs.

Convention: in a cycle, a day belongs to the parent who has the child the night after it,
and the exchange happens on the day the parent changes, at the exchange time (or at the
school drop-off time for the days a template or plan marks as drop-off days).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from .errors import PlanError
from .model import CycleTransition, Rotation
from .parsing import WEEKDAY_NAMES


@dataclass(frozen=True, slots=True)
class Template:
    """A named cycle: ``nights`` holds 0 (first parent) or 1 (second parent) per day."""

    name: str
    description: str
    nights: tuple[int, ...]
    monday_start: bool = False
    dropoff_days: tuple[int, ...] = ()
    weekend_visits: bool = False


def _t(*blocks: int) -> tuple[int, ...]:
    nights: list[int] = []
    for index, length in enumerate(blocks):
        nights.extend([index % 2] * length)
    return tuple(nights)


PATTERNS: dict[str, Template] = {
    t.name: t
    for t in (
        Template("alternating-weeks", "7-7: one week with each parent, in turn", _t(7, 7)),
        Template("2-2-3", "2-2-3: 2 nights, 2 nights, 3 nights, swapping each week",
                 _t(2, 2, 3, 2, 2, 3)),
        Template("2-2-5-5", "2-2-5-5: 2 nights each, then 5 nights each (weekends alternate)",
                 _t(2, 2, 5, 5)),
        Template("3-4-4-3", "3-4-4-3: 3 nights, 4 nights, then 4 and 3 the other way round",
                 _t(3, 4, 4, 3)),
        Template("5-2-2-5", "5-2-2-5: 5 nights, 2, 2, 5 over two weeks", _t(5, 2, 2, 5)),
        Template(
            "5-2", "5-2: school nights (Sun-Thu) with the first parent, Fri-Sat with the second",
            _t(4, 2, 1), monday_start=True,
        ),
        Template("4-3", "4-3: 4 nights with the first parent, 3 with the second, every week",
                 _t(4, 3)),
        Template(
            "every-other-weekend",
            "every other weekend, Friday to Sunday evening, with the second parent",
            _t(4, 2, 8), monday_start=True, weekend_visits=True,
        ),
        Template(
            "every-other-weekend-monday",
            "every other weekend, Friday to Monday school drop-off, with the second parent",
            _t(4, 3, 7), monday_start=True, dropoff_days=(7,), weekend_visits=True,
        ),
        Template("sole", "the first parent has the child all the time", (0,)),
        Template("custom", "a custom cycle of 1 to 56 nights, given night by night", ()),
    )
}

PATTERN_ALIASES = {"7-7": "alternating-weeks", "eow": "every-other-weekend"}


@dataclass(frozen=True, slots=True)
class Midweek:
    """A weekly visit to the second parent: hours (``start``-``end``) or an overnight."""

    weekday: int
    start: time | None = None
    end: time | None = None
    overnight: bool = False


def template_named(name: str) -> Template:
    template = PATTERNS.get(PATTERN_ALIASES.get(name, name))
    if template is None or template.name == "custom":
        known = ", ".join(n for n in PATTERNS if n != "custom")
        raise PlanError(f"unknown pattern {name!r}; use one of: {known}, or a custom cycle")
    return template


def template_rotation(
    name: str, anchor: date, parents: tuple[str, str], *, exchange_time: time,
    dropoff_time: time, midweek: Midweek | None = None,
) -> Rotation:
    """The rotation of template ``name`` anchored at ``anchor`` with ``parents[0]`` starting."""
    template = template_named(name)
    if template.monday_start and anchor.weekday() != 0:
        raise PlanError(
            f"pattern {template.name!r} starts on a Monday, but {anchor.isoformat()} is a "
            f"{WEEKDAY_NAMES[anchor.weekday()]}; give the Monday of that week"
        )
    nights = [parents[n] for n in template.nights]
    dropoff_days = set(template.dropoff_days)
    visits: list[CycleTransition] = []
    if midweek is not None:
        if not template.weekend_visits:
            raise PlanError(f"a midweek visit needs an every-other-weekend pattern, not {name!r}")
        visits = _midweek(nights, anchor, parents, midweek, dropoff_days)
    return cycle_rotation(
        template.name, anchor, tuple(nights), exchange_time=exchange_time,
        dropoff_time=dropoff_time, dropoff_days=tuple(sorted(dropoff_days)), extra=tuple(visits),
    )


def _midweek(
    nights: list[str], anchor: date, parents: tuple[str, str], midweek: Midweek,
    dropoff_days: set[int],
) -> list[CycleTransition]:
    days = [i for i in range(len(nights)) if (anchor.weekday() + i) % 7 == midweek.weekday]
    visits: list[CycleTransition] = []
    for day in days:
        if nights[day - 1] != parents[0] or nights[day] != parents[0]:
            continue
        if midweek.overnight:
            nights[day] = parents[1]
            dropoff_days.add((day + 1) % len(nights))
        elif midweek.start is not None and midweek.end is not None:
            visits.append(CycleTransition(day, midweek.start, parents[1]))
            visits.append(CycleTransition(day, midweek.end, parents[0]))
    return visits


def cycle_rotation(
    pattern: str, anchor: date, nights: tuple[str, ...], *, exchange_time: time,
    dropoff_time: time, dropoff_days: tuple[int, ...] = (),
    extra: tuple[CycleTransition, ...] = (),
) -> Rotation:
    """A rotation from its nights: a hand-over on each day whose night changes parent."""
    if not 1 <= len(nights) <= 56:
        raise PlanError(f"a cycle must have 1 to 56 nights, not {len(nights)}")
    for day in dropoff_days:
        if not 0 <= day < len(nights):
            raise PlanError(f"drop-off day {day} is outside the cycle of {len(nights)} nights")
    transitions = list(extra)
    for day, parent in enumerate(nights):
        if len(nights) > 1 and parent != nights[day - 1]:
            at = dropoff_time if day in dropoff_days else exchange_time
            transitions.append(CycleTransition(day, at, parent))
    transitions.sort(key=lambda t: (t.day, t.at))
    return Rotation(
        pattern=pattern, anchor=anchor, cycle_days=len(nights), nights=nights,
        transitions=tuple(transitions), exchange_time=exchange_time,
    )


def describe_patterns() -> list[tuple[str, str]]:
    """``(name, one-line description)`` for every template, in display order."""
    return [(t.name, t.description) for t in PATTERNS.values()]
