"""A new family starts from where the browser is: the region of its language and that
country's currency, holidays and main time zone (the browser's own zone is app.js's part)."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.urls import reverse

from twohomes.families.choices import (
    country_choices,
    currency_choices,
    supported_countries,
    timezone_choices,
)
from twohomes.families.models import Family
from twohomes.families.regions import CURRENCIES, family_defaults, main_zone


def _selected(page: str, field: str) -> str:
    select = re.search(rf'<select[^>]*name="{field}"[^>]*>(.*?)</select>', page, flags=re.S)
    assert select, field
    chosen = re.findall(r'<option value="([^"]*)"[^>]*selected', select.group(1))
    assert len(chosen) == 1, (field, chosen)
    return chosen[0]


# (Accept-Language, time zone, country, currency), each looked up by hand.
BROWSERS = [
    ("es-MX,es;q=0.9,en;q=0.8", "America/Mexico_City", "MX", "MXN"),
    ("en-US,en;q=0.9", "America/New_York", "US", "USD"),
    ("fr-CA,fr;q=0.9", "America/Toronto", "CA", "CAD"),
    ("pt-BR", "America/Sao_Paulo", "BR", "BRL"),
    ("en-AU,en;q=0.5", "Australia/Sydney", "AU", "AUD"),
    ("zh-Hant-TW,zh;q=0.8", "Asia/Taipei", "TW", "TWD"),
    ("bg-BG", "Europe/Sofia", "BG", "EUR"),
    # Firefox sends a bare language first: German speakers are in Germany, not the US.
    ("de,en-US;q=0.7,en;q=0.3", "Europe/Berlin", "DE", "EUR"),
    # The most preferred language wins, whatever order the header lists them in.
    ("en-GB;q=0.4,ja-JP;q=0.9", "Asia/Tokyo", "JP", "JPY"),
    # No region anywhere, a region without holidays, or nothing: the site's own defaults.
    ("en", "Europe/London", "GB", "GBP"),
    ("es-419,es;q=0.9", "Europe/London", "GB", "GBP"),
    ("en-ZZ", "Europe/London", "GB", "GBP"),
    ("*", "Europe/London", "GB", "GBP"),
    ("", "Europe/London", "GB", "GBP"),
]


@pytest.mark.parametrize(("header", "zone", "country", "currency"), BROWSERS)
def test_the_new_family_form_starts_from_the_browsers_region(
    world: Any, login: Any, header: str, zone: str, country: str, currency: str
) -> None:
    client = login(world.parent_a)
    page = client.get(reverse("create_family"), HTTP_ACCEPT_LANGUAGE=header).content.decode()
    assert _selected(page, "timezone") == zone
    assert _selected(page, "country") == country
    assert _selected(page, "currency") == currency
    # The regions offered are the chosen country's, for its public holidays.
    assert _selected(page, "subdivision") == ""


def test_a_us_browser_is_offered_the_states_and_its_own_time_zone(
    world: Any, login: Any
) -> None:
    page = login(world.parent_a).get(
        reverse("create_family"), HTTP_ACCEPT_LANGUAGE="en-US").content.decode()
    assert '<option value="IL">' in page  # Illinois, a state with its own holidays
    assert '<option value="ENG">' not in page
    assert re.search(r'<select[^>]*name="timezone"[^>]*data-browser-timezone', page)
    assert "Taken from your browser" in page


def test_a_form_sent_back_with_a_problem_keeps_the_parents_choice(
    world: Any, login: Any
) -> None:
    response = login(world.parent_a).post(reverse("create_family"), {
        "name": "", "timezone": "Asia/Tokyo", "country": "JP", "subdivision": "",
        "currency": "JPY"}, HTTP_ACCEPT_LANGUAGE="es-MX")
    page = response.content.decode()
    assert response.status_code == 200
    assert _selected(page, "timezone") == "Asia/Tokyo" and _selected(page, "country") == "JP"
    # The parent chose: the browser's zone does not overwrite it.
    assert "data-browser-timezone" not in page
    assert not Family.objects.filter(country="JP").exists()


def test_the_family_settings_page_never_takes_the_browsers_zone(
    world: Any, login: Any
) -> None:
    page = login(world.parent_a).get(reverse("family_settings", args=[world.family.pk]),
                                     HTTP_ACCEPT_LANGUAGE="es-MX").content.decode()
    assert "data-browser-timezone" not in page
    assert _selected(page, "country") == "GB" and _selected(page, "timezone") == "Europe/London"


def test_a_family_created_from_a_us_browser_is_in_the_us(world: Any, login: Any) -> None:
    client = login(world.parent_a)
    page = client.get(reverse("create_family"), HTTP_ACCEPT_LANGUAGE="en-US").content.decode()
    form = {field: _selected(page, field) for field in ("timezone", "country", "currency")}
    response = client.post(reverse("create_family"), {**form, "name": "Okafor family",
                                                      "subdivision": "IL"})
    assert response.status_code == 302
    family = Family.objects.get(name="Okafor family")
    assert (family.timezone, family.country, family.subdivision, family.currency) == (
        "America/New_York", "US", "IL", "USD")


def test_every_holiday_country_has_a_currency_and_a_zone_the_form_offers() -> None:
    currencies = {code for code, _ in currency_choices()}
    zones = {name for name, _ in timezone_choices()}
    countries = {code for code, _ in country_choices() if len(code) == 2}
    # Antarctica has no currency; "UK" is the holidays package's alias of GB.
    assert countries - set(CURRENCIES) == {"AQ", "UK"}
    assert set(CURRENCIES) <= set(supported_countries())
    assert set(CURRENCIES.values()) <= currencies
    assert all(main_zone(country) in zones for country in CURRENCIES)
    assert family_defaults("nl-BE").as_initial() == {
        "timezone": "Europe/Brussels", "country": "BE", "currency": "EUR"}
