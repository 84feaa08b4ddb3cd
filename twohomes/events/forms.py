from __future__ import annotations

from datetime import datetime
from typing import Any

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from twohomes.core.schedule import within_years
from twohomes.families.access import parents_of
from twohomes.families.forms import DateInput, model_choices
from twohomes.families.models import Child, Family, Membership

from .models import Event, Reply
from .recurrence import BYDAY, FREQUENCIES, NONE, WEEKDAY_NAMES, RepeatRule
from .services import EventDetails


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%H:%M", **kwargs)


def _member_name(member: Membership) -> str:
    return _("%(name)s (%(role)s)") % {"name": member.user.name,
                                       "role": member.get_role_display().lower()}


class EventForm(forms.Form):
    title = forms.CharField(max_length=200, label=gettext_lazy("Title"))
    children = forms.ModelMultipleChoiceField(
        queryset=Child.objects.none(), required=False, widget=forms.CheckboxSelectMultiple,
        label=gettext_lazy("Children"),
        error_messages={"invalid_choice": gettext_lazy("Choose children of this family.")},
        help_text=gettext_lazy("Relatives and partners see the events of the children they "
                               "are linked to."),
    )
    all_day = forms.BooleanField(required=False, label=gettext_lazy("All day"))
    start_date = forms.DateField(widget=DateInput(), label=gettext_lazy("Date"))
    start_time = forms.TimeField(required=False, widget=TimeInput(),
                                 label=gettext_lazy("Start time"))
    end_time = forms.TimeField(required=False, widget=TimeInput(), label=gettext_lazy("End time"))
    end_date = forms.DateField(required=False, widget=DateInput(),
                               label=gettext_lazy("End date (if not the same day)"))
    location = forms.CharField(max_length=200, required=False, label=gettext_lazy("Location"))
    responsible = forms.ModelChoiceField(
        queryset=Membership.objects.none(), required=False,
        empty_label=gettext_lazy("Nobody in particular"),
        label=gettext_lazy("Parent responsible"))
    notes = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 3}),
                            max_length=5000, label=gettext_lazy("Notes"))
    repeat = forms.ChoiceField(
        label=gettext_lazy("Repeats"), initial=NONE,
        choices=[(NONE, gettext_lazy("Does not repeat")), ("daily", gettext_lazy("Daily")),
                 ("weekly", gettext_lazy("Weekly")), ("monthly", gettext_lazy("Monthly")),
                 ("yearly", gettext_lazy("Yearly"))])
    interval = forms.IntegerField(
        min_value=1, max_value=99, required=False, initial=1,
        label=gettext_lazy("Every how many days, weeks, months or years"),
        help_text=gettext_lazy("1 = every time; 2 = every other week, and so on."))
    weekdays = forms.MultipleChoiceField(
        required=False, widget=forms.CheckboxSelectMultiple,
        choices=list(zip(BYDAY, WEEKDAY_NAMES, strict=True)),
        label=gettext_lazy("On these weekdays (weekly)"))
    repeat_until = forms.DateField(required=False, widget=DateInput(),
                                   label=gettext_lazy("Repeat until (optional)"))
    repeat_count = forms.IntegerField(required=False, min_value=1, max_value=500,
                                      label=gettext_lazy("Or: number of times (optional)"),
                                      help_text=gettext_lazy("Give an end date or a number, "
                                                             "not both."))

    def __init__(self, *args: Any, family: Family, children: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.family = family
        model_choices(self, "children", children, lambda child: child.name)
        parents = parents_of(family)
        model_choices(self, "responsible", parents, lambda member: member.user.name)
        self.details: EventDetails | None = None

    @staticmethod
    def initial_for(event: Event) -> dict[str, Any]:
        zone = event.family.zone
        start, end = event.starts.astimezone(zone), event.ends.astimezone(zone)
        rule = event.repeat
        return {
            "title": event.title, "children": list(event.children.all()),
            "all_day": event.all_day,
            "start_date": event.start_date if event.all_day else start.date(),
            "start_time": None if event.all_day else start.time(),
            "end_time": None if event.all_day else end.time(),
            "end_date": (event.end_date if event.all_day else end.date())
            if event.last_day != (event.start_date or start.date()) else None,
            "location": event.location, "responsible": event.responsible,
            "notes": event.notes, "repeat": rule.frequency, "interval": rule.interval,
            "weekdays": list(rule.weekdays), "repeat_until": rule.until,
            "repeat_count": rule.count,
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.errors:
            return data
        starts, ends = self._instants(data)
        if data.get("repeat_until") and data.get("repeat_count"):
            self.add_error("repeat_count", _("End the repeat either on a date or after a "
                                             "number of times, not both."))
        if self.errors:
            return data
        first = data["start_date"]
        weekdays = tuple(data.get("weekdays") or ())
        if data["repeat"] == "weekly" and not weekdays:
            weekdays = (BYDAY[first.weekday()],)
        self.details = EventDetails(
            title=data["title"], all_day=bool(data.get("all_day")), starts=starts, ends=ends,
            start_date=first, end_date=data.get("end_date") or first,
            children=list(data.get("children") or []),
            location=data.get("location", ""), responsible=data.get("responsible"),
            notes=data.get("notes", ""),
            repeat=RepeatRule(
                frequency=data["repeat"] if data["repeat"] in FREQUENCIES else NONE,
                interval=data.get("interval") or 1,
                weekdays=weekdays if data["repeat"] == "weekly" else (),
                until=data.get("repeat_until"), count=data.get("repeat_count")),
        )
        return data

    def _instants(self, data: dict[str, Any]) -> tuple[datetime | None, datetime | None]:
        """The start and end of a timed event (None, None for an all-day one)."""
        first, last = data["start_date"], data.get("end_date") or data["start_date"]
        if data.get("all_day"):
            if last < first:
                self.add_error("end_date", _("The event ends before it starts."))
            return None, None
        for name, words in (("start_time", _("Give a start time, or tick “All day”.")),
                            ("end_time", _("Give an end time, or tick “All day”."))):
            if data.get(name) is None:
                self.add_error(name, words)
        if self.errors:
            return None, None
        zone = self.family.zone
        starts = datetime.combine(first, data["start_time"], tzinfo=zone)
        ends = datetime.combine(last, data["end_time"], tzinfo=zone)
        if ends <= starts:
            self.add_error("end_time", _("The event ends before it starts."))
        return starts, ends


class CancelForm(forms.Form):
    reason = forms.CharField(max_length=300, required=False,
                             label=gettext_lazy("Reason (optional)"))


class SkipForm(CancelForm):
    """One time of a repeating event, named by its start (ISO 8601 with its offset)."""

    starts = forms.CharField(widget=forms.HiddenInput, max_length=40, error_messages={
        "required": gettext_lazy("Choose one of the event's times."),
        "max_length": gettext_lazy("Choose one of the event's times.")})

    def clean_starts(self) -> datetime:
        try:
            moment = datetime.fromisoformat(self.cleaned_data["starts"])
        except ValueError:
            raise forms.ValidationError(_("Choose one of the event's times.")) from None
        if moment.tzinfo is None or not within_years(moment):
            raise forms.ValidationError(_("Choose one of the event's times."))
        return moment


class InviteForm(forms.Form):
    invitee = forms.ModelChoiceField(
        queryset=Membership.objects.none(), label=pgettext_lazy("choose whom to invite", "Invite"),
        error_messages={"invalid_choice": gettext_lazy("Choose a parent, partner or relative of "
                                                       "this family.")})

    def __init__(self, *args: Any, invitable: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        model_choices(self, "invitee", invitable, _member_name)


class ReplyForm(forms.Form):
    reply = forms.ChoiceField(
        choices=[(Reply.YES, Reply.YES.label), (Reply.NO, Reply.NO.label),
                 (Reply.MAYBE, Reply.MAYBE.label)],
        widget=forms.RadioSelect, label=gettext_lazy("Will you come?"))
    note = forms.CharField(max_length=300, required=False, label=gettext_lazy("Note (optional)"))
