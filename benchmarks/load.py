"""Load benchmark: TwoHomes under gunicorn (2 workers) on PostgreSQL, driven by wrk.

Creates a database of its own (``twohomes_bench``, dropped at the end; ``--sqlite`` for a
throw-away SQLite file), migrates, seeds the demo family (``twohomes demo``), a grown
family (5,000 messages in one thread, 1,000 events, 200 accepted changes over five years)
and 1,000 small families, then serves it with production settings on the loopback and
times each daily page, the feed and sending a message with wrk (Debian's, installed when
missing) at 32 connections, signed in through the sign-in page as several members of each
family. Pages are read while two more connections send messages, and the messages created
are counted against the sends acknowledged. A one-view Django app on the same gunicorn
and Python is the ceiling. Each route runs first from an emptied cache table, then warm.

    .venv/bin/python benchmarks/load.py [--seconds 10] [--cold-seconds 5] [--sqlite]
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from datetime import time as clock_time
from http.cookies import SimpleCookie
from pathlib import Path
from typing import Any
from unittest import mock

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _summary import report  # noqa: E402

HOST = "127.0.0.1"
PAGES = ["home", "calendar month", "calendar week", "thread", "messages list", "events list",
         "plan", "feed"]
SEND = "send message"
BENCH_PASSWORD = "grown-family-2026"  # noqa: S105  (invented people, throw-away database)
GROWN = [("ana", "Ana Novak", "parent"), ("ben", "Ben Kowalski", "parent"),
         ("cleo", "Cleo Marsh", "partner"), ("dora", "Dora Novak", "relative")]
LINES = ["Can you take Mia to swimming on Thursday?", "I'll be ten minutes late for handover.",
         "The school trip form needs both signatures by Friday.", "Jonas has a cough again.",
         "Thanks for sorting the dentist.", "Could we swap the second weekend of the month?",
         "Reminder: parents' evening next week.", "Mia's shoes are too small, I'll buy new.",
         "Jonas left his football boots at mine.", "The holiday dates are on the school site.",
         "I can do pick-up on Wednesday.", "Please pack the inhaler for the sleepover."]


# --- seeding (runs in this process, with the server's settings) -----------------------------

class SeedClock:
    """Django's clock held at the moment being seeded, so that rows dated by default
    (joined, created) agree with the times given to the services and to the record."""

    def __init__(self, moment: datetime) -> None:
        self.moment = moment

    @contextmanager
    def held(self) -> Iterator[SeedClock]:
        from django.utils import timezone

        with mock.patch.object(timezone, "now", lambda: self.moment):
            yield self


def _person(email: str, name: str, password: str | None) -> Any:
    from allauth.account.models import EmailAddress
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user(email, password, display_name=name)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def _join(family: Any, user: Any, role: str, children: list[Any], now: datetime) -> Any:
    """A member joining, written as accepting an invitation writes it."""
    from twohomes.families import services
    from twohomes.families.access import Cap, role_has
    from twohomes.families.models import Membership
    from twohomes.records import services as records

    member = Membership.objects.create(family=family, user=user, role=role)
    if not role_has(role, Cap.VIEW_ALL_CHILDREN):
        member.linked_children.set(children)
    services.audit(family, user, "family.member.joined",
                   f"{user.name} joined as {member.get_role_display().lower()}.")
    records.append(family, "family.member.joined", member,
                   {"member": records.actor_id(member), "role": role, "name": user.name},
                   now=now)
    return member


def _choices(children: list[Any], start: date, pattern: str) -> dict[str, Any]:
    monday = start - timedelta(days=start.weekday())
    return {"groups": [{"children": [c.pk for c in children], "pattern": pattern, "nights": "",
                        "start": monday.isoformat(), "first_parent": "A",
                        "exchange_time": "18:00", "midweek_day": "",
                        "midweek_overnight": False}],
            "season": None, "holidays": {}, "birthdays": "", "mothers_day": "A",
            "fathers_day": "B", "school_breaks": [], "school_break_rule": "",
            "exchange_place": "at school, or at the receiving parent's home"}


def _agree_plan(a: Any, b: Any, choices: dict[str, Any], now: datetime,
                effective_from: date | None = None) -> Any:
    from twohomes.schedules import services

    plan = services.propose_plan(actor=a, choices=choices, now=now,
                                 effective_from=effective_from)
    services.decide_plan(actor=b, plan=plan, agreed=True, comment="Agreed.", now=now)
    return plan


def _small_family(number: int, now: datetime) -> None:
    from twohomes.events.services import EventDetails, create_event
    from twohomes.families import services
    from twohomes.messaging.services import send_message, start_thread

    first = _person(f"p{number}a@small.bench.invalid", f"Parent {number} A", None)
    second = _person(f"p{number}b@small.bench.invalid", f"Parent {number} B", None)
    family = services.create_family(user=first, name=f"Family {number}",
                                    timezone_name="America/Chicago", country="US",
                                    subdivision="IL", currency="USD")
    a = family.memberships.get()
    today = family.today(now)
    child = services.add_child(actor=a, name="Sam", birth_date=today - timedelta(days=2900))
    b = _join(family, second, "parent", [child], now)
    _agree_plan(a, b, _choices([child], today, "alternating-weeks"), now)
    thread = start_thread(actor=a, subject="Handovers", body=LINES[number % 12], now=now)
    send_message(actor=b, thread=thread, body=LINES[(number + 5) % 12], now=now)
    starts = datetime.combine(today + timedelta(days=number % 30 + 1), clock_time(17),
                              tzinfo=family.zone)
    create_event(actor=a, now=now, details=EventDetails(
        title="Swimming lesson", starts=starts, ends=starts + timedelta(hours=1),
        children=[child]))


@dataclass
class Grown:
    """The grown family while it is seeded: its members and what they have started."""

    family: Any
    members: dict[str, Any]
    children: list[Any]
    thread: Any
    unseen: dict[str, list[Any]] = field(default_factory=lambda: {"ana": [], "ben": []})
    swaps: dict[int, Any] = field(default_factory=dict)


def _grown_start(start: datetime) -> Grown:
    from twohomes.families import services
    from twohomes.messaging.services import start_thread

    users = {key: _person(f"{key}@grown.bench.invalid", name, BENCH_PASSWORD)
             for key, name, _ in GROWN}
    family = services.create_family(user=users["ana"], name="Novak-Kowalski family",
                                    timezone_name="Europe/London", country="GB",
                                    subdivision="ENG", currency="GBP")
    ana = family.memberships.get()
    today = family.today(start)
    children = [services.add_child(actor=ana, name=name, birth_date=today - timedelta(days=age))
                for name, age in (("Mia", 1500), ("Jonas", 700))]
    members = {"ana": ana} | {key: _join(family, users[key], role, children, start)
                              for key, _, role in GROWN[1:]}
    _agree_plan(ana, members["ben"], _choices(children, today, "2-2-5-5"), start)
    thread = start_thread(actor=ana, subject="Everyday arrangements", body=LINES[0],
                          members=[members["cleo"]], now=start)
    return Grown(family, members, children, thread)


def _grown_message(grown: Grown, number: int, now: datetime) -> None:
    from twohomes.messaging.services import record_first_views, send_message

    author = "ana" if (number * 7919) % 11 < 5 else "ben"
    other = "ben" if author == "ana" else "ana"
    if grown.unseen[author]:  # one reads what came in before answering
        record_first_views(actor=grown.members[author], messages=grown.unseen[author], now=now)
        grown.unseen[author] = []
    body = f"{LINES[number % 12]} {LINES[(number * 5) % 12]}"
    message = send_message(actor=grown.members[author], thread=grown.thread, body=body,
                           now=now)
    grown.unseen[other].append(message)


def _grown_event(grown: Grown, number: int, starts: datetime, now: datetime) -> None:
    from twohomes.events.recurrence import RepeatRule
    from twohomes.events.services import EventDetails, create_event

    who = grown.members["ana" if number % 2 else "ben"]
    kids = grown.children if number % 3 == 0 else [grown.children[number % 2]]
    repeat = RepeatRule(frequency="weekly", count=10) if number % 50 == 0 else RepeatRule()
    details = EventDetails(
        title=["Swimming", "Dentist", "School play", "Football", "Piano"][number % 5],
        starts=starts, ends=starts + timedelta(hours=1), children=kids,
        location="Leisure centre", responsible=who, notes="", repeat=repeat)
    create_event(actor=who, details=details, now=now)


def _grown_change(grown: Grown, number: int, starts: datetime, now: datetime,
                  accept: bool) -> None:
    from twohomes.schedules import services

    asker, answerer = ("ana", "ben") if number % 2 else ("ben", "ana")
    if accept:
        services.accept_swap(actor=grown.members[answerer], swap=grown.swaps.pop(number),
                             now=now)
        return
    grown.swaps[number] = services.request_swap(
        actor=grown.members[asker], children=grown.children, parent=grown.members[asker],
        starts=starts, ends=starts + timedelta(hours=32), reason="A family weekend away.",
        answer_by=(now + timedelta(days=3)).date(), now=now)


Action = tuple[datetime, int, Callable[[Grown, datetime], None]]


def _grown_actions(start: datetime, now: datetime, zone: Any, sizes: argparse.Namespace
                   ) -> list[Action]:
    """Every later action of the grown family, each with its moment, in time order."""
    span = now - start
    actions: list[Action] = []
    for n in range(sizes.messages - 1):  # the thread's first message is the 5,000th
        actions.append((start + span * ((n + 1) / sizes.messages), 0,
                        lambda g, at, n=n: _grown_message(g, n, at)))
    ahead = span + timedelta(days=56)  # the last events are still to come
    for n in range(sizes.events):
        day = (start + timedelta(days=10) + ahead * (n / sizes.events)).astimezone(zone).date()
        starts = datetime.combine(day, clock_time(16 + n % 3), tzinfo=zone)
        made = max(start, min(starts - timedelta(days=4), now - timedelta(hours=1)))
        actions.append((made, 1, lambda g, at, n=n, s=starts: _grown_event(g, n, s, at)))
    for n in range(sizes.changes):
        day = (start + timedelta(days=20) + (span - timedelta(days=40)) * (n / sizes.changes))
        starts = datetime.combine(day.astimezone(zone).date(), clock_time(10), tzinfo=zone)
        asked = starts - timedelta(days=6)
        actions.append((asked, 2, lambda g, at, n=n, s=starts: _grown_change(g, n, s, at,
                                                                              False)))
        actions.append((asked + timedelta(hours=3), 3,
                        lambda g, at, n=n, s=starts: _grown_change(g, n, s, at, True)))
    middle = start + span / 2
    actions.append((middle, 4, lambda g, at: _agree_plan(
        g.members["ben"], g.members["ana"], _choices(g.children, at.date(), "alternating-weeks"),
        at, effective_from=g.family.today(at))))
    return sorted(actions, key=lambda action: (action[0], action[1]))


def seed_grown(now: datetime, sizes: argparse.Namespace) -> Any:
    from django.db import transaction

    start = now - timedelta(days=round(365.25 * sizes.years))
    clock = SeedClock(start)
    with clock.held():
        with transaction.atomic():
            grown = _grown_start(start)
        actions = _grown_actions(start, now, grown.family.zone, sizes)
        for first in range(0, len(actions), 500):
            with transaction.atomic():
                for moment, _, act in actions[first:first + 500]:
                    clock.moment = moment
                    act(grown, moment)
    return grown.family


def seed_all(sizes: argparse.Namespace) -> dict[str, Any]:
    """The three kinds of family; returns the demo and the grown family."""
    from django.core.management import call_command
    from django.db import transaction
    from django.utils import timezone

    from twohomes.families.models import Family

    call_command("demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    now = timezone.now()
    started = time.perf_counter()
    grown = seed_grown(now, sizes)
    print(f"  grown family: {time.perf_counter() - started:.0f} s", flush=True)
    started = time.perf_counter()
    for first in range(0, sizes.small_families, 100):
        with transaction.atomic():
            for number in range(first, min(first + 100, sizes.small_families)):
                _small_family(number, now)
    print(f"  {sizes.small_families} small families: {time.perf_counter() - started:.0f} s",
          flush=True)
    return {"demo": Family.objects.get(name="Rivera-Okafor family"), "grown": grown}


# --- what each family's routes read ----------------------------------------------------------

@dataclass
class Target:
    """One family's addresses and the members who read and write them."""

    label: str
    family_id: str
    readers: list[str]
    allowed: dict[str, set[str]]  # who may read a thread, write in it, read the plans
    threads: list[int]
    plans: list[int]
    feeds: list[str]
    months: list[str]
    weeks: list[str]
    messages: Callable[[], int]


