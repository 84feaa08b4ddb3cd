"""An analysis as the composer shows it: the draft with its marked spans, each finding in
the reader's words with its fix, the BIFF check, all prepared in Python for the template."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from twohomes.core.tone import Analysis, Finding, Level, apply_edits, quick_edits

from .words import BIFF, KINDS, LEVEL_MEANING, LEVELS, fix_words

SHOWN_AT_ONCE = 3
LISTED = 12  # a draft of a thousand "!!!" lists twelve things, not a thousand


@dataclass(frozen=True)
class Segment:
    text: str
    number: int | None  # the finding's number when the segment is marked


@dataclass(frozen=True)
class FindingRow:
    number: int
    quote: str
    kind: str
    reason: str
    suggestion: str
    fixed: str | None  # the whole draft with this fix applied
    fix: str


@dataclass(frozen=True)
class BiffRow:
    name: str
    met: bool
    hint: str


@dataclass(frozen=True)
class Panel:
    supported: bool
    empty: bool
    level: str
    level_code: str
    meaning: str
    warning: bool  # heated or hostile
    status: str  # one short line for screen readers: the level and how many findings
    segments: tuple[Segment, ...]
    findings: tuple[FindingRow, ...]  # the first few, shown at once
    more: tuple[FindingRow, ...]  # the rest, behind "Show more" so a phone is not flooded
    quick_fixed: str | None
    biff: tuple[BiffRow, ...]
    biff_met: int


def _segments(text: str, shown: list[tuple[int, Finding]]) -> tuple[Segment, ...]:
    """The draft cut at the findings' spans (the first of two overlapping ones is marked)."""
    segments, at = [], 0
    for number, finding in sorted(shown, key=lambda pair: pair[1].start):
        if finding.start < at:
            continue
        if finding.start > at:
            segments.append(Segment(text[at:finding.start], None))
        segments.append(Segment(text[finding.start:finding.end], number))
        at = finding.end
    if at < len(text):
        segments.append(Segment(text[at:], None))
    return tuple(segments)


def panel(text: str, analysis: Analysis) -> Panel:
    if not analysis.supported or analysis.level is None or not text.strip():
        return Panel(analysis.supported, not text.strip(), "", "", "", False, "", (), (), (),
                     None, (), 0)
    # Numbered in reading order, so the marks in the draft run 1, 2, 3.
    shown = list(enumerate(analysis.findings, start=1))
    # Listed heaviest first (what hurts most is never behind "Show more"), each keeping
    # its number in reading order, as marked in the draft.
    listed = sorted(shown, key=lambda pair: (-pair[1].weight, pair[1].start))
    rows = tuple(FindingRow(
        number=number, quote=text[finding.start:finding.end], kind=str(KINDS[finding.kind]),
        reason=_(finding.reason), suggestion=_(finding.suggestion),
        fixed=apply_edits(text, finding.edits) if finding.edits else None,
        fix=fix_words(finding.kind, finding.fix)) for number, finding in listed[:LISTED])
    quick = quick_edits(analysis)
    biff = tuple(BiffRow(str(BIFF[part.name]), part.met, _(part.hint))
                 for part in analysis.biff)
    return Panel(
        supported=True, empty=False, level=str(LEVELS[analysis.level]),
        level_code=analysis.level.code, meaning=str(LEVEL_MEANING[analysis.level]),
        warning=analysis.level >= Level.HEATED,
        status=ngettext("How it may land: %(level)s. %(count)s thing to look at.",
                        "How it may land: %(level)s. %(count)s things to look at.",
                        len(rows)) % {"level": LEVELS[analysis.level], "count": len(rows)},
        segments=_segments(text, shown), findings=rows[:SHOWN_AT_ONCE],
        more=rows[SHOWN_AT_ONCE:],
        quick_fixed=apply_edits(text, quick) if len(quick) > 1 else None, biff=biff,
        biff_met=sum(1 for part in biff if part.met))
