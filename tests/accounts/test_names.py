"""People have names: sign-up asks for one, the name page changes it, and every family the
person is in records the change. Nothing shows an email's local part as a person's name."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from tests.factories import TEST_PASSWORD, MembershipFactory
from twohomes.accounts import services
from twohomes.accounts.models import User
from twohomes.families.models import AuditEvent, MembershipStatus
from twohomes.records.models import LogEntry

BAD_NAMES = [  # (typed name, words of the message shown)
    ("", "Enter your name"),
    ("   ", "Enter your name"),
    ("Nadia\tHaddad", "control characters"),
    ("Nadia\nHaddad", "control characters"),
    ("Nadia\x00", "control characters"),
    ("\u202eNadia", "control characters"),  # right-to-left override: shows "aidaN"
    ("N" * 81, "up to 80 characters"),
]


def _sign_up(client: Client, **fields: str) -> Any:
    data = {"email": "nadia@example.org", "password1": TEST_PASSWORD,
            "password2": TEST_PASSWORD, **fields}
    return client.post(reverse("account_signup"), data)


def _renames(family: Any) -> list[dict[str, Any]]:
    entries = LogEntry.objects.filter(family=family, kind="family.member.renamed")
    return [json.loads(bytes(entry.opening.content)) for entry in entries.order_by("seq")]


def _audit_lines(family: Any) -> list[str]:
    return list(AuditEvent.objects.filter(family=family, action="family.member.renamed")
                .order_by("pk").values_list("summary", flat=True))


def test_sign_up_asks_for_the_name_first_and_states_its_limit(db: Any) -> None:
    page = Client().get(reverse("account_signup")).content.decode()
    label = page.index("Your name, as your family will see it")
    assert label < page.index('name="email"')
    assert 'name="display_name"' in page and 'maxlength="80"' in page
    assert 'autocomplete="name"' in page
    assert "Up to 80 characters." in page


def test_sign_up_keeps_the_name_without_its_spaces(db: Any) -> None:
    response = _sign_up(Client(), display_name="  Nadia Haddad ")
    assert response.status_code == 302
    assert User.objects.get(email="nadia@example.org").display_name == "Nadia Haddad"


@pytest.mark.parametrize(("typed", "words"), BAD_NAMES)
def test_sign_up_with_a_bad_name_says_why_and_creates_nobody(
    db: Any, typed: str, words: str
) -> None:
    response = _sign_up(Client(), display_name=typed)
    assert response.status_code == 200
    assert words in response.content.decode()
    assert not User.objects.filter(email="nadia@example.org").exists()


def test_a_rename_is_recorded_in_every_family_of_the_person(world: Any) -> None:
    alice = world.parent_a
    second = MembershipFactory(family=world.other_family, user=alice.user, role="relative")
    gone = MembershipFactory(user=alice.user, status=MembershipStatus.LEFT)

    services.change_name(actor=alice.user, name="  Alice Rivera ")

    assert User.objects.get(pk=alice.user.pk).display_name == "Alice Rivera"
    assert _renames(world.family) == [{"member": f"member-{alice.pk}", "name": "Alice Rivera"}]
    assert _renames(world.other_family) == [
        {"member": f"member-{second.pk}", "name": "Alice Rivera"}]
    assert _audit_lines(world.family) == ["Alice is now called Alice Rivera."]
    assert _audit_lines(world.other_family) == ["Alice is now called Alice Rivera."]
    # A family the person left is not told.
    assert _renames(gone.family) == [] and _audit_lines(gone.family) == []


def test_the_same_name_again_records_nothing(world: Any) -> None:
    services.change_name(actor=world.parent_a.user, name="Alice ")
    assert _renames(world.family) == [] and _audit_lines(world.family) == []


@pytest.mark.parametrize(("typed", "words"), BAD_NAMES)
def test_a_bad_new_name_changes_nothing(world: Any, typed: str, words: str) -> None:
    with pytest.raises(ValidationError) as refused:
        services.change_name(actor=world.parent_a.user, name=typed)
    assert words.lower() in " ".join(refused.value.messages).lower()
    assert User.objects.get(pk=world.parent_a.user.pk).display_name == "Alice"
    assert _renames(world.family) == [] and _audit_lines(world.family) == []


def test_the_name_page_changes_the_name(world: Any, login: Any) -> None:
    client = login(world.parent_b)
    page = client.get(reverse("change_name")).content.decode()
    assert 'value="Bruno"' in page and "Up to 80 characters." in page
    response = client.post(reverse("change_name"), {"name": "Bruno Okafor"}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("change_name")
    assert "Your families now see you as Bruno Okafor." in response.content.decode()
    assert _renames(world.family) == [
        {"member": f"member-{world.parent_b.pk}", "name": "Bruno Okafor"}]
    audit = login(world.parent_a).get(reverse("audit", args=[world.family.pk]))
    assert "Bruno is now called Bruno Okafor." in audit.content.decode()


@pytest.mark.parametrize(("typed", "words"), BAD_NAMES)
def test_the_name_page_refuses_a_bad_name_and_keeps_the_old_one(
    world: Any, login: Any, typed: str, words: str
) -> None:
    response = login(world.parent_b).post(reverse("change_name"), {"name": typed})
    assert response.status_code == 200
    assert words in response.content.decode()
    assert User.objects.get(pk=world.parent_b.user.pk).display_name == "Bruno"
    assert _renames(world.family) == [] and _audit_lines(world.family) == []


def test_a_member_without_a_name_is_asked_for_one_and_sent_on(world: Any, login: Any) -> None:
    user = world.parent_b.user
    user.email, user.display_name = "sam.new@example.org", ""
    user.save()
    client = login(world.parent_b)
    family_page = reverse("family_home", args=[world.family.pk])

    asked = client.get(family_page)
    assert asked.status_code == 302
    assert asked["Location"] == f"{reverse('change_name')}?next=%2Ff%2F{world.family.pk}%2F"
    page = client.get(asked["Location"]).content.decode()
    assert "What does your family call you?" in page and "sam.new" not in page

    done = client.post(reverse("change_name"), {"name": "Sam Newman", "next": family_page})
    assert done.status_code == 302 and done["Location"] == family_page
    assert client.get(family_page).status_code == 200
    assert _audit_lines(world.family) == [
        "A member who had not given a name yet is now called Sam Newman."]


def test_a_member_without_a_name_can_still_sign_out_and_use_account_pages(
    world: Any, login: Any
) -> None:
    user = world.parent_b.user
    user.display_name = ""
    user.save()
    client = login(world.parent_b)
    assert client.get(reverse("account_email")).status_code == 200
    # A form sent from a page opened before is not lost to a redirect.
    assert client.post(reverse("account_logout")).status_code == 302


def test_nobody_is_named_by_their_email(db: Any) -> None:
    user = User.objects.create_user("sam.new@example.org", TEST_PASSWORD)
    assert user.name == "Unnamed member" and str(user) == "Unnamed member"
    from allauth.account.utils import user_display

    assert user_display(user) == "sam.new@example.org"
    user.display_name = "Sam Newman"
    assert user_display(user) == "Sam Newman"
