"""Sentences and edits: the language-neutral handling of a draft's text."""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass

from .model import Edit

ENDS = ".!?…"


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int  # after its closing punctuation
    text: str


def sentences(text: str) -> list[Sentence]:
    """The draft's sentences with their spans, leading spaces left out. A sentence ends at
    a run of . ! ? … followed by a space or the end, or at a line break (texting without
    punctuation). One pass over the text, whatever it holds."""
    found: list[Sentence] = []
    start = index = 0
    size = len(text)
    while index < size:
        char = text[index]
        if char == "\n":
            _add(found, text, start, index)
            start = index = index + 1
            continue
        if char in ENDS:
            run = index
            while run < size and text[run] in ENDS:
                run += 1
            if run == size or text[run].isspace():
                _add(found, text, start, run)
                start = run
            index = run
            continue
        index += 1
    _add(found, text, start, size)
    return found


def _add(found: list[Sentence], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if stripped:
        first = start + (len(chunk) - len(chunk.lstrip()))
        found.append(Sentence(first, first + len(stripped), stripped))


def sentence_at(parts: list[Sentence], position: int) -> Sentence | None:
    """The sentence holding ``position`` (``parts`` in order), found by bisection."""
    index = bisect.bisect_right([sentence.start for sentence in parts], position) - 1
    if index >= 0 and parts[index].start <= position < parts[index].end:
        return parts[index]
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
    so fixes chosen together never garble each other. Only the seams the edits leave are
    mended (a doubled space, a space before punctuation, a doubled stop, a sentence that
    now starts in lower case): the rest of the draft stays exactly as its author wrote it."""
    taken: list[Edit] = []
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        if taken and edit.start < taken[-1].end:
            continue
        taken.append(edit)
    out: list[str] = []
    seam = False
    at = 0
    for edit in taken:
        seam = _put(out, text[at:edit.start], seam)
        _put(out, edit.replacement, True)
        seam = True  # what follows an edit meets it at a seam, too
        at = edit.end
    _put(out, text[at:], seam)
    return "".join(out).strip()


def _last_written(out: list[str]) -> str:
    """The last character written that is not a space or a tab ("" if none)."""
    for piece in reversed(out):
        kept = piece.rstrip(" \t")
        if kept:
            return kept[-1]
    return ""


def _put(out: list[str], piece: str, seam: bool) -> bool:
    """Write ``piece``, mending the seam before it if there is one; returns whether a seam
    is still waiting (nothing was written)."""
    if seam and piece:
        if piece[0] in " \t,.!?;:":
            while out and out[-1].endswith((" ", "\t")):
                out[-1] = out[-1].rstrip(" \t")
                if out[-1]:
                    break
                out.pop()
        if piece[:1] == "." and piece[:2] != ".." and _last_written(out) == "." and \
                "".join(out[-1:]).endswith(".") and not "".join(out[-1:]).endswith(".."):
            piece = piece[1:]
        written = _last_written(out)
        if not written:
            piece = piece.lstrip(" \t,")
        if written in ("", "\n", ".", "!", "?"):
            stripped = piece.lstrip()
            if stripped[:1].islower():
                piece = piece[:len(piece) - len(stripped)] + stripped[0].upper() + stripped[1:]
    if not piece:
        return seam
    out.append(piece)
    return False
