"""Choice lists for family settings: time zones, holiday countries, currencies."""

from __future__ import annotations

import functools
import gettext
import unicodedata
import zoneinfo

import holidays
import pycountry
from django.utils.functional import Promise
from django.utils.translation import get_language, to_locale
from django.utils.translation import gettext_lazy as _


@functools.cache
def timezone_choices() -> list[tuple[str, str]]:
    names = sorted(
        name for name in zoneinfo.available_timezones()
        if "/" in name and not name.startswith(("Etc/", "SystemV/", "US/", "posix/", "right/"))
    )
    return [(name, name.replace("_", " ")) for name in names]


@functools.cache
def supported_countries() -> dict[str, list[str]]:
    return holidays.list_supported_countries()


@functools.cache
def _iso_catalogue(domain: str, language: str) -> gettext.NullTranslations:
    locale = to_locale(language)
    return gettext.translation(domain, pycountry.LOCALES_DIR, fallback=True,
                               languages=[locale, locale.split("_")[0]])


def _in_words(domain: str, name: str) -> str:
    """An ISO name (a country, a region, a currency) in the reader's language, from the
    translations that come with pycountry."""
    return _iso_catalogue(domain, get_language() or "en").gettext(name)


def _sort_key(choice: tuple[str, str | Promise]) -> str:
    """Alphabetical as a reader expects: "Ávila" beside "Avila", not after "Zamora"."""
    text = unicodedata.normalize("NFKD", str(choice[1]))
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


def country_name(code: str) -> str:
    country = pycountry.countries.get(alpha_2=code)
    return _in_words("iso3166-1", country.name) if country else code


def country_choices() -> list[tuple[str, str]]:
    return _country_choices(get_language() or "en")


@functools.cache
def _country_choices(language: str) -> list[tuple[str, str]]:
    # The package also lists each country under its three-letter code: one entry each.
    return sorted(((code, country_name(code)) for code in supported_countries()
                   if len(code) == 2), key=_sort_key)


def subdivision_choices(country: str) -> list[tuple[str, str | Promise]]:
    return _subdivision_choices(country, get_language() or "en")


@functools.cache
def _subdivision_choices(country: str, language: str) -> list[tuple[str, str | Promise]]:
    codes = supported_countries().get(country, [])
    names: dict[str, str | Promise] = {}
    for code in codes:
        sub = pycountry.subdivisions.get(code=f"{country}-{code}")
        names[code] = f"{_in_words('iso3166-2', sub.name)} ({code})" if sub else code
    none: list[tuple[str, str | Promise]] = [("", _("None (national holidays only)"))]
    return none + sorted(names.items(), key=_sort_key)


def currency_choices() -> list[tuple[str, str]]:
    return _currency_choices(get_language() or "en")


@functools.cache
def _currency_choices(language: str) -> list[tuple[str, str]]:
    return sorted(((c.alpha_3, f"{c.alpha_3} — {_in_words('iso4217', c.name)}")
                   for c in pycountry.currencies), key=lambda c: c[0])
