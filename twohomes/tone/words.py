"""What the tone analysis returns, in the reader's words (the engine speaks no language)."""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from twohomes.core.tone import Kind, Level

LEVELS: dict[Level, Promise] = {
    Level.CALM: pgettext_lazy("tone", "Calm"),
    Level.FIRM: pgettext_lazy("tone", "Firm"),
    Level.HEATED: pgettext_lazy("tone", "Heated"),
    Level.HOSTILE: pgettext_lazy("tone", "Hostile"),
}
LEVEL_MEANING: dict[Level, Promise] = {
    Level.CALM: gettext_lazy("Nothing here should hit the reader."),
    Level.FIRM: gettext_lazy("Clear and businesslike: firm is fine."),
    Level.HEATED: gettext_lazy("The reader may feel pushed or blamed."),
    Level.HOSTILE: gettext_lazy("The reader will likely feel attacked, and answer in kind."),
}
KINDS: dict[Kind, Promise] = {
    Kind.INSULT: gettext_lazy("Name-calling"),
    Kind.PROFANITY: gettext_lazy("Swearing"),
    Kind.SHOUTING: gettext_lazy("Shouting"),
    Kind.ABSOLUTE_BLAME: gettext_lazy("Blame"),
    Kind.THREAT: gettext_lazy("Threat"),
    Kind.SARCASM: gettext_lazy("Sarcasm"),
    Kind.CHILD_MESSENGER: gettext_lazy("A child as messenger"),
    Kind.PAST_RELATIONSHIP: gettext_lazy("The past relationship"),
    Kind.CONTEMPT: gettext_lazy("Contempt"),
    Kind.COMMAND: gettext_lazy("An order without a reason"),
    Kind.SHUT_DOOR: gettext_lazy("A closed door"),
}
# As they read in "This message contains blame and a threat."
CONTAINS: dict[Kind, Promise] = {
    Kind.INSULT: gettext_lazy("name-calling"),
    Kind.PROFANITY: gettext_lazy("swearing"),
    Kind.SHOUTING: gettext_lazy("shouting"),
    Kind.ABSOLUTE_BLAME: gettext_lazy("blame"),
    Kind.THREAT: gettext_lazy("a threat"),
    Kind.SARCASM: gettext_lazy("sarcasm"),
    Kind.CHILD_MESSENGER: gettext_lazy("words passed through a child"),
    Kind.PAST_RELATIONSHIP: gettext_lazy("the past relationship"),
    Kind.CONTEMPT: gettext_lazy("contempt"),
    Kind.COMMAND: gettext_lazy("orders"),
    Kind.SHUT_DOOR: gettext_lazy("a refusal to discuss"),
}
FIXES: dict[str, Promise] = {  # by how the fix works (``Finding.fix``)
    "sentence": gettext_lazy("Leave this sentence out"),
    "case": gettext_lazy("Write it calmly"),
    "punctuation": gettext_lazy("Write it calmly"),
    "ask": gettext_lazy("Ask instead"),
    "reword": gettext_lazy("Say it without “always” or “never”"),
}
LEAVE_OUT: dict[Kind, Promise] = {
    Kind.INSULT: gettext_lazy("Leave it out"),
    Kind.PROFANITY: gettext_lazy("Leave the word out"),
}
BIFF: dict[str, Promise] = {
    "brief": gettext_lazy("Brief"),
    "informative": gettext_lazy("Informative"),
    "friendly": gettext_lazy("Friendly"),
    "firm": pgettext_lazy("BIFF", "Firm"),
}
TOPICS: dict[str, Promise] = {
    "pick-up": gettext_lazy("pick-up"),
    "school": gettext_lazy("school"),
    "health": gettext_lazy("health"),
    "money": gettext_lazy("money"),
    "holidays": gettext_lazy("holidays"),
    "activities": gettext_lazy("activities"),
}


def fix_words(kind: Kind, how: str) -> str:
    """The fix button's words: what it will do to the draft."""
    if how == "words":
        return str(LEAVE_OUT.get(kind, gettext_lazy("Leave it out")))
    return str(FIXES.get(how, gettext_lazy("Leave this sentence out")))


def heads_up(kinds: list[Kind], about: list[str]) -> str:
    """"This message contains blame and a threat. It is about: pick-up." (the details,
    days and times as written, are listed apart)."""
    contains = get_text_list([str(CONTAINS[kind]) for kind in kinds], _("and"))
    line = _("This message contains %(what)s.") % {"what": contains} if kinds else \
        _("This message may be hard to read.")
    if about:
        line += " " + _("It is about: %(topics)s.") % {"topics": ", ".join(about)}
    return line
