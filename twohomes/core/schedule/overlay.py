"""Interval arithmetic: paint one sorted layer of intervals over a contiguous timeline."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from .errors import PlanError
from .model import Reason

# (start, end, parent, reason) — plain tuples: the hot path of the engine.
Segment = tuple[datetime, datetime, str, Reason]


def overlay(base: list[Segment], layer: Sequence[Segment]) -> list[Segment]:
    """``base`` with every segment of ``layer`` painted over it, in O(len(base) + len(layer)).

    ``base`` is contiguous and sorted; ``layer`` is sorted, non-overlapping and lies inside
    the span of ``base``.
    """
    if not layer:
        return base
    out: list[Segment] = []
    rest = list(base)
    i = 0
    for start, end, parent, reason in layer:
        while i < len(rest) and rest[i][1] <= start:
            out.append(rest[i])
            i += 1
        if i < len(rest) and rest[i][0] < start:
            out.append((rest[i][0], start, rest[i][2], rest[i][3]))
        out.append((start, end, parent, reason))
        while i < len(rest) and rest[i][1] <= end:
            i += 1
        if i < len(rest) and rest[i][0] < end:
            rest[i] = (end, rest[i][1], rest[i][2], rest[i][3])
    out.extend(rest[i:])
    return out


def merge(segments: list[Segment]) -> list[Segment]:
    """Join neighbours with the same parent and the same reason; drop empty segments."""
    out: list[Segment] = []
    for segment in segments:
        if segment[1] <= segment[0]:
            continue
        if out and out[-1][2] == segment[2] and out[-1][3] == segment[3]:
            out[-1] = (out[-1][0], segment[1], segment[2], segment[3])
        else:
            out.append(segment)
    return out


def clip(segments: Sequence[Segment], start: datetime, end: datetime) -> list[Segment]:
    """The parts of sorted ``segments`` inside ``[start, end)``."""
    out = []
    for seg_start, seg_end, parent, reason in segments:
        low, high = max(seg_start, start), min(seg_end, end)
        if low < high:
            out.append((low, high, parent, reason))
    return out


def check_no_overlap(segments: list[Segment], level: str) -> list[Segment]:
    """Sort one level's segments; two different rules that overlap are a ``PlanError``."""
    ordered = sorted(segments, key=lambda s: (s[0], s[1]))
    for before, after in zip(ordered, ordered[1:], strict=False):
        if after[0] < before[1] and before[3].rule != after[3].rule:
            raise PlanError(
                f"{level} rules {before[3].rule!r} and {after[3].rule!r} overlap "
                f"({before[3].detail or before[0].isoformat()} / "
                f"{after[3].detail or after[0].isoformat()}); "
                "change one of them or make one an override"
            )
        if after[0] < before[1]:
            raise PlanError(
                f"{level} rule {before[3].rule!r} overlaps itself "
                f"({before[3].detail} / {after[3].detail}); shorten its window"
            )
    return ordered
