"""Short forms of children's names in the calendar's day cells: never two alike."""

from __future__ import annotations

import pytest

from twohomes.schedules.shortnames import short_names


@pytest.mark.parametrize(("names", "expected"), [
    # Short names stay whole, even when one begins another.
    (["Ada", "Adam", "Ben"], ["Ada", "Adam", "Ben"]),
    (["Amara", "Sofia", "Theo"], ["Ama", "Sof", "Theo"]),
    # Two children with the same initial: three letters tell them apart.
    (["Amara", "Amber"], ["Ama", "Amb"]),
    (["Sofia", "Sophie"], ["Sof", "Sop"]),
    # Longer shared beginnings take as many letters as needed.
    (["Maximilian", "Maxine", "Max"], ["Maxim", "Maxine", "Max"]),
    # Saving a single letter is not worth it: the whole name.
    (["Alexander", "Alexandra"], ["Alexander", "Alexandra"]),
    # One-letter names and initials.
    (["A", "B", "Al"], ["A", "B", "Al"]),
    (["J", "Jonathan"], ["J", "Jon"]),
    # The very same name twice (ignoring case): whole names, numbered.
    (["Sam", "sam"], ["Sam (1)", "sam (2)"]),
    (["Samantha", "Samantha", "Sam"], ["Samantha (1)", "Samantha (2)", "Sam"]),
    # A number that is already someone's short form is skipped.
    (["Sam", "Sam", "Sam (1)"], ["Sam (2)", "Sam (3)", "Sam (1)"]),
    # Never cut just after a space or a hyphen.
    (["Mary Jane", "Mary Ann"], ["Mary J", "Mary A"]),
    (["Jean-Luc", "Jean-Paul", "Jeanne"], ["Jean-L", "Jean-P", "Jeanne"]),
    # An accent typed as a separate mark stays with its letter.
    (["E\u0301lodie", "Emma"], ["\u00c9lo", "Emma"]),
    (["Zoe\u0308", "Zoe"], ["Zo\u00eb", "Zoe"]),
    # Spaces around a name and an empty name.
    (["  Theo  ", ""], ["Theo", "?"]),
    ([], []),
])
def test_short_forms(names: list[str], expected: list[str]) -> None:
    assert short_names(names) == expected


def test_short_forms_never_read_the_same() -> None:
    names = ["Ann", "Anna", "Annabel", "Annabelle", "ANNA", "Anne-Marie", "Anneliese", "An"]
    forms = short_names(names)
    assert len({form.casefold() for form in forms}) == len(names)
    assert forms == ["Ann", "Anna (1)", "Annabel", "Annabelle", "ANNA (2)", "Anne-M",
                     "Annel", "An"]
