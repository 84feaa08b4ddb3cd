"""The plan in force and a proposal side by side, where the other parent decides.

The plan in force (fixture ``agreed_plan``) is 2-2-5-5 from Monday 5 January 2026, Alice
first: AABBAAAAABBBBB. Proposals here start on a later Monday 14k days after it, so the
year compared (365 days: 26 whole cycles and one more day) starts where a cycle starts.
Worked by hand for that year:

* nights: 7 per cycle each, and the extra day opens a cycle (Alice): Alice 183, Bruno 182,
  under 2-2-5-5 and week on/week off alike;
* Saturdays: 52, the cycle's 6th day (Alice) and 13th (Bruno): 26 each, in both;
* hours: Bruno until 18:00 on the first day, then 168 hours each per cycle, then Alice
  from 18:00 on the last day: Alice 4374, Bruno 4386 of 8760: 49.9 % and 50.1 %;
* hand-overs: 4 per cycle for 2-2-5-5 and one more on the last day, 105 in 365 days,
  8.76 a month (x 30.436875 / 365); 2 per cycle and one more for week on/week off, 53:
  4.42 a month;
* the longest time away from a parent: 5 days (2-2-5-5), 7 days (week on/week off).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.urls import reverse
from django.utils import timezone

from tests.conftest import plan_choices
from twohomes.schedules import services
from twohomes.schedules.engine import child_id
from twohomes.schedules.models import ParentingPlan, PlanStatus


def _cycle_start(world: Any) -> date:
    """The first Monday at least a week ahead that starts a 2-2-5-5 cycle of the plan."""
    day = world.family.today(timezone.now()) + timedelta(days=7)
    return day + timedelta(days=(date(2026, 1, 5) - day).days % 14)


def _propose(world: Any, starts: date, **choices: Any) -> Any:
    children = [world.linked_child, world.unlinked_child]
    return services.propose_plan(actor=world.parent_a, now=timezone.now(), effective_from=starts,
                                 choices={**plan_choices(children), **choices})


def _section(page: str) -> str:
    start = page.index('<section class="comparison"')
    return page[start:page.index("</section>", start)]


def _rows(section: str) -> list[str]:
    """Each table row as plain text: header and cells separated by " | "."""
    import re

    rows = []
    for row in re.findall(r"<tr[^>]*>(.*?)</tr>", section, re.S):
        cells = re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)
        rows.append(" | ".join(re.sub(r"<[^>]+>", "", c).strip() for c in cells))
    return rows


def _weeks(world: Any) -> dict[str, Any]:
    group = {"children": [world.linked_child.pk, world.unlinked_child.pk],
             "pattern": "alternating-weeks", "nights": "", "start": "2026-01-05",
             "first_parent": "A", "exchange_time": "18:00", "midweek_day": "",
             "midweek_overnight": False}
    return {"groups": [group]}


def test_the_other_parent_reads_the_changes_before_agree(
    world: Any, agreed_plan: Any, client: Any
) -> None:
    starts = _cycle_start(world)
    plan = _propose(world, starts, **_weeks(world))
    client.force_login(world.parent_b.user)
    page = client.get(reverse("plan_detail", args=[world.family.pk, plan.pk])).content.decode()
    section = _section(page)
    last = starts + timedelta(days=364)
    assert (f"Over one year from {starts:%B} {starts.day}, {starts.year}, the day this plan "
            f"starts, to {last:%B} {last.day}, {last.year}, against version 1") in section
    assert ("<strong>Largest changes:</strong> Exchanges: 4.4 a month, from 8.8; "
            "Longest time away from Alice: 7 days, from 5.") in section
    assert "<caption>Ada and Ben</caption>" in section and section.count("<caption>") == 1
    assert _rows(section) == [
        "Over the year | Now (version 1) | Proposed (version 2)",
        "Exchanges a month | 8.8 | 4.4 (4.4 fewer)",
        "Longest time away from Alice | 5 days | 7 days (2 days longer)",
        "Longest time away from Bruno | 5 days | 7 days (2 days longer)",
        "Overnights with Alice | 183 of 365 | 183 of 365 (same)",
        "Overnights with Bruno | 182 of 365 | 182 of 365 (same)",
        "Share of time with Alice | 49.9 % | 49.9 % (same)",
        "Share of time with Bruno | 50.1 % | 50.1 % (same)",
        "Weekends with Alice | 26 of 52 | 26 of 52 (same)",
        "Weekends with Bruno | 26 of 52 | 26 of 52 (same)",
    ]
    assert "Neither plan gives Ada and Ben holidays of their own" in section
    assert "on Saturday night (52 Saturdays in the year)" in section
    for engine_id in (child_id(world.linked_child), child_id(world.unlinked_child)):
        assert engine_id not in section
    assert " A:" not in section and " B " not in section
    # The table comes before the buttons, near the top: before the calendar and statistics.
    assert page.index("<caption>Ada and Ben</caption>") < page.index("Agree to this plan")
    assert page.index("Agree to this plan") < page.index("Six weeks from the day it starts")


def test_a_parent_who_would_lose_every_weekend_reads_it_first(
    world: Any, agreed_plan: Any, client: Any
) -> None:
    """Sole care with Alice: Bruno's nights, time and weekends go to nothing."""
    starts = _cycle_start(world)
    groups = _weeks(world)["groups"]
    groups[0]["pattern"] = "sole"
    plan = _propose(world, starts, groups=groups)
    client.force_login(world.parent_b.user)
    section = _section(client.get(reverse("plan_detail", args=[world.family.pk, plan.pk]))
                       .content.decode())
    assert ("<strong>Largest changes:</strong> Bruno: 0 of 365 nights, from 182; "
            "Bruno: 0 % of the time, from 50.1 %; Bruno: 0 of 52 weekends, from 26.") in section
    rows = _rows(section)
    assert "Weekends with Bruno | 26 of 52 | 0 of 52 (26 fewer)" in rows
    assert "Weekends with Alice | 26 of 52 | 52 of 52 (26 more)" in rows
    assert "Share of time with Alice | 49.9 % | 100 % (50.1 points more)" in rows
    assert "Longest time away from Bruno | 5 days | 365 days (360 days longer)" in rows
    assert "Exchanges a month | 8.8 | 0 (8.8 fewer)" in rows


