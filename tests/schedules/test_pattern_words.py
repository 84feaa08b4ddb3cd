"""The plan editor words every pattern the engine knows, in the reader's language."""

from __future__ import annotations

from django.utils import translation

from twohomes.core.schedule import describe_patterns
from twohomes.schedules.forms import PATTERN_WORDS


def test_every_engine_pattern_has_words_that_say_what_the_engine_says() -> None:
    engine = dict(describe_patterns())
    assert set(PATTERN_WORDS) == set(engine)
    with translation.override("en"):
        assert {name: str(words) for name, words in PATTERN_WORDS.items()} == engine


def test_a_pattern_reads_in_spanish_for_a_spanish_reader() -> None:
    with translation.override("es"):
        assert str(PATTERN_WORDS["alternating-weeks"]) == \
            "7-7: una semana con cada progenitor, por turnos"
