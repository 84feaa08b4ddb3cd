"""Member management: no parent can lock another parent out; everything is audited."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from twohomes.families import services
from twohomes.families.models import AuditEvent, MembershipStatus, Role


def test_a_parent_cannot_remove_or_demote_the_other_parent(world: Any, client: Any) -> None:
    client.force_login(world.parent_a.user)
    response = client.post(reverse("remove_member", args=[world.family.pk, world.parent_b.pk]),
                           follow=True)
    assert b"No parent can remove or change another parent" in response.content
    page = client.get(reverse("members", args=[world.family.pk])).content.decode()
    assert page.count("A parent can only leave by their own choice.") == 2
    world.parent_b.refresh_from_db()
    assert world.parent_b.status == MembershipStatus.ACTIVE
    with pytest.raises(ValidationError):
        services.change_member(actor=world.parent_a, member=world.parent_b, role=Role.RELATIVE,
                               children=[], access_ends=None)
    world.parent_b.refresh_from_db()
    assert world.parent_b.role == Role.PARENT


def test_removing_a_relative_ends_their_access_and_is_audited(world: Any, client: Any) -> None:
    client.force_login(world.parent_a.user)
    client.post(reverse("remove_member", args=[world.family.pk, world.relative.pk]))
    world.relative.refresh_from_db()
    assert world.relative.status == MembershipStatus.REMOVED
    event = AuditEvent.objects.get(family=world.family, action="family.member.removed")
    assert "Rita" in event.summary
    client.force_login(world.relative.user)
    assert client.get(reverse("family_home", args=[world.family.pk])).status_code == 404


def test_changing_a_role_is_audited_and_links_children(world: Any, client: Any) -> None:
    client.force_login(world.parent_a.user)
    url = reverse("edit_member", args=[world.family.pk, world.relative.pk])
    response = client.post(url, {"role": Role.PARTNER,
                                 "children": [world.linked_child.pk, world.unlinked_child.pk]})
    assert response.status_code == 302
    world.relative.refresh_from_db()
    assert world.relative.role == Role.PARTNER
    assert world.relative.linked_children.count() == 2
    assert AuditEvent.objects.filter(action="family.member.role_changed").count() == 1
    client.post(url, {"role": Role.PARTNER,  # the same again: nothing to audit
                      "children": [world.linked_child.pk, world.unlinked_child.pk]})
    client.post(url, {"role": Role.PARTNER, "children": [world.linked_child.pk]})
    summaries = list(AuditEvent.objects.filter(action="family.member.role_changed")
                     .values_list("summary", flat=True))
    assert len(summaries) == 2 and "access (partner)" in summaries[0]  # newest first


def test_role_change_to_parent_is_refused(world: Any, client: Any) -> None:
    client.force_login(world.parent_a.user)
    url = reverse("edit_member", args=[world.family.pk, world.relative.pk])
    response = client.post(url, {"role": Role.PARENT, "children": [world.linked_child.pk]})
    assert response.status_code == 200
    assert b"Select a valid choice" in response.content
    world.relative.refresh_from_db()
    assert world.relative.role == Role.RELATIVE


def test_a_parent_may_leave_but_not_the_last_one(world: Any, client: Any) -> None:
    client.force_login(world.parent_a.user)
    client.post(reverse("leave_family", args=[world.family.pk]))
    world.parent_a.refresh_from_db()
    assert world.parent_a.status == MembershipStatus.LEFT
    client.force_login(world.parent_b.user)
    response = client.post(reverse("leave_family", args=[world.family.pk]), follow=True)
    assert b"You are the only parent here" in response.content
    world.parent_b.refresh_from_db()
    assert world.parent_b.status == MembershipStatus.ACTIVE
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert "family.member.left" in actions


def test_audit_list_is_for_parents_and_shows_professional_views(world: Any, client: Any) -> None:
    client.force_login(world.professional.user)
    client.get(reverse("family_home", args=[world.family.pk]))
    client.force_login(world.parent_b.user)
    page = client.get(reverse("audit", args=[world.family.pk]))
    assert page.status_code == 200
    text = page.content.decode()
    assert "Mona (professional) opened the family&#x27;s Today page." in text
    assert "family.professional.viewed" not in text and "/f/" not in text.split("<main", 1)[1]


def test_expire_command_ends_lapsed_access(world: Any) -> None:
    from django.core.management import call_command

    world.professional.expires_at = timezone.now()
    world.professional.save()
    call_command("expire_access")
    world.professional.refresh_from_db()
    assert world.professional.status == MembershipStatus.EXPIRED


def test_a_professionals_last_day_survives_an_unchanged_save(world: Any, client: Any) -> None:
    """Access ends at the midnight after the chosen day, in the family's time zone; the form
    shows that day again, so saving it unchanged does not move the end."""
    world.family.timezone = "America/New_York"
    world.family.save(update_fields=["timezone"])
    last = timezone.localdate() + timedelta(days=20)
    services.change_member(actor=world.parent_a, member=world.professional,
                           role=Role.PROFESSIONAL, children=[], access_ends=last)
    world.professional.refresh_from_db()
    ends = world.professional.expires_at
    assert ends is not None and ends.astimezone(ZoneInfo("America/New_York")).hour == 0
    assert world.professional.last_day == last

    client.force_login(world.parent_a.user)
    url = reverse("edit_member", args=[world.family.pk, world.professional.pk])
    form = client.get(url).context["form"]
    assert form.initial["access_ends"] == last
    client.post(url, {"role": Role.PROFESSIONAL, "access_ends": last.isoformat()})
    world.professional.refresh_from_db()
    assert world.professional.expires_at == ends
    page = client.get(reverse("members", args=[world.family.pk])).content.decode()
    assert f"until the end of {last:%b} {last.day}, {last.year}" in page


def test_an_end_date_with_no_midnight_after_it_is_refused(world: Any, client: Any) -> None:
    client.force_login(world.parent_a.user)
    response = client.post(reverse("edit_member", args=[world.family.pk, world.relative.pk]),
                           {"role": Role.PROFESSIONAL, "access_ends": "9999-12-31"})
    assert response.status_code == 200 and b"before 2200" in response.content
    world.relative.refresh_from_db()
    assert world.relative.role == Role.RELATIVE


@pytest.mark.parametrize(("zone", "last"), [
    # Each the day before the clocks go forward at midnight: the next midnight is 01:00.
    ("America/Santiago", date(2027, 9, 4)),
    ("America/Havana", date(2027, 3, 13)),
    ("Asia/Beirut", date(2027, 3, 27)),
    ("Africa/Cairo", date(2027, 4, 29)),
], ids=lambda value: str(value))
def test_the_last_day_before_a_midnight_clock_change(
    world: Any, client: Any, zone: str, last: date
) -> None:
    world.family.timezone = zone
    world.family.save(update_fields=["timezone"])
    services.change_member(actor=world.parent_a, member=world.professional,
                           role=Role.PROFESSIONAL, children=[], access_ends=last)
    world.professional.refresh_from_db()
    assert world.professional.expires_at.astimezone(ZoneInfo(zone)).hour == 1
    assert world.professional.last_day == last

    client.force_login(world.parent_a.user)
    url = reverse("edit_member", args=[world.family.pk, world.professional.pk])
    assert client.get(url).context["form"].initial["access_ends"] == last


def test_the_member_list_reads_the_database_a_fixed_number_of_times(
    world: Any, client: Any, django_assert_max_num_queries: Any
) -> None:
    from tests.factories import MembershipFactory

    client.force_login(world.parent_a.user)
    url = reverse("members", args=[world.family.pk])
    client.get(url)
    with django_assert_max_num_queries(25) as few:
        client.get(url)
    for _ in range(6):  # more professionals, each with an access end shown
        MembershipFactory(family=world.family, role=Role.PROFESSIONAL,
                          expires_at=timezone.now() + timedelta(days=30))
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url)