def _spread(first: date, last: date, count: int) -> list[date]:
    step = (last - first) / max(count - 1, 1)
    return [first + step * n for n in range(count)]


def describe(label: str, family: Any, years: float) -> Target:
    """Reads the family's members, threads and plans, and gives each member a feed."""
    from django.utils import timezone

    from twohomes.calendar.models import CalendarFeed, hash_token
    from twohomes.families.access import Cap, has
    from twohomes.messaging.models import Message
    from twohomes.messaging.selectors import can_write, visible_threads
    from twohomes.schedules.models import PlanStatus

    members = [m for m in family.memberships.select_related("user")
               if not has(m, Cap.TIME_LIMITED_ACCESS)]
    feeds = []
    for member in members:
        token = CalendarFeed.new_token()
        CalendarFeed.objects.create(membership=member, token_hash=hash_token(token))
        feeds.append(token)
    threads = list(family.threads.order_by("pk").values_list("pk", flat=True)[:3])
    allowed: dict[str, set[str]] = {"plan": {m.user.email for m in members
                                             if has(m, Cap.VIEW_PLANS)}}
    for member in members:
        for thread in visible_threads(member).filter(pk__in=threads):
            allowed.setdefault(f"thread {thread.pk}", set()).add(member.user.email)
            if has(member, Cap.HOLD_CUSTODY) and can_write(member, thread):
                allowed.setdefault(f"send {thread.pk}", set()).add(member.user.email)
    today = family.today(timezone.now())
    days = _spread(today - timedelta(days=round(365 * years)), today + timedelta(days=60), 12)
    return Target(
        label=label, family_id=str(family.pk), readers=[m.user.email for m in members],
        allowed=allowed, threads=threads,
        plans=list(family.plans.filter(status=PlanStatus.AGREED).values_list("pk", flat=True)),
        feeds=feeds, months=[f"{d:%Y-%m}" for d in days],
        weeks=[(d - timedelta(days=d.weekday())).isoformat() for d in days],
        messages=lambda: Message.objects.filter(family=family).count())


