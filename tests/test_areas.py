"""The areas' declarations: what the platform reads, and that it imports no area."""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Any

import pytest
from django.urls import reverse

from twohomes import areas
from twohomes.records import services as records
from twohomes.records.models import LogEntry

SOURCE = Path(__file__).resolve().parent.parent / "twohomes"
PLATFORM = ("families", "records")
AREAS = ("messaging", "schedules", "calendar", "events")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


@pytest.mark.parametrize("app", PLATFORM)
def test_the_platform_imports_no_area(app: str) -> None:
    reached = {
        (str(path.relative_to(SOURCE)), module)
        for path in (SOURCE / app).rglob("*.py") if "migrations" not in path.parts
        for module in _imports(path)
        if any(module == f"twohomes.{area}" or module.startswith(f"twohomes.{area}.")
               for area in AREAS)
    }
    assert reached == set()


def _appended_kinds() -> set[str]:
    """Every record kind the code appends, read from the source: literal kinds passed to
    records.append / append_file, and the swap answers written as f"schedules.swap.{…}"."""
    kinds: set[str] = set()
    literal = re.compile(r'\b(?:records\.)?append(?:_file)?\(\s*[\w.]+,\s*"([a-z_]+\.[a-z_.]+)"')
    assigned = re.compile(r'\bkind = "([a-z_]+\.[a-z_.]+)" if .* else "([a-z_]+\.[a-z_.]+)"')
    mapped = re.compile(r'\bkind = \{([^}]*)\}')  # kind = {status: "area.thing.done", …}[status]
    for path in SOURCE.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        kinds.update(literal.findall(text))
        for pair in assigned.findall(text):
            kinds.update(pair)
        for block in mapped.findall(text):
            kinds.update(re.findall(r'"([a-z_]+\.[a-z_.]+)"', block))
        if 'f"schedules.swap.{status}"' in text:
            kinds.update(f"schedules.swap.{s}" for s in ("accepted", "declined", "countered",
                                                          "withdrawn"))
    kinds.add("family.member.renamed")  # records.RENAMED
    return kinds


def test_every_kind_the_code_appends_is_declared_with_words() -> None:
    declared = areas.record_kinds()
    appended = _appended_kinds()
    assert len(appended) > 20  # the reading of the source found the appends
    assert appended <= set(declared), appended - set(declared)
    assert set(declared) <= appended, set(declared) - appended  # no kind declared unused
    assert all(words and words[0].isupper() for words in declared.values())


def test_an_undeclared_kind_is_refused_and_nothing_is_written(world: Any) -> None:
    with pytest.raises(ValueError, match="'family.made_up' is not declared"):
        records.append(world.family, "family.made_up", world.parent_a, {"x": 1})
    assert not LogEntry.objects.exists()


def test_the_menu_and_the_root_urls_come_from_the_declarations() -> None:
    names = {entry.url_name for entry in areas.menu_entries()}
    assert names == {"family_home", "calendar_month", "thread_list", "swap_list", "plan_list",
                     "event_list", "members", "audit", "family_settings", "tone_trend",
                     "expense_list"}
    assert {module.split(".")[1] for module in areas.url_modules()} == {
        "families", "messaging", "schedules", "calendar", "events", "tone", "expenses"}
    assert set(areas.append_only_tables()) == {"messaging_message", "messaging_receipt",
                                               "expenses_expensestep",
                                               "expenses_expensereceipt"}
    assert [job.task.rsplit(".", 1)[1] for job in areas.jobs()] == [
        "forget_old_submissions", "held_messages_tick", "expiry_tick", "reminders_tick",
        "expenses_tick"]


def test_the_audit_list_names_the_records_entries_in_words(world: Any, login: Any) -> None:
    records.append(world.family, "messaging.message.sent", world.parent_a, {"body": "a"})
    records.append(world.family, "messaging.message.sent", world.parent_a, {"body": "b"})
    records.append(world.family, "family.member.left", world.parent_b, {})
    page = login(world.parent_a).get(reverse("audit", args=[world.family.pk])).content.decode()
    page = " ".join(page.split())
    assert ('<td data-label="Kind of entry">A message was sent, with its words</td>'
            '<td data-label="Entries">2</td>') in page
    assert "A member left the family</td><td data-label=\"Entries\">1</td>" in page


def test_the_worker_starts_every_declared_round(world: Any, agreed_plan: Any) -> None:
    """Tests run tasks at once, so starting a round runs it: a change request whose
    answer-by day has passed is recorded as expired by the start of the rounds."""
    from datetime import date, timedelta

    from django.utils import timezone

    from twohomes.schedules import services as schedules
    from twohomes.schedules.models import SwapRequest, SwapStatus

    asked = timezone.now() - timedelta(days=10)
    swap = schedules.request_swap(
        actor=world.parent_b, children=[world.linked_child], parent=world.parent_b,
        reason="Trip", starts=asked + timedelta(days=30), ends=asked + timedelta(days=31),
        answer_by=date.today() - timedelta(days=2), now=asked)
    started = areas.start_jobs()
    assert [job.task for job in started] == [job.task for job in areas.jobs()]
    assert SwapRequest.objects.get(pk=swap.pk).status == SwapStatus.EXPIRED
