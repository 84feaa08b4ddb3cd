"""The plan editor (no JSON for parents to write) and the swap forms."""

from __future__ import annotations

import functools
import re
from datetime import date, datetime, time, timedelta
from typing import Any

import holidays
from django import forms
from django.core.exceptions import ValidationError
from django.utils import dates, timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from twohomes.core.schedule import (
    MAX_YEAR,
    MIN_YEAR,
    WEEKDAYS,
    describe_patterns,
    within_years,
)
from twohomes.families.forms import DateInput, model_choices
from twohomes.families.models import Child, Family, Membership

from .engine import RULE_LABELS

MIDWEEK_DAYS = [("", gettext_lazy("No midweek visit")),
                *zip(WEEKDAYS[:4], list(dates.WEEKDAYS.values())[:4], strict=True)]  # Mon-Thu
# The engine's patterns in the reader's words (the engine itself speaks no language).
PATTERN_WORDS = {
    "alternating-weeks": gettext_lazy("7-7: one week with each parent, in turn"),
    "2-2-3": gettext_lazy("2-2-3: 2 nights, 2 nights, 3 nights, swapping each week"),
    "2-2-5-5": gettext_lazy("2-2-5-5: 2 nights each, then 5 nights each (weekends alternate)"),
    "3-4-4-3": gettext_lazy("3-4-4-3: 3 nights, 4 nights, then 4 and 3 the other way round"),
    "5-2-2-5": gettext_lazy("5-2-2-5: 5 nights, 2, 2, 5 over two weeks"),
    "5-2": gettext_lazy("5-2: school nights (Sun-Thu) with the first parent, Fri-Sat with "
                        "the second"),
    "4-3": gettext_lazy("4-3: 4 nights with the first parent, 3 with the second, every week"),
    "every-other-weekend": gettext_lazy("every other weekend, Friday to Sunday evening, with "
                                        "the second parent"),
    "every-other-weekend-monday": gettext_lazy("every other weekend, Friday to Monday school "
                                               "drop-off, with the second parent"),
    "sole": gettext_lazy("the first parent has the child all the time"),
    "custom": gettext_lazy("a custom cycle of 1 to 56 nights, given night by night"),
}
WINDOWS = [("day", gettext_lazy("The whole day")),
           ("evening-before", gettext_lazy("From the evening before")),
           ("nights", gettext_lazy("Exchange time to exchange time"))]
MONTH_DAY = re.compile(r"^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$")


class LocalDateTimeInput(forms.DateTimeInput):
    """A browser's date-and-time picker, given its value in the form it reads."""

    input_type = "datetime-local"

    def __init__(self) -> None:
        super().__init__(format="%Y-%m-%dT%H:%M")


class TimeInput(forms.TimeInput):
    input_type = "time"


@functools.cache
def public_holiday_names(country: str, subdivision: str, year: int) -> list[str]:
    calendar = holidays.country_holidays(country, subdiv=subdivision or None,
                                         years=[year, year + 1])
    names = set()
    for name in calendar.values():
        for part in str(name).split("; "):
            if "observed" not in part.lower() and "estimated" not in part.lower():
                names.add(part)
    return sorted(names)


def _pattern_choices() -> list[tuple[str, str | Promise]]:
    return [(name, PATTERN_WORDS.get(name, text)) for name, text in describe_patterns()]


def _labels(parents: dict[str, Membership]) -> dict[str, str]:
    return {key: m.user.name for key, m in parents.items()}


