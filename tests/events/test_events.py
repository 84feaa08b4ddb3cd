"""Events: who sees what, history, cancelling, invitations and replies, bad input."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from twohomes.events import services
from twohomes.events.models import Event, EventRevision, EventStatus, Reply
from twohomes.events.recurrence import RepeatRule
from twohomes.events.selectors import occurrences, visible_events
from twohomes.records.models import LogEntry


@pytest.fixture
def calendar(world: Any, make_event: Any) -> dict[str, Any]:
    ada = make_event("Ada's swimming", [world.linked_child])
    ben = make_event("Ben's dentist", [world.unlinked_child], days=2)
    parents = make_event("Mediation session", [], days=3)
    party = make_event("Ben's party", [world.unlinked_child], days=4)
    services.invite_to_event(actor=world.parent_a, event=party, invitee=world.relative,
                             now=timezone.now())
    return {"ada": ada, "ben": ben, "parents": parents, "party": party}


SEES = {
    "parent_a": {"ada", "ben", "parents", "party"},
    "parent_b": {"ada", "ben", "parents", "party"},
    "professional": {"ada", "ben", "parents", "party"},
    "partner": {"ada"},
    "relative": {"ada", "party"},
    "child": {"ada"},
    "outsider": set(),
}


@pytest.mark.parametrize("persona", list(SEES))
def test_each_role_sees_the_events_it_should(
    persona: str, world: Any, calendar: dict[str, Any], client: Any
) -> None:
    member = world.membership(persona)
    names = {name for name, event in calendar.items()}
    visible = set(visible_events(member))
    assert {n for n in names if calendar[n] in visible} == SEES[persona]
    now = timezone.now()
    seen = {o.event_id for o in occurrences(member, now, now + timedelta(days=10))}
    assert seen == {calendar[n].pk for n in SEES[persona]}
    client.force_login(member.user)
    for name, event in calendar.items():
        response = client.get(reverse("event_detail", args=[world.family.pk, event.pk]))
        assert response.status_code == (200 if name in SEES[persona] else 404), name
    listing = client.get(reverse("event_list", args=[world.family.pk]))
    if persona == "outsider":
        assert listing.status_code == 404
    else:
        text = listing.content.decode()
        for name, event in calendar.items():
            assert (event.title.replace("'", "&#x27;") in text) == (name in SEES[persona])


def test_an_invited_relative_does_not_learn_the_names_of_other_children(
    world: Any, calendar: dict[str, Any], client: Any
) -> None:
    party = calendar["party"]  # Ben's; Rita is linked to Ada only, and invited
    services.change_event(actor=world.parent_a, event=party, now=timezone.now(),
                          details=services.EventDetails(
                              title=party.title, starts=party.starts, ends=party.ends,
                              children=[world.unlinked_child, world.linked_child]))
    url = reverse("event_detail", args=[world.family.pk, party.pk])
    client.force_login(world.relative.user)
    page = client.get(url).content.decode()
    assert "<dt>Children</dt><dd>Ada and 1 other child</dd>" in page
    assert "Children:" not in page  # the history's "Children" line is left out
    client.force_login(world.parent_a.user)
    page = client.get(url).content.decode()
    assert "<dt>Children</dt><dd>Ada, Ben</dd>" in page or \
        "<dt>Children</dt><dd>Ben, Ada</dd>" in page
    assert "Children:" in page


def test_list_filters_by_child(world: Any, calendar: dict[str, Any], client: Any) -> None:
    client.force_login(world.parent_a.user)
    url = reverse("event_list", args=[world.family.pk])
    text = client.get(url, {"child": world.unlinked_child.pk}).content.decode()
    assert "Ben&#x27;s dentist" in text and "Ada&#x27;s swimming" not in text
    # A child the member cannot see is ignored, not an error.
    client.force_login(world.relative.user)
    text = client.get(url, {"child": world.unlinked_child.pk}).content.decode()
    assert "Ada&#x27;s swimming" in text and "Ben&#x27;s dentist" not in text
    for junk in ("²", "9" * 30, "-1", "ada"):  # an edited address shows every child
        assert "Ada&#x27;s swimming" in client.get(url, {"child": junk}).content.decode()
    now = timezone.now()
    only_ben = occurrences(world.parent_a, now, now + timedelta(days=10),
                           [world.unlinked_child.pk])
    assert {o.event_id for o in only_ben} == {calendar["ben"].pk, calendar["party"].pk}


def test_weekly_practice_keeps_its_local_time_across_dst_in_new_york(
    world: Any, make_event: Any
) -> None:
    world.family.timezone = "America/New_York"
    world.family.save()
    world.parent_a.family.refresh_from_db()
    from zoneinfo import ZoneInfo

    ny = ZoneInfo("America/New_York")
    practice = make_event(
        "Football practice", [world.linked_child], responsible=world.parent_b,
        starts=datetime(2026, 3, 3, 17, tzinfo=ny), ends=datetime(2026, 3, 3, 18, 30, tzinfo=ny),
        repeat=RepeatRule("weekly", weekdays=("TU",), until=date(2026, 3, 24)))
    assert practice.rrule == "FREQ=WEEKLY;BYDAY=TU;UNTIL=20260325T035959Z"
    assert practice.timezone == "America/New_York"
    assert practice.local_start() == datetime(2026, 3, 3, 17, tzinfo=ny)
    found = occurrences(world.family, datetime(2026, 3, 1, tzinfo=UTC),
                        datetime(2026, 4, 30, tzinfo=UTC))
    assert [(o.starts.day, o.starts.hour, o.ends.hour, o.ends.minute) for o in found] == [
        (3, 17, 18, 30), (10, 17, 18, 30), (17, 17, 18, 30), (24, 17, 18, 30)]
    assert [o.starts.astimezone(UTC).hour for o in found] == [22, 21, 21, 21]
    first = found[0]
    assert first.recurrence_id == first.starts and first.children == (world.linked_child.pk,)
    assert first.responsible == world.parent_b.user.name
    assert practice.series_ends == datetime(2026, 3, 24, 18, 30, tzinfo=ny)
    assert occurrences(world.family, datetime(2026, 3, 25, tzinfo=UTC),
                       datetime(2026, 5, 1, tzinfo=UTC)) == []


def test_all_day_event_covers_its_local_days(world: Any) -> None:
    event = services.create_event(actor=world.parent_a, now=timezone.now(),
                                  details=services.EventDetails(
                                      title="School trip", all_day=True,
                                      start_date=date(2026, 6, 1), end_date=date(2026, 6, 2)))
    assert (event.start_date, event.end_date) == (date(2026, 6, 1), date(2026, 6, 2))
    assert event.local_start().hour == 0 and event.local_end().date() == date(2026, 6, 3)
    [occurrence] = occurrences(world.family, datetime(2026, 6, 2, 12, tzinfo=UTC),
                               datetime(2026, 6, 2, 13, tzinfo=UTC))
    assert occurrence.all_day and occurrence.recurrence_id is None


def test_occurrences_read_the_database_a_fixed_number_of_times(
    world: Any, make_event: Any, django_assert_max_num_queries: Any
) -> None:
    now = timezone.now()

    def count_for(member: Any) -> int:
        with django_assert_max_num_queries(3):  # events, their children, times called off
            return len(occurrences(member, now, now + timedelta(days=60)))

    make_event("First", [world.linked_child], responsible=world.parent_b)
    few = count_for(world.relative)
    for n in range(25):
        make_event(f"Practice {n}", [world.linked_child, world.unlinked_child],
                   responsible=world.parent_a if n % 2 else world.parent_b, days=n % 7,
                   repeat=RepeatRule("weekly" if n % 3 else "daily"))
    many = count_for(world.relative)
    assert many > few * 50
    assert count_for(world.parent_a) == many
    with django_assert_max_num_queries(3):
        occurrences(world.family, now, now + timedelta(days=60), [world.linked_child.pk])


def test_create_change_cancel_keep_a_history_and_go_to_the_record(
    world: Any, make_event: Any, client: Any
) -> None:
    event = make_event("Swimming", [world.linked_child], location="Pool")
    later = event.starts + timedelta(hours=1)
    revision = services.change_event(
        actor=world.parent_b, event=event, now=timezone.now(),
        details=services.EventDetails(title="Swimming gala", starts=later,
                                      ends=later + timedelta(hours=2), location="Pool",
                                      children=[world.linked_child, world.unlinked_child]))
    assert revision is not None and revision.actor == world.parent_b
    changed = {c["field"]: (c["old"], c["new"]) for c in revision.changes}
    assert set(changed) == {"Title", "When", "Children"}
    assert changed["Title"] == ("Swimming", "Swimming gala")
    assert changed["Children"] == ("Ada", "Ada, Ben")
    services.cancel_event(actor=world.parent_a, event=event, reason="Pool closed",
                          now=timezone.now())
    event.refresh_from_db()
    assert event.status == EventStatus.CANCELLED and event.cancel_reason == "Pool closed"
    actions = list(event.revisions.values_list("action", flat=True))
    assert actions == ["created", "changed", "cancelled"]
    kinds = list(LogEntry.objects.filter(family=world.family).order_by("seq")
                 .values_list("kind", flat=True))
    assert kinds[-3:] == ["calendar.event.created", "calendar.event.changed",
                          "calendar.event.cancelled"]
    seqs = set(event.revisions.values_list("record_seq", flat=True))
    assert seqs == set(LogEntry.objects.filter(kind__startswith="calendar.event.")
                       .values_list("seq", flat=True))
    client.force_login(world.partner.user)
    page = client.get(reverse("event_detail", args=[world.family.pk, event.pk])).content.decode()
    assert "Cancelled" in page and "Pool closed" in page and "Swimming gala" in page
    assert "<del>Swimming</del>" in page


def test_saving_without_a_change_adds_no_revision(world: Any, make_event: Any) -> None:
    event = make_event("Swimming", [world.linked_child])
    same = services.EventDetails(title="Swimming", starts=event.starts, ends=event.ends,
                                 children=[world.linked_child])
    assert services.change_event(actor=world.parent_a, event=event, details=same,
                                 now=timezone.now()) is None
    assert event.revisions.count() == 1


def test_cancelled_events_cannot_be_changed_or_cancelled_again(
    world: Any, make_event: Any, client: Any
) -> None:
    event = make_event("Swimming", [world.linked_child])
    services.cancel_event(actor=world.parent_a, event=event, now=timezone.now())
    with pytest.raises(ValidationError):
        services.cancel_event(actor=world.parent_a, event=event, now=timezone.now())
    client.force_login(world.parent_a.user)
    response = client.get(reverse("event_edit", args=[world.family.pk, event.pk]))
    assert response.status_code == 302
    assert Event.objects.filter(pk=event.pk).exists()  # never deleted


def test_only_parents_manage_events(world: Any, make_event: Any) -> None:
    event = make_event("Swimming", [world.linked_child])
    for persona in ("partner", "relative", "professional", "child"):
        with pytest.raises(PermissionDenied):
            services.cancel_event(actor=world.membership(persona), event=event,
                                  now=timezone.now())


def _form(world: Any, **overrides: Any) -> dict[str, Any]:
    data = {"title": "Football", "children": [world.linked_child.pk],
            "start_date": "2026-03-03", "start_time": "17:00", "end_time": "18:30",
            "repeat": "none", "interval": "1"}
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def test_parent_creates_and_edits_an_event_through_the_pages(world: Any, client: Any) -> None:
    client.force_login(world.parent_a.user)
    response = client.post(reverse("event_new", args=[world.family.pk]), _form(
        world, repeat="weekly", weekdays=["TU"], repeat_count="10",
        responsible=world.parent_b.pk, location="Riverside Park"))
    event = Event.objects.get(title="Football")
    assert response.status_code == 302 and response["Location"].endswith(f"/{event.pk}/")
    assert event.rrule == "FREQ=WEEKLY;BYDAY=TU;COUNT=10"
    assert event.responsible == world.parent_b and event.created_by == world.parent_a
    edit_url = reverse("event_edit", args=[world.family.pk, event.pk])
    page = client.get(edit_url).content.decode()
    assert 'value="Riverside Park"' in page and 'value="10"' in page
    client.post(edit_url, _form(world, repeat="weekly", weekdays=["TU"], repeat_count="10",
                                responsible=world.parent_b.pk, location="Hall B"))
    event.refresh_from_db()
    assert event.location == "Hall B"
    assert [c["field"] for c in event.revisions.last().changes] == ["Location"]
    page = client.get(reverse("event_detail", args=[world.family.pk, event.pk])).content
    assert b"Every week on Tuesday, 10 times" in page


@pytest.mark.parametrize("zone", ["Europe/London", "America/New_York", "Asia/Kolkata"])
def test_saving_the_edit_page_unchanged_records_nothing(
    world: Any, client: Any, zone: str
) -> None:
    world.family.timezone = zone
    world.family.save(update_fields=["timezone"])
    client.force_login(world.parent_a.user)
    client.post(reverse("event_new", args=[world.family.pk]), _form(world, location="Hall B"))
    event = Event.objects.get(title="Football")
    records = LogEntry.objects.count()
    client.post(reverse("event_edit", args=[world.family.pk, event.pk]),
                _form(world, location="Hall B"))
    assert event.revisions.count() == 1 and LogEntry.objects.count() == records


@pytest.mark.parametrize(("overrides", "message"), [
    ({"end_time": "16:00"}, "The event ends before it starts."),
    ({"title": ""}, "This field is required."),
    ({"start_time": None}, "Give a start time"),
    ({"all_day": "on", "end_date": "2026-03-01"}, "The event ends before it starts."),
    ({"repeat": "weekly", "repeat_until": "2026-05-01", "repeat_count": "4"}, "not both"),
    ({"repeat": "weekly", "weekdays": ["WE"]}, "must be one of the chosen weekdays"),
    ({"repeat": "daily", "repeat_until": "2026-03-01"}, "ends before the event starts"),
    ({"repeat": "fortnightly"}, "Select a valid choice"),
    ({"start_date": "3 March"}, "Enter a valid date."),
    ({"start_date": "0001-01-01"}, "Give dates between 1900 and 2199."),
    ({"all_day": "on", "start_date": "9999-12-31", "end_date": ""},
     "Give dates between 1900 and 2199."),
    ({"all_day": "on", "start_date": "2026-12-15", "end_date": "2099-12-30"},
     "An event can last at most a year."),
    ({"repeat": "daily", "start_date": "9995-01-01", "repeat_until": "9999-12-31"},
     "Give dates between 1900 and 2199."),
])
def test_bad_input_is_refused_with_a_message_and_nothing_is_saved(
    world: Any, client: Any, overrides: dict[str, Any], message: str
) -> None:
    client.force_login(world.parent_a.user)
    before = LogEntry.objects.count()
    response = client.post(reverse("event_new", args=[world.family.pk]),
                           _form(world, **overrides))
    assert response.status_code == 200
    assert message in response.content.decode().replace("&#x27;", "'")
    assert not Event.objects.exists() and LogEntry.objects.count() == before


def test_a_child_of_another_family_is_refused(world: Any, client: Any) -> None:
    client.force_login(world.parent_a.user)
    response = client.post(reverse("event_new", args=[world.family.pk]),
                           _form(world, children=[world.other_child.pk]))
    assert "Choose children of this family." in response.content.decode()
    assert not Event.objects.exists()
    with pytest.raises(ValidationError, match="children of this family"):
        services.create_event(actor=world.parent_a, now=timezone.now(),
                              details=services.EventDetails(
                                  title="x", starts=timezone.now(),
                                  ends=timezone.now() + timedelta(hours=1),
                                  children=[world.other_child]))
    with pytest.raises(ValidationError, match="must be a parent"):
        services.create_event(actor=world.parent_a, now=timezone.now(),
                              details=services.EventDetails(
                                  title="x", starts=timezone.now(),
                                  ends=timezone.now() + timedelta(hours=1),
                                  responsible=world.outsider))
    assert not Event.objects.exists()


def test_another_familys_event_is_not_found(world: Any, client: Any) -> None:
    theirs = services.create_event(actor=world.outsider, now=timezone.now(),
                                   details=services.EventDetails(
                                       title="Theirs", starts=timezone.now(),
                                       ends=timezone.now() + timedelta(hours=1)))
    client.force_login(world.parent_a.user)
    for name in ("event_detail", "event_edit"):
        assert client.get(reverse(name, args=[world.family.pk, theirs.pk])).status_code == 404
    for name in ("event_cancel", "event_invite", "event_reply"):
        assert client.post(reverse(name, args=[world.family.pk, theirs.pk])).status_code == 404
    theirs.refresh_from_db()
    assert theirs.status == EventStatus.ACTIVE


def test_invited_relative_replies_and_the_parent_sees_it(
    world: Any, make_event: Any, client: Any
) -> None:
    party = make_event("Ben's party", [world.unlinked_child])
    client.force_login(world.parent_a.user)
    url = reverse("event_detail", args=[world.family.pk, party.pk])
    assert "Rita (relative)" in client.get(url).content.decode()  # in the invite choices
    client.post(reverse("event_invite", args=[world.family.pk, party.pk]),
                {"invitee": world.relative.pk})
    invitation = party.invitations.get()
    assert invitation.invitee == world.relative and invitation.reply == Reply.PENDING

    client.force_login(world.relative.user)
    page = client.get(url).content.decode()
    assert "Will you come?" in page
    client.post(reverse("event_reply", args=[world.family.pk, party.pk]),
                {"reply": "maybe", "note": "If my train is on time"})
    invitation.refresh_from_db()
    assert invitation.reply == Reply.MAYBE and invitation.replied_at is not None

    client.force_login(world.parent_a.user)
    page = client.get(url).content.decode()
    assert "Maybe" in page and "If my train is on time" in page
    kinds = set(LogEntry.objects.values_list("kind", flat=True))
    assert {"calendar.event.invited", "calendar.event.replied"} <= kinds


def test_invitations_are_checked(world: Any, make_event: Any, client: Any) -> None:
    event = make_event("Swimming", [world.linked_child])
    now = timezone.now()
    for invitee, problem in ((world.professional, "parent, partner or relative"),
                             (world.child, "parent, partner or relative"),
                             (world.outsider, "parent, partner or relative"),
                             (world.parent_a, "yourself")):
        with pytest.raises(ValidationError, match=problem):
            services.invite_to_event(actor=world.parent_a, event=event, invitee=invitee, now=now)
    services.invite_to_event(actor=world.parent_a, event=event, invitee=world.parent_b, now=now)
    with pytest.raises(ValidationError, match="already invited"):
        services.invite_to_event(actor=world.parent_a, event=event, invitee=world.parent_b,
                                 now=now)
    with pytest.raises(PermissionDenied):
        services.invite_to_event(actor=world.partner, event=event, invitee=world.relative,
                                 now=now)
    client.force_login(world.parent_a.user)
    response = client.post(reverse("event_invite", args=[world.family.pk, event.pk]),
                           {"invitee": world.outsider.pk}, follow=True)
    assert "Choose a parent, partner or relative" in response.content.decode()
    assert event.invitations.count() == 1


def test_only_invitees_reply(world: Any, make_event: Any, client: Any) -> None:
    event = make_event("Swimming", [world.linked_child])
    client.force_login(world.partner.user)
    response = client.post(reverse("event_reply", args=[world.family.pk, event.pk]),
                           {"reply": "yes"})
    assert response.status_code == 403
    services.invite_to_event(actor=world.parent_a, event=event, invitee=world.partner,
                             now=timezone.now())
    with pytest.raises(ValidationError):
        services.reply_to_event(actor=world.partner, event=event, reply="perhaps",
                                now=timezone.now())
    services.reply_to_event(actor=world.partner, event=event, reply=Reply.NO,
                            now=timezone.now())
    assert event.invitations.get().reply == Reply.NO


def test_revisions_are_created_for_every_create(world: Any, make_event: Any) -> None:
    event = make_event("Swimming", [world.linked_child])
    revision = EventRevision.objects.get(event=event)
    assert revision.action == "created" and revision.actor == world.parent_a
    assert {c["field"] for c in revision.changes} >= {"Title", "When", "Children"}
