"""Short forms of the children's names for the calendar's small day cells.

Plain Python, no Django. A short form is the child's name when it is short, otherwise the
shortest beginning of it (three letters at least) that begins no sibling's name, so two
children's short forms never read the same ("Ama" and "Amb", never "A" and "A").
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Sequence

FULL_UP_TO = 4  # names this long or shorter are shown whole
MIN_PREFIX = 3
_JOINERS = {"\u200d", "\ufe0e", "\ufe0f"}  # zero-width joiner, variation selectors


def _tidy(name: str) -> str:
    return " ".join(unicodedata.normalize("NFC", name).split()) or "?"


def _cut(name: str, length: int) -> int:
    """``length``, moved on past marks that belong to the letter before the cut, and on to a
    letter or digit (a short form never ends in a space, hyphen or bracket)."""
    while length < len(name) and (unicodedata.combining(name[length])
                                  or name[length] in _JOINERS or not name[length - 1].isalnum()):
        length += 1
    return length


def _prefix(name: str, others: list[str]) -> str:
    length = _cut(name, MIN_PREFIX)
    while length < len(name):
        begins = name[:length].casefold()
        if not any(other.startswith(begins) for other in others):
            break
        length = _cut(name, length + 1)
    # A short form that saves one letter or none only makes the name harder to read.
    return name if length >= len(name) - 1 else name[:length]


def _numbered(forms: list[str], names: list[str]) -> list[str]:
    """Whatever still reads the same (siblings of the very same name) becomes the whole name
    and a number: "Sam (1)", "Sam (2)"."""
    counts = Counter(form.casefold() for form in forms)
    result = [names[i] if counts[form.casefold()] > 1 else form for i, form in enumerate(forms)]
    counts = Counter(form.casefold() for form in result)
    taken = {form.casefold() for form in result if counts[form.casefold()] == 1}
    numbers: Counter[str] = Counter()
    for i, form in enumerate(result):
        if counts[form.casefold()] == 1:
            continue
        while True:
            numbers[form.casefold()] += 1
            candidate = f"{form} ({numbers[form.casefold()]})"
            if candidate.casefold() not in taken:
                break
        taken.add(candidate.casefold())
        result[i] = candidate
    return result


def short_names(names: Sequence[str]) -> list[str]:
    """One short form per name, in the same order; no two alike (ignoring case)."""
    tidy = [_tidy(name) for name in names]
    keys = [name.casefold() for name in tidy]
    forms = []
    for i, name in enumerate(tidy):
        others = keys[:i] + keys[i + 1:]
        forms.append(name if len(name) <= FULL_UP_TO else _prefix(name, others))
    return _numbered(forms, tidy)
