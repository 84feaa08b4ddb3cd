"""Every word a person reads is marked for translation, and Spanish has every one.

Two checks, neither trusting the catalogue it checks:
- the pages, rendered in a pseudo-language whose catalogue disguises every letter of every
  marked message (tests/i18n.py), show no plain word but data: a plain word is a string
  nobody marked. The family's own words (names, subjects, titles) are written in Greek
  letters here, so that they are never mistaken for ours;
- the Spanish catalogue holds a real translation of every message the code marks (as
  Django's makemessages finds them in a copy of the code), compiles with
  ``msgfmt --check``, and holds nothing the code no longer asks for.
"""

from __future__ import annotations

import re
import subprocess
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import polib
import pycountry
import pytest
from django.urls import reverse
from django.utils import timezone, translation

from tests.i18n import PSEUDO, SPANISH, extract_messages, unmarked, write_pseudo_catalogue

# Words that read the same in Spanish (a name, a loan word); each checked by hand.
SAME_IN_SPANISH = {"Agenda", "No", "Cheque"}

# Greek names and words for the family's own data: never mistaken for a word of ours.
GREEK = {"parent_a": "Μαρία Ρίβερα", "parent_b": "Δανιήλ Οκάφορ", "partner": "Γκρέις",
         "relative": "Ρόζα", "professional": "Ελένη Μπάρος", "child": "Λέων"}
TEXT = "Καλησπέρα, τα παιδιά είναι έτοιμα."
# Pages that are not pages (a file, a feed, a fragment, an emailed link).
NOT_PAGES = {"calendar_feed", "attachment", "subdivision_options", "invitation",
             "expense_receipt", "expense_export"}
ACCOUNT_PAGES = ["account_email", "account_change_password", "mfa_index", "usersessions_list",
                 "mfa_activate_totp"]


@pytest.fixture(scope="session")
def marked(tmp_path_factory: Any, django_db_setup: Any) -> polib.POFile:
    return extract_messages(tmp_path_factory.mktemp("extracted"))


def _key(entry: polib.POEntry) -> tuple[str | None, str]:
    return entry.msgctxt, entry.msgid


def _has_words(text: str) -> bool:
    """A message with letters outside its placeholders (not just "%(first)s – %(last)s")."""
    return bool(re.search(r"[A-Za-z]", re.sub(r"%\(\w+\)\w|\{[^}]*\}|<[^>]*>", "", text)))


def test_the_code_marks_its_words(marked: polib.POFile) -> None:
    ids = {entry.msgid for entry in marked}
    assert len(ids) > 600
    # A few messages from every corner of the code, found by the extraction itself.
    assert {"Who has the children each night, %(month)s", "Messages"} <= ids


def test_the_spanish_catalogue_compiles_with_msgfmt_check() -> None:
    result = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(SPANISH)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


def test_spanish_translates_every_marked_message(marked: polib.POFile) -> None:
    spanish = {_key(entry): entry for entry in polib.pofile(str(SPANISH))
               if not entry.obsolete}
    missing = []
    for entry in marked:
        found = spanish.get(_key(entry))
        if found is None or "fuzzy" in found.flags:
            missing.append(entry.msgid)
        elif entry.msgid_plural:
            if not found.msgstr_plural or not all(found.msgstr_plural.values()):
                missing.append(entry.msgid)
        elif not found.msgstr or (found.msgstr == entry.msgid and _has_words(entry.msgid)
                                  and entry.msgid not in SAME_IN_SPANISH):
            missing.append(entry.msgid)
    assert not missing, f"{len(missing)} messages lack Spanish: {missing[:20]}"


def test_the_spanish_catalogue_holds_only_what_the_code_asks_for(marked: polib.POFile) -> None:
    asked = {_key(entry) for entry in marked}
    stale = [entry.msgid for entry in polib.pofile(str(SPANISH))
             if not entry.obsolete and _key(entry) not in asked]
    assert not stale, f"Run `make messages`: no longer in the code: {stale[:20]}"


# --- the pseudo-language -----------------------------------------------------------------


@pytest.fixture
def pseudo_language(marked: polib.POFile, tmp_path: Path, settings: Any) -> str:
    folder = write_pseudo_catalogue(marked, tmp_path / "locale")
    settings.LOCALE_PATHS = [folder, *settings.LOCALE_PATHS]
    settings.LANGUAGES = [*settings.LANGUAGES, (PSEUDO, "Pseudo")]
    return PSEUDO


