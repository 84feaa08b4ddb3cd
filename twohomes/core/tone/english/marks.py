"""Marks that need no sentence to hurt: swearing, capitals and runs of ! and ?, orders
given without a reason, and the cues that make a message firm rather than calm."""

from __future__ import annotations

import re

from .base import A, gettext_noop

# Swear words, with the usual masks (f***, sh!t, a$$). Strong ones make a message heated;
# mild ones ("bloody traffic", "damn, I forgot") are noted and leave the level alone.
STRONG_SWEARING = re.compile(
    r"\b(?:f+u+c+k+\w*|f[\*@#!]+c?k\w*|f\*+(?:ing|ed)?|motherf\w+|sh[i!1\*]t\w*|bullsh\w+|"
    r"b[i!\*]tch\w*|cunt\w*|c\*+t|ass-?hole\w*|arse-?hole\w*|a\$\$\w*|dick(?:head)?s?|"
    r"prick|twat|wank\w*|bastard\w*|piss(?:ed|ing)?\s+off|pissed|screw(?:ed)?\s+(?:up|"
    r"you|over)|goddamn\w*|god\s+damn|jackass|dumbass|wtf|stfu|ffs|omfg)\b|"
    r"\bf\*+\b|\bsh\*+\b|\bsh\*t\b|\bf---\b|\b(?:what|where|why|how|who)\s+the\s+"
    r"(?:hell|fuck|f\*+)\b", re.IGNORECASE)
MILD_SWEARING = re.compile(
    r"\bbloody\s+hell\b|\bholy\s+crap\b|"
    r"\b(?:damn\w*|bloody|crap\w*|hell|heck|sod|bugger\w*|freaking|frigging|effing|"
    r"sucks?|arse|arsed|ass)\b|\bthe\s+hell\b|\bfor\s+(?:god|christ|heaven){A}?s?\s+sake\b|"
    r"\bjesus\s+christ\b|\boh\s+my\s+god\b".replace("{A}", A), re.IGNORECASE)
NOT_SWEARING = re.compile(r"\b(?:hell(?:o|p|en)|scunthorpe|sussex|cocktail|dickens|"
                          r"shell|bloody\s+(?:nose|lip|knee|mary)|(?:what|where|how|who)\s+"
                          r"the\s+heck|hell\s+of\s+a\s+(?:job|lot)|sucks?\s+(?:his|her|their)"
                          r"\s+thumb)\b", re.IGNORECASE)

# Capitals that are names, not shouting.
ACRONYMS = frozenset("""
PE ADHD ADD ER ICU GP PTA PTO PTSD ASAP IEP FYI OK OKAY TV ID AM PM USA UK US EU NHS ENT MRI
CT DVD BBQ CEO ETA RSVP STEM SAT SATS ACT GCSE GCSES DMV IRS HMRC CPS DCFS CAFCASS GAL ASD
OCD SEN SENCO SEND NICU EMT RN MD DDS DR MR MRS MS ST NYC LA SF BC NY CA TX FL OT PT SLP
PB PBS ABA EpiPen PDF OMG LOL BTW IDK TBH IMO IIRC TBD TBC AKA YMCA YWCA PS PPS NB IT HR UPS
DHL FEDEX USPS PO EST PST CST GMT UTC BST AC DC HVAC RV SUV ATM PIN ZIP KG CM MM KM MPH
HPV MMR DTAP ESL ELL AP IB SSN NI DOB UTI RSV COVID HIV STD CBT DBT EMDR PCP OB GYN
OBGYN A B C D E F I II III IV V VI VII VIII IX X XI XII Q1 Q2 Q3 Q4 AWOL WIFI
""".split())
SHOUTED_WORD = re.compile(r"\b[A-Z][A-Z']{1,}(?:\s+[A-Z][A-Z']+)*\b")
SHOUTED_PUNCTUATION = re.compile(r"[!?]{2,}")  # shouting when it holds a "?" or is "!!!"
SHOUT_REASON = gettext_noop("Capitals and runs of ! and ? read as shouting, and the reader stops "
                            "listening.")
SHOUT_SUGGESTION = gettext_noop("Write it in ordinary letters, with one full stop or question "
                                "mark.")
PROFANITY_REASON = gettext_noop("Swearing makes a message read as an attack, even when it is not "
                                "meant to.")
PROFANITY_SUGGESTION = gettext_noop("Leave the word out; the message says the same without it.")
MILD_PROFANITY_REASON = gettext_noop("A swear word, even a mild one, can make the message land "
                                     "harder.")

