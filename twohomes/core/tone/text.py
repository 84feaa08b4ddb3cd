"""Sentences and edits: the language-neutral handling of a draft's text."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .model import Edit

# A sentence ends at . ! ? (or a run of them, or an ellipsis) followed by a space, or at a
# line break; a line of its own is a sentence too (texting without punctuation).
_SENTENCE = re.compile(r"[^.!?…\n]*(?:[.!?…]+(?=\s|$)|\n|$)")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int  # after its closing punctuation
    text: str


def sentences(text: str) -> list[Sentence]:
    """The draft's sentences with their spans, leading spaces left out."""
    found = []
    for match in _SENTENCE.finditer(text):
        chunk = match.group()
        stripped = chunk.strip()
        if not stripped:
            continue
        start = match.start() + (len(chunk) - len(chunk.lstrip()))
        found.append(Sentence(start, start + len(stripped), stripped))
    return found


def sentence_at(parts: list[Sentence], position: int) -> Sentence | None:
    for sentence in parts:
        if sentence.start <= position < sentence.end:
            return sentence
    return None


def drop_sentence(text: str, sentence: Sentence) -> Edit:
    """Remove a sentence and the space after it."""
    end = sentence.end
    while end < len(text) and text[end] in " \t":
        end += 1
    if end < len(text) and text[end] == "\n" and (sentence.start == 0
                                                  or text[sentence.start - 1] == "\n"):
        end += 1
    return Edit(sentence.start, end, "")


def drop_words(text: str, start: int, end: int) -> Edit:
    """Remove words from inside a sentence, with one of the spaces around them and a comma
    left hanging (", you idiot," -> ","), keeping the rest readable."""
    while start > 0 and text[start - 1] == " ":
        start -= 1
    if start > 0 and text[start - 1] == "," and end < len(text) and text[end] in ",.!?":
        start -= 1  # "Listen, you idiot, ..." -> "Listen, ..."
    elif start == 0 or text[start - 1] in "\n":
        while end < len(text) and text[end] in " ,":
            end += 1
    return Edit(start, end, "")


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """``text`` with ``edits`` applied; an edit that overlaps one already taken is skipped,
    so fixes chosen together never garble each other."""
    taken: list[Edit] = []
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        if taken and edit.start < taken[-1].end:
            continue
        taken.append(edit)
    out = text
    for edit in reversed(taken):
        out = out[:edit.start] + edit.replacement + out[edit.end:]
    return tidy(out)


def tidy(text: str) -> str:
    """Spaces doubled or left before punctuation by an edit, and a sentence left starting
    in lower case, put right."""
    text = re.sub(r"[ \t]{2,}", " ", text)
    text = re.sub(r" +([,.!?;:])", r"\1", text)
    text = re.sub(r"(?<![.])\.\.(?![.])", ".", text)  # a sentence's own stop, left twice
    text = re.sub(r"^[ ,]+", "", text)
    text = re.sub(r"(^|[.!?]\s+|\n)([a-z])", lambda m: m.group(1) + m.group(2).upper(), text)
    return text.strip()
