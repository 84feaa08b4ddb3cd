"""The rules for English: the co-parenting language that hits, and what to say instead.

Each rule is a pattern for one kind of finding with its reason, its suggestion and how
its fix is made (leave the sentence out, leave the words out, or none). The patterns are
written for how separated parents actually write to each other, typing on a phone: no
apostrophes ("youre"), "your" for "you're", lower case, British and American words. They
say what hits the reader, not which words look alarming alone: "headache", "killing time",
"dying to see", "lice" or "my lawyer asked me to send the calendar" match nothing.
"""

from __future__ import annotations

from .base import Rule, gettext_noop
from .heat import BLAME, CHILD_MESSENGER, PAST_RELATIONSHIP, SARCASM, SHUT_DOOR
from .hurt import CONTEMPT, INSULTS, THREATS
from .marks import (
    ACRONYMS,
    COMMAND,
    COMMAND_REASON,
    COMMAND_SUGGESTION,
    FIRM_CUE,
    MILD_PROFANITY_REASON,
    MILD_SWEARING,
    NOT_COMMAND,
    NOT_SWEARING,
    PROFANITY_REASON,
    PROFANITY_SUGGESTION,
    REASON_GIVEN,
    SHOUT_REASON,
    SHOUT_SUGGESTION,
    SHOUTED_PUNCTUATION,
    SHOUTED_WORD,
    STRONG_SWEARING,
)

RULES: tuple[Rule, ...] = (INSULTS + THREATS + CONTEMPT + SARCASM + BLAME + CHILD_MESSENGER
                           + PAST_RELATIONSHIP + SHUT_DOOR)

__all__ = [
    "ACRONYMS", "COMMAND", "COMMAND_REASON", "COMMAND_SUGGESTION", "FIRM_CUE",
    "MILD_PROFANITY_REASON", "MILD_SWEARING", "NOT_COMMAND", "NOT_SWEARING", "PROFANITY_REASON",
    "PROFANITY_SUGGESTION", "REASON_GIVEN", "RULES", "SHOUTED_PUNCTUATION", "SHOUTED_WORD",
    "SHOUT_REASON", "SHOUT_SUGGESTION", "STRONG_SWEARING", "Rule", "gettext_noop",
]
