"""What the tone analysis returns: plain, frozen data that the pages put into words."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Level(enum.IntEnum):
    """How a message may land, from the reader's side. Ordered: ``HOSTILE > HEATED``."""

    CALM = 0
    FIRM = 1
    HEATED = 2
    HOSTILE = 3

    @property
    def code(self) -> str:
        return self.name.lower()


class Kind(enum.StrEnum):
    """What a finding is. The values are stable codes (stored with a message)."""

    INSULT = "insult"
    PROFANITY = "profanity"
    SHOUTING = "shouting"
    ABSOLUTE_BLAME = "absolute_blame"
    THREAT = "threat"
    SARCASM = "sarcasm"
    CHILD_MESSENGER = "child_messenger"
    PAST_RELATIONSHIP = "past_relationship"
    CONTEMPT = "contempt"
    COMMAND = "command"
    SHUT_DOOR = "shut_door"


# How much each kind weighs on the level: 3 makes a message hostile on its own, 2 heated.
# A finding may weigh less than its kind (a mild swear word, one capitalised word: 0).
WEIGHT: dict[Kind, int] = {
    Kind.INSULT: 3,
    Kind.THREAT: 3,
    Kind.CONTEMPT: 3,
    Kind.ABSOLUTE_BLAME: 2,
    Kind.SARCASM: 2,
    Kind.CHILD_MESSENGER: 2,
    Kind.PAST_RELATIONSHIP: 2,
    Kind.SHUT_DOOR: 2,
    Kind.SHOUTING: 2,
    Kind.PROFANITY: 2,
    Kind.COMMAND: 2,
}


@dataclass(frozen=True)
class Edit:
    """Replace ``text[start:end]`` with ``replacement``."""

    start: int
    end: int
    replacement: str


@dataclass(frozen=True)
class Finding:
    """One thing in a draft that may hit the reader.

    ``start``/``end`` is the span in the text; ``reason`` says in one sentence why it may
    land badly and ``suggestion`` what to do instead, both in the rules' language;
    ``edits`` is the fix the author can apply with one click (empty when there is none);
    ``quick`` fixes (capitals, swearing, an insult's own words, punctuation) may be applied
    all at once: none of them takes a sentence away.
    ``weight`` is how much it weighs on the level (``WEIGHT``, lowered for a mild word).
    """

    kind: Kind
    start: int
    end: int
    reason: str
    suggestion: str
    edits: tuple[Edit, ...] = ()
    quick: bool = False
    weight: int = 2
    fix: str = ""  # how the edits fix it: "sentence", "words", "case", "punctuation",
    # "ask" (an order asked instead) or "reword" (the absolute word taken out)


@dataclass(frozen=True)
class BiffPart:
    """One of Brief, Informative, Friendly, Firm: met or not, and a hint when not."""

    name: str  # "brief", "informative", "friendly", "firm"
    met: bool
    hint: str


@dataclass(frozen=True)
class Logistic:
    """A practical detail a message carries (a day, a time, a place, an amount)."""

    kind: str  # "day", "time", "place", "amount", "topic"
    text: str  # as written in the message


@dataclass(frozen=True)
class Analysis:
    """What ``analyze`` found. ``supported`` is False when no rules exist for the language:
    then there are no findings and no level, rather than wrong ones."""

    language: str
    supported: bool
    level: Level | None
    findings: tuple[Finding, ...] = ()
    biff: tuple[BiffPart, ...] = ()
    logistics: tuple[Logistic, ...] = ()

    @property
    def kinds(self) -> tuple[Kind, ...]:
        """Each kind found once, heaviest first (as found here), then in order of appearance."""
        seen: dict[Kind, int] = {}
        for finding in self.findings:
            seen[finding.kind] = max(seen.get(finding.kind, 0), finding.weight)
        return tuple(sorted(seen, key=lambda kind: -seen[kind]))


def level_of(findings: tuple[Finding, ...], firm_cue: bool) -> Level:
    """The level a reader would feel: hostile for an insult, a threat or contempt, or for
    three different heated kinds piled up; heated for any heated thing (an order given
    without a reason is one); firm for a businesslike cue; calm otherwise."""
    heaviest = max((f.weight for f in findings), default=0)
    heated_kinds = {f.kind for f in findings if f.weight >= 2}
    if heaviest >= 3 or len(heated_kinds) >= 3:
        return Level.HOSTILE
    if heaviest == 2:
        return Level.HEATED
    if heaviest == 1 or firm_cue:
        return Level.FIRM
    return Level.CALM
