"""Family pages: creation, children, what each role sees, safety features on every page."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.urls import reverse
from django.utils import timezone

from twohomes.families.models import Child, Family, Membership, Role

FAMILY_FORM = {"name": "Maple family", "timezone": "America/Chicago", "country": "US",
               "subdivision": "TX", "currency": "USD"}


def test_create_family_makes_the_creator_a_parent(world: Any, client: Any) -> None:
    client.force_login(world.outsider.user)
    response = client.post(reverse("create_family"), FAMILY_FORM)
    family = Family.objects.get(name="Maple family")
    assert response.status_code == 302 and str(family.pk) in response["Location"]
    assert Membership.objects.get(family=family).role == Role.PARENT
    assert (family.timezone, family.country, family.subdivision) == ("America/Chicago", "US", "TX")


@pytest.mark.parametrize("field,value,message", [
    ("timezone", "Mars/Olympus", b"Select a valid choice"),
    ("country", "XX", b"Select a valid choice"),
    ("subdivision", "ZZ", b"is not a region of this country"),
    ("currency", "ABC", b"Select a valid choice"),
    ("name", "", b"This field is required"),
])
def test_create_family_rejects_bad_input(
    field: str, value: str, message: bytes, world: Any, client: Any
) -> None:
    client.force_login(world.outsider.user)
    response = client.post(reverse("create_family"), {**FAMILY_FORM, field: value})
    assert response.status_code == 200
    assert message in response.content
    assert not Family.objects.filter(name=FAMILY_FORM["name"] if field != "name" else "").exists()


def test_subdivision_options_follow_the_country(world: Any, client: Any) -> None:
    client.force_login(world.parent_a.user)
    response = client.get(reverse("subdivision_options"), {"country": "DE"})
    # Named in the reader's language: Bayern is Bavaria in English.
    assert b'value="BY"' in response.content and b"Bavaria (BY)" in response.content


def test_add_child_shows_the_age(world: Any, client: Any) -> None:
    client.force_login(world.parent_a.user)
    today = timezone.localdate()
    birth = today.replace(year=today.year - 7) - timedelta(days=3)
    client.post(reverse("add_child", args=[world.family.pk]),
                {"name": "Nina", "birth_date": birth.isoformat(), "colour": "gold",
                 "pattern": "dots"})
    page = client.get(reverse("family_home", args=[world.family.pk]))
    assert b"Nina" in page.content and b"7 years old" in page.content


def test_editing_a_child_is_audited_once_per_real_change(world: Any, client: Any) -> None:
    from twohomes.families.models import AuditEvent

    client.force_login(world.parent_a.user)
    url = reverse("edit_child", args=[world.family.pk, world.linked_child.pk])
    child = world.linked_child
    form = {"name": child.name, "birth_date": child.birth_date.isoformat(),
            "colour": child.colour, "pattern": child.pattern}
    assert client.post(url, form).status_code == 302
    assert not AuditEvent.objects.filter(action="family.child.changed").exists()
    client.post(url, {**form, "colour": "gold" if child.colour != "gold" else "teal"})
    assert AuditEvent.objects.filter(action="family.child.changed").count() == 1


@pytest.mark.parametrize("form,message", [
    ({"name": "Ada", "birth_date": "2019-01-01"}, b"already in the family"),
    ({"name": "Zed", "birth_date": (date.today() + timedelta(days=2)).isoformat()},
     b"cannot be in the future"),
    ({"name": "Zed", "birth_date": "not a date"}, b"Enter a valid date"),
])
def test_add_child_rejects_bad_input(form: dict[str, str], message: bytes, world: Any,
                                     client: Any) -> None:
    client.force_login(world.parent_a.user)
    before = Child.objects.count()
    response = client.post(reverse("add_child", args=[world.family.pk]),
                           {**form, "colour": "teal", "pattern": "solid"})
    assert message in response.content
    assert Child.objects.count() == before


def test_age_counts_birthdays_exactly() -> None:
    child = Child(name="X", birth_date=date(2016, 2, 29))
    assert child.age_on(date(2026, 2, 28)) == 9
    assert child.age_on(date(2026, 3, 1)) == 10


def test_relative_sees_linked_children_and_nothing_more(world: Any, client: Any) -> None:
    client.force_login(world.relative.user)
    page = client.get(reverse("family_home", args=[world.family.pk])).content
    assert b"Ada" in page
    assert b"Ben" not in page
    assert b"bruno@example.org" not in page and b"Members" not in page
    assert b"Add a child" not in page


def test_parent_home_lists_children_with_ages_and_members_with_roles(
    world: Any, client: Any
) -> None:
    client.force_login(world.parent_a.user)
    page = client.get(reverse("family_home", args=[world.family.pk])).content.decode()
    assert "Ada" in page and "Ben" in page and "years old" in page
    for name, role in [("Bruno", "Parent"), ("Pat", "Partner"), ("Rita", "Relative"),
                       ("Mona", "Professional")]:
        assert name in page and role in page


def test_every_page_has_quick_exit_a_neutral_title_and_a_strict_csp(
    world: Any, client: Any
) -> None:
    client.force_login(world.parent_a.user)
    for url in [reverse("family_home", args=[world.family.pk]), reverse("account_email"),
                reverse("members", args=[world.family.pk]), reverse("create_family")]:
        response = client.get(url)
        html = response.content.decode()
        assert 'id="quick-exit"' in html
        assert "<title>TwoHomes</title>" in html
        csp = response["Content-Security-Policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp
        assert "no-store" in response["Cache-Control"]
        icon = html.split('<link rel="icon" href="')[1].split('"')[0]
        assert finders.find(icon.removeprefix(settings.STATIC_URL)), icon
    client.logout()
    assert 'id="quick-exit"' in client.get(reverse("account_login")).content.decode()


def test_family_switcher_for_someone_in_two_families(world: Any, client: Any) -> None:
    Membership.objects.create(family=world.other_family, user=world.parent_a.user,
                              role=Role.RELATIVE)
    client.force_login(world.parent_a.user)
    page = client.get(reverse("home"))
    assert page.status_code == 200
    assert b"Test family" in page.content and b"Other family" in page.content


def test_settings_change_is_saved_and_audited(world: Any, client: Any) -> None:
    client.force_login(world.parent_a.user)
    response = client.post(reverse("family_settings", args=[world.family.pk]),
                           {**FAMILY_FORM, "name": "Renamed"})
    assert response.status_code == 302
    world.family.refresh_from_db()
    assert world.family.name == "Renamed"
    assert world.family.audit_events.filter(action="family.settings.changed").exists()


def test_account_pages_keep_the_way_back_to_the_family_last_visited(
    world: Any, client: Any
) -> None:
    """Someone in two families sees the one they last opened in the header everywhere."""
    from tests.factories import MembershipFactory, UserFactory

    MembershipFactory(family=world.other_family, user=world.parent_a.user, role=Role.PARENT)
    client.force_login(world.parent_a.user)
    for family in (world.other_family, world.family):
        client.get(reverse("family_home", args=[family.pk]))
        page = client.get(reverse("account_email")).content.decode()
        assert reverse("calendar_month", args=[family.pk]) in page
    client.force_login(UserFactory())  # in no family: no family links
    page = client.get(reverse("account_email")).content.decode()
    assert "/calendar/" not in page


def test_the_shared_field_layout_keeps_hidden_fields_hidden() -> None:
    """A hidden field gets no visible label; its error is still shown and announced."""
    from django import forms
    from django.template.loader import render_to_string

    class Picked(forms.Form):
        name = forms.CharField(label="Your name")
        token = forms.CharField(widget=forms.HiddenInput, label="Token")

    form = Picked(data={"name": "Maya"})
    html = render_to_string("families/_partials/form_fields.html", {"form": form})
    assert '<input type="hidden" name="token"' in html
    assert "Token" not in html and '<label for="id_name">Your name</label>' in html
    assert '<p class="error" role="alert"><strong>Problem:</strong> This field is required.' in html