def _items(target: Target) -> dict[str, list[dict[str, Any]]]:
    """Every address of each route, rotated over members, months and threads."""
    base = f"/f/{target.family_id}"

    def each(paths: list[str], only: str = "") -> list[dict[str, Any]]:
        return [{"path": p, "user": u} for p in paths for u in target.readers
                if not only or u in target.allowed.get(only, ())]

    def thread(number: int) -> list[dict[str, Any]]:
        return each([f"{base}/messages/{number}/"], f"thread {number}")

    return {
        "home": each([f"{base}/"]),
        "calendar month": each([f"{base}/calendar/?month={m}" for m in target.months]),
        "calendar week": each([f"{base}/calendar/week/?start={w}" for w in target.weeks]),
        "thread": [item for t in target.threads for item in thread(t)],
        "messages list": each([f"{base}/messages/"]),
        "events list": each([f"{base}/events/", f"{base}/events/?more=1"]),
        "plan": each([f"{base}/plans/{p}/" for p in target.plans], "plan"),
        "feed": [{"path": f"/feeds/{token}.ics", "user": None} for token in target.feeds],
        SEND: [{"path": f"{base}/messages/{t}/send/", "user": u, "page": f"{base}/messages/{t}/"}
               for t in target.threads for u in target.allowed.get(f"send {t}", ())],
    }


