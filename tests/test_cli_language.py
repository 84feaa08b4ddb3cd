"""The command line speaks the terminal's language (LC_ALL, LC_MESSAGES, LANG) where
TwoHomes speaks it, else the default."""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import translation

from twohomes.__main__ import main, terminal_language


@pytest.mark.parametrize(("environ", "expected"), [
    ({"LANG": "es_MX.UTF-8"}, "es-mx"),
    ({"LANG": "en_GB.UTF-8"}, "en-gb"),
    ({"LANG": "de_DE.UTF-8", "LC_MESSAGES": "es_ES.UTF-8"}, "es-es"),  # messages win
    ({"LANG": "es_ES.UTF-8", "LC_ALL": "C"}, ""),                        # C is no language
    ({"LANG": "ca_ES.UTF-8@valencia"}, "ca-es"),
    ({}, ""),
])
def test_the_terminals_language_is_read_as_the_locale_variables_say(
    environ: dict[str, str], expected: str
) -> None:
    assert terminal_language(environ) == expected


@pytest.mark.parametrize(("lang", "expected"), [
    ("es_MX.UTF-8", "Finalizaron 0 membresías."),  # Spanish, whichever country
    ("de_DE.UTF-8", "0 membership(s) ended."),      # not spoken here: the default
])
def test_a_command_prints_in_the_terminals_language(
    lang: str, expected: str, db: Any, monkeypatch: Any, capsys: Any
) -> None:
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", lang)
    try:
        assert main(["twohomes", "expire_access"]) == 0
    finally:
        translation.deactivate()
    assert capsys.readouterr().out.strip() == expected
