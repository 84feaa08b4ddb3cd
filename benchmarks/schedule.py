"""Schedule engine benchmark: one large family over 10 years, and 10,000 varied families.

Run with ``make bench`` (or ``python benchmarks/schedule.py``). Prints:

* ``one family median: X ms`` - build the timeline and all statistics for 4 children over
  10 years with two seasons, national and regional holidays with alternation, family dates
  and 200 overrides (goal: <= 20 ms on a 2-core machine);
* the time for the statistics of 10,000 varied families over one year (goal: <= 10 s);
* the naive per-hour reference from the tests on the one family, and the ratio;
* per child-year, for alternating weeks, 2-2-5-5 and every other weekend (one child, the
  pattern's usual exchange time; plain, and with public holidays alternating by year): the
  timeline and statistics over 2026 (goal: <= 0.05 ms) and over 2026-2035 divided by ten,
  and 365 day-by-day lookups of who has the child at noon and for the night (goal: <= 0.2
  ms), each beside the same work done the way the engine did it before (statistics walking
  every interval, ``owner_at`` per day; the rest of the statistics, shared by both ways,
  is today's code), and whether the results are the same as that way's and the naive
  reference's (``--child-year`` prints only this part).

Measured before the closed-form counting and the day lookup were added (ms per child-year,
timeline + statistics / 365 noon lookups): alternating weeks 0.26 / 2.1, with holidays
0.33 / 2.1; 2-2-5-5 0.34 / 2.2, with holidays 0.42 / 2.1; every other weekend 0.37 / 2.1,
with holidays 0.41 / 2.4.
"""

from __future__ import annotations

import dataclasses
import gc
import importlib.util
import multiprocessing
import random
import statistics
import sys
import time
import timeit
from collections.abc import Callable
from datetime import date, timedelta
from datetime import time as clock_time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from _summary import report  # noqa: E402

from twohomes.core.schedule import (  # noqa: E402
    Plan,
    Timeline,
    build_timeline,
    compute_stats,
    load_plan,
)
from twohomes.core.schedule.counting import night_reference  # noqa: E402
from twohomes.core.schedule.localtime import to_instant  # noqa: E402
from twohomes.core.schedule.patterns import PATTERNS  # noqa: E402