# --- the server and signing in --------------------------------------------------------------

def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


def serve(app: list[str], env: dict[str, str]) -> tuple[subprocess.Popen[bytes], int]:
    gunicorn = Path(sys.executable).with_name("gunicorn")
    if not gunicorn.exists():
        sys.exit("gunicorn is missing: `make install` (it is a dev dependency)")
    port = _free_port()
    process = subprocess.Popen(
        [str(gunicorn), "--workers", "2", "--bind", f"{HOST}:{port}", "--timeout", "120",
         "--log-level", "warning", *app], env=env, cwd=ROOT)
    for _ in range(300):
        try:
            socket.create_connection((HOST, port), timeout=1).close()
            return process, port
        except OSError:
            time.sleep(0.1)
    process.kill()
    sys.exit("the server did not start")


def _ask(port: int, method: str, path: str, headers: dict[str, str],
         body: str | None = None) -> http.client.HTTPResponse:
    connection = http.client.HTTPConnection(HOST, port, timeout=60)
    connection.request(method, path, body=body, headers=headers)
    response = connection.getresponse()
    response.read()
    connection.close()
    return response


def _cookies(response: http.client.HTTPResponse, jar: dict[str, str]) -> dict[str, str]:
    for line in response.headers.get_all("Set-Cookie") or []:
        jar.update({name: morsel.value for name, morsel in SimpleCookie(line).items()})
    return jar