def test_children_whose_figures_differ_get_a_table_each_with_todays_names(
    world: Any, agreed_plan: Any, client: Any
) -> None:
    starts = _cycle_start(world)
    groups = _weeks(world)["groups"]
    groups[0]["children"] = [world.linked_child.pk]  # Ada: week on/week off
    groups.append({**groups[0], "children": [world.unlinked_child.pk], "pattern": "2-2-5-5"})
    plan = _propose(world, starts, groups=groups)
    world.unlinked_child.name = "Ben <b>"
    world.unlinked_child.save()
    client.force_login(world.parent_b.user)
    section = _section(client.get(reverse("plan_detail", args=[world.family.pk, plan.pk]))
                       .content.decode())
    assert section.count("<caption>") == 2
    assert "<caption>Ada</caption>" in section and "<caption>Ben &lt;b&gt;</caption>" in section
    assert "<b>" not in section.replace("<b>Largest", "")
    assert ("Largest changes:</strong> Exchanges for Ada: 4.4 a month, from 8.8; "
            "Longest time away from Alice for Ada: 7 days, from 5.") in section


def test_the_preview_compares_from_the_day_the_plan_would_start(
    world: Any, agreed_plan: Any, client: Any
) -> None:
    starts = _cycle_start(world)
    client.force_login(world.parent_a.user)
    page = client.post(reverse("plan_new", args=[world.family.pk]), {
        "g1_children": [world.linked_child.pk, world.unlinked_child.pk],
        "g1_pattern": "alternating-weeks", "g1_start": "2026-01-05", "g1_first_parent": "A",
        "g1_exchange_time": "18:00", "g2_pattern": "sole", "g2_first_parent": "A",
        "g2_exchange_time": "18:00", "season_pattern": "sole", "exchange_place": "school",
        "effective_from": starts.isoformat()}).content.decode()
    section = _section(page)
    assert f"from {starts:%B} {starts.day}, {starts.year}, the day this plan would start" in section
    assert "Exchanges a month | 8.8 | 4.4 (4.4 fewer)" in _rows(section)
    assert "Now (version 1) | This proposal" in _rows(section)[0]
    assert page.index("<caption>Ada and Ben</caption>") < page.index("Six weeks under this")


def test_the_same_plan_again_says_nothing_changes(
    world: Any, agreed_plan: Any, client: Any
) -> None:
    plan = _propose(world, _cycle_start(world))
    client.force_login(world.parent_b.user)
    section = _section(client.get(reverse("plan_detail", args=[world.family.pk, plan.pk]))
                       .content.decode())
    assert "<strong>No change:</strong> the two plans give the same" in section
    assert all(row.endswith("(same)") for row in _rows(section)[1:])


def test_holidays_count_for_the_parent_the_rule_gives_them_to(
    world: Any, agreed_plan: Any, client: Any
) -> None:
    """The plan in force has no holiday rules; the proposal gives Christmas Day to Alice
    in even years and Bruno in odd ones."""
    starts = _cycle_start(world)
    [christmas] = [date(y, 12, 25) for y in (starts.year, starts.year + 1)
                   if starts <= date(y, 12, 25) < starts + timedelta(days=365)]
    given, other = ("Alice", "Bruno") if christmas.year % 2 == 0 else ("Bruno", "Alice")
    plan = _propose(world, starts, holidays={"Christmas Day": {"rule": "alt-A",
                                                               "window": "day"}})
    client.force_login(world.parent_b.user)
    section = _section(client.get(reverse("plan_detail", args=[world.family.pk, plan.pk]))
                       .content.decode())
    assert f"Holidays with {given} | none | 1 of 1 (1 more)" in _rows(section)
    assert f"Holidays with {other} | none | 0 of 1 (same)" in _rows(section)
    assert "Neither plan gives" not in section


def test_a_declined_proposal_whose_day_passed_compares_from_today(
    world: Any, agreed_plan: Any, client: Any
) -> None:
    """Its start day is behind: the year compared is the coming one, and the page says so."""
    plan = _propose(world, _cycle_start(world), **_weeks(world))
    today = world.family.today(timezone.now())
    past = today - timedelta(days=30)
    ParentingPlan.objects.filter(pk=plan.pk).update(effective_from=past,
                                                   status=PlanStatus.DECLINED)
    client.force_login(world.parent_b.user)
    section = _section(client.get(reverse("plan_detail", args=[world.family.pk, plan.pk]))
                       .content.decode())
    assert f"Over one year from {today:%B} {today.day}, {today.year}, today, to" in section
    assert "the day this plan starts" not in section
