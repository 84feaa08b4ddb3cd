"""A malformed plan raises one PlanError whose message says what to fix."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import jsonschema
import pytest

from twohomes.core.schedule import (
    PlanError,
    build_timeline,
    load_plan,
    localtime,
    plan_schema,
    plan_stats,
)
from twohomes.core.schedule import timeline as timeline_module

from .conftest import make_plan, plan_dict

MONDAY = "2026-01-05"


@pytest.mark.parametrize(("rotation", "extra", "message"), [
    ({"pattern": "9-9", "start": MONDAY}, {}, "unknown pattern '9-9'; use one of"),
    ({"nights": [], "start": MONDAY}, {}, "custom cycle needs 1 to 56 nights"),
    ({"nights": ["A"] * 57, "start": MONDAY}, {}, "1 to 56 nights, not 57"),
    ({"nights": ["A", "C"], "start": MONDAY}, {}, "unknown parent 'C'"),
    ({"pattern": "5-2", "start": "2026-01-07"}, {}, "starts on a Monday"),
    ({"pattern": "2-2-3", "start": "2026-02-30"}, {}, "'2026-02-30' is not a date"),
    ({"pattern": "2-2-3", "start": "1850-01-07"}, {}, "year 1850 is out of range"),
    ({"pattern": "2-2-3", "start": MONDAY, "exchange_time": "25:00"}, {}, "exchange_time"),
    ({"pattern": "2-2-3", "start": MONDAY}, {"country": "XX"}, "unknown country 'XX'"),
    ({"pattern": "2-2-3", "start": MONDAY}, {"country": "US", "subdivision": "ZZ"},
     "unknown subdivision 'ZZ' of US; valid: "),
    ({"pattern": "2-2-3", "start": MONDAY}, {"timezone": "Mars/Olympus"}, "unknown time zone"),
    ({"pattern": "every-other-weekend", "start": MONDAY,
      "midweek": {"weekday": "wednesday", "from": "19:00", "to": "16:00"}}, {},
     "ends (16:00) before or where it starts"),
    ({"pattern": "2-2-3", "start": MONDAY}, {"holidays": [
        {"name": "X", "kind": "public", "holidays": ["Boxing Day"], "assign": {"parent": "A"}}],
        "country": "US"}, "US has no public holiday named 'Boxing Day'"),
    ({"pattern": "2-2-3", "start": MONDAY}, {"holidays": [
        {"name": "Mum", "kind": "mothers-day", "assign": {"parent": "A"}}], "country": "JP"},
     None),
    ({"pattern": "2-2-3", "start": MONDAY}, {"overrides": [
        {"name": "swap", "from": "2026-03-02T10:00", "to": "2026-03-01T10:00", "parent": "B"}]},
     "override 'swap' ends before or where it starts"),
    ({"pattern": "2-2-3", "start": MONDAY}, {"school_breaks": [
        {"name": "Winter", "ranges": [["2026-12-20", "2026-12-10"]], "assign": {"parent": "A"}}]},
     "ends (2026-12-10) before it starts"),
    ({"pattern": "2-2-3", "start": MONDAY}, {"holidays": [
        {"name": "X", "kind": "date", "date": "12-24", "assign": {"even": "A"}}]},
     "'even' needs 'odd'"),
    ({"pattern": "2-2-3", "start": MONDAY}, {"bogus": 1}, "Additional properties"),
])
def test_malformed_plans_raise_plan_error(rotation: dict[str, Any], extra: dict[str, Any],
                                          message: str | None) -> None:
    with pytest.raises(PlanError) as raised:
        plan = make_plan(rotation, **extra)
        plan_stats(plan, date(2026, 1, 1), date(2026, 12, 31))
    text = str(raised.value)
    assert "\n" not in text
    if message is not None:
        assert message in text


def test_unknown_country_for_mothers_day_names_known_ones() -> None:
    plan = make_plan({"pattern": "2-2-3", "start": MONDAY}, country="JP",
                     holidays=[{"name": "Mum", "kind": "mothers-day", "assign": {"parent": "A"}}])
    with pytest.raises(PlanError, match="mothers-day is not known for country 'JP'; known"):
        build_timeline(plan, date(2026, 1, 1), date(2026, 12, 31))


def test_overlapping_seasons_name_both() -> None:
    rotation = {"pattern": "sole", "start": MONDAY}
    plan = make_plan(rotation, seasons=[
        {"name": "summer", "from": "06-20", "to": "08-20", "rotation": rotation},
        {"name": "camp", "from": "08-01", "to": "08-31", "rotation": rotation}])
    with pytest.raises(PlanError, match="season rules 'summer' and 'camp' overlap"):
        build_timeline(plan, date(2026, 1, 1), date(2026, 12, 31))


def test_empty_range_is_an_error() -> None:
    plan = make_plan({"pattern": "2-2-3", "start": MONDAY})
    with pytest.raises(PlanError, match="before or where it starts"):
        plan_stats(plan, date(2026, 3, 1), date(2026, 3, 1))


def test_schema_file_accepts_the_documented_example() -> None:
    data = plan_dict({"pattern": "2-2-5-5", "start": MONDAY}, country="US", subdivision="NY")
    jsonschema.validate(data, plan_schema())
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"schedules": []}, plan_schema())


def test_plan_survives_a_json_round_trip() -> None:
    data = plan_dict({"pattern": "3-4-4-3", "start": MONDAY})
    assert load_plan(json.loads(json.dumps(data))) == load_plan(data)


def test_cost_grows_with_transitions_not_days(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = {"n": 0}
    original = localtime.to_epoch

    def counting(*args: Any) -> Any:
        calls["n"] += 1
        return original(*args)

    monkeypatch.setattr(timeline_module, "to_epoch", counting)  # what the timeline calls
    sole = make_plan({"pattern": "sole", "start": MONDAY})
    build_timeline(sole, date(2000, 1, 1), date(2100, 1, 1))
    assert calls["n"] == 0
    weeks = make_plan({"pattern": "alternating-weeks", "start": MONDAY})
    timeline = build_timeline(weeks, date(2020, 1, 1), date(2030, 1, 1))
    assert len(timeline.intervals["emma"]) == 523
    assert calls["n"] < 540  # about one local-time conversion per hand-over, not per day


@pytest.mark.parametrize("rotation", [
    {"pattern": "2-2-5-5", "start": MONDAY},
    {"pattern": "every-other-weekend", "start": MONDAY,
     "midweek": {"weekday": "wednesday", "from": "16:00", "to": "19:00"}},
    {"nights": ["A", "A", "B"], "start": MONDAY, "exchange_time": "09:30"},
])
def test_a_stored_plan_loads_the_same_without_the_schema_check(rotation: dict[str, Any]) -> None:
    data = plan_dict(rotation, country="US", holidays=[
        {"name": "Xmas", "kind": "date", "date": "12-25", "assign": {"even": "A", "odd": "B"}}])
    assert load_plan(data, checked=True) == load_plan(data)


@pytest.mark.parametrize("damage", [
    lambda d: d.pop("schedules"),
    lambda d: d["schedules"][0].__setitem__("rotation", "2-2-5-5"),
    lambda d: d["children"][0].pop("id"),
])
def test_a_damaged_stored_plan_still_says_what_is_wrong(damage: Any) -> None:
    data = plan_dict({"pattern": "2-2-5-5", "start": MONDAY})
    damage(data)
    with pytest.raises(PlanError, match=r"^plan"):
        load_plan(data, checked=True)
