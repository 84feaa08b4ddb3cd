"""Where a new family most likely lives, from what the browser says: the region of its
preferred language (``es-MX`` -> Mexico), that country's currency and main time zone.

The browser's own time zone (``Intl``) is filled in by app.js on the page; the zone here is
what a page without JavaScript starts from. Everything is a starting point the parent sees
and can change before the family is created.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib.resources import files

from django.utils.translation.trans_real import parse_accept_lang_header

from .choices import supported_countries, timezone_choices


@dataclass(frozen=True)
class FamilyDefaults:
    timezone: str
    country: str
    currency: str

    def as_initial(self) -> dict[str, str]:
        return {"timezone": self.timezone, "country": self.country, "currency": self.currency}


FALLBACK = FamilyDefaults(timezone="Europe/London", country="GB", currency="GBP")

# ISO 4217 currency of each country with public holidays (holidays package), by ISO 3166
# code, as of 2026 (Bulgaria and Croatia use the euro). Antarctica has none.
_CURRENCIES = """
AD EUR AE AED AF AFN AG XCD AI XCD AL ALL AM AMD AO AOA AR ARS AS USD AT EUR AU AUD AW AWG
AX EUR AZ AZN BA BAM BB BBD BD BDT BE EUR BF XOF BG EUR BH BHD BI BIF BJ XOF BL EUR BM BMD
BN BND BO BOB BQ USD BR BRL BS BSD BT BTN BV NOK BW BWP BY BYN BZ BZD CA CAD CC AUD CD CDF
CF XAF CG XAF CH CHF CI XOF CK NZD CL CLP CM XAF CN CNY CO COP CR CRC CU CUP CV CVE CW XCG
CX AUD CY EUR CZ CZK DE EUR DJ DJF DK DKK DM XCD DO DOP DZ DZD EC USD EE EUR EG EGP EH MAD
ER ERN ES EUR ET ETB FI EUR FJ FJD FK FKP FM USD FO DKK FR EUR GA XAF GB GBP GD XCD GE GEL
GF EUR GG GBP GH GHS GI GIP GL DKK GM GMD GN GNF GP EUR GQ XAF GR EUR GS GBP GT GTQ GU USD
GW XOF GY GYD HK HKD HM AUD HN HNL HR EUR HT HTG HU HUF ID IDR IE EUR IL ILS IM GBP IN INR
IO USD IQ IQD IR IRR IS ISK IT EUR JE GBP JM JMD JO JOD JP JPY KE KES KG KGS KH KHR KI AUD
KM KMF KN XCD KP KPW KR KRW KW KWD KY KYD KZ KZT LA LAK LB LBP LC XCD LI CHF LK LKR LR LRD
LS LSL LT EUR LU EUR LV EUR LY LYD MA MAD MC EUR MD MDL ME EUR MF EUR MG MGA MH USD MK MKD
ML XOF MM MMK MN MNT MO MOP MP USD MQ EUR MR MRU MS XCD MT EUR MU MUR MV MVR MW MWK MX MXN
MY MYR MZ MZN NA NAD NC XPF NE XOF NF AUD NG NGN NI NIO NL EUR NO NOK NP NPR NR AUD NU NZD
NZ NZD OM OMR PA PAB PE PEN PF XPF PG PGK PH PHP PK PKR PL PLN PM EUR PN NZD PR USD PS ILS
PT EUR PW USD PY PYG QA QAR RE EUR RO RON RS RSD RU RUB RW RWF SA SAR SB SBD SC SCR SD SDG
SE SEK SG SGD SH SHP SI EUR SJ NOK SK EUR SL SLE SM EUR SN XOF SO SOS SR SRD SS SSP ST STN
SV USD SX XCG SY SYP SZ SZL TC USD TD XAF TF EUR TG XOF TH THB TJ TJS TK NZD TL USD TM TMT
TN TND TO TOP TR TRY TT TTD TV AUD TW TWD TZ TZS UA UAH UG UGX UM USD US USD UY UYU UZ UZS
VA EUR VC XCD VE VES VG USD VI USD VN VND VU VUV WF XPF WS WST XK EUR YE YER YT EUR ZA ZAR
ZM ZMW ZW ZWG
"""
CURRENCIES: dict[str, str] = dict(zip(_CURRENCIES.split()[::2], _CURRENCIES.split()[1::2],
                                      strict=True))

# A language tag without a region ("de", as Firefox sends it) still says where most of its
# speakers live, for the languages that have one such country. English, Spanish, Arabic and
# the like do not, and fall through to the next language or the fallback.
LANGUAGE_COUNTRY = {
    "bg": "BG", "cs": "CZ", "da": "DK", "de": "DE", "el": "GR", "et": "EE", "fi": "FI",
    "fr": "FR", "he": "IL", "hr": "HR", "hu": "HU", "is": "IS", "it": "IT", "ja": "JP",
    "ka": "GE", "ko": "KR", "lt": "LT", "lv": "LV", "nb": "NO", "nl": "NL", "nn": "NO",
    "no": "NO", "pl": "PL", "pt": "PT", "ro": "RO", "sk": "SK", "sl": "SI", "sv": "SE",
    "th": "TH", "tr": "TR", "uk": "UA", "vi": "VN",
}

# A country's main zone where zone.tab's first one (east- or northmost) is not where most
# people live.
MAIN_ZONES = {
    "AU": "Australia/Sydney", "BR": "America/Sao_Paulo", "CA": "America/Toronto",
    "RU": "Europe/Moscow", "UA": "Europe/Kyiv", "UZ": "Asia/Tashkent",
}


@functools.cache
def _first_zones() -> dict[str, str]:
    table = files("tzdata").joinpath("zoneinfo/zone.tab").read_text(encoding="utf-8")
    zones: dict[str, str] = {}
    for line in table.splitlines():
        if line and not line.startswith("#"):
            country, _, zone = line.split("\t")[:3]
            zones.setdefault(country, zone)
    return zones


def main_zone(country: str) -> str:
    """The time zone most of ``country`` lives in (one the form offers), else the fallback's."""
    zone = MAIN_ZONES.get(country) or _first_zones().get(country, "")
    offered = {name for name, _ in timezone_choices()}
    return zone if zone in offered else FALLBACK.timezone


def _country_of(tag: str) -> str:
    """The holiday country a language tag points to ("es-mx" -> "MX"), or ""."""
    language, *subtags = tag.lower().split("-")
    # The region is the two-letter subtag after the language (and any script: zh-Hant-TW).
    region = next((part.upper() for part in subtags if len(part) == 2 and part.isalpha()), "")
    country = region or LANGUAGE_COUNTRY.get(language, "")
    return country if country in CURRENCIES and country in supported_countries() else ""


def country_from_accept_language(header: str) -> str:
    """The country of the most preferred language that names one, or "" when none does."""
    for tag, _quality in parse_accept_lang_header(header[:500]):
        country = _country_of(tag)
        if country:
            return country
    return ""


def family_defaults(accept_language: str) -> FamilyDefaults:
    """What the new-family form starts from for a browser sending ``accept_language``."""
    country = country_from_accept_language(accept_language)
    if not country:
        return FALLBACK
    return FamilyDefaults(timezone=main_zone(country), country=country,
                          currency=CURRENCIES[country])