def sign_in(port: int, email: str, password: str) -> dict[str, str]:
    """Signs in through the sign-in page; returns the session and CSRF cookies."""
    connection = http.client.HTTPConnection(HOST, port, timeout=60)
    connection.request("GET", "/accounts/login/")
    page = connection.getresponse()
    text = page.read().decode()
    jar = _cookies(page, {})
    token = text.split('name="csrfmiddlewaretoken" value="', 1)[1].split('"', 1)[0]
    form = urllib.parse.urlencode({"login": email, "password": password,
                                   "csrfmiddlewaretoken": token})
    answer = _ask(port, "POST", "/accounts/login/", {
        "Cookie": f"csrftoken={jar['csrftoken']}",
        "Content-Type": "application/x-www-form-urlencoded"}, form)
    jar = _cookies(answer, jar)
    if "sessionid" not in jar:
        sys.exit(f"signing in as {email} failed ({answer.status})")
    return jar


def _headers(item: dict[str, Any], sessions: dict[str, dict[str, str]]) -> dict[str, str]:
    if item["user"] is None:
        return {}
    jar = sessions[item["user"]]
    return {"Cookie": f"sessionid={jar['sessionid']}; csrftoken={jar['csrftoken']}"}


def _send_form(item: dict[str, Any], sessions: dict[str, dict[str, str]], key: str) -> str:
    return urllib.parse.urlencode({"csrfmiddlewaretoken": sessions[item["user"]]["csrftoken"],
                                   "once": key, "body": "Checking before the load."})


def _works(port: int, route: str, item: dict[str, Any],
           sessions: dict[str, dict[str, str]]) -> bool:
    headers = _headers(item, sessions)
    if route != SEND:
        return _ask(port, "GET", item["path"], headers).status == 200
    headers |= {"Content-Type": "application/x-www-form-urlencoded", "HX-Request": "true"}
    answer = _ask(port, "POST", item["path"], headers,
                  _send_form(item, sessions, secrets.token_urlsafe(24)))
    return "twohomes:sent" in (answer.headers.get("HX-Trigger") or "")


def checked(port: int, target: Target, sessions: dict[str, dict[str, str]]
            ) -> dict[str, list[dict[str, Any]]]:
    """Each route's addresses with their cookies, each kind tried once per member (a send
    is made once per member and thread), so that a run measures pages, not refusals."""
    routes, tried = {}, set()
    for route, items in _items(target).items():
        if not items:
            sys.exit(f"the {target.label} family has no address for {route!r}")
        for item in items:
            key = (route, item["user"], item["path"] if route in ("thread", SEND) else "")
            if key not in tried and not _works(port, route, item, sessions):
                sys.exit(f"{route}: {item['path']} fails for {item['user']}")
            tried.add(key)
        routes[route] = [item | {
            "cookie": _headers(item, sessions).get("Cookie", ""),
            "csrf": sessions[item["user"]]["csrftoken"] if item["user"] else ""}
            for item in items]
    return routes


# --- the load generator -----------------------------------------------------------------------

# One wrk thread's state is its own; setup() numbers the threads, done() adds them up.
LUA = """
local items, tag, sends = ITEMS, TAG, SENDS
local threads = {}
function setup(thread)
  table.insert(threads, thread)
  thread:set("tid", #threads)
end
function init(args)
  n, bad, acked, ready = 0, 0, 0, {}
  for i, item in ipairs(items) do
    ready[i] = wrk.format("GET", item.path, {Cookie = item.cookie})
  end
end
function request()
  n = n + 1
  local i = (n + tid) % #items + 1
  if not sends then return ready[i] end
  local item = items[i]
  local body = "csrfmiddlewaretoken=" .. item.csrf .. "&once=" ..
    string.format("%s-%02d-%09d", tag, tid, n) .. "&body=Sent+under+load+" .. n
  return wrk.format("POST", item.path, {Cookie = item.cookie, ["HX-Request"] = "true",
    ["Content-Type"] = "application/x-www-form-urlencoded", ["HX-Current-URL"] = item.page},
    body)
end
local function header(headers, wanted)
  for name, value in pairs(headers) do
    if string.lower(name) == wanted then return value end
  end
  return ""
end
function response(status, headers, body)
  if sends then
    if status == 200 and string.find(header(headers, "hx-trigger"), "twohomes:sent", 1, true)
    then acked = acked + 1 else bad = bad + 1 end
  elseif status < 200 or status >= 400 then
    bad = bad + 1
  elseif status >= 300 and string.find(header(headers, "location"), "/accounts/", 1, true) then
    bad = bad + 1  -- sent to the sign-in page: not an answer
  end
end
function done(summary, latency, requests)
  local b, a = 0, 0
  for _, thread in ipairs(threads) do b = b + thread:get("bad"); a = a + thread:get("acked") end
  local e = summary.errors
  io.write(string.format("RESULT %d %d %d %d %d %d %d\\n", summary.requests,
    summary.duration, latency:percentile(50), latency:percentile(99), b, a,
    e.connect + e.read + e.write + e.timeout))
end
"""


