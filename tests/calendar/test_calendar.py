"""Calendar views, the ICS feed, today's summary and reminders."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import icalendar
import pytest
import recurring_ical_events
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.factories import ChildFactory
from twohomes.calendar.models import CalendarFeed, ReminderPreference, hash_token
from twohomes.calendar.reminders import send_due_reminders
from twohomes.schedules import services
from twohomes.schedules.engine import child_id, family_timeline

LONDON = ZoneInfo("Europe/London")


def test_month_view_shows_who_has_each_child_and_why(
    world: Any, agreed_plan: Any, client: Any
) -> None:
    client.force_login(world.parent_a.user)
    page = client.get(reverse("calendar_month", args=[world.family.pk]),
                      {"month": "2026-01"}).content.decode()
    assert "January 2026" in page
    # 2-2-5-5 from Monday 5 January with Alice first: Alice Mon+Tue, Bruno Wed+Thu.
    assert "Monday, January 5" in page and "Alice tonight — because of" in page
    assert "⇄ Exchange 6:00 PM Alice → Bruno" in page
    assert "New Year" in page  # holidays are named
    # Each child by name on a band whose pattern is the parent's; screen readers hear both.
    for name, parent, band in (("Ada", "Alice", "a"), ("Ben", "Bruno", "b")):
        assert (f'<span class="who band-{band}" title="{name}: {parent}"><span class="who-child"'
                f' aria-hidden="true">{name}</span><span class="sr-only">{name} with {parent},'
                '</span></span>') in page
    assert "A</span>" not in page.split('class="cal-grid"')[1]  # no parent letters
    assert " Alice (striped band)" in page and " Bruno (dotted band)" in page
    assert "Names in the days" not in page  # short names are shown whole


def _bands(page: str) -> set[str]:
    """The names shown on the day bands of a calendar page."""
    return set(re.findall(r'<span class="who-child" aria-hidden="true">([^<]*)</span>', page))


def test_children_with_the_same_initial_are_told_apart_by_name(
    world: Any, agreed_plan: Any, client: Any
) -> None:
    """Amara and Amber share an initial: the days show "Ama" and "Amb", the same for every
    member of the family (a relative who sees Amara only too), and the legend says which."""
    world.linked_child.name, world.unlinked_child.name = "Amara", "Amber"
    world.linked_child.save()
    world.unlinked_child.save()
    ChildFactory(family=world.family, name="Theo")  # in no plan yet: a dashed band
    url = reverse("calendar_month", args=[world.family.pk])
    client.force_login(world.parent_a.user)
    page = client.get(url, {"month": "2026-01"}).content.decode()
    assert _bands(page) == {"Ama", "Amb", "Theo"}
    assert 'title="Theo: No plan yet"' in page and 'class="who band-none"' in page
    assert ("Names in the days: <strong>Ama</strong> Amara, <strong>Amb</strong> Amber."
            in page)
    client.force_login(world.relative.user)
    page = client.get(url, {"month": "2026-01"}).content.decode()
    assert _bands(page) == {"Ama"}
    assert "Names in the days: <strong>Ama</strong> Amara." in page


def test_week_and_agenda_views(world: Any, agreed_plan: Any, client: Any) -> None:
    client.force_login(world.parent_a.user)
    week = client.get(reverse("calendar_week", args=[world.family.pk]),
                      {"start": "2026-01-07"}).content.decode()
    assert "Week of January 4, 2026" in week  # the week from Sunday 4 January
    agenda = client.get(reverse("calendar_agenda", args=[world.family.pk]),
                        {"start": "2026-01-05"}).content.decode()
    assert "Wednesday, January 7" in agenda and "Alice → Bruno" in agenda


def test_the_agenda_lists_children_handed_over_together_once(
    world: Any, agreed_plan: Any, client: Any
) -> None:
    """2-2-5-5 from Monday 5 January 2026, Alice first, both children together: in the four
    weeks from then, Bruno hands them to Alice on the 5th (the rotation's Sunday before was
    his), 9th, 19th and 23rd, Alice to Bruno on the 7th, 14th, 21st and 28th (2 February is
    the first day after the four weeks)."""
    client.force_login(world.parent_b.user)
    page = client.get(reverse("calendar_agenda", args=[world.family.pk]),
                      {"start": "2026-01-05"}).content.decode()
    lines = re.findall(r"<li>⇄ ([^<]*)</li>", page)
    assert lines == ["6:00 PM Ada, Ben: Bruno → Alice", "6:00 PM Ada, Ben: Alice → Bruno"] * 4
    days = re.findall(r'<h2 class="agenda-day">([^<]*)</h2>', page)
    assert days == ["Monday, January 5", "Wednesday, January 7", "Friday, January 9",
                    "Wednesday, January 14", "Monday, January 19", "Wednesday, January 21",
                    "Friday, January 23", "Wednesday, January 28"]
    client.force_login(world.relative.user)  # sees Ada only
    page = client.get(reverse("calendar_agenda", args=[world.family.pk]),
                      {"start": "2026-01-05"}).content.decode()
    assert re.findall(r"<li>⇄ ([^<]*)</li>", page) == ["6:00 PM Ada: Bruno → Alice",
                                                      "6:00 PM Ada: Alice → Bruno"] * 4


def test_htmx_navigation_returns_only_the_calendar(world: Any, agreed_plan: Any,
                                                   client: Any) -> None:
    client.force_login(world.parent_a.user)
    response = client.get(reverse("calendar_month", args=[world.family.pk]),
                          {"month": "2026-02"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert "February 2026" in html and "<html" not in html


def test_relative_sees_only_linked_children(world: Any, agreed_plan: Any, client: Any) -> None:
    client.force_login(world.relative.user)
    page = client.get(reverse("calendar_month", args=[world.family.pk])).content.decode()
    assert "Ada:" in page and "Ben:" not in page


def test_a_family_without_a_plan_is_told_so(world: Any, client: Any) -> None:
    client.force_login(world.parent_a.user)
    page = client.get(reverse("calendar_month", args=[world.family.pk])).content.decode()
    assert "No parenting plan is in force yet" in page and "propose one" in page


def _count_queries(client: Any, url: str, **params: Any) -> int:
    client.get(url, params)  # the first request of a session also updates the session
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url, params).status_code == 200
    return len(queries)


def test_month_view_and_feed_use_a_fixed_number_of_queries(
    world: Any, agreed_plan: Any, client: Any
) -> None:
    client.force_login(world.parent_a.user)
    month_url = reverse("calendar_month", args=[world.family.pk])
    token = CalendarFeed.new_token()
    CalendarFeed.objects.create(membership=world.parent_a, token_hash=hash_token(token))
    feed_url = reverse("calendar_feed", args=[token])
    small = (_count_queries(client, month_url, month="2027-03"),
             _count_queries(client, feed_url))
    for n in range(4):
        ChildFactory(family=world.family, name=f"Extra{n}")
    for n in range(6):
        swap = services.request_swap(
            actor=world.parent_b, children=[world.linked_child], parent=world.parent_b,
            starts=datetime(2027, 3, 1 + 2 * n, 9, tzinfo=LONDON),
            ends=datetime(2027, 3, 1 + 2 * n, 17, tzinfo=LONDON), reason="x",
            answer_by=date.today() + timedelta(days=3), now=timezone.now())
        services.accept_swap(actor=world.parent_a, swap=swap, now=timezone.now())
    large = (_count_queries(client, month_url, month="2027-03"),
             _count_queries(client, feed_url))
    assert small == large


@pytest.mark.parametrize(("view", "query"), [
    ("calendar_month", {"month": "9999-12"}), ("calendar_month", {"month": "1-1"}),
    ("calendar_month", {"month": "2027-13"}), ("calendar_month", {"month": "soon"}),
    ("calendar_week", {"start": "9999-12-31"}), ("calendar_week", {"start": "0001-01-01"}),
    ("calendar_agenda", {"start": "9999-12-20"}), ("calendar_agenda", {"start": "tuesday"}),
])
def test_dates_typed_into_the_address_outside_the_calendar_show_today(
    world: Any, agreed_plan: Any, client: Any, view: str, query: dict[str, str]
) -> None:
    client.force_login(world.parent_a.user)
    response = client.get(reverse(view, args=[world.family.pk]), query)
    assert response.status_code == 200
    today = timezone.localdate(timezone=LONDON)
    if view == "calendar_month":
        assert f"{today:%B %Y}" in response.content.decode()


def _feed(client: Any, token: str, **headers: Any) -> Any:
    return client.get(reverse("calendar_feed", args=[token]), **headers)


def test_the_feed_is_valid_ics_and_matches_the_engine(
    world: Any, agreed_plan: Any, client: Any
) -> None:
    token = CalendarFeed.new_token()
    CalendarFeed.objects.create(membership=world.parent_b, token_hash=hash_token(token))
    response = _feed(client, token)
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    assert calendar.walk("VTIMEZONE"), "TZID needs its VTIMEZONE"
    events = calendar.walk("VEVENT")
    assert all(e.get("UID") and e.get("DTSTAMP") for e in events)
    today = timezone.localdate(timezone=LONDON)
    ft = family_timeline(world.family, today, today + timedelta(days=30))
    assert ft is not None
    for hours in (5, 29, 77, 150, 300):
        moment = datetime.combine(today, datetime.min.time(), LONDON) + timedelta(hours=hours)
        blocks = [e for e in recurring_ical_events.of(calendar).at(moment)
                  if "Custody" in str(e.get("CATEGORIES").to_ical()) and "Ada" in e["SUMMARY"]]
        assert len(blocks) == 1, moment
        expected = ft.parent_name(ft.timeline.owner_at(child_id(world.linked_child), moment))
        assert blocks[0]["SUMMARY"] in (f"Ada with {expected}", f"Ada, Ben with {expected}")
    again = icalendar.Calendar.from_ical(_feed(client, token).content)
    assert {str(e["UID"]) for e in again.walk("VEVENT")} == {str(e["UID"]) for e in events}


def test_feed_text_is_escaped_and_folded(world: Any, agreed_plan: Any, client: Any) -> None:
    """Names with commas, semicolons, backslashes and non-ASCII letters come back intact;
    no line is longer than 75 octets and no UTF-8 letter is cut in two."""
    name = "Zoë-Chloé; \"Ada\", the 1st \\ 🎈"
    world.linked_child.name = name
    world.linked_child.save(update_fields=["name"])
    place = "Ground floor café, Ørsted Street; ring twice — " + "ü" * 60
    type(agreed_plan).objects.filter(pk=agreed_plan.pk).update(
        exchange_place=place.replace("ring", "\x0bri\x1bng\x7f"))  # controls are dropped
    token = CalendarFeed.new_token()
    CalendarFeed.objects.create(membership=world.parent_a, token_hash=hash_token(token))
    body = _feed(client, token).content
    assert all(len(line) <= 75 for line in body.split(b"\r\n"))
    assert body.endswith(b"END:VCALENDAR\r\n") and b"\n" not in body.replace(b"\r\n", b"")
    assert not any(byte < 32 and byte not in b"\t\r\n" or byte == 127 for byte in body)
    calendar = icalendar.Calendar.from_ical(body)
    summaries = {str(e["SUMMARY"]) for e in calendar.walk("VEVENT")}
    assert {f"Ben, {name} with Alice", f"Exchange of {name}, Ben: Alice → Bruno"} <= summaries
    places = {str(e["LOCATION"]) for e in calendar.walk("VEVENT") if "LOCATION" in e}
    assert places == {place}


def test_a_plan_that_cannot_be_computed_leaves_the_feed_with_its_events(
    world: Any, agreed_plan: Any, client: Any
) -> None:
    """Two accepted changes that overlap (as an older version could store) make the plan
    impossible to compute: the calendar says why, the feed still answers with the events."""
    from twohomes.schedules.models import Override

    starts = timezone.now() + timedelta(days=3)
    for parent in (world.parent_a, world.parent_b):
        Override.objects.create(family=world.family, child=world.linked_child, starts=starts,
                                ends=starts + timedelta(days=1), parent=parent,
                                reason=f"Change for {parent.user.name}",
                                created_at=timezone.now())
    from twohomes.events import services as events

    events.create_event(actor=world.parent_a, now=timezone.now(), details=events.EventDetails(
        title="Swimming", starts=starts, ends=starts + timedelta(hours=1)))
    token = CalendarFeed.new_token()
    CalendarFeed.objects.create(membership=world.parent_a, token_hash=hash_token(token))
    response = _feed(client, token)
    assert response.status_code == 200
    calendar = icalendar.Calendar.from_ical(response.content)
    assert [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")] == ["Swimming"]
    client.force_login(world.parent_a.user)
    page = client.get(reverse("calendar_month", args=[world.family.pk])).content.decode()
    assert "could not be computed" in page


def test_feed_answers_304_until_something_changes(
    world: Any, agreed_plan: Any, client: Any
) -> None:
    token = CalendarFeed.new_token()
    CalendarFeed.objects.create(membership=world.parent_a, token_hash=hash_token(token))
    first = _feed(client, token)
    etag = first["ETag"]
    assert _feed(client, token, HTTP_IF_NONE_MATCH=etag).status_code == 304
    swap = services.request_swap(
        actor=world.parent_b, children=[world.linked_child], parent=world.parent_b,
        starts=timezone.now() + timedelta(days=3), ends=timezone.now() + timedelta(days=4),
        reason="x", answer_by=date.today() + timedelta(days=2), now=timezone.now())
    services.accept_swap(actor=world.parent_a, swap=swap, now=timezone.now())
    changed = _feed(client, token, HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200 and changed["ETag"] != etag


def test_relatives_feed_holds_only_linked_children(world: Any, agreed_plan: Any,
                                                   client: Any) -> None:
    token = CalendarFeed.new_token()
    CalendarFeed.objects.create(membership=world.relative, token_hash=hash_token(token))
    body = _feed(client, token).content.decode()
    assert "SUMMARY:Ada with" in body and "Ben" not in body


def test_a_change_requests_reason_stays_with_parents_and_professionals(
    world: Any, agreed_plan: Any, client: Any
) -> None:
    """An accepted change shows on everyone's calendar; the reason a parent gave for it
    only to those who may read change requests."""
    now = timezone.now()
    swap = services.request_swap(
        actor=world.parent_a, children=[world.linked_child], parent=world.parent_a, now=now,
        reason="my hospital week", starts=now + timedelta(days=2),
        ends=now + timedelta(days=4), answer_by=timezone.localdate() + timedelta(days=1))
    services.accept_swap(actor=world.parent_b, swap=swap, now=now)
    middle = timezone.localdate(now + timedelta(days=3), LONDON)  # a night inside the change
    pages = {}
    for persona in ("parent_a", "professional", "partner", "relative", "child"):
        membership = world.membership(persona)
        client.force_login(membership.user)
        page = client.get(reverse("calendar_week", args=[world.family.pk]),
                          {"start": f"{middle:%Y-%m-%d}"}).content.decode()
        token = CalendarFeed.new_token()
        CalendarFeed.objects.create(membership=membership, token_hash=hash_token(token))
        pages[persona] = page + _feed(client, token).content.decode()
    for persona, page in pages.items():
        assert ("hospital" in page) == (persona in ("parent_a", "professional")), persona
        assert "a change agreed between the parents" in page


def test_feed_addresses_are_shown_once_and_revocable(world: Any, agreed_plan: Any,
                                                     client: Any) -> None:
    client.force_login(world.parent_a.user)
    url = reverse("feed_settings", args=[world.family.pk])
    page = client.post(reverse("feed_create", args=[world.family.pk])).content.decode()
    address = re.findall(r'<textarea id="feed-url"[^>]*>([^<]*)</textarea>', page)[0]
    assert address.startswith("http://testserver/")
    token = address.rsplit("/", 1)[1].removesuffix(".ics")
    assert _feed(client, token).status_code == 200
    # A Copy button, and the same address for calendar apps to subscribe to.
    assert 'data-copy="feed-url"' in page and 'aria-live="polite"' in page
    webcal = address.replace("http://", "webcal://", 1)
    assert f'<a class="button" href="{webcal}">Add to my calendar app</a>' in page
    assert token not in client.get(url).content.decode()  # never shown again
    assert client.post(url).status_code == 405  # the page itself changes nothing
    assert _feed(client, token).status_code == 200
    revoke = reverse("feed_revoke", args=[world.family.pk])
    assert "was revoked" in client.post(revoke, follow=True).content.decode()
    assert _feed(client, token).status_code == 404
    assert "no feed address to revoke" in client.post(revoke, follow=True).content.decode()
    assert _feed(client, "made-up-token").status_code == 404


def test_a_professionals_feed_reads_are_in_the_audit_list(world: Any, agreed_plan: Any,
                                                          client: Any) -> None:
    from twohomes.families.models import AuditEvent

    token = CalendarFeed.new_token()
    CalendarFeed.objects.create(membership=world.professional, token_hash=hash_token(token))
    assert _feed(client, token).status_code == 200
    seen = AuditEvent.objects.filter(family=world.family, action="family.professional.viewed")
    assert [e.summary for e in seen] == ["Mona (professional) read the calendar feed."]
    client.force_login(world.parent_a.user)
    audit = client.get(reverse("audit", args=[world.family.pk])).content.decode()
    assert "read the calendar feed" in audit and token not in audit


def test_a_removed_members_feed_stops(world: Any, agreed_plan: Any, client: Any) -> None:
    from twohomes.families import services as family_services

    token = CalendarFeed.new_token()
    CalendarFeed.objects.create(membership=world.relative, token_hash=hash_token(token))
    family_services.remove_member(actor=world.parent_a, member=world.relative,
                                  now=timezone.now())
    assert _feed(client, token).status_code == 404


def test_home_page_opens_on_today(world: Any, agreed_plan: Any, client: Any) -> None:
    client.force_login(world.parent_b.user)
    swap = services.request_swap(
        actor=world.parent_a, children=[world.linked_child], parent=world.parent_a,
        starts=timezone.now() + timedelta(days=3), ends=timezone.now() + timedelta(days=4),
        reason="x", answer_by=timezone.localdate(timezone=LONDON) + timedelta(days=2),
        now=timezone.now())
    page = client.get(reverse("family_home", args=[world.family.pk])).content.decode()
    assert "Ada</strong> is with" in page and "Next exchange:" in page
    # Both children go together; the names and the parents are told apart by a colon.
    assert re.search(r"Ada, Ben: (Alice → Bruno|Bruno → Alice), at school\.", page)
    assert re.search(r'<span class="legend-band band-[ab]" aria-hidden="true" title="(Alice|'
                     r'Bruno) tonight"></span>\s*<strong>Ada</strong>', page)
    assert 'class="who-parent"' not in page  # no parent letters
    assert f"/swaps/{swap.pk}/" in page and "Waiting for you" in page


def test_the_next_exchange_names_hand_overs_in_both_directions(world: Any) -> None:
    """Ada goes to Bruno while Ben comes to Alice at the same hour: both are named."""
    from tests.conftest import plan_choices
    from twohomes.calendar.today import today_summary

    choices = plan_choices([world.linked_child])
    second = dict(choices["groups"][0], children=[world.unlinked_child.pk], first_parent="B")
    choices["groups"].append(second)
    now = timezone.now()
    plan = services.propose_plan(actor=world.parent_a, choices=choices, now=now)
    services.decide_plan(actor=world.parent_b, plan=plan, agreed=True, comment="", now=now)
    upcoming = today_summary(world.parent_a, now)["next_exchange"]
    assert upcoming is not None
    assert sorted((h.child_names, h.from_name, h.to_name) for h in upcoming.handovers) in (
        [(["Ada"], "Alice", "Bruno"), (["Ben"], "Bruno", "Alice")],
        [(["Ada"], "Bruno", "Alice"), (["Ben"], "Alice", "Bruno")])


@pytest.mark.parametrize("hour,expected", [(18, 0), (20, 1)])
def test_evening_reminders_are_sent_once(
    world: Any, agreed_plan: Any, hour: int, expected: int,
    django_capture_on_commit_callbacks: Any
) -> None:
    ReminderPreference.objects.create(membership=world.parent_a, exchanges=True,
                                      send_at="19:00")
    # Tuesday 6 January 2026: Ada goes from Alice to Bruno on Wednesday at 18:00.
    evening = datetime(2026, 1, 6, hour, 30, tzinfo=LONDON)
    with django_capture_on_commit_callbacks(execute=True):
        assert send_due_reminders(now=evening) == expected
        assert send_due_reminders(now=evening + timedelta(minutes=20)) == 0
    assert len(mail.outbox) == expected
    if expected:
        # Both children go together: one line.
        assert "  - 6:00 PM exchange of Ada, Ben: Alice to Bruno (at school)\n" in \
            mail.outbox[0].body
        assert mail.outbox[0].body.count("exchange of") == 1
        assert mail.outbox[0].subject == "TwoHomes"


def test_events_are_in_the_calendar_and_the_feed_with_their_repeat_rule(
    world: Any, agreed_plan: Any, client: Any
) -> None:
    from twohomes.events import services as events
    from twohomes.events.recurrence import RepeatRule

    start = datetime(2027, 3, 2, 17, tzinfo=LONDON)
    events.create_event(actor=world.parent_a, now=timezone.now(), details=events.EventDetails(
        title="Swimming", starts=start, ends=start + timedelta(hours=1), all_day=False,
        location="Leisure centre", children=[world.linked_child], responsible=world.parent_a,
        repeat=RepeatRule(frequency="weekly", weekdays=("TU",), count=10)))
    client.force_login(world.relative.user)
    page = client.get(reverse("calendar_month", args=[world.family.pk]),
                      {"month": "2027-03"}).content.decode()
    assert page.count("5:00 PM Swimming, Leisure centre") == 5  # five Tuesdays in March 2027
    token = CalendarFeed.new_token()
    CalendarFeed.objects.create(membership=world.relative, token_hash=hash_token(token))
    calendar = icalendar.Calendar.from_ical(_feed(client, token).content)
    swims = [e for e in calendar.walk("VEVENT") if e["SUMMARY"] == "Swimming"]
    assert len(swims) == 1 and swims[0]["RRULE"]["FREQ"] == ["WEEKLY"]
    expanded = recurring_ical_events.of(calendar).between(datetime(2027, 3, 1, tzinfo=LONDON),
                                                          datetime(2027, 6, 1, tzinfo=LONDON))
    assert len([e for e in expanded if e["SUMMARY"] == "Swimming"]) == 10
    # Across the clock change (28 March) practice stays at 17:00 local.
    late = [e for e in expanded if e["SUMMARY"] == "Swimming"][-1]
    assert late["DTSTART"].dt.astimezone(LONDON).hour == 17


def test_the_hourly_round_prebuilds_changed_feeds(world: Any, agreed_plan: Any,
                                                  client: Any) -> None:
    from django.core.cache import cache

    from twohomes.calendar.feeds import warm_feeds

    token = CalendarFeed.new_token()
    CalendarFeed.objects.create(membership=world.parent_a, token_hash=hash_token(token))
    cache.clear()
    assert warm_feeds() == 1
    assert warm_feeds() == 0  # nothing changed since
    assert _feed(client, token).status_code == 200


def test_the_feed_page_writes_nothing_and_reminders_are_saved_by_their_own_form(
        world: Any, client: Any) -> None:
    from twohomes.calendar.models import ReminderPreference

    client.force_login(world.relative.user)
    fid = world.family.pk
    page = client.get(reverse("feed_settings", args=[fid])).content.decode()
    assert 'value="19:00"' in page  # the defaults are shown
    assert not ReminderPreference.objects.exists()  # and nothing is stored by looking
    reminders = reverse("feed_reminders", args=[fid])
    wrong = client.post(reminders, {"exchanges": "on", "send_at": "25:99"})
    assert wrong.status_code == 200 and "Enter a valid time" in wrong.content.decode()
    assert not ReminderPreference.objects.exists()
    saved = client.post(reminders, {"exchanges": "on", "send_at": "20:30"})
    assert saved.status_code == 302
    choice = ReminderPreference.objects.get(membership=world.relative)
    assert (choice.exchanges, choice.events, f"{choice.send_at:%H:%M}") == (True, False, "20:30")
