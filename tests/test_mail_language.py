"""Each email is in its reader's language, never in the sender's by accident."""

from __future__ import annotations

from typing import Any

from django.utils import translation

from twohomes.mail import reader_language


class Reader:
    def __init__(self, language: str) -> None:
        self.language = language


def test_a_member_reads_their_choice_else_the_default_whatever_the_senders_page() -> None:
    with translation.override("es"):  # the sender's page is in Spanish
        assert reader_language(Reader("en-gb")) == "en-gb"
        assert reader_language(Reader("es")) == "es"
        assert reader_language(Reader("")) == "en"         # no choice: the site's default
        assert reader_language(Reader("klingon")) == "en"  # not offered: the default


def test_an_address_without_an_account_reads_the_senders_language(settings: Any) -> None:
    with translation.override("es"):
        assert reader_language(None) == "es"
    with translation.override("en-gb"):
        assert reader_language(None) == "en-gb"
