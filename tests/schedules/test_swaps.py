"""Change requests: accept, decline with a reason, another time, expiry; the calendar follows."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from twohomes.records.models import LogEntry
from twohomes.schedules import services
from twohomes.schedules.engine import child_id, family_timeline
from twohomes.schedules.models import Override, SwapRequest, SwapStatus
from twohomes.schedules.tasks import expiry_tick

LONDON = ZoneInfo("Europe/London")


def _when(day: int, hour: int, month: int = 3) -> datetime:
    return datetime(2027, month, day, hour, tzinfo=LONDON)


def _owner(world: Any, moment: datetime) -> str:
    ft = family_timeline(world.family, moment.date() - timedelta(days=1),
                         moment.date() + timedelta(days=2))
    assert ft is not None
    return ft.timeline.owner_at(child_id(world.linked_child), moment)


def _ask(world: Any, **extra: Any) -> SwapRequest:
    arguments = {"children": [world.linked_child], "starts": _when(14, 9),
                 "ends": _when(15, 18), "parent": world.parent_b,
                 "reason": "Cousin's wedding", "answer_by": date.today() + timedelta(days=3),
                 "now": timezone.now()}
    arguments.update(extra)
    return services.request_swap(actor=world.parent_b, **arguments)


def test_an_accepted_swap_changes_the_calendar_at_once(
    world: Any, agreed_plan: Any, client: Any, django_capture_on_commit_callbacks: Any
) -> None:
    before = _owner(world, _when(14, 12))
    with django_capture_on_commit_callbacks(execute=True):
        swap = _ask(world)
    assert sorted(m.to[0] for m in mail.outbox) == ["alice@example.org", "bruno@example.org"]
    asked = {m.to[0]: m.body for m in mail.outbox}
    assert "you asked for a change" in asked["bruno@example.org"]
    assert "Bruno asks for a change" in asked["alice@example.org"]
    assert all("\n\n\n" not in body for body in asked.values())
    mail.outbox.clear()
    client.force_login(world.parent_a.user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("swap_answer", args=[world.family.pk, swap.pk]),
                    {"answer": "accept"})
    swap.refresh_from_db()
    assert swap.status == SwapStatus.ACCEPTED and swap.decided_by == world.parent_a
    assert sorted(m.to[0] for m in mail.outbox) == ["alice@example.org", "bruno@example.org"]
    receipt = next(m.body for m in mail.outbox if m.to == ["alice@example.org"])
    assert "This is your copy" in receipt and "you answered a change request: accepted" in receipt
    told = next(m.body for m in mail.outbox if m.to == ["bruno@example.org"])
    assert "Alice answered a change request: accepted" in told and "copy" not in told
    assert "\n\n\n" not in receipt + told
    assert _owner(world, _when(14, 12)) == "B"
    assert before == "A" or before == "B"
    reason = family_timeline(world.family, date(2027, 3, 13), date(2027, 3, 16)
                             ).timeline.reason_at(child_id(world.linked_child), _when(14, 12))
    assert reason.level == "override"
    kinds = set(LogEntry.objects.filter(family=world.family).values_list("kind", flat=True))
    assert {"schedules.swap.requested", "schedules.swap.accepted"} <= kinds


def test_make_up_time_goes_to_the_parent_who_gave_time(world: Any, agreed_plan: Any) -> None:
    swap = _ask(world, makeup=(_when(21, 9), _when(22, 18)))
    services.accept_swap(actor=world.parent_a, swap=swap, now=timezone.now())
    assert _owner(world, _when(21, 12)) == "A"
    assert Override.objects.filter(swap=swap).count() == 2


def test_make_up_time_goes_to_the_parent_who_gave_time_after_a_counter_proposal(
    world: Any, agreed_plan: Any, client: Any
) -> None:
    # Alice (A) asks to have the child on the 14th-15th and offers Bruno (B) the 21st-22nd.
    answer_by = (date.today() + timedelta(days=3)).isoformat()
    swap = services.request_swap(
        actor=world.parent_a, children=[world.linked_child], starts=_when(14, 9),
        ends=_when(15, 18), parent=world.parent_a, reason="Cousin's wedding",
        answer_by=date.today() + timedelta(days=3), makeup=(_when(21, 9), _when(22, 18)),
        now=timezone.now())
    client.force_login(world.parent_b.user)
    form = client.get(reverse("swap_counter", args=[world.family.pk, swap.pk])).content
    # The counter-proposal starts from every field of the request, make-up time included.
    assert b'value="2027-03-21T09:00' in form and b'value="2027-03-22T18:00' in form
    assert b"Cousin&#x27;s wedding" in form
    response = client.post(reverse("swap_counter", args=[world.family.pk, swap.pk]), {
        "children": [world.linked_child.pk], "starts": "2027-03-14T12:00",
        "ends": "2027-03-15T18:00", "parent": world.parent_a.pk, "reason": "From noon?",
        "answer_by": answer_by, "makeup_starts": "2027-03-21T09:00",
        "makeup_ends": "2027-03-22T18:00"})
    assert response.status_code == 302
    counter = SwapRequest.objects.get(counter_of=swap)
    # Alice accepts Bruno's counter-proposal: the make-up time is still Bruno's, who gave
    # up the 14th-15th.
    services.accept_swap(actor=world.parent_a, swap=counter, now=timezone.now())
    assert _owner(world, _when(14, 13)) == "A"
    assert _owner(world, _when(21, 12)) == "B" and _owner(world, _when(22, 12)) == "B"
    assert set(Override.objects.filter(swap=counter, reason__startswith="Make-up")
               .values_list("parent", flat=True)) == {world.parent_b.pk}


def test_declining_needs_a_reason_and_changes_nothing(
    world: Any, agreed_plan: Any, client: Any
) -> None:
    swap = _ask(world)
    client.force_login(world.parent_a.user)
    url = reverse("swap_answer", args=[world.family.pk, swap.pk])
    for unclear, message in [({}, b"Choose Accept or Decline"),
                             ({"answer": "maybe", "reason": "We are away."},
                              b"Choose Accept or Decline"),
                             ({"answer": "decline", "reason": "no\x00pe"},
                              b"Null characters are not allowed")]:
        page = client.post(url, unclear, follow=True).content
        assert message in page
        swap.refresh_from_db()
        assert swap.status == SwapStatus.PENDING
    page = client.post(url, {"answer": "decline"}, follow=True).content
    assert b"Give a reason when you decline" in page
    client.post(url, {"answer": "decline", "reason": "We are away that weekend."})
    swap.refresh_from_db()
    assert swap.status == SwapStatus.DECLINED
    assert swap.decision_reason == "We are away that weekend."
    assert not Override.objects.exists()


def test_another_time_closes_the_request_and_opens_a_new_one(
    world: Any, agreed_plan: Any, client: Any
) -> None:
    swap = _ask(world)
    client.force_login(world.parent_a.user)
    response = client.post(reverse("swap_counter", args=[world.family.pk, swap.pk]), {
        "children": [world.linked_child.pk], "starts": "2027-03-21T09:00",
        "ends": "2027-03-22T18:00", "parent": world.parent_b.pk, "reason": "The week after?",
        "answer_by": (date.today() + timedelta(days=2)).isoformat()})
    assert response.status_code == 302
    swap.refresh_from_db()
    counter = SwapRequest.objects.get(counter_of=swap)
    assert swap.status == SwapStatus.COUNTERED
    assert counter.status == SwapStatus.PENDING and counter.requested_by == world.parent_a
    assert counter.starts == _when(21, 9)


def test_an_unanswered_request_expires_and_changes_nothing(
    world: Any, agreed_plan: Any, client: Any
) -> None:
    swap = _ask(world)
    SwapRequest.objects.filter(pk=swap.pk).update(answer_by=date.today() - timedelta(days=1))
    client.force_login(world.parent_a.user)
    client.get(reverse("swap_list", args=[world.family.pk]))  # opening the list writes nothing
    swap.refresh_from_db()
    assert swap.status == SwapStatus.PENDING
    expiry_tick.call()  # the worker's round
    swap.refresh_from_db()
    assert swap.status == SwapStatus.EXPIRED
    with pytest.raises(ValidationError, match="expired"):
        services.accept_swap(actor=world.parent_a, swap=swap, now=timezone.now())
    assert not Override.objects.exists()
    assert LogEntry.objects.filter(kind="schedules.swap.expired").count() == 1


@pytest.mark.parametrize(("zone", "utc_hour", "utc_day", "expired"), [
    # 22:00 on 28 Feb in New York is already 1 March in UTC: still answerable.
    ("America/New_York", 3, 1, False),
    # 00:30 on 1 March in New York: the answer-by day has passed there.
    ("America/New_York", 5, 1, True),
    # 01:00 on 1 March in Auckland while UTC is still on 28 February: passed there.
    ("Pacific/Auckland", 12, 28, True),
])
def test_the_answer_by_day_is_the_familys_own(
    world: Any, agreed_plan: Any, zone: str, utc_hour: int, utc_day: int, expired: bool
) -> None:
    world.family.timezone = zone
    world.family.save(update_fields=["timezone"])
    swap = _ask(world, answer_by=date(2027, 2, 28), now=datetime(2027, 2, 20, tzinfo=UTC))
    now = datetime(2027, 3 if utc_day == 1 else 2, utc_day, utc_hour, tzinfo=UTC)
    assert services.expire_swaps(now=now) == int(expired)
    swap.refresh_from_db()
    if expired:
        assert swap.status == SwapStatus.EXPIRED
        with pytest.raises(ValidationError, match="expired"):
            services.accept_swap(actor=world.parent_a, swap=swap, now=now)
    else:
        services.accept_swap(actor=world.parent_a, swap=swap, now=now)
        swap.refresh_from_db()
        assert swap.status == SwapStatus.ACCEPTED


def test_waiting_for_you_leaves_out_requests_past_their_answer_by_day(
    world: Any, agreed_plan: Any
) -> None:
    from twohomes.schedules.services import waiting_for

    swap = _ask(world, answer_by=date(2027, 2, 28), now=datetime(2027, 2, 20, tzinfo=UTC))
    on_the_day = datetime(2027, 2, 28, 20, tzinfo=UTC)
    assert waiting_for(world.parent_a, on_the_day)["swaps"] == [swap]
    assert waiting_for(world.parent_a, on_the_day + timedelta(hours=5))["swaps"] == []
    assert waiting_for(world.parent_b, on_the_day)["swaps"] == []  # their own request


def test_the_requester_cannot_answer_their_own_request(world: Any, agreed_plan: Any) -> None:
    from django.core.exceptions import PermissionDenied

    swap = _ask(world)
    with pytest.raises(PermissionDenied):
        services.accept_swap(actor=world.parent_b, swap=swap, now=timezone.now())


def test_overlapping_an_accepted_change_is_refused(world: Any, agreed_plan: Any) -> None:
    services.accept_swap(actor=world.parent_a, swap=_ask(world), now=timezone.now())
    with pytest.raises(ValidationError, match="already changed"):
        _ask(world, starts=_when(15, 9), ends=_when(16, 9))
    with pytest.raises(ValidationError, match="make-up time overlaps a change already"):
        _ask(world, starts=_when(21, 9), ends=_when(22, 9), makeup=(_when(15, 9), _when(16, 9)))


def test_make_up_time_taken_meanwhile_blocks_the_acceptance(
    world: Any, agreed_plan: Any, client: Any
) -> None:
    """Two requests wait; the first accepted covers the other's make-up time. Accepting the
    other would give two parents the same hours: it is refused and the calendar still works."""
    waiting = _ask(world, starts=_when(21, 9), ends=_when(22, 9),
                   makeup=(_when(14, 9), _when(15, 9)))
    services.accept_swap(actor=world.parent_a, swap=_ask(world, starts=_when(14, 12),
                                                         ends=_when(14, 18)),
                         now=timezone.now())
    with pytest.raises(ValidationError, match="Another accepted change now covers"):
        services.accept_swap(actor=world.parent_a, swap=waiting, now=timezone.now())
    waiting.refresh_from_db()
    assert waiting.status == SwapStatus.PENDING
    assert Override.objects.count() == 1
    assert _owner(world, _when(14, 15)) == "B"


@pytest.mark.parametrize("changes,message", [
    ({"ends": "2027-03-13T09:00"}, b"must end after it starts"),
    ({"answer_by": "2000-01-01"}, b"cannot be in the past"),
    ({"children": []}, b"This field is required"),
    ({"makeup_starts": "2027-03-21T09:00"}, b"Give both ends of the make-up time"),
    ({"ends": "2028-03-16T18:00"}, b"can last a year at most"),
    ({"starts": "9999-12-31T10:00", "ends": "9999-12-31T23:59"}, b"between 1900 and 2199"),
    ({"starts": "2029-06-01T10:00", "ends": "2029-06-02T10:00"}, b"at most two years ahead"),
    ({"makeup_starts": "2020-01-01T09:00", "makeup_ends": "2020-01-05T09:00"},
     b"make-up time must be in the future"),
    ({"makeup_starts": "2027-03-15T09:00", "makeup_ends": "2027-03-16T09:00"},
     b"cannot overlap the change itself"),
    ({"makeup_starts": "9999-12-31T10:00", "makeup_ends": "9999-12-31T23:00"},
     b"between 1900 and 2199"),
    ({"makeup_starts": "2029-06-01T10:00", "makeup_ends": "2029-06-02T10:00"},
     b"at most two years ahead"),
    ({"starts": "9999-12-31T23:00:00-12:00"}, b"between 1900 and 2199"),
    ({"makeup_starts": "0001-01-01T00:00:00+14:00", "makeup_ends": "2027-03-20T09:00"},
     b"between 1900 and 2199"),
])
def test_swap_form_rejects_bad_input(world: Any, agreed_plan: Any, client: Any,
                                     changes: dict[str, Any], message: bytes) -> None:
    client.force_login(world.parent_b.user)
    form = {"children": [world.linked_child.pk], "starts": "2027-03-14T09:00",
            "ends": "2027-03-15T18:00", "parent": world.parent_b.pk, "reason": "x",
            "answer_by": (date.today() + timedelta(days=1)).isoformat()}
    response = client.post(reverse("swap_new", args=[world.family.pk]), {**form, **changes})
    assert response.status_code == 200
    assert message in response.content
    assert not SwapRequest.objects.exists()


def test_lists_show_open_accepted_and_declined(world: Any, agreed_plan: Any,
                                               client: Any) -> None:
    accepted = _ask(world)
    services.accept_swap(actor=world.parent_a, swap=accepted, now=timezone.now())
    declined = _ask(world, starts=_when(1, 9, 4), ends=_when(2, 9, 4))
    services.decline_swap(actor=world.parent_a, swap=declined, reason="No",
                          now=timezone.now())
    _ask(world, starts=_when(10, 9, 4), ends=_when(11, 9, 4))
    client.force_login(world.parent_a.user)
    page = client.get(reverse("swap_list", args=[world.family.pk])).content.decode()
    waiting, rest = page.split("<h2>Accepted</h2>")
    accepted_part, closed = rest.split("<h2>Declined")
    assert waiting.count("Asked by") == 1
    assert accepted_part.count("Asked by") == 1 and closed.count("Asked by") == 1
