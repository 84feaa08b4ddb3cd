"""The rules for English: the co-parenting language that hits, and what to say instead.

Each rule is a pattern for one kind of finding with its reason, its suggestion and how
its fix is made (leave the sentence out, leave the words out, or none). The patterns are
written for how separated parents actually write to each other, typing on a phone: no
apostrophes ("youre"), "your" for "you're", lower case, British and American words. They
say what hits the reader, not which words look alarming alone: "headache", "killing time",
"dying to see", "lice" or "my lawyer asked me to send the calendar" match nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import Kind


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
         r"dickhead|prick|jerk|twat|cow|witch|retard|fool|joke|disgrace|brat)")


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


def _rule(kind: Kind, pattern: str, reason: str, suggestion: str, fix: str = "sentence",
          weight: int | None = None) -> Rule:
    return Rule(kind, re.compile(pattern, re.IGNORECASE), reason, suggestion, fix, weight)


INSULT_REASON = gettext_noop("Name-calling makes the reader defend themselves instead of reading "
                             "the rest.")
INSULT_SUGGESTION = gettext_noop("Leave out what you think of the person; say what happened and "
                                 "what you need.")
THREAT_REASON = gettext_noop("A threat makes the reader dig in, and a judge reads it as pressure.")
THREAT_SUGGESTION = gettext_noop("Say what you need and by when. If you will go to court, your "
                                 "lawyer can "
                     "say so; it does not belong in this message.")
SARCASM_REASON = gettext_noop("Sarcasm says the opposite of what it means, and the reader hears "
                              "mockery.")
SARCASM_SUGGESTION = gettext_noop("Say plainly what happened and what you would like next time.")
BLAME_REASON = gettext_noop("Words like \"always\" and \"never\" turn one event into a verdict on "
                            "the "
                "person, and the reader will argue with the word.")
BLAME_SUGGESTION = gettext_noop("Name the one time: what happened, when, and what you need now.")
CHILD_REASON = gettext_noop("Passing adult messages through a child puts them in the middle of "
                            "the conflict.")
CHILD_SUGGESTION = gettext_noop("Write to the other parent yourself, here, and keep the children "
                                "out of it.")
PAST_REASON = gettext_noop("Bringing up the old relationship reopens it; the reader will answer "
                           "that instead.")
PAST_SUGGESTION = gettext_noop("Keep to the children and the matter at hand.")
CONTEMPT_REASON = gettext_noop("Contempt for the other home or a new partner hurts, and the "
                               "children hear "
                   "it too.")
CONTEMPT_SUGGESTION = gettext_noop("If something there worries you, name the fact and what would "
                                   "put your "
                       "mind at rest.")
SHUT_REASON = gettext_noop("Shutting the door leaves the reader nowhere to go but a fight.")
SHUT_SUGGESTION = gettext_noop("Give your reason and, if you can, what you could agree to "
                               "instead, or when you can talk about it.")

RULES: tuple[Rule, ...] = (
    # Insults and name-calling, with or without swearing.
    # The words before the insult are one word each, and at most six: a text that repeats
    # them ("such a such a such a …") costs no more than any other (no two readings).
    _rule(Kind.INSULT, rf"\b{YOU_ARE}\s+(?:(?:so|such|really|just|truly|absolute|complete|"
                       rf"completely|total|totally|real|utter|unbelievably|most|the|nothing|"
                       rf"but|still|being|acting|like|literally|an?|f\w*ing|bloody|f\*+ing|damn|"
                       rf"selfish,?|lazy,?|useless,?)\s+){{0,6}}{INSULT_ADJECTIVES}\b",
          INSULT_REASON, INSULT_SUGGESTION),
    _rule(Kind.INSULT, rf"\b(?:you|u|that|this|the|your)\s+(?:(?:stupid|useless|pathetic|lazy|"
                       rf"selfish|fucking|bloody|absolute|complete|total|lying|sad|little|cheap|"
                       rf"f\*+ing|selfish,|lazy,|\w+ing)\s+){{0,3}}{NAMES}s?\b(?!\s+(?:of\s+)?"
                       rf"(?:at|in|from)\s+school)",
          INSULT_REASON, INSULT_SUGGESTION, fix="words"),
    _rule(Kind.INSULT, rf"\b(?:such|what)\s+an?\s+(?:(?:absolute|complete|total|useless|"
                       rf"pathetic|selfish)\s+)*{NAMES}\b",
          INSULT_REASON, INSULT_SUGGESTION),
    _rule(Kind.INSULT, rf"\bwhat\s+(?:kind|sort|type)\s+of\s+(?:a\s+)?{PERSON}\b|"
                       rf"(?:^|(?<=[.!?]\s))(?:useless|pathetic|unbelievable|disgusting|"
                       rf"spineless|selfish|hopeless|clueless|shameful|disgraceful|gutless|"
                       rf"typical\s+deadbeat)[.!]|\b(?:too|so)\s+(?:thick|stupid|dumb|lazy|"
                       rf"selfish|useless|incompetent|self-absorbed)\s+to\b|\b(?:a|some)\s+"
                       rf"(?:grown|grown-up)\s+(?:man|woman|adult)\s+who\s+can{A}?t\b|\b"
                       rf"(?:he|she|your\s+(?:dad|father|mum|mom|mother))(?:{A}s|\s+is)\s+(?:a|"
                       rf"an|such\s+a)\s+(?:\w+\s+)?(?:embarrassment|joke|disgrace|idiot|loser|"
                       rf"piece\s+of\s+(?:work|shit)|waste\s+of\s+space|liar|creep)\b|\b(?:dad|"
                       rf"father|mum|mother|mom)\s+is\s+(?:too|so)\s+(?:selfish|lazy|useless)\b|"
                       rf"\byou\s+(?:pathetic|sad|spineless|useless|lazy|selfish|nasty|"
                       rf"vile)\s+(?:little\s+)?(?:man|woman|boy|girl|creature|person)\b|"
                       rf"(?:^|(?<=[.!?]\s))(?:clown|idiot|loser|joke|moron|coward|liar|"
                       rf"pathetic|unbelievable|muppet|fool)\s*[.!]|\bnot\s+fit\s+to\s+be\s+an?\s+"
                       rf"{PERSON}\b|\byou\s+(?:utter|absolute|complete|total)\s+(?:\w+\s+)?"
                       rf"{NAMES}\b|\byou\s+\w+\s+(?:bastard|bitch|cow|git|idiot|moron|"
                       rf"slob|prick|twat)\b",
          INSULT_REASON, INSULT_SUGGESTION),
    _rule(Kind.INSULT, rf"\b(?:useless|pathetic|worthless|deadbeat|lazy|selfish|incompetent|"
                       rf"negligent|terrible|awful|lousy|sorry\s+excuse\s+for\s+a|pitiful|"
                       rf"poor\s+excuse\s+for\s+a|joke\s+of\s+a|absent|so-called)\s+{PERSON}\b",
          INSULT_REASON, INSULT_SUGGESTION),
    _rule(Kind.INSULT, r"\b(?:f+u+c+k+|screw|f\*+k?)\s+(?:you|u|off)\b|\bgo\s+to\s+hell\b|"
                       r"\bpiss\s+off\b|\bshut\s+up\b|\bget\s+a\s+(?:life|grip|brain)\b|"
                       r"\bgrow\s+(?:the\s+\w+\s+)?up\b|\bget\s+lost\b|\bdrop\s+dead\b|"
                       r"\bsod\s+off\b|\bbite\s+me\b|\bgo\s+f\w*\s+yourself\b",
          INSULT_REASON, INSULT_SUGGESTION),
    _rule(Kind.INSULT, rf"\b(?:no|any)\s+(?:real|decent|good|normal|loving)\s+{PERSON}\s+"
                       rf"(?:would|could)\b|\b(?:you|u)\s+(?:disgust|sicken)\s+me\b|"
                       rf"\bhow\s+(?:stupid|dumb|selfish|useless|pathetic|lazy)\s+(?:can|are)"
                       rf"\s+(?:you|u)\b|\bsomething\s+wrong\s+with\s+you\b|"
                       rf"\b(?:you|u)\s+(?:can{A}?t|cannot)\s+(?:even\s+)?(?:do|manage|handle|"
                       rf"get)\s+(?:one|a\s+single|the\s+simplest|anything)\b",
          INSULT_REASON, INSULT_SUGGESTION),

    # Threats, ultimatums and the law used as a weapon.
    _rule(Kind.THREAT, r"\bor\s+else\b|\b(?:you{A}?ll|you\s+will|ur\s+gonna|you{A}?re\s+going"
                       r"\s+to|you\s+are\s+going\s+to)\s+(?:regret|be\s+sorry|pay\s+for|see"
                       r"\s+what\s+happens)|\b(?:last|final)\s+warning\b|\bsee\s+you\s+in"
                       r"\s+court\b|\bdon{A}?t\s+(?:test|push)\s+me\b|\bwatch\s+(?:yourself|"
                       r"your\s+back)\b|\bthere\s+will\s+be\s+consequences\b|\bconsequences"
                       r"\b".replace("{A}", A),
          THREAT_REASON, THREAT_SUGGESTION),
    _rule(Kind.THREAT, rf"\b(?:my|a|the)\s+(?:lawyer|attorney|solicitor|barrister)\s+(?:will|"
                       rf"is\s+going\s+to|{A}?ll|shall|would\s+love\s+to|is\s+gonna)\s+"
                       rf"(?:hear|be\s+hearing|know|deal\s+with\s+you|love|be\s+told|find\s+"
                       rf"out|want\s+a\s+word|have\s+a\s+field\s+day)|\b(?:lawyer|solicitor|"
                       rf"attorney|judge|court|magistrate)\s+would\s+be\s+(?:very\s+|really\s+|"
                       rf"most\s+)?interested\b|\b(?:hate|love)\s+for\s+(?:a|the)\s+(?:judge|"
                       rf"court|magistrate)\b|\bexplain\s+(?:it\s+|that\s+|this\s+)?to\s+the\s+"
                       rf"(?:judge|court|magistrate)\b|\bhear(?:ing)?\s+from\s+my\s+(?:lawyer|"
                       rf"attorney|solicitor)\b",
          THREAT_REASON, THREAT_SUGGESTION),
    _rule(Kind.THREAT, rf"\b(?:I{A}?ll|I\s+will|I{A}?m\s+going\s+to|I\s+am\s+going\s+to|I{A}?m"
                       rf"\s+gonna|I\s+shall|I\s+won{A}?t\s+hesitate\s+to|I\s+have\s+no\s+"
                       rf"choice\s+but\s+to|I{A}?m|I\s+am|I{A}?d|I\s+would)\s+(?:be\s+)?"
                       rf"(?:(?:straight|immediately|happily|definitely|seriously|then|just)"
                       rf"\s+)?(?:fil(?:e|ing)\s+(?:for|a|an|with)|tak(?:e|ing)\s+(?:you|this|"
                       rf"it|him|her|the\s+matter)\s+(?:back\s+)?to\s+court|go(?:ing)?\s+"
                       rf"(?:back\s+)?to\s+(?:court|the\s+(?:judge|court|police))|call(?:ing)?"
                       rf"\s+(?:my\s+lawyer|the\s+police|the\s+cops|cps|social\s+services)|"
                       rf"report(?:ing)?\s+you|mak(?:e|ing)\s+sure\s+(?:you|u)\s+(?:never|"
                       rf"don{A}?t|won{A}?t|lose|regret|pay)|"
                       rf"(?:go(?:ing)?\s+for|seek(?:ing)?|ask(?:ing)?\s+for|"
                       rf"apply(?:ing)?\s+for|get(?:ting)?)\s+(?:full|sole|primary)\s+custody|"
                       rf"stop(?:ping)?\s+(?:you|your|the\s+visits|contact|paying)|"
                       rf"withhold(?:ing)?|keep(?:ing)?\s+(?:the\s+(?:kids|children)|them|"
                       rf"him|her)\s+(?:from|away)|cut(?:ting)?\s+(?:you\s+)?off|"
                       rf"tell(?:ing)?\s+the\s+(?:judge|court)|inform(?:ing)?\s+the\s+court|"
                       rf"contact(?:ing)?\s+my\s+(?:lawyer|attorney|solicitor)|"
                       rf"involv(?:e|ing)\s+(?:my\s+lawyer|the\s+court|the\s+police)|"
                       rf"ruin\s+you|destroy\s+you|make\s+your\s+life)",
          THREAT_REASON, THREAT_SUGGESTION),
    _rule(Kind.THREAT, rf"\b(?:you{A}?ll|you\s+will|you{A}?re\s+not\s+going\s+to|you\s+won{A}?t"
                       rf")\s+(?:never\s+)?(?:see|get)\s+(?:them|the\s+(?:kids|children)|him|"
                       rf"her|(?-i:[A-Z][a-z]+))\s+(?:again|ever|for\s+a\s+long)|\b(?:shame|pity)"
                       rf"\s+if\s+(?:the\s+)?(?:judge|court|lawyer|police|cps)\b|\bthe\s+"
                       rf"(?:judge|court)\s+(?:will|would|is\s+going\s+to)\s+(?:hear|see|"
                       rf"know|love|be\s+(?:very\s+)?interested)|\bfull\s+custody\s+if\b|"
                       rf"\bif\s+you\s+(?:ever\s+)?.{{0,60}}\b(?:again|one\s+more\s+time)\b.{{0,"
                       rf"40}}\b(?:court|lawyer|police|custody|judge)\b|\bthink\s+(?:very\s+)?"
                       rf"(?:carefully|twice)\s+before\b|\bi{A}?m\s+(?:documenting|recording|"
                       rf"keeping\s+(?:a\s+)?(?:record|screenshots|track))\s+(?:of\s+)?"
                       rf"(?:everything|all\s+of\s+this|this)\b",
          THREAT_REASON, THREAT_SUGGESTION),

    _rule(Kind.THREAT, rf"\bor\s+(?:it|this|that|I|we)\s+(?:goes|go|will\s+go|{A}?ll\s+go|"
                       rf"am\s+going|{A}?m\s+going)\s+(?:straight\s+)?(?:to\s+)?(?:court|"
                       rf"the\s+(?:judge|police|court)|legal)|\b(?:I{A}?ll|I\s+will|I{A}?m\s+"
                       rf"going\s+to)\s+(?:go\s+)?(?:straight\s+)?(?:to\s+court|have\s+you\s+"
                       rf"(?:arrested|charged|removed|served)|call\s+the\s+police|report\s+"
                       rf"(?:it|this|that|you)|make\s+sure\s+(?:she|he|they|the\s+(?:kids|"
                       rf"children|judge|court))\s+(?:knows?|hears?|finds?\s+out))|\btry\s+"
                       rf"me\b|\bkeep\s+(?:it|this|that)\s+up\s+and\b|\bsee\s+what\s+the\s+"
                       rf"(?:judge|court|police|magistrate)\s+(?:thinks|says|makes)|\b(?:won{A}?t"
                       rf"|will\s+not|isn{A}?t|is\s+not|aren{A}?t|are\s+not)\s+(?:be\s+)?"
                       rf"(?:coming|going)\s+to\s+(?:you|yours|your\s+(?:place|house|flat))\b"
                       rf"[^.!?\n]{{0,40}}\b(?:if|unless|until|at\s+half|this|next|for)\b|"
                       rf"\b(?:lawyer|attorney|solicitor)\s+(?:gets|will\s+get|is\s+getting)\s+"
                       rf"involved\b|\b(?:not\s+another|no\s+more)\s+(?:penny|cent|dime|pound|"
                       rf"dollar)\b[^.!?\n]{{0,40}}\b(?:until|unless)\b",
          THREAT_REASON, THREAT_SUGGESTION),

    _rule(Kind.THREAT, r"\bhow\s+you\s+want\s+to\s+play\s+this\b|\bsee\s+what\s+happens\b|"
                       r"\bpush\s+me\s+(?:on\s+this|any\s+further|again)\b|\b(?:have|get)\s+"
                       r"your\s+(?:contact|access|visits|time|weekends|overnights)\s+"
                       r"(?:suspended|stopped|reduced|cut|taken|removed)|\b(?:the\s+)?"
                       r"(?:\w+\s+)?(?:visits|contact|weekends|overnights)\s+(?:stop|end|will\s+"
                       r"stop|are\s+over)\b|\bmake\s+sure\s+(?:everyone|he|she|they|you)\s+"
                       r"(?:never|knows?|at)\b|\bor\s+I\s+go\s+to\b|\byou\s+have\s+until\b"
                       r"[^.!?\n]{0,60}[.!]?\s*(?:after\s+that|otherwise|or)\b",
          THREAT_REASON, THREAT_SUGGESTION),

    # Sarcasm and mockery.
    _rule(Kind.SARCASM, r"\bfor\s+once\b|\b(?:father|dad|mother|mom|mum|parent)\s+of\s+the\s+"
                        r"year\b|\bthanks\s+(?:so\s+much\s+|a\s+lot\s+|a\s+bunch\s+)?for\s+"
                        r"nothing\b|\bthanks\s+(?:so\s+much|a\s+lot|a\s+bunch|for\s+the\s+"
                        r"(?:heads\s+up|notice|warning))\b.{0,40}(?:minutes?|hours?|last|"
                        r"notice|warning|before)|\b(?:nice|good|kind|great|lovely|big)\s+of"
                        r"\s+you\s+to\s+(?:finally|actually|bother|show|remember|grace|let\s+"
                        r"me\s+know)|\b(?:glad|nice|good)\s+(?:to\s+see\s+)?you\s+(?:could|"
                        r"finally)\s+(?:make\s+it|join|fit|bother|remember|show)|\bmust\s+be"
                        r"\s+nice\b|\bhow\s+(?:convenient|generous|thoughtful|considerate|"
                        r"kind|sweet|noble|brave)\s+of\s+you\b|\bwhat\s+a\s+(?:surprise|"
                        r"shock|shocker)\b|\bsurprise,?\s+surprise\b|\bshock(?:er|ing)\b[.!]"
                        r"|\bcongrat(?:ulation)?s\s+on\s+(?:finally|remembering|showing|"
                        r"actually|being)|\bwell\s+done\s+(?:for|on)\s+(?:finally|remembering"
                        r"|showing|actually)|\bgold\s+star\b|\bround\s+of\s+applause\b|"
                        r"\b(?:real|very|so)\s+mature\b|\bwho\s+knew\b|\bwow,?\s+(?:just\s+)?"
                        r"wow\b|\boh\s+(?:great|wonderful|perfect|brilliant|fantastic|good|"
                        r"joy|lovely)\b|\b(?:i{A}?m|i\s+am)\s+(?:so\s+)?(?:honou?red|"
                        r"flattered|touched)\b|\bfinally\s+(?:decided|remembered|bothered|"
                        r"found\s+time)\b|\b(?:clearly|obviously)\s+(?:your|you{A}?re|you\s+"
                        r"are|you\s+have|the)\s+\w*\s*(?:more\s+important|too\s+busy|"
                        r"priorit)|\bsorry\s+to\s+(?:interrupt|bother)\s+your\s+(?:busy|"
                        r"social|new|important)|\bi{A}?m\s+sure\s+(?:you\s+were|you{A}?re|it\s+"
                        r"was)\s+(?:very|so|terribly|really)\s+(?:busy|important|hard)|"
                        r"\bhope\s+(?:it|the\s+\w+|your\s+\w+)\s+was\s+worth\s+it\b|"
                        r"\bfunny\s+how\b|\bamazing\s+how\b|\bbless\s+(?:you|your\s+heart)\b|"
                        r"\bno\s+pressure\s+though\b|\bslow\s+clap\b|\b(?:right|sure),?\s+"
                        r"because\b|\bthe\s+(?:great|wonderful|perfect)\s+(?:father|mother|"
                        r"dad|mum|mom|parent)\b|\bas\s+if\s+(?:you|that)\b|"
                        r"\b(?:bravo|brilliant|genius)\b[.!]|\bgenius\s+(?:move|idea|plan)\b|\bvery\s+"
                        r"(?:age[\s-]appropriate|responsible|mature|grown[\s-]up|considerate|"
                        r"adult|helpful|classy)\s*[.!]|(?:^|[.!?]\s+)(?:great|brilliant|perfect|"
                        r"wonderful|fantastic|lovely|awesome|super|marvellous|terrific),\s+"
                        r"(?:so\s+|now\s+|another|just|you)\b|\boh\s+(?:wait|sure|right|"
                        r"look)\b|\b(?:throw|give|get|buy)\s+you\s+an?\s+(?:parade|medal|"
                        r"trophy|award|cake|cookie|biscuit|prize)\b|\b(?:get|bake|order)\s+"
                        r"(?:a|you\s+a)\s+cake\b|\bwant\s+a\s+(?:medal|trophy|cookie|gold\s+"
                        r"star|pat\s+on\s+the\s+back)\b|\bI{A}?ll\s+just\s+(?:magic|conjure|"
                        r"pull|print|grow)\b|\bputs?\s+up\s+with\s+your\b|\bdon{A}?t\s+worry"
                        r"(?:,\s+|\s+though,?\s+)(?:he|she|they|it)\s+only\b|\bhell\s+of\s+a"
                        r"\s+job\b|\bactually\s+in\s+charge\b|\bclearly\s+(?:don{A}?t|"
                        r"doesn{A}?t|aren{A}?t|isn{A}?t|can{A}?t|never|too|more)\b|"
                        r"(?:^|[.!?]\s+)(?:priorities|real\s+progress|classy|charming|"
                        r"lovely\s+stuff|nice\s+one|nice\s+try|good\s+one|cute|impressive|"
                        r"lovely)\s*[.!]|\b(?:really|so|truly)\s+appreciated?\s+(?:finding\s+"
                        r"out|hearing|being\s+told|learning)\b|\blet{A}?s\s+see\s+if\s+"
                        r"(?:he|she|they|you|it)\b|\bwow,?\s+(?:you|u)\s+(?:actually|finally|"
                        r"made|remembered|managed|showed|found)\b|\bthanks\s+(?:so\s+much\s+"
                        r"|a\s+lot\s+)?for\s+letting\s+me\s+know\b[^.!?\n]{0,60}\b(?:really|"
                        r"finding\s+out|from\s+(?:his|her|their|the)|after|late|days?|weeks?)\b|"
                        r"\bsuch\s+a\s+(?:surprise|shock)\b|\bno\s+surprise\s+there\b|"
                        r"\bof\s+course\s+(?:you|u)\s+(?:did|didn{A}?t|can{A}?t|won{A}?t|"
                        r"forgot|were)\b|\bhow\s+(?:lovely|nice|wonderful)\s+for\s+you\b|"
                        r"\bmust\s+be\s+(?:hard|exhausting|tough)\s+being\b|,\s*genius\b|"
                        r"(?:^|[.!?]\s+)(?:ha|haha|hah|lol)\s*[.!]|\b(?:your|another|so-called|"
                        r"yet\s+another|these|more|his|their)\s+['‘\"“][^'’\"”\n]{2,30}['’\"”]|"
                        r"\bforgive\s+me\s+if\b|\bwon{A}?t\s+hold\s+my\s+breath\b|"
                        r"\breally\s+mature\b|\bsay\s+it\s+slowly\b|\bspell\s+it\s+out\b|"
                        r"\bwords\s+of\s+one\s+syllable\b|\bapparently\s+(?:don{A}?t|doesn{A}?t|"
                        r"can{A}?t|isn{A}?t|aren{A}?t|too|more)\b|\byou\s+suddenly\s+(?:have|"
                        r"remember|want|care|find|need|discover)\b".replace("{A}", A),
          SARCASM_REASON, SARCASM_SUGGESTION),

    # Absolute blame.
    _rule(Kind.ABSOLUTE_BLAME, rf"\b(?:you|u)(?:{A}?re|\s+are|\s+were|{A}?ve\s+been|\s+have"
                               rf"\s+been|\s+have|\s+has|{A}?ve)?\s+(?:always|never|"
                               rf"constantly|continually|consistently|forever|ALWAYS|NEVER)\b|"
                               rf"\bevery\s+(?:single\s+)?time\b[^.!?\n]{{0,40}}\b(?:you|u|"
                               rf"yours)\b|\bevery\s+time\s*[.!]|\bevery\s+(?:single\s+)?"
                               rf"(?:time|week|weekend|month|exchange|pick-?up|handover)\s+"
                               rf"(?:you|u|it{A}?s|with\s+you)\b|\bas\s+usual,?\s+(?:you|u)\b|"
                               rf"\b(?:you|u)\b[^.!?\n]{{0,60}}\bas\s+usual\b|\btypical(?:\s+of"
                               rf"\s+you)?\b[.!]|\btypical\s+(?:you|of\s+you)\b|\b(?:not|never)"
                               rf"\s+once\s+(?:have|did|do|has)\s+(?:you|u)\b|\b(?:yet|once)\s+"
                               rf"again\b|\bhow\s+many\s+(?:more\s+)?times\b|\bfor\s+the\s+"
                               rf"(?:hundredth|millionth|fifth|tenth|third|umpteenth|last)\s+"
                               rf"time\b|\bagain\s+and\s+again\b|\bthis\s+is\s+(?:always|"
                               rf"exactly)\s+(?:what|how)\s+you\b|\byou\s+do\s+this\s+(?:every|"
                               rf"all\s+the)\b|\bnothing\s+(?:ever\s+)?changes\s+with\s+you\b|"
                               rf"\bwhy\s+(?:do|does|is)\s+(?:it|you|everything)\s+always\b|"
                               rf"\b(?:you|u)\s+(?:can{A}?t|cannot|don{A}?t|won{A}?t)\s+ever\b|"
                               rf"\bit{A}?s\s+always\s+(?:something|me\s+who)\b|\bevery\W+single\W+\w+|"
                               rf"\bevery\s+(?:holiday|weekend|time|month|week|summer|christmas|"
                               rf"birthday|year)\s+(?:it{A}?s|is|was)\s+the\s+same\b|\bdo\s+you"
                               rf"\s+ever\s+(?:actually\s+)?\w+|\bwhenever\s+I\b[^.!?\n]{{0,50}}"
                               rf"\byou\b|\bwhy\s+does\s+everything\s+(?:with\s+you|have\s+to)\b|"
                               rf"\bwhatever\s+suits\s+you\b|\bsome\s+people\s+never\s+change\b|"
                               rf"\bonly\s+ever\s+(?:land|happen|fall)|\bthe\s+(?:second|minute|"
                               rf"moment)\s+\w+\s+comes\s+up\b|\bdo\s+you\s+have\s+any\s+idea\b|\bwho\s+"
                               rf"(?:does|would\s+do|forgets|books|does\s+that\s+to)\s+that\b",
          BLAME_REASON, BLAME_SUGGESTION, fix="reword"),

    # The child as a messenger.
    _rule(Kind.CHILD_MESSENGER, rf"\b(?:tell|ask|remind)\s+your\s+(?:dad|daddy|father|mom|mommy"
                                rf"|mum|mummy|mother|stepmom|stepmum|stepdad)\b|\b(?:I{A}?ve|"
                                rf"I\s+have|I|I{A}?ll|I\s+will|I{A}?m\s+going\s+to|I{A}?m)\s+"
                                rf"(?:already\s+)?(?:told|asked|had|have|get|got|having|getting|"
                                rf"telling|asking|sent)\s+(?:him|her|them|the\s+(?:kids|"
                                rf"children|boys|girls)|(?-i:[A-Z][a-z]+))\s+(?:to\s+)?(?:tell|ask|"
                                rf"remind|let|explain\s+to|pass\s+(?:on\s+)?(?:a\s+)?message"
                                rf"\s+to|give)\s+(?:you|u)\b|\b(?:he|she|they|(?-i:[A-Z][a-z]+))\s+"
                                rf"(?:will|can|{A}?ll|is\s+going\s+to)\s+(?:tell|explain\s+to|"
                                rf"ask|remind)\s+(?:you|u)\s+(?:why|what|how|himself|herself|"
                                rf"themselves)\b|\bhave\s+(?:him|her|them|the\s+(?:kids|"
                                rf"children)|(?-i:[A-Z][a-z]+))\s+(?:tell|ask|give|remind)\s+me\b|"
                                rf"\blet\s+your\s+(?:dad|father|mom|mum|mother)\s+know\b|"
                                rf"\bsend\s+(?:the\s+)?(?:money|cheque|check|payment|it)\s+"
                                rf"(?:with|via|through)\s+(?:him|her|them|the\s+(?:kids|"
                                rf"children)|(?-i:[A-Z][a-z]+))\b|\b(?:via|through)\s+the\s+(?:kids|"
                                rf"children)\b|\b(?:been|was|were)\s+told\s+to\s+(?:ask|tell)\s+(?:you|u)\b|"
                                rf"\b(?:told|asked)\s+(?:him|her|them|(?-i:[A-Z][a-z]+))\s+to\s+"
                                rf"(?:tell|ask)\s+(?:him|her|your\s+\w+)\s+(?:that|why|"
                                rf"what|if)|\bsaid\s+(?:he|she|they)\s+should\s+(?:tell|ask)"
                                rf"\s+(?:you|u)\b|\b(?:told|telling|tell)\s+(?:him|her|them|"
                                rf"(?-i:[A-Z][a-z]+))\s+(?:that\s+)?(?:his|her|their)\s+(?:dad|"
                                rf"daddy|father|mum|mummy|mom|mommy|mother)\s+(?:is|was|"
                                rf"doesn{A}?t|can{A}?t|won{A}?t|never|isn{A}?t|only|cares?|"
                                rf"didn{A}?t)\b|\btold\s+(?:him|her|them|(?-i:[A-Z][a-z]+))\s+that\s+"
                                rf"if\b|\b(?:he|she|they)\s+can\s+(?:explain|tell\s+you)\s+"
                                rf"(?:that|it|why)\b|\b(?:let|told|tell|telling)\s+(?:the\s+"
                                rf"(?:kids|children)|him|her|them|(?-i:[A-Z][a-z]+))\s+(?:know\s+)?"
                                rf"(?:exactly\s+|straight\s+)?(?:why|that\s+it{A}?s\s+because|"
                                rf"the\s+truth\s+about)\b|\b(?:the\s+holiday|it){A}?s\s+off\s+"
                                rf"because\s+(?:their|his|her)\s+(?:dad|mum|mom|father|mother)\b|"
                                rf"\bask\s+(?:you|u)\s+(?:himself|herself|themselves)\b|\btold\s+"
                                rf"(?:him|her|them|(?-i:[A-Z][a-z]+))\s+(?:that\s+)?(?:he|she|they)\s+"
                                rf"(?:doesn{A}?t|don{A}?t|does\s+not|do\s+not)\s+have\s+to\s+"
                                rf"(?:listen|go|see|do)\b|\b(?:kids|children|they)\s+will\s+know\s+"
                                rf"(?:exactly\s+)?whose\s+fault\b|\btold\s+(?:him|her|them|"
                                rf"(?-i:[A-Z][a-z]+))\s+(?:straight\s+|exactly\s+)?(?:that\s+)?"
                                rf"it{A}?s\s+because\s+you\b|\b(?:hand|give|pass)\s+you\s+the\s+"
                                rf"(?:letter|note|form|message)\b[^.!?\n]{{0,20}}\b(?:seeing\s+as|"
                                rf"since|because)\b",
          CHILD_REASON, CHILD_SUGGESTION),

    # The past relationship dragged in.
    _rule(Kind.PAST_RELATIONSHIP, rf"\b(?:this|that|it)(?:{A}s|\s+is|\s+was)\s+(?:exactly\s+)?"
                                  rf"(?:why|the\s+reason)\s+(?:I|we)\s+(?:left|divorced|split|"
                                  rf"broke\s+up|walked|got\s+divorced|ended)|\bwhen\s+we\s+were"
                                  rf"\s+(?:married|together|a\s+couple)\b|\b(?:you|u)\s+cheated"
                                  rf"\b|\b(?:your|the)\s+affair\b|\b(?:you|u)\s+(?:left|"
                                  rf"walked\s+out\s+on|abandoned|ditched|dumped)\s+(?:me|us|"
                                  rf"your\s+family)\b|\b(?:in|during|throughout)\s+our\s+"
                                  rf"(?:marriage|relationship)\b|\bI\s+should\s+(?:have|{A}?ve)"
                                  rf"\s+(?:left|divorced|dumped)\b|\bno\s+wonder\s+(?:I|we|our)"
                                  rf"\b|\bget\s+over\s+(?:it|me|us|the\s+divorce|yourself)\b|"
                                  rf"\bstill\s+(?:bitter|jealous|angry|hung\s+up|not\s+over)\b|"
                                  rf"\b(?:same|just)\s+(?:as|like)\s+(?:when\s+we|in\s+our|"
                                  rf"you\s+did\s+(?:to|with)\s+me|our\s+(?:marriage|wedding))|"
                                  rf"\bour\s+(?:marriage|relationship)\s+(?:failed|ended|fell"
                                  rf"|was)\b|\b(?:you|u)\s+haven{A}?t\s+changed\b|\bsame\s+old"
                                  rf"\s+(?:you|story)\b|\bthe\s+(?:man|woman|person)\s+I\s+"
                                  rf"(?:married|divorced)\b|\bwhy\s+(?:I|we)\s+(?:divorced|"
                                  rf"split\s+up|broke\s+up)\b|\bthe\s+reason\s+(?:our|we|I)\b"
                                  rf"[^.!?\n]{{0,30}}\b(?:marriage|divorce|split|left)\b|\bwhen\s+I\s+was\s+"
                                  rf"pregnant\b|\b(?:our|the|my)\s+(?:entire|whole)\s+"
                                  rf"(?:marriage|relationship)\b|\byears\s+of\s+(?:our\s+)?"
                                  rf"(?:marriage|being\s+married|our\s+relationship)\b|\b"
                                  rf"(?:took|cost)\s+me\s+\w+\s+years\s+to\s+(?:get\s+out|"
                                  rf"leave|escape|see)\b|\bnothing{A}?s?\s+(?:has\s+)?changed"
                                  rf"\s+since\s+(?:the|our)\s+(?:divorce|split|separation)\b|"
                                  rf"\b(?:as|like)\s+you\s+did\s+(?:to|with)\s+me\b|\byou\s+(?:walked|ran)\s+"
                                  rf"out\b|\bour\s+(?:wedding|honeymoon|engagement)\b|\bwhen\s+"
                                  rf"we\s+(?:lived|were\s+living)\s+together\b|\bthrough\s+our\s+"
                                  rf"(?:marriage|relationship)\b|\bthat{A}?s\s+how\s+it\s+"
                                  rf"(?:always\s+)?was\s+for\b|\bthe\s+one\s+you\s+walked\s+out\b",
          PAST_REASON, PAST_SUGGESTION),

    # Contempt for the other home or a new partner.
    _rule(Kind.CONTEMPT, rf"\b(?:that|this)\s+(?:woman|man|guy|girl|bloke|clown|idiot|bimbo|"
                         rf"creep|loser|thing|person|bitch|cow|witch|tart|slag)\s+(?:you(?:{A}?re|\s+are)?\s+(?:live|"
                         rf"living|shack(?:ing)?\s+up|sleep(?:ing)?|seeing|dating|with)|of\s+"
                         rf"yours|you\s+call\s+a\s+(?:partner|boyfriend|girlfriend))|\byour\s+"
                         rf"(?:new\s+)?(?:little\s+)?(?:girlfriend|boyfriend|partner|wife|"
                         rf"husband|fiance|fiancee|fling|lover|toy\s*boy|side\s+piece|bit\s+on"
                         rf"\s+the\s+side|flavou?r\s+of\s+the\s+month|mistress|whore|slut|"
                         rf"bimbo)\b[^.!?\n]{{0,50}}\b(?:is\s+not|isn{A}?t|will\s+never\s+be|"
                         rf"has\s+no|needs\s+to\s+(?:stay|keep|butt)|stays?\s+away|keep\s+"
                         rf"(?:her|him)\s+away|not\s+(?:their|the\s+kids{A}?)|trash|"
                         rf"disgusting|nothing|joke|can{A}?t\s+even|no\s+(?:business|right|"
                         rf"say))|\b(?:whore|slut|bimbo|homewrecker|home-wrecker|side\s+piece|"
                         rf"gold-?digger|toy\s*boy)\b|\b(?:is|are)\s+(?:not|NOT|never)\s+"
                         rf"(?:their|the\s+(?:kids|children){A}?s?|his|her|my\s+(?:kids|"
                         rf"children){A}?s?)\s+(?:real\s+)?(?:mother|mom|mum|father|dad|"
                         rf"parent)\b",
          CONTEMPT_REASON, CONTEMPT_SUGGESTION),
    _rule(Kind.CONTEMPT, rf"\b(?:your|that|the)\s+(?:house|home|place|flat|apartment|trailer|"
                         rf"caravan|household|hovel|family|mother|mum|mom|parents|sister|"
                         rf"brother|new\s+family|circus|madhouse|(?:new\s+)?(?:wife|husband|"
                         rf"girlfriend|boyfriend|partner|fiance|fiancee))\s+(?:is|are)\s+(?:a\s+|an\s+"
                         rf"|so\s+|such\s+a\s+|absolutely\s+|completely\s+)?(?:pigsty|dump|"
                         rf"disgusting|filthy|a\s+mess|tip|zoo|hovel|slum|shithole|toxic|"
                         rf"crazy|nuts|trash|trashy|vile|unfit|unsafe|a\s+joke|chaos|"
                         rf"nasty|piece\s+of\s+work|a\s+nightmare|no\s+place|a\s+nasty\s+"
                         rf"piece\s+of\s+work|free-for-all|a\s+free-for-all|not\s+fit)|"
                         rf"\bnot\s+fit\s+for\s+(?:a\s+dog|an\s+animal|animals|pigs|humans)\b|"
                         rf"\b(?:she|he){A}?s\s+not\s+family\b|\b(?:she|he)\s+is\s+"
                         rf"(?:nobody|no\s+one|nothing)\s+to\b|\b(?:your|that)\s+(?:\w+head|"
                         rf"druggie|drunk|thug|creep|sleazy|slimy|dodgy|sad|trashy|bimbo|"
                         rf"waster|airhead|loser)\s+(?:new\s+)?(?:girlfriend|boyfriend|partner|"
                         rf"wife|husband|fiance|fiancee)\b|\b(?:dump|"
                         rf"slum|pigsty|hovel|shithole|shack|tip|zoo|circus|madhouse)\s+"
                         rf"(?:you\s+call|of\s+a|you\s+live|you{A}?re\s+living|over\s+there|at"
                         rf"\s+your)|\b(?:your|that)\s+(?:trashy|filthy|disgusting|crazy|"
                         rf"toxic|useless|pathetic|loser|deadbeat|lazy)\s+(?:girlfriend|"
                         rf"boyfriend|partner|wife|husband|family|mother|mum|mom|parents|"
                         rf"house|flat|place|home|apartment)\b|\bwhoever\s+you{A}?re\s+"
                         rf"(?:sleeping|shacking)\b|\b(?:your|that)\s+(?:house|place|flat|home)"
                         rf"\s+of\s+(?:horrors|chaos)\b|\bno\s+place\s+for\s+(?:kids|children|"
                         rf"a\s+child|my\s+(?:kids|children|son|daughter))\b|\b(?:that|this|your)"
                         rf"\s+(?:pigsty|dump|hovel|slum|shithole|tip|zoo|madhouse|circus)\b|"
                         rf"\bferal\b|\bwhatever\s+passes\s+for\b|\byour\s+side\s+of\s+the\s+"
                         rf"family\b|\b(?:drunk|loser|waste|joke|excuse)\s+of\s+an?\s+(?:brother|"
                         rf"sister|mother|father|boyfriend|girlfriend|partner|husband|wife|"
                         rf"family)\b|\b(?:he|she){A}?s?\s+(?:is\s+)?not\s+(?:her|his|their)\s+"
                         rf"(?:real\s+)?(?:father|mother|dad|mum|mom|parent)\b|\b(?:your|that)\s+"
                         rf"(?:mother|mum|mom|father|dad|brother|sister|family|girlfriend|"
                         rf"boyfriend|partner|wife|husband)\s+(?:is|are)\s+(?:an?\s+)?(?:\w+\s+)?"
                         rf"(?:poisonous|vile|nasty|toxic|evil|horrible|awful|disgusting|useless|"
                         rf"bad\s+influence|drunk|psycho|lunatic|nutcase)\b",
          CONTEMPT_REASON, CONTEMPT_SUGGESTION),

    # A refusal that shuts the door.
    _rule(Kind.SHUT_DOOR, rf"\bend\s+of\s+(?:discussion|story|conversation|debate)\b|\b(?:I{A}?m"
                          rf"|I\s+am|I\s+will|I{A}?ll|I)\s+(?:not|won{A}?t|will\s+not|refuse"
                          rf"\s+to|don{A}?t)\s+(?:be\s+)?(?:discuss|debat|negotiat|talk|argu|"
                          rf"respond|reply|answer|go|repeat|explain)\w*\s+(?:about\s+)?"
                          rf"(?:this|it|that|myself|any\s+of\s+this|further|again|over\s+this|"
                          rf"any\s?more|with\s+you)\b[^.!?\n]{{0,20}}(?:again|any\s?more|further"
                          rf"|ever|period|[.!])|\bdon{A}?t\s+(?:even\s+)?(?:bother|try)\s+"
                          rf"(?:replying|responding|asking|texting|messaging|calling|arguing|"
                          rf"answering|to)|\b(?:the\s+answer|my\s+answer|it)(?:{A}?s|\s+is|\s+"
                          rf"will\s+be|\s+stays)\s+(?:still\s+)?(?:no|NO|a\s+no)\b[,.\s]*(?:"
                          rf"period|full\s+stop|final|end|and\s+that{A}?s|,?\s+don{A}?t|\.?\s+"
                          rf"stop)|\bnot\s+up\s+for\s+(?:debate|discussion|negotiation)\b|"
                          rf"\b(?:this|that|it|my\s+decision)\s+is\s+(?:final|not\s+negotiable|"
                          rf"non-negotiable)\b|\bnon-?negotiable\b|\bdiscussion\s+over\b|\b"
                          rf"(?:I{A}?m|I\s+am)\s+done\s+(?:talking|discussing|with\s+(?:this|"
                          rf"you|it)|here|explaining|arguing)\b|\bno\s+further\s+(?:discussion|"
                          rf"correspondence|messages)\b|\bdon{A}?t\s+ask\s+(?:me\s+)?again\b|"
                          rf"\bstop\s+asking\b|\bcase\s+closed\b|\bdeal\s+with\s+it\b|"
                          rf"\btake\s+it\s+or\s+leave\s+it\b|\bsubject\s+closed\b|(?:^|[.!?]\s+)"
                          rf"(?:just\s+)?drop\s+it\s*[.!]|\bstop\s+(?:bringing\s+it\s+up|"
                          rf"mentioning\s+it|going\s+on\s+about)|\bnot\s+another\s+"
                          rf"(?:penny|cent|dime|pound|word)\b|\b(?:this|the)\s+conversation"
                          rf"\s+is\s+over\b|\bthat{A}?s\s+(?:final|that|the\s+end\s+of\s+it)\b|\b(?:no|NO)"
                          rf"\.\s+(?:And\s+|Period|Not\s+happening|Never|Full\s+stop)|\bnot\s+"
                          rf"happening\b|\bnot\s+going\s+to\s+happen\b|\bforget\s+it\b|\bI{A}?m"
                          rf"\s+not\s+(?:changing|budging|moving)\b|\bwhatever\.|\bthe\s+answer"
                          rf"\s+is\s+(?:no|NO)\b|\bthe\s+answer\s+(?:won{A}?t|will\s+not|"
                          rf"isn{A}?t\s+going\s+to)\s+change\b|(?:^|[.!?]\s+)done\s*[.!]|"
                          rf"\bsave\s+your\s+(?:reply|breath|energy)\b|\bI\s+won{A}?t\s+be\s+"
                          rf"(?:reading|replying|responding|discussing)\s+(?:it|them|this|that|"
                          rf"your|any\s+more|anything\s+further)\b|\bthat{A}?s\s+that\b|"
                          rf"\bnothing\s+(?:more|else|further)\s+to\s+(?:talk|discuss|say)\b|"
                          rf"\bdon{A}?t\s+(?:message|text|email|contact|call)\s+me\s+(?:about|"
                          rf"again)\b|\bnot\s+interested\s+in\s+(?:your|hearing|discussing)\b|"
                          rf"\b(?:going|go)\s+over\s+(?:it|this|that)\s+again\b|\bI{A}?m\s+not\s+"
                          rf"having\s+this\s+conversation\b|(?:^|[.!?]\s+)not\s+(?:swapping|"
                          rf"changing|moving|agreeing|paying)\b",
          SHUT_REASON, SHUT_SUGGESTION),

    # Ultimatums in their many shapes: "do X again and I'll …", "or my solicitor takes it".
    _rule(Kind.THREAT, rf"\b(?:again|one\s+more\s+\w+|try\s+it|keep\s+\w+ing|ever)\b"
                       rf"[^.!?\n]{{0,60}}"
                       rf"\band\s+(?:I{A}?ll|I\s+will|you{A}?ll|you\s+will)\b|\band\s+(?:I{A}?ll|"
                       rf"I\s+will)\s+(?:drag|make\s+sure|have\s+the\s+police|call\s+the\s+police|"
                       rf"report\s+you|have\s+you|see\s+you\s+in)\b|\bkiss\s+\w+(?:\s+\w+){{0,3}}\s+"
                       rf"goodbye\b|\bover\s+my\s+dead\s+body\b|\bor\s+(?:next|this|the)\s+\w+\s+"
                       rf"(?:simply\s+|just\s+)?(?:won{A}?t|will\s+not|isn{A}?t\s+going\s+to)\s+"
                       rf"(?:be\s+)?happen(?:ing)?\b|\bor\s+my\s+(?:solicitor|lawyer|attorney)\b|"
                       rf"\b(?:solicitor|lawyer|attorney|judge)\s+has\s+(?:your|all|every)\s+"
                       rf"(?:messages|texts|emails)\b|\bcontact\s+cent(?:re|er)\b",
          THREAT_REASON, THREAT_SUGGESTION),
    _rule(Kind.SARCASM, rf"\b(?:good\s+luck|have\s+fun|enjoy)\s+explaining\b|\bso\s+glad\s+"
                        rf"(?:\w+\s+)?"
                        rf"(?:has|have|is|you)\b|\bwhile\s+(?:he|she|you){A}?(?:s|re)\s+at\s+it\b|"
                        rf"\bhow\s+novel\b|\blove\s+that\s+for\s+(?:her|him|you|them)\b|"
                        rf"(?:^|[.!?]\s+)(?:cool|lovely|brilliant),\s+so\b|\bcute\s+(?:idea|attempt|"
                        rf"try)\b|\bwhatever\s+you{A}?re\s+doing\b|,?\s+but\s+sure\s*[.!]|\bpar\s+for"
                        rf"\s+the\s+course\b",
          SARCASM_REASON, SARCASM_SUGGESTION),
    _rule(Kind.INSULT, rf"\b(?:halfwit|half-wit|freeloader|freeloading|scrounger|muppet|numpty|"
                       rf"gym\s+bro)\b|\bwho\s+can{A}?t\s+(?:spell|read|count|tell\s+the\s+time)\b|"
                       rf"\b(?:you{A}?re|you\s+are|he{A}?s|she{A}?s)\s+(?:so\s+)?(?:thick|gullible|"
                       rf"ignorant|smug|arrogant|clueless)\b|\byou\s+(?:ignorant|stupid|useless|"
                       rf"thick|smug|arrogant|lazy)\s+(?:little\s+)?(?:man|woman|cow|pig|git|fool)\b|"
                       rf"\b(?:he|she){A}?s\s+an?\s+(?:\w+,?\s+){{1,3}}(?:idiot|loser|moron|creep|"
                       rf"joke|liar|drunk|waste\s+of\s+space)\b|\b(?:father|mother|dad|mum|mom|"
                       rf"husband|wife|boyfriend|girlfriend)\s+is\s+an?\s+(?:\w+\s+)?(?:drunk|loser|"
                       rf"liar|deadbeat|idiot|waste\s+of\s+space|joke)\b|\bwhat\s+(?:kind|sort)\s+of"
                       rf"\s+(?:a\s+)?(?:loser|idiot|moron|fool|joke)\b|(?:^|(?<=[.!?]\s))"
                       rf"(?:embarrassing|shameful|disgraceful|pitiful)\s*[.!]|\bwhat{A}?s\s+wrong"
                       rf"\s+with\s+you\b|\bwhat\s+is\s+wrong\s+with\s+you\b|\ba\s+(?:\w+-year-old|"
                       rf"child|toddler|five\s+year\s+old)\s+could\s+(?:do|manage|fill|handle|"
                       rf"work\s+out)\b|\btoo\s+(?:gullible|thick|stupid|selfish|lazy)\b",
          INSULT_REASON, INSULT_SUGGESTION),
    _rule(Kind.CONTEMPT, rf"\byour\s+lot\b|\bthat\s+cult\b|\bthe\s+little\s+princess\b|"
                         rf"\b(?:you{A}?re|you\s+are|she{A}?s|he{A}?s|she\s+is|he\s+is)\s+nobody\b|"
                         rf"\bpoor\s+(?:woman|man|girl|guy|thing)\s+has\s+no\s+idea\b|\bthat\s+"
                         rf"(?:\w+\s+)?(?:brother|sister|mother|father|family|girlfriend|boyfriend|"
                         rf"partner|house|place|flat|home|wife|husband)\s+of\s+yours\b|"
                         rf"\b(?:the\s+way\s+)?your\s+(?:house|household|family|place|home)\b"
                         rf"[^.!?\n]{{0,40}}\b(?:is|are)\s+(?:disgusting|appalling|shameful|toxic|"
                         rf"a\s+circus|a\s+joke)\b|\bsome\s+(?:gym\s+bro|random|bloke|guy|woman)\s+"
                         rf"who\b",
          CONTEMPT_REASON, CONTEMPT_SUGGESTION),
    _rule(Kind.CHILD_MESSENGER, rf"\btold\s+(?:him|her|them|(?-i:[A-Z][a-z]+))\s+to\s+"
                                rf"(?:make\s+sure|"
                                rf"check|get)\s+you\b|\btold\s+(?:him|her|them|(?-i:[A-Z][a-z]+))\s+"
                                rf"(?:that\s+)?(?:daddy|mummy|mommy|dad|mum|mom|your\s+\w+|their\s+"
                                rf"\w+|her\s+father|his\s+father|her\s+mother|his\s+mother)\s+"
                                rf"(?:doesn{A}?t|does\s+not|can{A}?t|won{A}?t|never|is|isn{A}?t)\b|"
                                rf"\btold\s+(?:him|her|them|(?-i:[A-Z][a-z]+))\s+(?:the\s+truth|as\s+"
                                rf"much|everything)\b|\bbecause\s+of\s+you\b[^.!?\n]{{0,30}}\b(?:so\s+"
                                rf"expect|expect\s+questions)|\btold\s+(?:him|her|them|"
                                rf"(?-i:[A-Z][a-z]+))\s+(?:that\s+)?it{A}?s\s+because\s+of\s+you\b|"
                                rf"\btell\s+(?:the\s+kids|the\s+children|them|him|her)\s+(?:straight"
                                rf"\s+out\s+|exactly\s+)?(?:that\s+)?(?:their|his|her)\s+(?:dad|mum|"
                                rf"mom|father|mother)\b|\btell\s+(?:her|him)\s+that\s+(?:himself|"
                                rf"herself)\b",
          CHILD_REASON, CHILD_SUGGESTION),
    _rule(Kind.ABSOLUTE_BLAME, rf"\byou\s+do\s+this\s+(?:constantly|all\s+the\s+time|every|again)|"
                               rf"\bevery\s+(?:promise|word|excuse)\s+(?:out\s+of\s+your\s+mouth|"
                               rf"you\s+make)\b|\bafter\s+every\s+(?:visit|weekend|stay|time)\b"
                               rf"[^.!?\n]{{0,30}}\b(?:at\s+yours|with\s+you|from\s+you)\b|"
                               rf"\bevery\s+(?:year|month|week|weekend|time|holiday)\s+you\b|"
                               rf"\beverything(?:{A}s|\s+is)\b[^.!?\n]{{0,30}}\bwith\s+you\b|\bsame\s+"
                               rf"(?:\w+\s+)?pattern\b|\bsame\s+thing\s+(?:happens|every)\b|"
                               rf"\b(?:do|does)\s+(?:anyone|anybody)(?:\s+at\s+yours|\s+over\s+there)?"
                               rf"\s+ever\b",
          BLAME_REASON, BLAME_SUGGESTION, fix="reword"),
    _rule(Kind.PAST_RELATIONSHIP, rf"\banniversar(?:y|ies)\b|\b(?:as|like)\s+with\s+us\b|"
                                  rf"\bwith\s+us"
                                  rf"\s+in\s+(?:exactly\s+)?the\s+same\s+way\b|\bI{A}?m\s+not\s+your"
                                  rf"\s+(?:wife|husband|girlfriend|boyfriend|partner)\s+any\s?more\b|"
                                  rf"\bour\s+old\s+(?:flat|house|place|home)\b|\bnothing(?:{A}s|\s+has)?"
                                  rf"\s+changed\s+since\s+(?:we|I)\b|\bsecond\s+attempt\s+at\b",
          PAST_REASON, PAST_SUGGESTION),
    _rule(Kind.SHUT_DOOR, rf"\bconversation(?:{A}s)?\s+over\b|\bsave\s+(?:the|your)\s+excuses\b|"
                          rf"\bI{A}?m\s+not\s+reading\s+(?:them|it|your)\b|\b(?:that{A}s|this\s+is)\s+"
                          rf"the\s+last\s+I(?:{A}ll|\s+will)\s+say\b|\bn{A}?t\s+up\s+for\s+(?:debate|"
                          rf"discussion|negotiation)\b|\bstop\s+(?:messaging|texting|emailing|asking|"
                          rf"calling)\s+me\b",
          SHUT_REASON, SHUT_SUGGESTION),

    # Veiled threats: connections, logins, money and contact used as levers.
    _rule(Kind.THREAT, rf"\bit\s+would\s+be\s+(?:a\s+|such\s+a\s+|a\s+real\s+)?(?:shame|pity)"
                       rf"\s+if\b|"
                       rf"\bI{A}?d\s+hate\s+for\b|\bI\s+know\s+(?:the|your)\s+(?:\w+\s+)?(?:head|"
                       rf"principal|boss|manager|judge|teacher|coach|landlord|employer)\b|"
                       rf"\bI\s+sit\s+on\s+the\b|\bI{A}?m\s+the\s+one\s+with\s+the\b|"
                       rf"\b(?:visits|contact|weekends|overnights)\s+\w+\s+(?:stop|end)\b|"
                       rf"\b(?:maintenance|support|payments?)\s+(?:drops?|stops?|goes\s+down|will\s+"
                       rf"stop)\b|\bpush\s+(?:this|it|me)\s+(?:any\s+)?further\b|\bI{A}?ll\s+have\s+"
                       rf"(?:him|her|them|(?-i:[A-Z][a-z]+))\s+(?:pulled|removed|taken)\b|"
                       rf"\b(?:contacting|contact|call|calling|ring|ringing|email|emailing)\s+your\s+"
                       rf"(?:employer|boss|work|manager|landlord)\b|\b(?:she|he|you|they){A}?ll\s+be"
                       rf"\s+dealing\s+with\s+me\b|\bwon{A}?t\s+see\s+(?:it|them|her|him)\s+until\b",
          THREAT_REASON, THREAT_SUGGESTION),
    _rule(Kind.SARCASM, rf"\b(?:honestly|truly|really)\s+impressive\b|\bimpressive\s+how\b|"
                        rf"\byes,\s+I{A}?m\s+sure\b|\bso\s+much\s+better\s+than\b|[👏🙄🙃]|"
                        rf"\bshould\s+be\s+fun\b|\btruly\s+an?\b|\bwhat\s+an?\s+\w+\s+(?:household|"
                        rf"house|home|place|parent|father|mother|dad|mum|mom)\b|\bglad\s+to\s+see"
                        rf"\s+you(?:{A}ve|\s+have)?\s+finally\b|\bonly\s+took\b|\blovely\s+(?:thing|"
                        rf"way)\s+to\b|\blovely\s+that\s+I\b|\b(?:got|gets|getting|counts\s+as|"
                        rf"supposedly|been)\s+['‘\"“][a-z][a-z ’'-]{{1,30}}['’\"”](?!\w)|"
                        rf"\b(?:maybe|perhaps)\s+if\s+you\s+(?:had|were|did|spent|"
                        rf"bothered|actually)\b|\b(?:ah|oh)\s+yes\b|\bI{A}?ll\s+be\s+sure\s+to\b|"
                        rf"\bdon{A}?t\s+worry,?\s+I{A}?ll\s+just\b",
          SARCASM_REASON, SARCASM_SUGGESTION),
    _rule(Kind.ABSOLUTE_BLAME, rf"\b(?:fell|falls|happened|happens|land|lands)\s+on\s+your\s+"
                               rf"(?:weeks?|"
                               rf"weekends?|time|days?)\b|\b(?:this|that)(?:{A}s|\s+is)\s+(?:all\s+)?"
                               rf"on\s+you\b|\byour\s+doing\b|\bwithout\s+fail\b|\bonly\s+ever\s+\w+|"
                               rf"\bafter\s+(?:every\s+)?(?:weekends?|visits?|stays?)\s+(?:at|with)\s+"
                               rf"(?:your\s+place|yours|you)\b|\bcomes?\s+back\s+from\s+(?:yours|your"
                               rf"\s+place)\s+(?:exhausted|wired|filthy|hungry|sick|ill|upset|"
                               rf"miserable|in\s+tears|crying|rude)\b|\byou{A}?ve\s+(?:wrecked|ruined|"
                               rf"messed\s+up|broken|screwed\s+up)\b|\bwhy\s+(?:on\s+earth\s+)?am\s+I\s+"
                               rf"(?:hearing|finding\s+out|learning)\b",
          BLAME_REASON, BLAME_SUGGESTION, fix="reword"),
    _rule(Kind.CHILD_MESSENGER, rf"\bask\s+(?:him|her|them|(?-i:[A-Z][a-z]+))\s+(?:yourself|why)\b|"
                                rf"\b(?:his|her|their)\s+words,?\s+not\s+mine\b|\b(?:she|he|they){A}?ll"
                                rf"\s+hand\s+(?:it|them)\s+over\b|\bsort\s+(?:the\s+\w+\s+)?out\s+"
                                rf"with\s+(?:her|him|them)\b|\basked\s+me\s+(?:today\s+)?why\s+"
                                rf"(?:daddy|mummy|mommy|dad|mum|mom|you)\b",
          CHILD_REASON, CHILD_SUGGESTION),
    _rule(Kind.PAST_RELATIONSHIP, r"\bbefore\s+I\s+left\b|\bwhile\s+we\s+(?:lived|were)\s+"
                                  r"(?:together|married)\b|\bI\s+sat\s+through\s+\w+\s+years\b|"
                                  r"\b\w+\s+years\s+of\s+(?:those|your)\b",
          PAST_REASON, PAST_SUGGESTION),
    _rule(Kind.CONTEMPT, rf"\byour\s+(?:dad|mum|mom|mother|father|parents|sister|brother){A}?s?\s+"
                         rf"(?:racist|sexist|stupid|awful|creepy|drunken|nasty|pathetic|bigoted)\b|"
                         rf"\btin-?pot\b|\b(?:snobby|snooty|stuck-up)\b|\byour\s+little\s+"
                         rf"(?:girlfriend|boyfriend|wife|husband|partner|fiance|fiancee)\b|"
                         rf"\ba\s+nobody\b|\b(?:bitter|miserable|nasty|vile|poisonous|interfering)"
                         rf"\s+old\s+(?:woman|man|cow|bag|hag|git)\b",
          CONTEMPT_REASON, CONTEMPT_SUGGESTION),
    _rule(Kind.SHUT_DOOR, rf"\bsave\s+your\s+(?:typing|excuses|time)\b|\bnot\s+entertaining\b|"
                          rf"\bnot\s+listening\s+to\s+(?:any\s+more|another|your)\b|\b(?:isn{A}?t|"
                          rf"not|is\s+not)\s+open\s+(?:for|to)\s+(?:negotiation|discussion|debate)\b|"
                          rf"\b(?:figure|sort)\s+it\s+out\s+yourself\b",
          SHUT_REASON, SHUT_SUGGESTION),

    # What hurts by its meaning more than by its words: grievance, mock concern, pointed
    # questions, the fault put on the reader, and pressure dressed as politeness.
    _rule(Kind.SARCASM, rf"\bwould\s+it\s+kill\s+you\b|\bwhere\s+was\s+(?:all\s+)?(?:this|that)\s+"
                        rf"(?:enthusiasm|interest|concern|energy)\b|\bI{A}?d\s+love\s+to\s+hear\s+it\b|"
                        rf"\bperhaps\s+(?:he|she|you|they)\s+could\s+(?:also\s+)?find\s+(?:the\s+)?"
                        rf"time\b|\bif\s+it\s+fits\s+(?:around|in\s+with)\b|\beverything\s+(?:that{A}s\s+|"
                        rf"else\s+)?more\s+important\b|\bthe\s+thought\s+that\s+counts\b|\bby\s+all\s+"
                        rf"means\b|\bfinally\s+got\s+(?:round|around)\s+to\b|\bdo\s+you\s+even\s+know\b|"
                        rf"\bI{A}?d\s+be\s+curious\s+to\s+know\b|\bhope\b[^.!?\n]{{0,60}}\bworth\s+it\b|"
                        rf"\byou\s+might\s+want\s+to\s+actually\b|\boh,?\s+so\s+now\s+you\b|\bis\s+"
                        rf"there\s+a\s+reason\s+you\b|\bmaybe\s+it{A}?ll\s+make\s+sense\b|"
                        rf"\bapparently\s+haven{A}?t\b|\bnot\s+with\s+you,\s+obviously\b",
          SARCASM_REASON, SARCASM_SUGGESTION),
    _rule(Kind.ABSOLUTE_BLAME, rf"\bwhat\s+(?:else|more)\s+you\s+(?:want|expect)\b|"
                               rf"\bI{A}?ve\s+stopped\s+expecting\b|\bnot\s+a\s+(?:penny|cent|dime|pound)\s+from\s+you\b|"
                               rf"(?:^|[.!?]\s+)not\s+once\s*[.!]|(?:^|[.!?]\s+)(?:second|third|"
                               rf"fourth|fifth)\s+time\s*[.!]|\b(?:that{A}s|this\s+is|it{A}s)\s+down"
                               rf"\s+to\s+you\b|\bwe\s+both\s+know\s+(?:whose|who|why)\b|\blike\s+I\s+"
                               rf"(?:sort|do|pay\s+for|handle|organi[sz]e|arrange)\s+everything\b|"
                               rf"\bbecause\s+of\s+your\s+(?:choices|choice|decision|decisions)\b|"
                               rf"\b(?:your|you)\b[^.!?\n]{{0,60}}\bas\s+usual\b",
          BLAME_REASON, BLAME_SUGGESTION, fix="reword"),
    _rule(Kind.CONTEMPT, rf"\bsomeone\s+who\s+(?:actually\s+)?knows\s+what\b|\btells\s+me\s+"
                         rf"everything\s+I\s+need\s+to\s+know\b|\b(?:it{A}s|this\s+is)\s+(?:clearly\s+)?"
                         rf"beyond\s+you\b",
          CONTEMPT_REASON, CONTEMPT_SUGGESTION),
    _rule(Kind.INSULT, r"\bonly\s+someone\s+(?:this|so|that)\s+\w+\b",
          INSULT_REASON, INSULT_SUGGESTION),
    _rule(Kind.THREAT, rf"\bwill\s+be\s+(?:very\s+|most\s+|really\s+)?interested\s+in\s+"
                       rf"(?:these|this|those|your|how|what|hearing)\b|\blast\s+time\s+I\s+(?:ask|say|tell)\b|"
                       rf"\bother\s+channels\b|\b(?:lawyer|solicitor|attorney)\s+has\s+a\s+(?:very\s+)?"
                       rf"(?:good|long)\s+memory\b|\bI{A}?d\s+be\s+careful\s+(?:how|what)\s+you\b",
          THREAT_REASON, THREAT_SUGGESTION),
    _rule(Kind.SHUT_DOOR, r"\bnone\s+of\s+your\s+(?:concern|business)\b",
          SHUT_REASON, SHUT_SUGGESTION),
)

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
    r"get|use|pass|arrange|collect|text|email|write|note|have)"
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
