"""Calendar benchmark: the ICS feed and the month view of the four-child demo family.

Runs on a throw-away SQLite database (or on DATABASE_URL when set). Prints the median
time of a full feed (about two years: 3 months back, 21 months ahead) built from nothing
and served from the cache, of a 304 answer to a subscriber's poll, and of the month
view. Goal: a full feed under 200 ms, even from nothing.

    .venv/bin/python benchmarks/feed.py [--runs 15]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _summary import report  # noqa: E402


def _setup() -> None:
    scratch = tempfile.mkdtemp(prefix="twohomes-bench-")
    os.environ.setdefault("TWOHOMES_VAR_DIR", scratch)
    os.environ.setdefault("DEBUG", "1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "twohomes.settings")
    os.environ.setdefault("TASKS_BACKEND", "django_tasks.backends.dummy.DummyBackend")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    call_command("demo", "--if-empty", stdout=open(os.devnull, "w"))  # noqa: SIM115


def _median_ms(request: object, runs: int) -> tuple[float, object]:
    times, response = [], None
    for _ in range(runs):
        start = time.perf_counter()
        response = request()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000, response


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    _setup()
    from django.test import Client

    from twohomes.calendar.models import CalendarFeed, hash_token
    from twohomes.families.access import unscoped
    from twohomes.families.models import Membership

    with unscoped("a command"):  # the benchmark sets up as a command does
        maya = Membership.objects.select_related("family", "user").get(
            user__email__startswith="maya@")
        token = CalendarFeed.new_token()
        CalendarFeed.objects.create(membership=maya, token_hash=hash_token(token))
    from django.core.cache import cache

    client = Client(HTTP_HOST="localhost")

    def cold() -> object:
        cache.clear()
        return client.get(f"/feeds/{token}.ics")

    cold_ms, _ = _median_ms(cold, args.runs)
    feed_ms, response = _median_ms(lambda: client.get(f"/feeds/{token}.ics"), args.runs)
    etag = response["ETag"]  # type: ignore[index]
    events = response.content.count(b"BEGIN:VEVENT")  # type: ignore[attr-defined]
    poll_ms, poll = _median_ms(
        lambda: client.get(f"/feeds/{token}.ics", HTTP_IF_NONE_MATCH=etag), args.runs)
    client.force_login(maya.user)
    month_ms, _ = _median_ms(
        lambda: client.get(f"/f/{maya.family_id}/calendar/"), args.runs)
    print(f"family: 4 children, feed of {events} events "
          f"({len(response.content) // 1024} KiB)")  # type: ignore[attr-defined]
    print(f"feed first build median (cold cache): {cold_ms:.1f} ms (goal 200 ms)")
    print(f"feed median (built once per change and day, then cached): {feed_ms:.1f} ms")
    print(f"poll (304) median: {poll_ms:.1f} ms, status {poll.status_code}")  # type: ignore
    print(f"month view median: {month_ms:.1f} ms")
    report("feed", f"ICS feed of {events} events, built from nothing", f"{cold_ms:.0f} ms",
           "< 200 ms", cold_ms < 200)
    report("feed", "ICS feed from the cache", f"{feed_ms:.1f} ms")


if __name__ == "__main__":
    main()
