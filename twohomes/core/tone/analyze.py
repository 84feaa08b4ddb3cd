"""``analyze(text, language)``: the findings, the level, the BIFF check and the logistics.

The rules are kept per language (``english/``); a draft is read with its author's
language's rules, and a language without rules gets an answer that says so, with no
findings, rather than English rules misreading it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from . import english as en
from .biff import biff_check, logistics
from .model import WEIGHT, Analysis, Edit, Finding, Kind, level_of
from .profanity import word_model
from .text import Sentence, drop_sentence, drop_words, sentence_at, sentences

LANGUAGES_WITH_RULES = ("en",)
MAX_ANALYSED = 20_000  # characters: the longest message there is


def rules_exist(language: str) -> bool:
    return language.split("-")[0].lower() in LANGUAGES_WITH_RULES


def analyze(text: str, language: str = "en") -> Analysis:
    """How ``text``, written in ``language`` (a code such as "en", "en-gb", "es"), may land."""
    code = language.split("-")[0].lower()
    if code not in LANGUAGES_WITH_RULES:
        return Analysis(language=code, supported=False, level=None)
    text = text[:MAX_ANALYSED]
    parts = sentences(text)
    findings = _without_overlaps(
        _rule_findings(text, parts) + _swearing(text, parts) + _shouting(text)
        + _commands(text, parts), parts)
    firm = bool(en.FIRM_CUE.search(text))
    return Analysis(
        language=code, supported=True, level=level_of(findings, firm), findings=findings,
        biff=biff_check(text, parts, findings), logistics=logistics(text))


def _rule_findings(text: str, parts: list[Sentence]) -> list[Finding]:
    found = []
    for rule in en.RULES:
        for match in rule.pattern.finditer(text):
            if match.end() == match.start():
                continue
            how = _how(rule.fix, text, parts, match)
            found.append(Finding(
                kind=rule.kind, start=match.start(), end=match.end(), reason=rule.reason,
                suggestion=rule.suggestion, edits=_fix(rule.fix, text, parts, match),
                quick=rule.kind is Kind.INSULT and how == "words", fix=how,
                weight=rule.weight if rule.weight is not None else WEIGHT[rule.kind]))
    return found


# "You never pay on time" -> "You didn't pay on time"; "you're always late" -> "you're late".
_ABSOLUTES = ((re.compile(r"\b(?:never)\b", re.IGNORECASE), "didn't"),
              (re.compile(r"\b(?:always|constantly|continually|consistently|forever)\s*",
                          re.IGNORECASE), ""),
              (re.compile(r"\b(?:every\W+single\W+time|as\s+usual|yet\s+again|typical"
                          r"(?:\s+of\s+you)?)\W*", re.IGNORECASE), ""))


def _reword_blame(text: str, match: re.Match[str]) -> tuple[Edit, ...]:
    """The one event instead of a verdict: the absolute word taken out of the words."""
    words = match.group()
    for pattern, instead in _ABSOLUTES:
        words = pattern.sub(instead, words)
    if words == match.group():
        return ()
    return (Edit(match.start(), match.end(), words.rstrip() if words.strip() else ""),)


def _fix(how: str, text: str, parts: list[Sentence], match: re.Match[str]) -> tuple[Edit, ...]:
    if how == "reword":
        return _reword_blame(text, match)
    if how == "words":
        return (drop_words(text, match.start(), match.end()),)
    sentence = sentence_at(parts, match.start())
    if how == "sentence" and sentence is not None:
        return (_drop_clause(text, sentence, match) or drop_sentence(text, sentence),)
    return ()


def _how(how: str, text: str, parts: list[Sentence], match: re.Match[str]) -> str:
    """How the fix works, as the button will say: a clause dropped is words left out."""
    sentence = sentence_at(parts, match.start())
    if how == "sentence" and sentence is not None and _drop_clause(text, sentence, match):
        return "words"
    return how


def _drop_clause(text: str, sentence: Sentence, match: re.Match[str]) -> Edit | None:
    """Only the clause, when the sentence says more beside it: "You are so useless, the
    forms are due Friday." keeps "The forms are due Friday." (facts are never taken out
    with the words that hurt)."""
    after = text[match.end():sentence.end]
    before = text[sentence.start:match.start()]
    if not before.strip() and after.startswith(", ") and len(after.split()) >= 4:
        return Edit(match.start(), match.end() + 2, "")
    if before.rstrip().endswith(",") and len(before.split()) >= 4 and \
            not after.strip(" .!?"):
        return Edit(sentence.start + len(before.rstrip()) - 1, match.end(), "")
    return None


def _swearing(text: str, parts: list[Sentence]) -> list[Finding]:
    """Swear words from the list, and any word the trained model weighs as one."""
    spared = [m.span() for m in en.NOT_SWEARING.finditer(text)]
    found = []
    for pattern, strong in ((en.STRONG_SWEARING, True), (en.MILD_SWEARING, False)):
        for match in pattern.finditer(text):
            if any(s <= match.start() < e for s, e in spared):
                continue
            found.append(_swear_finding(text, match.start(), match.end(), strong))
    # Two separate mild words in one message ("for God's sake … this crap") are swearing
    # that heats it, as one strong word is; one mild word alone leaves the level alone.
    mild = [f for f in found if f.weight == 0]
    if len(mild) >= 2:
        found = [replace(f, weight=2) if f.weight == 0 else f for f in found]
    model = word_model()
    for match in re.finditer(r"[A-Za-z]{3,}", text):
        word = match.group()
        if model.word_weight(word) >= 5.0 and word.lower() not in _MODEL_NOT_SWEARING:
            found.append(_swear_finding(text, match.start(), match.end(), True))
    return found


# Words the model weighs like swearing that are insults or plain words here: an insult is
# an insult only when said of a person (the rules above), "stupid printer" is calm.
_MODEL_NOT_SWEARING = frozenset({"stupid", "idiot", "sucks", "suck", "dumb", "idiots", "ass",
                                 "moron", "morons", "gay", "hate", "ugly", "kill", "die"})


def _swear_finding(text: str, start: int, end: int, strong: bool) -> Finding:
    return Finding(
        kind=Kind.PROFANITY, start=start, end=end,
        reason=en.PROFANITY_REASON if strong else en.MILD_PROFANITY_REASON,
        suggestion=en.PROFANITY_SUGGESTION, edits=(drop_words(text, start, end),),
        quick=True, weight=2 if strong else 0, fix="words")


def _shouting(text: str) -> list[Finding]:
    """Capitals (two shouted words or more, or a whole message) and runs of ! and ?.
    One emphasised word in an otherwise calm message ("NOT Friday") is a note only."""
    words = []
    for match in en.SHOUTED_WORD.finditer(text):
        tokens = [t for t in match.group().split() if t.strip("'") not in en.ACRONYMS]
        if tokens and any(len(t) > 1 for t in tokens):
            words.append((match, len(tokens)))
    shouted = sum(count for _match, count in words)
    found = [Finding(
        kind=Kind.SHOUTING, start=match.start(), end=match.end(), reason=en.SHOUT_REASON,
        suggestion=en.SHOUT_SUGGESTION, quick=True, weight=2 if shouted >= 2 else 0,
        edits=(Edit(match.start(), match.end(), match.group().lower()),), fix="case")
        for match, _count in words]
    for match in en.SHOUTED_PUNCTUATION.finditer(text):
        if "?" not in match.group() and len(match.group()) < 3:
            continue  # "!!" is as often glad as angry ("She made the team!!")
        calm = "?" if "?" in match.group() else "."
        found.append(Finding(
            kind=Kind.SHOUTING, start=match.start(), end=match.end(), reason=en.SHOUT_REASON,
            suggestion=en.SHOUT_SUGGESTION, quick=True, weight=2,
            edits=(Edit(match.start(), match.end(), calm),), fix="punctuation"))
    return found


def _commands(text: str, parts: list[Sentence]) -> list[Finding]:
    found = []
    for sentence in parts:
        words = sentence.text
        if (not en.COMMAND.match(words) or en.NOT_COMMAND.match(words)
                or en.REASON_GIVEN.search(words) or words.endswith("?")):
            continue
        # "Bring her coat." -> "Please bring her coat."; capitals are the shouting's fix.
        asked = "Please " + (words.lower() if words.isupper() else words[0].lower() + words[1:])
        found.append(Finding(
            kind=Kind.COMMAND, start=sentence.start, end=sentence.end,
            reason=en.COMMAND_REASON, suggestion=en.COMMAND_SUGGESTION,
            edits=(Edit(sentence.start, sentence.end, asked),), weight=WEIGHT[Kind.COMMAND],
            fix="ask"))
    return found


def _without_overlaps(findings: list[Finding], parts: list[Sentence]) -> tuple[Finding, ...]:
    """One finding per kind and sentence: of two of the same kind that overlap, the wider is
    kept, and those left in one sentence become one ("I'm filing for … full custody if"
    is one threat; "WHERE ARE YOU???" one shout), with all their fixes."""
    kept: list[Finding] = []
    reach: dict[Kind, int] = {}  # how far the findings kept of each kind reach, so far
    for finding in sorted(findings, key=lambda f: (f.start, -(f.end - f.start), -f.weight)):
        if finding.start < reach.get(finding.kind, -1):
            continue  # inside or across one kept before it (they are in order of start)
        kept.append(finding)
        reach[finding.kind] = finding.end
    merged: dict[tuple[Kind, int], Finding] = {}
    for finding in kept:
        sentence = sentence_at(parts, finding.start)
        key = (finding.kind, sentence.start if sentence else finding.start)
        first = merged.get(key)
        if first is None:
            merged[key] = finding
            continue
        edits = tuple(dict.fromkeys(first.edits + finding.edits))
        merged[key] = replace(first, end=max(first.end, finding.end), edits=edits,
                              weight=max(first.weight, finding.weight),
                              quick=first.quick or finding.quick)
    return tuple(sorted(merged.values(), key=lambda f: (f.start, f.end)))