class PlanForm(forms.Form):
    """One or two groups of children, an optional season, holidays and family dates."""

    def __init__(self, *args: Any, family: Family, parents: dict[str, Membership],
                 children: list[Child], today: date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.family, self.parents, self.children, self.today = family, parents, children, today
        names = _labels(parents)
        parent_choices = [(key, name) for key, name in names.items()]
        child_choices = [(c.pk, c.name) for c in children]
        rule_choices = [(v, str(label) % names) for v, label in RULE_LABELS]
        for group in (1, 2):
            self._group_fields(group, child_choices, parent_choices)
        for name, field in self.fields.items():
            if name.startswith("g2_"):
                field.required = False
                # Distinct names for screen readers, which read a field out of its box.
                label = str(field.label)
                field.label = _("Second schedule: %(label)s") % {
                    "label": label[0].lower() + label[1:]}
        self.fields["use_group2"] = forms.BooleanField(
            required=False, label=_("Some children follow a different schedule (the second one)"))
        self.fields["exchange_place"] = forms.CharField(
            required=False, max_length=200, label=_("Where exchanges happen"),
            help_text=_("e.g. “at school”, or “the receiving parent picks up from the other "
                        "home”."))
        self.fields["effective_from"] = forms.DateField(
            widget=DateInput(), label=_("The plan starts on"),
            help_text=_("The plan in force now governs every day before this date, this plan "
                        "every day from it, once every parent agrees. If the date passes "
                        "before then, the proposal expires."))
        self._season_fields(parent_choices)
        self.holiday_names = public_holiday_names(family.country, family.subdivision, today.year)
        for index, name in enumerate(self.holiday_names):
            self.fields[f"holiday_{index}_rule"] = forms.ChoiceField(
                choices=rule_choices, required=False, label=name)
            self.fields[f"holiday_{index}_window"] = forms.ChoiceField(
                choices=WINDOWS, required=False,
                label=_("%(holiday)s: time") % {"holiday": name})
        self.fields["birthdays"] = forms.ChoiceField(
            choices=rule_choices, required=False, label=_("Each child's birthday"))
        for day, label in (("mothers_day", _("Mother's Day with")),
                           ("fathers_day", _("Father's Day with"))):
            self.fields[day] = forms.ChoiceField(
                choices=[("", _("Follow the usual schedule"))] + parent_choices,
                required=False, label=label)
        self.fields["school_breaks"] = forms.CharField(
            required=False, widget=forms.Textarea(attrs={"rows": 3}), label=_("School breaks"),
            help_text=_("One per line: a name, then the first and last day, e.g. "
                        "“Winter break 2026-12-21 2027-01-03”."))
        self.fields["school_break_rule"] = forms.ChoiceField(
            choices=rule_choices, required=False, label=_("During school breaks"))

    def _group_fields(self, group: int, child_choices: Any, parent_choices: Any) -> None:
        prefix = f"g{group}_"
        self.fields[prefix + "children"] = forms.TypedMultipleChoiceField(
            choices=child_choices, coerce=int, required=False,
            widget=forms.CheckboxSelectMultiple, label=_("Children on this schedule"))
        self.fields[prefix + "pattern"] = forms.ChoiceField(
            choices=_pattern_choices(), label=_("Schedule"), initial="2-2-5-5")
        self.fields[prefix + "nights"] = forms.CharField(
            required=False, max_length=56, label=_("Custom cycle, night by night"),
            help_text=_("Only for a custom cycle: one letter per night, e.g. AABBAAABBAABBB."))
        self.fields[prefix + "start"] = forms.DateField(
            widget=DateInput(), label=_("The rotation counts from"), initial=self.today,
            help_text=_("The first day of the cycle (its day 1), which may be before the plan "
                        "starts."))
        self.fields[prefix + "first_parent"] = forms.ChoiceField(
            choices=parent_choices, label=_("Who starts"))
        self.fields[prefix + "exchange_time"] = forms.TimeField(
            widget=TimeInput(), initial=time(18, 0), label=_("Exchange time"))
        self.fields[prefix + "midweek_day"] = forms.ChoiceField(
            choices=MIDWEEK_DAYS, required=False,
            label=_("Midweek visit (every-other-weekend only)"))
        self.fields[prefix + "midweek_overnight"] = forms.BooleanField(
            required=False, label=_("The midweek visit is overnight"))

    def _season_fields(self, parent_choices: Any) -> None:
        self.fields["season_name"] = forms.CharField(
            required=False, max_length=60, label=_("Season (optional), e.g. Summer"))
        self.fields["season_from"] = forms.CharField(
            required=False, label=_("Season from (MM-DD)"), help_text=_("e.g. 06-20"))
        self.fields["season_to"] = forms.CharField(
            required=False, label=_("Season to (MM-DD)"), help_text=_("e.g. 08-20"))
        self.fields["season_pattern"] = forms.ChoiceField(
            choices=_pattern_choices(), required=False, label=_("Schedule in the season"),
            initial="alternating-weeks")
        self.fields["season_start"] = forms.DateField(
            required=False, widget=DateInput(), label=_("Season schedule counts from"))
        self.fields["season_first_parent"] = forms.ChoiceField(
            choices=parent_choices, required=False, label=_("Who starts the season schedule"))

    # --- cleaning into the JSON the engine builder reads ---------------------------------

    def _group(self, group: int, data: dict[str, Any]) -> dict[str, Any] | None:
        prefix = f"g{group}_"
        chosen = data.get(prefix + "children") or []
        if group == 2 and not data.get("use_group2"):
            return None
        if group == 2 and not data.get(prefix + "start"):
            self.add_error(prefix + "start", _("Give the day the second schedule starts."))
        pattern = data.get(prefix + "pattern")
        nights = (data.get(prefix + "nights") or "").upper().replace(" ", "")
        if pattern == "custom":
            if not nights or set(nights) - set(self.parents):
                self.add_error(prefix + "nights", _(
                    "Give the cycle as letters %(letters)s, one per night.")
                    % {"letters": _(" and ").join(self.parents)})
        if not data.get(prefix + "start"):
            return None
        return {
            "children": chosen, "pattern": pattern, "nights": nights,
            "start": data[prefix + "start"].isoformat(),
            "first_parent": data.get(prefix + "first_parent") or "A",
            "exchange_time": (data.get(prefix + "exchange_time") or time(18)).strftime("%H:%M"),
            "midweek_day": data.get(prefix + "midweek_day") or "",
            "midweek_overnight": bool(data.get(prefix + "midweek_overnight")),
        }

    def _season(self, data: dict[str, Any]) -> dict[str, Any] | None:
        if not data.get("season_name"):
            return None
        for field in ("season_from", "season_to"):
            if not MONTH_DAY.match(data.get(field) or ""):
                self.add_error(field, _("Give the day as MM-DD, e.g. 06-20."))
        if not data.get("season_start"):
            self.add_error("season_start", _("Give the day the season schedule counts from."))
            return None
        return {"name": data["season_name"], "from": data.get("season_from"),
                "to": data.get("season_to"), "pattern": data.get("season_pattern") or "sole",
                "nights": "", "start": data["season_start"].isoformat(),
                "first_parent": data.get("season_first_parent") or "A",
                "exchange_time": (data.get("g1_exchange_time") or time(18)).strftime("%H:%M")}

    def _breaks(self, text: str) -> list[dict[str, str]]:
        breaks = []
        for number, line in enumerate(text.splitlines(), 1):
            line = line.strip()
            if not line:
                continue
            match = re.match(r"^(.*?)\s+(\d{4}-\d{2}-\d{2})\s+(\d{4}-\d{2}-\d{2})$", line)
            if not match:
                raise ValidationError(_("Line %(number)s: write a name, then two dates "
                                        "YYYY-MM-DD (first and last day).")
                                      % {"number": number})
            name, first, last = match.groups()
            try:
                days = date.fromisoformat(first), date.fromisoformat(last)
            except ValueError:
                raise ValidationError(_("Line %(number)s: %(first)s or %(last)s is not a date "
                                        "on the calendar.")
                                      % {"number": number, "first": first, "last": last}
                                      ) from None
            if not within_years(*days):
                raise ValidationError(_("Line %(number)s: give dates between %(min)s and %(max)s.")
                                      % {"number": number, "min": MIN_YEAR, "max": MAX_YEAR})
            if days[1] < days[0]:
                raise ValidationError(_("Line %(number)s: the break ends before it starts.")
                                      % {"number": number})
            breaks.append({"name": name, "from": first, "to": last})
        return breaks

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        starts = data.get("effective_from")
        if starts and not within_years(starts):
            self.add_error("effective_from", _("Give a date between %(min)s and %(max)s.")
                           % {"min": MIN_YEAR, "max": MAX_YEAR})
        elif starts and starts < self.today:
            self.add_error("effective_from", _("A new plan starts today or later: the days "
                                               "already lived keep the plan that was in force."))
        groups = [g for g in (self._group(1, data), self._group(2, data)) if g]
        claimed = [c for g in groups for c in g["children"]]
        if not claimed:
            self.add_error("g1_children", _("Choose the children this plan is for."))
        if len(claimed) != len(set(claimed)):
            self.add_error("g2_children", _("A child can follow only one of the two schedules."))
        try:
            breaks = self._breaks(data.get("school_breaks") or "")
        except ValidationError as error:
            self.add_error("school_breaks", error)
            breaks = []
        data["choices"] = {
            "groups": groups, "season": self._season(data),
            "holidays": {name: {"rule": data.get(f"holiday_{i}_rule") or "",
                                "window": data.get(f"holiday_{i}_window") or "day"}
                         for i, name in enumerate(self.holiday_names)
                         if data.get(f"holiday_{i}_rule")},
            "birthdays": data.get("birthdays") or "",
            "mothers_day": data.get("mothers_day") or "",
            "fathers_day": data.get("fathers_day") or "",
            "school_breaks": breaks, "school_break_rule": data.get("school_break_rule") or "",
            "exchange_place": data.get("exchange_place") or "",
        }
        return data

    @classmethod
    def initial_from(cls, choices: dict[str, Any], holiday_names: list[str]) -> dict[str, Any]:
        """Editor values that reproduce ``choices`` (to start a new version from a plan)."""
        initial: dict[str, Any] = {"exchange_place": choices.get("exchange_place", "")}
        for index, group in enumerate(choices.get("groups", []), 1):
            prefix = f"g{index}_"
            initial.update({prefix + key: group.get(key) for key in (
                "children", "pattern", "nights", "start", "first_parent", "exchange_time",
                "midweek_day", "midweek_overnight")})
        initial["use_group2"] = len(choices.get("groups", [])) > 1
        season = choices.get("season")
        if season:
            initial.update({"season_name": season["name"], "season_from": season["from"],
                            "season_to": season["to"], "season_pattern": season["pattern"],
                            "season_start": season["start"],
                            "season_first_parent": season["first_parent"]})
        for index, name in enumerate(holiday_names):
            picked = choices.get("holidays", {}).get(name)
            if picked:
                initial[f"holiday_{index}_rule"] = picked["rule"]
                initial[f"holiday_{index}_window"] = picked["window"]
        for key in ("birthdays", "mothers_day", "fathers_day", "school_break_rule"):
            initial[key] = choices.get(key, "")
        initial["school_breaks"] = "\n".join(
            f"{b['name']} {b['from']} {b['to']}" for b in choices.get("school_breaks", []))
        return initial


class DecisionForm(forms.Form):
    comment = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}),
                              max_length=2000,
                              label=gettext_lazy("Comment (optional; required to decline)"))


