"""Countries, regions and currencies are named in the reader's language (ISO's own
translations, shipped with pycountry), each country once."""

from __future__ import annotations

from django.utils import translation

from twohomes.families.choices import (
    country_choices,
    country_name,
    currency_choices,
    subdivision_choices,
)


def test_places_and_currencies_read_in_spanish_for_a_spanish_reader() -> None:
    with translation.override("es"):
        assert country_name("US") == "Estados Unidos"
        assert country_name("DE") == "Alemania"
        assert ("ES", "España") in country_choices()
        assert ("AN", "Andalucía (AN)") in subdivision_choices("ES")
        assert ("USD", "USD — Dólar estadounidense") in currency_choices()
    with translation.override("en"):
        assert country_name("DE") == "Germany"
        assert ("USD", "USD — US Dollar") in currency_choices()


def test_each_country_is_offered_once_by_its_two_letter_code() -> None:
    codes = [code for code, _name in country_choices()]
    assert len(codes) == len(set(codes))
    assert all(len(code) == 2 for code in codes)
    assert {"US", "GB", "MX", "ES"} <= set(codes)


def test_countries_are_in_alphabetical_order_as_a_reader_reads_them() -> None:
    with translation.override("es"):
        names = [name for _code, name in country_choices()]
    # "Österreich"-style accents sort with their letter: Austria's Spanish name comes
    # between Australia and Azerbaiyán, not after Zimbabue.
    assert names.index("Australia") < names.index("Austria") < names.index("Azerbaiyán")
