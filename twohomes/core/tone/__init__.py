"""Tone help for co-parents' messages: plain Python, no Django, no clock.

Typical use (the composer does exactly this)::

    analysis = analyze(draft, "en")            # Analysis(level, findings, biff, logistics)
    analysis.level                             # Level.HEATED
    finding = analysis.findings[0]             # Finding(kind, start, end, reason, ...)
    apply_edits(draft, finding.edits)          # the draft with that fix applied
    apply_edits(draft, quick_edits(analysis))  # capitals, swearing, insults, punctuation

The author sends what the author chose: nothing here changes a message after it is sent.
"""

from .analyze import LANGUAGES_WITH_RULES, MAX_ANALYSED, analyze, rules_exist
from .biff import logistics as logistics_of
from .model import WEIGHT, Analysis, BiffPart, Edit, Finding, Kind, Level, Logistic, level_of
from .text import apply_edits


def quick_edits(analysis: Analysis) -> list[Edit]:
    """Every one-click fix of the quick kinds (capitals, swearing, insults, punctuation)."""
    return [edit for finding in analysis.findings if finding.quick for edit in finding.edits]


__all__ = [
    "LANGUAGES_WITH_RULES", "MAX_ANALYSED", "WEIGHT", "Analysis", "BiffPart", "Edit",
    "Finding", "Kind", "Level", "Logistic", "analyze", "apply_edits", "level_of",
    "logistics_of", "quick_edits", "rules_exist",
]