@dataclass
class Run:
    """One wrk run's figures; errors are non-2xx/3xx answers and socket errors."""

    requests: int
    seconds: float
    p50_ms: float
    p99_ms: float
    errors: int
    acked: int

    @property
    def rate(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


def wrk_binary() -> str:
    found = shutil.which("wrk")
    if found is None:
        print("wrk is missing: installing Debian's package", flush=True)
        subprocess.run(["apt-get", "update", "-qq"], check=True)
        subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=True)
        found = shutil.which("wrk")
    if found is None:
        sys.exit("wrk could not be installed (apt-get install wrk)")
    return found


def _lua(items: list[dict[str, Any]], sends: bool, base: str, folder: Path) -> Path:
    def row(item: dict[str, Any]) -> str:
        path, cookie, csrf, page = (json.dumps(value) for value in (
            item["path"], item.get("cookie", ""), item.get("csrf", ""),
            base + item.get("page", "")))
        return f"{{path={path}, cookie={cookie}, csrf={csrf}, page={page}}}"

    rows = ", ".join(row(item) for item in items)
    script = (LUA.replace("ITEMS", "{" + rows + "}", 1)
              .replace("TAG", json.dumps("load" + secrets.token_hex(4)), 1)
              .replace("SENDS", "true" if sends else "false", 1))
    path = folder / f"run-{secrets.token_hex(4)}.lua"
    path.write_text(script)
    return path


def start_wrk(wrk: str, base: str, items: list[dict[str, Any]], *, sends: bool,
              connections: int, seconds: float, folder: Path) -> subprocess.Popen[str]:
    script = _lua(items, sends, base, folder)
    return subprocess.Popen(
        [wrk, "-t1", f"-c{connections}", f"-d{max(1, round(seconds))}s", "--timeout", "10s",
         "-s", str(script), base + items[0]["path"]], stdout=subprocess.PIPE, text=True)


def finish(process: subprocess.Popen[str]) -> Run:
    out, _ = process.communicate()
    line = next((x for x in out.splitlines() if x.startswith("RESULT ")), None)
    if line is None:
        sys.exit(f"wrk printed no result:\n{out}")
    requests, micros, p50, p99, bad, acked, socket_errors = (int(x) for x in line.split()[1:])
    return Run(requests, micros / 1e6, p50 / 1000, p99 / 1000, bad + socket_errors, acked)


# --- the run ----------------------------------------------------------------------------------

def settings_env(args: argparse.Namespace, var: Path) -> dict[str, str]:
    """Production settings on the loopback: no DEBUG, plain HTTP, no email leaving."""
    env = {key: value for key, value in os.environ.items()
           if key not in ("DEBUG", "DATABASE_URL", "REDIS_URL")}
    env |= {"PYTHONPATH": str(ROOT),  # the checkout this file is in, even if another is installed
            "DJANGO_SETTINGS_MODULE": "twohomes.settings", "TWOHOMES_VAR_DIR": str(var),
            "SECRET_KEY": secrets.token_urlsafe(50), "ALLOWED_HOSTS": f"{HOST},localhost",
            "HTTPS": "0", "LOG_LEVEL": "WARNING",
            "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend"}
    if not args.sqlite:
        env["DATABASE_URL"] = f"{args.postgres}/{args.database}"
    return env


def _postgres(args: argparse.Namespace, statement: str) -> None:
    import psycopg
    from psycopg import sql

    with psycopg.connect(f"{args.postgres}/postgres", autocommit=True) as connection:
        connection.execute(sql.SQL(statement).format(sql.Identifier(args.database)))


def prepare(args: argparse.Namespace, env: dict[str, str]) -> dict[str, Target]:
    """Migrates and seeds the benchmark's own database, in this process."""
    if not args.sqlite:
        _postgres(args, "DROP DATABASE IF EXISTS {} WITH (FORCE)")
        _postgres(args, "CREATE DATABASE {}")
    os.environ.clear()
    os.environ.update(env)
    import django

    django.setup()
    from django.core.management import call_command

    from twohomes.families.access import unscoped

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    print(f"migrated in {time.perf_counter() - started:.0f} s; seeding", flush=True)
    with unscoped("a command"):
        families = seed_all(args)
        targets = {label: describe(label, family, args.years if label == "grown" else 1)
                   for label, family in families.items()}
    analyze()
    return targets


