"""Choice lists for family settings: time zones, holiday countries, currencies."""

from __future__ import annotations

import functools
import zoneinfo

import holidays
import pycountry
from django.utils.functional import Promise
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


def country_name(code: str) -> str:
    country = pycountry.countries.get(alpha_2=code)
    return country.name if country else code


@functools.cache
def country_choices() -> list[tuple[str, str]]:
    return sorted(
        ((code, country_name(code)) for code in supported_countries()), key=lambda c: c[1]
    )


@functools.cache
def subdivision_choices(country: str) -> list[tuple[str, str | Promise]]:
    codes = supported_countries().get(country, [])
    names = {}
    for code in codes:
        sub = pycountry.subdivisions.get(code=f"{country}-{code}")
        names[code] = f"{sub.name} ({code})" if sub else code
    # Cached for every reader: the words stay lazy, drawn in each reader's language.
    none: list[tuple[str, str | Promise]] = [("", _("None (national holidays only)"))]
    return none + sorted(names.items(), key=lambda s: s[1])


@functools.cache
def currency_choices() -> list[tuple[str, str]]:
    return sorted(
        ((c.alpha_3, f"{c.alpha_3} — {c.name}") for c in pycountry.currencies),
        key=lambda c: c[0],
    )
