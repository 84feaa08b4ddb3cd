"""A season's windows in two years stay apart: the base rotation runs between them."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from twohomes.core.schedule import Plan, build_timeline, plan_stats

from .conftest import make_plan
from .naive import NaivePlan, naive_stats


def _summers_with_b() -> Plan:
    """Each summer with B throughout, so one summer ends with B and the next starts so."""
    return make_plan({"pattern": "alternating-weeks", "start": "2026-01-05"},
                     seasons=[{"name": "summer", "from": "07-01", "to": "08-15",
                               "rotation": {"pattern": "sole", "start": "2026-07-01",
                                            "first_parent": "B"}}])


def test_the_base_rotation_runs_between_two_summers() -> None:
    plan = _summers_with_b()
    timeline = build_timeline(plan, date(2026, 6, 1), date(2027, 10, 1))
    naive = NaivePlan(plan)
    moment = datetime(2026, 8, 20, 12, tzinfo=UTC)
    while moment < datetime(2027, 6, 25, tzinfo=UTC):
        assert timeline.owner_at("emma", moment) == naive.owner("emma", moment), moment
        moment += timedelta(days=3)
    reasons = {i.reason.level for i in timeline.between("emma", datetime(2026, 9, 1, tzinfo=UTC),
                                                         datetime(2027, 6, 1, tzinfo=UTC))}
    assert reasons == {"base"}


def test_two_years_with_summers_agree_with_the_naive_reference() -> None:
    plan = _summers_with_b()
    first, end = date(2026, 5, 1), date(2027, 10, 1)
    stats = plan_stats(plan, first, end).child("emma")
    naive = naive_stats(plan, "emma", first, end)
    assert {p.parent: p.overnights for p in stats.parents} == naive["overnights"]
    assert {p.parent: int(p.hours) for p in stats.parents} == naive["hours"]
    assert stats.exchanges == naive["exchanges"]