def analyze() -> None:
    """Refresh the planner's statistics, as PostgreSQL's autovacuum does soon after such
    inserts in production: without it, the first minutes after a bulk seed would be
    measured with plans made for empty tables (a thread's newest messages sorted from all
    5,000 instead of read from their index)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")


def count_messages(targets: dict[str, Target]) -> dict[str, int]:
    from twohomes.families.access import unscoped

    with unscoped("a command"):
        return {label: target.messages() for label, target in targets.items()}


def clear_cache() -> None:
    from django.core.cache import cache

    cache.clear()


@dataclass
class Bench:
    args: argparse.Namespace
    wrk: str
    port: int
    folder: Path
    acked: dict[str, int] = field(default_factory=dict)
    # wrk stops without waiting for the answers on its way: those sends may have been made
    in_flight: dict[str, int] = field(default_factory=dict)
    rows: list[tuple[str, str, str, Run]] = field(default_factory=list)
    consistent: dict[str, bool] = field(default_factory=dict)

    @property
    def base(self) -> str:
        return f"http://{HOST}:{self.port}"

    def load(self, items: list[dict[str, Any]], senders: list[dict[str, Any]] | None,
             seconds: float, sends: bool = False) -> tuple[Run, Run | None]:
        main = start_wrk(self.wrk, self.base, items, sends=sends,
                         connections=self.args.connections, seconds=seconds,
                         folder=self.folder)
        side = None if not senders else start_wrk(
            self.wrk, self.base, senders, sends=True, connections=self.args.senders,
            seconds=seconds, folder=self.folder)
        return finish(main), None if side is None else finish(side)

    def route(self, label: str, route: str, routes: dict[str, list[dict[str, Any]]]) -> None:
        sends = route == SEND
        senders = None if sends or not self.args.senders else routes[SEND]
        for cache, seconds in (("cold", self.args.cold_seconds), ("warm", self.args.seconds)):
            if cache == "cold":
                clear_cache()
            run, side = self.load(routes[route], senders, seconds, sends)
            sent = run.acked + (side.acked if side else 0)
            self.acked[label] = self.acked.get(label, 0) + sent
            self.in_flight[label] = self.in_flight.get(label, 0) + (
                self.args.connections if sends else self.args.senders if senders else 0)
            self.rows.append((route, label, cache, run))
            print(f"  {label:<5} {route:<15} {cache}: {run.rate:7.1f}/s p50 {run.p50_ms:.0f} ms "
                  f"p99 {run.p99_ms:.0f} ms, errors {run.errors}", flush=True)


def machine() -> str:
    model = next((line.split(":", 1)[1].strip() for line in
                  Path("/proc/cpuinfo").read_text().splitlines()
                  if line.startswith("model name")), platform.processor())
    return f"{os.cpu_count()} CPUs ({model}), Python {platform.python_version()}"


def uptime() -> str:
    return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()


def table(bench: Bench, ceiling: Run) -> str:
    lines = ["| route | family | cache | requests/s | p50 ms | p99 ms | errors | of ceiling |",
             "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: |",
             f"| one-view Django app (ceiling) | – | – | {ceiling.rate:,.0f} | "
             f"{ceiling.p50_ms:.1f} | {ceiling.p99_ms:.1f} | {ceiling.errors} | 100 % |"]
    for route, label, cache, run in bench.rows:
        share = 100 * run.rate / ceiling.rate if ceiling.rate else 0
        lines.append(f"| {route} | {label} | {cache} | {run.rate:,.1f} | {run.p50_ms:.0f} | "
                     f"{run.p99_ms:.0f} | {run.errors} | {share:.1f} % |")
    return "\n".join(lines)


def measure(bench: Bench, env: dict[str, str], targets: dict[str, Target]) -> Run:
    server, bench.port = serve(["twohomes.wsgi:application"], env)
    try:
        emails = {e for t in targets.values() for e in t.readers}
        sessions = {e: sign_in(bench.port, e, seed_password(e)) for e in sorted(emails)}
        routes = {label: checked(bench.port, t, sessions) for label, t in targets.items()}
        before = count_messages(targets)
        for label in targets:
            for route in [*PAGES, SEND]:
                bench.route(label, route, routes[label])
        after = count_messages(targets)
    finally:
        server.terminate()
        server.wait(30)
    for label in targets:
        made, acked, cut = after[label] - before[label], bench.acked[label], bench.in_flight[label]
        bench.consistent[label] = acked <= made <= acked + cut
        verdict = "consistent" if bench.consistent[label] else "INCONSISTENT"
        print(f"{label} family: {made} messages created, {acked} sends acknowledged, at most "
              f"{cut} cut off in flight when runs stopped: {verdict}", flush=True)
    minimal, bench.port = serve(["--chdir", "benchmarks", "_load_minimal:application"], env)
    try:
        ceiling, _ = bench.load([{"path": "/"}], None, bench.args.seconds)
    finally:
        minimal.terminate()
        minimal.wait(30)
    return ceiling


def goals(bench: Bench, ceiling: Run) -> None:
    """The issue's goals, from the same runs as the table, for the table of all benchmarks."""
    warm = {(route, label): run for route, label, cache, run in bench.rows if cache == "warm"}
    report("load", "one-view Django app (the ceiling)", f"{ceiling.rate:,.0f} requests/s")
    errors = sum(run.errors for *_, run in bench.rows)
    report("load", "errors, every route, cold and warm", str(errors), "0", errors == 0)
    for label in sorted({label for _, label in warm}):
        pages = [(route, warm[route, label]) for route in PAGES if (route, label) in warm]
        share, slowest = min(pages, key=lambda p: p[1].rate), max(pages, key=lambda p: p[1].p99_ms)
        low = 100 * share[1].rate / ceiling.rate if ceiling.rate else 0.0
        report("load", f"{label} family: lowest share of the ceiling, daily pages warm",
               f"{low:.1f} % ({share[0]})", "≥ 15 %", low >= 15)
        report("load", f"{label} family: highest p99, daily pages warm",
               f"{slowest[1].p99_ms:.0f} ms ({slowest[0]})", "≤ 150 ms",
               slowest[1].p99_ms <= 150)
        report("load", f"{label} family: messages created against sends acknowledged",
               "consistent" if bench.consistent.get(label) else "INCONSISTENT",
               "consistent", bench.consistent.get(label, False))
    sends = [run.p99_ms for (route, _), run in warm.items() if route == SEND]
    if sends:
        report("load", "sending a message, p99, warm, across families", f"{max(sends):.0f} ms",
               "≤ 150 ms", max(sends) <= 150)
    ratios = [(warm[route, "grown"].rate / warm[route, "demo"].rate, route)
              for route in [*PAGES, SEND]
              if (route, "grown") in warm and (route, "demo") in warm and warm[route, "demo"].rate]
    if ratios:
        worst, route = min(ratios)
        report("load", "grown family against demo family, requests/s, worst route",
               f"{100 * worst:.0f} % ({route})", "≥ 80 %", worst >= 0.8)


