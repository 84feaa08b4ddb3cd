"""``twohomes schedule``: statistics, calendars, comparisons and exchanges from the shell.

Every error is one line on stderr starting ``twohomes schedule: error:`` and exit status 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date, timedelta
from typing import Any, NoReturn

from .compare import compare_plans
from .errors import PlanError
from .model import Plan
from .parsing import parse_date, parse_time
from .patterns import describe_patterns
from .render import (
    calendar_text,
    compare_text,
    exchange_row,
    exchanges_text,
    month_range,
    stats_text,
)
from .spec import load_plan_file, pattern_plan
from .stats import plan_stats
from .timeline import build_timeline

PROG = "twohomes schedule"


class UsageError(Exception):
    """Bad command-line usage, reported like a ``PlanError``."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def _plan_source(parser: argparse.ArgumentParser) -> None:
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--pattern", help="a template name (see 'twohomes schedule patterns')")
    source.add_argument("--spec", metavar="PLAN.json", help="a plan file")
    parser.add_argument("--start", help="with --pattern: the anchor date YYYY-MM-DD")
    parser.add_argument("--first-parent", choices=("A", "B"), default="A",
                        help="with --pattern: who starts the cycle (default A)")
    parser.add_argument("--exchange-time", default="18:00", help="with --pattern (default 18:00)")
    parser.add_argument("--tz", default="UTC", help="with --pattern: IANA time zone (default UTC)")


def _range(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--from", dest="first", required=True, help="first day YYYY-MM-DD")
    parser.add_argument("--to", dest="last", required=True, help="last day (inclusive)")
    parser.add_argument("--json", action="store_true", help="machine-readable output")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog=PROG, description="Custody schedule statistics and calendars.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    stats = commands.add_parser("stats", help="overnights, hours and percentages per parent")
    _plan_source(stats)
    _range(stats)
    stats.add_argument("--exclude-third-party", action="store_true",
                       help="leave school/daycare hours out of %% time (needs them in the plan)")
    calendar = commands.add_parser("calendar", help="a month grid of who has each child")
    _plan_source(calendar)
    calendar.add_argument("--month", required=True, help="YYYY-MM")
    compare = commands.add_parser("compare", help="two plans side by side")
    compare.add_argument("plans", nargs=2, metavar="PLAN.json")
    _range(compare)
    exchanges = commands.add_parser("exchanges", help="every exchange in a range")
    _plan_source(exchanges)
    _range(exchanges)
    commands.add_parser("patterns", help="the rotation templates")
    return parser


def _plan(args: argparse.Namespace) -> Plan:
    if args.spec:
        return load_plan_file(args.spec)
    if not args.start:
        raise UsageError("--pattern needs --start YYYY-MM-DD (the day the cycle starts)")
    parse_date(args.start, "--start")
    parse_time(args.exchange_time, "--exchange-time")
    return pattern_plan(args.pattern, args.start, first_parent=args.first_parent,
                        exchange_time=args.exchange_time, timezone=args.tz)


def _days(args: argparse.Namespace) -> tuple[date, date]:
    first, last = parse_date(args.first, "--from"), parse_date(args.last, "--to")
    if last < first:
        raise UsageError(f"--to {last} is before --from {first}")
    return first, last + timedelta(days=1)


def _stats(args: argparse.Namespace) -> str:
    stats = plan_stats(_plan(args), *_days(args), exclude_third_party=args.exclude_third_party)
    return _dump(stats.to_json()) if args.json else stats_text(stats)


def _compare(args: argparse.Namespace) -> str:
    first, second = (load_plan_file(path) for path in args.plans)
    comparison = compare_plans(first, second, *_days(args))
    return _dump(comparison.to_json()) if args.json else compare_text(comparison)


def _exchanges(args: argparse.Namespace) -> str:
    plan = _plan(args)
    timeline = build_timeline(plan, *_days(args))
    found = timeline.exchanges()
    if args.json:
        return _dump({"exchanges": [exchange_row(x, plan) for x in found]})
    return exchanges_text(found, plan)


def _calendar(args: argparse.Namespace) -> str:
    try:
        year, month = (int(part) for part in args.month.split("-"))
        first, end = month_range(year, month)
    except ValueError:
        raise UsageError(f"--month {args.month!r} is not a month; write YYYY-MM") from None
    parse_date(first.isoformat(), "--month")
    timeline = build_timeline(_plan(args), first, end + timedelta(days=2))
    return calendar_text(timeline, year, month)


def _patterns(_: argparse.Namespace) -> str:
    return "\n".join(f"{name:<28}{text}" for name, text in describe_patterns())


def _dump(document: dict[str, Any]) -> str:
    return json.dumps(document, indent=2, ensure_ascii=False)


COMMANDS = {"stats": _stats, "compare": _compare, "exchanges": _exchanges,
            "calendar": _calendar, "patterns": _patterns}


def main(argv: list[str] | None = None) -> int:
    """Run ``twohomes schedule`` with ``argv`` (without the word "schedule")."""
    try:
        args = build_parser().parse_args(argv)
        output = COMMANDS[args.command](args)
    except (PlanError, UsageError) as error:
        message = " ".join(str(error).split())
        print(f"{PROG}: error: {message}", file=sys.stderr)
        return 2
    except SystemExit as done:  # --help
        return int(done.code or 0)
    except Exception as error:  # a bug: still one line, never a traceback, at the shell
        print(f"{PROG}: error: internal error ({type(error).__name__}: {error}); please "
              "report it with the command and plan that caused it", file=sys.stderr)
        return 1
    print(output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
