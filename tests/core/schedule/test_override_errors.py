"""A change that cannot be read says where and why, whether or not the schema was checked
again (a stored plan's changes are loaded without it)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from tests.core.schedule.conftest import plan_dict
from twohomes.core.schedule import PlanError, load_plan

ROTATION = {"pattern": "alternating-weeks", "start": "2026-01-05"}


def _with(change: dict[str, Any]) -> dict[str, Any]:
    good = {"name": "Trip", "children": ["emma"], "from": "2026-03-14T09:00",
            "to": "2026-03-15T18:00", "parent": "B"}
    return plan_dict(ROTATION, overrides=[good, {**good, **change}])


CASES = [
    ({"from": "14/03/2026 09:00"}, "plan.overrides[1].from: '14/03/2026 09:00' is not a date "
                                   "and time; write YYYY-MM-DDTHH:MM (local time)"),
    ({"to": "2301-01-01T10:00"}, "plan.overrides[1].to: year 2301 is out of range"),
    ({"to": "2026-03-14T08:00"}, "plan.overrides[1]: override 'Trip' ends before or where it "
                                 "starts; give a 'to' after 'from'"),
    ({"children": ["noah"]}, "plan.overrides[1].children: unknown child 'noah'"),
    ({"parent": "C"}, "plan.overrides[1].parent: unknown parent 'C'; the plan's parents are "
                      "A, B"),
]


@pytest.mark.parametrize(("change", "message"), CASES)
def test_a_change_that_cannot_be_read_says_where_and_why(change: dict[str, Any],
                                                         message: str) -> None:
    with pytest.raises(PlanError) as raised:
        load_plan(_with(change), checked=True)
    assert str(raised.value).startswith(message)


def test_a_readable_change_is_kept_in_utc() -> None:
    plan = load_plan(_with({}), checked=True)
    second = plan.overrides[1]
    # New York is on summer time (UTC-4) from 8 March 2026: 09:00 is 13:00 UTC.
    assert (second.start, second.end, second.parent, second.children) == (
        datetime(2026, 3, 14, 13, tzinfo=UTC), datetime(2026, 3, 15, 22, tzinfo=UTC), "B",
        ("emma",))
