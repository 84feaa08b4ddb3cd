"""Interval arithmetic: paint one sorted layer of intervals over a contiguous timeline."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from .errors import PlanError
from .localtime import from_epoch
from .model import Reason

# (start, end, parent, reason) with start and end in epoch seconds (UTC): plain tuples of
# ints are the hot path of the engine.
Segment = tuple[int, int, str, Reason]


def overlay(base: list[Segment], layer: Sequence[Segment]) -> list[Segment]:
    """``base`` with every segment of ``layer`` painted over it.

    Both are sorted, non-overlapping and merged (see ``merge``); ``base`` may have gaps, so
    sparse layers can be combined first and painted over the contiguous timeline once. The
    untouched runs of ``base`` are copied as slices found by bisection, so the Python-level
    work grows with the layer, not with the base.
    """
    if not layer:
        return base
    ends = [segment[1] for segment in base]
    count = len(base)
    out: list[Segment] = []
    i = 0
    head: Segment | None = base[0] if count else None
    for start, end, parent, reason in layer:
        k = bisect_right(ends, start, lo=i)
        if k > i and head is not None:
            _push(out, head)
            out.extend(base[i + 1:k])
            i, head = k, base[k] if k < count else None
        if head is not None and head[0] < start:
            _push(out, (head[0], start, head[2], head[3]))
        _push(out, (start, end, parent, reason))
        k = bisect_right(ends, end, lo=i)
        if k > i:
            i, head = k, base[k] if k < count else None
        if head is not None and head[0] < end:
            head = (end, head[1], head[2], head[3])
    if head is not None:
        _push(out, head)
        out.extend(base[i + 1:])
    return out


def _push(out: list[Segment], segment: Segment) -> None:
    """Append, joining the previous segment when it has the same parent and reason."""
    if out:
        last = out[-1]
        if (last[1] == segment[0] and last[2] == segment[2]
                and (last[3] is segment[3] or last[3] == segment[3])):
            out[-1] = (last[0], segment[1], last[2], last[3])
            return
    out.append(segment)


def merge(segments: list[Segment]) -> list[Segment]:
    """Join neighbours that touch and have the same parent and reason; drop empty segments.

    Segments that do not touch stay apart: a gap between them (the base rotation between
    two years' seasons) is not theirs to fill.
    """
    out: list[Segment] = []
    for segment in segments:
        if segment[1] <= segment[0]:
            continue
        if (out and out[-1][1] == segment[0] and out[-1][2] == segment[2]
                and out[-1][3] == segment[3]):
            out[-1] = (out[-1][0], segment[1], segment[2], segment[3])
        else:
            out.append(segment)
    return out


def clip(segments: Sequence[Segment], start: int, end: int) -> list[Segment]:
    """The parts of sorted ``segments`` inside ``[start, end)``."""
    out = []
    for seg_start, seg_end, parent, reason in segments:
        low, high = max(seg_start, start), min(seg_end, end)
        if low < high:
            out.append((low, high, parent, reason))
    return out


def check_no_overlap(segments: list[Segment], level: str) -> list[Segment]:
    """Sort one level's segments; two different rules that overlap are a ``PlanError``."""
    if len(segments) < 2:
        return segments
    ordered = sorted(segments, key=lambda s: (s[0], s[1]))
    for before, after in zip(ordered, ordered[1:], strict=False):
        if after[0] < before[1] and before[3].rule != after[3].rule:
            raise PlanError(
                f"{level} rules {before[3].rule!r} and {after[3].rule!r} overlap "
                f"({before[3].detail or _when(before[0])} / "
                f"{after[3].detail or _when(after[0])}); "
                "change one of them or make one an override"
            )
        if after[0] < before[1]:
            raise PlanError(
                f"{level} rule {before[3].rule!r} overlaps itself "
                f"({before[3].detail} / {after[3].detail}); shorten its window"
            )
    return ordered


def _when(seconds: int) -> str:
    return from_epoch(seconds).isoformat()
