"""The TwoHomes custody schedule engine: plain Python, no Django, no clock.

Typical use (the Django calendar does exactly this)::

    plan = load_plan(json_dict)                      # or load_plan_file(path); PlanError if bad
    timeline = build_timeline(plan, date(2026, 1, 1), date(2027, 1, 1))
    timeline.owner_at("emma", aware_datetime)        # -> "A"
    timeline.reason_at("emma", aware_datetime)       # -> Reason(level, rule, detail)
    timeline.exchanges(start, end, child="emma")     # -> [Exchange(at, child, from, to, reason)]
    noon = timeline.day_lookup("emma")                # built once; then per day, no objects:
    noon.parent_on(day.toordinal())                   # -> "A" (night_lookup: the overnight)
    stats = plan_stats(plan, date(2026, 1, 1), date(2027, 1, 1))   # days [first, end)
    compare_plans(plan_a, plan_b, date(2026, 1, 1), date(2027, 1, 1))

Instants are aware datetimes (UTC inside); dates are local days in the plan's time zone.
"""

from .compare import (
    ChildrenFigures,
    Comparison,
    Figure,
    SideBySide,
    compare_plans,
    side_by_side,
)
from .errors import PlanError
from .lookup import DayLookup
from .model import (
    LEVELS,
    Child,
    Exchange,
    Interval,
    Override,
    Plan,
    Reason,
    Rotation,
    Rule,
    Schedule,
    Season,
)
from .parsing import MAX_YEAR, MIN_YEAR, WEEKDAY_NAMES, WEEKDAYS, within_years
from .patterns import PATTERNS, describe_patterns
from .spec import load_plan, load_plan_file, pattern_plan, plan_schema
from .stats import ChildStats, ParentStats, Stats, compute_stats, plan_stats
from .timeline import HolidayAward, Timeline, build_timeline, join_timelines, with_children

__all__ = [
    "LEVELS", "MAX_YEAR", "MIN_YEAR", "PATTERNS", "Child", "ChildStats", "ChildrenFigures",
    "Comparison", "DayLookup", "Exchange", "Figure", "HolidayAward", "WEEKDAYS", "WEEKDAY_NAMES",
    "Interval", "Override", "ParentStats", "Plan", "PlanError", "Reason", "Rotation", "Rule",
    "Schedule", "Season", "SideBySide", "Stats", "Timeline", "build_timeline", "compare_plans",
    "compute_stats", "describe_patterns", "join_timelines", "load_plan", "load_plan_file",
    "pattern_plan", "plan_schema", "plan_stats", "side_by_side", "with_children",
    "within_years",
]