def _load_naive() -> Any:
    path = ROOT / "tests" / "core" / "schedule" / "naive.py"
    spec = importlib.util.spec_from_file_location("schedule_naive", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


FIRST, END = date(2026, 1, 1), date(2036, 1, 1)
CHILDREN = ["ava", "ben", "cleo", "dan"]
NATIONAL = ["New Year's Day", "Memorial Day", "Independence Day", "Labor Day",
            "Thanksgiving Day", "Christmas Day"]
REGIONAL = ["Cesar Chavez Day"]


def _overrides(rng: random.Random, count: int) -> list[dict[str, Any]]:
    """``count`` swaps spread over the 10 years, never overlapping for any child."""
    found = []
    step = (END - FIRST).days // count
    for index in range(count):
        day = FIRST + timedelta(days=index * step + rng.randrange(0, step - 4))
        length = rng.randrange(1, 3)
        found.append({"name": f"swap {index + 1}", "children": rng.sample(CHILDREN, 2),
                      "from": f"{day.isoformat()}T{rng.choice(['09:00', '12:00', '18:00'])}",
                      "to": f"{(day + timedelta(days=length)).isoformat()}T18:00",
                      "parent": rng.choice("AB")})
    return found


def family_plan() -> dict[str, Any]:
    rng = random.Random(4)
    holidays = [
        {"name": "National holidays", "kind": "public", "holidays": NATIONAL,
         "window": "day", "assign": {"alternate": ["A", "B"]}},
        {"name": "Regional holiday", "kind": "public", "holidays": REGIONAL,
         "assign": {"even": "B", "odd": "A"}},
        {"name": "Birthday", "kind": "birthday", "window": {"from": "10:00", "to": "19:00"},
         "assign": {"even": "A", "odd": "B", "split_at": "14:00"}},
        {"name": "Mother's Day", "kind": "mothers-day", "assign": {"parent": "A"}},
    ]
    seasons = [
        {"name": "summer", "from": "06-20", "to": "08-20",
         "rotation": {"pattern": "alternating-weeks", "start": "2026-06-22"}},
        {"name": "winter", "from": "12-20", "to": "01-03",
         "rotation": {"nights": ["A", "A", "A", "B", "B", "B"], "start": "2026-12-20"}},
    ]
    breaks = [{"name": "Spring break", "assign": {"alternate": ["B", "A"]},
               "ranges": [[f"{y}-04-0{1 + y % 5}", f"{y}-04-1{y % 5}"] for y in range(2026, 2036)]}]
    schedule = {"seasons": seasons, "holidays": holidays, "school_breaks": breaks}
    return {
        "timezone": "America/Los_Angeles", "country": "US", "subdivision": "CA",
        "parents": {"A": "Maya", "B": "Daniel"},
        "children": [{"id": c, "birth_date": f"201{i + 2}-{i + 9:02d}-1{i + 1}"}
                     for i, c in enumerate(CHILDREN)],
        "schedules": [
            {"name": "younger", "children": CHILDREN[1:], "rotation": {
                "pattern": "2-2-5-5", "start": "2026-01-05", "dropoff_time": "08:15"}, **schedule},
            {"name": "teen", "children": CHILDREN[:1], "rotation": {
                "pattern": "every-other-weekend", "start": "2026-01-05",
                "midweek": {"weekday": "wednesday", "from": "16:00", "to": "19:00"}}, **schedule},
        ],
        "overrides": _overrides(rng, 200),
    }


def one_family(plan: Plan) -> None:
    timeline = build_timeline(plan, FIRST, END + timedelta(days=2))
    compute_stats(timeline, FIRST, END)


RUNS = 31


def time_one_family(plan: Plan, runs: int = RUNS) -> dict[str, float]:
    """Seconds for the first (cold) run, then the median and best of ``runs`` warm runs
    timed as ``timeit`` does (garbage collector paused during a run, collected between
    runs), and the median with the collector left running."""
    started = time.perf_counter()
    one_family(plan)
    figures = {"cold": time.perf_counter() - started}
    paused, running = [], []
    for _ in range(runs):
        gc.collect()
        gc.disable()
        started = time.perf_counter()
        one_family(plan)
        paused.append(time.perf_counter() - started)
        gc.enable()
    for _ in range(runs):
        started = time.perf_counter()
        one_family(plan)
        running.append(time.perf_counter() - started)
    figures.update(median=statistics.median(paused), best=min(paused),
                   with_gc=statistics.median(running))
    return figures


def varied_family(rng: random.Random) -> dict[str, Any]:
    names = [n for n in PATTERNS if n != "custom"]
    anchor = date(2026, 1, 5) + timedelta(days=7 * rng.randrange(0, 52))
    schedules = []
    children = [{"id": f"c{i}", "birth_date": f"201{i}-0{i + 1}-0{i + 2}"}
                for i in range(rng.randrange(1, 4))]
    for child in children:
        rotation: dict[str, Any] = {"pattern": rng.choice(names), "start": anchor.isoformat(),
                                    "exchange_time": f"{rng.randrange(8, 20):02d}:00"}
        if rng.random() < 0.2:  # a custom cycle of blocks of 1 to 7 nights
            nights: list[str] = []
            while len(nights) < rng.randrange(2, 29):
                nights += ["AB"[len(nights) % 2]] * rng.randrange(1, 8)
            rotation = {"nights": nights[:56], "start": anchor.isoformat()}
        schedule: dict[str, Any] = {"name": child["id"], "children": [child["id"]],
                                    "rotation": rotation}
        if rng.random() < 0.5:
            schedule["seasons"] = [{"name": "summer", "from": "07-01", "to": "08-15",
                                    "rotation": {"pattern": "alternating-weeks",
                                                 "start": "2026-07-01"}}]
        if rng.random() < 0.5:
            schedule["holidays"] = [{"name": "Christmas", "kind": "date", "date": "12-25",
                                     "window": "evening-before", "assign": {"even": "A",
                                                                            "odd": "B"}}]
        schedules.append(schedule)
    zone = rng.choice(["America/New_York", "Europe/London", "Europe/Berlin", "Australia/Sydney"])
    return {"timezone": zone, "children": children, "schedules": schedules}


FAMILIES = 10_000
YEAR_FIRST, YEAR_END = date(2026, 1, 1), date(2027, 1, 1)


def family_specs(count: int = FAMILIES) -> list[dict[str, Any]]:
    rng = random.Random(10)
    return [varied_family(rng) for _ in range(count)]


def time_statistics(specs: list[dict[str, Any]]) -> tuple[float, float]:
    """Seconds to load and validate ``specs``, then for every family's timeline and
    statistics over one year."""
    started = time.perf_counter()
    plans = [load_plan(spec) for spec in specs]
    loading = time.perf_counter() - started
    started = time.perf_counter()
    for plan in plans:
        timeline = build_timeline(plan, YEAR_FIRST, YEAR_END + timedelta(days=2))
        compute_stats(timeline, YEAR_FIRST, YEAR_END)
    return loading, time.perf_counter() - started


def time_statistics_on_cores(specs: list[dict[str, Any]], cores: int = 2) -> float:
    """The same work split over ``cores`` processes: the slowest worker's statistics time."""
    shares = [specs[i::cores] for i in range(cores)]
    with multiprocessing.get_context("fork").Pool(cores) as pool:
        results = pool.map(time_statistics, shares)
    return max(stats for _, stats in results)


def time_naive(plan: Plan) -> tuple[float, bool]:
    """Seconds for the naive reference on the one family, and whether its overnights agree
    with the engine's for every child and parent."""
    naive = _load_naive()
    started = time.perf_counter()
    results = {child: naive.naive_stats(plan, child, FIRST, END) for child in CHILDREN}
    elapsed = time.perf_counter() - started
    stats = compute_stats(build_timeline(plan, FIRST, END + timedelta(days=2)), FIRST, END)
    agree = all(
        {p.parent: p.overnights for p in stats.child(child).parents} == result["overnights"]
        for child, result in results.items())
    return elapsed, agree


def time_stored_plan_load(changes: int = 2000, runs: int = 5) -> tuple[float, float, bool]:
    """Loading a stored plan with ``changes`` agreed changes: with the JSON Schema checked
    again (the baseline) and without (stored plans were checked when saved). Seconds."""
    data = family_plan()
    data["overrides"] = [  # one daytime change a day, never overlapping
        {"name": f"change {n + 1}", "children": CHILDREN[: 1 + n % len(CHILDREN)],
         "from": f"{FIRST + timedelta(days=n)}T10:00", "to": f"{FIRST + timedelta(days=n)}T18:00",
         "parent": "AB"[n % 2]} for n in range(changes)]
    times = []
    for checked in (False, True):
        start = time.perf_counter()
        for _ in range(runs):
            load_plan(data, checked=checked)
        times.append((time.perf_counter() - start) / runs)
    same = load_plan(data, checked=True) == load_plan(data)
    return times[0], times[1], same


# Per child-year: one child, one pattern at its usual exchange time, over 2026 (and over
# 2026-2035, to show what grows with the length of the range).
DECADE_END = date(2036, 1, 1)
PATTERN_PLANS = (("alternating-weeks", "2026-01-04", "18:00"),  # Sunday evenings
                 ("2-2-5-5", "2026-01-05", "15:00"),  # after school
                 ("every-other-weekend", "2026-01-05", "18:00"))  # Friday to Sunday evening


def pattern_family(pattern: str, start: str, exchange: str, *, holidays: bool) -> Plan:
    schedule: dict[str, Any] = {"name": pattern, "children": ["kid"], "rotation": {
        "pattern": pattern, "start": start, "exchange_time": exchange}}
    if holidays:
        schedule["holidays"] = [{"name": "Public holidays", "kind": "public",
                                 "holidays": NATIONAL, "window": "day",
                                 "assign": {"even": "A", "odd": "B"}}]
    return load_plan({"timezone": "America/New_York", "country": "US",
                      "parents": {"A": "Maya", "B": "Daniel"}, "children": [{"id": "kid"}],
                      "schedules": [schedule]})


def walked(timeline: Timeline) -> Timeline:
    """The timeline without the note of where its rotations run unpainted: its statistics
    walk every interval, the engine's way before closed-form counting."""
    tracks = timeline.tracks
    return dataclasses.replace(timeline, tracks={
        child: dataclasses.replace(track, unpainted=()) for child, track in tracks.items()})


def best_ms(work: Callable[[], object], number: int) -> float:
    """Milliseconds per call: the best of 7 rounds of ``number`` calls (as ``timeit``, with
    the garbage collector paused) in this process's CPU time, so that other work on a busy
    machine counts least."""
    rounds = timeit.repeat(work, number=number, repeat=7, timer=time.process_time)
    return min(rounds) / number * 1000


def child_year(plan: Plan) -> tuple[dict[str, float], bool]:
    """Milliseconds for one child-year, this way and the way before, and whether both ways
    and the naive reference give the same results."""
    end = YEAR_END + timedelta(days=2)
    timeline = build_timeline(plan, YEAR_FIRST, end)
    before = walked(timeline)
    zone, at_night = plan.zone, plan.overnight_time
    days = [YEAR_FIRST + timedelta(days=n) for n in range(365)]
    ordinals = [day.toordinal() for day in days]
    noons = [to_instant(day, clock_time(12), zone) for day in days]
    nights = [night_reference(day, at_night, zone) for day in days]
    noon, night = timeline.day_lookup("kid"), timeline.night_lookup("kid")
    decade = build_timeline(plan, YEAR_FIRST, DECADE_END + timedelta(days=2))
    year_build = best_ms(lambda: build_timeline(plan, YEAR_FIRST, end), 400)
    decade_build = best_ms(lambda: build_timeline(plan, YEAR_FIRST, DECADE_END
                                                  + timedelta(days=2)), 40)
    figures = {  # building the timeline is the same code either way: timed once for both
        "stats": year_build + best_ms(lambda: compute_stats(timeline, YEAR_FIRST, YEAR_END),
                                      400),
        "stats before": year_build + best_ms(lambda: compute_stats(before, YEAR_FIRST,
                                                                   YEAR_END), 400),
        "decade": (decade_build + best_ms(lambda: compute_stats(decade, YEAR_FIRST,
                                                                DECADE_END), 40)) / 10,
        "decade before": (decade_build + best_ms(lambda: compute_stats(
            walked(decade), YEAR_FIRST, DECADE_END), 40)) / 10,
        "noon": best_ms(lambda: [noon.parent_on(d) for d in ordinals], 200),
        "noon before": best_ms(lambda: [timeline.owner_at("kid", i) for i in noons], 20),
        "night": best_ms(lambda: [night.parent_on(d) for d in ordinals], 200),
        "night before": best_ms(lambda: [timeline.owner_at("kid", i) for i in nights], 20),
        "lookup build": best_ms(lambda: timeline.day_lookup("kid"), 400),
    }
    stats = compute_stats(timeline, YEAR_FIRST, YEAR_END)
    naive = _load_naive().naive_stats(plan, "kid", YEAR_FIRST, YEAR_END)
    kid = stats.child("kid")
    same = (stats == compute_stats(before, YEAR_FIRST, YEAR_END)
            and compute_stats(decade, YEAR_FIRST, DECADE_END)
            == compute_stats(walked(decade), YEAR_FIRST, DECADE_END)
            and {p.parent: p.overnights for p in kid.parents} == naive["overnights"]
            and {p.parent: int(p.hours) for p in kid.parents} == naive["hours"]
            and kid.exchanges == naive["exchanges"]
            and [noon.parent_on(d) for d in ordinals]
            == [timeline.owner_at("kid", i) for i in noons]
            and [night.parent_on(d) for d in ordinals]
            == [timeline.owner_at("kid", i) for i in nights])
    return figures, same


def print_child_years() -> bool:
    print("per child-year (one child, America/New_York, 2026; CPU ms, best of 7 rounds; "
          "'before': statistics walking every interval, owner_at per day; '10 years': "
          "2026-2035 divided by 10):")
    print(f"  {'pattern':<21} {'holidays':<9} {'timeline+stats':>14} {'before':>7} "
          f"{'10 years':>9} {'before':>7} {'365 noon':>9} {'before':>7} {'365 nights':>11} "
          f"{'before':>7} {'lookup built':>13}")
    all_same = True
    slowest = {"stats": (0.0, ""), "noon": (0.0, "")}
    for pattern, start, exchange in PATTERN_PLANS:
        for holidays in (False, True):
            figures, same = child_year(pattern_family(pattern, start, exchange,
                                                      holidays=holidays))
            all_same = all_same and same
            plan_words = f"{pattern}{', holidays' if holidays else ''}"
            for name in slowest:
                slowest[name] = max(slowest[name], (figures[name], plan_words))
            print(f"  {pattern:<21} {'public' if holidays else 'none':<9} "
                  f"{figures['stats']:>14.3f} {figures['stats before']:>7.3f} "
                  f"{figures['decade']:>9.3f} {figures['decade before']:>7.3f} "
                  f"{figures['noon']:>9.3f} {figures['noon before']:>7.3f} "
                  f"{figures['night']:>11.3f} {figures['night before']:>7.3f} "
                  f"{figures['lookup build']:>13.3f}")
    print("  goals: timeline+stats <= 0.05 ms, 365 lookups <= 0.2 ms per child-year; "
          f"same results (before, naive reference, owner_at): {'yes' if all_same else 'NO'}")
    stats, stats_plan = slowest["stats"]
    report("schedule", "timeline and statistics per child-year, slowest of the six plans",
           f"{stats:.2f} ms ({stats_plan})", "≤ 0.05 ms", stats <= 0.05)
    noon, noon_plan = slowest["noon"]
    report("schedule", "365 day-by-day lookups per child-year, slowest plan",
           f"{noon:.3f} ms ({noon_plan})", "≤ 0.2 ms", noon <= 0.2)
    report("schedule", "same results as the interval walk and the naive reference",
           "yes" if all_same else "NO", "yes", all_same)
    return all_same


def main() -> None:
    if "--child-year" in sys.argv[1:]:
        print_child_years()
        return
    plan = load_plan(family_plan())
    timeline = build_timeline(plan, FIRST, END)
    spans = sum(len(v) for v in timeline.intervals.values())
    print(f"one family: 4 children, {FIRST} to {END}, {len(plan.overrides)} overrides, "
          f"{spans} intervals, {len(timeline.exchanges())} exchanges")
    figures = time_one_family(plan)
    median = figures["median"]
    print(f"one family median: {median * 1000:.1f} ms (goal <= 20 ms; {RUNS} runs timed like "
          f"timeit, best {figures['best'] * 1000:.1f} ms; with the garbage collector running "
          f"{figures['with_gc'] * 1000:.1f} ms; first, cold run {figures['cold'] * 1000:.1f} ms; "
          "memoised holiday tables and local times warm, as in a running server)")
    report("schedule", "one family, 10 years, 200 changes: timeline and statistics",
           f"{median * 1000:.1f} ms median", "≤ 20 ms", median <= 0.020)
    specs = family_specs()
    loading, one_core = time_statistics(specs)
    two_cores = time_statistics_on_cores(specs)
    print(f"10,000 families, statistics over one year: {one_core:.2f} s in one process, "
          f"{two_cores:.2f} s on 2 processes (goal <= 10 s); loading and validating the "
          f"10,000 plans: {loading:.2f} s")
    report("schedule", "statistics of 10,000 families over one year, 2 processes",
           f"{two_cores:.1f} s", "≤ 10 s", two_cores <= 10)
    again, stored, same = time_stored_plan_load()
    print(f"a stored plan with 2,000 changes loads in {stored * 1000:.1f} ms (goal <= 10 ms); "
          f"checking its schema again would take {again * 1000:.1f} ms; the same plan either "
          f"way: {'yes' if same else 'NO'}")
    report("schedule", "load a stored plan with 2,000 changes",
           f"{stored * 1000:.1f} ms ({again * 1000:.0f} ms checking the schema again)",
           "≤ 10 ms", stored <= 0.010 and same)
    naive, agree = time_naive(plan)
    print(f"naive per-hour reference, one family: {naive:.2f} s "
          f"({naive / median:,.0f} times the engine's median); overnights agree with the "
          f"engine: {'yes' if agree else 'NO'}")
    print_child_years()


if __name__ == "__main__":
    main()