def _family_words(world: Any, agreed_plan: Any) -> dict[str, Any]:
    """The family's own data in Greek letters, one of each thing a page shows."""
    from twohomes.events.services import EventDetails, create_event
    from twohomes.messaging import services as messaging
    from twohomes.schedules import services as schedules

    for persona, name in GREEK.items():
        user = world.membership(persona).user
        user.display_name = name
        user.language = PSEUDO
        user.save(update_fields=["display_name", "language"])
    world.linked_child.name, world.unlinked_child.name = "Άννα", "Βασίλης"
    world.linked_child.save(update_fields=["name"])
    world.unlinked_child.save(update_fields=["name"])
    world.family.name = "Οικογένεια"
    world.family.save(update_fields=["name"])
    agreed_plan.exchange_place = "στο σχολείο"  # "at school", as the parents wrote it
    agreed_plan.save(update_fields=["exchange_place"])
    now = timezone.now()
    zone = ZoneInfo(world.family.timezone)
    tomorrow = timezone.localdate() + timedelta(days=1)
    event = create_event(actor=world.parent_a, now=now, details=EventDetails(
        title="Σχολική γιορτή", starts=datetime.combine(tomorrow, time(17), tzinfo=zone),
        ends=datetime.combine(tomorrow, time(18, 30), tzinfo=zone),
        children=[world.linked_child, world.unlinked_child], location="Σχολείο",
        responsible=world.parent_b, notes=TEXT))
    thread = messaging.start_thread(actor=world.parent_a, now=now,
                                    members=[world.partner, world.professional],
                                    subject="Καλοκαίρι", body=TEXT)
    messaging.send_message(actor=world.parent_b, thread=thread, now=now, body=TEXT)
    # Lines of the audit list: a parent's invitation, a professional's visit.
    from twohomes.families.access import PAGE_WORDS
    from twohomes.families.audit import Said, audit_line
    from twohomes.families.models import Role
    from twohomes.families.services import invite_member

    with translation.override(PSEUDO):  # a new address reads the inviting page's language
        invite_member(actor=world.parent_a, email="giagia@example.org", role=Role.RELATIVE,
                      children=[world.linked_child], base_url="https://twohomes.example",
                      now=now)
    audit_line(world.family, world.professional.user, "family.professional.viewed",
               "%(name)s (professional) %(did)s.", name=GREEK["professional"],
               did=Said(PAGE_WORDS["members"])).save()
    start = datetime.combine(timezone.localdate() + timedelta(days=20), time(9), tzinfo=zone)
    swap = schedules.request_swap(
        actor=world.parent_b, children=[world.linked_child], starts=start,
        ends=start + timedelta(days=2), parent=world.parent_b, reason=TEXT,
        answer_by=date.today() + timedelta(days=5), now=now)
    return {"family_id": world.family.pk, "event_id": event.pk, "thread_id": thread.pk,
            "swap_id": swap.pk, "plan_id": agreed_plan.pk, "child_id": world.linked_child.pk,
            "member_id": world.parent_b.pk}


def _third_party_words(country: str) -> set[str]:
    """Words that come as data from elsewhere: public holidays' and countries' names (from
    the holidays package and ISO 3166, each in the languages they have)."""
    import zoneinfo

    import holidays
    from django.conf import settings

    years = range(date.today().year - 1, date.today().year + 3)
    names = [str(name) for name in holidays.country_holidays(country, years=years).values()]
    for subdivision in holidays.list_supported_countries().get(country, []):
        names += [str(name) for name in holidays.country_holidays(
            country, subdiv=subdivision, years=years).values()]
    names += [country.name for country in pycountry.countries]
    names += [division.name for division in pycountry.subdivisions]
    names += [currency.name for currency in pycountry.currencies]
    names += list(zoneinfo.available_timezones())
    names += [name for _code, name in settings.LANGUAGES]  # each language in its own words
    # The fixture family's first names, in the plan it agreed before the names were Greek.
    names += ["Ada", "Ben", "Alice", "Bruno"]
    return {word for name in names for word in re.findall(r"[A-Za-z]{2,}", name)} | {"TwoHomes"}


