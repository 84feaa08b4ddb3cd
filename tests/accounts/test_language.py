"""Each member's language: the browser's until they choose one on their account page,
then theirs on every page, whatever the browser or the other members say."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from twohomes.accounts.models import User


def test_the_browser_language_is_offered_until_one_is_chosen(world: Any, client: Any) -> None:
    client.force_login(world.parent_a.user)
    url = reverse("change_language")
    page = client.get(url, HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.8")
    assert page["Content-Language"] == "en-gb"
    assert "Your browser now asks for English (United Kingdom)." in page.content.decode()
    assert '<option value="" selected>As my browser asks</option>' in page.content.decode()
    assert '<html lang="en-gb">' in page.content.decode()
    answer = client.post(url, {"language": "en"}, HTTP_ACCEPT_LANGUAGE="en-GB")
    assert answer.status_code == 302
    assert User.objects.get(pk=world.parent_a.user.pk).language == "en"
    again = client.get(url, HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.8")  # the choice wins
    assert again["Content-Language"] == "en" and '<html lang="en">' in again.content.decode()
    client.force_login(world.parent_b.user)  # another member keeps their browser's
    assert client.get(url, HTTP_ACCEPT_LANGUAGE="en-GB")["Content-Language"] == "en-gb"


def test_a_language_not_offered_is_refused_and_changes_nothing(world: Any,
                                                               client: Any) -> None:
    client.force_login(world.parent_a.user)
    page = client.post(reverse("change_language"), {"language": "xx"})
    assert page.status_code == 200
    assert "Select a valid choice" in page.content.decode()
    assert User.objects.get(pk=world.parent_a.user.pk).language == ""
    client.post(reverse("change_language"), {"language": ""})  # back to the browser's
    assert User.objects.get(pk=world.parent_a.user.pk).language == ""
