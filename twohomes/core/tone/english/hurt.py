"""What hurts most: name-calling, threats (the law and the children used as weapons
included) and contempt for the other home. Any one of them makes a message hostile."""

from __future__ import annotations

from ..model import Kind
from .base import (
    CONTEMPT_REASON,
    CONTEMPT_SUGGESTION,
    INSULT_ADJECTIVES,
    INSULT_REASON,
    INSULT_SUGGESTION,
    NAMES,
    PERSON,
    THREAT_REASON,
    THREAT_SUGGESTION,
    YOU_ARE,
    A,
    Rule,
    rule,
)

# Name-calling, with or without swearing.
INSULTS: tuple[Rule, ...] = (
    # Insults and name-calling, with or without swearing.
    # The words before the insult are one word each, and at most six: a text that repeats
    # them ("such a such a such a …") costs no more than any other (no two readings).
    rule(Kind.INSULT, rf"\b{YOU_ARE}\s+(?:(?:so|such|really|just|truly|absolute|complete|"
                       rf"completely|total|totally|real|utter|unbelievably|most|the|nothing|"
                       rf"but|still|being|acting|like|literally|an?|f\w*ing|bloody|f\*+ing|damn|"
                       rf"selfish,?|lazy,?|useless,?)\s+){{0,6}}{INSULT_ADJECTIVES}\b",
          INSULT_REASON, INSULT_SUGGESTION),
    rule(Kind.INSULT, rf"\b(?:you|u|that|this|the|your)\s+(?:(?:stupid|useless|pathetic|lazy|"
                       rf"selfish|fucking|bloody|absolute|complete|total|lying|sad|little|cheap|"
                       rf"f\*+ing|selfish,|lazy,|\w+ing)\s+){{0,3}}{NAMES}s?\b(?!\s+(?:of\s+)?"
                       rf"(?:at|in|from)\s+school)",
          INSULT_REASON, INSULT_SUGGESTION, fix="words"),
    rule(Kind.INSULT, rf"\b(?:such|what)\s+an?\s+(?:(?:absolute|complete|total|useless|"
                       rf"pathetic|selfish)\s+)*{NAMES}\b",
          INSULT_REASON, INSULT_SUGGESTION),
    rule(Kind.INSULT, rf"\bwhat\s+(?:kind|sort|type)\s+of\s+(?:a\s+)?{PERSON}\b|"
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
    rule(Kind.INSULT, rf"\b(?:useless|pathetic|worthless|deadbeat|lazy|selfish|incompetent|"
                       rf"negligent|terrible|awful|lousy|sorry\s+excuse\s+for\s+a|pitiful|"
                       rf"poor\s+excuse\s+for\s+a|joke\s+of\s+a|absent|so-called)\s+{PERSON}\b",
          INSULT_REASON, INSULT_SUGGESTION),
    rule(Kind.INSULT, r"\b(?:f+u+c+k+|screw|f\*+k?)\s+(?:you|u|off)\b|\bgo\s+to\s+hell\b|"
                       r"\bpiss\s+off\b|\bshut\s+up\b|\bget\s+a\s+(?:life|grip|brain)\b|"
                       r"\bgrow\s+(?:the\s+\w+\s+)?up\b|\bget\s+lost\b|\bdrop\s+dead\b|"
                       r"\bsod\s+off\b|\bbite\s+me\b|\bgo\s+f\w*\s+yourself\b",
          INSULT_REASON, INSULT_SUGGESTION),
    rule(Kind.INSULT, rf"\b(?:no|any)\s+(?:real|decent|good|normal|loving)\s+{PERSON}\s+"
                       rf"(?:would|could)\b|\b(?:you|u)\s+(?:disgust|sicken)\s+me\b|"
                       rf"\bhow\s+(?:stupid|dumb|selfish|useless|pathetic|lazy)\s+(?:can|are)"
                       rf"\s+(?:you|u)\b|\bsomething\s+wrong\s+with\s+you\b|"
                       rf"\b(?:you|u)\s+(?:can{A}?t|cannot)\s+(?:even\s+)?(?:do|manage|handle|"
                       rf"get)\s+(?:one|a\s+single|the\s+simplest|anything)\b",
          INSULT_REASON, INSULT_SUGGESTION),
    rule(Kind.INSULT, rf"\b(?:halfwit|half-wit|freeloader|freeloading|scrounger|muppet|numpty|"
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
    rule(Kind.INSULT, r"\bonly\s+someone\s+(?:this|so|that)\s+\w+\b",
          INSULT_REASON, INSULT_SUGGESTION),
)

# Threats and ultimatums, open or veiled, the law used as a weapon.
THREATS: tuple[Rule, ...] = (
    # Threats, ultimatums and the law used as a weapon.
    rule(Kind.THREAT, r"\bor\s+else\b|\b(?:you{A}?ll|you\s+will|ur\s+gonna|you{A}?re\s+going"
                       r"\s+to|you\s+are\s+going\s+to)\s+(?:regret|be\s+sorry|pay\s+for|see"
                       r"\s+what\s+happens)|\b(?:last|final)\s+warning\b|\bsee\s+you\s+in"
                       r"\s+court\b|\bdon{A}?t\s+(?:test|push)\s+me\b|\bwatch\s+(?:yourself|"
                       r"your\s+back)\b|\bthere\s+will\s+be\s+consequences\b|\bconsequences"
                       r"\b".replace("{A}", A),
          THREAT_REASON, THREAT_SUGGESTION),
    rule(Kind.THREAT, rf"\b(?:my|a|the)\s+(?:lawyer|attorney|solicitor|barrister)\s+(?:will|"
                       rf"is\s+going\s+to|{A}?ll|shall|would\s+love\s+to|is\s+gonna)\s+"
                       rf"(?:hear|be\s+hearing|know|deal\s+with\s+you|love|be\s+told|find\s+"
                       rf"out|want\s+a\s+word|have\s+a\s+field\s+day)|\b(?:lawyer|solicitor|"
                       rf"attorney|judge|court|magistrate)\s+would\s+be\s+(?:very\s+|really\s+|"
                       rf"most\s+)?interested\b|\b(?:hate|love)\s+for\s+(?:a|the)\s+(?:judge|"
                       rf"court|magistrate)\b|\bexplain\s+(?:it\s+|that\s+|this\s+)?to\s+the\s+"
                       rf"(?:judge|court|magistrate)\b|\bhear(?:ing)?\s+from\s+my\s+(?:lawyer|"
                       rf"attorney|solicitor)\b",
          THREAT_REASON, THREAT_SUGGESTION),
    rule(Kind.THREAT, rf"\b(?:I{A}?ll|I\s+will|I{A}?m\s+going\s+to|I\s+am\s+going\s+to|I{A}?m"
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
    rule(Kind.THREAT, rf"\b(?:you{A}?ll|you\s+will|you{A}?re\s+not\s+going\s+to|you\s+won{A}?t"
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
    rule(Kind.THREAT, rf"\bor\s+(?:it|this|that|I|we)\s+(?:goes|go|will\s+go|{A}?ll\s+go|"
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
    rule(Kind.THREAT, r"\bhow\s+you\s+want\s+to\s+play\s+this\b|\bsee\s+what\s+happens\b|"
                       r"\bpush\s+me\s+(?:on\s+this|any\s+further|again)\b|\b(?:have|get)\s+"
                       r"your\s+(?:contact|access|visits|time|weekends|overnights)\s+"
                       r"(?:suspended|stopped|reduced|cut|taken|removed)|\b(?:the\s+)?"
                       r"(?:\w+\s+)?(?:visits|contact|weekends|overnights)\s+(?:stop|end|will\s+"
                       r"stop|are\s+over)\b|\bmake\s+sure\s+(?:everyone|he|she|they|you)\s+"
                       r"(?:never|knows?|at)\b|\bor\s+I\s+go\s+to\b|\byou\s+have\s+until\b"
                       r"[^.!?\n]{0,60}[.!]?\s*(?:after\s+that|otherwise|or)\b",
          THREAT_REASON, THREAT_SUGGESTION),
    # Ultimatums in their many shapes: "do X again and I'll …", "or my solicitor takes it".
    rule(Kind.THREAT, rf"\b(?:again|one\s+more\s+\w+|try\s+it|keep\s+\w+ing|ever)\b"
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
    # Veiled threats: connections, logins, money and contact used as levers.
    rule(Kind.THREAT, rf"\bit\s+would\s+be\s+(?:a\s+|such\s+a\s+|a\s+real\s+)?(?:shame|pity)"
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
    rule(Kind.THREAT, rf"\bwill\s+be\s+(?:very\s+|most\s+|really\s+)?interested\s+in\s+"
                       rf"(?:these|this|those|your|how|what|hearing)\b|\blast\s+time\s+I\s+(?:ask|say|tell)\b|"
                       rf"\bother\s+channels\b|\b(?:lawyer|solicitor|attorney)\s+has\s+a\s+(?:very\s+)?"
                       rf"(?:good|long)\s+memory\b|\bI{A}?d\s+be\s+careful\s+(?:how|what)\s+you\b",
          THREAT_REASON, THREAT_SUGGESTION),
)

# Contempt for the other home, its family or a new partner.
CONTEMPT: tuple[Rule, ...] = (
    # Contempt for the other home or a new partner.
    rule(Kind.CONTEMPT, rf"\b(?:that|this)\s+(?:woman|man|guy|girl|bloke|clown|idiot|bimbo|"
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
    rule(Kind.CONTEMPT, rf"\b(?:your|that|the)\s+(?:house|home|place|flat|apartment|trailer|"
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
    rule(Kind.CONTEMPT, rf"\byour\s+lot\b|\bthat\s+cult\b|\bthe\s+little\s+princess\b|"
                         rf"\b(?:you{A}?re|you\s+are|she{A}?s|he{A}?s|she\s+is|he\s+is)\s+nobody\b|"
                         rf"\bpoor\s+(?:woman|man|girl|guy|thing)\s+has\s+no\s+idea\b|\bthat\s+"
                         rf"(?:\w+\s+)?(?:brother|sister|mother|father|family|girlfriend|boyfriend|"
                         rf"partner|house|place|flat|home|wife|husband)\s+of\s+yours\b|"
                         rf"\b(?:the\s+way\s+)?your\s+(?:house|household|family|place|home)\b"
                         rf"[^.!?\n]{{0,40}}\b(?:is|are)\s+(?:disgusting|appalling|shameful|toxic|"
                         rf"a\s+circus|a\s+joke)\b|\bsome\s+(?:gym\s+bro|random|bloke|guy|woman)\s+"
                         rf"who\b",
          CONTEMPT_REASON, CONTEMPT_SUGGESTION),
    rule(Kind.CONTEMPT, rf"\byour\s+(?:dad|mum|mom|mother|father|parents|sister|brother){A}?s?\s+"
                         rf"(?:racist|sexist|stupid|awful|creepy|drunken|nasty|pathetic|bigoted)\b|"
                         rf"\btin-?pot\b|\b(?:snobby|snooty|stuck-up)\b|\byour\s+little\s+"
                         rf"(?:girlfriend|boyfriend|wife|husband|partner|fiance|fiancee)\b|"
                         rf"\ba\s+nobody\b|\b(?:bitter|miserable|nasty|vile|poisonous|interfering)"
                         rf"\s+old\s+(?:woman|man|cow|bag|hag|git)\b",
          CONTEMPT_REASON, CONTEMPT_SUGGESTION),
    rule(Kind.CONTEMPT, rf"\bsomeone\s+who\s+(?:actually\s+)?knows\s+what\b|\btells\s+me\s+"
                         rf"everything\s+I\s+need\s+to\s+know\b|\b(?:it{A}s|this\s+is)\s+(?:clearly\s+)?"
                         rf"beyond\s+you\b",
          CONTEMPT_REASON, CONTEMPT_SUGGESTION),
)