def seed_password(email: str) -> str:
    from twohomes.families.demo import DEMO_DOMAIN, DEMO_PASSWORD

    return DEMO_PASSWORD if email.endswith(DEMO_DOMAIN) else BENCH_PASSWORD


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=10, help="each warm run (10)")
    parser.add_argument("--cold-seconds", type=float, default=5,
                        help="each run from an emptied cache (5)")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--senders", type=int, default=2,
                        help="connections sending messages while pages are read (2)")
    parser.add_argument("--sqlite", action="store_true", help="SQLite instead of PostgreSQL")
    parser.add_argument("--postgres", default="postgresql://postgres@127.0.0.1:5432")
    parser.add_argument("--database", default="twohomes_bench")
    parser.add_argument("--small-families", type=int, default=1000)
    parser.add_argument("--messages", type=int, default=5000)
    parser.add_argument("--events", type=int, default=1000)
    parser.add_argument("--changes", type=int, default=200)
    parser.add_argument("--years", type=float, default=5)
    return parser.parse_args()


def main() -> None:
    args = arguments()
    started = time.perf_counter()
    wrk = wrk_binary()
    load_before = uptime()
    folder = Path(tempfile.mkdtemp(prefix="twohomes-load-"))
    env = settings_env(args, folder / "var")
    try:
        targets = prepare(args, env)
        bench = Bench(args, wrk, 0, folder)
        ceiling = measure(bench, env, targets)
    finally:
        from django.db import connections

        connections.close_all()
        if not args.sqlite:
            _postgres(args, "DROP DATABASE IF EXISTS {} WITH (FORCE)")
        shutil.rmtree(folder, ignore_errors=True)
    database = "SQLite" if args.sqlite else "PostgreSQL"
    print(f"\n{machine()}; {database}; gunicorn 2 workers; wrk {args.connections} connections"
          f" (+{args.senders} sending during page runs); {args.cold_seconds:g} s cold, "
          f"{args.seconds:g} s warm per route")
    print(f"load before: {load_before}\nload after:  {uptime()}")
    print(table(bench, ceiling))
    goals(bench, ceiling)
    print(f"whole run: {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
