"""What heats a message: sarcasm, blame, a child used as a messenger, the past relationship
dragged in, and a refusal that shuts the door."""

from __future__ import annotations

from ..model import Kind
from .base import (
    BLAME_REASON,
    BLAME_SUGGESTION,
    CHILD_REASON,
    CHILD_SUGGESTION,
    FAULT_REASON,
    FAULT_SUGGESTION,
    PAST_REASON,
    PAST_SUGGESTION,
    SARCASM_REASON,
    SARCASM_SUGGESTION,
    SHUT_REASON,
    SHUT_SUGGESTION,
    A,
    Rule,
    rule,
)

# Sarcasm, mock praise and mock concern.
SARCASM: tuple[Rule, ...] = (
    # Sarcasm and mockery.
    rule(Kind.SARCASM, r"\bfor\s+once\b|\b(?:father|dad|mother|mom|mum|parent)\s+of\s+the\s+"
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
    rule(Kind.SARCASM, rf"\b(?:good\s+luck|have\s+fun|enjoy)\s+explaining\b|\bso\s+glad\s+"
                        rf"(?:\w+\s+)?"
                        rf"(?:has|have|is|you)\b|\bwhile\s+(?:he|she|you){A}?(?:s|re)\s+at\s+it\b|"
                        rf"\bhow\s+novel\b|\blove\s+that\s+for\s+(?:her|him|you|them)\b|"
                        rf"(?:^|[.!?]\s+)(?:cool|lovely|brilliant),\s+so\b|\bcute\s+(?:idea|attempt|"
                        rf"try)\b|\bwhatever\s+you{A}?re\s+doing\b|,?\s+but\s+sure\s*[.!]|\bpar\s+for"
                        rf"\s+the\s+course\b",
          SARCASM_REASON, SARCASM_SUGGESTION),
    rule(Kind.SARCASM, rf"\b(?:honestly|truly|really)\s+impressive\b|\bimpressive\s+how\b|"
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
    # What hurts by its meaning more than by its words: grievance, mock concern, pointed
    # questions, the fault put on the reader, and pressure dressed as politeness.
    rule(Kind.SARCASM, rf"\bwould\s+it\s+kill\s+you\b|\bwhere\s+was\s+(?:all\s+)?(?:this|that)\s+"
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
)

# Blame: "always", "never", and the fault put on the reader.
BLAME: tuple[Rule, ...] = (
    # Absolute blame.
    rule(Kind.ABSOLUTE_BLAME, rf"\b(?:you|u)(?:{A}?re|\s+are|\s+were|{A}?ve\s+been|\s+have"
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
    rule(Kind.ABSOLUTE_BLAME, rf"\byou\s+do\s+this\s+(?:constantly|all\s+the\s+time|every|again)|"
                               rf"\bevery\s+(?:promise|word|excuse)\s+(?:out\s+of\s+your\s+mouth|"
                               rf"you\s+make)\b|\bafter\s+every\s+(?:visit|weekend|stay|time)\b"
                               rf"[^.!?\n]{{0,30}}\b(?:at\s+yours|with\s+you|from\s+you)\b|"
                               rf"\bevery\s+(?:year|month|week|weekend|time|holiday)\s+you\b|"
                               rf"\beverything(?:{A}s|\s+is)\b[^.!?\n]{{0,30}}\bwith\s+you\b|\bsame\s+"
                               rf"(?:\w+\s+)?pattern\b|\bsame\s+thing\s+(?:happens|every)\b|"
                               rf"\b(?:do|does)\s+(?:anyone|anybody)(?:\s+at\s+yours|\s+over\s+there)?"
                               rf"\s+ever\b",
          BLAME_REASON, BLAME_SUGGESTION, fix="reword"),
    rule(Kind.ABSOLUTE_BLAME, rf"\b(?:fell|falls|happened|happens|land|lands)\s+on\s+your\s+"
                               rf"(?:weeks?|"
                               rf"weekends?|time|days?)\b|\b(?:this|that)(?:{A}s|\s+is)\s+(?:all\s+)?"
                               rf"on\s+you\b|\byour\s+doing\b|\bwithout\s+fail\b|\bonly\s+ever\s+\w+|"
                               rf"\bafter\s+(?:every\s+)?(?:weekends?|visits?|stays?)\s+(?:at|with)\s+"
                               rf"(?:your\s+place|yours|you)\b|\bcomes?\s+back\s+from\s+(?:yours|your"
                               rf"\s+place)\s+(?:exhausted|wired|filthy|hungry|sick|ill|upset|"
                               rf"miserable|in\s+tears|crying|rude)\b|\byou{A}?ve\s+(?:wrecked|ruined|"
                               rf"messed\s+up|broken|screwed\s+up)\b|\bwhy\s+(?:on\s+earth\s+)?am\s+I\s+"
                               rf"(?:hearing|finding\s+out|learning)\b",
          FAULT_REASON, FAULT_SUGGESTION, fix="reword"),
    rule(Kind.ABSOLUTE_BLAME, rf"\bwhat\s+(?:else|more)\s+you\s+(?:want|expect)\b|"
                               rf"\bI{A}?ve\s+stopped\s+expecting\b|\bnot\s+a\s+(?:penny|cent|dime|pound)\s+from\s+you\b|"
                               rf"(?:^|[.!?]\s+)not\s+once\s*[.!]|(?:^|[.!?]\s+)(?:second|third|"
                               rf"fourth|fifth)\s+time\s*[.!]|\b(?:that{A}s|this\s+is|it{A}s)\s+down"
                               rf"\s+to\s+you\b|\bwe\s+both\s+know\s+(?:whose|who|why)\b|\blike\s+I\s+"
                               rf"(?:sort|do|pay\s+for|handle|organi[sz]e|arrange)\s+everything\b|"
                               rf"\bbecause\s+of\s+your\s+(?:choices|choice|decision|decisions)\b|"
                               rf"\b(?:your|you)\b[^.!?\n]{{0,60}}\bas\s+usual\b",
          FAULT_REASON, FAULT_SUGGESTION, fix="reword"),
)

# A child made to carry adult words.
CHILD_MESSENGER: tuple[Rule, ...] = (
    # The child as a messenger.
    rule(Kind.CHILD_MESSENGER, rf"\b(?:tell|ask|remind)\s+your\s+(?:dad|daddy|father|mom|mommy"
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
    rule(Kind.CHILD_MESSENGER, rf"\btold\s+(?:him|her|them|(?-i:[A-Z][a-z]+))\s+to\s+"
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
    rule(Kind.CHILD_MESSENGER, rf"\bask\s+(?:him|her|them|(?-i:[A-Z][a-z]+))\s+(?:yourself|why)\b|"
                                rf"\b(?:his|her|their)\s+words,?\s+not\s+mine\b|\b(?:she|he|they){A}?ll"
                                rf"\s+hand\s+(?:it|them)\s+over\b|\bsort\s+(?:the\s+\w+\s+)?out\s+"
                                rf"with\s+(?:her|him|them)\b|\basked\s+me\s+(?:today\s+)?why\s+"
                                rf"(?:daddy|mummy|mommy|dad|mum|mom|you)\b",
          CHILD_REASON, CHILD_SUGGESTION),
)

# The old relationship dragged in.
PAST_RELATIONSHIP: tuple[Rule, ...] = (
    # The past relationship dragged in.
    rule(Kind.PAST_RELATIONSHIP, rf"\b(?:this|that|it)(?:{A}s|\s+is|\s+was)\s+(?:exactly\s+)?"
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
    rule(Kind.PAST_RELATIONSHIP, rf"\banniversar(?:y|ies)\b|\b(?:as|like)\s+with\s+us\b|"
                                  rf"\bwith\s+us"
                                  rf"\s+in\s+(?:exactly\s+)?the\s+same\s+way\b|\bI{A}?m\s+not\s+your"
                                  rf"\s+(?:wife|husband|girlfriend|boyfriend|partner)\s+any\s?more\b|"
                                  rf"\bour\s+old\s+(?:flat|house|place|home)\b|\bnothing(?:{A}s|\s+has)?"
                                  rf"\s+changed\s+since\s+(?:we|I)\b|\bsecond\s+attempt\s+at\b",
          PAST_REASON, PAST_SUGGESTION),
    rule(Kind.PAST_RELATIONSHIP, r"\bbefore\s+I\s+left\b|\bwhile\s+we\s+(?:lived|were)\s+"
                                  r"(?:together|married)\b|\bI\s+sat\s+through\s+\w+\s+years\b|"
                                  r"\b\w+\s+years\s+of\s+(?:those|your)\b",
          PAST_REASON, PAST_SUGGESTION),
)

# A refusal that shuts the door.
SHUT_DOOR: tuple[Rule, ...] = (
    # A refusal that shuts the door.
    rule(Kind.SHUT_DOOR, rf"\bend\s+of\s+(?:discussion|story|conversation|debate)\b|\b(?:I{A}?m"
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
    rule(Kind.SHUT_DOOR, rf"\bconversation(?:{A}s)?\s+over\b|\bsave\s+(?:the|your)\s+excuses\b|"
                          rf"\bI{A}?m\s+not\s+reading\s+(?:them|it|your)\b|\b(?:that{A}s|this\s+is)\s+"
                          rf"the\s+last\s+I(?:{A}ll|\s+will)\s+say\b|\bn{A}?t\s+up\s+for\s+(?:debate|"
                          rf"discussion|negotiation)\b|\bstop\s+(?:messaging|texting|emailing|asking|"
                          rf"calling)\s+me\b",
          SHUT_REASON, SHUT_SUGGESTION),
    rule(Kind.SHUT_DOOR, rf"\bsave\s+your\s+(?:typing|excuses|time)\b|\bnot\s+entertaining\b|"
                          rf"\bnot\s+listening\s+to\s+(?:any\s+more|another|your)\b|\b(?:isn{A}?t|"
                          rf"not|is\s+not)\s+open\s+(?:for|to)\s+(?:negotiation|discussion|debate)\b|"
                          rf"\b(?:figure|sort)\s+it\s+out\s+yourself\b",
          SHUT_REASON, SHUT_SUGGESTION),
    rule(Kind.SHUT_DOOR, r"\bnone\s+of\s+your\s+(?:concern|business)\b",
          SHUT_REASON, SHUT_SUGGESTION),
)