class SwapForm(forms.Form):
    children = forms.ModelMultipleChoiceField(queryset=Child.objects.none(),
                                              widget=forms.CheckboxSelectMultiple,
                                              label=gettext_lazy("Children"))
    starts = forms.DateTimeField(widget=LocalDateTimeInput(),
                                 label=pgettext_lazy("start of a time span", "From"))
    ends = forms.DateTimeField(widget=LocalDateTimeInput(),
                               label=gettext_lazy("Until"))
    parent = forms.ModelChoiceField(queryset=Membership.objects.none(),
                                    label=gettext_lazy("The children are with"))
    reason = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), max_length=2000,
                             label=gettext_lazy("Reason"))
    answer_by = forms.DateField(widget=DateInput(), label=gettext_lazy("Please answer by"))
    makeup_starts = forms.DateTimeField(
        required=False, widget=LocalDateTimeInput(),
        label=gettext_lazy("Make-up time offered: from (optional)"))
    makeup_ends = forms.DateTimeField(
        required=False, widget=LocalDateTimeInput(),
        label=gettext_lazy("Make-up time offered: until"))
    field_order = ["children", "starts", "ends", "parent", "reason", "answer_by",
                   "makeup_starts", "makeup_ends"]

    def __init__(self, *args: Any, family: Family, parents: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.zone = family.zone
        model_choices(self, "children", family.children.all(), lambda child: child.name)
        model_choices(self, "parent", parents, lambda member: member.user.name)

    def _aware(self, value: datetime | None) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=self.zone) if timezone.is_naive(value) else \
            value.astimezone(self.zone)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for key in ("starts", "ends", "makeup_starts", "makeup_ends"):
            value = data.get(key)
            if value is not None and not within_years(value):
                self.add_error(key, _("Give a time between %(min)s and %(max)s.")
                               % {"min": MIN_YEAR, "max": MAX_YEAR})
                value = None
            data[key] = self._aware(value)
        if self.errors:
            return data
        if data.get("starts") and data.get("ends") and data["ends"] <= data["starts"]:
            self.add_error("ends", _("The change must end after it starts."))
        if data.get("ends") and data["ends"] <= timezone.now():
            self.add_error("ends", _("A change can only be asked for the future."))
        if bool(data.get("makeup_starts")) != bool(data.get("makeup_ends")):
            self.add_error("makeup_ends", _("Give both ends of the make-up time, or neither."))
        elif data.get("makeup_starts") and data["makeup_ends"] <= data["makeup_starts"]:
            self.add_error("makeup_ends", _("The make-up time must end after it starts."))
        answer_by = data.get("answer_by")
        if answer_by and answer_by < timezone.localdate(timezone=self.zone):
            self.add_error("answer_by", _("The answer-by date cannot be in the past."))
        if answer_by and data.get("starts") and answer_by > data["starts"].date() + timedelta(0):
            self.add_error("answer_by", _("Ask for an answer before the change begins."))
        return data


class SwapAnswerForm(forms.Form):
    reason = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}),
                             max_length=2000,
                             label=gettext_lazy("Your reason (required to decline)"))
