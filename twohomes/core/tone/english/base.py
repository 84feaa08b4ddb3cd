"""The words every English rule is made of, the rule itself, and the reasons and
suggestions the pages show (marked for translation)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Kind


def gettext_noop(words: str) -> str:
    """Marks the rules' words for the translation catalogue (the pages translate them when
    they show them); the engines import no Django."""
    return words


A = "[’']"  # either apostrophe
YOU_ARE = rf"(?:you{A}?re|you\s+are|your|ur|u\s+r|you{A}ve\s+been|you\s+have\s+been|you\s+were)"
YOU = r"(?:you|u)"
PERSON = (r"(?:father|dad|daddy|mother|mom|mum|mummy|mommy|parent|man|woman|person|human"
          r"|human being|husband|wife|ex)")
# Said of a person, these insult whoever they are said to.
INSULT_ADJECTIVES = (
    r"(?:pathetic|useless|worthless|hopeless|selfish|lazy|stupid|dumb|incompetent|"
    r"irresponsible|horrible|disgusting|vile|evil|toxic|delusional|deranged|crazy|insane|"
    r"unhinged|psycho|spineless|gutless|clueless|immature|childish|negligent|unfit|"
    r"heartless|cruel|manipulative|vindictive|petty|nasty|pitiful|despicable|a joke|"
    r"a disgrace|an embarrassment|a disappointment|a failure|a liar|a mess|a child|"
    r"a narcissist|a bully|a coward|a deadbeat|a loser|an idiot|a moron|a clown|a fool|"
    r"a joke of a \w+|a waste of (?:space|oxygen|time)|a piece of (?:work|shit|crap)|"
    r"an? (?:sad|poor|pathetic) excuse for an? \w+|the worst|beyond help|"
    r"unbelievably selfish|so selfish|a control freak|a hypocrite|a parasite|a leech|"
    r"a snake|a pig|an animal|trash|garbage|a drunk|an alcoholic|a terrible \w+|"
    r"joke|disgrace|embarrassment|failure|liar|coward|loser|idiot|moron|waste\s+of\s+\w+|"
    r"selfish|useless|lazy|pathetic|hopeless|cheap|spineless|unfit|thick|"
    r"a bad \w+|a lousy \w+|a useless \w+|a lazy \w+|an awful \w+|an absent \w+)")
NAMES = (r"(?:idiot|moron|loser|imbecile|dumbass|jackass|asshole|arsehole|bitch|bastard|git|"
         r"piece\s+of\s+(?:shit|crap|work|garbage|trash)|drunk|cow|slob|waste\s+of\s+space|"
         r"clown|deadbeat|narcissist|psycho|lunatic|hypocrite|liar|coward|parasite|leech|"
         r"dickhead|prick|jerk|twat|witch|retard|fool|joke|disgrace|brat)")


@dataclass(frozen=True)
class Rule:
    kind: Kind
    pattern: re.Pattern[str]
    reason: str
    suggestion: str
    # "sentence": leave it out; "words": leave the match out; "reword": take the absolute
    # word out ("never" -> "didn't"); "": none.
    fix: str = "sentence"
    weight: int | None = None  # None: the kind's own weight


def rule(kind: Kind, pattern: str, reason: str, suggestion: str, fix: str = "sentence",
          weight: int | None = None) -> Rule:
    return Rule(kind, re.compile(pattern, re.IGNORECASE), reason, suggestion, fix, weight)


INSULT_REASON = gettext_noop("Name-calling makes the reader defend themselves instead of reading "
                             "the rest.")
INSULT_SUGGESTION = gettext_noop("Leave out what you think of the person; say what happened and "
                                 "what you need.")
THREAT_REASON = gettext_noop("A threat makes the reader dig in, and a judge reads it as pressure.")
THREAT_SUGGESTION = gettext_noop("Say what you need and by when. If you will go to court, your "
                                 "lawyer can say so; it does not belong in this message.")
SARCASM_REASON = gettext_noop("Sarcasm says the opposite of what it means, and the reader hears "
                              "mockery.")
SARCASM_SUGGESTION = gettext_noop("Say plainly what happened and what you would like next time.")
BLAME_REASON = gettext_noop("Words like \"always\" and \"never\" turn one event into a verdict on "
                            "the person, and the reader will argue with the word.")
BLAME_SUGGESTION = gettext_noop("Name the one time: what happened, when, and what you need now.")
FAULT_REASON = gettext_noop("Putting the fault on the reader makes them defend themselves, and the "
                            "problem itself waits.")
FAULT_SUGGESTION = gettext_noop("Say what happened and what would help now, without deciding "
                                "whose fault it is.")
CHILD_REASON = gettext_noop("Passing adult messages through a child puts them in the middle of "
                            "the conflict.")
CHILD_SUGGESTION = gettext_noop("Write to the other parent yourself, here, and keep the children "
                                "out of it.")
PAST_REASON = gettext_noop("Bringing up the old relationship reopens it; the reader will answer "
                           "that instead.")
PAST_SUGGESTION = gettext_noop("Keep to the children and the matter at hand.")
CONTEMPT_REASON = gettext_noop("Contempt for the other home or a new partner hurts, and the "
                               "children hear it too.")
CONTEMPT_SUGGESTION = gettext_noop("If something there worries you, name the fact and what would "
                                   "put your mind at rest.")
SHUT_REASON = gettext_noop("Shutting the door leaves the reader nowhere to go but a fight.")
SHUT_SUGGESTION = gettext_noop("Give your reason and, if you can, what you could agree to "
                               "instead, or when you can talk about it.")
