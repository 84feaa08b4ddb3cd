"""Tools for the translation tests: the catalogue the code asks for, a pseudo-language whose
every word is visibly transformed, and the words a page shows.

The pseudo-language (``en-xa``, English in disguise) replaces each ASCII letter of every
message with an accented one, leaving placeholders, tags and entities alone. A page rendered
in it shows no plain ASCII word that came from a marked string, so a plain word left on it
is one nobody marked, or data (a name, an address) that the checks strip first.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterable, Iterator
from html.parser import HTMLParser
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "twohomes"
SPANISH = PACKAGE / "locale" / "es" / "LC_MESSAGES" / "django.po"
PSEUDO = "en-xa"

_LOWER = "abcdefghijklmnopqrstuvwxyz"
_UPPER = _LOWER.upper()
_DISGUISE = str.maketrans(_LOWER + _UPPER,
                          "ȧƀƈḓḗƒɠħīĵķŀḿƞǿƥɋřşŧŭṽẇẋẏẑ" "ȦƁƇḒḖƑƓĦĪĴĶĿḾȠǾƤɊŘŞŦŬṼẆẊẎẐ")
# What a translation must keep as it is: Python and brace placeholders, tags, entities.
_KEEP = re.compile(r"%\(\w+\)[-#0 +]*\d*(?:\.\d+)?[sdifr]|%[sdifr%]|\{[^{}]*\}|<[^>]*>|&#?\w+;")


def disguise(text: str) -> str:
    """``text`` with every ASCII letter outside a placeholder, tag or entity accented."""
    pieces, last = [], 0
    for kept in _KEEP.finditer(text):
        pieces += [text[last:kept.start()].translate(_DISGUISE), kept.group()]
        last = kept.end()
    pieces.append(text[last:].translate(_DISGUISE))
    return "".join(pieces)


def extract_messages(work: Path) -> polib.POFile:
    """Every message the code marks, as Django's makemessages finds it, in a copy of the
    package (so the project's own catalogues are not touched)."""
    from django.core.management import call_command
    from django.test import override_settings

    copy = work / "twohomes"
    # As `make messages` does: the engines speak no language, but for the export's README.
    skipped = shutil.ignore_patterns("locale", "schedule", "verify.py", "__pycache__",
                                     "static", "*.mo", "*.po")
    shutil.copytree(PACKAGE, copy, ignore=skipped)
    (copy / "locale").mkdir()
    here = Path.cwd()
    os.chdir(copy)
    try:
        with override_settings(LOCALE_PATHS=[]):
            call_command("makemessages", locale=["es"], no_location=True, verbosity=0)
    finally:
        os.chdir(here)
    return polib.pofile(str(copy / "locale" / "es" / "LC_MESSAGES" / "django.po"))


def library_catalogues() -> list[Path]:
    """The English catalogues of Django and the sign-in library: their words show on our
    pages too (form errors, month names, the sign-in pages)."""
    import allauth
    import django

    django_dir = Path(django.__file__).parent
    return [django_dir / "conf" / "locale" / "en" / "LC_MESSAGES" / "django.po",
            django_dir / "contrib" / "auth" / "locale" / "en" / "LC_MESSAGES" / "django.po",
            django_dir / "contrib" / "humanize" / "locale" / "en" / "LC_MESSAGES" / "django.po",
            Path(allauth.__file__).parent / "locale" / "en" / "LC_MESSAGES" / "django.po"]


def write_pseudo_catalogue(ours: polib.POFile, folder: Path) -> Path:
    """A compiled catalogue of the pseudo-language under ``folder`` (a locale path)."""
    pseudo = polib.POFile()
    pseudo.metadata = {"Content-Type": "text/plain; charset=UTF-8",
                       "Plural-Forms": "nplurals=2; plural=(n != 1);"}
    seen: set[tuple[str | None, str]] = set()
    sources: Iterable[polib.POEntry] = list(ours)
    for path in library_catalogues():
        sources = [*sources, *polib.pofile(str(path))]
    for entry in sources:
        key = (entry.msgctxt, entry.msgid)
        if not entry.msgid or key in seen:
            continue
        seen.add(key)
        copy = polib.POEntry(msgctxt=entry.msgctxt, msgid=entry.msgid)
        if entry.msgid_plural:
            copy.msgid_plural = entry.msgid_plural
            copy.msgstr_plural = {0: disguise(entry.msgid), 1: disguise(entry.msgid_plural)}
        else:
            copy.msgstr = disguise(entry.msgid)
        pseudo.append(copy)
    target = folder / "en_XA" / "LC_MESSAGES"
    target.mkdir(parents=True, exist_ok=True)
    pseudo.save(str(target / "django.po"))
    pseudo.save_as_mofile(str(target / "django.mo"))
    return folder


_SHOWN_ATTRIBUTES = {"title", "aria-label", "placeholder", "alt"}
# Not words: scripts, and commands or codes a person copies as they are.
_HIDDEN_ELEMENTS = {"script", "style", "template", "code", "kbd", "samp"}


class _VisibleText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN_ELEMENTS:
            self.hidden += 1
        values = dict(attrs)
        self.texts += [value for name, value in attrs if name in _SHOWN_ATTRIBUTES and value]
        if tag == "input" and values.get("type") in {"submit", "button", "reset"}:
            self.texts.append(values.get("value") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN_ELEMENTS and self.hidden:
            self.hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self.hidden and data.strip():
            self.texts.append(data)


def visible_texts(html: str) -> list[str]:
    """The texts a person sees or hears on a page: text, titles, labels, placeholders."""
    parser = _VisibleText()
    parser.feed(html)
    return parser.texts


# Data a page shows as it is, never a word of ours: addresses, links, time zones, codes.
_DATA = re.compile(
    r"\S+@\S+|(?:https?|webcal)://\S+|/\S*|\b\w+/\w+(?:/\w+)?\b|\b[A-Z]{2,5}\b|\b[0-9a-f]{8,}\b")
_WORD = re.compile(r"[A-Za-z]{2,}")


def plain_words(text: str, allowed: set[str]) -> list[str]:
    """The plain ASCII words in ``text`` that are not data and not in ``allowed``."""
    return [word for word in _WORD.findall(_DATA.sub(" ", text)) if word not in allowed]


def unmarked(texts: Iterable[str], allowed: set[str]) -> Iterator[str]:
    """Each text that shows a plain word: a string nobody marked for translation."""
    for text in texts:
        if plain_words(text, allowed):
            yield " ".join(text.split())
