"""Every JSON example in docs/schedule-spec.md is a valid plan or a valid part of one."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from twohomes.core.schedule import build_timeline, load_plan

DOC = Path(__file__).parents[3] / "docs" / "schedule-spec.md"
BLOCKS = re.findall(r"```json\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)
SCHEDULE_PARTS = ("seasons", "holidays", "school_breaks")


def _base() -> dict[str, Any]:
    return {"timezone": "America/New_York", "country": "US", "subdivision": "NY",
            "children": [{"id": "emma", "birth_date": "2015-06-14"},
                         {"id": "noah", "birth_date": "2010-09-30"}],
            "schedules": [{"name": "main",
                           "rotation": {"pattern": "2-2-5-5", "start": "2026-01-05"}}]}


def _as_plan(text: str) -> dict[str, Any] | None:
    try:
        value = json.loads(text)
    except json.JSONDecodeError:
        value = json.loads("{" + text + "}")
    if "timezone" in value:
        return value if "schedules" in value else None
    plan = _base()
    if "start" in value:
        plan["schedules"][0]["rotation"] = value
        return plan
    for key, part in value.items():
        if key in SCHEDULE_PARTS:
            plan["schedules"][0][key] = part
        else:
            plan[key] = part
    return plan


def test_the_doc_has_examples() -> None:
    assert len(BLOCKS) >= 12


@pytest.mark.parametrize("text", BLOCKS)
def test_doc_example_is_valid(text: str) -> None:
    plan = _as_plan(text)
    if plan is None:  # the --json output sample
        assert "percent_time" in text
        return
    timeline = build_timeline(load_plan(plan), date(2026, 1, 1), date(2028, 1, 1))
    assert timeline.exchanges()


@pytest.mark.parametrize(("command", "argv"), [
    ("twohomes schedule stats --spec family.json --from 2026-01-01 --to 2026-12-31",
     ["stats", "--from", "2026-01-01", "--to", "2026-12-31"]),
    ("twohomes schedule calendar --spec family.json --month 2026-03",
     ["calendar", "--month", "2026-03"]),
    ("twohomes schedule exchanges --spec family.json --from 2026-12-22 --to 2026-12-27",
     ["exchanges", "--from", "2026-12-22", "--to", "2026-12-27"]),
])
def test_doc_sample_output_is_what_the_command_prints(
        command: str, argv: list[str], tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    from twohomes.core.schedule.cli import main

    family = tmp_path / "family.json"
    family.write_text(BLOCKS[0])
    text = DOC.read_text(encoding="utf-8")
    sample = text.split(f"$ {command}\n", 1)[1].split("```", 1)[0]
    assert main([argv[0], "--spec", str(family), *argv[1:]]) == 0
    assert capsys.readouterr().out == sample
