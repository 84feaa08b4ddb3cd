"""The whole family plan of the spec (every feature at once) against the naive reference."""

from __future__ import annotations

import json
from datetime import date

import pytest

from twohomes.core.schedule import load_plan, plan_stats

from .naive import naive_stats
from .test_docs import BLOCKS


@pytest.mark.parametrize("child", ["emma", "noah"])
def test_family_plan_agrees_with_the_naive_reference(child: str) -> None:
    plan = load_plan(json.loads(BLOCKS[0]))
    first, end = date(2026, 1, 1), date(2028, 1, 1)
    stats = plan_stats(plan, first, end).child(child)
    naive = naive_stats(plan, child, first, end)
    assert {p.parent: p.overnights for p in stats.parents} == naive["overnights"]
    assert {p.parent: int(p.hours) for p in stats.parents} == naive["hours"]
    assert stats.exchanges == naive["exchanges"]
