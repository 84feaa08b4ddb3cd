"""Dates, weeks and holidays read each reader's way: the expected texts are written by hand
as a reader in each place writes them."""

from __future__ import annotations

import importlib
from datetime import date, datetime

import pytest
from django.conf import settings
from django.utils import translation
from django.utils.formats import date_format

from twohomes.formats import NAMES
from twohomes.schedules.grid import holiday_language, month_bounds, week_start, weekday_headings

EVENING = datetime(2026, 12, 6, 18, 5)  # a Sunday


@pytest.mark.parametrize("locale", ["en", "en_GB", "es"])
def test_every_language_names_every_format(locale: str) -> None:
    module = importlib.import_module(f"twohomes.formats.{locale}.formats")
    assert [name for name in NAMES if not hasattr(module, name)] == []


@pytest.mark.parametrize(("language", "name", "expected"), [
    ("en", "DAY_FORMAT", "December 6, 2026"),
    ("en", "DAY_TIME_SHORT_FORMAT", "Dec 6, 2026, 6:05 PM"),
    ("en", "WEEKDAY_DAY_FORMAT", "Sunday, December 6"),
    ("en", "CLOCK_FORMAT", "6:05 PM"),
    ("en", "YEAR_MONTH_FORMAT", "December 2026"),
    ("en-gb", "DAY_FORMAT", "6 December 2026"),
    ("en-gb", "DAY_TIME_SHORT_FORMAT", "6 Dec 2026, 18:05"),
    ("en-gb", "WEEKDAY_DAY_FORMAT", "Sunday 6 December"),
    ("en-gb", "CLOCK_FORMAT", "18:05"),
    ("es", "DAY_FORMAT", "6 de diciembre de 2026"),
    ("es", "WEEKDAY_DAY_TIME_FORMAT", "domingo 6 de diciembre, 18:05"),
    ("es", "CLOCK_FORMAT", "18:05"),
    ("es", "YEAR_MONTH_FORMAT", "diciembre de 2026"),
])
def test_a_date_reads_the_readers_way(language: str, name: str, expected: str) -> None:
    with translation.override(language):
        assert date_format(EVENING, name) == expected


@pytest.mark.parametrize(("language", "first", "headings"), [
    ("en", date(2026, 12, 6), ("Sunday", "Sun")),      # the week of Wed 9 Dec starts Sun 6
    ("en-gb", date(2026, 12, 7), ("Monday", "Mon")),   # ... and on Mon 7 in the UK
    ("es", date(2026, 12, 7), ("lunes", "lun")),
])
def test_weeks_start_on_the_locales_first_day(
    language: str, first: date, headings: tuple[str, str]
) -> None:
    with translation.override(language):
        assert week_start(date(2026, 12, 9)) == first
        assert week_start(first) == first
        assert weekday_headings()[0] == headings
        assert len(weekday_headings()) == 7


def test_a_month_is_whole_weeks_from_the_locales_first_day() -> None:
    # January 2026 begins on a Thursday and ends on a Saturday.
    with translation.override("en"):
        assert month_bounds(2026, 1) == (date(2025, 12, 28), date(2026, 2, 1))
    with translation.override("es"):
        assert month_bounds(2026, 1) == (date(2025, 12, 29), date(2026, 2, 2))


@pytest.mark.parametrize(("supported", "default", "reader", "expected"), [
    (("en_US", "es", "uk"), "es", "es", "es"),           # Mexico, a Spanish reader
    (("en_US", "es", "uk"), "es", "en", "en_US"),        # Mexico, an English reader
    (("en_US", "es", "uk"), "es", "en-gb", "en_US"),     # no British names: the US ones
    (("en_US", "th"), "en_US", "es", "en_US"),           # the US has no Spanish names
    (("en_GB", "en_US", "th", "ur_PK"), "en_GB", "en", "en_GB"),  # the country's own English
    (("en_GB", "en_US", "th", "ur_PK"), "en_GB", "en-gb", "en_GB"),
    ((), "", "es", ""),                                  # a country without translations
])
def test_holidays_are_named_in_the_closest_language_the_package_has(
    supported: tuple[str, ...], default: str, reader: str, expected: str
) -> None:
    assert holiday_language(supported, default, reader) == expected


def test_every_offered_language_has_its_formats() -> None:
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            assert date_format(EVENING, "DAY_FORMAT") != "DAY_FORMAT"
            assert "2026" in date_format(EVENING, "DAY_FORMAT")