# An order that gives no reason: the sentence starts with a bare verb, has no "please"
# and no "because", "so", "as" or "for". Not orders: "let me know", wishes, thanks.
COMMAND_VERBS = (
    r"(?:bring|be|pack|send|make|get|stop|do|don{A}?t|call|answer|reply|respond|pick|drop|"
    r"take|give|put|return|sign|pay|fill|cancel|change|check|leave|keep|read|come|go|wait|"
    r"confirm|buy|fix|follow|clean|wash|ensure|move|switch|turn|quit|hand|stay|tell|start|"
    r"transfer|book|deal|sort|handle|grow|listen|look|explain|show|never|stick|feed|shut|"
    r"use|pass|arrange|collect|text|email|write|note|have)"
).replace("{A}", A)
# "Pick-up is at 6" and "Make-up time is Sunday" are not orders: the verb stands alone.
COMMAND = re.compile(rf"^(?:and\s+|just\s+|now\s+|so\s+|also\s+|then\s+)?{COMMAND_VERBS}"
                     rf"(?![-\w])", re.IGNORECASE)
NOT_COMMAND = re.compile(
    r"^(?:let\s+me\s+know|have\s+(?:a|an|fun)\b|take\s+care|get\s+well|don{A}?t\s+(?:worry|"
    r"hesitate|forget\s+to\s+have)|do\s+(?:you|u|we|they|I|she|he)\b|be\s+(?:safe|well)\b|"
    r"give\s+(?:them|him|her|the\s+\w+)\s+(?:a\s+)?(?:hug|kiss|love)|go\s+(?:team|\w+s!)|"
    r"call\s+(?:me\s+)?if|text\s+(?:me\s+)?if|feel\s+free|stay\s+(?:warm|dry|safe)|"
    r"check\s+out\b|note\s+that\b|get\s+(?:home|there)\s+safe|keep\s+(?:me\s+)?posted|"
    r"look\s+forward|have\s+(?:you|u|they|we)\b|sign\s+up\b|don{A}?t\s+panic|never\s+mind|"
    r"tell\s+(?:\w+\s+)?(?:I{A}?m|I\s+am|I\s+love|we|goodnight|happy|good\s+luck)|"
    r"\w+\s+(?:is|are|was|were)\b|\w+[\s-](?:up|off|out|in|over)\s+(?:is|are|was|were|"
    r"closes?|opens?|starts?|ends?|times?)\b)".replace("{A}", A),
    re.IGNORECASE)
REASON_GIVEN = re.compile(r"\b(?:please|pls|plz|because|cause|cos|since|as\s+(?:she|he|they|"
                          r"we|I|it|the|per|agreed|discussed)|so\s+(?:that|she|he|they|we|I|"
                          r"it)|in\s+case|otherwise|for\s+(?:her|his|their|the)|thanks|"
                          r"thank\s+you|per\s+the|according\s+to|if\s+(?:you|u)\s+can|"
                          r"when\s+you\s+(?:can|get\s+a\s+chance)|would\s+you|could\s+you|"
                          r"order\s+says|and\s+I{A}?ll|and\s+I\s+will|and\s+we\s+can|if\s+you\s+get\s+a\s+"
                          r"chance|no\s+worries|no\s+rush|if\s+you\s+like|if\s+possible|when\s+you\s+(?:have|"
                          r"get|can))\b|[—:]|"
                          r"\s-\s|"
                          r",\s+(?:it|it{A}?s|she|he|they|we|there|the\s+\w+)\s+(?:is|are|was|"
                          r"will|{A}s|has|have|needs?|gets?|starts?|opens?|closes?|ends?)\b"
                          .replace("{A}", A), re.IGNORECASE)
COMMAND_REASON = gettext_noop("An order with no reason reads as bossing, and invites a refusal.")
COMMAND_SUGGESTION = gettext_noop("Ask, and say why: \"Could you bring her coat? It will be cold "
                                  "at the game.\"")

# Businesslike cues: the level is firm, not calm.
FIRM_CUE = re.compile(
    r"\b(?:per\s+the\s+(?:order|agreement|plan|schedule|parenting\s+plan)|the\s+(?:court\s+)?"
    r"order\s+(?:says|states|requires)|as\s+(?:agreed|ordered)|I\s+(?:need|expect|require)|"
    r"(?:you\s+)?(?:must|need\s+to|have\s+to)|no\s+later\s+than|by\s+(?:monday|tuesday|"
    r"wednesday|thursday|friday|saturday|sunday|tomorrow|tonight|noon|\d)|I\s+will\s+not|"
    r"I\s+won{A}?t|I\s+do\s+not\s+agree|I\s+don{A}?t\s+agree|I\s+cannot\s+agree|I\s+can{A}?t"
    r"\s+agree|not\s+(?:acceptable|agreed)|please\s+(?:confirm|be|make\s+sure|ensure|"
    r"respond|reply|send|return|pay)|my\s+(?:lawyer|attorney|solicitor)|the\s+court|"
    r"mediat\w+|in\s+writing|going\s+forward|from\s+now\s+on)\b".replace("{A}", A),
    re.IGNORECASE)