def _pages(ids: dict[str, Any]) -> list[tuple[str, str]]:
    from tests.e2e.test_every_page_fits_a_phone import _pages as every_page

    pages = [(name, url) for name, url in every_page(ids) if name not in NOT_PAGES]
    return pages + [(name, reverse(name)) for name in ACCOUNT_PAGES
                    if name not in dict(pages)]


@pytest.mark.parametrize("persona", ["parent_a", "child", "professional", "partner"])
def test_every_page_shows_only_marked_words(
    persona: str, pseudo_language: str, world: Any, agreed_plan: Any, client: Any
) -> None:
    from tests.i18n import visible_texts

    ids = _family_words(world, agreed_plan)
    allowed = _third_party_words(world.family.country)
    client.force_login(world.membership(persona).user)
    problems, opened = [], 0
    for name, url in _pages(ids):
        response = client.get(url, follow=True)
        if response.status_code in (403, 404, 405):
            continue  # not this role's page
        assert response.status_code == 200, f"{name} answered {response.status_code}"
        opened += 1
        html = response.content.decode()
        assert f'lang="{PSEUDO}"' in html, f"{name} is not in the reader's language"
        problems += [f"{name}: {text}" for text in unmarked(visible_texts(html), allowed)]
    assert opened > 10
    assert not problems, "Words not marked for translation:\n" + "\n".join(problems)


SIGNED_OUT_PAGES = ["account_login", "account_signup", "account_reset_password"]


def test_the_signed_out_pages_show_only_marked_words(pseudo_language: str, client: Any) -> None:
    from tests.i18n import visible_texts

    problems = []
    for name in SIGNED_OUT_PAGES:
        response = client.get(reverse(name), headers={"accept-language": PSEUDO})
        assert response.status_code == 200, name
        html = response.content.decode()
        assert f'lang="{PSEUDO}"' in html, f"{name} did not follow the browser's language"
        problems += [f"{name}: {text}" for text in unmarked(visible_texts(html), {"TwoHomes"})]
    assert not problems, "Words not marked for translation:\n" + "\n".join(problems)


def test_the_emails_show_only_marked_words(
    pseudo_language: str, world: Any, agreed_plan: Any, mailoutbox: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    from tests.conftest import plan_choices
    from twohomes.families.models import Role
    from twohomes.families.services import invite_member
    from twohomes.schedules import services as schedules

    with django_capture_on_commit_callbacks(execute=True):
        _family_words(world, agreed_plan)  # a change request: emails to both parents
        schedules.propose_plan(actor=world.parent_a, now=timezone.now(),
                               choices=plan_choices([world.linked_child, world.unlinked_child],
                                                    exchange_place="σχολείο"))
        with translation.override(PSEUDO):  # a new address: the inviting page's language
            invite_member(actor=world.parent_a, email="new@example.org", role=Role.RELATIVE,
                          children=[world.linked_child], now=timezone.now(),
                          base_url="https://twohomes.example")
    allowed = _third_party_words(world.family.country)
    bodies = {message.to[0] + ": " + message.body.split("\n")[0]: message.body
              for message in mailoutbox}
    assert len(bodies) >= 3
    problems = [f"{who}: {text}" for who, body in bodies.items()
                for text in unmarked(body.splitlines(), allowed)]
    assert not problems, "Words not marked for translation:\n" + "\n".join(problems)


def test_the_error_pages_show_only_marked_words(
    pseudo_language: str, world: Any, client: Any
) -> None:
    from django.template.loader import render_to_string

    from tests.i18n import visible_texts

    world.child.user.language = PSEUDO
    world.child.user.save(update_fields=["language"])
    client.force_login(world.child.user)
    not_found = client.get("/no-such-page/")
    refused = client.get(reverse("audit", args=[world.family.pk]))  # parents only
    assert (not_found.status_code, refused.status_code) == (404, 403)
    with translation.override(PSEUDO):
        broken = render_to_string("500.html")
    pages = {"404": not_found.content.decode(), "403": refused.content.decode(), "500": broken}
    problems = [f"{name}: {text}" for name, html in pages.items()
                for text in unmarked(visible_texts(html), {"TwoHomes"})]
    assert not problems, "Words not marked for translation:\n" + "\n".join(problems)
