"""The BIFF check (Brief, Informative, Friendly, Firm: the method mediators teach for
writing to a high-conflict co-parent) and the logistics a message carries, for English."""

from __future__ import annotations

import re

from .english import gettext_noop
from .model import BiffPart, Finding, Kind, Logistic
from .text import Sentence

BRIEF_WORDS = 120
MAX_TOPICS = 3
MAX_DETAILS = 12
BRIEF_SENTENCES = 8

DAY = re.compile(
    r"\b(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?s?\b(?!\w)|"
    r"\b(?:today|tonight|tomorrow|this\s+(?:weekend|week|morning|afternoon|evening)|next\s+"
    r"(?:week|weekend|month)|half[\s-]term|spring\s+break|christmas|thanksgiving|easter)\b|"
    r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+\d{1,2}(?:st|nd|rd|"
    r"th)?\b|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|"
    r"apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|"
    r"dec(?:ember)?)\b|\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b|\bthe\s+\d{1,2}(?:st|nd|rd|th)\b",
    re.IGNORECASE)
TIME = re.compile(r"\b\d{1,2}(?::\d{2})?\s?(?:am|pm|a\.m\.|p\.m\.)|\b\d{1,2}:\d{2}\b|"
                  r"\b(?:noon|midday|midnight)\b|\b\d{1,2}\s?o{A}?clock\b".replace("{A}", "[’']"),
                  re.IGNORECASE)
AMOUNT = re.compile(r"[$£€]\s?\d+(?:,\d{3})*(?:\.\d{1,2})?|\b\d+(?:,\d{3})*(?:\.\d{1,2})?\s?"
                    r"(?:dollars|"
                    r"pounds|euros|bucks|quid)\b", re.IGNORECASE)
PLACE = re.compile(
    r"\b(?:at|to|from)\s+(?:the\s+)?(?:school|station|library|park|pool|clinic|hospital|"
    r"dentist|doctor[’']?s|office|gym|rink|field|church|mall|airport|police\s+station|"
    r"(?:[A-Z][a-z]+\s?){1,3}(?:School|Park|Centre|Center|Station|Clinic|Hospital|Street|"
    r"Road|Lane|Avenue|Library|Academy|Pool|Mall))\b")
TOPICS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("pick-up", re.compile(r"\b(?:pick[\s-]?ups?|drop[\s-]?offs?|exchanges?|handovers?|"
                           r"hand[\s-]?offs?|collect(?:ing|ion)?)\b", re.IGNORECASE)),
    ("school", re.compile(r"\b(?:school|teacher|homework|class|term|report\s+card|PTA|IEP)\b",
                          re.IGNORECASE)),
    ("health", re.compile(r"\b(?:doctor|dentist|GP|appointment|medicine|medication|inhaler|"
                          r"fever|therapy|therapist|hospital|ER|A&E|prescription)\b",
                          re.IGNORECASE)),
    ("money", re.compile(r"\b(?:money|pay(?:ment)?|paid|support|fees?|bill|cost|owe[sd]?|"
                         r"reimburse\w*|invoice|tuition)\b", re.IGNORECASE)),
    ("holidays", re.compile(r"\b(?:holiday|vacation|trip|summer|camp|christmas|easter|"
                            r"thanksgiving|half[\s-]term|break)\b", re.IGNORECASE)),
    ("activities", re.compile(r"\b(?:practice|practise|game|match|lesson|recital|football|"
                              r"soccer|swim\w*|dance|ballet|piano|training|club|tournament)\b",
                              re.IGNORECASE)),
)
FRIENDLY = re.compile(r"\b(?:hi|hey|hello|dear|good\s+(?:morning|afternoon|evening)|thanks?|"
                      r"thank\s+you|cheers|appreciate|hope|please|best|kind\s+regards|"
                      r"have\s+a\s+(?:good|great|nice|lovely)|glad|happy\s+to|no\s+worries|"
                      r"sorry|grateful|enjoy)\b", re.IGNORECASE)
CLEAR_ASK = re.compile(r"\b(?:please|can\s+you|could\s+you|would\s+you|will\s+you|let\s+me\s+"
                       r"know|confirm|I\s+(?:will|can|need|propose|suggest|agree|would\s+like)|"
                       r"I{A}?ll|I{A}?d\s+like|by\s+\w+day|by\s+\d)\b".replace("{A}", "[’']"),
                       re.IGNORECASE)
HEDGING = re.compile(r"\b(?:maybe|perhaps|i\s+guess|sort\s+of|kind\s+of|whatever\s+you\s+"
                     r"(?:want|think)|if\s+that{A}?s\s+ok(?:ay)?\s+with\s+you|i\s+don{A}?t\s+"
                     r"know)\b".replace("{A}", "[’']"), re.IGNORECASE)


def biff_check(text: str, parts: list[Sentence], findings: tuple[Finding, ...]) -> tuple[
        BiffPart, ...]:
    """Which of the four the draft meets, with a hint for each it misses."""
    words = len(text.split())
    hostile = any(f.weight >= 2 for f in findings)
    informative = bool(DAY.search(text) or TIME.search(text) or AMOUNT.search(text)
                       or PLACE.search(text))
    return (
        BiffPart("brief", words <= BRIEF_WORDS and len(parts) <= BRIEF_SENTENCES,
                 gettext_noop("Keep to one matter in a few sentences; a long message invites a "
                              "long fight.")),
        BiffPart("informative", informative,
                 gettext_noop("Give the facts the other parent needs: what, when (day and time), "
                              "where.")),
        BiffPart("friendly", bool(FRIENDLY.search(text)) and not hostile,
                 gettext_noop("Open or close kindly: a \"thanks\" or \"hope the week went well\" "
                              "costs nothing and lowers the temperature.")),
        BiffPart("firm", bool(CLEAR_ASK.search(text)) and not HEDGING.search(text)
                 and not any(f.kind is Kind.THREAT for f in findings),
                 gettext_noop("End with one clear request or decision and, if needed, when you "
                              "need an answer.")),
    )


def logistics(text: str) -> tuple[Logistic, ...]:
    """What the message is about (three topics at most) and the days, times, places and
    amounts it names, each as written, in order, once (twelve at most)."""
    found: list[tuple[int, Logistic]] = []
    for kind, pattern in (("day", DAY), ("time", TIME), ("place", PLACE), ("amount", AMOUNT)):
        for match in pattern.finditer(text):
            found.append((match.start(), Logistic(kind, match.group().strip())))
    topics = [Logistic("topic", name) for name, pattern in TOPICS if pattern.search(text)]
    seen: set[str] = set()
    unique = []
    for logistic in [item for _at, item in sorted(found, key=lambda p: p[0])]:
        if logistic.text.lower() not in seen:
            seen.add(logistic.text.lower())
            unique.append(logistic)
    return tuple(topics[:MAX_TOPICS] + unique[:MAX_DETAILS])
